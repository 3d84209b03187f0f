"""Reading learner messages in a separate process, with a time budget.

The tagger is regular expressions and arithmetic; a pathological pattern
once took 18 s on one message. A thread does not help with that: Python's
``re`` holds the interpreter lock for the whole match, so the UI's event loop
would freeze with it. A child process does help: the UI waits on a pipe
(which frees the lock), and a message that takes longer than the budget is
given up on by killing the child, which is started again for the next one.

The child runs the same code as ``Session.listen``, so what it returns is
exactly what an in-process read (and every later replay) gives.
"""

from __future__ import annotations

import importlib
import os
import pickle
import select
import struct
import subprocess
import sys
import threading
import time
from typing import IO, Any, Callable

from roleplay.engine.session import Heard, read_message

BUDGET_S = 5.0  # a move's reading; the tagger's p95 is a few milliseconds
START_BUDGET_S = 60.0  # starting the child and loading the tagger, done ahead of the first message
DEFAULT_READER = "roleplay.engine.session:read_message"
_HEADER = struct.Struct(">I")


class TooSlow(Exception):
    """Reading one message took longer than its budget (and was abandoned)."""


def _resolve(target: str) -> Callable[[str], Any]:
    module, _, name = target.partition(":")
    return getattr(importlib.import_module(module), name)


def _send(out: IO[bytes], obj: Any) -> None:
    data = pickle.dumps(obj, protocol=pickle.HIGHEST_PROTOCOL)
    out.write(_HEADER.pack(len(data)) + data)
    out.flush()


def _recv_exact(fd: int, n: int, deadline: float | None) -> bytes:
    chunks, got = [], 0
    while got < n:
        if deadline is not None:
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([fd], [], [], left)[0]:
                raise TimeoutError
        chunk = os.read(fd, n - got)
        if not chunk:
            raise EOFError
        chunks.append(chunk)
        got += len(chunk)
    return b"".join(chunks)


def _recv(fd: int, deadline: float | None) -> Any:
    (size,) = _HEADER.unpack(_recv_exact(fd, _HEADER.size, deadline))
    return pickle.loads(_recv_exact(fd, size, deadline))  # only ever from our own child


def serve(target: str = DEFAULT_READER) -> None:
    """The child: warm up, say so, then read each text sent until stdin closes."""
    out = sys.stdout.buffer
    sys.stdout = sys.stderr  # nothing printed by accident may corrupt the frames
    read = _resolve(target)
    read("warm up")
    _send(out, ("ready", None))
    fd = sys.stdin.buffer.fileno()
    while True:
        try:
            text = _recv(fd, None)
        except (EOFError, OSError):
            return
        try:
            _send(out, ("ok", read(text)))
        except Exception as exc:  # the caller reads in-process instead, and sees the real traceback
            _send(out, ("error", f"{type(exc).__name__}: {exc}"))


class Listener:
    """One reading child process, started ahead of use and restarted after a kill.

    ``listen`` is called from one thread at a time (the UI calls it from a
    worker thread, one move at a time).
    """

    def __init__(self, target: str = DEFAULT_READER, budget_s: float = BUDGET_S):
        self.target = target
        self.budget_s = budget_s
        self._proc: subprocess.Popen | None = None
        self._ready = False
        self._lock = threading.Lock()
        self.kills = 0

    def start(self) -> None:
        """Start the child (cheap to call again); it warms up in the background."""
        with self._lock:
            if self._proc is not None and self._proc.poll() is None:
                return
            self._proc = subprocess.Popen(
                [sys.executable, "-c", f"from roleplay.engine.listener import serve; serve({self.target!r})"],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=subprocess.DEVNULL,
                env={**os.environ, "PYTHONPATH": os.pathsep.join(p for p in sys.path if p)},
                close_fds=True,
            )
            self._ready = False

    def listen(self, text: str) -> Heard:
        """What reading ``text`` finds; raises TooSlow past the budget."""
        self.start()
        proc = self._proc
        assert proc is not None and proc.stdin is not None and proc.stdout is not None
        fd = proc.stdout.fileno()
        try:
            if not self._ready:
                kind, _ = _recv(fd, time.monotonic() + START_BUDGET_S)
                self._ready = kind == "ready"
            _send(proc.stdin, text)
            kind, value = _recv(fd, time.monotonic() + self.budget_s)
        except TimeoutError:
            self._kill()
            raise TooSlow(f"reading the message took longer than {self.budget_s:g} s") from None
        except (EOFError, OSError, pickle.UnpicklingError):
            self._kill()  # the child died (out of memory, killed): read here instead
            return read_message(text)
        if kind != "ok":
            return read_message(text)
        return value

    def _kill(self, *, counted: bool = True) -> None:
        with self._lock:
            proc, self._proc, self._ready = self._proc, None, False
        if proc is None:
            return
        proc.kill()
        try:
            proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            pass
        for stream in (proc.stdin, proc.stdout):
            try:
                stream.close() if stream else None
            except OSError:
                pass
        self.kills += counted

    def close(self) -> None:
        self._kill(counted=False)


class InlineListener:
    """Reads in the calling thread: where a child process cannot be used
    (Windows pipes have no select), and in tests that drive the UI. It has
    no time budget: a slow pattern blocks as it would without a listener."""

    budget_s = None
    kills = 0

    def start(self) -> None:
        pass

    def listen(self, text: str) -> Heard:
        return read_message(text)

    def close(self) -> None:
        pass


def make_listener() -> "Listener | InlineListener":
    """A child-process listener, unless $ROLEPLAY_READER is "inline" (or there is no select on pipes)."""
    if os.environ.get("ROLEPLAY_READER") == "inline" or sys.platform == "win32":
        return InlineListener()
    return Listener()
