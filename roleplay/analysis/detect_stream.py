"""The ``roleplay detect`` contract: tag a stream of JSON Lines messages.

Input: one JSON object per line with a string ``"text"`` (and optionally an
``"id"``, echoed back). Output: one JSON object per input record, in order::

    {"id": "m1", "tags": ["threat", "specific_ask"], "evidence": {"threat": "I'll walk"}}

Each object also carries ``"terms"``: the negotiation terms the message
names (see :mod:`roleplay.analysis.terms`). Only the first
:data:`~roleplay.analysis.normalize.MAX_CHARS` characters are analysed, as
in the tutor; a longer text gets ``"truncated": {"chars": N, "analysed": M}``.

``"id"`` is omitted when the input had none; ``"evidence"`` holds only tags
that have a span. A line that is not valid JSON, not an object, or has no
string ``"text"`` is answered, in its place, with
``{"line": N, "error": "..."}`` (N is the 1-based input line number) and
processing goes on.

With ``explain``, each object also has ``"explain"``: per tag tagged (and
per tag the model scored at 0.25 or more), ``tagged``, ``decided_by``
(``rule``, ``model``, ``rule+model``, ``not tagged``), the ``strategy`` the
shipped model uses for the tag, the rule ``pattern`` id (or
``convention:...``), the model's ``score`` and the tag's ``threshold``.

Blank (whitespace-only) lines are skipped silently: they are not records, and
editors and shells often leave a trailing one.

Exit status: 0 if every record was processed, 2 if any line was an error.
"""

from __future__ import annotations

import json
import re
from typing import TextIO

from .detector import analyse
from .normalize import MAX_CHARS
from .terms import terms


def _process(line: str, lineno: int, explain: bool = False) -> tuple[dict, bool]:
    """The output object for one input line, and whether it was an error."""
    try:
        obj = json.loads(line)
    except (ValueError, RecursionError) as exc:
        return {"line": lineno, "error": f"invalid JSON: {exc}"}, True
    if not isinstance(obj, dict):
        return {"line": lineno, "error": f"expected a JSON object, got {type(obj).__name__}"}, True
    text = obj.get("text")
    if not isinstance(text, str):
        what = "missing" if "text" not in obj else f"not a string ({type(text).__name__})"
        return {"line": lineno, "error": f'"text" is {what}'}, True
    det, why = analyse(text, explain=explain)
    out: dict = {}
    if "id" in obj:
        out["id"] = obj["id"]
    out["tags"] = list(det.tags)
    out["evidence"] = det.evidence
    out["terms"] = [t.as_json() for t in terms(text)]
    if len(text) > MAX_CHARS:
        # The same cap as a move in the tutor and in ``run``: said, not silent.
        out["truncated"] = {"chars": len(text), "analysed": MAX_CHARS}
    if explain:
        out["explain"] = why
    return out, False


def run_detect(infile: TextIO, outfile: TextIO, *, explain: bool = False) -> int:
    """Read JSON Lines from ``infile``, write one result line per record to
    ``outfile``. Returns 2 if any line was an error, else 0."""
    failed = False
    for lineno, line in enumerate(infile, start=1):
        if not line.strip():
            continue
        out, bad = _process(line, lineno, explain)
        failed |= bad
        outfile.write(_json_line(out))
    return 2 if failed else 0


_SURROGATE = re.compile("[\ud800-\udfff]")


def _json_line(out: dict) -> str:
    """One output line. JSON may spell a lone surrogate ("\\ud800"), which no
    UTF-8 stream can carry raw: it goes back out as the same escape."""
    text = json.dumps(out, ensure_ascii=False)
    return _SURROGATE.sub(lambda m: f"\\u{ord(m.group(0)):04x}", text) + "\n"
