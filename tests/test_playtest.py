"""Free-text playtests of every shipped persona, from the phrase bank.

Good play (a plan, small talk first, a restated plan) in nine voices: the
manager never says a line twice, and under 5% of conversations fail to
reach an ending of their own within 15 moves. Poor and random play must
not repeat lines either, except where every line has been used."""

import pytest

from roleplay.persona.catalog import shipped_personas
from roleplay.persona.loader import load_persona
from roleplay.playtest.bank import INTENTS, load_bank
from roleplay.playtest.run import GOOD, MAX_MOVES, playtest

RUNS = 36  # four per voice
VOICES = load_bank()


@pytest.fixture(scope="module", params=sorted(shipped_personas()))
def persona(request):
    return load_persona(shipped_personas()[request.param])


@pytest.mark.parametrize("policy", GOOD)
def test_good_play_never_repeats_a_line_and_ends(persona, policy):
    r = playtest(persona, VOICES, policy, RUNS, seed=7)
    assert r.runs == RUNS
    assert r.repeated == 0, r.examples
    assert r.incomplete_rate < 0.05, (r.outcomes, r.timed_out, r.unfinished)
    assert max(r.moves_to_end) <= 12, r.moves_to_end


@pytest.mark.parametrize("policy", ["poor", "random"])
def test_poor_and_random_play_end_within_the_moves(persona, policy):
    r = playtest(persona, VOICES, policy, RUNS, seed=7)
    assert r.repeat_rate < 0.02, r.examples
    assert r.unfinished == 0 and r.timed_out + r.ended == RUNS


def test_the_bank_has_every_intent_for_every_scenario_in_many_voices():
    assert len(VOICES) >= 9
    scenarios = {p.scenario.id for p in map(load_persona, shipped_personas().values())}
    for v in VOICES:
        assert set(v.scenarios) >= scenarios
        for sc in scenarios:
            for intent in INTENTS:
                assert len(set(v.phrases(sc, intent))) >= 6, (v.voice, sc, intent)


def test_playtests_are_deterministic(persona):
    a = playtest(persona, VOICES, "random", 6, seed=2)
    b = playtest(persona, VOICES, "random", 6, seed=2)
    assert (a.repeated, a.outcomes, a.moves_to_end) == (b.repeated, b.outcomes, b.moves_to_end)
    assert MAX_MOVES == 15


def test_roleplay_test_phrases_prints_the_rates(capsys):
    from roleplay.cli import main

    code = main(["test", "--phrases", "2", str(shipped_personas()["bank_vp"])])
    out = capsys.readouterr().out
    assert code == 0 and "repeated lines" in out and out.count("bank_vp ") == 5
    assert main(["test", "--phrases", "0"]) == 2
