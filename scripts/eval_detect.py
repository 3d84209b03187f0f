#!/usr/bin/env python3
"""Score the behaviour-tag detector on labelled messages.

Usage (from the repository root):

    .venv/bin/python scripts/eval_detect.py PATH [--errors] [--json] [--rules-only]
    .venv/bin/python scripts/eval_detect.py --cv voice|domain [--corpus DIR] [--json OUT]

With ``PATH`` (a labelled JSON Lines file): the shipped detector's per-tag
precision, recall, F1 and support, the macro-F1 and the exact-set rate
(messages whose predicted tag set equals the gold set). ``--errors`` lists
the misclassified messages; ``--rules-only`` turns the learned tagger off.

With ``--cv voice`` or ``--cv domain`` (needs the ``train`` extra): the
honest protocol. For every voice (or domain) of the corpus in turn, models
are trained on all the other groups (and the regression files), never on
the held-out one, and every approach is scored on the held-out messages:
the rules alone, TF-IDF + logistic regression, their union, the shipped
per-tag combination (chosen, for each held-out group, on the other groups'
held-out scores only), and calibrated averaging. Counts are pooled over all held-out
messages; per-group macro-F1 is printed as it goes.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run from a fresh clone without installing
    sys.path.insert(0, str(ROOT))

from roleplay.analysis.evaluation import evaluate, load_jsonl  # noqa: E402


def _cv(args) -> int:
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    import tagger_lab as L
    from train_tagger import regression_rows

    rows = L.load_corpus(Path(args.corpus), include_sealed=False)
    R, F, B = L.rule_outputs(rows)
    log = (lambda *a: print(*a, file=sys.stderr, flush=True))
    log(f"leave-one-{args.cv}-out over {len(rows)} messages, {len({r[args.cv] for r in rows})} groups")
    totals = L.cross_validate(rows, args.cv, R, extra=regression_rows(), log=log,
                              feats=F if args.rule_features else None, blocked=B)
    per_group = totals.pop("_per_group")
    print(f"\nleave-one-{args.cv}-out, pooled over held-out messages (n={next(iter(totals.values())).n})")
    print(f"{'approach':<15}{'macro-F1':>10}{'threat F1':>11}{'exact-set':>11}")
    for name in L.APPROACHES:
        s = totals[name].summary()
        print(f"{name:<15}{s['macro_f1']:>10.3f}{s['threat_f1']:>11.3f}{s['exact_set']:>11.3f}")
    print("\nper tag F1:" + " " * 13 + "".join(f"{n[:8]:>9}" for n in L.APPROACHES))
    for tag in L.TAGS:
        print(f"  {tag:<22}" + "".join(f"{totals[n].summary()['per_tag'][tag]['f1']:>9.3f}" for n in L.APPROACHES))
    if args.json:
        out = {"protocol": f"leave-one-{args.cv}-out", "approaches": {n: totals[n].summary() for n in L.APPROACHES},
               "per_group_macro_f1": per_group}
        Path(args.json).write_text(json.dumps(out, indent=1) + "\n", encoding="utf-8")
    return 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("path", nargs="?", help="labelled JSONL file ({id, text, tags} per line)")
    ap.add_argument("--errors", action="store_true", help="list misclassified messages")
    ap.add_argument("--json", nargs="?", const="-", help="machine-readable output (with --cv: a file)")
    ap.add_argument("--rules-only", action="store_true", help="the hand-written rules without the model")
    ap.add_argument("--cv", choices=("voice", "domain"), help="leave-one-group-out cross-validation")
    ap.add_argument("--corpus", default=str(ROOT / "data" / "moves"), help="corpus folder for --cv")
    ap.add_argument("--rule-features", action="store_true",
                    help="with --cv: the model also reads the rules' tags and matched patterns as features")
    args = ap.parse_args(argv)
    if args.cv:
        return _cv(args)
    if not args.path:
        ap.error("give a labelled file, or --cv voice|domain")
    if args.rules_only:
        from roleplay.analysis import detector
        detector.USE_LEARNED = False
    report = evaluate(load_jsonl(args.path))
    if args.json:
        out = report.as_dict()
        if not args.errors:
            out.pop("errors")
        print(json.dumps(out, ensure_ascii=False, indent=2))
        return 0
    print(report.table())
    if args.errors:
        print(f"\n{len(report.errors)} misclassified:")
        for e in report.errors:
            miss = ",".join(e["missing"]) or "-"
            extra = ",".join(e["extra"]) or "-"
            print(f"[{e['id']}] missing={miss} extra={extra}\n    {e['text']}")
            if e["evidence"]:
                print(f"    evidence: {e['evidence']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
