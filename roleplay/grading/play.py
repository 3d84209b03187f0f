"""Playing an assignment as a student: headless (``run --assignment``) or in the tutor.

The assignment decides the persona (pinned by id and content hash: a
persona file the student points at is refused unless it is that very
persona), the seed and the mode; the turn limit and weights apply. Messages
are played by their words only: tags in a moves file are refused. Each
finished conversation is one attempt, written as a signed submission and
kept in the data dir, and no attempt starts past the number allowed.
"""

from __future__ import annotations

from pathlib import Path

from roleplay.grading.assignment import LoadedAssignment, valid_student
from roleplay.grading.submission import attempts_used, build, keep, submissions_dir


class GradedError(ValueError):
    """Graded play cannot go on: one line for the learner, exit status 2."""


class GradedPlay:
    def __init__(self, assignment: LoadedAssignment, student: str, key: bytes):
        if not valid_student(student):
            raise GradedError(f"'{student}' is not a valid student id (letters, digits and . _ @ + -, starting with a letter or digit)")
        self.assignment = assignment
        self.student = student
        self.key = key
        self.persona = assignment.persona_for(student)
        self.seed = assignment.seed_for(student)
        self.used = attempts_used(assignment.id, student)
        self._submitted: dict[int, Path] = {}
        self._mine: set[int] = set()

    @property
    def spec(self):
        return self.assignment.spec

    @property
    def mode(self) -> str:
        return self.spec.mode

    @property
    def allowed(self) -> int:
        return self.spec.attempts

    @property
    def remaining(self) -> int:
        return max(0, self.allowed - self.used)

    def require_attempt(self) -> None:
        if self.remaining <= 0:
            n = self.allowed
            raise GradedError(
                f"{self.student} has used {'the one attempt' if n == 1 else f'all {n} attempts'} of {self.assignment.id}; "
                f"the submissions are in {submissions_dir(self.assignment.id)}"
            )

    def check_persona(self, given) -> None:
        """Refuse a persona other than the one the assignment gives this student."""
        mine = self.persona
        if given.id != mine.id:
            raise GradedError(f"{self.assignment.id} gives {self.student} the persona '{mine.id}', not '{given.id}'")
        if given.digest != mine.digest:
            raise GradedError(
                f"{given.file} is not the persona this assignment pins ('{mine.id}', hash {mine.digest}; this file's is {given.digest}): "
                f"graded work plays the assignment's persona ({mine.file})"
            )

    def submit_transcript(self, transcript_json: str) -> tuple[dict, Path]:
        """Sign a finished conversation as the next attempt and keep it in the data dir."""
        self.require_attempt()
        submission = build(transcript_json, self.assignment, self.student, self.used + 1,
                           persona_digest=self.persona.digest, mode=self.mode, key=self.key)
        path = keep(submission)
        self.used += 1
        return submission, path

    # -- the tutor

    def start(self, risk_estimate: int | None = None):
        """A new graded conversation (an attempt is used when it is submitted)."""
        from roleplay.engine.conversation import Conversation

        self.require_attempt()
        graded = {"assignment": self.assignment.id, "assignment_file": str(Path(self.assignment.file).resolve()), "student": self.student}
        conv = Conversation.start(self.persona, self.seed, mode=self.mode, risk_estimate=risk_estimate,  # type: ignore[arg-type]
                                  header={"graded": graded})
        self._mine.add(id(conv))
        return conv

    def adopt(self, conv) -> None:
        """A graded conversation resumed from its log: its debrief submits it as this play's attempt."""
        header = conv.log.header if conv.log else {}
        graded = header.get("graded") if isinstance(header, dict) else None
        if not isinstance(graded, dict) or graded.get("assignment") != self.assignment.id or graded.get("student") != self.student:
            raise GradedError("that session is not this student's attempt at this assignment")
        self.check_persona(conv.session.persona)
        if conv.session.seed != self.seed or conv.mode != self.mode:
            raise GradedError("that session was not played with the assignment's seed and mode")
        self._mine.add(id(conv))

    def owns(self, conv) -> bool:
        return id(conv) in self._mine

    def submitted(self, conv) -> Path | None:
        return self._submitted.get(id(conv))

    def submit(self, conv) -> Path:
        """Write the conversation's submission once (again: the same path)."""
        done = self._submitted.get(id(conv))
        if done is not None:
            return done
        _, path = self.submit_transcript(conv.session.transcript().to_json())
        self._submitted[id(conv)] = path
        return path
