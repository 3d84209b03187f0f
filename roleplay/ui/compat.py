"""Every use of Textual's private API, in one place.

Textual is pinned to the minor release the snapshots were made with (see
pyproject.toml); these are the places a new release could break without a
deprecation warning. tests/test_ui_compat.py fails loudly when one of them
is gone, so moving the pin starts with that test.
"""

from __future__ import annotations

from textual.widgets import RadioSet, TextArea

# TextArea's key handler: the composer overrides it so Enter sends (the public
# Key event arrives after TextArea has already inserted the newline).
TEXTAREA_KEY_HANDLER = "_on_key"


def insert_as_typed(area: TextArea, text: str) -> None:
    """Insert ``text`` at the selection as if typed (undo history, edit events)."""
    start, end = area.selection
    area._replace_via_keyboard(text, start, end)


def radio_highlighted(radios: RadioSet) -> int | None:
    """The option under the keyboard cursor of a RadioSet (not necessarily pressed)."""
    index = getattr(radios, "_selected", None)
    return index if isinstance(index, int) else None


def radio_clear_highlight(radios: RadioSet) -> None:
    """Put no option under the keyboard cursor (a RadioSet highlights its first on mount)."""
    radios._selected = None


PRIVATE_NAMES = {
    TextArea: (TEXTAREA_KEY_HANDLER, "_replace_via_keyboard"),
    RadioSet: ("_selected",),
}
