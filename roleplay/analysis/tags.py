"""The behaviour tags: what a learner's message *does*.

These ids are a stable contract (tests, ``roleplay detect``, graders and
persona rules rely on them); see PRINCIPLES.md of the coaching content.
The order here is the canonical order in which tags are reported.
"""

from __future__ import annotations

from dataclasses import dataclass, field

TAG_DESCRIPTIONS: dict[str, str] = {
    "threat": "issues an ultimatum or threatens a consequence to force the manager's hand",
    "mentions_alternative": "refers to a competing offer or the candidate's other options",
    "requests_meeting": "asks for, proposes or accepts a live conversation",
    "employer_benefit": "justifies the request by the organization's interests",
    "personal_preference": "justifies the request by the candidate's own wishes or circumstances",
    "affirms_commitment": "reaffirms commitment to the offer or enthusiasm for the role",
    "asks_extension": "asks for more time: a later start, time to decide, deferring",
    "proposes_option": "proposes a concrete trade-off or creative option for both sides",
    "asks_interests": "asks an open question about the manager's needs, process or norms",
    "specific_ask": "asks for a change to the terms (location, pay, bonus, remote, start date...)",
    "capitulates": "drops the request, accepts as-is out of fear, or over-apologizes",
    "hostile": "is rude, insulting, sarcastic, accusatory or aggressive",
    "zero_sum": "frames the negotiation as win-lose or adversarial",
    "gratitude": "thanks or expresses appreciation",
    "accepts": "accepts a proposal or agreement the manager offered",
}

TAGS: tuple[str, ...] = tuple(TAG_DESCRIPTIONS)
TAG_SET: frozenset[str] = frozenset(TAGS)


def canonical_order(tags) -> tuple[str, ...]:
    """Return ``tags`` de-duplicated, in the canonical order of ``TAGS``."""
    present = set(tags)
    return tuple(t for t in TAGS if t in present)


@dataclass(frozen=True)
class Detection:
    """The result of analysing one message.

    ``tags`` is in canonical order. ``spans`` maps a tag to the ``(start, end)``
    character offsets, in the *original* text, of the words that triggered it
    (absent where no single span did); ``evidence`` is the same span as text.
    """

    text: str
    tags: tuple[str, ...] = ()
    spans: dict[str, tuple[int, int]] = field(default_factory=dict)

    @property
    def evidence(self) -> dict[str, str]:
        return {t: self.text[a:b] for t, (a, b) in self.spans.items() if t in self.tags}

    def has(self, tag: str) -> bool:
        return tag in self.tags

    @classmethod
    def from_tags(cls, tags, text: str = "") -> "Detection":
        """A detection given directly as tags (test plans, tag-level tests)."""
        return cls(text=text, tags=canonical_order(tags))
