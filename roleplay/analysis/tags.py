"""The behaviour tags: what a learner's message *does*.

These ids are a stable contract (tests, ``roleplay detect``, graders and
persona rules rely on them); see PRINCIPLES.md of the coaching content.
The order here is the canonical order in which tags are reported.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from roleplay.coaching.vocabulary import TAG_DESCRIPTIONS, TAG_SET, TAGS  # noqa: F401  (defined there)


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
