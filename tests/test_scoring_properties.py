"""The scoring model's stated properties, over random move sequences
(docs/scoring.md): monotone in the sign of a move's feedback, and capped by
the outcome."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from roleplay.analysis.feedback import Feedback
from roleplay.analysis.principles import PRINCIPLE_IDS
from roleplay.analysis.scoring import CAPS, final_score, running_scores

deltas = st.integers(min_value=-80, max_value=40).filter(lambda d: d != 0)
item = st.builds(lambda p, d: Feedback(p, d, "m"), st.sampled_from(PRINCIPLE_IDS), deltas)
move = st.lists(item, max_size=4)
weights = st.dictionaries(st.sampled_from(PRINCIPLE_IDS), st.sampled_from([0, 0.5, 1, 1.5, 2, 5]), max_size=9)


def _active(m, w):
    return [f for f in m if float(w.get(f.principle, 1.0)) > 0]


@settings(max_examples=400, deadline=None)
@given(st.lists(move, min_size=1, max_size=14), weights)
def test_a_move_never_moves_the_overall_against_its_feedback(moves, w):
    runs = running_scores(moves, w)
    before = None
    for m, after in zip(moves, runs):
        active = _active(m, w)
        if before is not None and active and after.overall is not None:
            if all(f.delta > 0 for f in active):
                assert after.overall >= before, (m, before, after.overall)
            if all(f.delta < 0 for f in active):
                assert after.overall <= before, (m, before, after.overall)
        before = after.overall if after.overall is not None else before


@settings(max_examples=300, deadline=None)
@given(st.lists(move, min_size=1, max_size=10), weights, st.sampled_from(["success", "partial", "failure", "incomplete"]), st.booleans())
def test_the_final_score_respects_the_outcome_caps(moves, w, outcome, negotiated):
    running = running_scores(moves, w)[-1]
    final = final_score(running, outcome, negotiated)
    if running.overall is None:
        assert final.overall is None
        return
    assert final.overall <= running.overall
    if outcome in CAPS:
        assert final.overall <= CAPS[outcome][0]
    if not negotiated:
        assert final.overall <= CAPS["no_ask"][0]
    if outcome in ("success", "partial") and negotiated:
        assert final.overall == running.overall and final.cap is None
    if final.cap is not None:
        assert final.earned == running.overall and final.cap_reason


@settings(max_examples=200, deadline=None)
@given(st.lists(move, max_size=10), weights)
def test_scores_are_integers_from_0_to_100(moves, w):
    for s in running_scores(moves, w):
        assert s.overall is None or 0 <= s.overall <= 100
        for p, v in s.principles.items():
            assert v is None or (isinstance(v, int) and 0 <= v <= 100)
            if float(w.get(p, 1.0)) <= 0:
                assert v is None
