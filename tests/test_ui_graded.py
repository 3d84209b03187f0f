"""Pilot: `roleplay play --assignment FILE --student ID`: the assignment's
briefing and mode, a signed submission at the debrief, and retries only
while attempts are left (never a replay from a move)."""

from __future__ import annotations

import json

import pytest

from tests.conftest import TINY_DIR
from tests.test_ui_flow import all_text, send, settle

KEY = "pilot-test-signing-key-0123"
CALL = "Thank you! Could we find 20 minutes for a quick call this week?"
EXTENSION = "Would it be possible to push my start date back a few weeks?"


@pytest.fixture
def graded(tmp_path, monkeypatch):
    from roleplay.grading.assignment import load_assignment
    from roleplay.grading.play import GradedPlay

    monkeypatch.setenv("ROLEPLAY_SIGNING_KEY", KEY)
    path = tmp_path / "later.assignment.yaml"
    path.write_text(
        f"id: later-start\ntitle: Ask for a later start\npersona: {TINY_DIR / 'tiny.yaml'}\nseed: student\n"
        "attempts: 2\ninstructions: Ask for a later start date, live, without pressure.\n",
        encoding="utf-8",
    )
    return GradedPlay(load_assignment(path), "s7001", KEY.encode())


async def test_graded_play_submits_and_limits_attempts(graded):
    from roleplay.grading.signing import check
    from roleplay.ui.app import RoleplayApp
    from roleplay.ui.screens.briefing import BriefingScreen
    from roleplay.ui.screens.conversation import ConversationScreen
    from roleplay.ui.screens.debrief import DebriefScreen
    from roleplay.ui.screens.modals import ConfirmScreen

    app = RoleplayApp(graded=graded)
    async with app.run_test(size=(110, 40)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, BriefingScreen)
        text = all_text(app.screen)
        assert "Assignment: Ask for a later start" in text and "attempt 1 of 2" in text
        assert "Ask for a later start date, live, without pressure." in text
        await pilot.press("m")  # the assignment sets the mode
        assert app.screen.exam is True and "set by the assignment" in all_text(app.screen)
        await pilot.press("4", "enter")
        await settle(pilot)
        assert isinstance(app.screen, ConversationScreen) and app.screen.conv.mode == "exam"
        assert app.screen.conv.session.seed == graded.seed
        await send(pilot, CALL)
        await send(pilot, EXTENSION)
        assert app.screen.session.ended
        await pilot.press("ctrl+d")
        await settle(pilot)
        assert isinstance(app.screen, DebriefScreen)
        kept = graded.submitted(app.screen.conv)
        data = json.loads(kept.read_text(encoding="utf-8"))
        assert (data["assignment"], data["student"], data["attempt"], data["mode"]) == ("later-start", "s7001", 1, "exam")
        assert [t["learner"] for t in data["turns"]] == [CALL, EXTENSION] and check(data, KEY.encode()) is None
        assert "Submitted" in all_text(app.screen) and str(kept) in all_text(app.screen).replace("\n", "")
        assert app.screen.check_action("replay_from", ()) is False
        assert not app.screen.query("#replay")

        await pilot.press("r")  # the second, last attempt
        await settle(pilot)
        assert isinstance(app.screen, ConversationScreen)
        await send(pilot, CALL)
        await pilot.press("ctrl+d")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("y")
        await settle(pilot)
        assert isinstance(app.screen, DebriefScreen)
        assert json.loads(graded.submitted(app.screen.conv).read_text())["attempt"] == 2
        assert "no attempts left" in all_text(app.screen)
        assert app.screen.check_action("retry", ()) is False and not app.screen.query("#retry")
        await pilot.press("r")
        await settle(pilot)
        assert isinstance(app.screen, DebriefScreen)
    assert graded.remaining == 0


async def test_a_graded_session_resumed_from_its_log_is_still_graded_work(graded, monkeypatch):
    """Before: resumed, it came back ungraded and its debrief submitted nothing."""
    from roleplay.engine.sessionlog import list_sessions
    from roleplay.ui.app import RoleplayApp
    from roleplay.ui.launch import launch
    from roleplay.ui.screens.debrief import DebriefScreen

    conv = graded.start()
    conv.play(CALL)
    conv.close()
    (logged,) = list_sessions()
    assert logged.header["graded"]["student"] == "s7001"

    def graded_for(file, student):
        from roleplay.grading.assignment import load_assignment
        from roleplay.grading.play import GradedPlay

        return GradedPlay(load_assignment(file), student, KEY.encode())

    made = {}

    def run(self):  # capture the app launch() builds instead of running it in the terminal
        made["app"] = self

    monkeypatch.setattr(RoleplayApp, "run", run)
    launch(resume=logged.session_id, graded_for=graded_for)
    app = made["app"]
    assert app.graded is not None and app.graded.owns(app.start_conversation)
    async with app.run_test(size=(110, 40)) as pilot:
        await settle(pilot)
        await send(pilot, EXTENSION)
        assert app.screen.session.ended
        await pilot.press("ctrl+d")
        await settle(pilot)
        assert isinstance(app.screen, DebriefScreen)
        data = json.loads(app.graded.submitted(app.screen.conv).read_text(encoding="utf-8"))
        assert [t["learner"] for t in data["turns"]] == [CALL, EXTENSION] and data["attempt"] == 1


def test_resuming_graded_work_without_its_assignment_is_refused(graded):
    from roleplay.cli import UsageError
    from roleplay.engine.sessionlog import list_sessions
    from roleplay.ui.launch import launch

    conv = graded.start()
    conv.play(CALL)
    conv.close()
    (logged,) = list_sessions()
    with pytest.raises(UsageError, match="is graded work"):
        launch(resume=logged.session_id)
