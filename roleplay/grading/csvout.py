"""Gradebook CSV: ``plain`` (every submission), ``canvas`` and ``moodle`` (one row per student).

* ``plain``: ``student, overall, outcome, flags``, one column per principle
  id (CONTRACTS.md), then ``attempt, counted, passed, late, submitted,
  stored_overall, change, file``. A flagged submission has an empty
  ``overall`` and its reasons in ``flags``, ``;``-separated.
* ``canvas``: the Canvas gradebook import: ``Student Name, ID, SIS User
  ID, SIS Login ID, Section`` then ``<Title> (<assignment id>)``, a
  ``Points Possible`` row (100), then one row per student. Canvas finds a
  student by ``ID`` (its own user id), then ``SIS User ID``, ``SIS Login
  ID``, then the name: without a roster, the student id is written as the
  SIS User ID and the name.
* ``moodle``: for Moodle's "Import grades from CSV": ``ID number`` (map it
  to the user's ID number) and ``Email address`` (or map that), the grade
  column ``<Title> (<assignment id>)``, and ``Feedback`` (map it to the
  item's feedback).

A student with no gradable submission gets an empty grade cell (Canvas and
Moodle leave an empty cell unchanged) and is listed on stderr by the CLI.
A roster (``--roster``) maps student ids to names, e-mail addresses,
sections and the LMS's ids.
"""

from __future__ import annotations

import csv
import difflib
import io
from dataclasses import dataclass
from pathlib import Path

from roleplay.analysis.principles import PRINCIPLE_IDS
from roleplay.grading.grade import Report, Result

FORMATS = ("plain", "canvas", "moodle")
ROSTER_COLUMNS = ("student", "name", "email", "section", "canvas_id", "sis_user_id", "sis_login_id", "id_number")
PLAIN_TAIL = ("attempt", "counted", "passed", "late", "submitted", "stored_overall", "change", "file")


class RosterError(ValueError):
    """The roster could not be read: one line, naming the file and row."""


@dataclass(frozen=True)
class Person:
    student: str
    name: str = ""
    email: str = ""
    section: str = ""
    canvas_id: str = ""
    sis_user_id: str = ""
    sis_login_id: str = ""
    id_number: str = ""


def read_roster(path: Path) -> dict[str, Person]:
    """A roster CSV: a header with ``student`` and any of ROSTER_COLUMNS (any case)."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except OSError as exc:
        raise RosterError(f"{path}: cannot read ({exc.strerror or exc})") from None
    except UnicodeDecodeError:
        raise RosterError(f"{path}: not valid UTF-8 text") from None
    rows = list(csv.reader(io.StringIO(text)))
    if not rows:
        raise RosterError(f"{path}: empty; it needs a header row with 'student'")
    header = [h.strip().lower().replace(" ", "_") for h in rows[0]]
    for h in header:
        if h not in ROSTER_COLUMNS:
            close = difflib.get_close_matches(h, ROSTER_COLUMNS, n=1)
            hint = f" (did you mean '{close[0]}'?)" if close else f"; columns: {', '.join(ROSTER_COLUMNS)}"
            raise RosterError(f"{path}:1: unknown column '{h}'{hint}")
    if "student" not in header:
        raise RosterError(f"{path}:1: no 'student' column")
    out: dict[str, Person] = {}
    for n, row in enumerate(rows[1:], 2):
        if not any(cell.strip() for cell in row):
            continue
        values = {h: (row[i].strip() if i < len(row) else "") for i, h in enumerate(header)}
        student = values["student"]
        if not student:
            raise RosterError(f"{path}:{n}: no student id")
        if student in out:
            raise RosterError(f"{path}:{n}: student '{student}' is listed twice")
        out[student] = Person(**values)
    return out


def _cell(value) -> str:
    """A cell a spreadsheet will not run as a formula (=, +, -, @ at the start)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    text = str(value)
    if text[:1] in ("=", "+", "-", "@", "\t", "\r") and not _number(text):
        return "'" + text
    return text


def _number(text: str) -> bool:
    try:
        float(text)
        return True
    except ValueError:
        return False


def column_title(report: Report) -> str:
    spec = report.assignment.spec
    return f"{spec.display_title} ({spec.id})"


def plain_rows(report: Report) -> list[list[str]]:
    pass_mark = report.assignment.spec.pass_mark
    rows = [["student", "overall", "outcome", "flags", *PRINCIPLE_IDS, *PLAIN_TAIL]]
    for r in report.results:
        rows.append([
            _cell(r.student),
            _cell(r.overall),
            _cell(r.outcome),
            _cell("; ".join(r.flags)),
            *(_cell(r.principles.get(p)) for p in PRINCIPLE_IDS),
            _cell(r.attempt),
            _cell(r.counted),
            _cell(r.passed(pass_mark)),
            _cell(r.late),
            _cell(r.submitted),
            _cell(r.stored_overall),
            _cell(r.change),
            _cell(r.file),
        ])
    return rows


def _grade(report: Report, student: str) -> Result | None:
    return report.grade_of(student)


def canvas_rows(report: Report, roster: dict[str, Person] | None = None) -> list[list[str]]:
    rows = [["Student Name", "ID", "SIS User ID", "SIS Login ID", "Section", column_title(report)],
            ["Points Possible", "", "", "", "", "100"]]
    for student in report.students():
        p = (roster or {}).get(student) or Person(student)
        g = _grade(report, student)
        rows.append([_cell(p.name or student), _cell(p.canvas_id), _cell(p.sis_user_id or student), _cell(p.sis_login_id),
                     _cell(p.section), _cell(g.overall if g else None)])
    return rows


def moodle_feedback(report: Report, r: Result | None) -> str:
    """One line for the gradebook's feedback column: the grade and what it rests on."""
    if r is None or r.transcript is None:
        return ""
    from roleplay.grading.feedback import principle_name

    t = r.transcript
    spec = report.assignment.spec
    parts = [f"Overall {r.overall}/100"]
    passed = r.passed(spec.pass_mark)
    if passed is not None:
        parts[0] += f" ({'passed' if passed else 'not passed'}; the pass mark is {spec.pass_mark})"
    ending = t.ending
    parts.append(f"Outcome: {ending.outcome}" + (f", {ending.title}" if ending.title else ""))
    scored = [(p, v) for p, v in r.principles.items() if v is not None]
    if scored:
        best = max(scored, key=lambda x: (x[1], -PRINCIPLE_IDS.index(x[0])))
        worst = min(scored, key=lambda x: (x[1], PRINCIPLE_IDS.index(x[0])))
        parts.append(f"Strongest: {principle_name(best[0])} {best[1]}; to work on: {principle_name(worst[0])} {worst[1]}")
    if t.score.cap is not None:
        parts.append(f"Capped at {t.score.cap}: {t.score.cap_reason}")
    parts.append(f"Attempt {r.attempt}; rubric {t.rubric}")
    return ". ".join(x.rstrip(".") for x in parts) + "."


def moodle_rows(report: Report, roster: dict[str, Person] | None = None) -> list[list[str]]:
    rows = [["ID number", "Email address", column_title(report), "Feedback"]]
    for student in report.students():
        p = (roster or {}).get(student) or Person(student)
        g = _grade(report, student)
        rows.append([_cell(p.id_number or student), _cell(p.email), _cell(g.overall if g else None), _cell(moodle_feedback(report, g))])
    return rows


def render(report: Report, fmt: str, roster: dict[str, Person] | None = None) -> str:
    rows = {"plain": lambda: plain_rows(report), "canvas": lambda: canvas_rows(report, roster),
            "moodle": lambda: moodle_rows(report, roster)}[fmt]()
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\r\n").writerows(rows)
    return buf.getvalue()
