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
from typing import Callable

from .feedback import Feedback, MoveContext
from .normalize import clip, normalize, sentences
from roleplay.coaching.load import cite

from .principles import PRINCIPLE_IDS
from .tags import Detection

__all__ = ["RUBRIC_VERSION", "assess_move", "assess_outcome", "negotiated", "NEGOTIATING", "Case", "CASES", "RULES", "is_concrete",
           "quote_evidence", "suggestion_for"]

# Longest quote shown in a message, in characters.
QUOTE_LIMIT = 110

# The version of what a message earns: bump it whenever the rubric's rules,
# the coaching cases' deltas (roleplay/coaching/content.yaml), the scoring
# model (scoring.py) or the shipped tagger change a score. Every transcript
# records it, and ``roleplay grade`` says when a re-grade differs from the
# stored score because this changed.
RUBRIC_VERSION = "1"


@dataclass(frozen=True)
class Case:
    """One way a move touches a principle, with everything the learner reads.

    ``note`` is a clause saying what the move did; the evidence is appended
    as a quote (or "in this message" when there is nothing to quote).
    ``suggestion`` is the better approach for a negative delta; a scenario
    may say it in its own words (MoveContext.suggestions).
    """

    delta: int
    tag: str | None
    note: str
    why: str
    suggestion: str | None = None


def _cases() -> dict[str, dict[str, Case]]:
    from roleplay.coaching.load import coaching

    return {p: {cid: Case(c.delta, c.tag, c.note, c.why, c.suggestion) for cid, c in cases.items()}
            for p, cases in coaching().cases.items()}


# Every number and word the rubric says, from roleplay/coaching/content.yaml.
CASES: dict[str, dict[str, Case]] = _cases()


def reason_for(principle: str, case_id: str, ctx: MoveContext) -> str:
    """Why a case matters, in the scenario's words when it has some, its sources cited."""
    text = ctx.reasons.get(f"{principle}.{case_id}", CASES[principle][case_id].why)
    return cite(text, dict(ctx.sources))


def suggestion_for(principle: str, case_id: str, ctx: MoveContext) -> str | None:
    """The better approach for a case, in the scenario's words when it has some."""
    case = CASES[principle][case_id]
    if case.delta >= 0:
        return None
    text = ctx.suggestions.get(f"{principle}.{case_id}", case.suggestion)
    return cite(text, dict(ctx.sources)) if text else text


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
    suggestion = suggestion_for(principle, case_id, ctx)
    parts = [said, reason_for(principle, case_id, ctx)]
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
            suggestion = suggestion_for(principle, case_id, ctx)
            parts = [f"{case.note}.", reason_for(principle, case_id, ctx)] + ([f"Instead: {suggestion}"] if suggestion else [])
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
