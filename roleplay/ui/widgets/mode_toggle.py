"""Practice or exam: a one-line toggle, readable without colour (● chosen, ○ not).

The home screen used a RadioSet for this; mounting its buttons (and parsing
their styles) was the largest single cost of start-up, for a choice that the
`m` key already makes. A click on a label picks it.
"""

from __future__ import annotations

from textual import events
from textual.content import Content
from textual.message import Message
from textual.reactive import reactive
from textual.widgets import Static

LABELS = ("Practice", "Exam")


class ModeToggle(Static):
    exam: reactive[bool] = reactive(False)

    class Changed(Message):
        def __init__(self, toggle: "ModeToggle", exam: bool) -> None:
            super().__init__()
            self.toggle = toggle
            self.exam = exam

    def __init__(self, exam: bool = False, **kw) -> None:
        super().__init__(**kw)
        self.set_reactive(ModeToggle.exam, exam)

    def render(self) -> Content:
        parts = []
        for i, label in enumerate(LABELS):
            chosen = (i == 1) == self.exam
            parts.append((("● " if chosen else "○ ") + label, "bold" if chosen else ""))
            if i == 0:
                parts.append("   ")
        return Content.assemble(*parts)

    def watch_exam(self, exam: bool) -> None:
        self.post_message(self.Changed(self, exam))

    def on_click(self, event: events.Click) -> None:
        # "● Practice   ○ Exam": the Exam label starts after the practice label and gap
        self.exam = event.x >= len(LABELS[0]) + 2 + 3
