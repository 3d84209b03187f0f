"""The coaching rubric: behaviour tags + the moment -> principle feedback.

``assess_move`` looks at one learner message (its ``Detection``) and the
``MoveContext`` it was made in, and returns at most one ``Feedback`` per
principle, in the canonical order of ``PRINCIPLE_IDS``. Principles whose
weight in the context is 0 are skipped.

How it is organised:

* ``CASES`` holds every number and every word the rubric says, one table per
  principle. A case is one way a move can touch a principle (e.g. "a threat
  made after accepting"): its delta, the tag whose evidence is quoted, what
  the move did, why it matters (the seeds' reasoning) and, for negative
  deltas, a better approach per scenario.
* One small rule function per principle picks at most one case for a move.
  When several tags touch the same principle, the rule picks the case that
  matters most (a threat outweighs anything else, a capitulation outweighs
  the ask it withdraws, ...), so the learner reads one clear note.

Judgement calls beyond PRINCIPLES.md (documented here so the lead can
review them):

* ``discretion`` outside the post-acceptance case: mentioning an alternative
  is a mild -5 note. Before accepting, a competing offer is legitimate
  information (the research finds it gives candidates power), but it should
  be stated as a fact, not waved as leverage.
* ``contingency`` is only touched after a decline. Besides an extension,
  proposing another option after the "no" counts as a (smaller) fallback,
  since Dear Professor presents the extension as *one* option.
* ``employer_perspective``: evidence counts as concrete when it contains a
  number, money or percentage, a concrete business noun (client, account,
  project, revenue, ...) or a named team/office ("the Denver office").
* A message that mentions both the employer's benefit and a personal reason
  is scored as employer framing: the personal reason is fine as a secondary.
* ``assertiveness`` is not touched by an ask wrapped in a threat or hostility:
  that ask is not "reasonable", and the threat is already penalised.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable, Mapping

from .feedback import Feedback, MoveContext
from .normalize import clip, normalize, sentences
from .principles import PRINCIPLE_IDS, RESEARCH_BY_ID
from .tags import Detection

__all__ = ["assess_move", "assess_outcome", "negotiated", "NEGOTIATING", "Case", "CASES", "RULES", "is_concrete", "quote_evidence"]

# Longest quote shown in a message, in characters.
QUOTE_LIMIT = 110


def _fact(fact_id: str) -> str:
    """A research figure as written in prose: 4.6, 94, 46."""
    return f"{RESEARCH_BY_ID[fact_id].value:g}"


CAND_RISK = _fact("candidate_risk")
MGR_RISK = _fact("manager_risk")
UPHELD = _fact("offers_upheld")
AS_IS = _fact("accept_as_is")
ZS_CAND = _fact("zero_sum_candidate")


@dataclass(frozen=True)
class Case:
    """One way a move touches a principle, with everything the learner reads.

    ``note`` is a clause saying what the move did; the evidence is appended
    as a quote (or "in this message" when there is nothing to quote).
    ``suggestions`` maps a scenario id (or ``"*"`` for any other) to a better
    approach; it is required when ``delta`` is negative.
    """

    delta: int
    tag: str | None
    note: str
    why: str
    suggestions: Mapping[str, str] | None = None

    def suggestion(self, scenario: str) -> str | None:
        if not self.suggestions:
            return None
        return self.suggestions.get(scenario, self.suggestions["*"])


# ---------------------------------------------------------------------------
# All rubric wording and deltas, one table per principle.
# ---------------------------------------------------------------------------

_DP = "Dear Professor"
_HBR = "Hart, Bear and Ren's research"

_FALLBACK_AFTER_NO = {
    "reassignment": "Take the no calmly, then ask whether your onboarding date could be pushed back a few weeks; "
    "that buys time to weigh your options without burning the relationship.",
    "first_offer": "Take the no calmly and move to a fallback: another term that may be easier for them, "
    "such as a signing bonus, an early salary review or a later start, or a few days to think it over.",
    "*": "Take the no calmly and move to a fallback, such as more time before you start or a different "
    "arrangement that is easier for them to grant.",
}

CASES: dict[str, dict[str, Case]] = {
    "no_threats": {
        "kept_calm": Case(
            10,
            None,
            "You reached an agreement without a single threat or ultimatum",
            f"{_DP}: a request presented as a mutual problem, never as leverage, is what leaves goodwill for a yes.",
        ),
        "threat": Case(
            -60,
            "threat",
            "You made an ultimatum",
            f"{_DP}: leverage used this way is perceived as a threat, a tactic unlikely to foster goodwill, "
            "and the professional world is highly connected, so people talk.",
            {
                "reassignment": "Drop the condition and make it a request: say you are committed to joining, "
                "then ask whether a placement in the other office could work for them.",
                "first_offer": "Drop the condition and simply ask: name the change you want and why it works "
                "for them too, along the lines of asking whether there is room on the base salary.",
                "*": "Drop the condition and make a plain request, explaining why it would work for them too.",
            },
        ),
        "calm_after_decline": Case(
            15,
            None,
            "After their no, you answered calmly, without pressure",
            f"{_DP}: we always negotiate in the context of long-term relationships, and a calm reply to a "
            "no is what makes a fallback possible.",
        ),
        "ask_without_pressure": Case(
            10,
            "specific_ask",
            "You made your ask without attaching any pressure",
            f"{_DP}: a request presented as a chance to explore a mutual solution, not as leverage, keeps "
            "the goodwill you need for a yes.",
        ),
    },
    "synchronous": {
        "meeting_on_email": Case(
            20,
            "requests_meeting",
            "You asked to move this to a live conversation",
            f"{_DP}: a negotiation like this should never take place over email; a call builds rapport "
            "in real time, allows adjustments and makes room to solve the problem together.",
        ),
        "meeting_on_call": Case(
            10,
            "requests_meeting",
            "You kept the negotiation live",
            f"{_DP}: a synchronous conversation builds rapport and leaves room for collaborative "
            "problem-solving, which email does not.",
        ),
        "ask_on_email_with_meeting": Case(
            -5,
            "specific_ask",
            "You asked for a call, which is right, but you also put the ask itself in writing",
            f"{_DP}: only good news and updates belong in email; the ask itself is best made live, where "
            "you can build rapport and adjust.",
            {
                "*": "Keep the email to thanks and a request for a call, and save the specifics for the "
                "conversation itself.",
            },
        ),
        "ask_on_email": Case(
            -25,
            "specific_ask",
            "You made the ask by email",
            f"{_DP}: negotiation conversations like this should never take place over email; only good "
            "news and updates belong there, and a live call allows rapport and adjustments.",
            {
                "reassignment": "Hold the placement request for now: reply with thanks and ask for a short "
                "phone or video call with the decision-maker to discuss your start.",
                "first_offer": "Use the email only to ask for a quick call about the offer, then make the "
                "ask live, where you can hear their reaction and adjust.",
                "*": "Use the email only to ask for a short call, and make the request live.",
            },
        ),
    },
    "employer_perspective": {
        "benefit_concrete": Case(
            20,
            "employer_benefit",
            "You tied the request to the organization's interests, with specifics",
            f"{_DP}: showing how the change serves clients, strategy or specific needs, backed by "
            "evidence, gives the manager a reason to say yes.",
        ),
        "benefit": Case(
            10,
            "employer_benefit",
            "You framed the request from the organization's side",
            f"{_DP}: a request aligned with the company's objectives is easier to grant. It will land "
            "harder with evidence: a number, a client or a team that needs you.",
        ),
        "personal_only": Case(
            -15,
            "personal_preference",
            "You justified the request only with your own reasons",
            f"{_DP}: avoid framing a request solely around personal preferences; the manager needs a "
            "reason that serves the company.",
            {
                "reassignment": "Lead with what the move does for them, such as clients or projects you could "
                "support from that office or coverage the team needs there; keep personal reasons secondary.",
                "first_offer": "Anchor the ask in the value you bring, such as the skills or results that justify "
                "the number, or how the arrangement keeps you productive for the team.",
                "*": "Lead with how the change helps the organization, with evidence, and keep personal "
                "reasons secondary.",
            },
        ),
    },
    "commitment": {
        "threat_post_acceptance": Case(
            -50,
            "threat",
            "You put your signed acceptance on the table",
            f"{_DP}: once you have committed, using an offer as leverage reads as one foot out of the door, "
            "and word of such moves spreads and can harm your reputation.",
            {
                "reassignment": "Start by reaffirming that you are committed to joining, then ask whether a "
                "placement in the other office could work for them.",
                "*": "Start by reaffirming that you are committed to joining, then make the request without "
                "any condition attached.",
            },
        ),
        "threat": Case(
            -20,
            "threat",
            "You signalled you might walk away",
            "A threat undercuts the enthusiasm that makes a manager want to find room for you.",
            {
                "*": "Say what excites you about the role, then make the ask without any condition attached.",
            },
        ),
        "affirms_post_acceptance": Case(
            20,
            "affirms_commitment",
            "You reaffirmed your commitment",
            f"{_DP}: acknowledging the commitment you made keeps the request from sounding like a threat "
            "and protects the goodwill you have built.",
        ),
        "affirms": Case(
            10,
            "affirms_commitment",
            "You showed enthusiasm for the role",
            "It tells the manager the deal will close, which makes them more willing to work on your ask.",
        ),
    },
    "discretion": {
        "kept_private": Case(
            10,
            None,
            "You kept your other option to yourself throughout",
            f"{_DP}: after accepting, the new offer is your BATNA to keep private; mentioned, it turns a joint "
            "problem into leverage.",
        ),
        "alternative_post_acceptance": Case(
            -40,
            "mentions_alternative",
            "You brought up your other offer",
            f"{_DP}: avoid mentioning the new offer, your BATNA; after you have accepted, it turns a joint "
            "problem into leverage, and leverage reads as a threat.",
            {
                "reassignment": "Leave the other offer out entirely and present the request as a chance to "
                "explore a mutual solution, such as a placement in the other office.",
                "*": "Leave the other offer out and present the request as a problem to solve together.",
            },
        ),
        "alternative": Case(
            -5,
            "mentions_alternative",
            "You mentioned another option",
            f"Before you accept, a competing offer is real information, and {_HBR} finds it gives "
            "candidates more power; waved as leverage, though, it invites a standoff.",
            {
                "*": "If you bring it up, state it once as a fact, not a condition, and keep the focus on "
                "what would make this offer work for both sides.",
            },
        ),
    },
    "contingency": {
        "escalates_after_decline": Case(
            -30,
            None,  # the rule quotes the threat or the hostile line
            "After their no, you escalated",
            f"{_DP}: if they decline, have a backup plan; escalating after a no burns the goodwill any "
            "fallback depends on.",
            _FALLBACK_AFTER_NO,
        ),
        "walks_out_after_decline": Case(
            -20,
            "capitulates",
            "After their no, you dropped everything",
            f"{_DP}: a no to one request is not the end; a contingency such as more time before onboarding "
            "keeps you from choosing between all or nothing.",
            _FALLBACK_AFTER_NO,
        ),
        "extension_after_decline": Case(
            25,
            "asks_extension",
            "After their no, you asked for more time",
            f"{_DP}: an extension of your onboarding timeline is the contingency plan: it keeps the "
            "relationship, signals a difficult decision and gives you time to weigh your next steps.",
        ),
        "fallback_offered": Case(
            10,
            None,
            "You offered a fallback before they had to say no",
            f"{_DP}: having a backup plan ready, such as more time before onboarding, keeps you from choosing "
            "between all or nothing, and shows the manager an easier yes.",
        ),
        "option_after_decline": Case(
            10,
            "proposes_option",
            "After their no, you put a fallback option on the table",
            f"{_DP}: when the first answer is no, a backup plan keeps the conversation moving toward a "
            "solution that works for both parties.",
        ),
    },
    "collaboration": {
        "zero_sum_with_option": Case(
            -10,
            "zero_sum",
            "You looked for options but framed the talk as win-lose",
            f"{_HBR}: candidates see negotiation as more zero-sum than managers do (about {ZS_CAND} vs 4.0 "
            "on a 1-7 scale), and that framing makes the manager defend instead of help.",
            {"*": "Drop the win-lose framing and keep the option and the question about their needs."},
        ),
        "zero_sum": Case(
            -20,
            "zero_sum",
            "You framed the negotiation as win-lose",
            f"{_HBR}: candidates see negotiation as more zero-sum than managers do (about {ZS_CAND} vs 4.0 "
            "on a 1-7 scale), and that mindset feeds both the fear and the standoff.",
            {
                "reassignment": "Look for an arrangement that costs them little, such as starting in your "
                "current office and moving after a first project, and ask what would make it work for them.",
                "first_offer": "Look for a trade that is cheap for them and valuable for you, such as remote "
                "days instead of a bigger bonus, and ask what matters most on their side.",
                "*": "Look for a trade that is cheap for them and valuable for you, and ask what matters "
                "most on their side.",
            },
        ),
        "option_and_interests": Case(
            20,
            "proposes_option",
            "You proposed an option and asked about their needs",
            f"{_HBR}: considering win-win solutions deflates the zero-sum mindset, and asking about needs "
            "and norms tells you what a yes would take.",
        ),
        "option": Case(
            15,
            "proposes_option",
            "You proposed an option that could work for both sides",
            f"{_HBR}: considering win-win solutions, such as a trade that is cheap for them and valuable for "
            "you, deflates the zero-sum mindset behind the fear.",
        ),
        "interests": Case(
            15,
            "asks_interests",
            "You asked about their needs and norms",
            f"{_HBR}: researching what matters to the other side and what is normal finds deals that work "
            "for both, and makes the ask feel less risky.",
        ),
    },
    "professionalism": {
        "kept_professional": Case(
            10,
            None,
            "Across the whole negotiation you stayed courteous",
            f"{_HBR}: being professional, reasonable and cooperative is what keeps the already small risk small.",
        ),
        "hostile": Case(
            -30,
            "hostile",
            "That came across as hostile",
            f"{_HBR}: candidates reduce the already small risk of losing a deal by being professional, "
            "reasonable and cooperative; hostility is what actually puts it at risk.",
            {
                "*": "Disagree firmly but politely: acknowledge their position, then restate what you need "
                "and ask what flexibility there is.",
            },
        ),
        "gratitude": Case(
            10,
            "gratitude",
            "You showed appreciation",
            f"{_HBR}: showing interest and cooperation is how candidates keep a negotiation safe and the "
            "relationship strong.",
        ),
    },
    "assertiveness": {
        "accepted_as_is": Case(
            -25,
            None,
            "You took the offer as it stood, without asking for anything",
            f"{_HBR}: about {AS_IS}% of candidates accept as-is out of fear, yet {UPHELD}% of offers were upheld "
            "when candidates negotiated; the ask you don't make is the one you can't win.",
            {"*": "Before you say yes, ask for one thing that matters to you, with a reason that works for them too."},
        ),
        "capitulates": Case(
            -25,
            "capitulates",
            "You backed away from your own request",
            f"{_HBR}: the fear is exaggerated; {UPHELD}% of offers were upheld and most managers had never "
            f"withdrawn one, yet about {AS_IS}% of candidates accept as-is.",
            {
                "reassignment": "Keep the request alive without apologizing: say you understand, and ask what "
                "would need to be true for a move later on.",
                "first_offer": "Keep the ask on the table: restate it once, calmly, and ask what flexibility "
                "they have, without apologizing for asking.",
                "*": "Keep the ask on the table: restate it once, calmly, and ask what flexibility they have.",
            },
        ),
        "reasonable_ask": Case(
            15,
            "specific_ask",
            "You made a clear, reasonable ask",
            f"{_HBR}: the risk is smaller than candidates think; {UPHELD}% of offers were upheld, and "
            "managers are often unwilling, even unable, to withdraw a deal.",
        ),
    },
}


# ---------------------------------------------------------------------------
# Rules: which case (if any) a move triggers for each principle.
# ---------------------------------------------------------------------------

Rule = Callable[[Detection, MoveContext], "str | None"]


def _pressure(d: Detection) -> bool:
    """A threat or hostility: the move coerces or attacks instead of asking."""
    return d.has("threat") or d.has("hostile")


def _no_threats(d: Detection, ctx: MoveContext) -> str | None:
    if d.has("threat"):
        return "threat"
    if d.has("hostile"):
        return None  # not a threat, but no credit for asking calmly either
    if ctx.after_decline:
        return "calm_after_decline"
    if d.has("specific_ask"):
        return "ask_without_pressure"
    return None


def _synchronous(d: Detection, ctx: MoveContext) -> str | None:
    if ctx.channel == "email":
        if d.has("specific_ask"):
            return "ask_on_email_with_meeting" if d.has("requests_meeting") else "ask_on_email"
        if d.has("requests_meeting"):
            return "meeting_on_email"
        return None
    # On a call the negotiation is already live: no penalty for asking.
    return "meeting_on_call" if d.has("requests_meeting") else None


_CONCRETE = re.compile(
    r"\d|[$€£%]"
    r"|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|twelve|dozen|half|double|percent)\b"
    r"|\b(?:clients?|customers?|accounts?|projects?|contracts?|revenue|sales|pipeline|quarter|"
    r"launch|deadline|backlog|coverage|time zones?|portfolio)\b"
    r"|\b[A-Z][\w&-]*\s+(?:team|office|group|unit|account|project|division|practice)\b",
)


def is_concrete(evidence: str) -> bool:
    """Whether an employer-benefit argument carries evidence, not just a claim."""
    return bool(_CONCRETE.search(evidence))


def _employer_perspective(d: Detection, ctx: MoveContext) -> str | None:
    if d.has("employer_benefit"):
        evidence = d.evidence.get("employer_benefit") or d.text
        return "benefit_concrete" if is_concrete(evidence) else "benefit"
    if d.has("personal_preference"):
        return "personal_only"
    return None


def _commitment(d: Detection, ctx: MoveContext) -> str | None:
    # A threat cancels any reaffirmation in the same message.
    if d.has("threat"):
        return "threat_post_acceptance" if ctx.post_acceptance else "threat"
    if d.has("affirms_commitment"):
        return "affirms_post_acceptance" if ctx.post_acceptance else "affirms"
    return None


def _discretion(d: Detection, ctx: MoveContext) -> str | None:
    if not d.has("mentions_alternative"):
        return None
    return "alternative_post_acceptance" if ctx.post_acceptance else "alternative"


# "if Denver isn't possible, could I at least start later?": a fallback
# offered before any no.
_FALLBACK_CUE = re.compile(
    r"\b(?:if (?:that|this|it|[a-z]+ (?:office|placement|move)|the (?:\w+ )?(?:placement|move|transfer|base|raise|bonus)|\w+) "
    r"(?:isn'?t|is not|can'?t|cannot|won'?t|doesn'?t|does not)(?: be)? (?:possible|work|an option|happen|doable|available|approved|move|change|budge|go up|stretch)"
    r"|(?:failing|short of) that|as a (?:fallback|backup|plan b)|plan b|if not,|or at least|at the very least)\b"
)


def _contingency(d: Detection, ctx: MoveContext) -> str | None:
    if not ctx.after_decline:
        # Before a no, a fallback the learner offers unasked still counts.
        if (d.has("asks_extension") or d.has("proposes_option")) and not _pressure(d) and _FALLBACK_CUE.search(normalize(clip(d.text))):
            return "fallback_offered"
        return None
    if _pressure(d):
        return "escalates_after_decline"
    if d.has("capitulates"):
        return "walks_out_after_decline"
    if d.has("asks_extension"):
        return "extension_after_decline"
    if d.has("proposes_option"):
        return "option_after_decline"
    return None


def _collaboration(d: Detection, ctx: MoveContext) -> str | None:
    option, interests = d.has("proposes_option"), d.has("asks_interests")
    if d.has("zero_sum"):
        return "zero_sum_with_option" if option or interests else "zero_sum"
    if option and interests:
        return "option_and_interests"
    if option:
        return "option"
    if interests:
        return "interests"
    return None


def _professionalism(d: Detection, ctx: MoveContext) -> str | None:
    if d.has("hostile"):
        return "hostile"
    if d.has("gratitude"):
        return "gratitude"
    return None


def _assertiveness(d: Detection, ctx: MoveContext) -> str | None:
    if d.has("capitulates"):
        return "capitulates"
    if d.has("specific_ask") and not _pressure(d):
        return "reasonable_ask"
    return None  # accepting a deal is fine, and not a capitulation


RULES: dict[str, Rule] = {
    "no_threats": _no_threats,
    "synchronous": _synchronous,
    "employer_perspective": _employer_perspective,
    "commitment": _commitment,
    "discretion": _discretion,
    "contingency": _contingency,
    "collaboration": _collaboration,
    "professionalism": _professionalism,
    "assertiveness": _assertiveness,
}


# ---------------------------------------------------------------------------
# Putting a note together.
# ---------------------------------------------------------------------------


def _shorten(text: str, limit: int = QUOTE_LIMIT) -> str:
    """``text`` on one line, cut at a word boundary with "..." if too long."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0] or text[:limit]
    return cut.rstrip(" ,;:.") + "..."


def _clause_around(text: str, start: int, end: int) -> str:
    """The sentence holding ``text[start:end]``: a lone trigger word ("salary")
    quoted alone tells the learner little, the sentence around it does.
    Uses the detector's own splitter (offsets survive its normalisation)."""
    for a, b in sentences(normalize(clip(text))):
        if a <= start < b:
            return text[a:b]
    return ""


def quote_evidence(detection: Detection, tag: str | None) -> str | None:
    """The words to quote for ``tag``: its evidence span (widened to its clause
    when it is under three words), else the start of the message, else None
    (the caller then says "in this message")."""
    span = detection.evidence.get(tag, "").strip() if tag else ""
    if span and len(span.split()) < 3 and tag in detection.spans:
        span = _clause_around(detection.text, *detection.spans[tag]) or span
    text = span or detection.text.strip()
    return _shorten(text) if text else None


def _evidence_tag(principle: str, case_id: str, case: Case, d: Detection) -> str | None:
    if principle == "contingency" and case_id == "escalates_after_decline":
        return "threat" if d.has("threat") else "hostile"
    return case.tag


def _feedback(principle: str, case_id: str, d: Detection, ctx: MoveContext) -> Feedback:
    case = CASES[principle][case_id]
    tag = _evidence_tag(principle, case_id, case, d)
    quote = quote_evidence(d, tag)
    if quote:
        # Don't double the full stop when the quote already ends a sentence.
        said = f'{case.note}: "{quote}"' + ("" if quote[-1] in ".!?" else ".")
    else:
        said = f"{case.note} in this message."
    suggestion = case.suggestion(ctx.scenario) if case.delta < 0 else None
    parts = [said, case.why]
    if suggestion:
        parts.append(f"Instead: {suggestion}")
    return Feedback(
        principle=principle,
        delta=case.delta,
        message=" ".join(parts),
        tag=tag,
        evidence=quote,
        suggestion=suggestion,
    )


# Moves that negotiate: an ask, an option, more time, or a question about their side.
NEGOTIATING = ("specific_ask", "proposes_option", "asks_extension", "asks_interests")


def negotiated(detections) -> bool:
    return any(d.has(t) for d in detections for t in NEGOTIATING)


def assess_outcome(detections, ctx: MoveContext, outcome: str, closed_by_learner: bool) -> list[Feedback]:
    """Feedback that only the whole conversation can earn, given on its last move.

    At an agreement (success or partial): credit for what the learner kept
    to throughout (no threat, no hostility, the alternative kept private).
    At a failure the learner ended by accepting, without ever negotiating:
    the offer taken as it stood.
    """
    out: list[Feedback] = []

    def add(principle: str, case_id: str) -> None:
        if ctx.active(principle):
            case = CASES[principle][case_id]
            suggestion = case.suggestion(ctx.scenario) if case.delta < 0 else None
            parts = [f"{case.note}.", case.why] + ([f"Instead: {suggestion}"] if suggestion else [])
            out.append(Feedback(principle, case.delta, " ".join(parts), suggestion=suggestion))

    if outcome in ("success", "partial") and negotiated(detections):
        if not any(d.has("threat") for d in detections):
            add("no_threats", "kept_calm")
        if ctx.post_acceptance and not any(d.has("mentions_alternative") for d in detections):
            add("discretion", "kept_private")
        if not any(d.has("hostile") for d in detections):
            add("professionalism", "kept_professional")
    elif outcome == "failure" and closed_by_learner and not negotiated(detections):
        add("assertiveness", "accepted_as_is")
    return out


def assess_move(detection: Detection, ctx: MoveContext) -> list[Feedback]:
    """Coach one move: one ``Feedback`` per principle it touched.

    Only principles active in ``ctx`` (weight > 0) are assessed; the list is
    in the order of ``PRINCIPLE_IDS``. Deterministic: the same detection and
    context always give the same feedback.
    """
    out: list[Feedback] = []
    for principle in PRINCIPLE_IDS:
        rule = RULES.get(principle)
        if rule is None or not ctx.active(principle):
            continue
        case_id = rule(detection, ctx)
        if case_id is not None:
            out.append(_feedback(principle, case_id, detection, ctx))
    return out
