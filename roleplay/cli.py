"""The command line: a thin layer over the core (and the UI for ``roleplay``).

Exit status: 0 success, 1 the program failed, 2 bad usage or bad input
(one clear line on stderr, never a traceback). See CONTRACTS.md.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
from pathlib import Path
from typing import Sequence

EXIT_OK, EXIT_FAIL, EXIT_USAGE = 0, 1, 2


from roleplay.errors import UsageError  # noqa: E402  (shared with the UI, which never imports this module)


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # one line, not argparse's usage dump
        raise UsageError(f"{message} (see '{self.prog} --help')")


def _version_line() -> str:
    import roleplay
    from roleplay.analysis.rubric import RUBRIC_VERSION

    return f"roleplay {roleplay.__version__} (rubric {RUBRIC_VERSION})"


class _Version(argparse.Action):
    """``--version``, read only when asked (the rubric loads the coaching content)."""

    def __call__(self, parser, namespace, values, option_string=None):
        print(_version_line())
        parser.exit()


def _build_parser() -> argparse.ArgumentParser:
    p = _Parser(prog="roleplay", description="Practise negotiating a job offer with scripted hiring managers.")
    p.add_argument("--version", action=_Version, nargs=0, help="print the program and rubric versions")
    sub = p.add_subparsers(dest="command", parser_class=_Parser, metavar="COMMAND")

    play = sub.add_parser("play", help="open the tutor straight into a conversation with PERSONA")
    play.add_argument("persona", nargs="?", help="a shipped persona id or a persona file (not with --assignment)")
    play.add_argument("--seed", type=int, default=None, help="seed for the manager's choice of lines")
    play.add_argument("--exam", action="store_true", help="exam mode: no feedback, hints or take-back until the debrief")
    play.add_argument("--assignment", metavar="FILE", help="play a graded assignment (with --student): its persona, seed and mode")
    play.add_argument("--student", metavar="ID", help="the student id a graded submission is signed for")
    play.add_argument("--from-state", metavar="STATE", help="for authors: start in STATE instead of the persona's start")
    play.add_argument("--var", action="append", default=[], metavar="NAME=N", help="for authors: set a variable first (repeatable)")
    play.add_argument("--watch", action="store_true", help="for authors: reload the persona when its file is saved (the moves are replayed)")

    ps = sub.add_parser("personas", help="list the shipped personas")
    ps.add_argument("--json", action="store_true", help="print a JSON array")

    v = sub.add_parser("validate", help="check persona, scenario and test-plan files or folders")
    v.add_argument("paths", nargs="+", metavar="PATH")
    v.add_argument("--fail-on-warnings", action="store_true", help="exit 2 on warnings too")
    v.add_argument("--quiet", action="store_true", help="print problems only, no summary line")

    p_det = sub.add_parser("detect", help="tag JSON Lines messages from stdin to stdout")
    p_det.add_argument("--explain", action="store_true",
                       help="add, per tag, what decided it: the rule pattern, the model's score and threshold, or a convention")

    r = sub.add_parser("run", help="play a conversation headless from scripted messages")
    r.add_argument("persona")
    r.add_argument("--moves", required=True, metavar="FILE", help="one message per line, or .jsonl with {\"text\": ...}")
    r.add_argument("--seed", type=int, default=None, help="seed for the manager's choice of lines (default 0; an assignment sets its own)")
    r.add_argument("--out", metavar="FILE", help="write the transcript JSON here instead of stdout")
    r.add_argument("--log", action="store_true", help="also write the crash-safe session log")
    r.add_argument("--assignment", metavar="FILE", help="play as a student of this assignment and write a signed submission (with --student)")
    r.add_argument("--student", metavar="ID", help="the student id the submission is signed for")

    gr = sub.add_parser("grade", help="re-grade signed submissions into a gradebook CSV")
    gr.add_argument("submissions", nargs="+", metavar="SUBMISSION", help="submission JSON files, or folders of them")
    gr.add_argument("--assignment", required=True, metavar="FILE", help="the assignment they were made for")
    gr.add_argument("--out", required=True, metavar="FILE.csv", help="where the CSV goes ('-' for stdout)")
    gr.add_argument("--format", choices=("plain", "canvas", "moodle"), default="plain", help="plain (every submission), canvas or moodle (one row per student)")
    gr.add_argument("--roster", metavar="CSV", help="student ids with name, email, section, canvas_id, sis_user_id, sis_login_id, id_number")
    gr.add_argument("--feedback", metavar="DIR", help="write a Markdown feedback file per student here")
    gr.add_argument("--summary", metavar="FILE.md", help="write the class summary (Markdown) and its chart (FILE.svg) here")
    gr.add_argument("--progress", choices=("auto", "always", "never"), default="auto", help="progress on stderr: auto = a bar on a terminal, a line every 500 otherwise")

    rs = sub.add_parser("rescore", help="re-grade a transcript JSON by replaying its learner messages")
    rs.add_argument("transcript", metavar="TRANSCRIPT", help="a transcript JSON written by 'run' or an export")
    rs.add_argument("--persona", help="play against this persona instead of the one named in the transcript")
    rs.add_argument("--out", metavar="FILE", help="write the new transcript here instead of stdout")

    t = sub.add_parser("test", help="run the test plans (*.test.yaml) beside persona files")
    t.add_argument("paths", nargs="*", metavar="PATH", help="test plans, persona files or folders (default: shipped)")
    t.add_argument("--verbose", "-v", action="store_true")
    t.add_argument("--random", type=int, metavar="N", help="also play N seeded random playthroughs per persona and show how often each ending happens")
    t.add_argument("--phrases", type=int, metavar="N", help="also play N free-text conversations per persona and policy from the phrase bank; show repeated-line and incomplete rates")

    g = sub.add_parser("graph", help="print a persona's dialogue as a Mermaid state diagram (or Graphviz DOT)")
    g.add_argument("persona")
    g.add_argument("--format", choices=("mermaid", "dot"), default="mermaid", help="mermaid (default) or dot, for Graphviz: roleplay graph ID --format dot | dot -Tsvg")
    g.add_argument("--effects", action="store_true", help="show each rule's effects on its arrow")

    s = sub.add_parser("sessions", help="list logged sessions that can be resumed")
    s.add_argument("--json", action="store_true")
    s.add_argument("--all", action="store_true", help="include finished sessions")
    s.add_argument("--repair", metavar="SESSION", help="repair a damaged log: set damaged lines aside, keep the original, say what was kept and lost")

    tr = sub.add_parser("try", help="for authors: what one message does in one state (no MESSAGE: an interactive session)")
    tr.add_argument("persona")
    tr.add_argument("message", nargs="?", help="the learner's message; leave it out to try many, interactively")
    tr.add_argument("--state", help="the state to try it in (default: the persona's start)")
    tr.add_argument("--var", action="append", default=[], metavar="NAME=N", help="set a variable first (repeatable)")
    tr.add_argument("--seed", type=int, default=0)
    tr.add_argument("--json", action="store_true")

    nw = sub.add_parser("new", help="for authors: write a starter persona and test plan (and a scenario when it is new)")
    nw.add_argument("scenario", help="the scenario id (an existing one, or a new one to start)")
    nw.add_argument("persona", help="the new persona's id")
    nw.add_argument("--dir", help="the personas folder (default: $ROLEPLAY_PERSONAS or ./personas)")

    tg = sub.add_parser("tags", help="the behaviour tags: definitions, examples that count and near-misses that do not")
    tg.add_argument("tag", nargs="*", metavar="TAG", help="only these tags (default: all 15)")
    tg.add_argument("--json", action="store_true", help="print a JSON array")

    sv = sub.add_parser("serve", help="serve the tutor to web browsers, one tutor per tab (loopback unless --host says otherwise)")
    sv.add_argument("--host", default="127.0.0.1", help="the address to listen on (default 127.0.0.1; 0.0.0.0 is every interface: put a reverse proxy with TLS and a login in front)")
    sv.add_argument("--port", type=int, default=8000, help="the port (default 8000)")
    sv.add_argument("--max-tabs", type=int, default=40, metavar="N", help="at most N tutors at once (default 40; each takes about 140 MB)")
    sv.add_argument("--allow-origin", action="append", default=[], metavar="URL", help="also accept the page from this address (a proxy that rewrites Host); repeatable")

    res = sub.add_parser("resume", help="reopen a logged session in the tutor")
    res.add_argument("session", help="a session id (or a unique prefix), as listed by 'roleplay sessions'")
    return p


# ------------------------------------------------------------------ commands


def _load(persona: str):
    from roleplay.source.diagnostics import ScriptError
    from roleplay.persona.loader import load_persona, resolve

    try:
        return load_persona(resolve(persona))
    except LookupError as exc:
        raise UsageError(str(exc.args[0] if exc.args else exc)) from None
    except ScriptError as exc:
        first = exc.errors[0] if exc.errors else exc.diagnostics[0]
        more = len(exc.errors) - 1
        tail = f" (and {more} more; run 'roleplay validate {first.file}')" if more > 0 else ""
        raise UsageError(f"{first}{tail}") from None


def _shown(text) -> str:
    """Text from a file, safe to print on a terminal: controls made visible, one line."""
    from roleplay.engine.export import visible_text

    return visible_text(str(text), keep_newlines=False)


def _json_out(data) -> str:
    """JSON for stdout: C1 controls and invisible characters escaped as \\uXXXX
    (json.dumps leaves them raw, and a terminal may act on them)."""
    import re

    text = json.dumps(data, ensure_ascii=False, indent=2)
    return re.sub("[\x7f-\x9f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]|[\U000e0000-\U000e007f]",
                  lambda m: "".join(f"\\u{u:04x}" for u in _utf16(m.group(0))), text)


def _utf16(ch: str) -> list[int]:
    b = ch.encode("utf-16-be")
    return [int.from_bytes(b[i:i + 2], "big") for i in range(0, len(b), 2)]


def cmd_personas(args) -> int:
    from roleplay.persona.catalog import shipped_personas
    from roleplay.source.diagnostics import ScriptError
    from roleplay.persona.loader import load_persona

    rows = []
    for pid, path in shipped_personas().items():
        try:
            lp = load_persona(path)
        except ScriptError as exc:
            print(_shown(f"roleplay: skipping {path}: {exc.errors[0] if exc.errors else exc}"), file=sys.stderr)
            continue
        p = lp.persona
        rows.append(
            {
                "id": p.id,
                "name": p.name,
                "role": p.role,
                "scenario": p.scenario,
                "scenario_title": lp.scenario.title,
                "difficulty": p.difficulty,
                "summary": p.summary,
                "file": lp.file,
                "digest": lp.digest,  # what an assignment's persona_digest pins
            }
        )
    if args.json:
        print(_json_out(rows))
        return EXIT_OK
    if not rows:
        print("no personas found")
        return EXIT_OK
    w_id = max(len(r["id"]) for r in rows)
    w_name = max(len(r["name"]) for r in rows)
    w_sc = max(len(r["scenario"]) for r in rows)
    for r in rows:
        print(f"{r['id']:<{w_id}}  {_shown(r['name']):<{w_name}}  {r['scenario']:<{w_sc}}  {r['difficulty']:<6}  {_shown(r['summary'])}")
    return EXIT_OK


class _ProgressLine:
    """One status line on stderr, rewritten at most ten times a second; only on a terminal."""

    def __init__(self):
        self.shown = False
        self.last = 0.0

    def show(self, message: str) -> None:
        import time

        if not sys.stderr.isatty() or time.monotonic() - self.last < 0.1:
            return
        self.last = time.monotonic()
        width = shutil.get_terminal_size((80, 20)).columns - 1
        sys.stderr.write("\r\x1b[K" + _shown(message)[:width])
        sys.stderr.flush()
        self.shown = True

    def clear(self) -> None:
        if self.shown:
            sys.stderr.write("\r\x1b[K")
            sys.stderr.flush()
            self.shown = False


_progress_line = _ProgressLine()


def cmd_validate(args) -> int:
    from roleplay.authoring.validate import validate_paths

    from roleplay.persona.progress import reporting

    with reporting(_progress_line.show):
        diagnostics, checked = validate_paths([Path(p) for p in args.paths])
    _progress_line.clear()
    for d in diagnostics:
        print(_shown(d))  # messages quote what the file says
    errors = sum(d.severity == "error" for d in diagnostics)
    warnings = len(diagnostics) - errors
    if not args.quiet:
        sys.stdout.flush()  # the problems first, then the summary, when both streams go to one place
        print(f"{checked} file{'s' if checked != 1 else ''} checked: {errors} error{'s' if errors != 1 else ''}, {warnings} warning{'s' if warnings != 1 else ''}", file=sys.stderr)
    if errors or (args.fail_on_warnings and warnings):
        return EXIT_USAGE
    return EXIT_OK


def cmd_detect(args) -> int:
    from roleplay.analysis.detect_stream import run_detect

    return run_detect(sys.stdin, sys.stdout, explain=args.explain)


def _graded(assignment: str | None, student: str | None, command: str):
    """The GradedPlay of ``--assignment FILE --student ID`` (None without them)."""
    if assignment is None and student is None:
        return None
    if assignment is None or student is None:
        raise UsageError(f"{command}: --assignment and --student go together")
    from roleplay.grading.play import GradedError, GradedPlay
    from roleplay.grading.signing import SigningKeyError, signing_key

    try:
        key = signing_key()
    except SigningKeyError as exc:
        raise UsageError(str(exc)) from None
    loaded = _load_assignment(assignment)
    try:
        graded = GradedPlay(loaded, student, key)
        graded.require_attempt()
    except GradedError as exc:
        raise UsageError(str(exc)) from None
    return graded


def _load_assignment(path: str):
    from roleplay.grading.assignment import load_assignment
    from roleplay.source.diagnostics import ScriptError

    try:
        return load_assignment(path)
    except ScriptError as exc:
        first = exc.errors[0] if exc.errors else exc.diagnostics[0]
        more = len(exc.errors) - 1
        tail = f" (and {more} more; run 'roleplay validate {first.file}')" if more > 0 else ""
        raise UsageError(f"{first}{tail}") from None


def cmd_run(args) -> int:
    from roleplay.engine.conversation import Conversation
    from roleplay.moves import MovesError, read_moves

    graded = _graded(args.assignment, args.student, "run")
    persona = _load(args.persona)
    try:
        moves = read_moves(Path(args.moves))
    except MovesError as exc:
        raise UsageError(str(exc)) from None
    seed, mode = (0 if args.seed is None else args.seed), "practice"
    if graded is not None:
        if args.seed is not None and args.seed != graded.seed:
            raise UsageError(f"{graded.assignment.id} sets the seed ({graded.seed} for {graded.student}); leave out --seed")
        from roleplay.grading.play import GradedError

        try:
            graded.check_persona(persona)
        except GradedError as exc:
            raise UsageError(str(exc)) from None
        tagged = next((i for i, m in enumerate(moves, 1) if m.tags is not None), None)
        if tagged is not None:
            raise UsageError(f'{args.moves}: message {tagged} carries "tags"; graded work is played by its words only (remove "tags")')
        persona, seed, mode = graded.persona, graded.seed, graded.mode
    conv = Conversation.start(persona, seed, mode=mode, logged=args.log)
    skipped = 0
    for move in moves:
        if conv.session.ended:
            skipped += 1
            continue
        conv.play(move.text, tags=move.tags)
    if skipped:
        print(f"roleplay: the conversation ended; {skipped} later message{'s were' if skipped != 1 else ' was'} not played", file=sys.stderr)
    if conv.session.ended:
        conv.finish("ending")
    if graded is None:
        _write_or_print(conv.session.transcript().to_json(), args.out)
        return EXIT_OK
    from roleplay.grading.submission import to_text

    try:
        submission, kept = graded.submit_transcript(conv.session.transcript().to_json())
    except OSError as exc:
        raise UsageError(f"cannot keep the submission in the data dir: {exc.strerror or exc}") from None
    _write_or_print(to_text(submission), args.out)
    left = graded.remaining
    print(_shown(f"roleplay: attempt {submission['attempt']} of {graded.allowed} for {graded.student} signed; kept in {kept}"
                 + (f"; {left} attempt{'s' if left != 1 else ''} left" if left else "; no attempts left")), file=sys.stderr)
    return EXIT_OK


def _write_or_print(text: str, out: str | None) -> None:
    if out:
        try:
            Path(out).write_text(text, encoding="utf-8")
        except OSError as exc:
            raise UsageError(f"cannot write {out}: {exc.strerror or exc}") from None
    else:
        sys.stdout.write(text)


def cmd_rescore(args) -> int:
    """Replay the learner messages of a transcript (only the contract's fields are read)."""
    from roleplay.engine.session import Move, Session

    from roleplay.grading.jsonio import DocumentError, read_json

    try:
        data = read_json(Path(args.transcript))  # size, nesting and duplicate keys checked before parsing
    except DocumentError as exc:
        raise UsageError(str(exc)) from None
    turns = data.get("turns") if isinstance(data, dict) else None
    if not isinstance(turns, list) or not all(isinstance(t, dict) and isinstance(t.get("learner"), str) for t in turns):
        raise UsageError(f'{args.transcript} is not a transcript: it needs "turns" with a "learner" text each')
    persona_id = args.persona or data.get("persona")
    if not isinstance(persona_id, str):
        raise UsageError(f'{args.transcript} names no "persona"; pass --persona')
    seed = data.get("seed", 0)
    if not isinstance(seed, int) or isinstance(seed, bool):
        raise UsageError(f'{args.transcript}: "seed" must be a whole number')
    persona = _load(persona_id)
    if args.persona:
        from roleplay.persona.catalog import shipped_personas
        from roleplay.persona.loader import load_persona

        shipped = shipped_personas().get(persona.id)
        if shipped is None or load_persona(shipped).digest != persona.digest:
            print(_shown(f"roleplay: rescored against {persona.file}, which is not the shipped persona '{persona.id}': "
                         "this is no grade ('roleplay grade' grades submissions)"), file=sys.stderr)
    session = Session.replay(persona, seed, [Move(t["learner"], cut=t.get("truncated") is True) for t in turns if t["learner"].strip()])
    _write_or_print(session.transcript().to_json(), args.out)
    return EXIT_OK


def cmd_grade(args) -> int:
    from roleplay.grading.csvout import RosterError, read_roster, render
    from roleplay.grading.grade import grade, submission_files
    from roleplay.grading.progress import Progress
    from roleplay.grading.signing import SigningKeyError, signing_key

    try:
        key = signing_key()
    except SigningKeyError as exc:
        raise UsageError(str(exc)) from None
    assignment = _load_assignment(args.assignment)
    roster = None
    if args.roster:
        try:
            roster = read_roster(Path(args.roster))
        except RosterError as exc:
            raise UsageError(str(exc)) from None
    missing = [p for p in args.submissions if not Path(p).exists()]
    if missing:
        raise UsageError(f"no such file or folder: {missing[0]}" + (f" (and {len(missing) - 1} more)" if len(missing) > 1 else ""))
    files = submission_files([Path(p) for p in args.submissions])
    if not files:
        raise UsageError("no submissions found (folders are searched for *.json)")
    for target in (args.out, args.summary):
        if target and target != "-" and Path(target).is_dir():
            raise UsageError(f"{target} is a folder; give a file name")
    progress = None if args.progress == "never" else Progress(sys.stderr, tty=True if args.progress == "always" else None)
    try:
        report = grade(files, assignment, key, roster=set(roster) if roster is not None else None,
                       want_debrief=bool(args.feedback), progress=progress)
    finally:
        if progress is not None:
            progress.close()
    text = render(report, args.format, roster)
    if args.out == "-":
        sys.stdout.write(text)
    else:
        try:
            Path(args.out).write_text(text, encoding="utf-8", newline="")
        except OSError as exc:
            raise UsageError(f"cannot write {args.out}: {exc.strerror or exc}") from None
    notes = []
    if args.feedback:
        from roleplay.grading.feedback import write_feedback

        try:
            written = write_feedback(report, Path(args.feedback))
        except OSError as exc:
            raise UsageError(f"cannot write feedback into {args.feedback}: {exc.strerror or exc}") from None
        notes.append(f"{len(written):,} feedback file{'s' if len(written) != 1 else ''} in {args.feedback}")
    if args.summary:
        from roleplay.grading.summary import write_summary

        try:
            chart, problem = write_summary(report, Path(args.summary))
        except OSError as exc:
            raise UsageError(f"cannot write {args.summary}: {exc.strerror or exc}") from None
        notes.append(f"the summary in {args.summary}" + (f" with its chart {chart}" if chart else f" (no chart: {problem})"))
    for r in report.flagged:
        who = f" ({r.student})" if r.student else ""
        print(_shown(f"roleplay: flagged {r.file}{who}: {'; '.join(r.flags)}"), file=sys.stderr)
    students = report.students()
    ungraded = [s for s in students if report.grade_of(s) is None]
    if ungraded and args.format != "plain":
        print(_shown(f"roleplay: no grade for {len(ungraded)} student{'s' if len(ungraded) != 1 else ''}: {', '.join(ungraded[:10])}"
                     + (" ..." if len(ungraded) > 10 else "")), file=sys.stderr)
    n, f = len(report.results), len(report.flagged)
    print(_shown(f"roleplay: {n:,} submission{'s' if n != 1 else ''} from {len(students):,} student{'s' if len(students) != 1 else ''}: "
                 f"{n - f:,} graded, {f:,} flagged" + ("".join(f"; {x}" for x in notes))), file=sys.stderr)
    return EXIT_FAIL if f else EXIT_OK


def cmd_test(args) -> int:
    from roleplay.authoring.testplan import print_playthroughs, run_test_paths

    if args.random is not None and args.random < 1:
        raise UsageError("--random needs a positive number of playthroughs")
    if args.phrases is not None and args.phrases < 1:
        raise UsageError("--phrases needs a positive number of conversations")
    paths = [Path(p) for p in args.paths]
    code = run_test_paths(paths, verbose=args.verbose, plans_optional=args.random is not None or args.phrases is not None)
    if args.random is not None:
        code = max(code, print_playthroughs(paths, args.random))
    if args.phrases is not None:
        from roleplay.playtest.run import print_playtests

        code = max(code, print_playtests(paths, args.phrases))
    return code


def cmd_graph(args) -> int:
    from roleplay.authoring.graph import to_dot, to_mermaid

    draw = to_dot if args.format == "dot" else to_mermaid
    print(draw(_load(args.persona), effects=args.effects))
    return EXIT_OK


def cmd_sessions(args) -> int:
    from roleplay.engine.sessionlog import list_sessions

    if args.repair:
        return _repair_session(args.repair, args.json)
    rows = []
    for s in list_sessions(include_ended=args.all):
        rows.append({"id": s.session_id, "persona": s.persona, "moves": len(s.moves), "ended": s.ended, "mode": s.header.get("mode"),
                     "created": s.header.get("created"), "damaged_lines": s.damaged_lines})
    if args.json:
        print(_json_out(rows))
    elif not rows:
        print("no sessions to resume")
    else:
        for r in rows:
            damaged = f"  ({r['damaged_lines']} damaged line{'s' if r['damaged_lines'] != 1 else ''}: --repair {r['id']})" if r["damaged_lines"] else ""
            print(_shown(f"{r['id']}  {r['persona']}  {r['moves']} move{'s' if r['moves'] != 1 else ''}{'  (finished)' if r['ended'] else ''}{damaged}"))
    return EXIT_OK


def _repair_session(session_id: str, as_json: bool) -> int:
    from roleplay.engine.logrepair import repair
    import glob

    from roleplay.engine.sessionlog import SessionBusy, lock_session, sessions_dir, unlock_session

    folder = sessions_dir()
    path = folder / f"{session_id}.jsonl"
    if not path.is_file():  # by prefix, without reading: the start event may be the damage
        matches = sorted(folder.glob(f"{glob.escape(session_id)}*.jsonl")) if folder.is_dir() else []
        if not matches:
            raise UsageError(f"no session '{session_id}' in {folder}")
        if len(matches) > 1:
            raise UsageError(f"'{session_id}' matches {len(matches)} sessions; give more of the id")
        path = matches[0]
    try:
        lock_session(path)  # never rewrite a log another tutor is appending to
    except SessionBusy as exc:
        raise UsageError(str(exc)) from None
    try:
        report = repair(path)
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    except OSError as exc:
        raise UsageError(f"cannot repair {path}: {exc.strerror or exc}") from None
    finally:
        unlock_session(path)
    if as_json:
        print(_json_out({
            "id": path.stem, "repaired": report.changed, "moves": report.kept_moves, "events": report.kept_events,
            "header_rebuilt": report.header_rebuilt, "backup": str(report.backup) if report.backup else None,
            "draft": str(report.draft) if report.draft else None,
            "damaged": [{"line": d.line, "why": d.why, "bytes": d.size, "text_began": d.text_began} for d in report.damage],
        }))
    else:
        print(_shown(report.summary()))
    return EXIT_OK


def cmd_try(args) -> int:
    from roleplay.authoring.trying import Repl, parse_vars, render, try_message
    from roleplay.persona.loader import resolve

    try:
        variables = parse_vars(args.var)
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    lp = _load(args.persona)
    if args.message is None:
        try:
            repl = Repl(resolve(args.persona), lambda path: _load(str(path)), sys.stdout, _shown, args.state, variables)
        except ValueError as exc:
            raise UsageError(str(exc)) from None
        return repl.run(sys.stdin)
    try:
        tried = try_message(lp, args.message, state=args.state, variables=variables, seed=args.seed)
    except ValueError as exc:  # a state or variable the persona does not have, or an empty message
        raise UsageError(str(exc)) from None
    if args.json:
        print(_json_out(tried.to_json()))
    else:
        print(render(tried, lp, _shown, width=min(100, shutil.get_terminal_size((88, 20)).columns)))
    return EXIT_OK


def cmd_new(args) -> int:
    from roleplay.authoring.scaffold import ScaffoldError, scaffold
    from roleplay.authoring.testplan import run_plan_file
    from roleplay.authoring.validate import validate_paths

    try:
        written = scaffold(args.scenario, args.persona, Path(args.dir) if args.dir else None)
    except ScaffoldError as exc:
        raise UsageError(str(exc)) from None
    except OSError as exc:
        raise UsageError(f"cannot write the starter files: {exc.strerror or exc}") from None
    for f in written.files:
        print(f"wrote {_shown(f)}")
    # Proof that the starter works as written: the same checks a coach runs next.
    diagnostics, _ = validate_paths(written.files)
    for d in diagnostics:
        print(_shown(d))
    persona_file = next(f for f in written.files if f.name == f"{args.persona}.yaml")
    plan_file = persona_file.with_name(f"{args.persona}.test.yaml")
    errors = sum(d.severity == "error" for d in diagnostics)
    failed = 0
    if not errors:
        for r in run_plan_file(plan_file):
            for msg in r.failures:
                failed += 1
                print(_shown(f"{r.file}:{r.line}:{r.col}: fail: {r.name}: {msg}"))
    print(f"validate: {errors} errors, {len(diagnostics) - errors} warnings; test plans: {'pass' if not failed and not errors else 'FAIL'}")
    print(f'next: roleplay try {_shown(persona_file)} "Could we talk about the offer?"  ·  roleplay play {_shown(persona_file)} --watch')
    return EXIT_OK if not failed and not errors else EXIT_FAIL


def cmd_ui(args) -> int:
    graded = author = None
    if args.command == "play":
        graded = _graded(args.assignment, args.student, "play")
        if graded is not None:
            if args.persona is not None or args.seed is not None:
                raise UsageError("play --assignment plays the assignment's persona and seed; leave out PERSONA and --seed")
            if args.from_state or args.var or args.watch:
                raise UsageError("--from-state, --var and --watch are for authors, not for graded play")
        elif args.persona is None:
            raise UsageError("play needs a PERSONA, or --assignment FILE --student ID")
        else:
            lp = _load(args.persona)  # bad input is exit 2 before any screen opens
            author = _author_options(args, lp)
    from roleplay.ui.launch import launch

    return launch(
        persona=getattr(args, "persona", None) if args.command == "play" else None,
        seed=getattr(args, "seed", None),
        exam=getattr(args, "exam", False),
        resume=getattr(args, "session", None) if args.command == "resume" else None,
        load=_load,
        graded=graded,
        author=author,
        graded_for=lambda file, student: _graded(file, student, "resume"),
    )


def _author_options(args, lp):
    """``play --from-state/--var/--watch``, checked against the persona before any screen opens."""
    from roleplay.authoring.trying import parse_vars
    from roleplay.engine.session import Session

    if not (args.from_state or args.var or args.watch):
        return None
    try:
        variables = parse_vars(args.var)
        Session(lp, 0, start_state=args.from_state, start_vars=variables).close()
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    return {"start_state": args.from_state, "start_vars": variables, "watch": args.watch}


def cmd_tags(args) -> int:
    import difflib

    from roleplay.analysis.tag_reference import render_text, tag_reference
    from roleplay.analysis.tags import TAGS
    from roleplay.source.diagnostics import ScriptError

    for tag in args.tag:
        if tag not in TAGS:
            close = difflib.get_close_matches(tag, TAGS, n=1)
            raise UsageError(f"unknown tag '{_shown(tag)}'" + (f" (did you mean '{close[0]}'?)" if close else f"; the 15 are: {', '.join(TAGS)}"))
    try:
        ref = tag_reference()
    except ScriptError as exc:  # the shipped file is broken: the program's fault
        print(_shown(f"roleplay: {exc.diagnostics[0]}"), file=sys.stderr)
        return EXIT_FAIL
    if args.json:
        print(_json_out([t for t in ref.as_json() if not args.tag or t["id"] in args.tag]))
        return EXIT_OK
    width = min(100, shutil.get_terminal_size((80, 20)).columns - 1)
    sys.stdout.write(render_text(ref, width=width, shown=_shown, only=tuple(args.tag)))
    return EXIT_OK


def cmd_serve(args) -> int:
    if not 1 <= args.port <= 65535:
        raise UsageError("--port must be from 1 to 65535")
    if args.max_tabs < 1:
        raise UsageError("--max-tabs must be at least 1")
    from roleplay.ui.serve import exposure_warning, serve

    warning = exposure_warning(args.host)
    if warning:
        print(warning, file=sys.stderr)
    try:
        return serve(args.host, args.port, max_tabs=args.max_tabs, allow_origins=tuple(args.allow_origin))
    except OSError as exc:  # the port is taken, or the address is not this machine's
        print(_shown(f"roleplay: cannot serve on {args.host}:{args.port}: {exc.strerror or exc}"), file=sys.stderr)
        return EXIT_FAIL


COMMANDS = {
    "serve": cmd_serve,
    "tags": cmd_tags,
    "personas": cmd_personas,
    "validate": cmd_validate,
    "detect": cmd_detect,
    "run": cmd_run,
    "test": cmd_test,
    "rescore": cmd_rescore,
    "grade": cmd_grade,
    "graph": cmd_graph,
    "sessions": cmd_sessions,
    "try": cmd_try,
    "new": cmd_new,
    "play": cmd_ui,
    "resume": cmd_ui,
    None: cmd_ui,
}


def main(argv: Sequence[str] | None = None) -> int:
    try:
        args = _build_parser().parse_args(argv)
        return COMMANDS[args.command](args)
    except UsageError as exc:
        print(f"roleplay: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return EXIT_OK
    except Exception as exc:  # the last line of defence: never a traceback
        print(f"roleplay: internal error: {type(exc).__name__}: {exc}", file=sys.stderr)
        return EXIT_FAIL


if __name__ == "__main__":
    raise SystemExit(main())
