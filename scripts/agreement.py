#!/usr/bin/env python3
"""Agreement between the corpus labels and the blind second labelling pass.

Usage (from the repository root):

    .venv/bin/python scripts/agreement.py [--corpus data/moves] [--second data/moves/second_pass] [--markdown]

The second pass (``second_pass/second_pass.jsonl``: ``{"id", "tags"}`` per line) was
made by annotators who saw only the message text and PRINCIPLES.md. Prints,
per tag, Cohen's kappa and the F1 of one pass against the other, and over
all messages the exact-set agreement and the macro-kappa. ``--markdown``
prints the table for the datasheet. Standard library only.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from roleplay.analysis.tags import TAGS  # noqa: E402


def load(directory: Path) -> dict[str, dict]:
    out = {}
    for path in sorted(p for p in directory.glob("*.jsonl") if p.name != "adjudication.jsonl"):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                r = json.loads(line)
                out[r["id"]] = r
    return out


def kappa(a: list[bool], b: list[bool]) -> float:
    n = len(a)
    po = sum(x == y for x, y in zip(a, b)) / n
    pa, pb = sum(a) / n, sum(b) / n
    pe = pa * pb + (1 - pa) * (1 - pb)
    return 1.0 if pe == 1 else (po - pe) / (1 - pe)


def agreement(first: dict[str, dict], second: dict[str, dict]) -> dict:
    ids = [i for i in second if i in first]
    per_tag = {}
    for t in TAGS:
        a = [t in first[i]["tags"] for i in ids]
        b = [t in second[i]["tags"] for i in ids]
        tp = sum(x and y for x, y in zip(a, b))
        f1 = 2 * tp / (sum(a) + sum(b)) if sum(a) + sum(b) else 1.0
        per_tag[t] = {"kappa": round(kappa(a, b), 3), "f1": round(f1, 3), "first": sum(a), "second": sum(b)}
    exact = sum(set(first[i]["tags"]) == set(second[i]["tags"]) for i in ids)
    voices = sorted({first[i].get("voice", "?") for i in ids})
    return {"n": len(ids), "voices": len(voices), "exact_set": round(exact / len(ids), 3) if ids else 0.0,
            "macro_kappa": round(sum(v["kappa"] for v in per_tag.values()) / len(TAGS), 3),
            "macro_f1": round(sum(v["f1"] for v in per_tag.values()) / len(TAGS), 3), "per_tag": per_tag}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", default=str(ROOT / "data" / "moves"))
    ap.add_argument("--second", default=str(ROOT / "data" / "moves" / "second_pass"))
    ap.add_argument("--markdown", action="store_true")
    args = ap.parse_args(argv)
    first = load(Path(args.corpus))
    # The corpus holds the settled labels; the first pass's own labels, where
    # the adjudication changed them, are kept in adjudication.jsonl.
    adj_path = Path(args.second) / "adjudication.jsonl"
    adjudicated = [json.loads(x) for x in adj_path.read_text(encoding="utf-8").splitlines() if x.strip()] \
        if adj_path.exists() else []
    for a in adjudicated:
        if a["id"] in first:
            first[a["id"]] = dict(first[a["id"]], tags=a["first_pass"])
    res = agreement(first, load(Path(args.second)))
    if adjudicated:
        settled_first = sum(a["settled"] == a["first_pass"] for a in adjudicated)
        settled_second = sum(a["settled"] == a["second_pass"] for a in adjudicated)
        res["adjudication"] = {"disagreements": len(adjudicated), "first_pass_kept": settled_first,
                               "second_pass_kept": settled_second,
                               "neither": len(adjudicated) - settled_first - settled_second}
    if args.markdown:
        print(f"{res['n']} messages from {res['voices']} voices; exact-set agreement {res['exact_set']:.3f}, "
              f"macro kappa {res['macro_kappa']:.3f}, macro F1 {res['macro_f1']:.3f}\n")
        if "adjudication" in res:
            a = res["adjudication"]
            print(f"{a['disagreements']} disagreements adjudicated: the first pass's labels kept {a['first_pass_kept']}, "
                  f"the second pass's {a['second_pass_kept']}, other labels {a['neither']}.\n")
        print("| tag | kappa | F1 | first pass | second pass |\n|---|---|---|---|---|")
        for t, v in res["per_tag"].items():
            print(f"| `{t}` | {v['kappa']:.3f} | {v['f1']:.3f} | {v['first']} | {v['second']} |")
    else:
        print(json.dumps(res, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
