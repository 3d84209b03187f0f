"""Graded exercises (CONTRACTS.md, "Graded exercises"): assignments, signed
submissions, `roleplay grade` and its formats, and every way to lift a grade
that the issue lists, each closed."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import pytest

from roleplay.cli import main
from tests.conftest import REPO, TINY_DIR

KEY = "a-test-signing-key-of-some-length"
TINY = TINY_DIR / "tiny.yaml"
GOOD = ["Could we get on a quick call this week?", "Could I ask for a later start date, say in August?"]
PRINCIPLES = ["no_threats", "synchronous", "employer_perspective", "commitment", "discretion", "contingency",
              "collaboration", "professionalism", "assertiveness"]


def run(capsys, *argv):
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture(autouse=True)
def _key(monkeypatch):
    monkeypatch.setenv("ROLEPLAY_SIGNING_KEY", KEY)


def write_assignment(folder: Path, extra: str = "", *, persona: str | None = None, seed: str = "7") -> Path:
    path = folder / "week3.assignment.yaml"
    path.write_text(
        "id: week3\n"
        "title: Later start, week 3\n"
        f"persona: {persona or TINY}\n"
        f"seed: {seed}\n" + extra,
        encoding="utf-8",
    )
    return path


@pytest.fixture
def assignment(tmp_path) -> Path:
    return write_assignment(tmp_path, "attempts: 2\npass_mark: 60\n")


def moves_file(folder: Path, lines=GOOD, name="moves.txt") -> Path:
    path = folder / name
    path.write_text("".join(f"{x}\n" for x in lines), encoding="utf-8")
    return path


def submit(capsys, folder: Path, assignment: Path, student: str, lines=GOOD, name: str | None = None) -> Path:
    out = folder / (name or f"{student}.json")
    code, _, err = run(capsys, "run", TINY, "--moves", moves_file(folder, lines, f"{student}-moves.txt"),
                       "--assignment", assignment, "--student", student, "--out", out)
    assert code == 0, err
    return out


def grade(capsys, assignment: Path, *files, fmt="plain", extra=()):
    out = Path(files[0]).parent / f"grades-{fmt}.csv"
    code, stdout, err = run(capsys, "grade", *files, "--assignment", assignment, "--out", out, "--format", fmt, *extra)
    rows = list(csv.reader(io.StringIO(out.read_text(encoding="utf-8")))) if out.exists() else []
    return code, rows, err, stdout


def edit(path: Path, change) -> None:
    data = json.loads(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")


# ------------------------------------------------------------------ assignments


def test_assignment_errors_have_file_line_col(capsys, tmp_path):
    bad = tmp_path / "bad.assignment.yaml"
    bad.write_text(
        "id: week3\n"
        "persona: tinyy\n"
        "seed: whenever\n"
        "weigths: {}\n"
        "due: next friday\n",
        encoding="utf-8",
    )
    code, out, _ = run(capsys, "validate", bad)
    assert code == 2
    lines = out.splitlines()
    assert f"{bad}:3:7: error: seed: a whole number (0 or more), or 'student' for a seed derived from each student's id" in lines
    assert f"{bad}:4:1: error: unknown key 'weigths' (did you mean 'weights'?)" in lines
    assert any(line.startswith(f"{bad}:5:6: error: due: 'next friday' is not a date") for line in lines)


def test_assignment_meaning_errors_point_at_the_value(capsys, tmp_path):
    bad = write_assignment(tmp_path, "weights: {asertiveness: 2}\n", persona="[bank_vpp, ./missing.yaml]")
    code, out, _ = run(capsys, "validate", bad)
    assert code == 2
    lines = out.splitlines()
    assert f"{bad}:3:11: error: unknown persona 'bank_vpp' (did you mean 'bank_vp'?)" in lines
    assert f"{bad}:3:21: error: no persona file at ./missing.yaml (paths are relative to the assignment file)" in lines
    assert f"{bad}:5:11: error: unknown principle 'asertiveness' (did you mean 'assertiveness'?)" in lines


def test_turn_limit_needs_a_persona_ending_and_a_pinned_digest_must_match(capsys, tmp_path):
    bad = write_assignment(tmp_path, "persona_digest: {tiny: 00000000000000ab}\nturn_limit: 1\n")
    code, out, _ = run(capsys, "validate", bad)
    assert code == 2 and f"{bad}:6:13: error: turn_limit: Input should be greater than or equal to 2" in out.splitlines()
    bad.write_text(bad.read_text().replace("turn_limit: 1", "turn_limit: 3"))
    code, out, _ = run(capsys, "validate", bad)
    assert code == 2
    assert f"{bad}:5:24: error: persona 'tiny' here has digest" in out and "not the pinned 00000000000000ab" in out


def test_the_sample_assignment_validates(capsys):
    code, out, err = run(capsys, "validate", REPO / "assignments")
    assert code == 0 and out == "" and "0 errors" in err


def test_seed_and_persona_are_stable_functions_of_the_student():
    from roleplay.grading.assignment import load_assignment

    a = load_assignment(REPO / "assignments" / "first-offer.yaml")
    assert a.seed_for("s1001") == a.seed_for("s1001") != a.seed_for("s1002")
    drawn = {a.ref_for(f"s{i}") for i in range(40)}
    assert drawn == {"bank_vp", "startup_lead"}  # both personas are handed out
    assert all(0 <= a.seed_for(f"s{i}") < 1_000_000 for i in range(40))


def test_a_fixed_seed_is_everyones(tmp_path):
    from roleplay.grading.assignment import load_assignment

    a = load_assignment(write_assignment(tmp_path, seed="41"))
    assert a.seed_for("x1") == a.seed_for("x2") == 41


# ------------------------------------------------------------------ versions


def test_version(capsys):
    import roleplay
    from roleplay.analysis.rubric import RUBRIC_VERSION

    with pytest.raises(SystemExit) as exc:
        main(["--version"])
    out, _ = capsys.readouterr()
    assert exc.value.code == 0
    assert out == f"roleplay {roleplay.__version__} (rubric {RUBRIC_VERSION})\n"
    assert roleplay.__version__ == "0.1.0"  # pyproject.toml's


def test_every_transcript_records_program_and_rubric(capsys, tmp_path):
    import roleplay
    from roleplay.analysis.rubric import RUBRIC_VERSION
    from roleplay.engine.transcript import Transcript

    code, out, _ = run(capsys, "run", TINY, "--moves", moves_file(tmp_path))
    t = json.loads(out)
    assert code == 0 and (t["program"], t["rubric"]) == (roleplay.__version__, RUBRIC_VERSION)
    del t["program"], t["rubric"]
    old = Transcript.from_json(json.dumps(t))  # a transcript from before keeps saying nothing
    assert (old.program, old.rubric) == (None, None)


# ------------------------------------------------------------------ submissions


def test_run_with_an_assignment_writes_a_signed_submission(capsys, tmp_path, assignment):
    from roleplay.grading.signing import canonical, check, key_id

    path = submit(capsys, tmp_path, assignment, "s1001")
    data = json.loads(path.read_text(encoding="utf-8"))
    assert {"assignment", "student", "signature", "persona", "seed", "turns", "score", "program", "rubric"} <= set(data)
    assert (data["assignment"], data["student"], data["attempt"], data["mode"], data["seed"]) == ("week3", "s1001", 1, "exam", 7)
    assert data["key_id"] == key_id(KEY.encode())
    assert check(data, KEY.encode()) is None
    assert check(data, b"another key entirely, sixteen+") is not None
    body = canonical(data)
    assert b'"signature"' not in body and body.startswith(b'{"assignment":"week3","assignment_digest":')
    assert [t["learner"] for t in data["turns"]] == GOOD
    from roleplay.persona.loader import load_persona

    assert data["persona_digest"] == load_persona(TINY).digest
    kept = Path(__import__("os").environ["ROLEPLAY_DATA_DIR"]) / "submissions" / "week3" / "s1001.attempt-1.json"
    assert json.loads(kept.read_text(encoding="utf-8")) == data


def test_attempts_are_numbered_and_limited(capsys, tmp_path, assignment):
    submit(capsys, tmp_path, assignment, "s1001", name="a1.json")
    second = submit(capsys, tmp_path, assignment, "s1001", name="a2.json")
    assert json.loads(second.read_text())["attempt"] == 2
    code, _, err = run(capsys, "run", TINY, "--moves", moves_file(tmp_path), "--assignment", assignment, "--student", "s1001")
    assert code == 2 and "s1001 has used all 2 attempts of week3" in err and len(err.strip().splitlines()) == 1


@pytest.mark.parametrize("command", [["run", str(TINY), "--moves", "m.txt"], ["play"]])
def test_no_key_is_a_clear_error(capsys, tmp_path, monkeypatch, assignment, command):
    monkeypatch.delenv("ROLEPLAY_SIGNING_KEY")
    code, _, err = run(capsys, *command, "--assignment", assignment, "--student", "s1")
    assert code == 2 and "$ROLEPLAY_SIGNING_KEY is not set" in err and len(err.strip().splitlines()) == 1


def test_grade_without_a_key_is_a_clear_error(capsys, tmp_path, monkeypatch, assignment):
    path = submit(capsys, tmp_path, assignment, "s1001")
    monkeypatch.setenv("ROLEPLAY_SIGNING_KEY", "short")
    code, _, err = run(capsys, "grade", path, "--assignment", assignment, "--out", tmp_path / "g.csv")
    assert code == 2 and "too short" in err and not (tmp_path / "g.csv").exists()


def test_graded_runs_refuse_tags_in_a_moves_file(capsys, tmp_path, assignment):
    moves = tmp_path / "m.jsonl"
    moves.write_text('{"text": "Could we talk on a call?"}\n{"text": "anything", "tags": ["asks_extension"]}\n')
    code, _, err = run(capsys, "run", TINY, "--moves", moves, "--assignment", assignment, "--student", "s1")
    assert code == 2 and 'message 2 carries "tags"' in err
    assert run(capsys, "run", TINY, "--moves", moves)[0] == 0  # a coach's test plan still may


def test_a_persona_the_student_controls_is_refused(capsys, tmp_path, assignment):
    own = tmp_path / "mine"
    own.mkdir()
    shutil.copy(TINY, own / "tiny.yaml")
    (own / "scenario.yaml").write_text(
        (TINY_DIR / "scenario.yaml").read_text() + "  assertiveness: 0\n  professionalism: 0\n  commitment: 0\n", encoding="utf-8"
    )
    code, _, err = run(capsys, "run", own / "tiny.yaml", "--moves", moves_file(tmp_path), "--assignment", assignment, "--student", "s1")
    assert code == 2 and "is not the persona this assignment pins ('tiny'" in err
    code, _, err = run(capsys, "run", "bank_vp", "--moves", moves_file(tmp_path), "--assignment", assignment, "--student", "s1")
    assert code == 2 and "gives s1 the persona 'tiny', not 'bank_vp'" in err


def test_the_assignment_sets_the_seed(capsys, tmp_path, assignment):
    code, _, err = run(capsys, "run", TINY, "--moves", moves_file(tmp_path), "--seed", "3", "--assignment", assignment, "--student", "s1")
    assert code == 2 and "sets the seed" in err


def test_turn_limit_and_weights_apply(capsys, tmp_path):
    chatty = ["Thanks for the note.", "I appreciate it.", "Noted, thank you.", "Thanks again.", "All good, thanks."]
    for name in ("limited", "plain", "weighted"):
        (tmp_path / name).mkdir()
    limited = write_assignment(tmp_path / "limited", "turn_limit: 3\n")
    data = json.loads(submit(capsys, tmp_path / "limited", limited, "s1", lines=chatty).read_text())
    assert len(data["turns"]) == 3 and data["ending"]["id"] == "no_decision"
    plain = write_assignment(tmp_path / "plain")
    base = json.loads(submit(capsys, tmp_path / "plain", plain, "s2").read_text())["score"]["principles"]
    weighted = write_assignment(tmp_path / "weighted", "weights: {synchronous: 0}\n")
    changed = json.loads(submit(capsys, tmp_path / "weighted", weighted, "s3").read_text())["score"]["principles"]
    assert base["synchronous"] is not None and changed["synchronous"] is None


# ------------------------------------------------------------------ grade


def test_grade_plain_columns(capsys, tmp_path, assignment):
    a = submit(capsys, tmp_path, assignment, "s1001")
    b = submit(capsys, tmp_path, assignment, "s1002", lines=["Thanks for the offer, I accept it as it is."])
    code, rows, err, stdout = grade(capsys, assignment, a, b)
    assert code == 0 and stdout == ""
    assert rows[0] == ["student", "overall", "outcome", "flags", *PRINCIPLES, "attempt", "counted", "passed", "late",
                       "submitted", "stored_overall", "change", "file"]
    first = dict(zip(rows[0], rows[1]))
    stored = json.loads(a.read_text())
    assert first["student"] == "s1001" and first["flags"] == "" and first["counted"] == "yes"
    assert int(first["overall"]) == stored["score"]["overall"] and first["change"] == ""
    assert first["outcome"] == stored["ending"]["outcome"]
    assert [first[p] for p in PRINCIPLES] == ["" if v is None else str(v) for v in stored["score"]["principles"].values()]
    assert "2 graded, 0 flagged" in err


def test_grade_canvas_columns(capsys, tmp_path, assignment):
    a = submit(capsys, tmp_path, assignment, "s1001")
    b = submit(capsys, tmp_path, assignment, "s1002")
    roster = tmp_path / "roster.csv"
    roster.write_text("student,name,section,canvas_id,sis_login_id\ns1001,\"Okafor, Ada\",Tue 10am,4411,aokafor\n", encoding="utf-8")
    code, rows, _, _ = grade(capsys, assignment, a, b, fmt="canvas", extra=("--roster", roster))
    overall = str(json.loads(a.read_text())["score"]["overall"])
    assert code == 1  # s1002 is not on the roster
    assert rows == [
        ["Student Name", "ID", "SIS User ID", "SIS Login ID", "Section", "Later start, week 3 (week3)"],
        ["Points Possible", "", "", "", "", "100"],
        ["Okafor, Ada", "4411", "s1001", "aokafor", "Tue 10am", overall],
        ["s1002", "", "s1002", "", "", ""],
    ]
    assert (tmp_path / "grades-canvas.csv").read_bytes().startswith(b"Student Name,ID,SIS User ID,SIS Login ID,Section,")


def test_grade_moodle_columns(capsys, tmp_path, assignment):
    a = submit(capsys, tmp_path, assignment, "s1001")
    code, rows, _, _ = grade(capsys, assignment, a, fmt="moodle")
    stored = json.loads(a.read_text())
    assert code == 0
    assert rows[0] == ["ID number", "Email address", "Later start, week 3 (week3)", "Feedback"]
    assert rows[1][:3] == ["s1001", "", str(stored["score"]["overall"])]
    assert rows[1][3].startswith(f"Overall {stored['score']['overall']}/100 (") and "Attempt 1; rubric 1." in rows[1][3]


def test_an_unknown_roster_column_is_bad_usage(capsys, tmp_path, assignment):
    a = submit(capsys, tmp_path, assignment, "s1001")
    roster = tmp_path / "r.csv"
    roster.write_text("student,emial\ns1001,x@example.org\n")
    code, _, err, _ = grade(capsys, assignment, a, fmt="moodle", extra=("--roster", roster))
    assert code == 2 and "unknown column 'emial' (did you mean 'email'?)" in err


def _set_tags(d):
    d["turns"][0]["tags"] = ["employer_benefit", "specific_ask"]


TAMPERS = {
    "edited message": (lambda d: d["turns"][0].update(learner="Could we get on a quick call this week, and raise my salary?"),
                       "edited after signing"),
    "edited score": (lambda d: d["score"].update(overall=99), "its stored score (99) is not what its messages earn"),
    "edited tags": (_set_tags, "its stored tags from move 1 are not what its messages give"),
    "edited student": (lambda d: d.update(student="s2002"), "edited after signing"),
    "edited assignment": (lambda d: d.update(assignment="week4"), "for another assignment (week4, not week3)"),
    "edited persona hash": (lambda d: d.update(persona_digest="0123456789abcdef"), "played another version of the persona"),
    "no signature": (lambda d: d.pop("signature"), "not signed"),
}


@pytest.mark.parametrize("name", list(TAMPERS))
def test_each_tamper_is_flagged_with_no_grade(capsys, tmp_path, assignment, name):
    change, reason = TAMPERS[name]
    path = submit(capsys, tmp_path, assignment, "s1001")
    edit(path, change)
    code, rows, err, _ = grade(capsys, assignment, path)
    row = dict(zip(rows[0], rows[1]))
    assert code == 1
    assert row["overall"] == "" and row["outcome"] == "" and row["counted"] == "no"
    assert reason in row["flags"], row["flags"]
    if name != "no signature":
        assert "signature does not match" in row["flags"]
    assert f"roleplay: flagged {path}" in err


def test_a_submission_signed_with_another_key_is_flagged(capsys, tmp_path, assignment, monkeypatch):
    path = submit(capsys, tmp_path, assignment, "s1001")
    monkeypatch.setenv("ROLEPLAY_SIGNING_KEY", "the-instructor-key-nobody-else-has")
    code, rows, _, _ = grade(capsys, assignment, path)
    row = dict(zip(rows[0], rows[1]))
    assert code == 1 and row["overall"] == "" and "signed with another key" in row["flags"]


def test_a_hand_written_transcript_is_not_graded(capsys, tmp_path, assignment):
    path = tmp_path / "hand.json"
    path.write_text(json.dumps({"persona": "tiny", "student": "s1001", "turns": [{"learner": "Could we talk on a call?"}]}))
    code, rows, _, _ = grade(capsys, assignment, path)
    assert code == 1 and rows[1][1] == "" and rows[1][3] == 'unreadable: no "assignment"'


def test_copies_second_submissions_and_attempts_past_the_limit(capsys, tmp_path):
    from roleplay.grading.assignment import load_assignment
    from roleplay.grading.submission import build, to_text
    from roleplay.persona.loader import load_persona

    once = write_assignment(tmp_path, "attempts: 1\n")
    a = submit(capsys, tmp_path, once, "s1001", name="first.json")
    copy = tmp_path / "copy.json"
    copy.write_text(a.read_text())
    # The same student again as attempt 1 (a fresh data dir would number it so), and an attempt 2.
    loaded = load_assignment(once)
    session_json = json.dumps({k: v for k, v in json.loads(a.read_text()).items()
                               if k not in ("format", "assignment", "student", "attempt", "mode", "submitted",
                                            "persona_digest", "assignment_digest", "key_id", "signature")})
    digest = load_persona(TINY).digest
    again = tmp_path / "again.json"
    again.write_text(to_text(build(session_json, loaded, "s1001", 1, persona_digest=digest, mode="exam", key=KEY.encode(),
                                   submitted="2099-01-01T00:00:00Z")))
    extra = tmp_path / "extra.json"
    extra.write_text(to_text(build(session_json, loaded, "s1001", 2, persona_digest=digest, mode="exam", key=KEY.encode())))
    practice = tmp_path / "practice.json"
    practice.write_text(to_text(build(session_json, loaded, "s1002", 1, persona_digest=digest, mode="practice", key=KEY.encode())))
    code, rows, _, _ = grade(capsys, once, a, copy, again, extra, practice)
    flags = {Path(r[-1]).name: r[3] for r in rows[1:]}
    overall = {Path(r[-1]).name: r[1] for r in rows[1:]}
    assert code == 1
    assert flags["first.json"] == "" and overall["first.json"] != ""
    assert flags["copy.json"] == f"a copy of {a}"
    assert flags["again.json"] == f"a second submission of attempt 1 from this student (the first: {a})"
    assert flags["extra.json"] == "attempt 2, but the assignment allows 1"
    assert flags["practice.json"] == "played in practice mode; the assignment requires exam"
    assert all(overall[n] == "" for n in ("copy.json", "again.json", "extra.json", "practice.json"))


def test_keep_best_or_last(capsys, tmp_path):
    best = write_assignment(tmp_path, "attempts: 2\nkeep: best\n")
    good = submit(capsys, tmp_path, best, "s1", name="good.json")
    poor = submit(capsys, tmp_path, best, "s1", lines=["You will give me August or I walk away."], name="poor.json")
    scores = [json.loads(x.read_text())["score"]["overall"] for x in (good, poor)]
    assert scores[0] > scores[1]
    code, rows, _, _ = grade(capsys, best, good, poor, fmt="canvas")
    assert code == 0 and rows[2][-1] == str(scores[0])
    best.write_text(best.read_text().replace("keep: best", "keep: last"))
    code, rows, _, _ = grade(capsys, best, good, poor, fmt="canvas")
    assert code == 0 and rows[2][-1] == str(scores[1])


def test_stored_scores_are_never_trusted(capsys, tmp_path, assignment):
    """A valid submission is graded from its messages: one signed with a stale
    score (an older rubric) gets today's grade, and the change says why."""
    from roleplay.grading.assignment import load_assignment
    from roleplay.grading.signing import sign

    path = submit(capsys, tmp_path, assignment, "s1001")
    data = json.loads(path.read_text())
    truth = data["score"]["overall"]
    data["score"]["overall"] = 12
    data["rubric"] = "0"
    for turn in data["turns"]:
        turn["tags"] = []
    path.write_text(json.dumps(sign(data, KEY.encode())))
    code, rows, _, _ = grade(capsys, assignment, path)
    row = dict(zip(rows[0], rows[1]))
    assert code == 0 and row["flags"] == "" and row["overall"] == str(truth)
    assert row["stored_overall"] == "12" and row["change"] == f"12 → {truth} (rubric 0 → 1)"
    assert load_assignment(assignment).id == "week3"


def test_nested_brackets_are_bad_input_not_a_crash(capsys, tmp_path, assignment):
    deep = tmp_path / "deep.json"
    deep.write_text('{"persona": "tiny", "turns": ' + "[" * 200_000 + "]" * 200_000 + "}")
    code, out, err = run(capsys, "rescore", deep)
    assert code == 2 and out == "" and len(err.strip().splitlines()) == 1
    assert "brackets nest more than 64 deep" in err and "RecursionError" not in err
    code, rows, _, _ = grade(capsys, assignment, deep)
    assert code == 1 and rows[1][3].startswith("unreadable: brackets nest more than 64 deep")


def test_rescore_says_a_foreign_persona_is_no_grade(capsys, tmp_path):
    own = tmp_path / "mine"
    own.mkdir()
    shutil.copy(TINY, own / "tiny.yaml")
    (own / "scenario.yaml").write_text((TINY_DIR / "scenario.yaml").read_text() + "  assertiveness: 0\n", encoding="utf-8")
    code, out, _ = run(capsys, "run", TINY, "--moves", moves_file(tmp_path))
    (tmp_path / "t.json").write_text(out)
    code, _, err = run(capsys, "rescore", tmp_path / "t.json", "--persona", own / "tiny.yaml")
    assert code == 0 and "which is not the shipped persona 'tiny': this is no grade" in err


def test_feedback_files_and_the_class_summary(capsys, tmp_path, assignment):
    a = submit(capsys, tmp_path, assignment, "s1001")
    b = submit(capsys, tmp_path, assignment, "s1002", lines=["Give me August or I will take the other offer."])
    c = submit(capsys, tmp_path, assignment, "s1003")
    edit(c, lambda d: d["score"].update(overall=100))
    code, rows, err, _ = grade(capsys, assignment, a, b, c,
                               extra=("--feedback", tmp_path / "fb", "--summary", tmp_path / "class.md"))
    assert code == 1
    mine = (tmp_path / "fb" / "s1001.md").read_text(encoding="utf-8")
    assert mine.startswith("# Later start, week 3: feedback for s1001\n")
    assert f"**Overall: {rows[1][1]}/100**" in mine and "## Moves that raised your overall most" in mine
    flagged = (tmp_path / "fb" / "s1003.md").read_text(encoding="utf-8")
    assert "could not be graded" in flagged and "edited after signing" in flagged
    summary = (tmp_path / "class.md").read_text(encoding="utf-8")
    assert "3 submissions from 3 students: 2 graded, 1 flagged" in summary
    assert "![Overall and per-principle scores](class.svg)" in summary
    for section in ("## Overall", "## Per principle", "## Outcomes", "## Most common missteps", "## Flagged submissions"):
        assert section in summary
    assert "| No threats or ultimatums | You made an ultimatum | 1 | 1 |" in summary
    svg = (tmp_path / "class.svg").read_text(encoding="utf-8")
    assert svg.lstrip().startswith("<?xml") and "<svg" in svg
    assert "the summary in" in err and "with its chart" in err


def test_a_long_run_shows_progress_on_stderr_only():
    from roleplay.grading.progress import Progress

    plain = io.StringIO()
    p = Progress(plain, tty=False, every=2)
    for i in range(1, 6):
        p(i, 5)
    assert plain.getvalue().splitlines() == ["grading: 2/5 (40%, 0.0 s)", "grading: 4/5 (80%, 0.0 s)", "grading: 5/5 (100%, 0.0 s)"]
    term = io.StringIO()
    p = Progress(term, tty=True)
    p(5, 5)
    assert term.getvalue().startswith("\rgrading [########################] 5/5 ") and term.getvalue().endswith("\n")


def test_grade_bad_usage(capsys, tmp_path, assignment):
    code, _, err = run(capsys, "grade", tmp_path / "nothing.json", "--assignment", assignment, "--out", tmp_path / "g.csv")
    assert code == 2 and "no such file or folder" in err
    code, _, err = run(capsys, "grade", tmp_path, "--assignment", tmp_path / "none.yaml", "--out", tmp_path / "g.csv")
    assert code == 2 and len(err.strip().splitlines()) == 1


def test_play_with_an_assignment_checks_before_any_screen(capsys, tmp_path, assignment):
    code, _, err = run(capsys, "play", "--assignment", assignment)
    assert code == 2 and "--assignment and --student go together" in err
    code, _, err = run(capsys, "play", "tiny", "--assignment", assignment, "--student", "s1")
    assert code == 2 and "leave out PERSONA" in err
    code, _, err = run(capsys, "play")
    assert code == 2 and "play needs a PERSONA" in err
    submit(capsys, tmp_path, assignment, "s1", name="one.json")
    submit(capsys, tmp_path, assignment, "s1", name="two.json")
    code, _, err = run(capsys, "play", "--assignment", assignment, "--student", "s1")
    assert code == 2 and "s1 has used all 2 attempts of week3" in err
    code, _, err = run(capsys, "play", "--assignment", assignment, "--student", "../etc")
    assert code == 2 and "is not a valid student id" in err


def test_an_invalid_student_id_is_flagged_and_writes_no_file_outside(capsys, tmp_path, assignment):
    path = submit(capsys, tmp_path, assignment, "s1001")
    edit(path, lambda d: d.update(student="../../escape"))
    code, rows, _, _ = grade(capsys, assignment, path, extra=("--feedback", tmp_path / "fb"))
    assert code == 1 and "the student id is not valid" in rows[1][3] and rows[1][1] == ""
    assert not (tmp_path.parent / "escape.md").exists() and list((tmp_path / "fb").iterdir()) == []


def test_personas_json_gives_the_digest_an_assignment_pins(capsys, fixture_personas, tiny):
    code, out, _ = run(capsys, "personas", "--json")
    assert code == 0 and json.loads(out)[0]["digest"] == tiny.digest
