"""Writing a generated document, or checking that the committed one is current."""

from __future__ import annotations

import sys
from pathlib import Path


def write_or_check(path: Path, text: str, root: Path, command: str, check: bool) -> int:
    """Write ``text`` to ``path`` (0), or with ``check`` exit 1 when the file differs."""
    if check:
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            print(f"stale: {path.relative_to(root)} (run {command})", file=sys.stderr)
            return 1
        return 0
    path.write_text(text, encoding="utf-8")
    print(f"wrote {path.relative_to(root)}")
    return 0
