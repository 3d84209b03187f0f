"""The assignment file: what an instructor hands out, and how it is played.

An assignment is YAML, read like a persona (composed safely, every value
with its ``file:line:col``), checked for shape by the pydantic model below
and then for meaning (the personas load, weights name principles, a turn
limit has an ending to close on, pinned digests match). ``roleplay
validate`` reports every problem at once.

A student's persona and seed are functions of (assignment id, student id):
the same student always plays the same conversation, and a list of personas
is drawn from by a stable hash, never by chance.
"""

from __future__ import annotations

import dataclasses
import difflib
import hashlib
import re
import threading
from dataclasses import dataclass, field
from datetime import date, datetime, time, timezone
from pathlib import Path
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, field_validator

from roleplay.persona.compiled import LoadedPersona, digest_of, display_path
from roleplay.source.diagnostics import Diagnostic, ScriptError
from roleplay.source.yamlsource import Source, load_yaml_file

Identifier = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_-]{0,47}$")]
Line = Annotated[str, StringConstraints(min_length=1, max_length=200)]
Text = Annotated[str, StringConstraints(min_length=1, max_length=4000)]
PersonaRef = Annotated[str, StringConstraints(min_length=1, max_length=300)]
Digest = Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{16}$")]

# Student ids become file names and gradebook cells: letters, digits and . _ @ + -
# (an e-mail address fits), starting with a letter or digit.
STUDENT_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._@+-]{0,99}$")
SEED_RANGE = 1_000_000


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class Assignment(_Strict):
    """A graded exercise (``assignments/*.yaml`` or ``*.assignment.yaml``)."""

    id: Identifier = Field(description="Stable id: submissions name it, and the gradebook column shows it.")
    title: Line | None = Field(None, description="Shown on the briefing and in the gradebook column (default: the id).")
    persona: PersonaRef | Annotated[list[PersonaRef], Field(min_length=1, max_length=50)] = Field(
        description="A shipped persona id or a path (relative to this file), or a list: each student is given one by a stable draw."
    )
    persona_digest: dict[str, Digest] = Field(
        default_factory=dict,
        description="Optional pins: persona id -> content digest (roleplay personas --json). Play and grading refuse another version.",
    )
    seed: Annotated[int, Field(ge=0, lt=2**31)] | Literal["student"] = Field(
        description="A fixed seed for everyone, or 'student': derived from the assignment id and the student id."
    )
    mode: Literal["exam", "practice"] = Field("exam", description="exam: no feedback, hints or take-back until the debrief.")
    attempts: Annotated[int, Field(ge=1, le=100)] = Field(1, description="How many submissions a student may make.")
    keep: Literal["last", "best"] = Field("last", description="Which attempt the gradebook gets.")
    turn_limit: Annotated[int, Field(ge=2, le=100)] | None = Field(
        None, description="At most this many learner messages (replaces the persona's turn_limit turns; its ending closes the talk)."
    )
    weights: dict[str, Annotated[float, Field(ge=0, le=5)]] = Field(
        default_factory=dict, description="Principle id -> weight, over the scenario's weights (0 switches a principle off)."
    )
    pass_mark: Annotated[int, Field(ge=0, le=100)] | None = Field(None, description="Overall score that passes (0-100).")
    due: Annotated[str, StringConstraints(max_length=40)] | None = Field(
        None, description="Due date: YYYY-MM-DD (the end of that day, UTC) or an ISO date and time with its offset."
    )
    instructions: Text | None = Field(None, description="Shown to the student on the briefing.")

    @field_validator("due")
    @classmethod
    def _due_is_iso(cls, value: str | None) -> str | None:
        if value is not None:
            deadline(value)
        return value

    @property
    def personas(self) -> list[str]:
        return [self.persona] if isinstance(self.persona, str) else list(self.persona)

    @property
    def display_title(self) -> str:
        return self.title or self.id


def deadline(value: str) -> datetime:
    """``due`` as an aware datetime: a date is the end of that day in UTC."""
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            return datetime.combine(date.fromisoformat(value), time(23, 59, 59), tzinfo=timezone.utc)
        moment = datetime.fromisoformat(value)
    except ValueError:
        raise ValueError(f"'{value}' is not a date: write YYYY-MM-DD or YYYY-MM-DDTHH:MM+01:00") from None
    if moment.tzinfo is None:
        raise ValueError(f"'{value}' has no time zone: add one, such as +00:00 or Z")
    return moment


def valid_student(student: str) -> bool:
    return bool(STUDENT_ID.match(student))


def _draw(kind: str, assignment: str, student: str) -> int:
    return int(hashlib.sha256(f"roleplay-{kind}\0{assignment}\0{student}".encode("utf-8")).hexdigest()[:12], 16)


@dataclass
class LoadedAssignment:
    """An assignment file, checked, with its personas found."""

    spec: Assignment
    file: str
    digest: str
    refs: dict[str, Path]  # persona ref as written -> its file
    _loaded: dict[str, LoadedPersona] = field(default_factory=dict, repr=False)
    _graded: dict[str, LoadedPersona] = field(default_factory=dict, repr=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    @property
    def id(self) -> str:
        return self.spec.id

    def ref_for(self, student: str) -> str:
        """The persona (as the assignment names it) this student plays."""
        refs = list(self.refs)
        return refs[0] if len(refs) == 1 else refs[_draw("persona", self.id, student) % len(refs)]

    def seed_for(self, student: str) -> int:
        seed = self.spec.seed
        return _draw("seed", self.id, student) % SEED_RANGE if seed == "student" else int(seed)

    def base_persona(self, ref: str) -> LoadedPersona:
        """The persona as its file says (loaded once)."""
        with self._lock:
            hit = self._loaded.get(ref)
        if hit is None:
            from roleplay.persona.loader import load_persona

            hit = load_persona(self.refs[ref])
            with self._lock:
                self._loaded[ref] = hit
        return hit

    def persona_for(self, student: str) -> LoadedPersona:
        """The persona this student is graded against: the assignment's weights
        over the scenario's, and its turn limit (loaded and adjusted once)."""
        ref = self.ref_for(student)
        with self._lock:
            hit = self._graded.get(ref)
        if hit is None:
            hit = adjusted(self.base_persona(ref), self.spec)
            with self._lock:
                self._graded[ref] = hit
        return hit

    def pinned_digest(self, persona_id: str) -> str | None:
        return self.spec.persona_digest.get(persona_id)


def adjusted(lp: LoadedPersona, spec: Assignment) -> LoadedPersona:
    """``lp`` with the assignment's weights and turn limit (its digest stays the file's)."""
    if spec.weights:
        weights = {**lp.scenario.weights, **spec.weights}
        lp = dataclasses.replace(lp, scenario=lp.scenario.model_copy(update={"weights": weights}))
    limit = lp.persona.turn_limit
    if spec.turn_limit is not None and limit is not None and limit.turns != spec.turn_limit:
        persona = lp.persona.model_copy(update={"turn_limit": limit.model_copy(update={"turns": spec.turn_limit})})
        lp = dataclasses.replace(lp, persona=persona)
    return lp


def _is_path(ref: str) -> bool:
    return "/" in ref or "\\" in ref or ref.endswith((".yaml", ".yml"))


def _resolve(ref: str, folder: Path) -> Path:
    """A persona ref -> its file; LookupError with a one-line reason."""
    if _is_path(ref):
        path = Path(ref) if Path(ref).is_absolute() else folder / ref
        if not path.is_file():
            raise LookupError(f"no persona file at {ref} (paths are relative to the assignment file)")
        return path
    from roleplay.persona.catalog import shipped_personas

    shipped = shipped_personas()
    if ref not in shipped:
        close = difflib.get_close_matches(ref, list(shipped), n=1)
        hint = f" (did you mean '{close[0]}'?)" if close else (f"; shipped: {', '.join(sorted(shipped))}" if shipped else "")
        raise LookupError(f"unknown persona '{ref}'{hint}")
    return shipped[ref]


# pydantic names the member of a union in the path ("seed.constrained-int");
# those errors become one message per field, in the file's words.
_UNION_PART = re.compile(r"^(\w+)\.(?:constrained-\w+|literal\[[^\]]*\]|list\[[^\]]*\]|str|int)[^:]*: ")
_UNION_SAYS = {
    "seed": "seed: a whole number (0 or more), or 'student' for a seed derived from each student's id",
    "persona": "persona: a persona id or a path to a persona file, or a list of them",
    "turn_limit": "turn_limit: a whole number from 2 to 100",
    "pass_mark": "pass_mark: a whole number from 0 to 100",
}


def _shape(src: Source) -> Assignment:
    from roleplay.source.parse import parse_model

    try:
        return parse_model(src, Assignment)
    except ScriptError as exc:
        out: list[Diagnostic] = []
        seen: set[tuple] = set()
        for d in exc.diagnostics:
            message = d.message.replace("Value error, ", "")
            m = _UNION_PART.match(message)
            if m:
                if (d.line, d.col, m.group(1)) in seen:
                    continue
                seen.add((d.line, d.col, m.group(1)))
                message = _UNION_SAYS.get(m.group(1), message[: m.start()] + m.group(1) + ": " + message[m.end():])
            out.append(dataclasses.replace(d, message=message))
        raise ScriptError(out) from None


def _meaning(spec: Assignment, src: Source, path: Path) -> tuple[dict[str, Path], dict[str, LoadedPersona], list[Diagnostic]]:
    from roleplay.analysis.principles import PRINCIPLE_IDS
    from roleplay.persona.loader import load_persona

    problems: list[Diagnostic] = []
    refs: dict[str, Path] = {}
    loaded: dict[str, LoadedPersona] = {}
    many = not isinstance(spec.persona, str)
    by_id: dict[str, str] = {}
    for i, ref in enumerate(spec.personas):
        where = ("persona", i) if many else ("persona",)
        if ref in refs:
            problems.append(src.diag(where, f"persona '{ref}' is listed twice"))
            continue
        try:
            file = _resolve(ref, path.parent)
            lp = load_persona(file)
        except LookupError as exc:
            problems.append(src.diag(where, str(exc.args[0] if exc.args else exc)))
            continue
        except ScriptError as exc:
            first = exc.errors[0] if exc.errors else exc.diagnostics[0]
            problems.append(src.diag(where, f"persona '{ref}' does not load: {first}"))
            continue
        if lp.id in by_id:
            problems.append(src.diag(where, f"persona '{ref}' has the id '{lp.id}', like '{by_id[lp.id]}': ids must differ"))
            continue
        by_id[lp.id] = ref
        refs[ref] = file
        loaded[ref] = lp
        if spec.turn_limit is not None and lp.persona.turn_limit is None:
            problems.append(src.diag(("turn_limit",), f"persona '{lp.id}' has no turn_limit (an ending to close on): give it one, or drop turn_limit here"))
    for pid, pinned in spec.persona_digest.items():
        lp = next((x for x in loaded.values() if x.id == pid), None)
        if lp is None and len(loaded) == len(spec.personas):
            problems.append(src.diag(("persona_digest", pid), f"persona_digest names '{pid}', which is not a persona of this assignment", key=True))
        elif lp is not None and lp.digest != pinned:
            problems.append(src.diag(("persona_digest", pid), f"persona '{pid}' here has digest {lp.digest}, not the pinned {pinned}: the persona changed since the assignment was written"))
    for key in spec.weights:
        if key not in PRINCIPLE_IDS:
            close = difflib.get_close_matches(key, PRINCIPLE_IDS, n=1)
            hint = f" (did you mean '{close[0]}'?)" if close else f"; principles: {', '.join(PRINCIPLE_IDS)}"
            problems.append(src.diag(("weights", key), f"unknown principle '{key}'{hint}", key=True))
    if spec.weights and not any(w > 0 for w in {p: spec.weights.get(p, 1.0) for p in PRINCIPLE_IDS}.values()):
        problems.append(src.diag(("weights",), "every principle is switched off: nothing would be scored"))
    return refs, loaded, problems


def load_assignment(path: str | Path) -> LoadedAssignment:
    """Load and check an assignment; raise ScriptError with every problem."""
    path = Path(path)
    src = load_yaml_file(path, display_path(path))
    spec = _shape(src)
    refs, loaded, problems = _meaning(spec, src, path)
    if problems:
        raise ScriptError(problems)
    out = LoadedAssignment(spec=spec, file=src.file, digest=digest_of(src.text), refs=refs)
    out._loaded.update(loaded)
    return out


def check_assignment_file(path: Path) -> list[Diagnostic]:
    """``roleplay validate`` of an assignment file: every problem found."""
    try:
        load_assignment(path)
    except ScriptError as exc:
        return exc.diagnostics
    return []
