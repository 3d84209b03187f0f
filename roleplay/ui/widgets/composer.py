"""The multi-line message input: Enter sends, ctrl+j (or alt+enter) adds a new line."""

from __future__ import annotations

from dataclasses import dataclass

from textual import events
from textual.message import Message
from textual.widgets import TextArea

from roleplay.ui.compat import insert_as_typed

NEWLINE_KEYS = ("ctrl+j", "alt+enter", "shift+enter", "ctrl+enter")


class Composer(TextArea):
    """A TextArea where Enter submits instead of inserting a line break."""

    @dataclass
    class Submitted(Message):
        composer: "Composer"
        text: str

        @property
        def control(self) -> "Composer":
            return self.composer

    def __init__(self, **kw):
        kw.setdefault("soft_wrap", True)
        kw.setdefault("show_line_numbers", False)
        kw.setdefault("tab_behavior", "focus")
        super().__init__(**kw)

    async def _on_key(self, event: events.Key) -> None:  # compat.TEXTAREA_KEY_HANDLER
        if self.read_only or self.disabled:
            return
        if event.key == "enter":
            event.stop()
            event.prevent_default()
            self.post_message(self.Submitted(self, self.text))
            return
        if event.key in NEWLINE_KEYS:
            event.stop()
            event.prevent_default()
            insert_as_typed(self, "\n")
            return
        await super()._on_key(event)
