"""The shipped personas: valid, rich enough, and their test plans pass."""

from collections import defaultdict

import pytest

from roleplay.persona.catalog import kind_of, shipped_root, yaml_files
from roleplay.persona.loader import load_persona
from roleplay.authoring.testplan import run_plan_file
from roleplay.authoring.validate import validate_paths

ROOT = shipped_root()
PERSONA_FILES = [f for f in yaml_files(ROOT) if kind_of(f) == "persona"]
PLAN_FILES = [f for f in yaml_files(ROOT) if kind_of(f) == "test"]


def test_shipped_files_validate_without_errors_or_warnings():
    diagnostics, checked = validate_paths([ROOT])
    assert checked >= 7
    assert [str(d) for d in diagnostics] == []


def test_required_scenarios_and_persona_counts():
    by_scenario = defaultdict(list)
    for f in PERSONA_FILES:
        lp = load_persona(f)
        by_scenario[lp.scenario.id].append(lp.id)
    assert len(by_scenario["reassignment"]) >= 3
    assert len(by_scenario["first_offer"]) >= 2
    ids = [i for ids in by_scenario.values() for i in ids]
    assert len(ids) == len(set(ids)), "persona ids are unique"


def test_reassignment_is_post_acceptance_and_opens_by_email():
    lp = next(load_persona(f) for f in PERSONA_FILES if load_persona(f).scenario.id == "reassignment")
    assert lp.scenario.post_acceptance and lp.scenario.opening_channel == "email"


@pytest.mark.parametrize("path", PERSONA_FILES, ids=lambda p: p.stem)
def test_each_persona_is_rich_enough(path):
    p = load_persona(path).persona
    assert len(p.states) >= 10
    assert len(p.endings) >= 3
    assert any(e.outcome == "failure" for e in p.endings.values())
    assert any(e.outcome == "success" for e in p.endings.values())
    assert p.turn_limit is not None
    assert any(s.declined for s in p.states.values()), "a 'no' the learner can answer with a contingency"
    assert len({s.channel for s in p.states.values()}) >= 1


@pytest.mark.parametrize("path", PERSONA_FILES, ids=lambda p: p.stem)
def test_each_persona_has_a_test_plan(path):
    assert (path.parent / f"{path.stem}.test.yaml").is_file()


@pytest.mark.parametrize("path", PLAN_FILES, ids=lambda p: p.name)
def test_shipped_plans_pass(path):
    failures = [f"{r.file}:{r.line}: {r.name}: {m}" for r in run_plan_file(path) for m in r.failures]
    assert failures == []


@pytest.mark.parametrize("path", PLAN_FILES, ids=lambda p: p.name)
def test_plans_reach_every_ending(path):
    results = run_plan_file(path)
    persona = load_persona(path.parent / path.name.replace(".test.yaml", ".yaml")).persona
    reached = {r.ending for r in results}
    assert set(persona.endings) <= reached, f"no plan reaches {sorted(set(persona.endings) - reached)}"


@pytest.mark.parametrize("path", PLAN_FILES, ids=lambda p: p.name)
def test_each_persona_has_free_text_plans_for_the_four_kinds_of_play(path):
    """Exemplary, poor, small talk first and a restated plan, in free text
    (through the real tagger), with the deal checked where one is reached."""
    from roleplay.authoring.testplan import load_plan_file

    plans, _ = load_plan_file(path)
    free = [p for p in plans.plans if all(isinstance(m, str) for m in p.moves)]
    names = " | ".join(p.name.lower() for p in free)
    for kind in ("exemplary", "poor", "small talk", "restat"):
        assert kind in names, f"{path.name}: no free-text plan for {kind!r} play"
    settled = [p for p in free if p.expect.outcome in ("success", "partial") or p.expect.outcome == ["success"]]
    assert settled and all(p.expect.deal is not None for p in settled), "success and partial plans check the deal"
