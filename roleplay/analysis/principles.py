"""The coaching principles: whether a move was good, coaching-wise.

Tags say what a message does; principles say whether that helped, given the
scenario and the moment. The rubric (``rubric.py``) turns one into the other.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Principle:
    id: str
    name: str
    source: str
    why: str  # the seed's reasoning, in one sentence a learner can use


PRINCIPLES: tuple[Principle, ...] = (
    Principle(
        "no_threats",
        "No threats or ultimatums",
        "Dear Professor, point 1 and key takeaway",
        "Leverage used as an ultimatum is heard as a threat; it burns goodwill, "
        "and word travels in a connected professional world.",
    ),
    Principle(
        "synchronous",
        "Negotiate live, not by email",
        "Dear Professor, point 2",
        "Only good news and updates belong in email; a live call builds rapport "
        "and leaves room to adjust and solve the problem together.",
    ),
    Principle(
        "employer_perspective",
        "Frame it from the employer's side",
        "Dear Professor, point 3",
        "A request framed around the organization's goals (clients, team, "
        "strategy), backed by evidence, gives the manager a reason to say yes.",
    ),
    Principle(
        "commitment",
        "Acknowledge your commitment",
        "Dear Professor, point 1",
        "After accepting an offer, reaffirming your commitment keeps the request "
        "from sounding like one foot out of the door.",
    ),
    Principle(
        "discretion",
        "Keep your alternative private",
        "Dear Professor, point 2",
        "Mentioning the other offer (your BATNA) turns a joint problem into "
        "leverage, and leverage after accepting reads as a threat.",
    ),
    Principle(
        "contingency",
        "Have a contingency plan",
        "Dear Professor, point 4",
        "If the answer is no, a fallback such as an onboarding extension keeps "
        "the relationship and buys time to decide.",
    ),
    Principle(
        "collaboration",
        "Look for win-win options",
        "Hart, Bear & Ren (2024)",
        "Candidates see negotiation as more zero-sum than managers do; options "
        "and questions about their needs find deals that work for both sides.",
    ),
    Principle(
        "professionalism",
        "Stay professional and cooperative",
        "Hart, Bear & Ren (2024)",
        "Reasonable asks made with interest and cooperation are how candidates "
        "reduce the (already small) risk of jeopardizing a deal.",
    ),
    Principle(
        "assertiveness",
        "Do negotiate",
        "Hart, Bear & Ren (2024)",
        "The fear is exaggerated: nearly every offer was upheld, yet almost half "
        "of candidates accepted as-is; a reasonable ask is expected.",
    ),
)

PRINCIPLE_IDS: tuple[str, ...] = tuple(p.id for p in PRINCIPLES)


def weight_of(weights, principle: str) -> float:
    """A principle's weight in a scenario: 1 when missing; 0 (or less) switches it off."""
    return float(weights.get(principle, 1.0))


def active_principles(weights) -> tuple[str, ...]:
    """The principles a scenario scores (weight above 0), in canonical order."""
    return tuple(p for p in PRINCIPLE_IDS if weight_of(weights, p) > 0)
PRINCIPLES_BY_ID: dict[str, Principle] = {p.id: p for p in PRINCIPLES}


@dataclass(frozen=True)
class ResearchFact:
    id: str
    value: float
    text: str


# Hart, Bear & Ren, "Negotiating Is Unlikely to Jeopardize Your Job Offer"
# (2024). The figures live in roleplay/coaching/content.yaml (one home), read
# on first use so that importing this module parses no YAML.
def __getattr__(name: str):
    if name in ("RESEARCH_FACTS", "RESEARCH_BY_ID"):
        from roleplay.coaching.load import coaching

        facts = tuple(ResearchFact(k, v, t) for k, (v, t) in coaching().research.items())
        globals()["RESEARCH_FACTS"] = facts
        globals()["RESEARCH_BY_ID"] = {f.id: f for f in facts}
        return globals()[name]
    raise AttributeError(name)
