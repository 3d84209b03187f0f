#!/usr/bin/env python3
"""Write the editor JSON schemas of persona, scenario, test-plan, coaching and assignment files to schema/.

    python scripts/schema.py          # regenerate
    python scripts/schema.py --check  # exit 1 if the committed files are stale
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from roleplay.authoring.schema import render, schemas  # noqa: E402


def main() -> int:
    out = ROOT / "schema"
    out.mkdir(exist_ok=True)
    stale = []
    for name, schema in schemas().items():
        path = out / name
        text = render(schema)
        if "--check" in sys.argv:
            if not path.is_file() or path.read_text() != text:
                stale.append(name)
        else:
            path.write_text(text)
            print(f"wrote {path.relative_to(ROOT)}")
    if stale:
        print(f"stale: {', '.join(stale)} (run python scripts/schema.py)", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
