"""Navigation requests: a screen posts one, the App routes it (app.py's on_* handlers).

So no screen imports another screen module; the App alone knows which screen
each request opens and whether it is pushed over the current one or replaces it.
"""

from __future__ import annotations

from typing import Any

from textual.message import Message


class OpenBriefing(Message):
    """Push the briefing of a loaded persona (over the current screen)."""

    def __init__(self, loaded: Any, *, exam: bool = False, seed: int | None = None, graded: Any = None) -> None:
        super().__init__()
        self.loaded = loaded
        self.exam = exam
        self.seed = seed
        self.graded = graded


class OpenConversation(Message):
    """Open a conversation: pushed over the current screen, or replacing it (``replace``)."""

    def __init__(self, conv: Any, *, resumed: bool = False, watch: bool = False, replace: bool = False) -> None:
        super().__init__()
        self.conv = conv
        self.resumed = resumed
        self.watch = watch
        self.replace = replace


class OpenDebrief(Message):
    """Replace the current screen (the conversation) with the debrief of ``conv``."""

    def __init__(self, conv: Any) -> None:
        super().__init__()
        self.conv = conv


class GoHome(Message):
    """Pop back to the home screen."""
