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
from roleplay.authoring.generated import write_or_check  # noqa: E402

if __name__ == "__main__":
    raise SystemExit(write_or_check(ROOT / "docs" / "errors.md", document(), ROOT, "python scripts/error_catalogue.py", "--check" in sys.argv))
