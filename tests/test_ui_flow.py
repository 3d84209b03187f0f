"""Pilot tests: whole sessions through every screen and mode."""

from __future__ import annotations

from pathlib import Path

import pytest

from roleplay.engine.conversation import Conversation
from roleplay.engine.sessionlog import list_sessions
from roleplay.persona.loader import load_persona

FIXTURES = Path(__file__).parent / "fixtures" / "personas"
TINY = FIXTURES / "tiny" / "tiny.yaml"

CALL = "Thank you! Could we find 20 minutes for a quick call this week?"
EXTENSION = "Would it be possible to push my start date back a few weeks?"
THREAT = "Unless I can start later, I'll have to withdraw my acceptance."


pytestmark = pytest.mark.usefixtures("fixture_personas")  # data dir: isolated by conftest


def make_app(**kw):
    from roleplay.ui.app import RoleplayApp

    return RoleplayApp(**kw)


async def settle(pilot):
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def open_briefing(pilot, exam: bool = False):
    from roleplay.ui.screens.briefing import BriefingScreen

    await settle(pilot)
    if exam:
        await pilot.press("m")
    await pilot.press("enter")  # the first persona is highlighted
    await settle(pilot)
    assert isinstance(pilot.app.screen, BriefingScreen)


async def start(pilot, answer: str = "5", exam: bool = False):
    from roleplay.ui.screens.conversation import ConversationScreen

    await open_briefing(pilot, exam)
    await pilot.press(answer, "enter")
    await settle(pilot)
    assert isinstance(pilot.app.screen, ConversationScreen)
    return pilot.app.screen


async def send(pilot, text: str):
    from roleplay.ui.widgets.composer import Composer

    composer = pilot.app.screen.query_one(Composer)
    composer.text = text
    composer.focus()
    await pilot.press("enter")
    await settle(pilot)  # the message is read in a worker


def chat_text(screen) -> str:

    return "\n".join(str(w.render().plain if hasattr(w.render(), "plain") else w.render()) for w in screen.query("ChatMessage, ChatNotice"))


def all_text(screen) -> str:
    """Every Static's visible text on a screen."""
    from textual.widgets import Static

    out = []
    for w in screen.query(Static):
        r = w.render()
        out.append(getattr(r, "plain", str(r)))
    return "\n".join(out)


async def test_home_lists_personas_and_modes():
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        from textual.widgets import OptionList

        options = app.screen.query_one("#personas", OptionList)
        prompts = [str(getattr(options.get_option_at_index(i).prompt, "plain", "")) for i in range(options.option_count)]
        assert any("Tess Tester" in p and "Test Manager" in p and "easy" in p for p in prompts)
        assert any("A tiny test scenario" in p for p in prompts)
        assert app.screen.exam is False
        await pilot.press("m")
        assert app.screen.exam is True


async def test_practice_session_through_every_screen(tmp_path):
    from roleplay.ui.screens.debrief import DebriefScreen
    from roleplay.ui.widgets.coach import FeedbackView, HintView, ScoreBars, TrustMeter

    app = make_app(seed=3)
    async with app.run_test(size=(110, 34), notifications=True) as pilot:
        screen = await start(pilot, "6")
        conv = screen.conv
        assert conv.mode == "practice" and conv.risk_estimate == 6
        assert "Welcome to Testco, Robin." in all_text(screen)
        assert "email" in all_text(screen)

        # empty messages are not sent
        await send(pilot, "   \n ")
        assert conv.session.turns == []
        assert any("Empty" in n.message for n in app._notifications)

        # hint (practice)
        await pilot.press("f2")
        await pilot.pause()
        hint_view = screen.query_one(HintView)
        assert hint_view.display and "Hint" in hint_view.render().plain

        await send(pilot, CALL)
        assert len(conv.session.turns) == 1
        assert "Good to talk live, Robin." in all_text(screen)
        assert conv.session.channel == "call"
        assert "live call" in all_text(screen)
        # the coach panel: bars with numbers, feedback with a signed delta and its evidence highlighted
        bars = screen.query_one(ScoreBars).render().plain
        assert "Live, not email" in bars and "90" in bars
        feedback = screen.query_one(FeedbackView).render()
        assert "+20" in feedback.plain
        evidence = conv.session.turns[0].evidence["requests_meeting"]
        start_at = feedback.plain.index(evidence)
        assert any(s.start <= start_at < s.end and "underline" in str(s.style) for s in feedback.spans)
        assert "Trust" in screen.query_one(TrustMeter).render().plain
        # the move is in the log before the reply is shown
        logged = list_sessions()[0]
        assert [m.text for m in logged.moves] == [CALL]

        # take back replays without the last move and puts it back in the composer
        await send(pilot, THREAT)
        assert len(conv.session.turns) == 2
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert len(conv.session.turns) == 1
        assert screen.query_one("#composer").text == THREAT
        assert [m.text for m in list_sessions()[0].moves] == [CALL]

        # a message over 2,000 characters is cut, with a visible notice
        await send(pilot, "a" * 2500)
        assert conv.session.turns[-1].truncated
        assert "was cut" in all_text(screen)
        assert any("Message cut" in n.title for n in app._notifications)

        # export from the conversation
        await pilot.press("ctrl+e")
        await pilot.pause()
        from roleplay.ui.screens.modals import ExportedScreen

        assert isinstance(app.screen, ExportedScreen)
        assert app.screen.md.is_file() and app.screen.json.is_file()
        assert str(app.screen.md) in app.screen.query_one("#export-paths").render().plain
        await pilot.press("enter")
        await pilot.pause()

        # reach the ending, then the debrief
        await send(pilot, EXTENSION)
        assert conv.session.ended and conv.session.ending_info().outcome == "success"
        assert "ended" in all_text(screen)
        await pilot.press("ctrl+d")
        await settle(pilot)
        assert isinstance(app.screen, DebriefScreen)
        text = all_text(app.screen)
        assert "Success" in text and "Later start agreed" in text
        assert "Moves that raised your overall most" in text and "Moves that lowered your overall most" in text
        assert "4.6" in text and "3.5" in text and "94" in text
        assert "You" in text and " 6" in text
        assert "Trust" in text and "Score" in text
        assert list_sessions() == []  # finished: no longer offered for resume

        # export from the debrief
        app.screen.query_one("#export").press()
        await pilot.pause()
        assert isinstance(app.screen, ExportedScreen)
        await pilot.press("escape")
        await pilot.pause()

        # replay from move 2 (branch): a new session with the first move
        await pilot.press("b")
        await pilot.pause()
        from textual.widgets import OptionList

        app.screen.query_one(OptionList).highlighted = 1
        await pilot.press("enter")
        await settle(pilot)
        from roleplay.ui.screens.conversation import ConversationScreen

        assert isinstance(app.screen, ConversationScreen)
        assert [t.learner for t in app.screen.session.turns] == [CALL]
        assert app.screen.conv.session_id != conv.session_id


async def test_retry_from_debrief_and_early_end():
    from roleplay.ui.screens.conversation import ConversationScreen
    from roleplay.ui.screens.debrief import DebriefScreen
    from roleplay.ui.screens.modals import ConfirmScreen

    app = make_app(seed=1)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await start(pilot)
        await send(pilot, CALL)
        await pilot.press("ctrl+d")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen
        await pilot.press("ctrl+d")
        await pilot.pause()
        await pilot.press("y")
        await settle(pilot)
        assert isinstance(app.screen, DebriefScreen)
        assert "Unfinished" in all_text(app.screen)
        await pilot.press("r")
        await settle(pilot)
        assert isinstance(app.screen, ConversationScreen)
        assert app.screen.session.turns == []
        assert app.screen.conv.risk_estimate == 5


async def test_exam_mode_hides_feedback_hints_and_take_back():
    from roleplay.ui.screens.debrief import DebriefScreen
    from roleplay.ui.widgets.coach import FeedbackView, HintView, ScoreBars

    app = make_app(seed=2)
    async with app.run_test(size=(110, 34)) as pilot:
        screen = await start(pilot, "3", exam=True)
        assert screen.conv.mode == "exam"
        await send(pilot, CALL)
        assert len(screen.session.turns) == 1
        assert not screen.query_one(ScoreBars).display
        assert "Exam mode" in screen.query_one(FeedbackView).render().plain
        assert "+20" not in all_text(screen)
        await pilot.press("f2")
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert not screen.query_one(HintView).display
        assert len(screen.session.turns) == 1
        # the footer does not offer them
        assert screen.check_action("hint", ()) is False and screen.check_action("take_back", ()) is False
        await send(pilot, EXTENSION)
        assert screen.session.ended
        await pilot.press("ctrl+d")
        await settle(pilot)
        assert isinstance(app.screen, DebriefScreen)
        assert "+20" in all_text(app.screen)  # feedback arrives in the debrief
        assert "exam" in all_text(app.screen)


async def test_resume_after_a_kill():
    """A session dropped without finish (a kill) is offered on the home screen and resumes where it stopped."""
    from roleplay.ui.screens.conversation import ConversationScreen

    conv = Conversation.start(load_persona(TINY), 7, mode="practice", risk_estimate=4)
    conv.play(CALL)
    conv.play("I really appreciate it.")
    sid = conv.session_id
    del conv  # no finish: as if the process was killed

    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        from textual.widgets import OptionList

        sessions = app.screen.query_one("#sessions", OptionList)
        assert sessions.display and sessions.option_count == 1
        assert sessions.get_option_at_index(0).id == f"session:{sid}"
        sessions.focus()
        sessions.highlighted = 0
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ConversationScreen)
        resumed = app.screen.conv
        assert resumed.session_id == sid
        assert [t.learner for t in resumed.session.turns] == [CALL, "I really appreciate it."]
        assert resumed.risk_estimate == 4
        assert "Resumed session" in all_text(app.screen)
        await send(pilot, EXTENSION)
        assert resumed.session.ended
        assert len(list_sessions()[0].moves) == 3


async def test_play_persona_opens_the_conversation_with_the_briefing_one_key_away():
    from roleplay.ui.screens.conversation import ConversationScreen

    app = make_app(persona=load_persona(TINY), seed=0, exam=True)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, ConversationScreen)  # straight in, per CONTRACTS.md
        assert app.screen.exam and app.screen.conv.session.seed == 0
        assert "Welcome to Testco, Robin." in all_text(app.screen)
        assert list_sessions()[0].header["mode"] == "exam"
        await pilot.press("f4")
        await settle(pilot)
        text = all_text(app.screen)
        assert "You are a test candidate." in text and "You accepted an offer from Testco." in text
        assert "You would like to start later." in text and "A later start date." in text
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, ConversationScreen)


async def test_launch_with_resume_opens_the_conversation():
    from roleplay.ui.screens.conversation import ConversationScreen

    conv = Conversation.start(load_persona(TINY), 1)
    conv.play(CALL)
    app = make_app(conversation=Conversation.resume(list_sessions()[0]))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, ConversationScreen)
        assert len(app.screen.session.turns) == 1


async def test_theme_toggle_help_and_palette():
    from roleplay.ui.screens.modals import HelpScreen

    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert app.theme == "textual-dark"
        await pilot.press("ctrl+t")
        assert app.theme == "textual-light"
        await pilot.press("ctrl+t")
        assert app.theme == "textual-dark"
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        await pilot.pause()
        await start(pilot)
        # the palette offers the conversation's actions
        from roleplay.ui.commands import RoleplayCommands

        provider = RoleplayCommands(app.screen)
        titles = [t for t, _, _ in provider._commands()]
        assert "Hint" in titles and "End and debrief" in titles and "Export transcript" in titles
        assert "Take back the last move" not in titles  # nothing to take back yet
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"hint")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await settle(pilot)
        from roleplay.ui.widgets.coach import HintView

        assert app.screen.query_one(HintView).display


async def test_narrow_terminal_collapses_the_coach_panel():
    from roleplay.ui.widgets.coach import CoachPanel

    app = make_app(seed=0)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await start(pilot)
        assert not screen.query_one(CoachPanel).display
        strip = screen.query_one("#coach-strip")
        assert strip.display
        await send(pilot, CALL)
        assert "+20" in strip.render().plain
        await pilot.press("f3")
        await pilot.pause()
        assert screen.query_one(CoachPanel).display
        await pilot.press("f3")
        await pilot.pause()
        assert not screen.query_one(CoachPanel).display


async def test_ctrl_j_inserts_a_newline_and_enter_sends():
    app = make_app(seed=0)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await start(pilot)
        composer = screen.query_one("#composer")
        composer.focus()
        await pilot.press("h", "i", "ctrl+j", "y", "o")
        assert composer.text == "hi\nyo"
        await pilot.press("enter")
        await pilot.pause()
        assert screen.session.turns[0].learner == "hi\nyo"
        assert composer.text == ""


def test_launch_reports_bad_input_before_starting():
    from roleplay.cli import UsageError, _load
    from roleplay.ui.launch import launch

    with pytest.raises(UsageError):
        launch(resume="no-such-session", load=_load)
    with pytest.raises(UsageError):
        launch(persona="no-such-persona", load=_load)


async def test_r_resumes_the_latest_session():
    from roleplay.ui.screens.conversation import ConversationScreen

    conv = Conversation.start(load_persona(TINY), 2)
    conv.play(CALL)
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("r")
        await settle(pilot)
        assert isinstance(app.screen, ConversationScreen)
        assert app.screen.conv.session_id == conv.session_id


async def test_no_color_keeps_meaning_in_numbers_and_signs(monkeypatch):
    """Under NO_COLOR Textual renders monochrome: scores and deltas must still read."""
    import re

    monkeypatch.setenv("NO_COLOR", "1")
    app = make_app(persona=load_persona(TINY), seed=0)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert app.no_color
        await send(pilot, THREAT)
        await settle(pilot)
        text = all_text(app.screen)
        assert re.search(r"[−-]\d+", text), "deltas carry a sign"
        assert re.search(r"\b\d{1,3}\b", text), "bars carry a number"


async def test_footer_follows_binding_changes():
    """The footer skips rebuilds that show the same keys, but not real changes."""
    from textual.widgets._footer import FooterKey

    def footer_keys(screen):
        return {k.description for k in screen.query(FooterKey)}

    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        home = app.screen
        assert "Resume last" not in footer_keys(home)  # no session to resume yet
        conv = Conversation.start(load_persona(TINY), 1)
        conv.play(CALL)
        home.reload()
        await settle(pilot)
        await pilot.pause()
        assert "Resume last" in footer_keys(home)


async def test_mode_toggle_by_key_and_click():
    from roleplay.ui.widgets.mode_toggle import ModeToggle

    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        home, toggle = app.screen, app.screen.query_one(ModeToggle)
        assert not home.exam and "● Practice" in str(toggle.render())
        await pilot.press("m")
        await pilot.pause()
        assert home.exam and "● Exam" in str(toggle.render()) and "○ Practice" in str(toggle.render())
        await pilot.click(ModeToggle, offset=(1, 0))  # on "Practice"
        await pilot.pause()
        assert not home.exam
        await pilot.click(ModeToggle, offset=(14, 0))  # on "Exam"
        await pilot.pause()
        assert home.exam


async def test_a_scenario_without_a_risk_question_starts_straight_away(tmp_path, monkeypatch):
    import shutil

    from roleplay.ui.screens.briefing import BriefingScreen
    from roleplay.ui.screens.conversation import ConversationScreen

    folder = tmp_path / "tiny"
    shutil.copytree(TINY.parent, folder)
    scenario = folder / "scenario.yaml"
    scenario.write_text(scenario.read_text(encoding="utf-8") + "framing:\n  counterpart: client\n  calibration: null\n", encoding="utf-8")
    monkeypatch.setenv("ROLEPLAY_PERSONAS", str(tmp_path))
    app = make_app()
    async with app.run_test(size=(100, 34)) as pilot:
        await open_briefing(pilot)
        screen = app.screen
        assert isinstance(screen, BriefingScreen) and not screen.query("#risk")
        assert "Client: Tess Tester" in all_text(screen)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, ConversationScreen) and app.screen.conv.risk_estimate is None
