"""Learner and persona text is shown literally everywhere: markup never parses, escapes never vanish."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from roleplay.ui.safe_text import clean, content, highlighted, one_line

FIXTURES = Path(__file__).parent / "fixtures" / "personas"

HOSTILE = ["I want [/] more", "[@click=app.quit]x", "[pauses]", "\x1b[31mred\x1b[0m", "ding\x07", "[b]bold[/b]", "\u202eevil"]
HOSTILE_LINE = " ".join(HOSTILE)
# What each hostile string looks like on screen.
SHOWN = ["I want [/] more", "[@click=app.quit]x", "[pauses]", "␛[31mred␛[0m", "ding␇", "[b]bold[/b]", "⟨RLO⟩evil"]


def test_clean_makes_controls_visible_and_keeps_everything_else():
    assert clean("a\x1b[31mb") == "a␛[31mb"
    assert clean("x\x00y\x7fz") == "x␀y␡z"
    assert clean("line1\nline2") == "line1\nline2"
    assert one_line("line1\nline2") == "line1␤line2"
    assert clean("\x9b31m") == "\\x9b31m"
    assert clean("\u202eevil") == "⟨RLO⟩evil"
    for raw, shown in zip(HOSTILE, SHOWN):
        assert clean(raw) == shown


def test_content_is_literal():
    for raw, shown in zip(HOSTILE, SHOWN):
        c = content(raw)
        assert c.plain == shown
        assert not c.spans


def test_highlighted_styles_the_evidence_only():
    c = highlighted("Could we [b]hop[/b] on a call?", ["[b]hop[/b]"])
    assert c.plain == "Could we [b]hop[/b] on a call?"
    [span] = c.spans
    assert c.plain[span.start : span.end] == "[b]hop[/b]"


def _q(s: str) -> str:
    return json.dumps(s)


@pytest.fixture
def hostile_personas(tmp_path, monkeypatch):
    """The tiny fixture with hostile text in every field a learner sees."""
    folder = tmp_path / "personas" / "tiny"
    folder.mkdir(parents=True)
    scenario = (FIXTURES / "tiny" / "scenario.yaml").read_text()
    scenario = scenario.replace("title: A tiny test scenario", f"title: {_q('Tiny ' + HOSTILE_LINE)}")
    scenario = scenario.replace("role: You are a test candidate.", f"role: {_q('Candidate ' + HOSTILE_LINE)}")
    scenario = scenario.replace("    - You would like to start later.", f"    - {_q('Secret ' + HOSTILE_LINE)}")
    persona = (FIXTURES / "tiny" / "tiny.yaml").read_text()
    persona = persona.replace("name: Tess Tester", f"name: {_q('Tess [@click=app.quit]x [/] ' + chr(27) + '[2J')}")
    persona = persona.replace("summary: A minimal persona for tests.", f"summary: {_q('Summary ' + HOSTILE_LINE)}")
    persona = persona.replace('"Welcome to {company}, {learner}."', _q("Welcome " + HOSTILE_LINE))
    persona = persona.replace('say: ["Good to talk live, {learner}."]', f"say: [{_q('Live ' + HOSTILE_LINE)}]")
    persona = persona.replace("title: Later start agreed", f"title: {_q('Agreed ' + HOSTILE_LINE)}")
    persona = persona.replace("summary: You asked live and got it.", f"summary: {_q('Got it ' + HOSTILE_LINE)}")
    persona = persona.replace('say: ["Fine, start a month later."]', f"say: [{_q('Fine ' + HOSTILE_LINE)}]")
    (folder / "scenario.yaml").write_text(scenario)
    (folder / "tiny.yaml").write_text(persona)
    monkeypatch.setenv("ROLEPLAY_PERSONAS", str(tmp_path / "personas"))
    monkeypatch.setenv("ROLEPLAY_DATA_DIR", str(tmp_path / "data"))
    return folder / "tiny.yaml"


def _visible(screen) -> str:
    from textual.widgets import OptionList, Static

    out = [getattr(screen, "title", "") or "", getattr(screen, "sub_title", "") or ""]
    for w in screen.query(Static):
        r = w.render()
        out.append(getattr(r, "plain", str(r)))
    for ol in screen.query(OptionList):
        for i in range(ol.option_count):
            out.append(getattr(ol.get_option_at_index(i).prompt, "plain", ""))
    return "\n".join(out)


def _assert_shown(text: str, *, exact: list[str] = SHOWN) -> None:
    for shown in exact:
        assert shown in text, shown
    assert "\x1b" not in text and "\x07" not in text and "\u202e" not in text


async def test_hostile_text_through_every_screen(hostile_personas):
    from roleplay.persona.loader import load_persona
    from roleplay.ui.app import RoleplayApp
    from roleplay.ui.screens.briefing import BriefingScreen
    from roleplay.ui.screens.conversation import ConversationScreen
    from roleplay.ui.screens.debrief import DebriefScreen
    from roleplay.ui.screens.modals import ExportedScreen
    from roleplay.ui.widgets.composer import Composer

    loaded = load_persona(hostile_personas)
    assert "[@click=app.quit]" in loaded.persona.name

    app = RoleplayApp(seed=0)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        home = _visible(app.screen)
        assert "Tess [@click=app.quit]x [/] ␛[2J" in home
        _assert_shown(home)  # the summary and scenario title

        await pilot.press("enter")
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, BriefingScreen)
        assert app.screen.title == "Tess [@click=app.quit]x [/] ␛[2J"
        _assert_shown(_visible(app.screen))

        await pilot.press("4", "enter")
        await pilot.pause()
        assert isinstance(app.screen, ConversationScreen)
        screen = app.screen
        assert screen.title == "Tess [@click=app.quit]x [/] ␛[2J"
        composer = screen.query_one(Composer)
        composer.text = "Could we hop on a call? " + HOSTILE_LINE
        await pilot.press("enter")
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.is_running
        chat = _visible(screen)
        _assert_shown(chat)  # the learner's message, the opening and the reply
        assert chat.count("[@click=app.quit]x") >= 3
        coach = _visible(screen.query_one("#coach"))
        assert "I want [/] more" in coach and "␛[31mred" in coach  # the evidence view quotes the message
        await pilot.press("f5")  # the move's whole feedback quotes it too
        await pilot.pause()
        details = _visible(app.screen)
        _assert_shown(details, exact=["I want [/] more", "[@click=app.quit]x", "␛[31mred␛[0m", "⟨RLO⟩evil"])
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen

        # the hint (in the coach panel; no notification)
        await pilot.press("f2")
        await pilot.pause()
        composer.text = "Would it be possible to push my start date back a few weeks? " + HOSTILE_LINE
        await pilot.press("enter")
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert screen.session.ended
        notes = "\n".join(f"{n.title}\n{n.message}" for n in app._notifications)
        assert "Agreed I want [/] more" in notes and "␛[31mred" in notes
        assert all(not n.markup for n in app._notifications)

        # export: the modal shows the paths; the Markdown shows the text literally
        await pilot.press("ctrl+e")
        await pilot.pause()
        assert isinstance(app.screen, ExportedScreen)
        md = app.screen.md.read_text()
        assert "I want \\[/\\] more" in md and "␛\\[31mred" in md and "\x1b" not in md
        await pilot.press("enter")
        await pilot.pause()

        await pilot.press("ctrl+d")
        await pilot.pause()
        assert isinstance(app.screen, DebriefScreen)
        debrief = _visible(app.screen)
        _assert_shown(debrief)  # ending title and summary, the moves' text
        assert "Agreed I want [/] more" in debrief
        assert app.is_running

        # the app-level help and title survive too
        app.title = HOSTILE_LINE
        await pilot.pause()
        assert app.is_running
