"""The class summary: how the class did, as Markdown with a chart.

Distribution of the overall and of each principle over the counted attempts
(one per student), the outcomes, the pass rate, the most common missteps
(the rubric's negative notes, by how many students got them) and the
flagged submissions. The chart is an SVG written by matplotlib with its Agg
backend, imported only here (an instructor's extra: ``pip install
'roleplay[instructor]'``); without it the summary is written with text
histograms and says so.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from roleplay.analysis.principles import PRINCIPLE_IDS
from roleplay.grading.feedback import OUTCOME_WORDS, case_label, principle_name
from roleplay.grading.grade import Report

OUTCOMES = ("success", "partial", "failure", "incomplete")
BINS = [(lo, lo + 9 if lo < 90 else 100) for lo in range(0, 100, 10)]


def quantile(values: list[int], q: float) -> float:
    """Linear interpolation between closest ranks (numpy's default)."""
    xs = sorted(values)
    pos = (len(xs) - 1) * q
    lo = int(pos)
    hi = min(lo + 1, len(xs) - 1)
    return xs[lo] + (xs[hi] - xs[lo]) * (pos - lo)


def stats(values: list[int]) -> dict:
    if not values:
        return {"n": 0}
    return {"n": len(values), "mean": sum(values) / len(values), "min": min(values), "p25": quantile(values, 0.25),
            "median": quantile(values, 0.5), "p75": quantile(values, 0.75), "max": max(values)}


def histogram(values: list[int]) -> list[int]:
    return [sum(1 for v in values if lo <= v <= hi) for lo, hi in BINS]


def missteps(report: Report, top: int = 10) -> list[tuple[str, str, int, int]]:
    """(principle, what the move did, students, moves): the negative notes most students got."""
    students: Counter = Counter()
    moves: Counter = Counter()
    for r in report.counted():
        seen = set()
        for turn in r.transcript.turns:
            for f in turn.feedback:
                if f.delta < 0:
                    key = (f.principle, case_label(f.principle, f.delta, f.tag, f.message))
                    moves[key] += 1
                    seen.add(key)
        students.update(seen)
    ranked = sorted(students, key=lambda k: (-students[k], -moves[k], PRINCIPLE_IDS.index(k[0]) if k[0] in PRINCIPLE_IDS else 99, k[1]))
    return [(p, label, students[(p, label)], moves[(p, label)]) for p, label in ranked[:top]]


def _fmt(x) -> str:
    return f"{x:.1f}" if isinstance(x, float) and not x.is_integer() else f"{x:g}" if isinstance(x, float) else str(x)


def _bar(count: int, most: int, width: int = 30) -> str:
    return "█" * (round(count * width / most) if most else 0)


def write_chart(report: Report, path: Path) -> None:
    """The distribution of the overall and of each principle, as SVG (matplotlib, Agg)."""
    import matplotlib

    matplotlib.use("Agg", force=True)
    from matplotlib.figure import Figure

    matplotlib.rcParams["svg.hashsalt"] = "roleplay"  # the same data gives the same file
    counted = report.counted()
    overall = [r.overall for r in counted if r.overall is not None]
    per = {p: [r.principles.get(p) for r in counted if r.principles.get(p) is not None] for p in PRINCIPLE_IDS}
    per = {p: v for p, v in per.items() if v}
    fig = Figure(figsize=(11, 4.8), layout="constrained")
    left, right = fig.subplots(1, 2, width_ratios=[1, 1.3])
    left.hist(overall, bins=[lo for lo, _ in BINS] + [101], color="#3b6ea8", edgecolor="white")
    pass_mark = report.assignment.spec.pass_mark
    if pass_mark is not None:
        left.axvline(pass_mark, color="#b03a2e", linestyle="--", label=f"pass mark {pass_mark}")
        left.legend(loc="upper left", frameon=False)
    left.set(title=f"Overall score (n={len(overall)})", xlabel="overall (0-100)", ylabel="students", xlim=(0, 101))
    if per:
        names = list(per)
        right.boxplot([per[p] for p in names], orientation="horizontal", widths=0.6)
        right.set_yticks(range(1, len(names) + 1), [f"{principle_name(p)} (n={len(per[p])})" for p in names], fontsize=8)
        right.invert_yaxis()
        right.set(title="Per principle", xlabel="score (0-100)", xlim=(-2, 102))
    else:
        right.set_axis_off()
    fig.suptitle(report.assignment.spec.display_title)
    fig.savefig(path, format=path.suffix.lstrip(".").lower() or "svg", metadata={"Date": None} if path.suffix.lower() == ".svg" else None)


def chart_path(summary: Path) -> Path:
    return summary.with_name(summary.stem + ".svg")


def summary_markdown(report: Report, chart: Path | None, *, chart_problem: str | None = None) -> str:
    from roleplay.engine.export import markdown_escape as esc

    spec = report.assignment.spec
    results = report.results
    students = report.students()
    counted = report.counted()
    flagged = report.flagged
    overall = [r.overall for r in counted if r.overall is not None]
    program = next((r.transcript.program for r in counted if r.transcript is not None), None)
    rubric = next((r.transcript.rubric for r in counted if r.transcript is not None), None)
    out = [f"# Class summary: {esc(spec.display_title)} ({spec.id})", ""]
    line = (f"{len(results):,} submission{'s' if len(results) != 1 else ''} from {len(students):,} student{'s' if len(students) != 1 else ''}: "
            f"{len(results) - len(flagged):,} graded, {len(flagged):,} flagged; {len(counted):,} student{'s' if len(counted) != 1 else ''} with a grade")
    out.append(line + ".")
    if spec.pass_mark is not None and overall:
        passed = sum(v >= spec.pass_mark for v in overall)
        out.append(f"Pass mark {spec.pass_mark}: {passed:,} of {len(overall):,} passed ({100 * passed / len(overall):.0f}%).")
    if program:
        out.append(f"Re-graded by roleplay {program}, rubric {rubric}; one attempt per student counts (the {spec.keep}).")
    out.append("")
    if chart is not None:
        out += [f"![Overall and per-principle scores]({chart.name})", ""]
    elif chart_problem:
        out += [f"_No chart: {esc(chart_problem)}._", ""]

    out += ["## Overall", "", "| n | mean | min | p25 | median | p75 | max |", "|---|---|---|---|---|---|---|"]
    s = stats(overall)
    out.append("| " + " | ".join(_fmt(s.get(k, "—")) for k in ("n", "mean", "min", "p25", "median", "p75", "max")) + " |")
    hist = histogram(overall)
    most = max(hist) if hist else 0
    out += ["", "| score | students | |", "|---|---|---|"]
    for (lo, hi), count in zip(BINS, hist):
        out.append(f"| {lo}-{hi} | {count} | {_bar(count, most)} |")

    out += ["", "## Per principle", "", "| principle | n | mean | min | p25 | median | p75 | max |", "|---|---|---|---|---|---|---|---|"]
    for p in PRINCIPLE_IDS:
        values = [r.principles.get(p) for r in counted if r.principles.get(p) is not None]
        s = stats(values)
        out.append(f"| {esc(principle_name(p))} | " + " | ".join(_fmt(s.get(k, "—")) for k in ("n", "mean", "min", "p25", "median", "p75", "max")) + " |")

    out += ["", "## Outcomes", "", "| outcome | students | share |", "|---|---|---|"]
    outcomes = Counter(r.outcome for r in counted)
    for o in OUTCOMES:
        share = f"{100 * outcomes[o] / len(counted):.0f}%" if counted else "—"
        out.append(f"| {OUTCOME_WORDS[o]} | {outcomes[o]} | {share} |")

    out += ["", "## Most common missteps", ""]
    steps = missteps(report)
    if steps:
        out += ["| principle | what the move did | students | moves |", "|---|---|---|---|"]
        out += [f"| {esc(principle_name(p))} | {esc(label)} | {n} | {m} |" for p, label, n, m in steps]
    else:
        out.append("No move lost points.")

    if flagged:
        out += ["", "## Flagged submissions (no grade)", "", "| file | student | reasons |", "|---|---|---|"]
        for r in flagged[:200]:
            out.append(f"| {esc(r.file)} | {esc(r.student or '?')} | {esc('; '.join(r.flags))} |")
        if len(flagged) > 200:
            out.append(f"\n…and {len(flagged) - 200:,} more (the CSV lists every one).")
    changed = [r for r in counted if r.change]
    if changed:
        out += ["", "## Re-grading changed", "", f"{len(changed):,} counted grade{'s' if len(changed) != 1 else ''} differ from the stored score:", ""]
        out += [f"- {esc(r.student or '?')}: {esc(r.change)}" for r in changed[:50]]
    out.append("")
    return "\n".join(out)


def write_summary(report: Report, path: Path) -> tuple[Path | None, str | None]:
    """Write the Markdown (and the chart beside it); returns (chart path or None, why no chart)."""
    chart, problem = chart_path(path), None
    try:
        write_chart(report, chart)
    except ImportError:
        chart, problem = None, "matplotlib is not installed (pip install 'roleplay[instructor]')"
    path.write_text(summary_markdown(report, chart, chart_problem=problem), encoding="utf-8")
    return chart, problem
