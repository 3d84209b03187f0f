"""Re-grade submissions: replay every learner message with today's tagger and rubric.

Nothing a submission says about its scores, tags or replies is trusted: the
grade is what its learner messages earn when replayed against the assigned
persona, with the assignment's weights and turn limit, at the student's
seed. The stored fields are only compared with the replay, to explain a
change (a new rubric version) or a tampering.

A submission is flagged, and given no grade, when it cannot be read, is not
signed or its signature does not match (edited, or signed with another key),
is for another assignment, names a persona, seed or mode other than the
assignment gives this student, was played against another version of the
persona, is a copy of another, repeats an attempt number, or goes past the
attempts allowed. Every reason is listed.

One process grades the whole class: each persona is loaded and adjusted
once, the tagger is warmed once, and a message seen before is not tagged
again (the tagger is a pure function of the text).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Callable, Iterable

from roleplay.grading.assignment import LoadedAssignment, deadline, valid_student
from roleplay.grading.jsonio import DocumentError, read_json
from roleplay.grading.signing import check
from roleplay.grading.submission import FORMAT

MAX_MOVES = 200  # no persona allows more than 100 messages; a longer file is not replayed past this


@dataclass
class Result:
    """One submission, graded or flagged."""

    file: str
    student: str | None = None
    attempt: int | None = None
    submitted: str | None = None
    persona: str | None = None
    flags: list[str] = field(default_factory=list)
    overall: int | None = None  # None when flagged (never a grade for a flagged submission)
    outcome: str | None = None
    principles: dict[str, int | None] = field(default_factory=dict)
    stored_overall: int | None = None
    change: str = ""  # what re-grading changed against the stored score, and why
    counted: bool = False  # the attempt the gradebook gets
    late: bool = False
    signature: str | None = None
    authentic: bool = False  # the signature matched
    transcript: object | None = None  # the re-graded Transcript (flagged ones too, when replayed)
    debrief: object | None = None  # engine.debrief.Debrief of the replay, when feedback is wanted

    @property
    def flagged(self) -> bool:
        return bool(self.flags)

    def passed(self, pass_mark: int | None) -> bool | None:
        if pass_mark is None or self.overall is None:
            return None
        return self.overall >= pass_mark


@dataclass
class Report:
    assignment: LoadedAssignment
    results: list[Result]

    @property
    def flagged(self) -> list[Result]:
        return [r for r in self.results if r.flagged]

    def students(self) -> dict[str, list[Result]]:
        """Student id -> their submissions (flagged ones too), in order of attempt (computed once)."""
        cached = self.__dict__.get("_students")
        if cached is not None:
            return cached
        out: dict[str, list[Result]] = {}
        for r in self.results:
            if r.student is not None:
                out.setdefault(r.student, []).append(r)
        for rows in out.values():
            rows.sort(key=lambda r: (r.attempt or 0, r.submitted or "", r.file))
        self.__dict__["_students"] = dict(sorted(out.items()))
        return self.__dict__["_students"]

    def grade_of(self, student: str) -> Result | None:
        """The counted attempt of a student, or None when none could be graded."""
        return next((r for r in self.students().get(student, []) if r.counted), None)

    def counted(self) -> list[Result]:
        return [r for r in self.results if r.counted]


def cached_detector(maxsize: int = 100_000) -> Callable:
    """The tagger, warmed, remembering the messages it has read."""
    from roleplay.analysis.detector import detect

    detect("warm up")
    return lru_cache(maxsize=maxsize)(detect)


def _learner_texts(turns: list) -> list[tuple[str, bool]]:
    """Each move's words, and whether the learner wrote more than the cap (a replay says so too)."""
    return [(t["learner"], t.get("truncated") is True) for t in turns[:MAX_MOVES] if t["learner"].strip()]


def replay(persona, seed: int, texts: Iterable[str | tuple[str, bool]], detector: Callable | None = None):
    """The session that plays ``texts`` by their words only (no tags), stopping at an ending."""
    from roleplay.engine.session import Session

    s = Session(persona, seed, detector=detector)
    for item in texts:
        if s.ended:
            break
        text, cut = (item, False) if isinstance(item, str) else item
        s.play(text, cut=cut)
    return s


def _structure(data) -> str | None:
    """Why ``data`` is not a submission's shape, or None."""
    if not isinstance(data, dict):
        return "unreadable: not a JSON object"
    for key, kind, what in (("student", str, "text"), ("assignment", str, "text"), ("persona", str, "text"),
                            ("seed", int, "a whole number"), ("attempt", int, "a whole number"), ("turns", list, "a list")):
        value = data.get(key)
        if value is None:
            return f'unreadable: no "{key}"'
        if not isinstance(value, kind) or isinstance(value, bool):
            return f'unreadable: "{key}" is not {what}'
    if data["attempt"] < 1:
        return 'unreadable: "attempt" must be 1 or more'
    if not all(isinstance(t, dict) and isinstance(t.get("learner"), str) for t in data["turns"]):
        return 'unreadable: every turn needs a "learner" text'
    return None


def _stored_overall(data: dict) -> int | None:
    score = data.get("score")
    value = score.get("overall") if isinstance(score, dict) else None
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _tamper_details(data: dict, transcript) -> list[str]:
    """What in a submission whose signature failed disagrees with its own messages."""
    out = []
    stored = _stored_overall(data)
    if stored != transcript.score.overall:
        out.append(f"its stored score ({stored}) is not what its messages earn ({transcript.score.overall})")
    turns = data["turns"]
    if len(turns) != len(transcript.turns):
        out.append(f"it holds {len(turns)} moves; its messages play {len(transcript.turns)}")
    for what, key in (("tags", "tags"), ("manager's replies", "manager"), ("states", "state")):
        for st, rt in zip(turns, transcript.turns):
            if st.get(key) != getattr(rt, key):
                out.append(f"its stored {what} from move {rt.n} are not what its messages give")
                break
    return out


def _change(data: dict, transcript, assignment: LoadedAssignment) -> str:
    stored, new = _stored_overall(data), transcript.score.overall
    if stored == new:
        return ""
    why = []
    for key, label in (("rubric", "rubric"), ("program", "program")):
        then, now = data.get(key), getattr(transcript, key)
        if then != now:
            why.append(f"{label} {then or 'unrecorded'} → {now}")
    if data.get("assignment_digest") not in (None, assignment.digest):
        why.append("the assignment file changed since it was played")
    if not why:
        why.append("same program and rubric versions")
    return f"{'—' if stored is None else stored} → {'—' if new is None else new} ({'; '.join(why)})"


def grade_one(path: Path, assignment: LoadedAssignment, key: bytes, *, detector: Callable | None = None,
              roster: set[str] | None = None, want_debrief: bool = False) -> Result:
    """Check and re-grade one submission file (cross-file checks are in ``grade``)."""
    from roleplay.source.diagnostics import ScriptError

    r = Result(file=str(path))
    try:
        data = read_json(path)
    except DocumentError as exc:
        r.flags.append("unreadable: " + str(exc).removeprefix(f"{path}: "))
        return r
    problem = _structure(data)
    if problem:
        r.flags.append(problem)
        if isinstance(data, dict) and isinstance(data.get("student"), str):
            r.student = data["student"]
        return r
    r.student, r.attempt, r.persona = data["student"], data["attempt"], data["persona"]
    r.submitted = data.get("submitted") if isinstance(data.get("submitted"), str) else None
    r.signature = data.get("signature") if isinstance(data.get("signature"), str) else None
    r.stored_overall = _stored_overall(data)

    if data.get("format") != FORMAT:
        r.flags.append(f"not a submission ({data.get('format') or 'no format'}; expected {FORMAT})")
    bad_signature = check(data, key)
    r.authentic = bad_signature is None
    if bad_signature:
        r.flags.append(bad_signature)
    if data["assignment"] != assignment.id:
        r.flags.append(f"for another assignment ({data['assignment']}, not {assignment.id})")
    if not valid_student(r.student):
        r.flags.append("the student id is not valid")
        return r
    if roster is not None and r.student not in roster:
        r.flags.append("not on the roster")
    expected = assignment.persona_for(r.student)
    if r.persona != expected.id:
        r.flags.append(f"played persona '{r.persona}', but this student's is '{expected.id}'")
    if data.get("persona_digest") != expected.digest:
        r.flags.append(f"played another version of the persona (hash {data.get('persona_digest')}, installed {expected.digest})")
    seed = assignment.seed_for(r.student)
    if data["seed"] != seed:
        r.flags.append(f"seed {data['seed']} is not this student's seed ({seed})")
    if data.get("mode") != assignment.spec.mode:
        r.flags.append(f"played in {data.get('mode') or 'an unrecorded'} mode; the assignment requires {assignment.spec.mode}")
    if r.submitted and assignment.spec.due:
        try:
            from datetime import datetime

            r.late = datetime.fromisoformat(r.submitted.replace("Z", "+00:00")) > deadline(assignment.spec.due)
        except ValueError:
            r.flags.append(f"its submission time '{r.submitted}' is not a date and time")

    try:
        session = replay(expected, seed, _learner_texts(data["turns"]), detector)
    except ScriptError as exc:  # pragma: no cover - the assignment loaded its personas already
        r.flags.append(f"the persona does not load: {exc.errors[0] if exc.errors else exc}")
        return r
    try:
        transcript = session.transcript()
        r.transcript = transcript
        if want_debrief:
            from roleplay.engine.debrief import build_debrief

            r.debrief = build_debrief(session, mode=assignment.spec.mode)
    finally:
        session.close()
    if bad_signature:
        r.flags += _tamper_details(data, transcript)
    r.change = _change(data, transcript, assignment)
    if not r.flags:
        r.overall = transcript.score.overall
        r.outcome = transcript.ending.outcome
        r.principles = dict(transcript.score.principles)
    return r


def _cross_checks(results: list[Result], assignment: LoadedAssignment) -> None:
    """Copies, repeated attempt numbers and attempts past the limit (authentic submissions only)."""
    allowed = assignment.spec.attempts
    by_student: dict[str, list[tuple[int, Result]]] = {}
    for i, r in enumerate(results):
        if r.authentic and r.student is not None and not any(f.startswith("for another assignment") for f in r.flags):
            by_student.setdefault(r.student, []).append((i, r))
    for pairs in by_student.values():
        # By attempt, then time of submission, then the order the files were given in.
        rows = [r for _, r in sorted(pairs, key=lambda x: (x[1].attempt or 0, x[1].submitted or "", x[0]))]
        seen_sig: dict[str, Result] = {}
        seen_attempt: dict[int, Result] = {}
        for r in rows:
            if r.signature in seen_sig:
                r.flags.append(f"a copy of {seen_sig[r.signature].file}")
                continue
            seen_sig[r.signature or ""] = r
            if r.attempt in seen_attempt:
                r.flags.append(f"a second submission of attempt {r.attempt} from this student (the first: {seen_attempt[r.attempt].file})")
                continue
            seen_attempt[r.attempt or 0] = r
            if (r.attempt or 0) > allowed:
                r.flags.append(f"attempt {r.attempt}, but the assignment allows {allowed}")
    for r in results:  # a flagged submission has no grade
        if r.flags:
            r.overall, r.outcome, r.principles = None, None, {}


def _choose(results: list[Result], keep: str) -> None:
    by_student: dict[str, list[Result]] = {}
    for r in results:
        if not r.flags and r.student is not None:
            by_student.setdefault(r.student, []).append(r)
    for rows in by_student.values():
        if keep == "best":
            pick = max(rows, key=lambda r: (r.overall if r.overall is not None else -1, r.attempt or 0))
        else:
            pick = max(rows, key=lambda r: (r.attempt or 0, r.submitted or ""))
        pick.counted = True


def submission_files(paths: Iterable[Path]) -> list[Path]:
    """Files as given, and the ``*.json`` files under folders, in a stable order."""
    out: list[Path] = []
    for p in paths:
        if p.is_dir():
            out += sorted(x for x in p.rglob("*.json") if x.is_file())
        else:
            out.append(p)
    return out


def grade(files: list[Path], assignment: LoadedAssignment, key: bytes, *, roster: set[str] | None = None,
          want_debrief: bool = False, progress: Callable[[int, int], None] | None = None) -> Report:
    """Grade every file in one process; ``progress(done, total)`` after each."""
    detector = cached_detector()
    results = []
    total = len(files)
    for i, path in enumerate(files, 1):
        results.append(grade_one(path, assignment, key, detector=detector, roster=roster, want_debrief=want_debrief))
        if progress is not None:
            progress(i, total)
    _cross_checks(results, assignment)
    _choose(results, assignment.spec.keep)
    return Report(assignment, results)
