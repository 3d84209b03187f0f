#!/usr/bin/env python3
"""Score the terms extractor (``roleplay.analysis.terms``) on labelled messages.

Usage: .venv/bin/python scripts/eval_terms.py [FILE.jsonl] [--errors]

Each line: ``{"id", "text", "terms": [{"issue", "value", "unit"?}, ...]}``.
A predicted term counts as right when its issue, value and unit all equal a
gold term of the same message (each gold term matched once); "issue only"
also reports how often the issue was found whatever its value.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from roleplay.analysis.terms import terms  # noqa: E402


def _key(t: dict) -> tuple:
    v = t.get("value")
    if isinstance(v, float) and v.is_integer():
        v = int(v)
    if isinstance(v, str):
        v = v.lower()
    return (t["issue"], v, t.get("unit"))


def score(rows: list[dict], show_errors: bool = False) -> dict:
    tp = fp = fn = 0
    itp = ifp = ifn = 0
    exact = 0
    per_issue: Counter = Counter()
    for r in rows:
        gold = Counter(_key(t) for t in r["terms"])
        pred = Counter(_key(t.as_json()) for t in terms(r["text"]))
        hit = sum((gold & pred).values())
        tp += hit
        fp += sum(pred.values()) - hit
        fn += sum(gold.values()) - hit
        gi = Counter(k[0] for k in gold.elements())
        pi = Counter(k[0] for k in pred.elements())
        ih = sum((gi & pi).values())
        itp += ih
        ifp += sum(pi.values()) - ih
        ifn += sum(gi.values()) - ih
        exact += gold == pred
        for k in (gold - pred):
            per_issue[("missed", k[0])] += 1
        for k in (pred - gold):
            per_issue[("extra", k[0])] += 1
        if show_errors and gold != pred:
            print(f"[{r['id']}] {r['text']}\n   gold: {sorted(gold.elements(), key=str)}\n   got:  {sorted(pred.elements(), key=str)}")
    f = lambda a, b, c: (a / (a + b) if a + b else 0.0, a / (a + c) if a + c else 0.0)  # noqa: E731
    p, rc = f(tp, fp, fn)
    ip, ir = f(itp, ifp, ifn)
    return {"n": len(rows), "precision": round(p, 3), "recall": round(rc, 3),
            "f1": round(2 * p * rc / (p + rc), 3) if p + rc else 0.0,
            "issue_precision": round(ip, 3), "issue_recall": round(ir, 3),
            "exact_messages": round(exact / len(rows), 3) if rows else 0.0,
            "errors_by_issue": {f"{a} {b}": n for (a, b), n in per_issue.most_common()}}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("path", nargs="?", default=str(ROOT / "data" / "terms" / "terms-regression.jsonl"))
    ap.add_argument("--errors", action="store_true")
    args = ap.parse_args(argv)
    rows = [json.loads(x) for x in Path(args.path).read_text(encoding="utf-8").splitlines() if x.strip()]
    print(json.dumps(score(rows, args.errors), indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
