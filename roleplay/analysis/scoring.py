"""Session scores from the rubric's feedback.

The formula (also in docs/scoring.md):

* Weights: ``weights`` maps a principle id to its weight; a missing
  principle weighs 1, and a weight of 0 (or less) switches it off: its
  score is ``None`` and it does not count in the overall.
* Per principle: the score is ``None`` until a move first touches the
  principle (some feedback names it). At that move it starts at
  ``START`` = 70. Then, move by move, the deltas of that move's feedback for
  the principle are added and the running value is clamped to 0..100. So a
  single good move lifts a principle into the 80s or 90s, a single threat
  (-60) drops ``no_threats`` to 10, and a later good move can partly repair
  a bad one (but never above 100 or below 0).
* Overall: the weighted mean of the per-principle scores over the touched,
  active principles, ``sum(w * score) / sum(w)``, rounded half up to an
  integer (exact rational arithmetic, so 72.5 -> 73 always, never banker's
  rounding). ``None`` when no active principle was touched.
* Per-principle scores are integers already (integer deltas from 70,
  clamped); a non-integer delta from elsewhere is rounded half up first.

``move_impact`` ranks single moves for the debrief: the weighted sum of its
deltas, ``sum(weight(principle) * delta)``, with the same weight defaults.
"""

from __future__ import annotations

from fractions import Fraction
from typing import Mapping, Sequence

from .feedback import Feedback, SessionScore
from .principles import PRINCIPLE_IDS

__all__ = ["START", "LOW", "HIGH", "score_session", "move_impact", "principle_weight", "round_half_up"]

START = 70  # where a principle stands the first time a move touches it
LOW, HIGH = 0, 100


def principle_weight(weights: Mapping[str, float], principle: str) -> float:
    """The weight of ``principle``: 1 when missing, as in ``MoveContext``."""
    return float(weights.get(principle, 1.0))


def round_half_up(x: float | Fraction) -> int:
    """Round to the nearest integer, halves upward (2.5 -> 3, -2.5 -> -2)."""
    q = Fraction(x)
    return (2 * q.numerator + q.denominator) // (2 * q.denominator)


def _clamp(value: int) -> int:
    return max(LOW, min(HIGH, value))


def score_session(turns: Sequence[Sequence[Feedback]], weights: Mapping[str, float]) -> SessionScore:
    """Score a session: ``turns`` holds each move's feedback, in order."""
    scores: dict[str, int | None] = {}
    for principle in PRINCIPLE_IDS:
        if principle_weight(weights, principle) <= 0:
            scores[principle] = None
            continue
        value: int | None = None
        for feedback in turns:
            deltas = [f.delta for f in feedback if f.principle == principle]
            if not deltas:
                continue
            if value is None:
                value = START
            value = _clamp(value + round_half_up(sum(Fraction(d) for d in deltas)))
        scores[principle] = value

    touched = {p: s for p, s in scores.items() if s is not None}
    if not touched:
        return SessionScore(overall=None, principles=scores)
    total_w = sum(Fraction(principle_weight(weights, p)) for p in touched)
    total = sum(Fraction(principle_weight(weights, p)) * s for p, s in touched.items())
    return SessionScore(overall=round_half_up(total / total_w), principles=scores)


def move_impact(feedback: Sequence[Feedback], weights: Mapping[str, float]) -> float:
    """How much one move helped (+) or hurt (-): the weighted sum of its deltas.

    Inactive principles (weight 0) contribute nothing.
    """
    return float(sum(max(principle_weight(weights, f.principle), 0.0) * f.delta for f in feedback))
