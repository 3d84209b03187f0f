"""Test plans: scripted playthroughs kept beside a persona (``*.test.yaml``).

A coach tests a persona like code: each plan plays moves (free text through
the detector, or tags directly) and states what must happen (the ending or
outcome, score bounds, states visited). ``roleplay test`` runs them; the
project's pytest suite runs every shipped plan too.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from roleplay.analysis.tags import TAG_SET
from roleplay.persona.catalog import TEST_SUFFIX, kind_of, shipped_root, yaml_files
from roleplay.persona.compiled import display_path
from roleplay.source.diagnostics import Diagnostic, ScriptError
from roleplay.persona.loader import load_persona
from roleplay.source.parse import parse_model
from roleplay.source.yamlsource import Source, load_yaml_file
from roleplay.engine.session import Move, Session

Outcome = str


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class TaggedMove(_Strict):
    text: str = Field("", description="The words (their terms are still read, and shown in the transcript).")
    tags: list[str] | None = Field(None, description="The exact tags of the move, instead of the tagger's reading.")


class Expect(_Strict):
    outcome: list[str] | str | None = Field(None, description="success, partial, failure or incomplete (or a list of them).")
    ending: str | None = Field(None, description="The ending's id.")
    min_score: Annotated[int, Field(ge=0, le=100)] | None = Field(None, description="The overall at least.")
    max_score: Annotated[int, Field(ge=0, le=100)] | None = Field(None, description="The overall at most.")
    principle_min: dict[str, int] = Field(default_factory=dict, description="principle id -> its score at least.")
    principle_max: dict[str, int] = Field(default_factory=dict, description="principle id -> its score at most.")
    visits: list[str] = Field(default_factory=list, description="States the conversation must pass through.")
    min_turns: int | None = Field(None, description="At least so many moves played.")
    max_turns: int | None = Field(None, description="At most so many moves played.")
    deal: dict[str, int | float | str] | None = Field(
        None, description="The deal the ending settles, issue -> value ('{}' for none); dates as \"June 23\"."
    )
    offer: dict[str, int | float | str] = Field(default_factory=dict, description="Terms on the table at the end.")
    repeats: bool = Field(False, description="Allow the manager to say a line twice (by default a plan fails on it).")


class Plan(_Strict):
    name: Annotated[str, StringConstraints(min_length=1)] = Field(description="What the plan shows, for the report.")
    seed: int = Field(0, description="The seed for the manager's choice of lines.")
    moves: list[str | TaggedMove] = Field(min_length=1, description="The learner's messages: text, or {tags: [...], text: ...}.")
    expect: Expect = Field(description="What the conversation must end in.")


class PlanFile(_Strict):
    persona: str | None = Field(None, description="The persona (default: the file of the same name beside it).")
    plans: list[Plan] = Field(min_length=1, description="The scripted conversations.")


@dataclass
class PlanResult:
    file: str
    line: int
    col: int
    name: str
    failures: list[str]
    outcome: str
    ending: str | None
    score: int | None
    turns: int

    @property
    def ok(self) -> bool:
        return not self.failures


def load_plan_file(path: Path) -> tuple[PlanFile, Source]:
    src = load_yaml_file(path, display_path(path))
    plan = parse_model(src, PlanFile)
    problems = []
    for i, p in enumerate(plan.plans):
        for j, m in enumerate(p.moves):
            if isinstance(m, TaggedMove) and m.tags is not None:
                for k, t in enumerate(m.tags):
                    if t not in TAG_SET:
                        problems.append(src.diag(("plans", i, "moves", j, "tags", k), f"unknown tag '{t}'"))
    if problems:
        raise ScriptError(problems)
    return plan, src


OUTCOMES = ("success", "partial", "failure", "incomplete")  # incomplete: the moves ran out first


def _unknown(what: str, name: str, options, listed: str) -> str:
    import difflib

    close = difflib.get_close_matches(str(name), sorted(options), n=1, cutoff=0.6)
    hint = f" (did you mean '{close[0]}'?)" if close else ""
    return f"unknown {what} '{name}'{hint}; {listed}: {', '.join(options) or 'none'}"


def expectation_problems(plan_file: PlanFile, src: Source, loaded) -> list[Diagnostic]:
    """What each plan's ``expect`` names that the persona does not have: an
    outcome, an ending, a state, a principle or a term spelled wrong would
    otherwise fail every run (or, for ``visits``, never be checked)."""
    from roleplay.analysis.principles import PRINCIPLE_IDS
    from roleplay.persona.termspec import normalize

    p = loaded.persona
    out: list[Diagnostic] = []
    places = [*p.states, *p.endings]
    for i, plan in enumerate(plan_file.plans):
        e, at = plan.expect, ("plans", i, "expect")
        if e.outcome is not None:
            wanted = [(e.outcome, at + ("outcome",))] if isinstance(e.outcome, str) else [(o, at + ("outcome", k)) for k, o in enumerate(e.outcome)]
            out += [src.diag(path, "expect.outcome: " + _unknown("outcome", o, OUTCOMES, "outcomes are")) for o, path in wanted if o not in OUTCOMES]
        if e.ending is not None and e.ending not in p.endings:
            out.append(src.diag(at + ("ending",), "expect.ending: " + _unknown("ending", e.ending, list(p.endings), f"{p.id}'s endings")))
        for k, sname in enumerate(e.visits):
            if sname not in places:
                out.append(src.diag(at + ("visits", k), "expect.visits: " + _unknown("state", sname, places, f"{p.id}'s states and endings")))
        for key in ("principle_min", "principle_max"):
            for pid in getattr(e, key):
                if pid not in PRINCIPLE_IDS:
                    out.append(src.diag(at + (key, pid), f"expect.{key}: " + _unknown("principle", pid, PRINCIPLE_IDS, "principles"), key=True))
        for key in ("deal", "offer"):
            for issue, value in (getattr(e, key) or {}).items():
                info = loaded.terms.get(issue)
                if info is None:
                    out.append(src.diag(at + (key, issue), f"expect.{key}: " + _unknown("term", issue, list(loaded.terms), "the scenario's terms"), key=True))
                elif normalize(info.kind, value) is None:
                    out.append(src.diag(at + (key, issue), f"expect.{key}.{issue}: '{value}' is not a {info.kind} value" + (' (write a date as "June 23")' if info.kind == "date" else "")))
    return out


def check_plan_file(path: Path) -> list[Diagnostic]:
    """``roleplay validate`` of a test plan: its shape, its tags, and what it
    expects against the persona it tests."""
    plan_file, src = load_plan_file(path)
    try:
        loaded = load_persona(persona_path_for(path, plan_file.persona))
    except LookupError as exc:
        return [src.diag(("persona",) if plan_file.persona else (), str(exc))]
    except ScriptError as exc:
        first = exc.errors[0] if exc.errors else exc.diagnostics[0]
        return [src.diag(("persona",) if plan_file.persona else (), f"the persona this plan tests does not load ({first.file}:{first.line}:{first.col}: {first.message}), so its expectations cannot be checked")]
    return expectation_problems(plan_file, src, loaded)


def persona_path_for(plan_path: Path, declared: str | None) -> Path:
    if declared:
        candidate = plan_path.parent / declared
        if candidate.is_file():
            return candidate
        from roleplay.persona.loader import resolve

        return resolve(declared)
    stem = plan_path.name[: -len(TEST_SUFFIX)] if plan_path.name.endswith(TEST_SUFFIX) else plan_path.stem
    return plan_path.parent / f"{stem}.yaml"


def run_plan_file(path: Path) -> list[PlanResult]:

    plan_file, src = load_plan_file(path)
    persona = load_persona(persona_path_for(path, plan_file.persona))
    problems = expectation_problems(plan_file, src, persona)
    if problems:
        raise ScriptError(problems)
    results = []
    for i, plan in enumerate(plan_file.plans):
        moves = [Move(m) if isinstance(m, str) else Move(m.text, tuple(m.tags) if m.tags is not None else None) for m in plan.moves]
        session = Session.replay(persona, plan.seed, moves)
        tr = session.transcript()
        e = plan.expect
        fails: list[str] = []
        outcome = tr.ending.outcome
        if e.outcome is not None:
            wanted = [e.outcome] if isinstance(e.outcome, str) else e.outcome
            if outcome not in wanted:
                fails.append(f"outcome is '{outcome}', expected {' or '.join(wanted)}")
        if e.ending is not None and tr.ending.id != e.ending:
            fails.append(f"ending is '{tr.ending.id}', expected '{e.ending}'")
        overall = tr.score.overall
        if e.min_score is not None and (overall is None or overall < e.min_score):
            fails.append(f"overall score {overall} is below {e.min_score}")
        if e.max_score is not None and (overall is not None and overall > e.max_score):
            fails.append(f"overall score {overall} is above {e.max_score}")
        for pid, floor in e.principle_min.items():
            v = tr.score.principles.get(pid)
            if v is None or v < floor:
                fails.append(f"{pid} scored {v}, expected at least {floor}")
        for pid, ceil in e.principle_max.items():
            v = tr.score.principles.get(pid)
            if v is not None and v > ceil:
                fails.append(f"{pid} scored {v}, expected at most {ceil}")
        visited = {t.state for t in tr.turns}
        for s in e.visits:
            if s not in visited:
                fails.append(f"never visited '{s}' (visited: {', '.join(t.state for t in tr.turns)})")
        if e.min_turns is not None and len(tr.turns) < e.min_turns:
            fails.append(f"{len(tr.turns)} turns, expected at least {e.min_turns}")
        if e.max_turns is not None and len(tr.turns) > e.max_turns:
            fails.append(f"{len(tr.turns)} turns, expected at most {e.max_turns}")
        if not e.repeats:
            said = {tr.opening} if tr.opening else set()
            for t in tr.turns:
                if t.manager in said:
                    fails.append(f"move {t.n}: the manager says a line again: {t.manager[:80]!r}")
                said.add(t.manager)
        fails += _term_failures(session, e)
        unplayed = len(moves) - len(tr.turns)
        if unplayed > 0 and (e.outcome or e.ending):
            fails.append(f"the conversation ended after {len(tr.turns)} moves; {unplayed} moves were not played")
        line, col = src.where(("plans", i))
        results.append(PlanResult(src.file, line, col, plan.name, fails, outcome, tr.ending.id, overall, len(tr.turns)))
        session.close()
    return results


def _term_failures(session, e: Expect) -> list[str]:
    """Compare the deal and the offer with what the plan expects, value by value."""
    from roleplay.persona.termspec import normalize

    fails = []
    terms = session.persona.terms

    def want(issue: str, raw):
        info = terms.get(issue)
        return normalize(info.kind, raw) if info else raw

    if e.deal is not None:
        deal = session.deal()
        got = {k: v.to for k, v in (deal or {}).items()}
        expected = {k: want(k, v) for k, v in e.deal.items()}
        if deal is None:
            fails.append(f"no deal (the outcome is {session.ending_info().outcome}); expected {expected}")
        elif got != expected:
            fails.append(f"the deal is {got}, expected {expected}")
    for issue, raw in e.offer.items():
        if issue not in terms:
            fails.append(f"'{issue}' is not a term of the scenario")
        elif session.offer[issue] != want(issue, raw):
            fails.append(f"offer.{issue} is {terms[issue].show(session.offer[issue])}, expected {raw}")
    return fails


def plan_files(paths: list[Path]) -> list[Path]:
    roots = paths or [shipped_root()]
    out = []
    for root in roots:
        for f in yaml_files(root):
            if kind_of(f) == "test":
                out.append(f)
            elif kind_of(f) == "persona" and root.is_file():
                sibling = f.parent / f"{f.stem}{TEST_SUFFIX}"
                if sibling.is_file():
                    out.append(sibling)
    return out


def load_personas_under(paths: list[Path]) -> tuple[list, int]:
    """Every persona file under ``paths`` (default: shipped), loaded; a file
    that does not load is reported on one line and counted."""
    roots = paths or [shipped_root()]
    loaded, broken = [], 0
    for f in (f for root in roots for f in yaml_files(root) if kind_of(f) == "persona"):
        try:
            loaded.append(load_persona(f))
        except (ScriptError, LookupError) as exc:
            print(f"{display_path(f)}: cannot load: {exc}")
            broken += 1
    return loaded, broken


def print_playthroughs(paths: list[Path], runs: int) -> int:
    """Random playthroughs of every persona under ``paths``; 1 if any never ends."""
    from roleplay.authoring.playthrough import random_playthroughs

    personas, stuck = load_personas_under(paths)
    for persona in personas:
        r = random_playthroughs(persona, runs)
        lengths = sorted(r.lengths)
        median = lengths[len(lengths) // 2] if lengths else 0
        endings = ", ".join(f"{e} {100 * n / runs:.0f}%" for e, n in r.endings.most_common())
        planned = (Path(persona.file).parent / f"{Path(persona.file).stem}{TEST_SUFFIX}").is_file()
        print(f"{persona.id}: {runs} random playthroughs, median {median} moves; {endings}" + (f"; {r.unfinished} never ended" if r.unfinished else "")
              + ("" if planned else " (no test plan)"))
        stuck += bool(r.unfinished)
    return 1 if stuck else 0


def run_test_paths(paths: list[Path], *, verbose: bool = False, plans_optional: bool = False) -> int:
    """Run plans; print one line per failure (gcc style); exit 0, 1 (failures) or 2 (bad files).

    With ``plans_optional`` (other checks follow, such as random playthroughs)
    finding no plan is said and is not a failure.
    """
    files = plan_files(paths)
    if not files:
        if plans_optional:
            print("roleplay: no test plan (*.test.yaml) found; nothing to run but the playthroughs", file=sys.stderr)
            return 0
        print("roleplay: no test plans (*.test.yaml) found", file=sys.stderr)
        return 2
    passed = failed = broken = 0
    for f in files:
        try:
            results = run_plan_file(f)
        except (ScriptError, LookupError) as exc:
            broken += 1
            diags = exc.diagnostics if isinstance(exc, ScriptError) else [Diagnostic(display_path(f), 1, 1, "error", str(exc))]
            for d in diags:
                print(d)
            continue
        for r in results:
            if r.ok:
                passed += 1
                if verbose:
                    print(f"{r.file}:{r.line}:{r.col}: ok: {r.name} ({r.outcome}, {r.ending}, score {r.score}, {r.turns} turns)")
            else:
                failed += 1
                for msg in r.failures:
                    print(f"{r.file}:{r.line}:{r.col}: fail: {r.name}: {msg}")
    print(f"{passed} passed, {failed} failed", file=sys.stderr)
    if broken:
        return 2
    return 1 if failed else 0
