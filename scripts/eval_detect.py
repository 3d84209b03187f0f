#!/usr/bin/env python3
"""Score the behaviour-tag detector on a labelled JSON Lines file.

Usage (from the repository root):

    .venv/bin/python scripts/eval_detect.py PATH [--errors] [--json]

Prints per-tag precision, recall, F1 and support, the macro-F1 over the 15
tags, and the exact-set rate (messages whose predicted tag set equals the
gold set). ``--errors`` lists the misclassified messages; ``--json`` prints
the same numbers as one JSON object instead.
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


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("path", help="labelled JSONL file ({id, text, tags} per line)")
    ap.add_argument("--errors", action="store_true", help="list misclassified messages")
    ap.add_argument("--json", action="store_true", help="machine-readable output")
    args = ap.parse_args(argv)

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
