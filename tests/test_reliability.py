"""Faults found by fuzzing, each fixed at its cause (issue: nothing typed is
lost, nothing hangs)."""

from __future__ import annotations

import subprocess
import sys

import pytest

from roleplay.source.diagnostics import ScriptError
from roleplay.source.yamlsource import MAX_FLOW_DEPTH, load_yaml_text


@pytest.mark.parametrize("opener,closer", [("[", "]"), ("{", "}")])
def test_deep_bracket_nesting_is_refused_before_the_parser_can_crash(opener, closer):
    text = "id: x\nname: " + opener * 30_000 + closer * 30_000 + "\n"
    with pytest.raises(ScriptError) as exc:
        load_yaml_text(text, "deep.yaml")
    (d,) = exc.value.diagnostics
    assert (d.line, d.col) == (2, 7 + MAX_FLOW_DEPTH) and "nest more than" in d.message


def test_deep_nesting_in_a_personas_folder_leaves_the_listing_alive(tmp_path):
    (tmp_path / "deep.yaml").write_text("id: deep\nname: " + "[" * 30_000 + "\n", encoding="utf-8")
    env = {"ROLEPLAY_PERSONAS": str(tmp_path), "PATH": "/usr/bin:/bin"}
    out = subprocess.run([sys.executable, "-m", "roleplay", "validate", str(tmp_path / "deep.yaml")],
                         capture_output=True, text=True, env=env, timeout=60)
    assert out.returncode == 2 and "nest more than" in out.stdout + out.stderr  # a message, not a crash (139)


def test_ordinary_brackets_and_quotes_are_not_counted_as_nesting():
    src = load_yaml_text('a: "[[[[ not nesting ]]]]"\nb: [1, [2, [3]]]\nc: don\'t [worry]\n# [[[[ comment\n', "ok.yaml")
    assert src.data["b"] == [1, [2, [3]]]


def test_a_blank_manager_name_is_a_clear_error(write_persona):
    from conftest import tiny_text

    from roleplay.persona.loader import load_persona

    path = write_persona(tiny_text().replace("name: Tess Tester", 'name: " "'))
    with pytest.raises(ScriptError) as exc:
        load_persona(path)
    (d,) = exc.value.diagnostics
    assert d.line == 2 and "'name' is blank" in d.message


def test_a_message_with_a_line_separator_survives_the_log_and_the_moves_file(tiny):
    from roleplay.engine.conversation import Conversation
    from roleplay.engine.sessionlog import list_sessions
    from roleplay.moves import parse_moves

    text = "first part\u2028second part\u2029third\u0085fourth"
    conv = Conversation.start(tiny, 0)
    conv.play(text)
    (logged,) = list_sessions()
    assert [m.text for m in logged.moves] == [text]
    moves = parse_moves(f"{text}\r\nnext message\n", "moves.txt", jsonl=False)
    assert [m.text for m in moves] == [text, "next message"]


def test_personas_and_sessions_listings_show_escapes_instead_of_running_them(tmp_path, monkeypatch, capsys):
    import json
    import shutil

    from conftest import TINY_DIR

    from roleplay.cli import main

    folder = tmp_path / "tiny"
    shutil.copytree(TINY_DIR, folder)
    p = folder / "tiny.yaml"
    p.write_text(p.read_text(encoding="utf-8").replace("summary: A minimal persona for tests.",
                                                       'summary: "Clear \\e[2J and copy \\e]52;c;aGk=\\a \\u009b31m \\u202e"'), encoding="utf-8")
    monkeypatch.setenv("ROLEPLAY_PERSONAS", str(folder))
    assert main(["personas"]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\x07" not in out and "\x9b" not in out and "\u202e" not in out
    assert "␛[2J" in out
    assert main(["personas", "--json"]) == 0
    raw = capsys.readouterr().out
    assert "\x1b" not in raw and "\x9b" not in raw and "\u202e" not in raw
    assert json.loads(raw)[0]["summary"].startswith("Clear \x1b[2J")  # the data itself is kept


def test_a_torn_last_line_does_not_swallow_the_next_move(tiny):
    from roleplay.engine.conversation import Conversation
    from roleplay.engine.sessionlog import list_sessions

    conv = Conversation.start(tiny, 0)
    conv.play("first message")
    path = conv.log.path
    path.write_bytes(path.read_bytes() + b'{"type": "move", "text": "half writ')  # a crash mid-write
    conv.play("second message")
    (logged,) = list_sessions()
    assert [m.text for m in logged.moves] == ["first message", "second message"]


def test_a_deeply_nested_line_is_damage_not_a_crash(tiny):
    from roleplay.engine.conversation import Conversation
    from roleplay.engine.sessionlog import list_sessions

    conv = Conversation.start(tiny, 0)
    conv.play("a message")
    with open(conv.log.path, "ab") as f:
        f.write(b"[" * 100_000 + b"\n")
    (logged,) = list_sessions()
    assert [m.text for m in logged.moves] == ["a message"]


def test_short_writes_are_continued_until_the_line_is_whole(tiny, monkeypatch):
    import os

    from roleplay.engine.conversation import Conversation
    from roleplay.engine.sessionlog import list_sessions

    real = os.write
    monkeypatch.setattr(os, "write", lambda fd, data: real(fd, bytes(data[:7])))  # the kernel takes 7 bytes at a time
    conv = Conversation.start(tiny, 0)
    conv.play("a message written in pieces")
    monkeypatch.setattr(os, "write", real)
    (logged,) = list_sessions()
    assert [m.text for m in logged.moves] == ["a message written in pieces"]


def test_a_broken_scenario_beside_a_persona_is_reported_not_replaced(persona_dir, write_persona):
    from conftest import tiny_text

    from roleplay.persona.loader import load_persona

    (persona_dir / "scenario.yaml").write_text("id: tiny\ntitle: [unclosed\n", encoding="utf-8")
    path = write_persona(tiny_text())
    with pytest.raises(ScriptError) as exc:
        load_persona(path)
    files = {d.file for d in exc.value.diagnostics}
    assert any(f.endswith("scenario.yaml") for f in files) and any("does not load" in d.message for d in exc.value.diagnostics)


def test_a_log_deleted_while_playing_is_written_back_and_stays_resumable(tiny):
    from roleplay.engine.conversation import Conversation
    from roleplay.engine.sessionlog import list_sessions

    conv = Conversation.start(tiny, 0)
    conv.play("first message")
    conv.log.path.unlink()
    conv.play("second message")
    (logged,) = list_sessions()
    assert [m.text for m in logged.moves] == ["first message", "second message"]
    assert Conversation.resume(logged).session.transcript().to_json() == conv.session.transcript().to_json()


def test_the_markdown_export_keeps_links_entities_and_hidden_characters_literal():
    from roleplay.engine.export import markdown_escape

    out = markdown_escape("see https://evil.example/?a=1&b=2, www.evil.com, &copy; and \u2060x\u061c\U000e0041")
    assert "https\\://" in out and "www\\.evil" in out  # no bare URL a viewer would link
    assert "\\&copy;" in out and "\\&b=2" in out  # no HTML entity
    assert "⟨WJ⟩" in out and "⟨ALM⟩" in out and "⟨U" in out and "\u2060" not in out and "\U000e0041" not in out


def test_emoji_sequences_and_joiners_in_scripts_are_shown_as_they_are():
    from roleplay.engine.export import visible_text

    for text in ("family 👨‍👩‍👧", "می‌خواهم", "क्‍ष"):  # ZWJ in emoji, ZWNJ in Persian, ZWJ in Devanagari
        assert visible_text(text) == text


def test_an_unwritable_data_directory_keeps_the_conversation_and_says_it_is_not_saved(tiny, tmp_path, monkeypatch):
    from roleplay.engine.conversation import Conversation

    blocker = tmp_path / "data"
    blocker.write_text("a file where the data folder should be", encoding="utf-8")  # unwritable even for root
    monkeypatch.setenv("ROLEPLAY_DATA_DIR", str(blocker))
    conv = Conversation.start(tiny, 0)
    assert conv.log is None and "cannot be saved" in conv.log_problem
    turn = conv.play("Could we find 20 minutes for a call this week?")
    assert turn.manager and conv.session.moves


def test_a_write_failing_mid_session_is_reported_and_the_move_stands(tiny, monkeypatch):
    import errno

    from roleplay.engine.conversation import Conversation
    from roleplay.engine.sessionlog import SessionLog

    conv = Conversation.start(tiny, 0)
    conv.play("first message")

    def full(self, event):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(SessionLog, "append", full)
    turn = conv.play("second message")
    assert turn.n == 2 and len(conv.session.moves) == 2
    assert conv.log_problem.startswith("move 2 could not be saved (No space left on device)")


def _wide_persona(states: int, rules_per_state: int) -> str:
    """A persona whose walk is large: many states, each with rules moving four variables."""
    lines = ["id: wide", "name: Wade Wide", "role: Manager", "scenario: tiny", "difficulty: easy", "summary: Big.", "voice: Plain.",
             "variables:"] + [f"  v{i}: {{start: 50, min: 0, max: 100}}" for i in range(4)] + [
             "start: s0", "states:"]
    tags = ["threat", "gratitude", "requests_meeting", "asks_extension", "affirms_commitment", "specific_ask"]
    for n in range(states):
        lines += [f"  s{n}:", "    channel: email", f'    say: ["Line {n}.", "Other {n}."]', "    rules:"]
        for r in range(rules_per_state):
            tag, var = tags[(n + r) % len(tags)], f"v{(n + r) % 4}"
            lines += [f"      - when: {tag} and {var} >= {(r * 7) % 90}",
                      f"        effects: [{var} {'+' if r % 2 else '-'}= {1 + r % 3}]",
                      f"        goto: s{(n + r + 1) % states}"]
        lines += ["    otherwise:", f"      goto: s{(n + 1) % states}"]
    lines += ["endings:", "  done:", "    outcome: success", "    title: Done", "    summary: Done.", "    say: [\"Done.\"]"]
    lines[lines.index("    rules:")] = "    rules:\n      - when: gratitude and v0 >= 99\n        goto: done"
    return "\n".join(lines) + "\n"


def test_a_walk_too_large_to_finish_stops_with_a_warning_and_reports_progress_on_the_way(persona_dir, write_persona):
    from roleplay.persona.progress import reporting
    from roleplay.authoring.validate import validate_paths

    path = write_persona(_wide_persona(states=400, rules_per_state=6), "wide.yaml")
    seen: list[str] = []
    with reporting(seen.append):
        diagnostics, checked = validate_paths([path])
    assert checked == 1
    stopped = [d for d in diagnostics if "exploration stopped after" in d.message]
    assert stopped and stopped[0].severity == "warning"  # bounded, and said so, not an error
    assert seen[0].startswith("checking ") and "(1 of 1)" in seen[0]
    assert any("configurations walked" in m for m in seen)


def test_progress_goes_to_a_terminal_only_and_leaves_no_trace_on_a_pipe(persona_dir, write_persona):
    path = write_persona(_wide_persona(states=100, rules_per_state=3), "wide.yaml")
    out = subprocess.run([sys.executable, "-m", "roleplay", "validate", str(path)], capture_output=True, text=True, timeout=300)
    assert "\r" not in out.stderr and "configurations walked" not in out.stderr
    assert "1 file checked" in out.stderr
