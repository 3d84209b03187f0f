"""Text clean-up for the tag detector, keeping offsets into the original.

Every step here is *length-preserving*: one character in, one character out.
That way a match found in the normalised copy has the same ``(start, end)``
offsets in the original message, and evidence spans need no offset map.

What is normalised:

* ANSI escape sequences, ``[bold]``-style markup and control characters
  become spaces;
* hesitation fillers ("um,", "uh", "hmm") become spaces;
* curly quotes and back-ticks become straight quotes;
* letters are lower-cased (characters whose lower case is longer, such as
  the Turkish dotted I, are kept as they are);
* emoji and other symbols are left alone (a few carry meaning: 🙄 🙃).

Missing apostrophes ("dont", "im") are *not* repaired here; the patterns
accept them instead (see :func:`roleplay.analysis.lexicon.rx`).
"""

from __future__ import annotations

import re

#: Only the first this-many characters are analysed: the same cap as a
#: learner's message in the tutor and in ``roleplay run``.
MAX_CHARS = 2000
#: A "sentence" longer than this (a voice-to-text run-on, a wall of "ok ok
#: ok") is cut into pieces of at most this size at a space. Every rule that
#: looks at a match's sentence then does bounded work, so tagging stays
#: linear in the message length.
MAX_SENTENCE = 320

_ANSI = re.compile(r"\x1b\[[0-9;?]*[ -/]*[@-~]|\x1b[@-_]")
_MARKUP = re.compile(r"\[/?[a-z][a-z0-9 _#=.-]{0,30}\]|\[/\]")
# Hesitation fillers carry no meaning but break patterns anchored at the start
# of a clause ("um, is the salary negotiable?"): blanked, with their comma.
_FILLERS = re.compile(r"(?<![\w'])(?:u+m+|u+h+|e+r+m+|h+m+)(?![\w'])[,.]*", re.IGNORECASE)
_QUOTES = str.maketrans({
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
    "`": "'", "\u00b4": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
    "\u2013": "-", "\u2014": "-", "\u2212": "-",
    "\u00a0": " ", "\u2009": " ", "\u202f": " ", "\u200b": " ",
})


def _blank(match: re.Match) -> str:
    return " " * (match.end() - match.start())


def _lower_same_length(text: str) -> str:
    low = text.lower()
    if len(low) == len(text):
        return low
    # Rare: a character whose lower case has another length (e.g. "İ").
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


def normalize(text: str) -> str:
    """Return a cleaned, lower-cased copy of ``text`` of exactly the same length.

    ``text`` should already be clipped (see :func:`clip`).
    """
    out = _ANSI.sub(_blank, text)
    out = _MARKUP.sub(_blank, out)
    out = _FILLERS.sub(_blank, out)
    out = out.translate(_QUOTES)
    # Control characters (tabs and newlines included) -> space; newlines are
    # kept as sentence breaks.
    out = "".join(
        "\n" if c in "\n\r" else (" " if (ord(c) < 32 or 127 <= ord(c) < 160) else c)
        for c in out
    )
    return _lower_same_length(out)


def clip(text: str) -> str:
    """The part of a message that is analysed (the first :data:`MAX_CHARS`)."""
    return text[:MAX_CHARS]


# A sentence ends at . ! ? ; or a newline, but not inside numbers ("8.5%",
# "$1.2k") or common abbreviations followed by a name ("Dr. Patel").
_SENT_END = re.compile(r"(?<!\bdr)(?<!\bmr)(?<!\bms)(?<!\bmrs)(?<!\bst)(?<!\d)[.!?;]+(?=\s|$|[\"')\]])|\n+|(?<=\d)\.(?=\s|$)")


def sentences(norm: str) -> list[tuple[int, int]]:
    """Split normalised text into sentence spans ``(start, end)``, stripped."""
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _SENT_END.finditer(norm):
        spans.append((start, m.end()))
        start = m.end()
    if start < len(norm):
        spans.append((start, len(norm)))
    out = []
    for a, b in spans:
        while a < b and norm[a].isspace():
            a += 1
        while b > a and norm[b - 1].isspace():
            b -= 1
        while b - a > MAX_SENTENCE:
            cut = norm.rfind(" ", a + MAX_SENTENCE // 2, a + MAX_SENTENCE)
            cut = cut if cut > a else a + MAX_SENTENCE
            out.append((a, cut))
            a = cut
            while a < b and norm[a].isspace():
                a += 1
        if b > a:
            out.append((a, b))
    return out
