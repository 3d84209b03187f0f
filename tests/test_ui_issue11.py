"""Pilot tests for the defects found by playing the tutor in tmux (issue 11, part 2).

Each test names the behaviour it holds; each failed before its fix.
"""

from __future__ import annotations

import pytest

from roleplay.engine.conversation import Conversation
from roleplay.engine.sessionlog import list_sessions
from roleplay.persona.loader import load_persona
from tests.test_ui_flow import CALL, EXTENSION, TINY, all_text, make_app, open_briefing, send, settle, start

pytestmark = pytest.mark.usefixtures("fixture_personas")  # data dir: isolated by conftest

# One move that touches five principles, each with a long note (about 1,700 characters in all).
LONG = (
    "Thanks so much, I'm thrilled. I have another offer from Acme though, so unless you can push my start "
    "date back a month I'll have to withdraw my acceptance. Everyone else I know got this."
)
FILLER = [f"Thank you, that is helpful to know about point {i}." for i in range(1, 5)]


def lines_of(widget) -> list[str]:
    """What a widget shows, line by line, as drawn at its size."""
    from textual.geometry import Region

    return [strip.text.rstrip() for strip in widget.render_lines(Region(0, 0, widget.size.width, widget.size.height))]


def chat_at_end(screen) -> bool:
    chat = screen.query_one("#chat")
    return chat.max_scroll_y > 0 and chat.scroll_y == chat.max_scroll_y


# 1 --------------------------------------------------------------- the risk question


async def test_enter_on_the_briefing_without_an_answer_asks_for_one_and_s_skips():
    from roleplay.ui.screens.briefing import BriefingScreen
    from roleplay.ui.screens.debrief import DebriefScreen

    app = make_app(seed=1)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await open_briefing(pilot)
        await pilot.press("enter")  # nothing chosen
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, BriefingScreen) and screen.answer is None
        notice = screen.query_one("#risk-notice")
        assert notice.display and "1 to 7" in notice.render().plain and "press s" in notice.render().plain
        assert screen.query_one("#skip").region.height  # the skip button is in view
        assert list_sessions() == []  # nothing started, nothing recorded
        await pilot.press("s")
        await settle(pilot)
        conv = app.screen.conv
        assert conv.risk_estimate is None
        await pilot.press("ctrl+d", "y")
        await settle(pilot)
        assert isinstance(app.screen, DebriefScreen)
        research = app.screen.query_one("#research").render().plain
        assert "no estimate given" in research
        assert not any(line.startswith("You ") and line.rstrip()[-1:].isdigit() for line in research.splitlines())


async def test_a_choice_moved_to_on_the_scale_is_taken_by_enter():
    app = make_app(seed=1)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_briefing(pilot)
        app.screen.query_one("#risk").focus()
        await pilot.press("enter")  # the cursor is on no answer yet: still asks
        await settle(pilot)
        assert app.screen.answer is None and app.screen.query_one("#risk-notice").display
        await pilot.press("right", "right", "enter")  # to 2, deliberately
        await settle(pilot)
        assert app.screen.conv.risk_estimate == 2


# 7 --------------------------------------------------------------- the briefing's top


async def test_the_briefing_opens_at_its_top():
    app = make_app()
    async with app.run_test(size=(100, 24)) as pilot:
        await open_briefing(pilot)
        scroll = app.screen.query_one("#briefing")
        assert scroll.max_scroll_y > 0  # it is longer than the screen
        assert scroll.scroll_y == 0
        text = app.screen.query_one("#briefing-text")
        assert text.region.y == scroll.content_region.y  # the scenario's title on the first line
        assert "A tiny test scenario" in lines_of(text)[0]


# 2 --------------------------------------------------------------- the coach panel


async def test_the_coach_panel_keeps_every_change_of_a_long_move_in_view_and_f5_has_the_rest():
    from roleplay.ui.widgets.bars import long_name, signed
    from roleplay.ui.widgets.coach import CoachPanel, FeedbackView

    app = make_app(seed=0)
    async with app.run_test(size=(110, 34)) as pilot:
        screen = await start(pilot)
        await send(pilot, LONG)
        turn = screen.session.turns[-1]
        assert len(turn.feedback) >= 4
        coach, view = screen.query_one(CoachPanel), screen.query_one(FeedbackView)
        assert coach.content_region.contains_region(view.region), "the move's feedback runs past the panel"
        shown = "\n".join(lines_of(view))
        for f in turn.feedback:
            assert f"{signed(f.delta)} {long_name(f.principle)}" in shown
        assert "F5" in shown
        await pilot.press("f5")
        await pilot.pause()
        from roleplay.ui.screens.modals import FeedbackScreen

        assert isinstance(app.screen, FeedbackScreen)
        details = app.screen.query_one("#feedback-details").render().plain
        for f in turn.feedback:
            assert f.message in details
        assert LONG in details  # the whole message, not cut
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen


# 3 --------------------------------------------------------------- the hint


async def test_a_hint_is_shown_once_and_goes_with_the_next_move():
    from roleplay.ui.widgets.coach import HintView

    app = make_app(seed=0)
    async with app.run_test(size=(110, 34), notifications=True) as pilot:
        screen = await start(pilot)
        app.clear_notifications()
        await pilot.press("f2")
        await pilot.pause()
        hint = screen.query_one(HintView)
        assert hint.display and "Hint" in hint.render().plain
        assert list(app._notifications) == []  # no toast over the chat besides
        assert not screen.query("ChatNotice.-hint")  # the panel shows it: once
        await send(pilot, CALL)
        assert not hint.display


async def test_a_hint_on_a_narrow_terminal_is_in_the_chat_until_the_next_move():
    app = make_app(seed=0)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        screen = await start(pilot)
        app.clear_notifications()
        await pilot.press("f2")
        await settle(pilot)
        [notice] = screen.query("ChatNotice.-hint")
        assert "Hint" in notice.render().plain
        assert screen.query_one("#chat").content_region.contains_region(notice.region)  # in view, at the end
        assert list(app._notifications) == []
        await send(pilot, CALL)
        assert not screen.query("ChatNotice.-hint")


# 4 --------------------------------------------------------------- the chat at 80x24 and F3


async def test_the_chat_stays_at_the_latest_message_through_a_resize_and_f3():
    from roleplay.ui.widgets.coach import CoachPanel

    app = make_app(seed=0)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await start(pilot)
        for text in FILLER:
            await send(pilot, text)
        await pilot.resize_terminal(80, 24)
        await settle(pilot)
        assert chat_at_end(screen), "after the resize"
        await pilot.press("f3")  # the coach panel, in the chat's place
        await settle(pilot)
        coach = screen.query_one(CoachPanel)
        assert coach.display and coach.size.width >= 70
        assert not screen.query_one("#chat-column").display
        await pilot.press("f3")
        await settle(pilot)
        assert not coach.display and screen.query_one("#chat").size.width >= 70
        assert chat_at_end(screen), "after F3 twice"
        assert app.focused is screen.query_one("#composer")
        await pilot.press("f3")  # the coach view, then wide and narrow again: each width opens in its own default
        await settle(pilot)
        await pilot.resize_terminal(120, 40)
        await settle(pilot)
        assert coach.display and screen.query_one("#chat-column").display
        await pilot.resize_terminal(80, 24)
        await settle(pilot)
        assert not coach.display and screen.query_one("#chat-column").display
        assert app.focused is screen.query_one("#composer")
        assert chat_at_end(screen), "after growing and shrinking again"


async def test_the_one_line_coach_summary_stays_on_one_line():
    app = make_app(seed=0)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await start(pilot)
        await send(pilot, LONG)
        strip = screen.query_one("#coach-strip")
        assert strip.size.height == 1
        [line] = [text.strip() for text in lines_of(strip)]
        assert line.startswith("Coach ") and line.endswith("F3 details") and "more" in line
        assert "score" in line and "trust" in line


# 5 --------------------------------------------------------------- the exam's end


async def test_the_end_banner_in_exam_mode_offers_no_take_back():
    app = make_app(seed=2)
    async with app.run_test(size=(110, 34)) as pilot:
        screen = await start(pilot, "3", exam=True)
        await send(pilot, CALL)
        await send(pilot, EXTENSION)
        assert screen.session.ended
        banner = screen.query_one("#channel-line").render().plain
        assert "ctrl+d" in banner and "take back" not in banner


# 6 --------------------------------------------------------------- export: no toast, no swallowed key


async def test_the_export_dialog_is_the_one_notice_and_lets_the_next_key_through():
    from roleplay.ui.screens.debrief import DebriefScreen
    from roleplay.ui.screens.home import HomeScreen
    from roleplay.ui.screens.modals import ExportedScreen

    app = make_app(seed=1)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        screen = await start(pilot)
        await send(pilot, CALL)
        app.clear_notifications()
        await pilot.press("ctrl+e")
        await pilot.pause()
        assert isinstance(app.screen, ExportedScreen)
        await pilot.press("o", "k")  # typing on: the dialog closes and the keys reach the message box
        await settle(pilot)
        assert app.screen is screen and screen.query_one("#composer").text == "ok"
        screen.query_one("#composer").text = ""
        await pilot.press("ctrl+d", "y")
        await settle(pilot)
        assert isinstance(app.screen, DebriefScreen)
        await pilot.press("ctrl+e")
        await pilot.pause()
        assert isinstance(app.screen, ExportedScreen)
        assert list(app._notifications) == []  # the dialog, and no toast besides
        await pilot.press("h")  # home, straight away
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)


# 11 -------------------------------------------------------------- export paths


def test_wrap_path_breaks_between_parts():
    from roleplay.ui.widgets.paths import wrap_path

    path = "/home/robin/.local/share/roleplay/exports/20261202-031212-finance_director-f56ac7.json"
    assert wrap_path(path, 200) == [path]
    lines = wrap_path(path, 50)
    assert "".join(lines) == path and all(len(line) <= 50 for line in lines)
    assert all(line.endswith("/") for line in lines[:-1])
    assert lines[-1] == "20261202-031212-finance_director-f56ac7.json"
    name = wrap_path("/x/20261202-031212-finance_director-f56ac7.json", 20)
    assert "".join(name) == "/x/20261202-031212-finance_director-f56ac7.json"
    assert all(len(line) <= 20 and line[-1] in "/-_." for line in name[:-1])


async def test_export_paths_wrap_at_separators_and_read_whole(tmp_path, monkeypatch):
    from roleplay.ui.screens.modals import ExportedScreen

    deep = tmp_path / "a-rather-long-folder-name" / "for the learner's data" / "roleplay"
    monkeypatch.setenv("ROLEPLAY_DATA_DIR", str(deep))
    app = make_app(seed=1)
    async with app.run_test(size=(80, 24)) as pilot:
        await start(pilot)
        await send(pilot, CALL)
        await pilot.press("ctrl+e")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ExportedScreen)
        md, js = str(dialog.md), str(dialog.json)
        assert len(md) > 70  # longer than a line of the dialog
        paths = dialog.query_one("#export-paths")
        assert md in paths.render().plain and js in paths.render().plain  # whole, for a reader
        shown = lines_of(paths)
        label_width = len("Markdown  ")
        pieces = [line[label_width:] for line in shown if line.strip()]
        assert "".join(pieces) == md + js  # every part shown, in order
        for piece in pieces:
            assert piece.endswith("/") or piece in (dialog.md.name, dialog.json.name), piece


# 8 --------------------------------------------------------------- help per screen


def help_text(app) -> str:
    from textual.widgets import Markdown

    return app.screen.query_one(Markdown).source


async def test_help_lists_the_keys_of_the_screen_it_is_opened_from():
    from roleplay.ui.screens.modals import HelpScreen

    app = make_app(seed=1)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        text = help_text(app)
        assert "Keys: Home" in text and "practice or exam" in text and "send your message" not in text
        assert "resume the latest session" not in text  # r is off: there is no session to resume
        await pilot.press("escape")
        screen = await start(pilot)
        await pilot.press("f1")
        await pilot.pause()
        text = help_text(app)
        assert "Keys: Conversation" in text and "send your message" in text and "**Escape**" in text
        await pilot.press("escape")
        await pilot.press("f4")  # over a dialog: the keys of the screen below it
        await pilot.pause()
        await pilot.press("f1")
        await pilot.pause()
        assert "Keys: Conversation" in help_text(app)
        await pilot.press("escape", "escape")
        await pilot.pause()
        assert app.screen is screen
        await send(pilot, CALL)
        await pilot.press("ctrl+d", "y")
        await settle(pilot)
        await pilot.press("f1")
        await pilot.pause()
        text = help_text(app)
        assert "Keys: Debrief" in text and "retry" in text and "replay from a move" in text
        assert "send your message" not in text and "take back" not in text and "F2" not in text


async def test_help_in_exam_mode_leaves_out_what_exam_mode_turns_off():
    app = make_app(persona=load_persona(TINY), seed=0, exam=True)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("f1")
        await pilot.pause()
        text = help_text(app)
        assert "send your message" in text and "take back" not in text and "hint" not in text.lower().split("modes")[0]


def test_every_key_a_footer_shows_is_in_its_screens_help():
    from roleplay.ui.screens.briefing import BriefingScreen
    from roleplay.ui.screens.conversation import ConversationScreen
    from roleplay.ui.screens.debrief import DebriefScreen
    from roleplay.ui.screens.home import HomeScreen
    from roleplay.ui.screens.modals import SCREEN_KEYS

    for cls in (HomeScreen, BriefingScreen, ConversationScreen, DebriefScreen):
        actions = {action for _, _, action in SCREEN_KEYS[cls.__name__][1]}
        for binding in cls.BINDINGS:
            name = binding.action.split("(")[0]
            assert name in actions or name == "enter", f"{cls.__name__}: {binding.key} ({binding.action}) is not in its help"


# 9 --------------------------------------------------------------- Escape in a conversation


async def test_escape_in_a_conversation_goes_home_asking_first_and_the_session_stays_resumable():
    from roleplay.ui.screens.conversation import ConversationScreen
    from roleplay.ui.screens.home import HomeScreen
    from roleplay.ui.screens.modals import ConfirmScreen

    app = make_app(seed=1)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await start(pilot)
        await send(pilot, CALL)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        assert "saved" in all_text(app.screen)
        await pilot.press("escape")  # no: stay
        await pilot.pause()
        assert app.screen is screen
        await pilot.press("escape", "y")
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)
        [logged] = list_sessions()
        assert logged.session_id == screen.conv.session_id and [m.text for m in logged.moves] == [CALL]
        await pilot.press("r")  # and it resumes
        await settle(pilot)
        assert isinstance(app.screen, ConversationScreen) and len(app.screen.session.turns) == 1
        await send(pilot, EXTENSION)
        assert app.screen.session.ended
        await pilot.press("escape")  # ended: nothing to ask
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)


async def test_escape_leaves_the_narrow_coach_view_first():
    from roleplay.ui.screens.conversation import ConversationScreen

    app = make_app(seed=1)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await start(pilot)
        await pilot.press("f3")
        await pilot.pause()
        assert screen.coach_view
        await pilot.press("escape")
        await pilot.pause()
        assert not screen.coach_view and isinstance(app.screen, ConversationScreen)


# 10 -------------------------------------------------------------- resume: the whole chat at once


async def test_a_resumed_chat_shows_its_moves_in_the_first_frame(monkeypatch):
    from roleplay.ui.app import RoleplayApp
    from roleplay.ui.screens.conversation import ConversationScreen

    conv = Conversation.start(load_persona(TINY), 3)
    conv.play(CALL)
    conv.play("I really appreciate it.")
    conv.close()
    resumed = Conversation.resume(list_sessions()[0])
    frames: list[int] = []
    display = RoleplayApp._display

    def record(self, screen, renderable):
        if isinstance(screen, ConversationScreen) and renderable is not None:
            visible = screen._compositor.visible_widgets
            frames.append(sum(1 for w in screen.query("ChatTurn ChatMessage") if w in visible))
        return display(self, screen, renderable)

    monkeypatch.setattr(RoleplayApp, "_display", record)
    app = RoleplayApp(conversation=resumed)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
    assert frames and frames[0] == 4, f"messages of the replayed moves in each frame: {frames}"
