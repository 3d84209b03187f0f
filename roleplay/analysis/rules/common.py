"""Helpers shared by several tag rules: question shapes, first person,
status-quo wording, fact questions, words that are not place names."""

from __future__ import annotations

import re

from ..lexicon import ASK_FRAME, rx

# A figure said the way it is spoken (voice-to-text, calls): "one oh eight",
# "one twelve", "a hundred and six thousand", "ninety six k". Every part is a
# fixed word, so the pattern stays linear.
_UNIT = r"(?:one|two|three|four|five|six|seven|eight|nine)"
_TEEN = r"(?:ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)"
_TENS = r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
SPOKEN_AMOUNT = (
    rf"(?:{_UNIT} (?:oh {_UNIT}|{_TEEN}|{_TENS}(?:[ -]{_UNIT})?)"
    rf"|(?:a|one) hundred(?: and)?(?: (?:{_TEEN}|{_TENS}(?:[ -]{_UNIT})?|{_UNIT}))?(?: thousand| grand| k)?"
    rf"|{_TENS}(?:[ -]{_UNIT})? (?:thousand|grand|k))\b"
)
# A figure: digits with a currency or thousands ("$108,000", "110k", "96,000"),
# or spoken.
AMOUNT = r"(?:\$ ?\d[\d,.]*k?|\d{2,3}(?:,\d{3}|k)\b|" + SPOKEN_AMOUNT + ")"

FIRST_PERSON = re.compile(r"\b(?:i|i'?m|i'?d|i'?ll|i'?ve|me|my|myself)\b")

STATUS_QUO = rx(r"\b(?:stays?|remains?|stay the same|is final|where it is|as it is)\b",
    yes=("If the base stays where it is, I'd need more equity.", "So the offer is final?"),
    no=("I'm staying in Denver for now.",))

FACT_QUESTION = rx(r"\b(?:paid|pay out|paid out|calculated|vest\w*|taxable|taxed|pensionable|pro-?rated|included|address|floor|dress code|parking|time zone|laptop|start time|located|appear|appears|spelled|spelt|listed|printed)\b",
    yes=("How is the bonus calculated?", "When does the equity vest?"),
    no=("Could we increase the base pay?",))

ASK_FRAME_RX = rx(ASK_FRAME,
    yes=("Would it be possible to start in May?", "I was hoping for something closer to 120k."),
    no=("Thanks, the offer looks great.",))

WH_QUESTION = rx(
    r"^(?=[^\n]*\?)(?:[^,?]{0,40}, ?(?=what|how|who|could you|can you|would you|may i|can i|could i|do you know))?(?:\W*(?:so|and|also|but|ok|okay|like|just curious|quick question|curious)\W*)?"
    r"(?:(?:what|how|who|which|when|where|why)\b(?! (?:if|about)\b)|"
    r"(?:could|can|would) you (?:be able to )?(?:tell me|explain|let me know|confirm|clarify|share) (?:\w+ )?(?:how|what|when|where|whether|if|who)\b|"
    r"(?:can|may|could) i ask (?:how|what|who|when|whether)\b|do you know (?:how|what|who|when|whether|if)\b)",
    yes=("What does the bonus usually pay out?", "Quick question, how is the equity calculated?"),
    no=("What if we pushed the start to May?",))


NOT_A_PLACE = frozenset(
    "i you we he she they it this that there here the a an my your our monday tuesday wednesday "
    "thursday friday saturday sunday january february march april may june july august september "
    "october november december hr ceo".split()
)


# Somebody else's words or deeds, reported or imagined: "my buddy told me
# 'always ask for more'", "a colleague joked that I should say I'd walk",
# "some people play hardball", "my cousin negotiated her offer at a bank".
# A tag cue inside such a sentence is the other person's, not the learner's.
REPORTED = rx(
    r"\b(?:my|a|an|one of my|some|his|her|their|our) (?:[\w-]+ ){0,2}(?:friends?|buddy|buddies|mates?|colleagues?|co-?workers?|cousins?|brother|sister|dad|mum|mom|father|mother|"
    r"(?:old|former|previous|ex-?) (?:manager|boss|mentor)|professor|uncle|aunt|neighbou?rs?|people|folks|candidates?|classmates?|roommate|flatmate)(?: of mine)? "
    r"(?:\w+ ){0,2}(?:told me|tells me|said|says|joked|jokes|suggested|suggests|used to say|always says|swore|swears|keeps telling me|advised|reckons|negotiated|threatened|play|plays|tried)\b"
    r"|\b(?:he|she|they) (?:told me|said|joked|swore|reckons)\b|\bsome (?:people|candidates|folks)\b",
    yes=("My friend told me to always ask for more.", "Some people play hardball, but that's not me."),
    no=("I told my manager I'd think about it.",))

# Past-job history told as background: "back at my old job", "years ago".
HISTORY = rx(r"\b(?:back (?:at (?:my|the|our) |when|in (?:19|20)\d\d)|years ago|used to|once,|at my (?:old|last|previous|first) (?:job|company|place|firm|role|employer)|(?:i|we) worked (?:at|for|in)\b)",
    yes=("Back at my old job we got a signing bonus.", "Years ago I negotiated a four-day week."),
    no=("My last day at my current job is the 30th.",))

# Small talk and asides in which a relative, a pet or a commute is news,
# not a reason: "my partner says hi", "small world", "fun fact", "lol".
SMALL_TALK = rx(
    r"\b(?:(?:says?|said) hi|small world|fun fact|by the way|btw|off[- ]topic|(?:totally |completely |quite )?unrelated|random question|before i forget|out of curiosity|side note|on another note|(?:do you know|can you recommend|could you recommend|do you know of|any recommendations? for) (?:a|any|some) (?:good |decent |nice |cheap |reliable )?|lol|haha|ha|lmao|ignore (?:that|this|my) (?:last )?(?:email|message|text)|wrong (?:thread|chat|person|email)|"
    r"(?:barked|barking|crying|meowing|walked across)|slow to (?:reply|respond)|(?:reply|respond|answer|get back to you) (?:\w+ )?(?:properly |fully )?(?:after|later|tonight|tomorrow|when|once)|"
    r"(?:late|early) (?:to|for) (?:the|our|this) (?:call|meeting|chat)|visiting (?:this|next|for)|offline|out of (?:the )?office|away from my desk|at my desk|one sec|one second|hold on|hang on|bear with me|be right back|brb|"
    r"(?:sorry|apologies),? (?:for the|i'm|i was|my|you cut|that was))\b",
    yes=("Sorry, my dog barked halfway through that.", "By the way, my partner says hi."),
    no=("My partner would prefer we live near the coast.",))

# Why a personal circumstance is mentioned: words that make it a reason or
# a wish, not news.
STRONG_REASON = rx(
    r"\b(?:because|since|which is why|that's why|the reason|reasons?|matters?|important|prefer|rather|love|miss|want|wanted|hope|hoping|dream|selfishly|"
    r"personal(?:ly)?|easier|harder|happier|suits?|afford|need|needs|would|i'd|closer|nearer|near|realistic|honestly|truthfully|mostly|sick of|enjoy|main|carer|caring|look(?:ing)? after)\b",
    yes=("We'd like to be closer because of my mum.",),
    no=("My mum says hi.",))

# A message sent by mistake or a slip of the keyboard: not a withdrawn ask.
MISSEND = rx(r"\b(?:wrong (?:thread|chat|person|email|window|tab)|meant (?:for|to go to) (?:my|someone|a|another)|sent (?:that |this |it )?(?:by mistake|too early|early)|hit send|autocorrect|typo|walked (?:across|on) (?:the|my) (?:keyboard|laptop|phone)|pocket[- ]dial|butt[- ]dial)\b",
    yes=("Sorry, wrong thread!", "Ignore that, autocorrect got me."),
    no=("Sorry, that came out wrong.",))
