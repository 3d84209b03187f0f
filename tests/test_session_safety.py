"""One tutor per session, nothing typed lost, and damaged logs repaired
with a report (issue: nothing typed is lost, nothing hangs)."""

from __future__ import annotations

import errno
import json
import os
import signal
import subprocess
import sys
import textwrap

import pytest

from roleplay.engine.conversation import Conversation
from roleplay.engine.logrepair import repair
from roleplay.engine.sessionlog import SessionBusy, SessionLog, list_sessions, load_draft, read_log
from roleplay.moves import read_moves

HOLDER = textwrap.dedent(
    """
    import sys
    from roleplay.engine.conversation import Conversation
    from roleplay.engine.sessionlog import list_sessions
    conv = Conversation.resume(list_sessions()[0])
    print("holding", flush=True)
    sys.stdin.read()  # until the test lets go
    """
)


def _hold(env_dir):
    env = {**os.environ, "ROLEPLAY_DATA_DIR": str(env_dir), "PYTHONPATH": os.getcwd()}
    proc = subprocess.Popen([sys.executable, "-c", HOLDER], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, env=env)
    assert proc.stdout.readline().strip() == "holding"
    return proc


def test_a_second_tutor_on_the_same_session_is_refused_until_the_first_lets_go(tiny):
    conv = Conversation.start(tiny, 0)
    conv.play("Could we find 20 minutes for a call this week?")
    conv.close()
    holder = _hold(os.environ["ROLEPLAY_DATA_DIR"])
    try:
        (logged,) = list_sessions()
        with pytest.raises(SessionBusy, match=rf"session {logged.session_id} is open in another tutor \(process {holder.pid}\)"):
            Conversation.resume(logged)
    finally:
        holder.communicate("")
    again = Conversation.resume(list_sessions()[0])
    assert [m.text for m in again.moves] == ["Could we find 20 minutes for a call this week?"]
    again.close()


def test_a_killed_tutor_never_leaves_its_session_locked(tiny):
    conv = Conversation.start(tiny, 0)
    conv.play("hello there")
    conv.close()
    holder = _hold(os.environ["ROLEPLAY_DATA_DIR"])
    holder.send_signal(signal.SIGKILL)
    holder.wait()
    resumed = Conversation.resume(list_sessions()[0])  # the kernel dropped the lock with the process
    assert len(resumed.moves) == 1
    resumed.close()


def test_the_cli_refuses_to_resume_or_repair_a_session_open_elsewhere(tiny, tmp_path):
    conv = Conversation.start(tiny, 0)
    conv.play("hello there")
    conv.close()
    holder = _hold(os.environ["ROLEPLAY_DATA_DIR"])
    try:
        sid = list_sessions()[0].session_id
        for args in (["resume", sid], ["sessions", "--repair", sid]):
            out = subprocess.run([sys.executable, "-m", "roleplay", *args], capture_output=True, text=True, timeout=60,
                                 env={**os.environ, "PYTHONPATH": os.getcwd()})
            assert out.returncode == 2, args
            assert out.stderr.count("\n") == 1 and "open in another tutor" in out.stderr
    finally:
        holder.communicate("")


def test_when_the_log_cannot_be_written_every_move_is_kept_in_a_recovery_file_that_replays(tiny, monkeypatch):
    conv = Conversation.start(tiny, 3)
    conv.play("Could we find 20 minutes for a call this week?")

    def full(self, event):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(SessionLog, "append", full)
    conv.play("I would like to talk about the start date.")
    path = conv.recovery_path
    assert path is not None and str(path) in conv.log_problem and "--moves FILE" in conv.log_problem
    assert [m.text for m in read_moves(path)] == [m.text for m in conv.moves]
    conv.play("Thank you, that works.") if not conv.session.ended else None
    assert [m.text for m in read_moves(path)] == [m.text for m in conv.moves]  # kept up to date


def test_unsent_text_is_kept_as_a_draft_and_cleared_once_sent(tiny):
    conv = Conversation.start(tiny, 0)
    assert conv.save_draft("half a thought about the relocation") is not None
    assert load_draft(conv.session_id) == "half a thought about the relocation"
    conv.play("Could we find 20 minutes for a call this week?")
    assert load_draft(conv.session_id) is None


async def test_quitting_with_text_in_the_box_brings_it_back_on_resume(tiny):
    from roleplay.ui.app import RoleplayApp
    from roleplay.ui.widgets.composer import Composer

    conv = Conversation.start(tiny, 0)
    conv.play("Could we find 20 minutes for a call this week?")
    app = RoleplayApp(conversation=conv)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        app.screen.query_one(Composer).text = "I was going to say something about Den"
        await pilot.pause()
        # quit at once: before the timed save, so the screen's unmount must keep it
    (logged,) = list_sessions()
    again = Conversation.resume(logged)
    app = RoleplayApp(conversation=again)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await pilot.pause()
        assert app.screen.query_one(Composer).text == "I was going to say something about Den"
        assert any(n.title == "Draft restored" for n in app._notifications)


def _log_with_torn_move(tiny) -> tuple[str, object]:
    conv = Conversation.start(tiny, 0)
    conv.play("Could we find 20 minutes for a call this week?")
    conv.play("I would like to start on June 2.")
    conv.close()
    path = conv.log.path
    with open(path, "a", encoding="utf-8") as f:
        f.write('{"type": "move", "text": "I was hoping to talk about the reloc')  # torn mid-write
    return conv.session_id, path


def test_repair_sets_damaged_lines_aside_says_what_was_lost_and_returns_the_torn_text(tiny):
    sid, path = _log_with_torn_move(tiny)
    before = read_log(path)
    report = repair(path)
    assert report.changed and report.kept_moves == 2 == len(before.moves)
    (damage,) = report.damage
    assert damage.line == 4 and damage.why == "torn or not JSON"
    assert damage.text_began == "I was hoping to talk about the reloc"
    assert load_draft(sid) == "I was hoping to talk about the reloc"
    assert report.backup.read_text(encoding="utf-8").endswith("about the reloc")
    assert read_log(path).damaged_lines == 0
    summary = report.summary()
    assert "kept 2 moves" in summary and "line 4" in summary and "back in the session's draft" in summary
    assert repair(path).changed is False  # a second repair finds nothing


def test_repair_rebuilds_a_torn_start_event_from_what_it_still_says(tiny):
    conv = Conversation.start(tiny, 7)
    conv.play("Could we find 20 minutes for a call this week?")
    conv.close()
    path = conv.log.path
    lines = path.read_text(encoding="utf-8").splitlines()
    header = json.loads(lines[0])
    lines[0] = lines[0][: lines[0].index('"created"')]  # torn after persona and seed
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(ValueError):
        read_log(path)
    report = repair(path)
    assert report.header_rebuilt and report.kept_moves == 1
    rebuilt = read_log(path)
    assert rebuilt.persona == header["persona"] and rebuilt.seed == 7


def test_a_log_with_nothing_to_rebuild_from_is_left_as_it_is(tmp_path):
    path = tmp_path / "x.jsonl"
    path.write_text("garbage\n{\"type\": \"move\", \"text\": \"hi\"}\n", encoding="utf-8")
    with pytest.raises(ValueError, match="nothing was changed"):
        repair(path)
    assert path.read_text(encoding="utf-8").startswith("garbage")


def test_the_sessions_list_flags_damage_and_repair_reports_in_json(tiny, capsys):
    from roleplay.cli import main

    sid, _ = _log_with_torn_move(tiny)
    assert main(["sessions"]) == 0
    assert f"1 damaged line: --repair {sid}" in capsys.readouterr().out
    assert main(["sessions", "--repair", sid[:18], "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["repaired"] and out["moves"] == 2 and out["damaged"][0]["text_began"].startswith("I was hoping")


async def test_the_tutor_runs_on_an_unwritable_data_directory_and_a_disk_that_fills_mid_session(tiny, tmp_path, monkeypatch):
    """A Textual traceback at start and mid-session before: now a notice, and the talk goes on."""
    from roleplay.ui.app import RoleplayApp
    from roleplay.ui.widgets.composer import Composer

    blocker = tmp_path / "data"
    blocker.write_text("a file where the data folder should be", encoding="utf-8")
    monkeypatch.setenv("ROLEPLAY_DATA_DIR", str(blocker))
    app = RoleplayApp(persona=tiny, seed=0)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await pilot.pause()
        screen = app.screen
        assert [n.title for n in app._notifications].count("Not saved") == 1
        screen.query_one(Composer).text = "Could we find 20 minutes for a call this week?"
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.is_running and len(screen.session.turns) == 1
        kept = screen.conv.recovery_path
        assert kept is not None and kept.is_file()  # in the temporary folder, since the data folder is unusable
        assert [m.text for m in read_moves(kept)] == ["Could we find 20 minutes for a call this week?"]


async def test_a_disk_that_fills_mid_session_is_said_once_with_where_the_moves_are(tiny, monkeypatch):
    from roleplay.ui.app import RoleplayApp
    from roleplay.ui.widgets.composer import Composer

    conv = Conversation.start(tiny, 0)
    app = RoleplayApp(conversation=conv)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await pilot.pause()
        composer = app.screen.query_one(Composer)

        def full(self, event):
            raise OSError(errno.ENOSPC, "No space left on device")

        monkeypatch.setattr(SessionLog, "append", full)
        for text in ("Could we find 20 minutes for a call this week?", "I would like to talk about the start date."):
            composer.text = text
            await pilot.press("enter")
            await app.workers.wait_for_complete()
            await pilot.pause()
        assert app.is_running and len(conv.session.turns) == 2
        notes = [n for n in app._notifications if n.title == "Not saved"]
        assert notes and "No space left on device" in notes[0].message and str(conv.recovery_path) in notes[0].message


def test_a_log_behind_after_a_failed_write_is_written_whole_when_the_disk_takes_it_again(tiny, monkeypatch):
    """Before: move 2 failed, move 3 was appended, and resuming replayed 1 and 3 (a different talk)."""
    conv = Conversation.start(tiny, 0)
    conv.play("first message")
    real = SessionLog.append

    def full(self, event):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(SessionLog, "append", full)
    conv.play("second message")
    conv.take_back()  # no traceback on a full disk either
    conv.play("second message, again")
    assert conv.log_problem.startswith("move 2 could not be saved")
    monkeypatch.setattr(SessionLog, "append", real)
    conv.play("Could we find 20 minutes for a call this week?")
    assert conv.log_problem is None and conv.saved_again
    logged = read_log(conv.log.path)
    assert [m.text for m in logged.moves] == ["first message", "second message, again", "Could we find 20 minutes for a call this week?"]
    conv.close()
    resumed = Conversation.resume(logged)
    assert resumed.session.transcript().to_json() == conv.session.transcript().to_json()
    resumed.close()


def test_a_dropped_conversation_lets_go_of_its_lock_so_descriptors_do_not_pile_up(tiny):
    import gc

    from roleplay.engine import sessionlog

    before = len(os.listdir("/proc/self/fd")) if os.path.isdir("/proc/self/fd") else None
    for _ in range(50):
        Conversation.start(tiny, 0).play("hello")
    gc.collect()
    assert not sessionlog._HELD
    if before is not None:
        assert len(os.listdir("/proc/self/fd")) <= before + 2
    conv = Conversation.start(tiny, 0)
    again = Conversation.resume(read_log(conv.log.path))  # the same process may hold it twice
    conv.close()
    assert str(again.log.path) in sessionlog._HELD  # still held by the second holder
    again.close()
    assert str(again.log.path) not in sessionlog._HELD
