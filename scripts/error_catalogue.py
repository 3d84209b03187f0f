#!/usr/bin/env python3
"""Write docs/errors.md, the error catalogue, from roleplay/authoring/error_cases.yaml.

    python scripts/error_catalogue.py          # regenerate
    python scripts/error_catalogue.py --check  # exit 1 if docs/errors.md is stale
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from roleplay.authoring.catalogue import document  # noqa: E402


def main() -> int:
    path = ROOT / "docs" / "errors.md"
    text = document()
    if "--check" in sys.argv:
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            print("stale: docs/errors.md (run python scripts/error_catalogue.py)", file=sys.stderr)
            return 1
        return 0
    path.write_text(text, encoding="utf-8")
    print(f"wrote {path.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
