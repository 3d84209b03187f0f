"""The data the rubric speaks in: the context of a move, feedback, scores."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal, Mapping

Channel = Literal["email", "call"]


@dataclass(frozen=True)
class MoveContext:
    """What the rubric needs to know about the moment a move was made.

    ``weights`` maps a principle id to its weight in this scenario; a missing
    principle weighs 1.0 and a weight of 0 switches the principle off.
    ``post_acceptance`` is true when the candidate has already accepted the
    offer (the Dear Professor case): then the alternative must stay private
    and commitment matters most.
    """

    scenario: str
    channel: Channel
    turn: int = 1
    after_decline: bool = False
    post_acceptance: bool = False
    weights: Mapping[str, float] = field(default_factory=dict)
    # The scenario's own words (scenario.yaml, coaching:): 'principle.case' ->
    # suggestion, and hint situation -> hint text.
    suggestions: Mapping[str, str] = field(default_factory=dict)
    hint_texts: Mapping[str, str] = field(default_factory=dict)
    # 'principle.case' -> why it matters, where the scenario says it its own way.
    reasons: Mapping[str, str] = field(default_factory=dict)
    # How this scenario cites each source ({source.X}), by what it says.
    sources: Mapping[str, str] = field(default_factory=dict)

    def weight(self, principle: str) -> float:
        from .principles import weight_of

        return weight_of(self.weights, principle)

    def active(self, principle: str) -> bool:
        return self.weight(principle) > 0


@dataclass(frozen=True)
class Feedback:
    """One principle touched by one move.

    ``message`` is the whole coaching note a learner reads: it quotes the
    evidence, says why (the seed's reasoning) and, when the move hurt,
    suggests a better phrasing (also given alone in ``suggestion``).
    """

    principle: str
    delta: int
    message: str
    tag: str | None = None
    evidence: str | None = None
    suggestion: str | None = None

    def to_json(self) -> dict:
        out: dict = {"principle": self.principle, "delta": self.delta, "message": self.message}
        if self.tag is not None:
            out["tag"] = self.tag
        if self.evidence is not None:
            out["evidence"] = self.evidence
        if self.suggestion is not None:
            out["suggestion"] = self.suggestion
        return out


@dataclass(frozen=True)
class SessionScore:
    """Per-principle scores 0-100 (None when never touched) and the overall.

    For a final score, ``earned`` is the overall the moves earned and
    ``cap``/``cap_reason`` say why the outcome holds it lower (None when not).
    """

    overall: int | None
    principles: dict[str, int | None]
    earned: int | None = None
    cap: int | None = None
    cap_reason: str | None = None

    def to_json(self) -> dict:
        out: dict = {"overall": self.overall, "principles": dict(self.principles)}
        if self.cap is not None:
            out.update(earned=self.earned, cap=self.cap, cap_reason=self.cap_reason)
        return out


@dataclass(frozen=True)
class Hint:
    """A nudge toward a better next move: a principle to apply, not a script."""

    principle: str
    text: str
