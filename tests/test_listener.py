"""Learner messages are read in a child process with a time budget.

Python's ``re`` holds the interpreter lock for a whole match, so a slow
pattern in a worker thread still froze the tutor (18 s on one message, deaf
to ctrl+q). These tests drive the real child process with a reader whose
pattern never finishes on a trigger word.
"""

from __future__ import annotations

import pytest

from roleplay.engine.listener import InlineListener, Listener, TooSlow, make_listener
from roleplay.engine.session import read_message

SLOW = "tests.helpers.slow_reader:read"
MESSAGES = [
    "Could we hop on a call about the start date? 🙏🏽",
    "I'd like a signing bonus of $8,000 and two days in the office.",
    "thx!! rly appreciate it, ok to relocate to Denver?",
    "[bold]markup[/] and \x1b[2J escapes and a very long line " + "word " * 2000,
]


@pytest.fixture
def listener():
    made = []

    def make(**kw) -> Listener:
        made.append(Listener(**kw))
        return made[-1]

    yield make
    for one in made:
        one.close()


def test_the_child_reads_exactly_what_reading_in_process_gives(listener):
    child = listener()
    for text in MESSAGES:
        assert child.listen(text) == read_message(text)


def test_a_message_past_the_budget_is_given_up_and_the_next_one_is_read(listener):
    child = listener(target=SLOW, budget_s=1.0)
    assert child.listen("warm: could we talk?") == read_message("warm: could we talk?")
    with pytest.raises(TooSlow, match="longer than 1 s"):
        child.listen("SLOW could we talk about the bonus?")
    assert child.kills == 1
    assert child.listen("Could we talk about the bonus?") == read_message("Could we talk about the bonus?")


def test_a_dead_child_is_read_around_in_process(listener):
    child = listener()
    child.listen("hello")
    child._proc.kill()
    child._proc.wait()
    assert child.listen("Could we hop on a call?") == read_message("Could we hop on a call?")


def test_the_inline_reader_is_chosen_by_environment(monkeypatch):
    monkeypatch.setenv("ROLEPLAY_READER", "inline")
    assert isinstance(make_listener(), InlineListener)
    monkeypatch.setenv("ROLEPLAY_READER", "process")
    made = make_listener()
    assert isinstance(made, Listener)
    made.close()


async def test_the_tutor_stays_live_while_a_message_is_read_and_gives_it_back_past_the_budget(tiny):
    from roleplay.engine.conversation import Conversation
    from roleplay.ui.app import RoleplayApp
    from roleplay.ui.screens.conversation import ConversationScreen
    from roleplay.ui.widgets.composer import Composer

    conv = Conversation.start(tiny, 0)
    app = RoleplayApp(conversation=conv)
    app._listener = Listener(target=SLOW, budget_s=2.0)
    try:
        async with app.run_test(size=(120, 40), notifications=True) as pilot:
            await pilot.pause()
            screen = app.screen
            assert isinstance(screen, ConversationScreen)
            composer = screen.query_one(Composer)
            first = "SLOW Could we talk about the start date?"
            composer.text = first
            await pilot.press("enter")
            await pilot.pause()
            # While the child is stuck, the screen answers keys: typing works,
            # the manager is shown typing, and the message waits in the chat.
            assert screen._sending
            await pilot.press("n", "e", "x", "t")
            assert composer.text == "next"
            assert screen.query(".-typing") and screen.query(".-pending")
            await app.workers.wait_for_complete()
            await pilot.pause()
            assert not screen._sending and not screen.query(".-typing")
            assert conv.session.turns == []  # nothing was played
            assert composer.text == f"{first}\n\nnext"  # given back, ahead of what was typed since
            notes = [n for n in app._notifications if n.title == "Not sent"]
            assert notes and "took too long" in notes[0].message

            composer.text = "Could we talk about the start date?"
            await pilot.press("enter")
            await app.workers.wait_for_complete()
            await pilot.pause()
            assert len(conv.session.turns) == 1
            assert conv.session.turns[0].learner == "Could we talk about the start date?"
    finally:
        app._listener.close()
