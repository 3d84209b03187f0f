"""``roleplay try``: one message in one state, and the interactive mode."""

from __future__ import annotations

import io
import json
import os
import time

import pytest

from roleplay.authoring.trying import Repl, parse_vars, try_message
from roleplay.cli import main


def test_try_shows_tags_rule_reply_next_state_and_variables(tiny, capsys):
    assert main(["try", str(tiny.file), "Could we hop on a call about it?"]) == 0
    out = capsys.readouterr().out
    assert "state      inbox (email)" in out
    assert "requests_meeting ('Could we hop on a call')" in out or "requests_meeting (" in out
    assert "rule       inbox.rules[1]  when: requests_meeting" in out
    assert "next state call" in out
    assert "reply      Good to talk live, Sam." in out or "reply      Good to talk live," in out


def test_try_in_a_chosen_state_with_variables_set(tiny):
    low = try_message(tiny, "Could I start a month later?", state="call", variables={"trust": 30})
    assert low.state == "call" and low.variables_before["trust"] == 30
    assert low.turn.state == "call" and low.turn.rule == "call.otherwise"  # trust < 40: the rule does not fire
    high = try_message(tiny, "Could I start a month later?", state="call", variables={"trust": 60})
    assert high.turn.state == "granted" and high.ended == "success"
    assert high.rule_when == "asks_extension and trust >= 40"


def test_try_json_has_what_the_contract_names(tiny, capsys):
    assert main(["try", str(tiny.file), "That is ridiculous, match it or I walk.", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["state"] == "inbox" and "threat" in data["tags"] and data["evidence"]["threat"]
    assert data["rule"]["id"] == "inbox.rules[0]" and data["rule"]["effects"] == ["trust -= 40"]
    assert data["next_state"] == "cold" and data["reply"]
    assert data["variables"] == {"before": {"trust": 50}, "after": {"trust": 10}}


@pytest.mark.parametrize("args,message", [
    (["--state", "nowhere"], "no state 'nowhere' in tiny (states: inbox, call, cold)"),
    (["--var", "mood=3"], "no variable 'mood' in tiny (variables: trust)"),
    (["--var", "trust"], "--var 'trust': write NAME=N"),
    (["--var", "trust=high"], "'high' is not a whole number"),
])
def test_a_bad_state_or_variable_is_one_line_and_exit_2(tiny, capsys, args, message):
    assert main(["try", str(tiny.file), "hello", *args]) == 2
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1


def test_parse_vars_reads_several():
    assert parse_vars(["trust=30", " patience = 2 "]) == {"trust": 30, "patience": 2}


def test_the_interactive_mode_plays_on_switches_state_and_reloads_on_save(tiny_path, persona_dir):
    path = persona_dir / "tiny.yaml"
    path.write_text(tiny_path.read_text(encoding="utf-8"), encoding="utf-8")
    from roleplay.persona.loader import load_persona

    def lines():
        yield "Could we hop on a call about it?"
        yield ":var trust=45"
        yield ":states"
        text = path.read_text(encoding="utf-8").replace("Good to talk live, {learner}.", "Lovely to hear your voice, {learner}.")
        later = time.time() + 5
        path.write_text(text, encoding="utf-8")
        os.utime(path, (later, later))  # a save the watcher cannot miss, whatever the clock's grain
        yield ":state inbox"
        yield "Could we hop on a call about it?"
        path.write_text("id: [broken\n", encoding="utf-8")
        os.utime(path, (later + 5, later + 5))
        yield ":stay"
        yield "Could we hop on a call?"
        yield ":quit"
        yield "never read"

    out = io.StringIO()
    repl = Repl(path, load_persona, out)
    assert repl.run(lines()) == 0
    text = out.getvalue()
    assert "tiny: in inbox." in text
    assert text.count("next state call") == 3
    assert "variables: trust 45" in text
    assert "inbox, call, cold" in text
    assert "reloaded tiny.yaml: 0 move(s) replayed; now in call" in text
    assert "Lovely to hear your voice" in text  # the edit took effect
    assert "reload failed; keeping the last good version" in text and "tiny.yaml:1:5: error: YAML syntax error" in text  # at the '[' left open
    assert "never read" not in text


async def test_play_watch_reloads_a_saved_persona_replays_the_moves_and_shows_errors(tiny_path, persona_dir):
    from roleplay.persona.loader import load_persona
    from roleplay.ui.app import RoleplayApp
    from roleplay.ui.widgets.composer import Composer

    path = persona_dir / "tiny.yaml"
    path.write_text(tiny_path.read_text(encoding="utf-8"), encoding="utf-8")
    app = RoleplayApp(persona=load_persona(path), seed=0, author={"start_state": None, "start_vars": {}, "watch": True})
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await pilot.pause()
        screen = app.screen
        screen.query_one(Composer).text = "Could we hop on a call about it?"
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert "Good to talk live" in screen.session.turns[-1].manager

        path.write_text(path.read_text(encoding="utf-8").replace("Good to talk live, {learner}.", "Lovely to hear you, {learner}."), encoding="utf-8")
        os.utime(path, (time.time() + 5, time.time() + 5))
        screen._check_persona_file()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert "Lovely to hear you" in screen.session.turns[-1].manager  # the move was replayed on the new text
        assert any(n.title == "Persona reloaded" and "1 move(s) replayed" in n.message for n in app._notifications)

        path.write_text("id: tiny\nstates: [unclosed\n", encoding="utf-8")
        os.utime(path, (time.time() + 10, time.time() + 10))
        screen._check_persona_file()
        await app.workers.wait_for_complete()
        await pilot.pause()
        failed = [n for n in app._notifications if n.title == "Persona not reloaded"]
        assert failed and f"{path}:" in failed[0].message and "last good version" in failed[0].message
        assert "Lovely to hear you" in screen.session.turns[-1].manager


def test_play_from_state_is_checked_before_the_tutor_opens(tiny, capsys):
    assert main(["play", str(tiny.file), "--from-state", "nowhere"]) == 2
    assert "no state 'nowhere'" in capsys.readouterr().err


async def test_play_from_a_state_starts_there_and_resumes_there(tiny):
    from roleplay.engine.conversation import Conversation
    from roleplay.engine.sessionlog import list_sessions

    conv = Conversation.start(tiny, 0, start_state="call", start_vars={"trust": 45})
    assert conv.session.state == "call" and conv.session.opening is None
    conv.play("Could I start a month later?")
    assert conv.session.state == "granted"
    conv.close()
    again = Conversation.resume(list_sessions(include_ended=True)[0])
    assert again.session.transcript().to_json() == conv.session.transcript().to_json()
    again.close()
