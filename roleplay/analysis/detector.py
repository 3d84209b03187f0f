"""The behaviour-tag detector: ``detect(text) -> Detection``.

Deterministic and offline. The work is split in four steps:

1. :class:`~roleplay.analysis.message.Message` cleans a copy of the text
   (length-preserving, so offsets stay valid) and splits it into sentences;
2. one finder per tag in :mod:`roleplay.analysis.rules` looks for the
   phrasing of that tag, with negation scope and local vetoes;
3. :func:`_apply_conventions` applies the labelling conventions of
   PRINCIPLES.md that link tags (a threat naming the change wanted is also a
   ``specific_ask``, an option that changes the terms is a ``specific_ask``,
   ``accepts`` and ``capitulates`` never go together, ...);
4. the learned tagger (:mod:`.learned`, combined per tag by :mod:`.hybrid`)
   scores the whole message; per tag, the shipped model says how the rules
   and the model combine (see :mod:`.hybrid`), and the model may not add a
   tag the rules decided against on purpose. A tag only the model found
   gets the clause the model scores highest as its evidence.

Spans are offsets into the original text, so ``Detection.evidence`` quotes
the learner's own words.
"""

from __future__ import annotations

from . import rules as R
from .lexicon import ASK_FRAME, LazyPattern, rx
from .rules.common import HISTORY, MISSEND, REPORTED, SMALL_TALK, STRONG_REASON
from .message import Message, Span
from .tags import TAGS, Detection, canonical_order

TAGS_INDEX = {t: i for i, t in enumerate(TAGS)}

# Finders for the tags that stand on their own; the others are derived in
# _apply_conventions.
_FINDERS = {
    "threat": R.threat,
    "mentions_alternative": R.mentions_alternative,
    "requests_meeting": R.requests_meeting,
    "employer_benefit": R.employer_benefit,
    "personal_preference": R.personal_preference,
    "affirms_commitment": R.affirms_commitment,
    "asks_extension": R.asks_extension,
    "proposes_option": R.proposes_option,
    "asks_interests": R.asks_interests,
    "specific_ask": R.specific_ask,
    "capitulates": R.capitulates,
    "hostile": R.hostile,
    "zero_sum": R.zero_sum,
    "gratitude": R.gratitude,
    "accepts": R.accepts,
}


# Interruptions and asides ("give me one sec") in which a mention of the
# family or the dog is not a reason for anything.
_ASIDE = rx(r"\b(?:one|a) (?:sec|second|moment|minute)\b|\bjust so you know\b|\bfyi\b|\bheads[- ]up\b|\bhold on\b|\bbrb\b|\bbe right back\b|\bhang on\b|\bbear with me\b")

# Signs that a message argues or asks for something, which is what makes a
# personal circumstance a *reason*.
_REASONING = rx(
    r"\?|" + ASK_FRAME + r"|\b(?:because|since|as|so(?! you know)|given|which is why|that's why|means|"
    r"matters?|want|wanted|prefer|rather|love|hoping|hope|need|personal|selfishly|"
    r"can't|cannot|afford|reason|part of it|suits me|like|enjoy|dream|easier)\b"
)


# Tags that make a personal circumstance a reason for something.
_REQUEST_TAGS = frozenset({"specific_ask", "asks_extension", "proposes_option", "requests_meeting",
                           "threat", "asks_interests"})
# Words that press for something beside a rival's terms (a condition, a
# modal, an imperative): the mention may carry an ask after all.
_PRESSING = rx(r"\b(?:if|unless|or|otherwise|else|should|would|could|must|need|needs|want|wants|until|till|by|get me|give me|match|beat|pay|bump|raise|increase|cover|revise|for me)\b",
               yes=("The other company offers 140. Or you cover this until Friday.",),
               no=("To be honest, their base is $112,000 and only two days of office.",))
# Tags that make an apology undermine something (an ask of the learner's).
_ASKING = frozenset({"specific_ask", "asks_extension", "proposes_option", "requests_meeting", "threat"})
_POLITE_SORRY = rx(r"sorry for all (?:the|my|these|those) (?:questions|emails|messages|back and forth)\b")

# Tags that reported speech about other people can fake.
_REPORTABLE = ("threat", "zero_sum", "mentions_alternative", "specific_ask", "accepts", "capitulates")

_DECIDING = rx(r"\b(?:respond|reply|answer|decid\w*|decision|think|consider|till|until|by|deadline)\b")
_LATER = rx(r"\b(?:later|after|back|delay\w*|next month|push\w*|instead)\b")
_EARLIER = rx(r"\b(?:earlier|sooner|before|prepon\w*|forward)\b")


def rule_spans(text: str, *, trace: dict | None = None, hits: set | None = None,
               blocked: set | None = None) -> tuple[Message, dict[str, Span]]:
    """The rules' tags for ``text`` with their spans, conventions applied.

    With ``trace`` (a dict), fills ``trace[tag]`` with the id of the pattern
    that produced the tag's span, or ``"convention:..."`` for a tag the
    labelling conventions derived. With ``hits`` (a set), adds the id of
    every pattern that matched anywhere: the learned tagger reads them as
    features (a rule's cue is evidence, weighed by the model). With
    ``blocked`` (a set), adds the tags the rules decided *against* on
    purpose: a cue they found only in a negated clause ("I'm not going to
    pretend I have other offers"), or a tag a labelling convention removed
    (somebody else's threat, a condition on an acceptance). The learned
    tagger may not add those back (:func:`roleplay.analysis.hybrid.combine`).
    """
    msg = Message(text)
    spans: dict[str, Span] = {}
    tracing = trace is not None or hits is not None or blocked is not None
    for tag, finder in _FINDERS.items():
        negated_before = msg.negated_cues
        if not tracing:
            span = finder(msg)
        else:
            LazyPattern.trace = []
            try:
                span = finder(msg)
                found = LazyPattern.trace
            finally:
                LazyPattern.trace = None
            if hits is not None:
                hits.update(p.id for p, _, _ in found)
            # The tag's own cue matched, yet the finder said no: one of its
            # vetoes (a condition on an acceptance, a trade, somebody
            # else's words) decided against it.
            if span is None and blocked is not None and any(
                    p.id and p.id.startswith(_CUE_LISTS.get(tag, ("-",))) for p, _, _ in found):
                blocked.add(tag)
            if span is not None and trace is not None:
                trace[tag] = _pattern_for(span, found)
        if span is not None:
            spans[tag] = span
        elif blocked is not None and msg.negated_cues > negated_before:
            blocked.add(tag)
    before = dict(spans)
    ruled_out: set[str] = set()
    if hits is None:
        _apply_conventions(msg, spans, ruled_out)
    else:
        LazyPattern.trace = []
        try:
            _apply_conventions(msg, spans, ruled_out)
            hits.update(p.id for p, _, _ in LazyPattern.trace)
        finally:
            LazyPattern.trace = None
    if blocked is not None:
        blocked.update(set(before) - set(spans))
        blocked.update(ruled_out)
        blocked.difference_update(spans)
    if trace is not None:
        for tag, span in spans.items():
            if tag not in before or before[tag] != span:
                trace[tag] = "convention:" + _CONVENTION_NAMES.get(tag, "linked tags")
        for tag in set(before) - set(spans):
            trace[tag] = "dropped by convention (" + trace.get(tag, "?") + ")"
    return msg, spans


def rule_features(spans: dict, hits: set) -> list[str]:
    """What the learned tagger reads of the rules: the tags they gave and
    the patterns that matched."""
    return sorted(["tag:" + t for t in spans] + ["pat:" + h for h in hits if h])


# Tags whose finders veto a cue to apply a labelling convention (a trade is
# not giving in, a conditional acceptance is a counter-offer, a disavowal is
# not a threat, delight is not sarcasm, a cooperative "win" is not zero-sum):
# the cue lists that, when they match but the finder says no, block the
# model from adding the tag. Other finders reject most of their cues for
# want of an ask frame, which is no decision against the tag.
_CUE_LISTS: dict[str, tuple[str, ...]] = {
    "threat": ("pressure.consequence.", "pressure.ultimatum."),
    "mentions_alternative": ("pressure.alternative.",),
    "zero_sum": ("pressure.zero_sum.",),
    "capitulates": ("tone.capitulate.",),
    "hostile": ("tone.hostile.",),
    "gratitude": ("tone.thanks.",),
    "accepts": ("tone.accept.", "tone.staying."),
}

_CONVENTION_NAMES = {
    "specific_ask": "a threat, option or later start that names a change of terms",
    "asks_extension": "a later start is also more time",
}


def _pattern_for(span: Span, hits: list) -> str:
    """The id of the pattern whose match best explains ``span``."""
    best, key = None, None
    for pat, a, b in hits:
        overlap = min(b, span[1]) - max(a, span[0])
        k = (a == span[0] and b == span[1], overlap)
        if overlap > 0 and (key is None or k > key):
            best, key = pat, k
    return best.id if best is not None and best.id else "rule"


def detect(text: str) -> Detection:
    """Analyse one learner message into behaviour tags with evidence spans.

    Never raises on a ``str``; anything else is treated as its ``str()``.
    Only the first :data:`~roleplay.analysis.normalize.MAX_CHARS` characters
    are analysed.
    """
    return analyse(text)[0]


def analyse(text: str, *, explain: bool = False) -> tuple[Detection, dict[str, dict]]:
    """``detect`` with, when ``explain``, what decided each tag: per tag the
    rule pattern (or convention), the model's score and threshold, and the
    strategy the shipped model uses for it (see :mod:`.hybrid`)."""
    if not isinstance(text, str):
        text = "" if text is None else str(text)
    if not text.strip():
        return Detection(text=text), {}
    trace: dict[str, str] | None = {} if explain else None
    # The patterns that matched are model features only for a model trained
    # with them (scripts/tagger_lab.py RULE_SCALE; the shipped one is not).
    hits: set[str] | None = set() if USE_LEARNED and hybrid_uses_rule_features() else None
    blocked: set[str] = set()
    msg, spans = rule_spans(text, trace=trace, hits=hits, blocked=blocked)
    if not USE_LEARNED:
        tags = set(spans)
        why = {t: {"decided_by": "rule", "pattern": (trace or {}).get(t)} for t in tags} if explain else {}
        return Detection(text=text, tags=canonical_order(tags), spans=spans), why
    from . import hybrid

    model = hybrid.model()
    probs = hybrid.message_scores(msg, model, rule_features(spans, hits or set()))
    tags = hybrid.combine(set(spans), probs, model, blocked)
    final_spans = {t: spans[t] for t in tags if t in spans}
    for tag in tags - set(spans):
        final_spans[tag] = hybrid.best_clause(msg, tag, model)
    why: dict[str, dict] = {}
    if explain:
        for tag in sorted(set(spans) | tags | {t for t, p in probs.items() if p >= 0.25}, key=TAGS_INDEX.get):
            rule = tag in spans
            p, th = probs[tag], model.thresholds[tag]
            by = ("rule+model" if rule and p >= th else "rule" if rule else "model" if p >= th else "-")
            if tag not in tags:
                by = "not tagged" + (" (the rules' negation or a convention)" if tag in blocked and p >= th else "")
            why[tag] = {"tagged": tag in tags, "decided_by": by, "strategy": model.strategy.get(tag, "union"),
                        "pattern": (trace or {}).get(tag), "score": p, "threshold": th}
    return Detection(text=text, tags=canonical_order(tags), spans=final_spans), why


def hybrid_uses_rule_features() -> bool:
    from . import hybrid

    return hybrid.model().uses_rule_features


# When False, ``detect`` is the hand-written rules alone (scripts compare
# the two; the tutor always runs with the model).
USE_LEARNED = True


def _apply_conventions(msg: Message, spans: dict[str, Span], ruled_out: set[str] | None = None) -> None:
    """Link tags the way PRINCIPLES.md's labelling conventions ask.

    ``ruled_out`` (a set) receives the tags a convention rules out even
    when no rule found them, so that the learned tagger may not add them.
    """
    if ruled_out is None:
        ruled_out = set()
    # A later start is both more time and a change to the terms.
    later = R.later_start(msg)
    if later:
        spans.setdefault("asks_extension", later)
        spans.setdefault("specific_ask", later)

    # Changing the start date is, in practice, asking to start later.
    ask = spans.get("specific_ask")
    if ask and "asks_extension" not in spans and "start" in msg.norm[ask[0]:ask[1]] \
            and _LATER.search(msg.norm) and not _EARLIER.search(msg.norm):
        spans["asks_extension"] = ask

    # A threat that names the change wanted is also a specific ask.
    if "threat" in spans and "specific_ask" not in spans:
        demand = R.threat_names_change(msg, spans["threat"]) or R.place_or_term_demand(msg)
        if demand:
            spans["specific_ask"] = demand
    # A place ask such as "Is Denver at all possible?", "I'm curious whether
    # Denver is possible".
    if "specific_ask" not in spans:
        demand = R.place_or_term_demand(msg)
        if demand:
            spans["specific_ask"] = demand

    # "I'll walk if the base doesn't move": the condition of a threat is
    # not a proposal.
    if "threat" in spans and "proposes_option" in spans:
        if msg.sentence_at(spans["threat"][0]) == msg.sentence_at(spans["proposes_option"][0]):
            del spans["proposes_option"]

    # "Would it be acceptable if I respond by Wednesday?": more time to
    # decide, asked as an option, is asks_extension only.
    opt = spans.get("proposes_option")
    ext = spans.get("asks_extension")
    if opt and ext and not later and msg.sentence_at(opt[0]) == msg.sentence_at(ext[0]) \
            and _DECIDING.search(msg.norm, ext[0], ext[1]):
        del spans["proposes_option"]
        if spans.get("specific_ask") == opt:
            del spans["specific_ask"]

    # An option that changes the terms is also a specific ask.
    if "proposes_option" in spans:
        spans.setdefault("specific_ask", spans["proposes_option"])

    # Asking and taking it back in one go ("I was going to ask ..., but
    # please disregard") is no ask at all.
    cap = spans.get("capitulates")
    if cap and "specific_ask" in spans and msg.norm[cap[0]:cap[1]].startswith("i was going to ask"):
        del spans["specific_ask"]

    # Accepting the manager's proposal restates its terms (often echoing
    # them as a question, "A 5k bonus instead? Deal."): not a new ask.
    if "accepts" in spans and "capitulates" not in spans:
        for tag in ("proposes_option", "specific_ask", "asks_extension"):
            spans.pop(tag, None)

    # Personal circumstances count when given as a reason for something,
    # not as small talk ("sorry, my dog is barking").
    if "personal_preference" in spans and _ASIDE.search(msg.norm) and not _REASONING.search(msg.norm):
        del spans["personal_preference"]

    # A relative, a pet or a commute mentioned as news ("my partner says hi",
    # "my grandfather worked in your Denver building back when ...") with no
    # request in the message and no word that makes it a reason.
    if "personal_preference" in spans and not (_REQUEST_TAGS & spans.keys()) \
            and (SMALL_TALK.search(msg.norm) or HISTORY.search(msg.norm) or MISSEND.search(msg.norm)
                 or REPORTED.search(msg.norm)) \
            and not STRONG_REASON.search(msg.norm):
        del spans["personal_preference"]

    # "Sorry for all the questions!" with nothing asked is politeness.
    cap = spans.get("capitulates")
    if cap and msg.norm.startswith("sorry", cap[0]) and not (_REQUEST_TAGS & spans.keys()) \
            and _POLITE_SORRY.search(msg.norm, cap[0]):
        del spans["capitulates"]

    # An apology is capitulating only when it undermines an ask (PRINCIPLES.md:
    # "sorry for the typo" is not; "sorry, sorry, forget it if it's a pain"
    # is): "sorry again, bye!", an off-topic "sorry", thanks with an apology
    # for the drama give nothing up. An acceptance with an apology stays the
    # corpus's "giving in" (accepts and capitulates below).
    if not (_ASKING & spans.keys()) and "accepts" not in spans and R.apology_only(msg):
        spans.pop("capitulates", None)
        ruled_out.add("capitulates")

    # A message sent by mistake ("sorry sorry, wrong thread") withdraws no ask.
    if "capitulates" in spans and "specific_ask" not in spans and MISSEND.search(msg.norm):
        del spans["capitulates"]

    # Somebody else's words or deeds ("a colleague joked that I should say
    # I'd walk", "some people play hardball"): the cue is not the learner's.
    for tag in _REPORTABLE:
        span = spans.get(tag)
        if span is None:
            continue
        sa, sb = msg.sentence_at(span[0])
        rep = REPORTED.search(msg.norm, sa, sb)
        if rep and rep.start() <= span[0]:
            del spans[tag]

    # accepts and capitulates never go together: giving in out of fear wins.
    if "capitulates" in spans:
        spans.pop("accepts", None)

    # Agreeing to a call time is requests_meeting only.
    if "accepts" in spans and "requests_meeting" in spans:
        a = msg.sentence_at(spans["accepts"][0])
        if a == msg.sentence_at(spans["requests_meeting"][0]):
            del spans["accepts"]

    # Sarcastic thanks is hostile, not gratitude (finder vetoes most; this
    # catches thanks in the very sentence that is hostile).
    if "hostile" in spans and "gratitude" in spans:
        if msg.sentence_at(spans["hostile"][0]) == msg.sentence_at(spans["gratitude"][0]):
            del spans["gratitude"]

    # Words the model has learned from other contexts, vetoed where the rules
    # know better: a warm formula ("Enjoy your evening.", "very nice to be
    # speaking with you", "how was your weekend?") with no hostile cue is not
    # hostility; taking back a resignation is not a threat.
    if "hostile" not in spans and R.warm(msg):
        ruled_out.add("hostile")
    if "threat" not in spans and R.threat_ruled_out(msg):
        ruled_out.add("threat")
    # "Is the four-day office rule a company thing, or could our team
    # decide?": a question about the constraint, not an ask for a change.
    if not (spans.keys() & {"specific_ask", "proposes_option"}) and R.constraint_questions_only(msg):
        ruled_out.update(("specific_ask", "proposes_option"))
    # "Hi. How's the team?" is small talk, not a question about its needs.
    if "asks_interests" not in spans and R.small_talk_questions_only(msg):
        ruled_out.add("asks_interests")
    # Another employer's terms stated as a fact ("their base is $112,000",
    # "Northwind offered a hundred and twelve") with nothing asked: the
    # mention is the move (like a deadline with no consequence attached).
    if "mentions_alternative" in spans and not (spans.keys() & {"specific_ask", "threat", "proposes_option", "asks_extension"}) \
            and not R.asks_something(msg) and not _PRESSING.search(msg.norm) and R.rival_terms_only(msg):
        ruled_out.add("specific_ask")


# Every rule pattern gets its id once the rule modules are all loaded.
R.assign_ids()
