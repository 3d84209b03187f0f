#!/usr/bin/env python3
"""Write docs/reference.md (every key of persona, scenario, test-plan and assignment files) from the models.

    python scripts/reference.py          # regenerate
    python scripts/reference.py --check  # exit 1 if docs/reference.md is stale
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from roleplay.authoring.reference import document  # noqa: E402


def main() -> int:
    path = ROOT / "docs" / "reference.md"
    text = document()
    if "--check" in sys.argv:
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            print("stale: docs/reference.md (run python scripts/reference.py)", file=sys.stderr)
            return 1
        return 0
    path.write_text(text, encoding="utf-8")
    print(f"wrote {path.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
