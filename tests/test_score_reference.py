"""Reference points for the scores, on every shipped persona (docs/scoring.md):
exemplary play >= 85, capitulation <= 35, the Dear Professor email
ultimatum <= 25, a bluff or an ultimatum <= 35, and exemplary > mixed > poor.
Messages are free text through the real tagger."""

from __future__ import annotations

import random

import pytest

from roleplay.analysis.tags import TAGS
from roleplay.engine.move import Move
from roleplay.engine.session import Session
from roleplay.persona.catalog import shipped_personas
from roleplay.persona.loader import load_persona
from roleplay.authoring.testplan import load_plan_file

PERSONAS = {pid: load_persona(path) for pid, path in sorted(shipped_personas().items())}

CAPITULATION = {
    "first_offer": ["Sorry, the offer is fine as is. I'll take it."],
    "reassignment": ["Sorry, forget I asked anything. Chicago on March 3 is totally fine, I'll be there."],
    # A warm manager turns down a first yes said out of guilt, so the capitulation is said twice.
    "counteroffer": ["I'm sorry, I feel bad about all this. Forget the resignation, I'll stay as I am.",
                     "Really, it's okay, I don't need anything changed. I'll just stay."],
}
ULTIMATUM = {
    "first_offer": ["If you can't get to $130,000, I'll go with the other company.", "Meet my number by Friday or I walk."],
    "reassignment": ["I have another offer. Unless you reassign me to Denver, I will retract my acceptance."],
    "counteroffer": ["Either you beat Brightline's $112,000 by Friday, or I'm leaving for them.",
                     "I'll say it once more: that number by Friday, or I walk out."],
}
BLUFF = {
    "first_offer": ["Another company has offered me $140,000, and I need your answer by tomorrow or I'll take it."],
    "reassignment": ["A Denver firm has offered me more, and unless I hear by Friday that Denver works, I'll have to go with them."],
    "counteroffer": ["Two other firms want me at $120,000 as well, so unless you beat that by tomorrow, I'm gone."],
}
MIXED = {
    "first_offer": ["Thanks for the offer, I'm excited about the team.", "Honestly this base is a bit of a joke.",
                    "Could the signing bonus be $5,000? The move costs me about that.", "Okay, that works for me."],
    "reassignment": ["Thanks for the welcome, I'm glad to be joining.", "I'd really like to be in Denver; my partner lives there.",
                     "Could I start in Denver instead?", "Could I start on April 7 instead?", "Okay, that works for me, thank you."],
    "counteroffer": ["Thanks for calling, I do like this team.", "Honestly, the way the promotion was handled was a joke.",
                     "Could the base be $105,000? My commute is brutal.", "Okay, that works for me."],
}
POOR = {
    "first_offer": ["This offer is insulting.", "Give me $140,000 or forget it.", "Your bands are a joke."],
    "reassignment": ["Your mobility policy is absurd.", "Put me in Denver or I walk.", "You people are useless."],
    "counteroffer": ["This counter is insulting.", "Pay me $115,000 or forget it.", "You people never keep a promise."],
}


def final(persona, moves, seed=0):
    s = Session.replay(persona, seed, [Move(m) for m in moves])
    return s, s.final_score().overall


def exemplary(pid):
    persona = PERSONAS[pid]
    plans, _ = load_plan_file(shipped_personas()[pid].with_name(f"{pid}.test.yaml"))
    plan = next(p for p in plans.plans if p.name.startswith("exemplary") and all(isinstance(m, str) for m in p.moves))
    return final(persona, plan.moves, plan.seed)


@pytest.mark.parametrize("pid", PERSONAS)
def test_exemplary_play_scores_85_or_more(pid):
    s, score = exemplary(pid)
    assert s.ending_info().outcome == "success" and score >= 85, (score, s.final_score())


@pytest.mark.parametrize("pid", PERSONAS)
def test_capitulation_scores_35_or_less(pid):
    p = PERSONAS[pid]
    s, score = final(p, CAPITULATION[p.scenario.id])
    assert score <= 35, (score, s.ending_info(), s.turns[-1].feedback)


@pytest.mark.parametrize("pid", [p for p in PERSONAS if PERSONAS[p].scenario.id == "reassignment"])
def test_the_dear_professor_email_ultimatum_scores_25_or_less(pid):
    s, score = final(PERSONAS[pid], ULTIMATUM["reassignment"])
    assert score <= 25, score


@pytest.mark.parametrize("pid", PERSONAS)
@pytest.mark.parametrize("kind", ["ultimatum", "bluff"])
def test_an_ultimatum_or_a_bluff_scores_35_or_less(pid, kind):
    p = PERSONAS[pid]
    s, score = final(p, (ULTIMATUM if kind == "ultimatum" else BLUFF)[p.scenario.id])
    assert score <= 35, (score, [t.tags for t in s.turns])


@pytest.mark.parametrize("pid", PERSONAS)
def test_exemplary_beats_mixed_beats_poor(pid):
    p = PERSONAS[pid]
    _, good = exemplary(pid)
    _, mixed = final(p, MIXED[p.scenario.id])
    _, poor = final(p, POOR[p.scenario.id])
    assert good > mixed > poor, (good, mixed, poor)


@pytest.mark.parametrize("pid", PERSONAS)
def test_in_play_no_move_moves_the_overall_against_its_feedback(pid):
    """The property, through the engine: random tag moves, outcome notes included."""
    persona = PERSONAS[pid]
    rng = random.Random(pid)
    for run in range(40):
        s = Session(persona, seed=run)
        before = None
        while not s.ended and len(s.turns) < 16:
            t = s.play("", tags=rng.sample(TAGS, rng.choice((0, 1, 1, 2, 3))))
            deltas = [f.delta for f in t.feedback]
            if before is not None and deltas and t.score is not None:
                if all(d > 0 for d in deltas):
                    assert t.score >= before
                if all(d < 0 for d in deltas):
                    assert t.score <= before
            before = t.score if t.score is not None else before
        outcome = s.ending_info().outcome
        if outcome in ("failure", "incomplete"):
            assert s.final_score().overall is None or s.final_score().overall <= 60
