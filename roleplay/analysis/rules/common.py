"""Helpers shared by several tag rules: question shapes, first person,
status-quo wording, fact questions, words that are not place names."""

from __future__ import annotations

import re

from ..lexicon import ASK_FRAME, rx

FIRST_PERSON = re.compile(r"\b(?:i|i'?m|i'?d|i'?ll|i'?ve|me|my|myself)\b")

STATUS_QUO = rx(r"\b(?:stays?|remains?|stay the same|is final|where it is|as it is)\b")

FACT_QUESTION = rx(r"\b(?:paid|pay out|paid out|calculated|vest\w*|taxable|taxed|pensionable|pro-?rated|included|address|floor|dress code|parking|time zone|laptop|start time|located)\b")

ASK_FRAME_RX = rx(ASK_FRAME)

WH_QUESTION = rx(
    r"^(?=[^\n]*\?)(?:[^,?]{0,40}, ?(?=what|how|who|could you|can you|would you|may i|can i|could i|do you know))?(?:\W*(?:so|and|also|but|ok|okay|like|just curious|quick question|curious)\W*)?"
    r"(?:(?:what|how|who|which|when|where|why)\b(?! (?:if|about)\b)|"
    r"(?:could|can|would) you (?:be able to )?(?:tell me|explain|let me know|confirm|clarify|share) (?:\w+ )?(?:how|what|when|where|whether|if|who)\b|"
    r"(?:can|may|could) i ask (?:how|what|who|when|whether)\b|do you know (?:how|what|who|when|whether|if)\b)")


NOT_A_PLACE = frozenset(
    "i you we he she they it this that there here the a an my your our monday tuesday wednesday "
    "thursday friday saturday sunday january february march april may june july august september "
    "october november december hr ceo".split()
)
