"""Hints: a nudge toward a better next move, and the research the debrief shows.

``hint`` looks at where the conversation is (the context of the *next*
move, the detections of the learner's moves so far and the running score)
and picks the first situation below that applies and whose principle is
active, in this order:

1. repair a threat (the last threat has not been followed by a reaffirmed
   commitment) -> ``commitment`` (post-acceptance) or ``no_threats``;
2. repair hostility (the last move was hostile) -> ``professionalism``;
3. after a decline, no extension asked yet -> ``contingency``;
4. still on email and no live conversation asked for -> ``synchronous``;
5. the last move mentioned the alternative after accepting -> ``discretion``;
6. the last move gave up the ask -> ``assertiveness`` (with the research);
7. after accepting, commitment not yet reaffirmed -> ``commitment``;
8. no ask made yet -> ``assertiveness`` (with the research figures);
9. no employer framing yet -> ``employer_perspective``;
10. no option or question about their needs yet -> ``collaboration``;
11. otherwise the lowest-scoring touched principle (ties: canonical order),
    or ``professionalism`` when nothing applies at all.

A hint says what to do and why, sometimes with a fragment of phrasing; it
never writes the learner's message. All wording is in roleplay/coaching/content.yaml (``HINTS``).
"""

from __future__ import annotations

from typing import Sequence

from roleplay.coaching.load import cite

from .feedback import Hint, MoveContext, SessionScore
from .principles import PRINCIPLE_IDS, PRINCIPLES_BY_ID, RESEARCH_BY_ID
from .tags import Detection

__all__ = ["hint", "research_comparison", "RESEARCH_NOTE", "HINTS"]


def _fact(fact_id: str) -> float:
    return RESEARCH_BY_ID[fact_id].value


def _fmt(x: float) -> str:
    return f"{x:g}"


CAND_RISK, MGR_RISK = _fact("candidate_risk"), _fact("manager_risk")
UPHELD, AS_IS = _fmt(_fact("offers_upheld")), _fmt(_fact("accept_as_is"))

def _hints() -> dict[str, tuple[str, str]]:
    from roleplay.coaching.load import coaching

    return dict(coaching().hints)


# situation -> (principle, text), from roleplay/coaching/content.yaml; a
# scenario may word a hint its own way (MoveContext.hint_texts).
HINTS: dict[str, tuple[str, str]] = _hints()


def _text(situation: str, ctx: MoveContext) -> tuple[str, str]:
    principle, text = HINTS[situation]
    return principle, cite(ctx.hint_texts.get(situation, text), dict(ctx.sources))


def _any(history: Sequence[Detection], *tags: str) -> bool:
    return any(d.has(t) for d in history for t in tags)


def _unrepaired_threat(history: Sequence[Detection]) -> bool:
    """A threat was made and no later (or same-or-later) move reaffirmed commitment."""
    last_threat = max((i for i, d in enumerate(history) if d.has("threat")), default=None)
    if last_threat is None:
        return False
    return not any(d.has("affirms_commitment") for d in history[last_threat + 1 :])


def _situation(ctx: MoveContext, history: Sequence[Detection]) -> str | None:
    """The first situation (in the module docstring's order) that applies."""
    last = history[-1] if history else None
    checks: list[tuple[str, bool]] = [
        (
            "repair_threat_commitment" if ctx.post_acceptance else "repair_threat",
            _unrepaired_threat(history),
        ),
        ("repair_hostile", last is not None and last.has("hostile")),
        ("contingency", ctx.after_decline and not _any(history, "asks_extension")),
        ("go_live", ctx.channel == "email" and not _any(history, "requests_meeting")),
        ("discretion", ctx.post_acceptance and last is not None and last.has("mentions_alternative")),
        ("recover_ask", last is not None and last.has("capitulates")),
        ("affirm_commitment", ctx.post_acceptance and not _any(history, "affirms_commitment")),
        ("make_ask", not _any(history, "specific_ask", "proposes_option")),
        ("employer_framing", not _any(history, "employer_benefit")),
        ("collaborate", not _any(history, "proposes_option", "asks_interests")),
    ]
    for situation, applies in checks:
        if applies and ctx.active(HINTS[situation][0]):
            return situation
    return None


def _weakest(ctx: MoveContext, score: SessionScore) -> str | None:
    """The lowest-scoring touched, active principle; ties in canonical order."""
    scored = [
        (s, i, p)
        for i, p in enumerate(PRINCIPLE_IDS)
        if (s := score.principles.get(p)) is not None and ctx.active(p)
    ]
    return min(scored)[2] if scored else None


def hint(ctx: MoveContext, history: Sequence[Detection], score: SessionScore) -> Hint:
    """A nudge for the next move, given the moment, the moves so far and the score.

    Deterministic: the same inputs always give the same hint.
    """
    situation = _situation(ctx, history)
    if situation is not None:
        principle, text = _text(situation, ctx)
        return Hint(principle, text)
    principle = _weakest(ctx, score) or "professionalism"
    # The weakest principle's own hint, in the scenario's words when it has
    # some; its reasoning when no hint is written for it.
    for situation, (owner, _) in HINTS.items():
        if owner == principle and situation not in ("repair_threat", "repair_threat_commitment", "repair_hostile"):
            return Hint(principle, _text(situation, ctx)[1])
    return Hint(principle, PRINCIPLES_BY_ID[principle].why)


# ---------------------------------------------------------------------------
# The research, for the debrief.
# ---------------------------------------------------------------------------

RESEARCH_NOTE = (
    f"Candidates rate the risk that negotiating costs them the offer at about {_fmt(CAND_RISK)} on a 1-7 "
    f"scale, managers at about {_fmt(MGR_RISK)}; {UPHELD}% of offers were upheld, yet about {AS_IS}% of "
    "candidates accept as-is (Hart, Bear and Ren, 2024)."
)


def _compare(estimate: int, reference: float, who: str) -> str:
    diff = round(estimate - reference, 1)
    if diff > 0:
        return f"{_fmt(diff)} above the {_fmt(reference)} that {who} gave"
    if diff < 0:
        return f"{_fmt(-diff)} below the {_fmt(reference)} that {who} gave"
    return f"the same as the {_fmt(reference)} that {who} gave"


def research_comparison(learner_estimate: int | None) -> list[str]:
    """Lines comparing the learner's 1-7 risk estimate with the research.

    ``learner_estimate`` is how likely (1-7) the learner thought negotiating
    would cost them the offer, or None if they gave none. Raises
    ``ValueError`` outside 1..7.
    """
    lines: list[str] = []
    if learner_estimate is None:
        lines.append(
            f"In the research, candidates rated the risk that negotiating costs them the offer at about "
            f"{_fmt(CAND_RISK)} on a 1-7 scale; managers rated it at about {_fmt(MGR_RISK)}."
        )
    else:
        if isinstance(learner_estimate, bool) or not isinstance(learner_estimate, int) or not 1 <= learner_estimate <= 7:
            raise ValueError(f"risk estimate must be an integer from 1 to 7, got {learner_estimate!r}")
        lines.append(f"You rated the risk that negotiating costs you the offer at {learner_estimate} on a 1-7 scale.")
        lines.append(
            f"That is {_compare(learner_estimate, CAND_RISK, 'candidates in the research')}, and "
            f"{_compare(learner_estimate, MGR_RISK, 'hiring managers')}."
        )
        if learner_estimate > MGR_RISK:
            lines.append("Like most candidates, you see more risk than the managers who actually make the offers.")
        else:
            lines.append("That is at or below how managers see it: the risk is real, but small.")
    lines.append(RESEARCH_BY_ID["offers_upheld"].text)
    lines.append(
        RESEARCH_BY_ID["accept_as_is"].text + " Asking reasonably is expected, not a gamble."
    )
    return lines
