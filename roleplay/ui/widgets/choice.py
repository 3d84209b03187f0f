"""A radio button whose state is visible without colour: ● when chosen, ○ when not."""

from __future__ import annotations

from textual.widgets import RadioButton


class Choice(RadioButton):
    @property  # type: ignore[override]
    def BUTTON_INNER(self) -> str:  # noqa: N802 - Textual's name
        return "●" if self.value else "○"
