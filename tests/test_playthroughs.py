"""Seeded random playthroughs of every shipped persona."""

import pytest

from roleplay.persona.catalog import shipped_personas
from roleplay.persona.loader import load_persona
from roleplay.authoring.playthrough import random_playthroughs

RUNS = 150


@pytest.fixture(scope="module", params=sorted(shipped_personas()))
def report(request):
    return random_playthroughs(load_persona(shipped_personas()[request.param]), RUNS, seed=1)


def test_every_playthrough_ends_within_the_turn_limit(report):
    assert report.unfinished == 0
    assert max(report.lengths) <= 16


def test_an_offer_is_withdrawn_only_after_real_provocation(report):
    """The research: 94% of offers are upheld. Here: never without two threats,
    or a threat and open hostility."""
    for ending, threats, hostile in report.runs_detail:
        if ending and "withdrawn" in ending:
            assert threats >= 2 or (threats >= 1 and hostile >= 1), (ending, threats, hostile)


def test_playthroughs_are_deterministic():
    persona = load_persona(shipped_personas()["mentor"])
    a = random_playthroughs(persona, 20, seed=3)
    b = random_playthroughs(persona, 20, seed=3)
    assert a.runs_detail == b.runs_detail
