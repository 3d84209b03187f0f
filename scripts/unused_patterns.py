#!/usr/bin/env python3
"""List the rule patterns that never match any labelled message.

Usage (from the repository root):

    .venv/bin/python scripts/unused_patterns.py [FILE.jsonl ...] [--counts]

Runs the rules (model off) over the corpus (``data/moves``), the regression
files (``tests/data``) and any extra labelled files given, records every
pattern that matched (as ``detect --explain`` does), and prints the ids of
those that never did: candidates to delete, or to give a better example.
``--counts`` prints how often each pattern matched instead.
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

from roleplay.analysis import detector  # noqa: E402
from roleplay.analysis.lexicon import LazyPattern  # noqa: E402


def pattern_hits(paths: list[Path]) -> tuple[Counter, int]:
    """How many messages each pattern id matched in, and how many messages."""
    hits: Counter[str] = Counter()
    n = 0
    for path in paths:
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            found: set[str] = set()
            detector.rule_spans(json.loads(line)["text"], hits=found)
            hits.update(found)
            n += 1
    return hits, n


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("files", nargs="*")
    ap.add_argument("--counts", action="store_true")
    args = ap.parse_args(argv)
    paths = sorted((ROOT / "data" / "moves").glob("*.jsonl")) + sorted((ROOT / "tests" / "data").glob("*.jsonl"))
    paths += [Path(f) for f in args.files]
    hits, n = pattern_hits(paths)
    ids = [p.id for p in LazyPattern._registry]
    if args.counts:
        for i in ids:
            print(f"{hits[i]:>6}  {i}")
        return 0
    never = [i for i in ids if not hits[i]]
    print(f"{len(never)} of {len(ids)} patterns never matched {n} messages from {len(paths)} files:")
    for i in never:
        print(" ", i)
    return 0


if __name__ == "__main__":
    sys.exit(main())
