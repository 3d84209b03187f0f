"""A session bound to its crash-safe log: what the UI and ``run --log`` drive.

Each move is written to the log (flushed and fsynced) before ``play``
returns, so whatever the caller shows is already safe on disk.
"""

from __future__ import annotations

import weakref
from pathlib import Path
from typing import Literal

from roleplay.engine.session import Heard, Move, Session
from roleplay.engine.sessionlog import (
    LoggedSession,
    SessionBusy,
    SessionLog,
    clear_draft,
    load_draft,
    lock_session,
    save_draft,
    unlock_session,
    write_recovery,
)
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
        self._problem: str | None = None
        self.recovery_path: Path | None = None  # where the moves were kept when the log failed
        self.damaged_lines = 0  # lines of its log that resuming had to skip
        self._behind = False  # a write failed: the log lacks changes the session has
        self.saved_again = False  # the log caught up after a failure (the UI says so once)
        self._release: weakref.finalize | None = None

    @classmethod
    def start(
        cls,
        persona: LoadedPersona,
        seed: int = 0,
        *,
        mode: Mode = "practice",
        risk_estimate: int | None = None,
        logged: bool = True,
        start_state: str | None = None,
        start_vars: dict[str, int] | None = None,
        header: dict | None = None,
    ) -> "Conversation":
        """``header`` adds fields to the log's start event (graded work records its assignment and student)."""
        session = Session(persona, seed, start_state=start_state, start_vars=start_vars)  # ValueError for a bad placement
        placed = {"start_state": start_state, "start_vars": dict(start_vars or {})} if start_state or start_vars else {}
        placed.update(header or {})
        log, problem = None, None
        if logged:
            try:
                log = SessionLog.create(
                    persona.id, persona.file, persona.digest, seed, mode=mode, risk_estimate=risk_estimate, **placed
                )
            except OSError as exc:
                problem = f"this session cannot be saved ({exc.strerror or exc}); it goes on, but will not be resumable"
        conv = cls(session, log, mode, risk_estimate)
        conv.log_problem = problem
        if log is not None:
            try:
                conv._hold()
            except (OSError, SessionBusy):  # a new session id: only a failing disk gets here
                pass
        return conv

    @classmethod
    def resume(cls, logged: LoggedSession) -> "Conversation":
        """Rebuild a logged session by replaying its moves.

        Raises SessionBusy when another tutor has it open, LookupError when
        its persona can no longer be found and ScriptError when the persona
        file no longer loads.
        """
        lock_session(logged.path)  # SessionBusy before any work
        try:
            conv = cls._replayed(logged)
            conv._hold()  # the conversation's own hold, let go with it
            return conv
        finally:
            unlock_session(logged.path)

    @classmethod
    def _replayed(cls, logged: LoggedSession) -> "Conversation":
        h = logged.header
        file = h.get("persona_file")
        path = Path(file) if isinstance(file, str) and Path(file).is_file() else resolve(str(h.get("persona", "")))
        persona = load_persona(path)
        state = h.get("start_state") if isinstance(h.get("start_state"), str) else None
        values = h.get("start_vars") if isinstance(h.get("start_vars"), dict) else {}
        values = {k: v for k, v in values.items() if isinstance(v, int) and not isinstance(v, bool)}
        try:
            session = Session.replay(persona, logged.seed, logged.moves, start_state=state, start_vars=values)
        except ValueError as exc:  # the state or variable it started from is gone from the persona
            raise LookupError(f"cannot resume {logged.session_id}: {exc}") from None
        mode = h.get("mode") if h.get("mode") in ("practice", "exam") else "practice"
        risk = h.get("risk_estimate") if isinstance(h.get("risk_estimate"), int) else None
        conv = cls(session, SessionLog(logged.path, logged.header), mode, risk)  # type: ignore[arg-type]
        conv.persona_changed = h.get("digest") != persona.digest
        conv.damaged_lines = logged.damaged_lines
        return conv

    @property
    def session_id(self) -> str | None:
        return self.log.session_id if self.log else None

    def listen(self, text: str) -> Heard:
        """Read a message without playing it (safe in a worker thread)."""
        return self.session.listen(text)

    def play(self, text: str, tags=None, heard: Heard | None = None) -> Turn:
        """Play a move (``tags`` skips the detector) and log it before returning."""
        turn = self.session.play(text, tags=tags, heard=heard)
        self._write(lambda log: log.move(self.session.moves[-1], turn.model_dump(mode="json")), f"move {turn.n}")
        if self.log_problem:
            self._keep_moves()
        elif self.session_id:
            clear_draft(self.session_id)
        return turn

    def _write(self, append, what: str, *, also_after_rewrite: bool = False) -> None:
        """Log one change to the session, which has already been made in memory.

        When an earlier write failed (the log is behind) or the log was
        deleted, the log is first written again whole from what the session
        holds, so it never has a gap; that rewrite already contains this
        change, except an ``end``. A failure is said once, from the first move
        it touched, and the conversation goes on in memory.
        """
        if not self.log:
            return
        try:
            if self._behind or not self.log.path.exists():
                self.log.rewrite(self.session.moves, self.session.turns)
                if self.log_problem:
                    self.saved_again = True
                self._behind, self.log_problem = False, None
                if not also_after_rewrite:
                    return
            append(self.log)
        except OSError as exc:
            self._behind = True
            if not self._problem:
                self._problem = f"{what} could not be saved ({exc.strerror or exc}), nor anything after it until the disk takes it again; the conversation goes on in memory"

    @property
    def log_problem(self) -> str | None:
        """What went wrong with saving, and where the moves are kept meanwhile."""
        if self._problem is None or self.recovery_path is None:
            return self._problem
        return (f"{self._problem}; your messages are kept in {self.recovery_path} "
                f"(roleplay run {self.session.persona.id} --seed {self.session.seed} --moves FILE replays them)")

    @log_problem.setter
    def log_problem(self, problem: str | None) -> None:
        self._problem = problem

    def _keep_moves(self) -> None:
        """The log failed: keep every move in a recovery file (its path joins the problem's words)."""
        name = self.session_id or f"unsaved-{self.session.persona.id}-{self.session.seed}-{id(self):x}"
        try:
            self.recovery_path = write_recovery(name, self.session.moves)
        except OSError:
            pass

    # -- the text in the box, kept across a quit or a crash

    def save_draft(self, text: str) -> Path | None:
        """Keep unsent text; returns where, or None (nothing to keep, or no session id)."""
        if not self.session_id:
            return None
        try:
            return save_draft(self.session_id, text)
        except OSError:
            return None

    def draft(self) -> str | None:
        return load_draft(self.session_id) if self.session_id else None

    def _hold(self) -> None:
        """Take the session's lock, let go by ``close`` or when this object is dropped."""
        assert self.log is not None
        lock_session(self.log.path)
        self._release = weakref.finalize(self, unlock_session, self.log.path)

    def close(self) -> None:
        """Let another tutor open this session (the lock dies with the process anyway)."""
        if self._release is not None:
            self._release()  # runs once

    def reload(self, persona: LoadedPersona) -> None:
        """Play the same moves on a new version of the persona (an author saved it).

        Raises ValueError when the state or a variable it started from is gone.
        """
        old = self.session
        self.session = Session.replay(persona, old.seed, old.moves, start_state=old.start_state, start_vars=old.start_vars)
        old.close()
        self.persona_changed = True

    def take_back(self) -> bool:
        """Take back the last move (replaying without it); False when none."""
        if not self.session.moves:
            return False
        old = self.session
        self.session = old.branch(len(old.moves) - 1)
        old.close()
        self._write(lambda log: log.undo(), "taking back a move")
        return True

    def branch(self, keep: int) -> None:
        """Go back to just after move ``keep`` (0 = the start) and go on from there."""
        old = self.session
        self.session = old.branch(keep)
        old.close()
        self._write(lambda log: log.branch(keep), "going back")

    def restart(self) -> None:
        self.branch(0)

    def finish(self, reason: str = "debrief") -> None:
        if self.log and not self.finished:
            self._write(lambda log: log.end(reason), "the end of the session", also_after_rewrite=True)
            clear_draft(self.log.session_id)
        self.finished = True
        self.close()

    @property
    def moves(self) -> list[Move]:
        return self.session.moves
