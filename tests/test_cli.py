"""The command line per CONTRACTS.md: outputs, exit statuses, no tracebacks."""

import json
import subprocess
import sys

import pytest

from roleplay.cli import main
from tests.conftest import REPO, TINY_DIR


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_personas_json_has_the_contract_fields(capsys, fixture_personas):
    code, out, _ = run(capsys, "personas", "--json")
    rows = json.loads(out)
    assert code == 0 and rows[0]["id"] == "tiny"
    assert {"id", "name", "scenario", "difficulty", "summary"} <= set(rows[0])


def test_personas_table(capsys, fixture_personas):
    code, out, _ = run(capsys, "personas")
    assert code == 0 and out.startswith("tiny") and "Tess Tester" in out


def test_validate_ok_and_bad(capsys, tmp_path):
    code, out, err = run(capsys, "validate", str(TINY_DIR))
    assert code == 0 and out == "" and "0 errors" in err
    bad = tmp_path / "bad.yaml"
    bad.write_text("id: x\nnme: y\n")
    code, out, _ = run(capsys, "validate", str(bad), str(tmp_path / "missing.yaml"))
    assert code == 2
    lines = out.splitlines()
    assert any(l.startswith(f"{bad}:2:1: error: unknown key 'nme'") for l in lines)
    assert any("missing.yaml:1:1: error: no such file" in l for l in lines)


def test_validate_fail_on_warnings(capsys, persona_dir):
    text = (TINY_DIR / "tiny.yaml").read_text().replace(
        "      - when: requests_meeting\n        goto: call",
        "      - when: requests_meeting\n        goto: call\n      - when: requests_meeting and gratitude\n        goto: cold",
    )
    (persona_dir / "w.yaml").write_text(text)
    assert run(capsys, "validate", str(persona_dir / "w.yaml"))[0] == 0
    code, out, _ = run(capsys, "validate", "--fail-on-warnings", str(persona_dir / "w.yaml"))
    assert code == 2 and ": warning: " in out


def test_run_writes_the_transcript_contract(capsys, tmp_path):
    moves = tmp_path / "moves.txt"
    moves.write_text("# a comment\n\nCould we talk on the phone this week?\nThank you so much!\n")
    code, out, _ = run(capsys, "run", str(TINY_DIR / "tiny.yaml"), "--moves", str(moves), "--seed", "4")
    t = json.loads(out)
    assert code == 0
    assert (t["persona"], t["scenario"], t["seed"]) == ("tiny", "tiny", 4)
    assert len(t["turns"]) == 2
    turn = t["turns"][0]
    assert {"learner", "channel", "tags", "feedback", "manager", "state"} <= set(turn)
    assert all({"principle", "delta", "message"} <= set(f) for f in turn["feedback"])
    assert t["ending"] == {"id": None, "outcome": "incomplete", "title": None, "summary": None}
    assert set(t["score"]) >= {"overall", "principles"}


def test_run_is_byte_for_byte_deterministic_and_writes_out(capsys, tmp_path):
    moves = tmp_path / "m.jsonl"
    moves.write_text('{"text": "Can we set up a video call?"}\n{"text": "x", "tags": ["asks_extension"]}\n')
    outs = []
    for i in range(2):
        dest = tmp_path / f"t{i}.json"
        assert run(capsys, "run", str(TINY_DIR / "tiny.yaml"), "--moves", str(moves), "--seed", "11", "--out", str(dest))[0] == 0
        outs.append(dest.read_bytes())
    assert outs[0] == outs[1]
    assert json.loads(outs[0])["ending"]["outcome"] == "success"


@pytest.mark.parametrize(
    "argv, fragment",
    [
        (["run", "no-such-persona", "--moves", "x.txt"], "unknown persona"),
        (["run", str(TINY_DIR / "tiny.yaml"), "--moves", "/no/such/file.txt"], "no such file"),
        (["frobnicate"], "invalid choice"),
        (["run", str(TINY_DIR / "tiny.yaml")], "--moves"),
        (["play", "/no/such/persona.yaml"], "no persona file"),
    ],
)
def test_bad_usage_is_one_line_and_exit_2(capsys, argv, fragment):
    code, out, err = run(capsys, *argv)
    assert code == 2 and fragment in err and len(err.strip().splitlines()) == 1
    assert "Traceback" not in err


def test_bad_jsonl_moves_name_the_line(capsys, tmp_path):
    moves = tmp_path / "m.jsonl"
    moves.write_text('{"text": "ok"}\nnot json\n')
    code, _, err = run(capsys, "run", str(TINY_DIR / "tiny.yaml"), "--moves", str(moves))
    assert code == 2 and f"{moves}:2:" in err


def test_broken_persona_file_is_exit_2(capsys, persona_dir):
    (persona_dir / "b.yaml").write_text((TINY_DIR / "tiny.yaml").read_text().replace("start: inbox", "start: nowhere"))
    code, _, err = run(capsys, "run", str(persona_dir / "b.yaml"), "--moves", "whatever.txt")
    assert code == 2 and "start state 'nowhere'" in err


def test_graph_is_mermaid(capsys):
    code, out, _ = run(capsys, "graph", str(TINY_DIR / "tiny.yaml"))
    assert code == 0 and out.startswith("stateDiagram-v2") and "granted --> [*]" in out


def test_test_command_runs_plans(capsys, tmp_path):
    import shutil

    for f in ("scenario.yaml", "tiny.yaml"):
        shutil.copy(TINY_DIR / f, tmp_path / f)
    (tmp_path / "tiny.test.yaml").write_text(
        "plans:\n"
        "  - name: extension on a call\n"
        "    moves: [{tags: [requests_meeting]}, {tags: [asks_extension]}]\n"
        "    expect: {ending: granted, outcome: success}\n"
        "  - name: wrong on purpose\n"
        "    moves: [{tags: [threat]}]\n"
        "    expect: {outcome: success}\n"
    )
    code, out, err = run(capsys, "test", str(tmp_path))
    assert code == 1 and "1 passed, 1 failed" in err
    assert "tiny.test.yaml:5:5: fail: wrong on purpose: outcome is 'incomplete'" in out


def test_sessions_lists_resumable(capsys, tiny):
    from roleplay.engine.conversation import Conversation

    conv = Conversation.start(tiny, seed=0)
    conv.play("Could we talk on a call?")
    code, out, _ = run(capsys, "sessions", "--json")
    (row,) = json.loads(out)
    assert code == 0 and row["id"] == conv.session_id and row["moves"] == 1


def test_module_entry_point_and_detect_subprocess():
    proc = subprocess.run(
        [sys.executable, "-m", "roleplay", "detect"],
        input='{"id": "a", "text": "Could we hop on a call this week?"}\nnot json\n',
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=60,
    )
    lines = [json.loads(l) for l in proc.stdout.splitlines()]
    assert proc.returncode == 2
    assert lines[0]["id"] == "a" and "requests_meeting" in lines[0]["tags"]
    assert lines[1]["line"] == 2 and "error" in lines[1]
    assert "Traceback" not in proc.stderr


def test_rescore_replays_a_transcript_to_the_same_bytes(capsys, tmp_path):
    moves = tmp_path / "moves.txt"
    moves.write_text("Could we talk on the phone this week?\nThank you so much!\n")
    out = tmp_path / "t.json"
    assert run(capsys, "run", str(TINY_DIR / "tiny.yaml"), "--moves", str(moves), "--seed", "3", "--out", str(out))[0] == 0
    code, rescored, _ = run(capsys, "rescore", str(out), "--persona", str(TINY_DIR / "tiny.yaml"))
    assert code == 0 and rescored == out.read_text()


def test_rescore_rejects_a_non_transcript(capsys, tmp_path):
    bad = tmp_path / "x.json"
    bad.write_text('{"hello": 1}')
    code, _, err = run(capsys, "rescore", str(bad))
    assert code == 2 and "is not a transcript" in err


def test_test_command_random_playthroughs(capsys, tmp_path):
    import shutil

    for f in ("scenario.yaml", "tiny.yaml"):
        shutil.copy(TINY_DIR / f, tmp_path / f)
    (tmp_path / "tiny.test.yaml").write_text(
        "plans:\n  - name: call then later start\n    moves: [{tags: [requests_meeting]}, {tags: [asks_extension]}]\n    expect: {ending: granted}\n"
    )
    code, out, _ = run(capsys, "test", str(tmp_path), "--random", "25")
    assert code == 0
    assert out.startswith("tiny: 25 random playthroughs, median") and "%" in out
    assert run(capsys, "test", str(tmp_path), "--random", "0")[0] == 2


def test_run_transcript_carries_the_terms_of_every_turn(capsys, tmp_path):
    moves = tmp_path / "moves.txt"
    moves.write_text("Could we do a signing bonus of $8,000?\nThanks for explaining!\n", encoding="utf-8")
    code, out, _ = run(capsys, "run", "startup_lead", "--moves", str(moves))
    assert code == 0
    turns = json.loads(out)["turns"]
    assert turns[0]["terms"] == [{"issue": "signing_bonus", "value": 8000, "unit": "USD",
                                  "text": "signing bonus of $8,000"}]
    assert turns[1]["terms"] == []
