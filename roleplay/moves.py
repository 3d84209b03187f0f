"""Reading scripted learner moves (``roleplay run --moves FILE``).

Plain text: one message per line; blank lines and lines starting with ``#``
are skipped. ``.jsonl``: one ``{"text": ...}`` object per line (optionally
``"tags"`` to bypass the detector).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from roleplay.analysis.tags import TAG_SET
from roleplay.engine.session import Move


_SURROGATE = re.compile("[\ud800-\udfff]")


class MovesError(ValueError):
    """A moves file could not be read; the message names file and line."""


def parse_moves(text: str, name: str, *, jsonl: bool) -> list[Move]:
    moves: list[Move] = []
    # One message per "\n"-ended line: U+2028 and friends are part of a message.
    for n, line in enumerate((x.removesuffix("\r") for x in text.split("\n")), 1):
        if jsonl:
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as exc:
                raise MovesError(f"{name}:{n}: not valid JSON ({exc.msg})") from None
            if not isinstance(obj, dict) or not isinstance(obj.get("text"), str):
                raise MovesError(f'{name}:{n}: each line must be an object with a string "text"')
            lone = _SURROGATE.search(obj["text"])
            if lone:  # JSON can spell one ("\ud800"); no text can hold it, so it could be neither logged nor shown
                raise MovesError(f'{name}:{n}: "text" holds a lone surrogate (\\u{ord(lone.group(0)):04x}), which is not a character')
            tags = obj.get("tags")
            if tags is not None:
                if not isinstance(tags, list) or not all(isinstance(t, str) and t in TAG_SET for t in tags):
                    raise MovesError(f'{name}:{n}: "tags" must be a list of known tag ids')
                moves.append(Move(obj["text"], tuple(tags)))
            elif obj["text"].strip():
                moves.append(Move(obj["text"]))
        else:
            stripped = line.strip()
            if not stripped or stripped.startswith("#"):
                continue
            moves.append(Move(line.rstrip("\r\n")))
    return moves


def read_moves(path: Path) -> list[Move]:
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise MovesError(f"{path}: no such file") from None
    except UnicodeDecodeError:
        raise MovesError(f"{path}: not valid UTF-8 text") from None
    except OSError as exc:
        raise MovesError(f"{path}: cannot read ({exc.strerror or exc})") from None
    return parse_moves(text, str(path), jsonl=path.suffix.lower() in (".jsonl", ".ndjson"))
