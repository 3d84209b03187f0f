"""Conversation signals beside the behaviour tags: a goodbye, small talk.

These are not principles (PRINCIPLES.md's fifteen tags stay exact); they
tell a persona how a message stands in the conversation, so that "thanks,
see you on March 3!" closes an agreement, "how was your weekend?" gets a
friendly word instead of a non-sequitur, and "sorry, that was rude" can
repair. Persona conditions read them as ``goodbye``, ``small_talk`` and
``apology``.
"""

from __future__ import annotations

from .lexicon import rx
from .normalize import normalize

GOODBYE = rx(
    r"\b(?:(?:good)?bye+(?: for now)?|bye-?bye|buh-?bye|"
    r"(?:see|c) (?:you|ya|u)(?: (?:then|soon|later|there|in \w+|at \w+|on \w+|(?:on )?(?:monday|tuesday|wednesday|thursday|friday)|next \w+|(?:on )?(?:the )?\d{1,2}\w*|(?:on )?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\w*))|"
    r"we see (?:in|on|the) \w+|until (?:soon|then|next time|we (?:meet|speak)|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\w*)|"
    r"look(?:ing)? forward to (?:seeing|meeting) you|"
    r"(?:talk|speak|chat) (?:to you |with you |w(?:/| )u )?(?:soon|later|then|tomorrow|next week|on \w+day)|ttyl|cya|laters|catch (?:you|ya|u) later|"
    r"take care(?! of)|have a (?:good|great|nice|lovely|wonderful) (?:day|evening|week|weekend|night|one|rest of (?:your|the) \w+)|have (?:nice|good) (?:day|week|weekend)(?!\s*\?)|"
    r"speak to you (?:then|soon)|(?:i'?ll|we'?ll) (?:let you go|leave it there)|that'?s all (?:from me|for now)|signing off|over and out|cheerio|ciao|adios|hasta luego|"
    r"i'?(?:ll| will) (?:watch|look out|keep an eye out|wait|await|be waiting|look) (?:out )?(?:for )?(?:the|your|my)? ?(?:new |revised |updated |written |final )?(?:letter|contract|paperwork|confirmation|offer letter))\b",
    yes=("Thanks, see you on March 3!", "talk soon, bye", "Great, have a good weekend.", "ok ttyl", "thx again, see u june 23!!",
         "Until June, then.", "I'll watch for the revised letter, thanks.", "I look forward to seeing you on June 23."),
    no=("Could we talk about the start date?", "I'd like to see the numbers first.", "Take care of the letter, please: could we revisit the base?",
        "Could I have until Monday to decide?", "Best regards, Alex"),
)

SMALL_TALK = rx(
    r"\b(?:how (?:are|r) (?:you|u|things|they)|how'?s (?:it going|(?:your|ur|the) (?:day|week|weekend|morning|afternoon|evening|team|family)|everything|life|the weather|things)|"
    r"how (?:was|is|has|'s) (?:your|ur|the) (?:\w+ )?(?:day|week|weekend|morning|trip|holiday|vacation|evening|team)(?: been)?(?: going)?|how is going your|how have you been|what'?s up|wassup|sup\b|"
    r"(?:i )?(?:hope|trust|wish) (?:that )?(?:you|u|ur|your|all|everything|things|the team|this (?:email|message|mail|note) (?:finds|is finding) you)\b[^.?!]{0,40}\b(?:well|good|going|fine|nice|smooth|relaxing|lovely|decent|chill|busy|swamped|warm|keeping|crazy|hectic|start)\b|"
    r"(?:good|busy|long|quiet|nice) (?:week|day|weekend|season|morning)\s*[?]|(?:you|u) well\s*[?]|all (?:is )?(?:well|good|okay|ok) (?:at|with|on) (?:your|you)|everything is (?:okay|ok|good|fine) with you|"
    r"(?:nice|lovely|good|great) (?:weather|to hear from you|to talk to you|to speak (?:with|to) you)|(?:the )?weather|weekend plans|(?:cold|freezing|raining|snowing|sunshine|warm) (?:yet|there|over there|in \w+)|"
    r"long time no (?:see|talk)|good (?:morning|afternoon|evening)|greetings|namaste|happy new year|"
    r"^(?:hi+|hey+|hello|hiya|yo|morning|afternoon)\b[\s!.,]*(?:\w+[\s!.,]*)?$)",
    yes=("hey! how's your week going?", "Good morning, how are you?", "Hope you had a lovely weekend.", "Hi. Good week?",
         "hii hope things at the office arent too crazy rn", "I trust all is well at your end?"),
    no=("How do you usually decide on signing bonuses?", "How does the transfer process work?", "I hope we can find a way to make Denver work."),
)


APOLOGY = rx(
    r"\b(?:sorry|apologi[sz]e|apologies|my apologies|my bad|i was (?:rude|out of line|wrong)|that was (?:rude|uncalled for|out of line|unfair)|"
    r"(?:i )?(?:take|took) (?:that|it) back|i shouldn'?t have (?:said|written)|forgive me|pardon my)\b",
    yes=("I'm sorry, that was rude of me.", "My apologies for the tone of my last email.", "my bad, that came out wrong"),
    no=("Thank you for explaining.", "Could we revisit the start date?"),
)

SIGNAL_DESCRIPTIONS: dict[str, str] = {
    "goodbye": "closes the conversation: a goodbye or sign-off (\"thanks, see you on March 3!\", \"talk soon, bye\")",
    "small_talk": "makes small talk: a greeting, how are you, the weekend, the weather",
    "apology": "apologizes, for a tone or a mistake (\"sorry, that was rude of me\")",
}
SIGNAL_NAMES = tuple(SIGNAL_DESCRIPTIONS)


def signals(text: str) -> frozenset[str]:
    """The signals a message carries: ``goodbye``, ``small_talk``, ``apology``."""
    norm = normalize(text[:2000])
    out = set()
    if GOODBYE.search(norm):
        out.add("goodbye")
    if SMALL_TALK.search(norm):
        out.add("small_talk")
    if APOLOGY.search(norm):
        out.add("apology")
    return frozenset(out)


__all__ = ["GOODBYE", "SMALL_TALK", "APOLOGY", "SIGNAL_NAMES", "SIGNAL_DESCRIPTIONS", "signals"]
