"""The coaching vocabulary: the behaviour tags and the principle ids.

Both are stable contracts (scores, CSV columns, JSON, persona rules, the
coaching content's cases). They live here, at the bottom of the coaching
package, so that the content can be checked against them without reaching up
into ``roleplay.analysis``; ``roleplay.analysis.tags`` and
``roleplay.analysis.principles`` re-export them under the same names.
"""

from __future__ import annotations

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

# The ids and their order are a contract (scores, CSV columns, JSON); the
# words are content, in roleplay/coaching/content.yaml, read on first use.
PRINCIPLE_IDS: tuple[str, ...] = (
    "no_threats", "synchronous", "employer_perspective", "commitment", "discretion", "contingency",
    "collaboration", "professionalism", "assertiveness",
)
