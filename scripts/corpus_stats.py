#!/usr/bin/env python3
"""Counts for the corpus datasheet: messages per voice and domain, positives
per tag, near-misses, messages with no tag.

Usage: .venv/bin/python scripts/corpus_stats.py [--corpus data/moves] [--markdown]
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

from roleplay.analysis.tags import TAGS  # noqa: E402


def load(directory: Path) -> list[dict]:
    rows = []
    for path in sorted(directory.glob("*.jsonl")):
        rows += [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]
    return rows


def stats(rows: list[dict]) -> dict:
    tags = Counter(t for r in rows for t in r["tags"])
    return {
        "messages": len(rows),
        "voices": dict(sorted(Counter(r["voice"] for r in rows).items())),
        "domains": dict(sorted(Counter(r["domain"] for r in rows).items())),
        "channels": dict(Counter(r["channel"] for r in rows)),
        "tags": {t: tags[t] for t in TAGS},
        "near_misses": sum(1 for r in rows if r.get("near_miss")),
        "near_miss_for": dict(Counter(r["near_miss"] for r in rows if r.get("near_miss")).most_common()),
        "no_tag": sum(1 for r in rows if not r["tags"]),
        "tags_per_message": round(sum(len(r["tags"]) for r in rows) / len(rows), 2) if rows else 0,
    }


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", default=str(ROOT / "data" / "moves"))
    ap.add_argument("--markdown", action="store_true")
    args = ap.parse_args(argv)
    s = stats(load(Path(args.corpus)))
    if not args.markdown:
        print(json.dumps(s, indent=1))
        return 0
    print(f"{s['messages']} messages, {len(s['voices'])} voices, {len(s['domains'])} domains; "
          f"{s['near_misses']} near-misses ({s['near_misses'] / s['messages']:.0%}), {s['no_tag']} with no tag, "
          f"{s['tags_per_message']} tags per message\n")
    print("| tag | positives | written as a near-miss for it |\n|---|---|---|")
    for t in TAGS:
        print(f"| `{t}` | {s['tags'][t]} | {s['near_miss_for'].get(t, 0)} |")
    print("\n| domain | messages |\n|---|---|")
    for d, n in s["domains"].items():
        print(f"| `{d}` | {n} |")
    print("\n| voice | messages |\n|---|---|")
    for v, n in s["voices"].items():
        print(f"| `{v}` | {n} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
