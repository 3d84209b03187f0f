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
from roleplay.authoring.generated import write_or_check  # noqa: E402

if __name__ == "__main__":
    raise SystemExit(write_or_check(ROOT / "docs" / "reference.md", document(), ROOT, "python scripts/reference.py", "--check" in sys.argv))
