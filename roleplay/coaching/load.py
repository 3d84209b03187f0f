"""Load and check the coaching content; fill its placeholders.

Errors carry ``file:line:col`` like persona errors. The content must hold
every case the rubric's rules can pick and every hint situation, each
negative case needs a suggestion, and every placeholder must name a known
source or research figure.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from roleplay.coaching.model import Content, ScenarioCoaching
from roleplay.coaching.vocabulary import PRINCIPLE_IDS, TAG_SET
from roleplay.source.diagnostics import Diagnostic, ScriptError
from roleplay.source.parse import parse_model
from roleplay.source.yamlsource import Source, load_yaml_file

CONTENT = Path(__file__).parent / "content.yaml"
_PLACEHOLDER = re.compile(r"\{(source|research)\.([a-z0-9_]+)\}")

# What the code asks the content for: the case ids each rubric rule can
# return, and the hint situations (see analysis/rubric.py and hints.py).
REQUIRED_CASES: dict[str, tuple[str, ...]] = {
    "no_threats": ("threat", "calm_after_decline", "ask_without_pressure", "kept_calm"),
    "synchronous": ("meeting_on_email", "meeting_on_call", "ask_on_email_with_meeting", "ask_on_email"),
    "employer_perspective": ("benefit_concrete", "benefit", "personal_only"),
    "commitment": ("threat_post_acceptance", "threat", "affirms_post_acceptance", "affirms"),
    "discretion": ("alternative_post_acceptance", "alternative", "kept_private"),
    "contingency": ("escalates_after_decline", "walks_out_after_decline", "extension_after_decline",
                    "option_after_decline", "fallback_offered"),
    "collaboration": ("zero_sum_with_option", "zero_sum", "option_and_interests", "option", "interests"),
    "professionalism": ("hostile", "gratitude", "kept_professional"),
    "assertiveness": ("accepted_as_is", "capitulates", "reasonable_ask"),
}
# Cases only the whole conversation earns (rubric.assess_outcome): no single
# message meets them, so they carry no example.
OUTCOME_CASES = ("no_threats.kept_calm", "discretion.kept_private", "professionalism.kept_professional",
                 "assertiveness.accepted_as_is")
REQUIRED_HINTS = (
    "repair_threat_commitment", "repair_threat", "repair_hostile", "contingency", "go_live", "discretion",
    "recover_ask", "affirm_commitment", "make_ask", "employer_framing", "collaborate",
)


@dataclass(frozen=True)
class CaseText:
    """A case with its placeholders filled: what the rubric says."""

    delta: int
    tag: str | None
    note: str
    why: str
    suggestion: str | None
    example: dict | None = None  # {text, channel, after_decline, post_acceptance}


@dataclass(frozen=True)
class Coaching:
    cases: dict[str, dict[str, CaseText]]
    hints: dict[str, tuple[str, str]]  # situation -> (principle, text)
    research: dict[str, tuple[float, str]]  # id -> (value, text)
    sources: dict[str, str]
    file: str
    principles: dict[str, dict[str, str]] = field(default_factory=dict)  # id -> name, short, source, why


def _values(content: Content) -> dict[str, str]:
    out = {f"source.{k}": v for k, v in content.sources.items()}
    out.update({f"research.{k}": f"{f.value:g}" for k, f in content.research.items()})
    return out


def cite(text: str, sources: dict[str, str]) -> str:
    """Fill ``{source.X}`` with how the scenario cites it (else the content's default)."""
    default = coaching().sources
    return _PLACEHOLDER.sub(
        lambda m: (sources.get(m.group(2)) or default.get(m.group(2), m.group(0))) if m.group(1) == "source" else m.group(0), text
    )


def fill(text: str, values: dict[str, str]) -> str:
    return _PLACEHOLDER.sub(lambda m: values.get(f"{m.group(1)}.{m.group(2)}", m.group(0)), text)


def placeholder_problems(src: Source, path: tuple, text: str, values: dict[str, str]) -> list[Diagnostic]:
    out = []
    for m in _PLACEHOLDER.finditer(text):
        key = f"{m.group(1)}.{m.group(2)}"
        if key not in values:
            line, col = src.scalar_start(path)
            known = sorted(k for k in values if k.startswith(m.group(1) + "."))
            out.append(Diagnostic(src.file, line, col, "error", f"unknown placeholder '{{{key}}}'; known: {', '.join(known)}"))
    return out


def load_content(path: Path = CONTENT) -> Coaching:
    """The coaching content in ``path``; ScriptError listing every problem."""

    src = load_yaml_file(path, str(path))
    content = parse_model(src, Content)
    values = _values(content)
    problems: list[Diagnostic] = []
    for principle, cases in content.cases.items():
        if principle not in PRINCIPLE_IDS:
            problems.append(src.diag(("cases", principle), f"unknown principle '{principle}'", key=True))
        for cid, case in cases.items():
            where = ("cases", principle, cid)
            if case.delta < 0 and not case.suggestion:
                problems.append(src.diag(where, f"case '{principle}.{cid}' lowers the score, so it needs a 'suggestion'", key=True))
            if case.tag is not None and case.tag not in TAG_SET:
                problems.append(src.diag(where + ("tag",), f"unknown tag '{case.tag}'"))
            for key in ("note", "why", "suggestion"):
                text = getattr(case, key)
                if text:
                    problems += placeholder_problems(src, where + (key,), text, values)
    for pid in PRINCIPLE_IDS:
        if pid not in content.principles:
            problems.append(src.diag(("principles",), f"missing principle '{pid}'", key=True))
    for pid in content.principles:
        if pid not in PRINCIPLE_IDS:
            problems.append(src.diag(("principles", pid), f"unknown principle '{pid}'; the nine are: {', '.join(PRINCIPLE_IDS)}", key=True))
    for principle, ids in REQUIRED_CASES.items():
        for cid in ids:
            if cid not in content.cases.get(principle, {}):
                problems.append(src.diag(("cases",), f"missing case '{principle}.{cid}': the rubric's rules can pick it", key=True))
    for situation in REQUIRED_HINTS:
        if situation not in content.hints:
            problems.append(src.diag(("hints",), f"missing hint '{situation}'", key=True))
    for situation, h in content.hints.items():
        if h.principle not in PRINCIPLE_IDS:
            problems.append(src.diag(("hints", situation, "principle"), f"unknown principle '{h.principle}'"))
        problems += placeholder_problems(src, ("hints", situation, "text"), h.text, values)
    if problems:
        raise ScriptError(problems)
    research_only = {k: v for k, v in values.items() if k.startswith("research.")}
    return Coaching(  # research figures filled now; sources when a scenario cites them (``cite``)
        cases={p: {cid: CaseText(c.delta, c.tag, fill(c.note, research_only), fill(c.why, research_only),
                                 fill(c.suggestion, research_only) if c.suggestion else None,
                                 c.example.model_dump() if c.example else None)
                   for cid, c in cases.items()} for p, cases in content.cases.items()},
        hints={s: (h.principle, fill(h.text, research_only)) for s, h in content.hints.items()},
        research={k: (f.value, f.text) for k, f in content.research.items()},
        sources=dict(content.sources),
        file=src.file,
        principles={k: {"name": v.name, "short": v.short, "source": v.source, "why": fill(v.why, research_only)} for k, v in content.principles.items()},
    )


@lru_cache(maxsize=1)
def coaching() -> Coaching:
    """The shipped content, loaded once."""
    return load_content()


def _loaded_values(c: Coaching, *, sources: bool = True) -> dict[str, str]:
    out = {f"research.{k}": f"{v:g}" for k, (v, _) in c.research.items()}
    if sources:
        out.update({f"source.{k}": v for k, v in c.sources.items()})
    return out


def scenario_problems(coaching_spec: ScenarioCoaching, src: Source) -> list[Diagnostic]:
    """Checks of a scenario's ``coaching:`` against the content."""
    import difflib

    c = coaching()
    values = _loaded_values(c)
    known = {f"{p}.{cid}" for p, cases in c.cases.items() for cid in cases}
    out = []
    for section, key, text in [("suggestions", k, v) for k, v in coaching_spec.suggestions.items()] + [
        ("reasons", k, v) for k, v in coaching_spec.reasons.items()
    ]:
        path = ("coaching", section, key)
        if key not in known:
            close = difflib.get_close_matches(key, sorted(known), n=1)
            out.append(src.diag(path, f"unknown case '{key}'" + (f" (did you mean '{close[0]}'?)" if close else ""), key=True))
        out += placeholder_problems(src, path, text, values)
    for key, text in coaching_spec.hints.items():
        path = ("coaching", "hints", key)
        if key not in c.hints:
            close = difflib.get_close_matches(key, sorted(c.hints), n=1)
            out.append(src.diag(path, f"unknown hint '{key}'" + (f" (did you mean '{close[0]}'?)" if close else ""), key=True))
        out += placeholder_problems(src, path, text, values)
    return out


def scenario_texts(coaching_spec: ScenarioCoaching | None) -> dict[str, dict[str, str]]:
    """A scenario's own suggestions and hints, placeholders filled."""
    if coaching_spec is None:
        return {"suggestions": {}, "hints": {}, "reasons": {}}
    values = _loaded_values(coaching(), sources=False)  # sources are cited later, per scenario
    return {"suggestions": {k: fill(v, values) for k, v in coaching_spec.suggestions.items()},
            "hints": {k: fill(v, values) for k, v in coaching_spec.hints.items()},
            "reasons": {k: fill(v, values) for k, v in coaching_spec.reasons.items()}}

