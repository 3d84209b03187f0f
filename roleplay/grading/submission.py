"""A transcript made into a signed submission, and where submissions are kept.

A submission is the transcript JSON (CONTRACTS.md, ``roleplay run``) with,
before it, what says whose work it is and what produced it::

    {"format": "roleplay-submission/1", "assignment": "first-offer-1",
     "student": "s1234", "attempt": 1, "mode": "exam",
     "submitted": "2026-11-30T14:02:11Z", "persona_digest": "9f2c...",
     "assignment_digest": "41ab...",
     "persona": ..., "scenario": ..., "seed": ..., "turns": [...], ...,
     "program": "0.1.0", "rubric": "1", "key_id": "...", "signature": "..."}

Everything but ``signature`` is signed (signing.py). The tutor and ``run
--assignment`` also keep a copy under ``<data dir>/submissions/<assignment>/``,
which is how the attempts a student has used are counted on this machine.
"""

from __future__ import annotations

import json
import os
from datetime import datetime, timezone
from pathlib import Path

from roleplay.grading.assignment import LoadedAssignment
from roleplay.grading.signing import sign

FORMAT = "roleplay-submission/1"


def submissions_dir(assignment_id: str) -> Path:
    from roleplay.engine.sessionlog import data_dir

    return data_dir() / "submissions" / assignment_id


def _stem(student: str) -> str:
    return student.replace("@", "_at_")


def kept_submissions(assignment_id: str, student: str) -> list[Path]:
    """This student's submissions kept on this machine, by attempt."""
    folder = submissions_dir(assignment_id)
    if not folder.is_dir():
        return []
    prefix = f"{_stem(student)}.attempt-"
    found = []
    for p in folder.glob(f"{prefix}*.json"):
        number = p.name[len(prefix):-len(".json")]
        if number.isdigit():
            found.append((int(number), p))
    return [p for _, p in sorted(found)]


def attempts_used(assignment_id: str, student: str) -> int:
    kept = kept_submissions(assignment_id, student)
    if not kept:
        return 0
    name = kept[-1].name
    return int(name[name.rindex("-") + 1:-len(".json")])


def now_utc() -> str:
    return datetime.now(timezone.utc).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def build(transcript_json: str, assignment: LoadedAssignment, student: str, attempt: int, *, persona_digest: str,
          mode: str, key: bytes, submitted: str | None = None) -> dict:
    """The signed submission for a transcript (``Transcript.to_json()`` text)."""
    transcript = json.loads(transcript_json)
    head = {
        "format": FORMAT,
        "assignment": assignment.id,
        "student": student,
        "attempt": attempt,
        "mode": mode,
        "submitted": submitted or now_utc(),
        "persona_digest": persona_digest,
        "assignment_digest": assignment.digest,
    }
    clash = set(head) & set(transcript)
    if clash:  # pragma: no cover - the transcript model has none of these
        raise ValueError(f"transcript fields clash with submission fields: {sorted(clash)}")
    return sign({**head, **transcript}, key)


def to_text(submission: dict) -> str:
    return json.dumps(submission, ensure_ascii=False, indent=2) + "\n"


def keep(submission: dict) -> Path:
    """Write a copy into the data dir (atomically: a temporary file, then a rename)."""
    folder = submissions_dir(submission["assignment"])
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{_stem(submission['student'])}.attempt-{submission['attempt']}.json"
    tmp = path.with_suffix(".json.tmp")
    with open(tmp, "w", encoding="utf-8") as fh:
        fh.write(to_text(submission))
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)
    return path
