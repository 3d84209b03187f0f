"""Session scores from the rubric's feedback: one model, with stated properties.

The model (worked examples in docs/scoring.md):

* Weights: ``weights`` maps a principle id to its weight; a missing
  principle weighs 1, and a weight of 0 (or less) switches it off: its
  score is ``None`` and it does not count in the overall.
* Per principle: ``None`` until a move first touches it (some feedback
  names it). At its first touch it starts from ``START`` = 70, or from the
  overall as it stood before that move when that is on the side of the
  feedback (a first good note never starts below the overall, a first bad
  note never above it). Then each move's deltas for it are added and the
  running value is clamped to 0..100.
* Overall (the coach panel's): the weighted mean of the touched, active
  principles, rounded half up (exact fractions). ``None`` when nothing
  active was touched.
* Final (transcripts, the debrief, grading): the overall, capped by how the
  conversation ended: ``CAPS`` for a failure ending, an unfinished
  conversation, or one that never negotiated at all. The cap and its reason
  are reported beside the score.

Properties (tested with Hypothesis, tests/test_scoring_properties.py): a move
whose feedback is all positive never lowers the overall and one all negative
never raises it; the final score of a failure, an unfinished talk or a talk
without an ask is never above its cap.

``move_impact`` ranks single moves for the debrief: the change in the
overall that the move made (what the learner saw the panel do).
"""

from __future__ import annotations

from fractions import Fraction
from typing import Mapping, Sequence

from .feedback import Feedback, SessionScore
from .principles import PRINCIPLE_IDS, active_principles, weight_of

__all__ = ["START", "LOW", "HIGH", "CAPS", "score_session", "running_scores", "final_score", "move_impact",
           "principle_weight", "round_half_up"]

START = 70  # where a principle stands the first time a move touches it
LOW, HIGH = 0, 100


def principle_weight(weights: Mapping[str, float], principle: str) -> float:
    """The weight of ``principle`` (principles.weight_of: 1 when missing, 0 switches it off)."""
    return weight_of(weights, principle)


def round_half_up(x: float | Fraction) -> int:
    """Round to the nearest integer, halves upward (2.5 -> 3, -2.5 -> -2)."""
    q = Fraction(x)
    return (2 * q.numerator + q.denominator) // (2 * q.denominator)


def _clamp(value: int) -> int:
    return max(LOW, min(HIGH, value))


# Caps on the final score, by how the conversation ended (see docs/scoring.md).
CAPS = {
    "failure": (50, "the conversation ended without an agreement"),
    "incomplete": (60, "the conversation did not reach an ending"),
    "no_ask": (40, "you never asked for anything"),
}


def _overall(scores: dict[str, int | None], weights: Mapping[str, float]) -> Fraction | None:
    touched = {p: v for p, v in scores.items() if v is not None}
    if not touched:
        return None
    total_w = sum(Fraction(principle_weight(weights, p)) for p in touched)
    return sum(Fraction(principle_weight(weights, p)) * v for p, v in touched.items()) / total_w


def running_scores(turns: Sequence[Sequence[Feedback]], weights: Mapping[str, float]) -> list[SessionScore]:
    """The score after each move (what the coach panel shows), in order."""
    active = active_principles(weights)
    scores: dict[str, int | None] = {p: None for p in PRINCIPLE_IDS}
    out: list[SessionScore] = []
    for feedback in turns:
        before = _overall(scores, weights)
        for principle in active:
            deltas = [f.delta for f in feedback if f.principle == principle]
            if not deltas:
                continue
            d = round_half_up(sum(Fraction(x) for x in deltas))
            value = scores[principle]
            if value is None:
                base: Fraction | int = START
                if before is not None:
                    base = max(Fraction(START), before) if d > 0 else min(Fraction(START), before) if d < 0 else before
                value = round_half_up(base)
            scores[principle] = _clamp(value + d)
        overall = _overall(scores, weights)
        out.append(SessionScore(overall=None if overall is None else round_half_up(overall), principles=dict(scores)))
    return out


def score_session(turns: Sequence[Sequence[Feedback]], weights: Mapping[str, float]) -> SessionScore:
    """The running score after the last of ``turns`` (each move's feedback)."""
    runs = running_scores(turns, weights)
    if runs:
        return runs[-1]
    return SessionScore(overall=None, principles={p: None for p in PRINCIPLE_IDS})


def final_score(running: SessionScore, outcome: str, negotiated: bool) -> SessionScore:
    """The score a finished (or abandoned) conversation is graded at.

    ``outcome`` is the ending's (``incomplete`` when none was reached);
    ``negotiated`` whether any move asked for anything (an ask, an option,
    more time, or a question about their side).
    """
    caps = []
    if outcome in CAPS:
        caps.append(CAPS[outcome])
    if not negotiated and running.overall is not None:
        caps.append(CAPS["no_ask"])
    if running.overall is None or not caps:
        return SessionScore(running.overall, dict(running.principles), earned=running.overall)
    cap, why = min(caps)
    if running.overall <= cap:
        return SessionScore(running.overall, dict(running.principles), earned=running.overall)
    return SessionScore(cap, dict(running.principles), earned=running.overall, cap=cap, cap_reason=why)


def move_impact(before: int | None, after: int | None) -> int:
    """How much one move changed the overall the learner saw (0 for the first scores)."""
    if before is None or after is None:
        return 0
    return after - before
