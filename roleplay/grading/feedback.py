"""A Markdown feedback file per student, from the re-graded conversation.

Everything quoted from the learner goes through ``engine.export.markdown_escape``
(no markup, no links, controls made visible).
"""

from __future__ import annotations

from pathlib import Path

from roleplay.grading.grade import Report, Result

OUTCOME_WORDS = {"success": "✔ success", "partial": "◐ partial", "failure": "✘ failure", "incomplete": "… unfinished"}


def principle_name(pid: str) -> str:
    from roleplay.analysis.principles import PRINCIPLES_BY_ID

    p = PRINCIPLES_BY_ID.get(pid)
    return p.name if p else pid


def case_label(principle: str, delta: int, tag: str | None, message: str) -> str:
    """What a feedback item was about, in the rubric's words ("You made an ultimatum")."""
    from roleplay.analysis.rubric import CASES

    fits = [c for c in CASES.get(principle, {}).values() if c.delta == delta and c.tag == tag]
    for c in fits:
        if message.startswith(c.note):
            return c.note
    return fits[0].note if len(fits) == 1 else message.split(":")[0].split(".")[0][:80]


def _signed(n: int) -> str:
    return f"+{n}" if n > 0 else f"−{-n}" if n < 0 else "±0"


def feedback_markdown(report: Report, student: str) -> str:
    from roleplay.engine.export import markdown_escape as esc

    spec = report.assignment.spec
    rows = report.students().get(student, [])
    r: Result | None = report.grade_of(student)
    out = [f"# {esc(spec.display_title)}: feedback for {esc(student)}", ""]
    if r is None:
        out.append("Your submission could not be graded. The reasons:")
        out.append("")
        for x in rows:
            out.append(f"- attempt {x.attempt if x.attempt is not None else '?'}: {esc('; '.join(x.flags) or 'not gradable')}")
        out += ["", "Please talk to your instructor.", ""]
        return "\n".join(out)
    t, d = r.transcript, r.debrief
    passed = r.passed(spec.pass_mark)
    head = f"**Overall: {r.overall}/100**"
    if passed is not None:
        head += f" ({'passed' if passed else 'not passed'}; the pass mark is {spec.pass_mark})"
    out.append(head + ".")
    graded = [x for x in rows if not x.flagged]
    if len(graded) > 1:
        out.append(f"Attempt {r.attempt} counts ({'your best' if spec.keep == 'best' else 'your last'} of {len(graded)}).")
    out.append("")
    e = t.ending
    out.append(f"Outcome: {OUTCOME_WORDS.get(e.outcome, e.outcome)}" + (f" — {esc(e.title)}" if e.title else "") + ".")
    if t.score.cap is not None:
        out.append(f"Your moves earned {t.score.earned}; the score is capped at {t.score.cap}: {esc(t.score.cap_reason or '')}.")
    out += ["", "| principle | score |", "|---|---|"]
    for pid, value in t.score.principles.items():
        out.append(f"| {esc(principle_name(pid))} | {'—' if value is None else value} |")
    if d is not None:
        if d.story:
            out += ["", "## What you did", ""]
            out += [f"- {esc(s.text)} (move {s.move}): “{esc(s.quote)}”" for s in d.story]
        for title, moves in (("Moves that raised your overall most", d.helped), ("Moves that lowered your overall most", d.hurt)):
            if not moves:
                continue
            out += ["", f"## {title}", ""]
            for m in moves:
                out.append(f"- Move {m.n} ({_signed(m.impact)} overall): “{esc(m.learner)}”")
                for f in m.feedback:
                    out.append(f"  - {_signed(f.delta)} {esc(principle_name(f.principle))}: {esc(f.message)}")
    out += ["", f"_Graded by roleplay {t.program}, rubric {t.rubric}, by replaying your messages (stored scores are not used)._", ""]
    return "\n".join(out)


def _file_name(student: str) -> str:
    return student.replace("@", "_at_") + ".md"


def write_feedback(report: Report, folder: Path) -> list[Path]:
    """One Markdown file per student; returns the paths written."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    from roleplay.grading.assignment import valid_student

    for student in report.students():
        if not valid_student(student):
            continue  # an id that is no file name ("../x") gets no file; the CSV and stderr list it
        path = folder / _file_name(student)
        path.write_text(feedback_markdown(report, student), encoding="utf-8")
        written.append(path)
    return written
