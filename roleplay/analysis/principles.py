"""The coaching principles: whether a move was good, coaching-wise.

Tags say what a message does; principles say whether that helped, given the
scenario and the moment. The rubric (``rubric.py``) turns one into the other.
"""

from __future__ import annotations

from dataclasses import dataclass

# The ids and their order are a contract (scores, CSV columns, JSON), defined
# in roleplay/coaching/vocabulary.py; the words are content, in
# roleplay/coaching/content.yaml, read on first use.
from roleplay.coaching.vocabulary import PRINCIPLE_IDS


@dataclass(frozen=True)
class Principle:
    id: str
    name: str
    source: str
    why: str  # the seed's reasoning, in one sentence a learner can use
    short: str = ""  # for bars, 16 characters at most


def weight_of(weights, principle: str) -> float:
    """A principle's weight in a scenario: 1 when missing; 0 (or less) switches it off."""
    return float(weights.get(principle, 1.0))


def active_principles(weights) -> tuple[str, ...]:
    """The principles a scenario scores (weight above 0), in canonical order."""
    return tuple(p for p in PRINCIPLE_IDS if weight_of(weights, p) > 0)


@dataclass(frozen=True)
class ResearchFact:
    id: str
    value: float
    text: str


# Hart, Bear & Ren, "Negotiating Is Unlikely to Jeopardize Your Job Offer"
# (2024). The figures live in roleplay/coaching/content.yaml (one home), read
# on first use so that importing this module parses no YAML.
def __getattr__(name: str):
    if name in ("PRINCIPLES", "PRINCIPLES_BY_ID"):
        from roleplay.coaching.load import coaching

        texts = coaching().principles
        principles = tuple(Principle(pid, texts[pid]["name"], texts[pid]["source"], texts[pid]["why"], texts[pid]["short"]) for pid in PRINCIPLE_IDS)
        globals()["PRINCIPLES"] = principles
        globals()["PRINCIPLES_BY_ID"] = {p.id: p for p in principles}
        return globals()[name]
    if name in ("RESEARCH_FACTS", "RESEARCH_BY_ID"):
        from roleplay.coaching.load import coaching

        facts = tuple(ResearchFact(k, v, t) for k, (v, t) in coaching().research.items())
        globals()["RESEARCH_FACTS"] = facts
        globals()["RESEARCH_BY_ID"] = {f.id: f for f in facts}
        return globals()[name]
    raise AttributeError(name)
