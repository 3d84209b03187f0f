"""The debrief of a session, as data: what the debrief screen shows.

Pure Python (no screen code): outcome and ending, overall and per-principle
scores, trust and score over the turns, the moves that helped and hurt most
(ranked by ``move_impact``) and the learner's risk estimate beside the
research figures.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from roleplay.engine.transcript import EndingInfo, FeedbackItem

if TYPE_CHECKING:  # pragma: no cover
    from roleplay.engine.conversation import Conversation
    from roleplay.engine.session import Session

__all__ = ["MoveReview", "TermReview", "StoryLine", "Debrief", "build_debrief", "term_review", "story", "replay_from", "TRUST", "relationship_var"]

TRUST = "trust"  # the variable shown as the relationship when a persona names none


def relationship_var(persona) -> str:
    """The variable shown as the relationship (the coach panel's bar, the
    debrief's line): the persona's ``relationship:``, or ``trust``. Takes a
    LoadedPersona or a Persona; the name may be undeclared (nothing is shown)."""
    p = getattr(persona, "persona", persona)
    return getattr(p, "relationship", None) or TRUST


@dataclass(frozen=True)
class MoveReview:
    """One learner move with its impact on the score and its feedback."""

    n: int
    learner: str
    manager: str
    channel: str
    impact: int  # how many points the move moved the overall the panel showed
    feedback: tuple[FeedbackItem, ...]


@dataclass(frozen=True)
class TermReview:
    """One negotiable term over the conversation: where it started and ended,
    what the learner asked for, and the move that settled it."""

    issue: str
    label: str
    start: str  # as people write it
    end: str
    asked: str | None  # the last value the learner asked for, when one was
    moved_at: int | None  # the move after which the offer reached its final value

    @property
    def moved(self) -> bool:
        return self.start != self.end


def term_review(persona, turns) -> list[TermReview]:
    """Per scenario term, from the transcript's turns (``offer`` after each move)."""
    from roleplay.persona.termspec import normalize

    out = []
    for issue, info in persona.terms.items():
        before = info.start
        asked = None
        moved_at = None
        for t in turns:
            if "asked" in t.model_fields_set:  # what the engine heard (the tagger's terms and the scenario's places)
                asked = t.asked.get(issue, asked)
            else:  # a transcript written before turns carried it
                for term in t.terms:
                    if term.issue == issue:
                        v = normalize(info.kind, term.value)
                        if v is not None and v != before:
                            asked = v
            now = t.offer.get(issue, before)
            if now != before:
                moved_at = t.n
            before = now
        out.append(TermReview(issue, info.label, info.show(info.start), info.show(before),
                              info.show(asked) if asked is not None else None, moved_at if before != info.start else None))
    return out


# What the learner did, as the debrief tells it: one sentence per kind of
# move, each followed by the learner's own words from the first move that did
# it. Only what the tagger found is told, so nothing is claimed that did not
# happen. In the order a coach would walk through a conversation.
STORY: tuple[tuple[str, str], ...] = (
    ("requests_meeting", "You asked to talk live"),
    ("affirms_commitment", "You said you were committed to the role"),
    ("asks_interests", "You asked about their side: their needs, process or norms"),
    ("employer_benefit", "You made the case from the employer's side"),
    ("specific_ask", "You named what you wanted"),
    ("proposes_option", "You proposed an option that could work for both sides"),
    ("asks_extension", "You asked for more time"),
    ("mentions_alternative", "You brought up another option of yours"),
    ("threat", "You used pressure: a condition or an ultimatum"),
    ("hostile", "You let the tone turn hostile"),
    ("capitulates", "You backed away from your request"),
    ("accepts", "You accepted what was on the table"),
)


@dataclass(frozen=True)
class StoryLine:
    """One sentence of what happened, backed by the move that shows it."""

    text: str
    move: int
    quote: str


def story(session: "Session") -> list[StoryLine]:
    from roleplay.analysis.rubric import quote_evidence

    out = []
    for tag, sentence in STORY:
        for n, d in enumerate(session.detections, 1):
            if d.has(tag):
                quote = quote_evidence(d, tag)
                if quote:
                    out.append(StoryLine(sentence, n, quote))
                break
    return sorted(out, key=lambda line: line.move)


@dataclass(frozen=True)
class Debrief:
    persona_id: str
    persona_name: str
    persona_role: str
    scenario_title: str
    mode: str
    ending: EndingInfo
    overall: int | None
    principles: dict[str, int | None]
    active: tuple[str, ...]  # principles with a weight above 0, canonical order
    moves: int
    trust: list[int] = field(default_factory=list)  # before move 1, then after each move
    trust_range: tuple[int, int] = (0, 100)
    score: list[int | None] = field(default_factory=list)  # overall after each move
    helped: list[MoveReview] = field(default_factory=list)
    hurt: list[MoveReview] = field(default_factory=list)
    risk_estimate: int | None = None
    research: list[str] = field(default_factory=list)
    candidate_risk: float = 4.6
    manager_risk: float = 3.5
    offers_upheld: float = 94.0
    terms: list[TermReview] = field(default_factory=list)
    story: list[StoryLine] = field(default_factory=list)
    earned: int | None = None  # what the moves earned, when the outcome caps it (``cap``)
    cap: int | None = None
    cap_reason: str | None = None

    @property
    def won(self) -> list[TermReview]:
        """The terms the ending settled in the learner's favour (the contract's ``deal``)."""
        return [t for t in self.terms if t.moved] if self.ending.outcome in ("success", "partial") else []

    @property
    def outcome(self) -> str:
        return self.ending.outcome

    @property
    def has_trust(self) -> bool:
        return bool(self.trust)


def build_debrief(session: "Session", *, mode: str = "practice", risk_estimate: int | None = None) -> Debrief:
    """Everything the debrief shows, computed from a session through the core."""
    from roleplay.analysis.hints import research_comparison
    from roleplay.analysis.principles import RESEARCH_BY_ID, active_principles
    from roleplay.analysis.scoring import move_impact
    from roleplay.persona.template import fill

    lp = session.persona
    p = lp.persona
    weights = dict(lp.scenario.weights)
    sc = session.final_score()

    # A move's impact is what it did to the overall the panel showed.
    from roleplay.analysis.scoring import START

    reviews: list[MoveReview] = []
    previous: int | None = START  # the panel's scale starts there
    for turn in session.turns:
        reviews.append(
            MoveReview(
                n=turn.n,
                learner=turn.learner,
                manager=turn.manager,
                channel=turn.channel,
                impact=move_impact(previous, turn.score),
                feedback=tuple(turn.feedback),
            )
        )
        previous = turn.score if turn.score is not None else previous
    helped = sorted((r for r in reviews if r.impact > 0), key=lambda r: (-r.impact, r.n))[:3]
    hurt = sorted((r for r in reviews if r.impact < 0), key=lambda r: (r.impact, r.n))[:3]

    trust: list[int] = []
    trust_range = (0, 100)
    rel = relationship_var(p)
    if rel in p.variables:
        var = p.variables[rel]
        trust_range = (var.min, var.max)
        trust = [var.start] + [t.variables.get(rel, var.start) for t in session.turns]

    risk = risk_estimate if isinstance(risk_estimate, int) and 1 <= risk_estimate <= 7 else None
    calibration = lp.scenario.framing.calibration
    return Debrief(
        persona_id=p.id,
        persona_name=fill(p.name, lp.names),
        persona_role=fill(p.role, lp.names),
        scenario_title=fill(lp.scenario.title, lp.names),
        mode=mode,
        ending=session.ending_info(),
        overall=sc.overall,
        earned=sc.earned,
        cap=sc.cap,
        cap_reason=sc.cap_reason,
        principles=dict(sc.principles),
        active=active_principles(weights),
        moves=len(session.turns),
        trust=trust,
        trust_range=trust_range,
        score=[t.score for t in session.turns],
        helped=helped,
        hurt=hurt,
        risk_estimate=risk,
        research=research_comparison(risk) if calibration is not None and calibration.compare_with_research else [],
        candidate_risk=RESEARCH_BY_ID["candidate_risk"].value,
        manager_risk=RESEARCH_BY_ID["manager_risk"].value,
        offers_upheld=RESEARCH_BY_ID["offers_upheld"].value,
        terms=term_review(lp, session.turns),
        story=story(session),
    )


def replay_from(conv: "Conversation", keep: int, *, logged: bool = True) -> "Conversation":
    """A new conversation (a new logged session) that replays ``conv``'s first ``keep`` moves.

    ``keep=0`` is a fresh retry with the same persona, seed, mode and risk
    estimate. The old session is left as it is (finished or not), so the
    debrief can branch from any turn without rewriting what happened.
    """
    from roleplay.engine.conversation import Conversation

    old = conv.session
    new = Conversation.start(old.persona, old.seed, mode=conv.mode, risk_estimate=conv.risk_estimate, logged=logged)
    for move in old.moves[: max(0, keep)]:
        if new.session.ended:
            break
        new.play(move.text, tags=move.tags)  # logged like any move: a failing disk is reported, not raised
    return new
