"""A session bound to its crash-safe log: what the UI and ``run --log`` drive.

Each move is written to the log (flushed and fsynced) before ``play``
returns, so whatever the caller shows is already safe on disk.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from roleplay.engine.session import Move, Session
from roleplay.engine.sessionlog import LoggedSession, SessionLog
from roleplay.engine.transcript import Turn
from roleplay.persona.compiled import LoadedPersona
from roleplay.persona.loader import load_persona, resolve

Mode = Literal["practice", "exam"]


class Conversation:
    """A Session plus its log, its mode and the learner's risk estimate."""

    def __init__(self, session: Session, log: SessionLog | None, mode: Mode = "practice", risk_estimate: int | None = None):
        self.session = session
        self.log = log
        self.mode: Mode = mode
        self.risk_estimate = risk_estimate
        self.persona_changed = False
        self.finished = False
        # Why the session is not being saved, when it is not (a read-only or
        # full disk): the conversation goes on in memory and the UI says so.
        self.log_problem: str | None = None

    @classmethod
    def start(
        cls,
        persona: LoadedPersona,
        seed: int = 0,
        *,
        mode: Mode = "practice",
        risk_estimate: int | None = None,
        logged: bool = True,
    ) -> "Conversation":
        log, problem = None, None
        if logged:
            try:
                log = SessionLog.create(
                    persona.id, persona.file, persona.digest, seed, mode=mode, risk_estimate=risk_estimate
                )
            except OSError as exc:
                problem = f"this session cannot be saved ({exc.strerror or exc}); it goes on, but will not be resumable"
        conv = cls(Session(persona, seed), log, mode, risk_estimate)
        conv.log_problem = problem
        return conv

    @classmethod
    def resume(cls, logged: LoggedSession) -> "Conversation":
        """Rebuild a logged session by replaying its moves.

        Raises LookupError when its persona can no longer be found and
        ScriptError when the persona file no longer loads.
        """
        h = logged.header
        file = h.get("persona_file")
        path = Path(file) if isinstance(file, str) and Path(file).is_file() else resolve(str(h.get("persona", "")))
        persona = load_persona(path)
        session = Session.replay(persona, logged.seed, logged.moves)
        mode = h.get("mode") if h.get("mode") in ("practice", "exam") else "practice"
        risk = h.get("risk_estimate") if isinstance(h.get("risk_estimate"), int) else None
        conv = cls(session, SessionLog(logged.path, logged.header), mode, risk)  # type: ignore[arg-type]
        conv.persona_changed = h.get("digest") != persona.digest
        return conv

    @property
    def session_id(self) -> str | None:
        return self.log.session_id if self.log else None

    def play(self, text: str, tags=None) -> Turn:
        """Play a move (``tags`` skips the detector) and log it before returning."""
        turn = self.session.play(text, tags=tags)
        if self.log:
            try:
                self._ensure_log(self.session.moves[:-1])
                self.log.move(self.session.moves[-1], turn.model_dump(mode="json"))
            except OSError as exc:  # the move stands; the learner is told it is not saved
                self.log_problem = f"move {turn.n} could not be saved ({exc.strerror or exc}); the conversation goes on in memory"
        return turn

    def _ensure_log(self, moves) -> None:
        """A log deleted while playing is written back from what the session holds."""
        if self.log and not self.log.path.exists():
            self.log.rebuild(list(moves))

    def take_back(self) -> bool:
        """Take back the last move (replaying without it); False when none."""
        if not self.session.moves:
            return False
        old = self.session
        self._ensure_log(old.moves)
        self.session = old.branch(len(old.moves) - 1)
        old.close()
        if self.log:
            self.log.undo()
        return True

    def branch(self, keep: int) -> None:
        """Go back to just after move ``keep`` (0 = the start) and go on from there."""
        old = self.session
        self._ensure_log(old.moves)
        self.session = old.branch(keep)
        old.close()
        if self.log:
            self.log.branch(keep)

    def restart(self) -> None:
        self.branch(0)

    def finish(self, reason: str = "debrief") -> None:
        if self.log and not self.finished:
            self._ensure_log(self.session.moves)
            self.log.end(reason)
        self.finished = True

    @property
    def moves(self) -> list[Move]:
        return self.session.moves
