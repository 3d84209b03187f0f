"""Tests for session scoring (roleplay.analysis.scoring)."""

from __future__ import annotations

from fractions import Fraction

import pytest

from roleplay.analysis.feedback import Feedback, MoveContext
from roleplay.analysis.principles import PRINCIPLE_IDS
from roleplay.analysis.rubric import assess_move
from roleplay.analysis.scoring import START, move_impact, round_half_up, score_session
from roleplay.analysis.tags import Detection


def fb(principle: str, delta: int) -> Feedback:
    return Feedback(principle=principle, delta=delta, message="note")


def play(moves, weights=None):
    """Run (tags, text, context kwargs) moves through the rubric; return the per-move feedback."""
    weights = weights or {}
    turns = []
    for tags, text, kw in moves:
        ctx = MoveContext(weights=weights, **kw)
        turns.append(assess_move(Detection.from_tags(tags, text), ctx))
    return turns


REASSIGN = dict(scenario="reassignment", post_acceptance=True)

EXEMPLARY_REASSIGNMENT = [
    (["gratitude", "affirms_commitment", "requests_meeting"],
     "Thanks again for the offer; I'm excited to join. Could we set up a short video call this week?",
     dict(channel="email", turn=1, **REASSIGN)),
    (["affirms_commitment", "specific_ask", "employer_benefit", "asks_interests"],
     "I'm committed to the role. Working from the Seattle office, I could support the four new retail "
     "clients there. Would a placement there be possible, and what would the team need for it to work?",
     dict(channel="call", turn=2, **REASSIGN)),
    (["gratitude", "asks_extension", "specific_ask", "affirms_commitment"],
     "I understand, and thank you for checking. Would it be possible to start six weeks later? "
     "I want to make this work.",
     dict(channel="call", turn=3, after_decline=True, **REASSIGN)),
]

EXEMPLARY_FIRST_OFFER = [
    (["gratitude", "affirms_commitment"], "Thank you, I'm thrilled about this role.",
     dict(scenario="first_offer", channel="call", turn=1)),
    (["specific_ask", "employer_benefit", "proposes_option"],
     "Given the two product launches I led last year, could we discuss a base of 98k, or a smaller "
     "raise plus two remote days a week?",
     dict(scenario="first_offer", channel="call", turn=2)),
    (["accepts", "gratitude"], "That works for me, thank you.",
     dict(scenario="first_offer", channel="call", turn=3)),
]

ULTIMATUM = (["mentions_alternative", "threat", "specific_ask"],
             "There is another offer on my desk; move me to Seattle or I withdraw my acceptance.",
             dict(channel="email", turn=1, **REASSIGN))


# --- formula ------------------------------------------------------------------


def test_untouched_principles_are_none_and_overall_none_when_nothing_touched():
    s = score_session([], {})
    assert s.overall is None
    assert set(s.principles) == set(PRINCIPLE_IDS)
    assert all(v is None for v in s.principles.values())
    assert score_session([[], []], {}).overall is None


def test_starts_at_70_and_adds_deltas():
    s = score_session([[fb("professionalism", 10)], [fb("professionalism", 5)]], {})
    assert START == 70
    assert s.principles["professionalism"] == 85
    assert s.overall == 85


def test_clamped_after_each_move():
    # Clamping happens move by move: 70-60-60 = 0 (not -50), then +20 = 20.
    turns = [[fb("no_threats", -60)], [fb("no_threats", -60)], [fb("no_threats", 20)]]
    assert score_session(turns, {}).principles["no_threats"] == 20
    up = [[fb("professionalism", 25)]] * 3 + [[fb("professionalism", -10)]]
    assert score_session(up, {}).principles["professionalism"] == 90


def test_overall_is_weighted_mean():
    turns = [[fb("no_threats", 30), fb("synchronous", -20)]]  # 100 and 50
    assert score_session(turns, {}).overall == 75
    assert score_session(turns, {"no_threats": 2.0}).overall == round_half_up(Fraction(250, 3))  # 83.33 -> 83
    assert score_session(turns, {"no_threats": 3}).overall == 88  # 87.5 -> 88, half up


def test_weight_zero_removes_principle():
    turns = [[fb("no_threats", -60), fb("professionalism", 10)]]
    s = score_session(turns, {"no_threats": 0})
    assert s.principles["no_threats"] is None
    assert s.overall == 80
    assert score_session(turns, {"no_threats": 0, "professionalism": 0}).overall is None


def test_round_half_up():
    assert round_half_up(Fraction(5, 2)) == 3  # round() would give 2
    assert round_half_up(Fraction(7, 2)) == 4
    assert round_half_up(72.5) == 73
    assert round_half_up(72.49) == 72
    assert round_half_up(-2.5) == -2
    # 70 and 75 averaged -> 72.5 -> 73 (banker's rounding would give 72).
    turns = [[fb("no_threats", 0), fb("synchronous", 5)]]
    assert score_session(turns, {}).overall == 73


def test_deterministic():
    turns = play(EXEMPLARY_REASSIGNMENT)
    assert score_session(turns, {}) == score_session(turns, {})


def test_scores_are_ints_in_range():
    turns = play([ULTIMATUM] * 4)
    s = score_session(turns, {})
    for v in s.principles.values():
        assert v is None or (isinstance(v, int) and 0 <= v <= 100)
    assert isinstance(s.overall, int)


def test_unknown_principle_in_feedback_is_ignored():
    s = score_session([[fb("not_a_principle", 10), fb("professionalism", 10)]], {})
    assert "not_a_principle" not in s.principles
    assert s.overall == 80


# --- the two requirements -----------------------------------------------------


@pytest.mark.parametrize("moves", [EXEMPLARY_REASSIGNMENT, EXEMPLARY_FIRST_OFFER])
def test_exemplary_play_scores_80_plus_everywhere(moves):
    s = score_session(play(moves), {})
    touched = {p: v for p, v in s.principles.items() if v is not None}
    assert len(touched) >= 4
    assert all(v >= 80 for v in touched.values()), touched
    assert s.overall >= 80


def test_dear_professor_ultimatum_scores_low():
    s = score_session(play([ULTIMATUM]), {})
    assert s.principles["no_threats"] < 30
    assert s.overall < 40
    # Exact values documented in docs/scoring.md.
    assert s.principles == {
        "no_threats": 10, "synchronous": 45, "employer_perspective": None, "commitment": 20,
        "discretion": 30, "contingency": None, "collaboration": None, "professionalism": None,
        "assertiveness": None,
    }
    assert s.overall == 26


def test_weights_flow_through_rubric_and_score():
    weights = {"discretion": 0}
    s = score_session(play([ULTIMATUM], weights), weights)
    assert s.principles["discretion"] is None
    assert s.principles["no_threats"] == 10


# --- move_impact and the first touch -------------------------------------------


def test_move_impact_is_the_change_of_the_overall():
    assert move_impact(70, 82) == 12 and move_impact(82, 40) == -42
    assert move_impact(None, 80) == 0 and move_impact(80, None) == 0


def test_a_first_good_note_never_starts_below_the_overall():
    # professionalism at 100, then synchronous touched for the first time with +10:
    # it starts from the overall (100), not from 70, so the overall cannot fall.
    turns = [[fb("professionalism", 30)], [fb("synchronous", 10)]]
    s = score_session(turns, {})
    assert s.principles["synchronous"] == 100 and s.overall == 100


def test_a_first_bad_note_never_starts_above_the_overall():
    turns = [[fb("no_threats", -60)], [fb("professionalism", -10)]]  # 10, then 10 - 10
    s = score_session(turns, {})
    assert s.principles["professionalism"] == 0 and s.overall == 5


def test_the_worked_example_of_docs_scoring_md():
    # docs/scoring.md, "A first good note late in a good conversation"
    moves = [[fb("collaboration", 15), fb("assertiveness", 15)], [fb("no_threats", 10)], [fb("professionalism", 10)]]
    overalls = [score_session(moves[:k], {}).overall for k in (1, 2, 3)]
    assert overalls == [85, 88, 91]
    assert score_session(moves, {}).principles["professionalism"] == 98


def test_final_scores_are_capped_by_the_outcome():
    from roleplay.analysis.scoring import final_score

    running = score_session([[fb("professionalism", 10), fb("commitment", 10)]], {})
    assert running.overall == 80
    f = final_score(running, "failure", negotiated=False)
    assert (f.overall, f.earned, f.cap) == (40, 80, 40) and f.cap_reason == "you never asked for anything"
    assert final_score(running, "incomplete", negotiated=True).overall == 60
    assert final_score(running, "success", negotiated=True).overall == 80
