"""Conversation signals beside the behaviour tags: a goodbye, small talk.

These are not principles (PRINCIPLES.md's fifteen tags stay exact); they
tell a persona how a message stands in the conversation, so that "thanks,
see you on March 3!" closes an agreement and "how was your weekend?" gets a
friendly word instead of a non-sequitur. Persona conditions read them as
``goodbye`` and ``small_talk``.
"""

from __future__ import annotations

from .lexicon import rx
from .normalize import normalize

GOODBYE = rx(
    r"\b(?:(?:good)?bye(?: for now)?|bye-?bye|buh-?bye|see (?:you|ya|u)(?: (?:then|soon|later|on \w+|in \w+|at \w+|monday|tuesday|wednesday|thursday|friday|next \w+|(?:on )?(?:the )?\d{1,2}\w*|there))|"
    r"(?:talk|speak|chat) (?:to you |with you |w(?:/| )u )?(?:soon|later|then|tomorrow|next week|on \w+day)|ttyl|cya|laters|catch (?:you|ya|u) later|"
    r"take care(?! of)|have a (?:good|great|nice|lovely|wonderful) (?:day|evening|weekend|night|one|rest of (?:your|the) \w+)|"
    r"until (?:then|next time|monday|tuesday|wednesday|thursday|friday)|speak to you (?:then|soon)|"
    r"(?:i'?ll|we'?ll) (?:let you go|leave it there)|that'?s all (?:from me|for now)|signing off|over and out|cheerio|ciao|adios|hasta luego)\b",
    yes=("Thanks, see you on March 3!", "talk soon, bye", "Great, have a good weekend.", "ok ttyl"),
    no=("Could we talk about the start date?", "I'd like to see the numbers first.", "Take care of the letter, please: could we revisit the base?"),
)

SMALL_TALK = rx(
    r"\b(?:how (?:are|r) (?:you|u|things)|how'?s (?:it going|your (?:day|week|weekend|morning|afternoon|evening|team|family)|everything|life|the weather|things)|"
    r"how (?:was|is) your (?:day|week|weekend|morning|trip|holiday|vacation|evening)|how have you been|what'?s up|wassup|sup\b|"
    r"hope (?:you(?:'re| are)|you'?ve been|all is|this finds you) (?:well|good|doing well|great|having)|hope you had a (?:good|great|nice|lovely)|"
    r"(?:nice|lovely|good|great) (?:weather|day|to hear from you|to talk to you)|(?:the )?weather|weekend plans|"
    r"long time no (?:see|talk)|good (?:morning|afternoon|evening)|^(?:hi|hey|hello|hiya|yo|greetings)\b[\s!.,]*(?:\w+[\s!.,]*)?$)",
    yes=("hey! how's your week going?", "Good morning, how are you?", "Hope you had a lovely weekend."),
    no=("How do you usually decide on signing bonuses?", "How does the transfer process work?"),
)


def signals(text: str) -> frozenset[str]:
    """The signals a message carries: ``goodbye`` and/or ``small_talk``."""
    norm = normalize(text[:2000])
    out = set()
    if GOODBYE.search(norm):
        out.add("goodbye")
    if SMALL_TALK.search(norm):
        out.add("small_talk")
    return frozenset(out)


__all__ = ["GOODBYE", "SMALL_TALK", "signals"]
