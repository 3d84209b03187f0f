"""The crash-safe session log: durable appends, resume by replay, kill and resume."""

import json
import os
import signal
import subprocess
import sys
import textwrap

from roleplay.engine.conversation import Conversation
from roleplay.engine.session import Move, Session
from roleplay.engine.sessionlog import find_session, list_sessions, read_log, sessions_dir

MOVES = [
    "Could we talk about this on a call?",
    "Thank you, I'm fully committed to joining.",
    "hmm",
    "Would it be possible to push my start date back a few weeks?",
]


def test_every_turn_is_logged_before_play_returns(tiny):
    conv = Conversation.start(tiny, seed=5, mode="exam", risk_estimate=6)
    turn = conv.play(MOVES[0])
    events = [json.loads(l) for l in conv.log.path.read_text().splitlines()]
    assert events[0]["type"] == "start" and events[0]["seed"] == 5 and events[0]["mode"] == "exam"
    assert events[0]["risk_estimate"] == 6 and events[0]["digest"] == tiny.digest
    assert events[1] == {"type": "move", "text": MOVES[0], "turn": turn.model_dump(mode="json")}


def test_resume_replays_to_the_same_state(tiny):
    conv = Conversation.start(tiny, seed=2)
    for m in MOVES[:3]:
        conv.play(m)
    (logged,) = list_sessions()
    again = Conversation.resume(logged)
    assert again.session.transcript() == conv.session.transcript()
    assert again.session_id == conv.session_id and not again.persona_changed


def test_take_back_and_branch_are_logged(tiny):
    conv = Conversation.start(tiny, seed=2)
    for m in MOVES[:3]:
        conv.play(m)
    assert conv.take_back()
    conv.branch(1)
    conv.play("A different second move, thanks.")
    logged = read_log(conv.log.path)
    assert [m.text for m in logged.moves] == [MOVES[0], "A different second move, thanks."]
    assert Conversation.resume(logged).session.transcript() == conv.session.transcript()


def test_finished_sessions_are_not_offered_for_resume(tiny):
    conv = Conversation.start(tiny, seed=0)
    conv.play(MOVES[0])
    conv.finish()
    assert list_sessions() == []
    assert len(list_sessions(include_ended=True)) == 1
    assert find_session(conv.session_id[:12]).session_id == conv.session_id


def test_a_torn_last_line_is_skipped(tiny):
    conv = Conversation.start(tiny, seed=0)
    conv.play(MOVES[0])
    with open(conv.log.path, "a", encoding="utf-8") as f:
        f.write('{"type": "move", "text": "half a li')
    logged = read_log(conv.log.path)
    assert [m.text for m in logged.moves] == [MOVES[0]] and logged.damaged_lines == 1


def test_killed_run_resumes_where_it_stopped(tmp_path, tiny_path):
    """A real process is killed (SIGKILL) mid-conversation; the log has every move."""
    script = textwrap.dedent(
        f"""
        import sys
        from roleplay.engine.conversation import Conversation
        from roleplay.persona.loader import load_persona
        conv = Conversation.start(load_persona({str(tiny_path)!r}), seed=9)
        for text in {MOVES!r}:
            conv.play(text)
            print("played", flush=True)
            sys.stdin.readline()  # wait: the test kills us here
        """
    )
    env = dict(os.environ)
    proc = subprocess.Popen([sys.executable, "-c", script], stdin=subprocess.PIPE, stdout=subprocess.PIPE, env=env, text=True)
    try:
        assert proc.stdout.readline().strip() == "played"
        proc.stdin.write("\n")
        proc.stdin.flush()
        assert proc.stdout.readline().strip() == "played"
        proc.send_signal(signal.SIGKILL)
    finally:
        proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL
    (logged,) = list_sessions()
    assert [m.text for m in logged.moves] == MOVES[:2]
    resumed = Conversation.resume(logged)
    for text in MOVES[2:]:
        if not resumed.session.ended:
            resumed.play(text)
    from roleplay.persona.loader import load_persona

    uninterrupted = Session.replay(load_persona(tiny_path), 9, [Move(m) for m in MOVES])
    assert resumed.session.transcript().to_json() == uninterrupted.transcript().to_json()
    assert sessions_dir().is_dir()
