"""Progress from long checks, for whoever is listening (the CLI, on a terminal).

A context variable rather than a parameter threaded through the loader: the
walk that can take seconds sits several calls below ``validate``, and only
the command line shows progress.
"""

from __future__ import annotations

from contextlib import contextmanager
from contextvars import ContextVar
from typing import Callable, Iterator

_listener: ContextVar[Callable[[str], None] | None] = ContextVar("roleplay_progress", default=None)


def report(message: str) -> None:
    listener = _listener.get()
    if listener is not None:
        listener(message)


@contextmanager
def reporting(listener: Callable[[str], None]) -> Iterator[None]:
    token = _listener.set(listener)
    try:
        yield
    finally:
        _listener.reset(token)
