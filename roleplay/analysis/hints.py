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
never writes the learner's message. All wording is in ``HINTS``.
"""

from __future__ import annotations

from typing import Mapping, Sequence

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

_FEAR = (
    f"The fear is exaggerated: {UPHELD}% of offers were upheld and most managers had never withdrawn one, "
    f"yet about {AS_IS}% of candidates accept as-is (Hart, Bear and Ren)."
)

# situation -> (principle, {scenario or "*": text})
HINTS: dict[str, tuple[str, Mapping[str, str]]] = {
    "repair_threat_commitment": (
        "commitment",
        {
            "reassignment": "Take the condition off the table: reaffirm that you are committed to joining, "
            "then turn the placement back into a question. Dear Professor: leverage is heard as a threat, "
            "and people talk.",
            "*": "Take the condition off the table: reaffirm your commitment to the role first, then restate "
            "your request as a question. Dear Professor: leverage is heard as a threat, and people talk.",
        },
    ),
    "repair_threat": (
        "no_threats",
        {
            "*": "Take the condition off the table: say plainly that you want this to work, then restate your "
            "request as a question. A threat burns goodwill even when it is polite.",
        },
    ),
    "repair_hostile": (
        "professionalism",
        {
            "*": "Reset the tone: acknowledge their point before you restate what you need. Reasonable, "
            "cooperative asks are what keep the risk of losing the deal small.",
        },
    ),
    "contingency": (
        "contingency",
        {
            "reassignment": "They said no. Instead of pushing harder or giving up, try your fallback: ask "
            "whether your onboarding date could move back. Dear Professor: an extension keeps the "
            "relationship and buys you time to decide.",
            "first_offer": "They said no to that. Instead of pushing harder or giving up, move to a fallback: "
            "a different term that is easier for them, or a few days to think it over.",
            "*": "They said no. Instead of pushing harder or giving up, move to a fallback such as more time "
            "or a different arrangement.",
        },
    ),
    "go_live": (
        "synchronous",
        {
            "reassignment": "You are still on email. Before raising the placement, ask for a short phone or "
            "video call with the decision-maker, something like 'could we find 20 minutes...'. Dear "
            "Professor: only good news and updates belong in email.",
            "*": "You are still on email. Ask for a short call before you negotiate, something like 'could we "
            "find 20 minutes...'. A live conversation builds rapport and leaves room to adjust.",
        },
    ),
    "discretion": (
        "discretion",
        {
            "*": "Leave the other offer out from here on and talk about the problem you want to solve together. "
            "After accepting, a competing offer reads as leverage.",
        },
    ),
    "recover_ask": (
        "assertiveness",
        {
            "*": f"You dropped your ask. {_FEAR} Put it back on the table once, calmly, and ask what "
            "flexibility they have.",
        },
    ),
    "affirm_commitment": (
        "commitment",
        {
            "*": "Before the request, acknowledge the commitment you made, for instance that you are looking "
            "forward to joining. Dear Professor: it keeps the request from sounding like a threat.",
        },
    ),
    "make_ask": (
        "assertiveness",
        {
            "reassignment": "Now raise the placement itself, as a question rather than a condition, for "
            "instance whether a placement in that office would be possible. Managers expect reasonable asks.",
            "first_offer": f"You haven't asked for anything yet. {_FEAR} Name one change you want and why it "
            "is reasonable.",
            "*": f"You haven't asked for anything yet. {_FEAR} Name one change you want and why it is "
            "reasonable.",
        },
    ),
    "employer_framing": (
        "employer_perspective",
        {
            "reassignment": "Give them a reason that serves the company: clients, projects or coverage you "
            "could support from that office, ideally with a number. Dear Professor: frame the request from "
            "the employer's perspective.",
            "first_offer": "Tie your ask to the value you bring, for instance results you have delivered or "
            "how the arrangement keeps you productive. A reason that serves them is easier to say yes to.",
            "*": "Frame your request from the employer's side, with evidence: how it helps their clients, "
            "team or goals.",
        },
    ),
    "collaborate": (
        "collaboration",
        {
            "reassignment": "Look for a win-win: ask what would make a move workable for the team, or offer a "
            "middle path such as moving after a first project.",
            "first_offer": "Look for a win-win: ask what matters most on their side, or offer a trade that is "
            "cheap for them and valuable for you, such as remote days instead of a bigger bonus.",
            "*": "Look for a win-win: ask what matters most on their side, or offer a trade that is cheap for "
            "them and valuable for you.",
        },
    ),
}


def _text(situation: str, scenario: str) -> tuple[str, str]:
    principle, texts = HINTS[situation]
    return principle, texts.get(scenario, texts["*"])


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
        principle, text = _text(situation, ctx.scenario)
        return Hint(principle, text)
    principle = _weakest(ctx, score) or "professionalism"
    p = PRINCIPLES_BY_ID[principle]
    return Hint(principle, f"Keep an eye on {p.name[0].lower()}{p.name[1:]}. {p.why}")


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
