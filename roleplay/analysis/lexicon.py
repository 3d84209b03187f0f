"""Word lists shared by the tag rules, and the pattern compiler ``rx``.

The lists are regex alternations over *normalised* (lower-cased, straight
quote) text. Keep them about how people phrase things in general, not about
particular example sentences.
"""

from __future__ import annotations

import re
from typing import Iterator


class LazyPattern:
    """A rule regex, compiled on first use and searched quickly.

    * The rule modules hold a few hundred patterns; compiling them all at
      import would cost ~0.15 s of start-up, so each compiles when first
      needed (or all at once via :func:`compile_all`).
    * A leading ``\\b`` stops ``re`` from skipping ahead by first letter,
      which makes a search ~4x slower. It is stripped from the compiled
      pattern and checked on each match instead (a match may not start in
      the middle of a word).
    """

    __slots__ = ("pattern", "id", "yes", "no", "_source", "_boundary", "_compiled")
    _registry: list["LazyPattern"] = []
    #: While a list, every successful search appends ``(pattern, start, end)``
    #: to it: how ``detect --explain`` learns which pattern decided a tag.
    trace: list | None = None

    def __init__(self, pattern: str, *, id: str | None = None, yes: tuple[str, ...] = (),
                 no: tuple[str, ...] = ()):
        self.pattern = pattern
        # ``id`` is given by the rule modules' owner (see rules.assign_ids);
        # ``yes``/``no`` are messages the pattern must / must not match,
        # tested one by one in tests/test_rule_patterns.py.
        self.id = id
        self.yes = tuple(yes)
        self.no = tuple(no)
        stripped = _strip_leading_boundaries(pattern)
        self._boundary = stripped is not None
        self._source = stripped if stripped is not None else pattern
        self._compiled: re.Pattern[str] | None = None
        LazyPattern._registry.append(self)

    def compiled(self) -> re.Pattern[str]:
        if self._compiled is None:
            self._compiled = re.compile(self._source)
        return self._compiled

    def _ok(self, m: re.Match[str]) -> bool:
        if not self._boundary:
            return True
        s = m.start()
        if s == 0 or s == m.end():
            return True
        string = m.string
        return not (_is_word(string[s]) and _is_word(string[s - 1]))

    def search(self, string: str, pos: int = 0, endpos: int | None = None) -> re.Match[str] | None:
        c = self.compiled()
        end = len(string) if endpos is None else endpos
        m = c.search(string, pos, end)
        while m is not None and not self._ok(m):
            # Resume at the next word start, not the next character: keeps
            # a long run of letters from costing one search per letter.
            nxt = m.start() + 1
            while nxt < end and _is_word(string[nxt]):
                nxt += 1
            m = c.search(string, nxt, end)
        if m is not None and LazyPattern.trace is not None:
            LazyPattern.trace.append((self, m.start(), m.end()))
        return m

    def match(self, string: str, pos: int = 0, endpos: int | None = None) -> re.Match[str] | None:
        m = self.compiled().match(string, pos, len(string) if endpos is None else endpos)
        return self._traced(m) if m is not None and self._ok(m) else None

    def fullmatch(self, string: str, pos: int = 0, endpos: int | None = None) -> re.Match[str] | None:
        m = self.compiled().fullmatch(string, pos, len(string) if endpos is None else endpos)
        return self._traced(m) if m is not None and self._ok(m) else None

    def _traced(self, m: re.Match[str]) -> re.Match[str]:
        if LazyPattern.trace is not None:
            LazyPattern.trace.append((self, m.start(), m.end()))
        return m

    def finditer(self, string: str, pos: int = 0, endpos: int | None = None) -> Iterator[re.Match[str]]:
        end = len(string) if endpos is None else endpos
        while pos <= end:
            m = self.search(string, pos, end)
            if m is None:
                return
            yield m
            pos = m.end() if m.end() > m.start() else m.end() + 1

    def __repr__(self) -> str:
        return f"LazyPattern({self.pattern[:60]!r})"


def _is_word(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


_SPECIAL = re.compile(r"\\.|[\[\]()|]", re.S)


def _top_level_branches(pattern: str) -> list[str] | None:
    """Split ``pattern`` at top-level ``|`` (None if it can't be parsed).

    Walks only the special characters (escapes, brackets, parentheses,
    bars), not every character: this runs for every rule pattern at import.
    """
    branches, depth, in_class, start = [], 0, False, 0
    skip_to = -1
    for tok in _SPECIAL.finditer(pattern):
        i = tok.start()
        if i < skip_to:
            continue
        c = tok.group(0)
        if len(c) == 2:  # an escape
            continue
        if in_class:
            if c == "]":
                in_class = False
        elif c == "[":
            in_class = True
            if pattern[i + 1:i + 2] == "]":
                skip_to = i + 2  # "[]...]": the first "]" is literal
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif c == "|" and depth == 0:
            branches.append(pattern[start:i])
            start = i + 1
    if depth != 0 or in_class:
        return None
    branches.append(pattern[start:])
    return branches


_LITERAL_START = re.compile(r"\\b(?:\(\?:)*[a-z]")


# Where a match may not start in the middle of a word: exactly what
# ``LazyPattern._ok`` accepts, as a regex (Python's \\w is isalnum() or "_").
_NOT_MID_WORD = r"(?:(?<!\w)|(?!\w))"


def _strip_leading_boundaries(pattern: str) -> str | None:
    """``pattern`` without the ``\\b`` that starts every top-level branch,
    or None when not every branch starts with one."""
    branches = _top_level_branches(pattern)
    # Only where a literal letter follows: a branch starting "\\b\\w+" would
    # be tried at every letter of a long word.
    if not branches or not all(_LITERAL_START.match(b) for b in branches):
        return None
    # A branch whose match need not start with a letter ("\\b(?:an? )?\\d+",
    # "\\b(?:the|\\w+)") would also be tried at every digit of a long number,
    # and scan the rest of it each time: quadratic, 0.3 s at the cap. Such a
    # branch keeps a cheap guard that refuses a start inside a word.
    return "|".join(b[2:] if _starts_with_letter(b[2:]) else _NOT_MID_WORD + b[2:] for b in branches)


def _group_end(pattern: str, i: int) -> int | None:
    """The index of the ``)`` closing the group opened at ``pattern[i]``."""
    depth, in_class = 0, False
    for tok in _SPECIAL.finditer(pattern, i):
        c = tok.group(0)
        if len(c) == 2:
            continue
        if in_class:
            in_class = c != "]"
        elif c == "[":
            in_class = True
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
            if depth == 0:
                return tok.start()
    return None


def _skip_quantifier(seq: str) -> tuple[bool, str]:
    """(whether ``seq`` starts with a quantifier that allows none, the rest after it)."""
    if seq[:1] in ("?", "*"):
        rest = seq[1:]
        return True, rest[1:] if rest[:1] in ("?", "+") else rest
    if seq.startswith("{0"):
        end = seq.find("}")
        return True, seq[end + 1:] if end >= 0 else ""
    return False, seq


def _starts_with_letter(seq: str) -> bool:
    """Every match of the regex sequence ``seq`` starts with a lower-case
    letter written out (conservative: False when unsure)."""
    if "a" <= seq[:1] <= "z":
        optional, rest = _skip_quantifier(seq[1:])
        return not optional or _starts_with_letter(rest)
    if not seq.startswith("(?:"):
        return False
    end = _group_end(seq, 0)
    inner = _top_level_branches(seq[3:end]) if end is not None else None
    if not inner or not all(_starts_with_letter(b) for b in inner):
        return False
    optional, rest = _skip_quantifier(seq[end + 1:])  # type: ignore[operator]
    return not optional or _starts_with_letter(rest)


def compile_all() -> int:
    """Compile every rule pattern now (e.g. before a latency benchmark)."""
    for p in LazyPattern._registry:
        p.compiled()
    return len(LazyPattern._registry)


def rx(pattern: str, *, yes: tuple[str, ...] = (), no: tuple[str, ...] = (),
       id: str | None = None) -> LazyPattern:
    r"""Compile a rule pattern written in a readable shorthand.

    * an apostrophe is optional, so ``don't`` also matches ``dont`` and
      ``i'm`` matches ``im`` (learners often skip them);
    * ``you`` also matches text-speak ``u``;
    * a space matches any run of whitespace, " ?" optional whitespace;
    * a filler word ``(?:\w+ )`` also takes "team's", "$96k", "six-month".
    """
    # "you" also matches text-speak "u" (but not "your").
    src = re.sub(r"(?<![a-z\\])you(?![a-z'])", r"(?:you|u\\b)", pattern)
    src = src.replace("'", "'?").replace(" ?", r"\s*").replace(" ", r"\s+")
    # A filler word "(?:\w+ )" also takes "team's", "$96k", "50%", "six-month".
    src = src.replace(r"(?:\w+\s+)", r"(?:[\w'$%-]+\s+)")
    return LazyPattern(src, id=id, yes=yes, no=no)


def alt(*words: str) -> str:
    """A non-capturing alternation of ``words``."""
    return "(?:" + "|".join(words) + ")"


# --- negation ---------------------------------------------------------------

NEGATORS = frozenset(
    """not no never nothing without cannot can't cant don't dont doesn't doesnt
    didn't didnt isn't isnt aren't arent wasn't wasnt weren't werent won't wont
    wouldn't wouldnt couldn't couldnt shouldn't shouldnt haven't havent hasn't
    hasnt hadn't hadnt ain't aint nor neither""".split()
)

# --- what the terms of an offer are made of ---------------------------------

# Things a candidate can ask to change (pay, place, time, title, perks).
TERM = alt(
    r"salary", r"base(?: pay| salary)?", r"pay\b", r"compensation", r"comp\b", r"number",
    r"offer", r"package", r"bonus(?:es)?", r"sign(?:ing|-on| on)[- ]bonus", r"sign-on", r"equity",
    r"stock", r"options", r"rsus?", r"shares", r"title", r"level", r"grade", r"band",
    r"remote(?:ly)?", r"hybrid", r"wfh", r"work(?:ing)? from home", r"from home",
    r"relocat\w*", r"moving (?:costs|expenses|allowance)", r"housing",
    r"office", r"location", r"placement", r"posting", r"branch", r"site", r"city",
    r"transfer", r"based (?:in|out of)", r"start(?:ing)? date", r"start", r"first day",
    r"joining date", r"onboarding", r"pto", r"vacation", r"holiday(?:s| allowance)",
    r"leave", r"days off", r"budget", r"stipend", r"allowance", r"tuition",
    r"raise", r"increase", r"bump", r"\$ ?\d[\d,.]*k?", r"\d+(?:\.\d+)? ?k\b",
    r"\d{2,3}(?:,\d{3})?\b", r"seat", r"desk", r"schedule", r"hours",
    r"four-day week", r"flex\w*",
)

# A request frame: the grammatical shapes of asking for something.
ASK_FRAME = alt(
    r"(?:could|can|may|might) (?:i|we|you)\b", r"(?:could|can|might) (?:the|my|it|that|this|part|some)\b",
    r"would (?:it|you|that|there|a|an|the|i|we)\b",
    r"(?:is|are|would) (?:it|there|that) (?:at all )?(?:be )?(?:possible|any|an option|room|a chance|a way|doable|feasible|workable)",
    r"is it possible", r"would it be possible", r"any chance", r"any way",
    r"is there (?:any|some|a)\b", r"(?:any|some) (?:room|flexibility|wiggle room|movement)",
    r"i'd (?:like|love|prefer|want) to (?:ask|request|propose|see|have|get|be|start|work|move|discuss|defer|push)",
    r"i would (?:like|love|prefer) to (?:ask|request|propose|see|have|get|be|start|work|move|defer|push)",
    r"i (?:want|wanted|was hoping|am hoping|'m hoping|hope) (?:to ask|to request|to see if|for)",
    r"i'd (?:also |really |just |then )?like\b", r"i would (?:also |really )?like\b", r"i'm hoping", r"i was hoping", r"i'm asking", r"i am asking",
    r"(?:kindly|please) (?:consider|allow|let|approve)",
    r"it (?:is|was|would be) (?:\w+ )?(?:hoped|appreciated|requested|preferred|welcomed)",
    r"request(?:ing)? (?:a|an|that|if|whether|to)", r"i need\b", r"i'd need\b", r"i really need\b", r"i'd (?:really |so )?love\b", r"if at all possible",
    r"i'd (?:much )?(?:prefer|want)\b", r"i would (?:much )?(?:prefer|want)\b", r"if you (?:can|could) (?:swing|manage|make|do|stretch)\b",
    r"would (?:really |honestly )?(?:make (?:a|all the) (?:\w+ )?difference|mean (?:a lot|so much|the world))",
    r"(?:open|willing) to (?:consider|considering|moving|bumping|increasing|raising|adding|letting)",
    r"would you consider", r"be (?:open|willing) to",
    # What would settle it: "would go a long way", "would make this an easy
    # yes", "is what I'm after", "the one thing I'd push on".
    r"would (?:\w+ ){0,2}(?:go a long way|make (?:this|it|my decision|the decision|things) (?:an? )?(?:easy|easier|simple|simpler|no-brainer)|be an easy yes|get me (?:over the line|there|to yes)|seal (?:it|the deal)|clinch it|tip the (?:scales|balance)|suit me|work (?:best |better )?for me)",
    r"would (?:\w+ ){0,2}(?:be (?:a |an |the )?(?:life ?saver|godsend|huge help|big help|real help|game ?changer|cherry on top|dream)|put my mind at ease|help (?:a lot|enormously|hugely|massively))",
    r"(?:would|'d) (?:really |honestly |genuinely |so )?help(?: me| us)?\s*[.!]*$",
    r"(?:is|'s) what i'm (?:after|looking for|hoping for|asking for)", r"what i'd (?:need|want|be looking for)",
    r"(?:the )?(?:one|only|main|big) thing i'd (?:ask|push|want|need)", r"i'd push (?:on|for)\b", r"i'm looking at (?:something|around|about|closer|\$?\d)",
    r"(?:should|needs? to|has to|must) (?:really |ideally |at least )?(?:cover|include|reflect|match|be at|be closer|be higher|go up|come up|land|start with)\b",
    r"(?:wondering|wonder|asking|ask|curious|explore|exploring) (?:if|whether|the possibility)",
)

# Places a message might name in lower case; proper nouns are also found from
# capitalisation in the original text.
PLACE_WORDS = alt(
    r"denver", r"austin", r"chicago", r"seattle", r"boston", r"houston", r"dallas",
    r"new york", r"nyc", r"london", r"paris", r"berlin", r"toronto", r"vancouver",
    r"montreal", r"portland", r"atlanta", r"miami", r"phoenix", r"san francisco", r"sf",
    r"la", r"los angeles", r"san diego", r"philly", r"philadelphia", r"raleigh",
    r"charlotte", r"dublin", r"manchester", r"leeds", r"bristol", r"edinburgh",
    r"glasgow", r"madrid", r"lisbon", r"amsterdam", r"munich", r"sydney", r"melbourne",
    r"singapore", r"bangalore", r"bengaluru", r"pune", r"mumbai", r"delhi", r"lagos",
    r"nairobi", r"dubai", r"tokyo", r"minneapolis", r"detroit", r"nashville",
    r"salt lake(?: city)?", r"pittsburgh", r"baltimore", r"dc", r"washington",
    r"the (?:\w+ )?(?:office|branch|site|hub|location)", r"(?:east|west) coast",
)

OFFICE_LIKE = alt("office", "branch", "site", "location", "hub", "team", "desk", "seat", "posting", "placement")

# Relatives and personal circumstances that make a reason personal.
KIN = alt(
    r"partner", r"wife", r"husband", r"spouse", r"fianc[eé]e?", r"girlfriend", r"boyfriend",
    r"family", r"parents?", r"mum", r"mom", r"mother", r"dad", r"father", r"sister",
    r"brother", r"siblings?", r"kids?", r"children", r"child", r"son", r"daughter",
    r"toddler", r"baby", r"twins", r"newborn", r"grandparents?", r"grandmother", r"grandfather", r"in-laws",
    r"friends", r"dog", r"cat", r"folks", r"nan", r"gran",
)
