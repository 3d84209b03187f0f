"""Snapshots of the main screens (fixture persona, fixed seed, 100x30).

Update the baselines with: pytest tests/test_ui_snapshots.py --snapshot-update
"""

from __future__ import annotations

from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures" / "personas"
SIZE = (100, 30)
CALL = "Thank you! Could we find 20 minutes for a quick call this week? I want [/] more."
EXTENSION = "Would it be possible to push my start date back a few weeks?"


pytestmark = pytest.mark.usefixtures("fixture_personas")  # data dir: isolated by conftest


def _app():
    from roleplay.ui.app import RoleplayApp

    return RoleplayApp(seed=42)


async def _settle(pilot):
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def _to_briefing(pilot):
    await _settle(pilot)
    await pilot.press("enter")
    await _settle(pilot)


async def _to_conversation(pilot, moves=(CALL,)):
    await _to_briefing(pilot)
    await pilot.press("5", "enter")
    await _settle(pilot)
    composer = pilot.app.screen.query_one("#composer")
    composer.cursor_blink = False
    for text in moves:
        composer.text = text
        await pilot.press("enter")
        await _settle(pilot)  # the message is read in a worker
    pilot.app.clear_notifications()
    await pilot.pause()


def test_home(snap_compare):
    async def run_before(pilot):
        await _settle(pilot)
        pilot.app.clear_notifications()

    assert snap_compare(_app(), terminal_size=SIZE, run_before=run_before)


def test_briefing(snap_compare):
    async def run_before(pilot):
        await _to_briefing(pilot)
        await pilot.press("5")
        pilot.app.clear_notifications()
        await pilot.pause()

    assert snap_compare(_app(), terminal_size=SIZE, run_before=run_before)


def test_conversation(snap_compare):
    async def run_before(pilot):
        await _to_conversation(pilot)

    assert snap_compare(_app(), terminal_size=SIZE, run_before=run_before)


def test_conversation_narrow(snap_compare):
    async def run_before(pilot):
        await _to_conversation(pilot)

    assert snap_compare(_app(), terminal_size=(80, 24), run_before=run_before)


def test_debrief(snap_compare):
    async def run_before(pilot):
        await _to_conversation(pilot, moves=(CALL, EXTENSION))
        await pilot.press("ctrl+d")
        await _settle(pilot)
        pilot.app.clear_notifications()
        await pilot.pause()

    assert snap_compare(_app(), terminal_size=SIZE, run_before=run_before)


def test_briefing_unanswered(snap_compare):
    """Enter with no answer: the notice under the scale, the buttons (Skip among them) in view."""

    async def run_before(pilot):
        await _to_briefing(pilot)
        await pilot.press("enter")
        pilot.app.clear_notifications()
        await _settle(pilot)

    assert snap_compare(_app(), terminal_size=SIZE, run_before=run_before)


def test_conversation_narrow_coach(snap_compare):
    """F3 at 80x24: the coach panel full width in the chat's place, the last move's feedback in view."""

    async def run_before(pilot):
        await _to_conversation(pilot)
        await pilot.press("f3")
        await _settle(pilot)

    assert snap_compare(_app(), terminal_size=(80, 24), run_before=run_before)
