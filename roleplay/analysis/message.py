"""A message prepared for the tag rules: original text, normalised copy,
sentence spans, and helpers for negation scope and pattern search."""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import Iterable, Iterator, Protocol

from .lexicon import NEGATORS
from .normalize import clip, normalize, sentences

Span = tuple[int, int]


class PatternLike(Protocol):
    """A compiled regex or a :class:`~roleplay.analysis.lexicon.LazyPattern`."""

    def finditer(self, string: str, *args: int) -> Iterator[re.Match[str]]: ...

# Where a clause starts, as far as negation scope is concerned: a negation
# before ", but" or ":" does not reach the words after it.
_CLAUSE_BREAK = re.compile(r"[,:(\"-]|\b(?:but|so|and|because|though|although|if|unless|just|or)\b")
_WORD = re.compile(r"[a-z']+")
# Negative words that intensify rather than negate.
_EMPHATIC = re.compile(
    r"\b(?:can'?t|cannot|couldn'?t) (?:tell you|express|wait)\b|\bnothing (?:will )?change[sd]?\b|"
    r"\bno matter\b|\bnot only\b|\bno doubt\b|\bno question\b|\bnever been more\b"
)


class Message:
    """One learner message, ready for pattern matching."""

    __slots__ = ("original", "norm", "sents", "_sent_starts", "negated_cues")

    def __init__(self, text: str):
        self.original = clip(text)
        self.norm = normalize(self.original)
        self.sents = sentences(self.norm)
        self._sent_starts = [a for a, _ in self.sents]
        #: How many cues were found negated ("I'm not going to walk"): the
        #: detector reads it per finder (see detector.rule_spans).
        self.negated_cues = 0

    # --- structure ------------------------------------------------------
    def sentence_at(self, pos: int) -> Span:
        """The sentence span containing offset ``pos`` (or the whole text)."""
        i = bisect_right(self._sent_starts, pos) - 1
        if i >= 0:
            a, b = self.sents[i]
            if pos < b:
                return a, b
        return 0, len(self.norm)

    @property
    def is_question(self) -> bool:
        return "?" in self.norm

    # --- negation -------------------------------------------------------
    def negated(self, start: int, window: int = 5) -> bool:
        """True if an odd number of negators precede ``start`` in its clause.

        Looks back at most ``window`` words, stopping at a clause break, so
        "I'm not going to pull out" is negated but "I'm not threatening
        anything, but I'll walk" is not. Two negations cancel ("I won't
        pretend I haven't talked to other firms").
        """
        a, _ = self.sentence_at(start)
        before = self.norm[max(a, start - 60):start]
        breaks = list(_CLAUSE_BREAK.finditer(before))
        if breaks:
            # A negation inside a condition ("if we can't get to 120, ...",
            # "unless you can't ...") states the condition, it does not
            # negate what follows.
            if breaks[-1].group(0) in ("if", "unless"):
                return False
            before = before[breaks[-1].end():]
        before = _EMPHATIC.sub(" ", before)
        words = _WORD.findall(before)
        # "without it, I'll walk": a clause-initial "without" states a
        # condition, it does not negate what follows.
        if words and words[0] == "without":
            words = words[1:]
        words = words[-window:]
        if sum(w in NEGATORS for w in words) % 2 == 1:
            self.negated_cues += 1
            return True
        return False

    # --- search ---------------------------------------------------------
    def find(self, patterns: Iterable[PatternLike], *, negatable: bool = False,
             window: int = 5, within: Span | None = None) -> Span | None:
        """The first (leftmost) match of any pattern, as a span.

        With ``negatable``, matches in a negated clause are skipped.
        """
        best: Span | None = None
        for m in self.iter_matches(patterns, negatable=negatable, window=window, within=within):
            if best is None or m[0] < best[0]:
                best = m
        return best

    def iter_matches(self, patterns: Iterable[PatternLike], *, negatable: bool = False,
                     window: int = 5, within: Span | None = None) -> Iterator[Span]:
        a, b = within if within else (0, len(self.norm))
        for p in patterns:
            for m in p.finditer(self.norm, a, b):
                if m.end() == m.start():
                    continue
                if negatable and self.negated(m.start(), window):
                    continue
                yield m.start(), m.end()
                break
