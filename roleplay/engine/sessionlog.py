"""The crash-safe session log: one JSON Lines file per session.

Every event is appended, flushed and fsynced before the caller goes on (the
UI shows a reply only after its turn is on disk), so a crash or a kill loses
nothing. Because sessions are deterministic, the log stores the moves and
replays them to resume; the turn records beside them are for people and for
checking that a replay still gives what the learner saw.

Events: ``start`` (persona, seed, mode, ...), ``move`` (text, optional tags,
and the resulting turn), ``undo`` (take back the last move), ``branch``
(keep the first N moves), ``end`` (finished: no longer offered for resume).
"""

from __future__ import annotations

import glob
import json
import os
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from roleplay.engine.move import Move

FORMAT_VERSION = 1


def data_dir() -> Path:
    """Where session logs and exports go: $ROLEPLAY_DATA_DIR or the user data dir."""
    env = os.environ.get("ROLEPLAY_DATA_DIR")
    if env:
        return Path(env)
    from platformdirs import user_data_dir

    return Path(user_data_dir("roleplay", appauthor=False))


def sessions_dir() -> Path:
    return data_dir() / "sessions"


class SessionBusy(Exception):
    """The session is open in another tutor (another process holds its lock)."""


# Locks this process holds, by log path: [descriptor, holders]. A lock is
# per process, so a screen that reopens its own session is not refused, while
# a second tutor on the same session is; it is let go with its last holder.
_HELD: dict[str, list[int]] = {}


def lock_session(log_path: Path) -> None:
    """Take the session's lock (``ID.lock`` beside its log) or raise SessionBusy.

    An OS lock (flock) is released by the kernel when the process ends,
    however it ends, so a crash or a kill never leaves a session locked.
    Where there is no flock (Windows) sessions are not locked.
    """
    key = str(log_path)
    if key in _HELD:
        _HELD[key][1] += 1
        return
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows
        return
    lock = log_path.with_suffix(".lock")
    for _ in range(5):  # the file may be removed by its holder between open and flock
        fd = os.open(lock, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            holder = os.pread(fd, 64, 0).decode("ascii", "replace").strip()
            os.close(fd)
            who = f" (process {holder})" if holder.isdigit() else ""
            raise SessionBusy(
                f"session {log_path.stem} is open in another tutor{who}; close it there, or wait for it to end"
            ) from None
        try:
            same = os.fstat(fd).st_ino == os.stat(lock).st_ino
        except FileNotFoundError:
            same = False
        if same:
            os.ftruncate(fd, 0)
            os.pwrite(fd, str(os.getpid()).encode(), 0)
            _HELD[key] = [fd, 1]
            return
        os.close(fd)
    raise SessionBusy(f"session {log_path.stem} could not be locked")


def unlock_session(log_path: Path) -> None:
    held = _HELD.get(str(log_path))
    if held is None:
        return
    held[1] -= 1
    if held[1] > 0:
        return
    fd = _HELD.pop(str(log_path))[0]
    try:
        log_path.with_suffix(".lock").unlink(missing_ok=True)
    except OSError:
        pass
    os.close(fd)  # closing the descriptor releases the lock


class SessionLog:
    """Appends events to one session's log file, durably."""

    def __init__(self, path: Path, header: dict | None = None):
        self.path = path
        self.header = header  # the start event, to rebuild a log deleted mid-session

    def rewrite(self, moves: list[Move], turns: list | None = None) -> None:
        """Write the log again, whole, from what the session holds (a temporary
        file renamed over the old one: the log is never half-written). For a log
        deleted while playing, or one behind after a failed write."""
        if self.header is None:
            raise OSError(f"the session log {self.path} cannot be rebuilt (its start is not known)")
        events = [{**self.header, "rebuilt": True}]
        for i, m in enumerate(moves):
            event = {"type": "move", **m.to_json()}
            if turns is not None and i < len(turns):
                event["turn"] = turns[i].model_dump(mode="json")
            events.append(event)
        body = "".join(json.dumps(e, ensure_ascii=False) + "\n" for e in events)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        _write_whole(self.path, body)

    @classmethod
    def create(cls, persona_id: str, persona_file: str, digest: str, seed: int, **extra: Any) -> "SessionLog":
        folder = sessions_dir()
        folder.mkdir(parents=True, exist_ok=True)
        stamp = time.strftime("%Y%m%d-%H%M%S", time.gmtime())
        session_id = f"{stamp}-{persona_id}-{os.urandom(3).hex()}"  # os, not secrets: cheaper to import
        log = cls(folder / f"{session_id}.jsonl")
        log.header = {
            "type": "start",
            "version": FORMAT_VERSION,
            "session": session_id,
            "persona": persona_id,
            "persona_file": str(Path(persona_file).resolve()),
            "digest": digest,
            "seed": seed,
            "created": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
            **extra,
        }
        log.append(log.header)
        return log

    @property
    def session_id(self) -> str:
        return self.path.stem

    def append(self, event: dict) -> None:
        """Append one event as one line, whole, or raise OSError.

        A torn last line (a crash or a full disk mid-write) is closed first,
        so the new event starts a line of its own instead of joining the
        damaged one and being lost with it; a short write is continued until
        the line is whole.
        """
        data = (json.dumps(event, ensure_ascii=False) + "\n").encode("utf-8")
        fd = os.open(self.path, os.O_RDWR | os.O_APPEND | os.O_CREAT, 0o600)
        try:
            size = os.fstat(fd).st_size
            if size and os.pread(fd, 1, size - 1) != b"\n":
                data = b"\n" + data
            view = memoryview(data)
            while view:
                written = os.write(fd, view)
                if written <= 0:
                    raise OSError("the session log could not be written")
                view = view[written:]
            os.fsync(fd)
        finally:
            os.close(fd)

    def move(self, move: Move, turn: dict | None = None) -> None:
        event = {"type": "move", **move.to_json()}
        if turn is not None:
            event["turn"] = turn
        self.append(event)

    def undo(self) -> None:
        self.append({"type": "undo"})

    def branch(self, keep: int) -> None:
        self.append({"type": "branch", "keep": keep})

    def end(self, reason: str) -> None:
        self.append({"type": "end", "reason": reason})


@dataclass
class LoggedSession:
    """A session as read back from its log."""

    path: Path
    header: dict
    moves: list[Move] = field(default_factory=list)
    ended: bool = False
    damaged_lines: int = 0
    events: list[dict] = field(default_factory=list)

    @property
    def session_id(self) -> str:
        return self.path.stem

    @property
    def persona(self) -> str:
        return str(self.header.get("persona", "?"))

    @property
    def seed(self) -> int:
        return int(self.header.get("seed", 0))

    @property
    def updated(self) -> float:
        try:
            return self.path.stat().st_mtime
        except OSError:
            return 0.0


def read_log(path: Path) -> LoggedSession:
    """Read a log; a torn last line (a crash mid-write) is skipped, not fatal.

    Raises ValueError when the file has no valid start event.
    """
    try:
        raw = path.read_text(encoding="utf-8", errors="replace")
    except OSError as exc:
        raise ValueError(f"cannot read {path}: {exc.strerror or exc}") from None
    header: dict | None = None
    result: LoggedSession | None = None
    damaged = 0
    # Only "\n" ends a record: splitlines() would also break a message at
    # U+2028, U+2029 or U+0085 and lose it on resume.
    for line in raw.split("\n"):
        line = line.removesuffix("\r")
        if not line.strip():
            continue
        try:
            event = json.loads(line)
        except (json.JSONDecodeError, RecursionError):  # a torn or hostile line is damage, not a crash
            damaged += 1
            continue
        if not isinstance(event, dict):
            damaged += 1
            continue
        kind = event.get("type")
        if header is None:
            if kind != "start":
                raise ValueError(f"{path} is not a session log (no start event)")
            header = event
            result = LoggedSession(path=path, header=header)
            continue
        assert result is not None
        result.events.append(event)
        if kind == "move" and isinstance(event.get("text"), str):
            tags = event.get("tags")
            result.moves.append(Move(event["text"], tuple(tags) if isinstance(tags, list) else None, event.get("cut") is True))
        elif kind == "undo" and result.moves:
            result.moves.pop()
        elif kind == "branch" and isinstance(event.get("keep"), int):
            del result.moves[max(0, event["keep"]) :]
        elif kind == "end":
            result.ended = True
    if result is None:
        raise ValueError(f"{path} is not a session log (empty)")
    result.damaged_lines = damaged
    return result


def list_sessions(*, include_ended: bool = False) -> list[LoggedSession]:
    """Logged sessions, newest first; by default only the resumable ones."""
    folder = sessions_dir()
    if not folder.is_dir():
        return []
    out = []
    for p in folder.glob("*.jsonl"):
        try:
            s = read_log(p)
        except ValueError:
            continue
        if include_ended or not s.ended:
            out.append(s)
    out.sort(key=lambda s: (s.updated, s.session_id), reverse=True)
    return out


def find_session(session_id: str) -> LoggedSession:
    """A logged session by id (or unique id prefix); raises LookupError."""
    folder = sessions_dir()
    exact = folder / f"{session_id}.jsonl"
    if exact.is_file():
        return read_log(exact)
    matches = sorted(folder.glob(f"{glob.escape(session_id)}*.jsonl")) if folder.is_dir() else []
    if len(matches) == 1:
        return read_log(matches[0])
    if not matches:
        raise LookupError(f"no session '{session_id}' in {folder}")
    raise LookupError(f"'{session_id}' matches {len(matches)} sessions; give more of the id")


# ------------------------------------------------------------ kept text
#
# What the learner typed but the log does not hold: an unsent draft (the
# tutor closed with text in the box) and, when the log cannot be written,
# every move so far. Both are small files written whole (a temporary file,
# then a rename), in the sessions folder when it is writable, else in the
# system's temporary folder, and their paths are shown to the learner.


def recovery_dir() -> Path:
    """Where kept text goes when the data directory cannot take it."""
    import tempfile

    return Path(tempfile.gettempdir()) / f"roleplay-recovered-{os.getuid() if hasattr(os, 'getuid') else 'user'}"


def _write_whole(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)  # as private as the log
        with open(fd, "w", encoding="utf-8", newline="\n") as f:
            f.write(text)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


def write_kept(name: str, text: str) -> Path:
    """Write ``text`` to ``name`` in the sessions folder, or the recovery folder; return where."""
    last: OSError | None = None
    for folder in (sessions_dir(), recovery_dir()):
        try:
            _write_whole(folder / name, text)
            return folder / name
        except OSError as exc:
            last = exc
    assert last is not None
    raise last


def draft_name(session_id: str) -> str:
    return f"{session_id}.draft"


def save_draft(session_id: str, text: str) -> Path | None:
    """Keep unsent text for the session (an empty text removes the draft)."""
    if not text.strip():
        clear_draft(session_id)
        return None
    return write_kept(draft_name(session_id), text)


def load_draft(session_id: str) -> str | None:
    for folder in (sessions_dir(), recovery_dir()):
        try:
            text = (folder / draft_name(session_id)).read_text(encoding="utf-8", errors="replace")
        except OSError:
            continue
        if text.strip():
            return text
    return None


def clear_draft(session_id: str) -> None:
    for folder in (sessions_dir(), recovery_dir()):
        try:
            (folder / draft_name(session_id)).unlink(missing_ok=True)
        except OSError:
            pass


def write_recovery(name: str, moves: list[Move]) -> Path:
    """Every move so far as a moves file (``roleplay run --moves`` replays it)."""
    body = "".join(json.dumps(m.to_json(), ensure_ascii=False) + "\n" for m in moves)
    return write_kept(f"{name}.recovered.jsonl", body)
