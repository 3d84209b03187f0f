"""The private Textual API the UI relies on (roleplay/ui/compat.py) still exists.

When this fails after moving the Textual pin, fix compat.py (and the composer's
key handler) before anything else: the snapshots come next."""

from __future__ import annotations

import textual

from roleplay.ui.compat import PRIVATE_NAMES


def test_every_private_name_the_ui_uses_is_still_there():
    missing = [f"{cls.__name__}.{name}" for cls, names in PRIVATE_NAMES.items() for name in names
               if not hasattr(cls, name)]
    assert missing == [], f"Textual {textual.__version__} lacks {missing}"


async def test_the_helpers_work_on_this_textual():
    from textual.app import App, ComposeResult
    from textual.widgets import RadioButton, RadioSet, TextArea

    from roleplay.ui.compat import insert_as_typed, radio_highlighted

    class Probe(App):
        def compose(self) -> ComposeResult:
            yield TextArea("ab", id="t")
            with RadioSet(id="r"):
                yield RadioButton("one")
                yield RadioButton("two")

    app = Probe()
    async with app.run_test() as pilot:
        area = app.query_one(TextArea)
        area.move_cursor((0, 1))
        insert_as_typed(area, "\n")
        assert area.text == "a\nb"
        radios = app.query_one(RadioSet)
        radios.focus()
        await pilot.press("down")
        assert radio_highlighted(radios) in (0, 1)


def test_textual_is_the_pinned_minor():
    assert textual.__version__.startswith("8.2."), "the snapshots were made with Textual 8.2; see README 'Moving the Textual pin'"
