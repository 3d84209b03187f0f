"""Reply templates: ``{name}`` placeholders filled from the scenario's names.

Deliberately not ``str.format``: format strings can reach attributes
(``{0.__class__}``) and a persona file is untrusted. Only ``{identifier}`` is
special; ``{{`` and ``}}`` write a literal brace.
"""

from __future__ import annotations

import re
from typing import Iterator, Mapping

_PLACEHOLDER = re.compile(r"\{\{|\}\}|\{([^{}]*)\}")


def placeholders(line: str) -> Iterator[tuple[str, int]]:
    """Yield (name, offset) for each placeholder in ``line``."""
    for m in _PLACEHOLDER.finditer(line):
        if m.group(1) is not None:
            yield m.group(1).strip(), m.start()


def fill(line: str, names: Mapping[str, str]) -> str:
    """Replace placeholders; an unknown one is left as written (checks catch it)."""

    def sub(m: re.Match) -> str:
        if m.group(0) == "{{":
            return "{"
        if m.group(0) == "}}":
            return "}"
        key = m.group(1).strip()
        return names.get(key, m.group(0))

    return _PLACEHOLDER.sub(sub, line)
