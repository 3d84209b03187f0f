"""JSON documents read with limits: size, bracket nesting and duplicate keys.

``json.loads`` recurses once per nested bracket: a few hundred kilobytes of
``[[[[...`` raise RecursionError (or worse, in the C scanner, exhaust the
stack). Nesting is counted first, outside strings, so such a file is one
clear line of bad input.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

MAX_BYTES = 8_000_000  # a transcript of 100 moves of 2,000 characters is under 1 MB
MAX_DEPTH = 64  # a transcript nests 5 deep


class DocumentError(ValueError):
    """A document could not be read; the message is one line and names the file."""


def nesting_too_deep(text: str, limit: int = MAX_DEPTH) -> int | None:
    """The 1-based character offset where brackets pass ``limit`` deep (outside strings), or None."""
    depth = 0
    in_string = escaped = False
    for i, ch in enumerate(text):
        if in_string:
            if escaped:
                escaped = False
            elif ch == "\\":
                escaped = True
            elif ch == '"':
                in_string = False
        elif ch == '"':
            in_string = True
        elif ch in "[{":
            depth += 1
            if depth > limit:
                return i + 1
        elif ch in "]}":
            depth -= 1
    return None


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict:
    out: dict = {}
    for key, value in pairs:
        if key in out:
            raise DocumentError(f'the key "{key}" appears twice in one object')
        out[key] = value
    return out


def _no_constants(name: str):
    raise DocumentError(f"{name} is not a JSON number")


def parse_json(text: str, name: str) -> Any:
    """Parse ``text``; raise DocumentError with a one-line reason naming ``name``."""
    at = nesting_too_deep(text)
    if at is not None:
        raise DocumentError(f"{name}: brackets nest more than {MAX_DEPTH} deep (at character {at}); not a transcript")
    try:
        return json.loads(text, object_pairs_hook=_no_duplicates, parse_constant=_no_constants)
    except DocumentError as exc:
        raise DocumentError(f"{name}: {exc}") from None
    except json.JSONDecodeError as exc:
        raise DocumentError(f"{name}: not valid JSON ({exc.msg} at line {exc.lineno} column {exc.colno})") from None
    except RecursionError:  # pragma: no cover - the pre-check keeps nesting shallow
        raise DocumentError(f"{name}: nested too deep") from None


def read_json(path: Path, name: str | None = None) -> Any:
    """Read and parse a JSON file with the limits above."""
    name = name or str(path)
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise DocumentError(f"{name}: too large ({size:,} bytes; the limit is {MAX_BYTES:,})")
        raw = path.read_bytes()
    except FileNotFoundError:
        raise DocumentError(f"{name}: no such file") from None
    except IsADirectoryError:
        raise DocumentError(f"{name}: is a folder, not a file") from None
    except OSError as exc:
        raise DocumentError(f"{name}: cannot read ({exc.strerror or exc})") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise DocumentError(f"{name}: not valid UTF-8 text") from None
    return parse_json(text, name)
