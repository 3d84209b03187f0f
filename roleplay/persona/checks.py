"""The semantic pass over a persona: does it mean something playable?

Shape is already right (the models checked it). Here: references between
states and endings, expressions and effects, template names, channels, and
reachability. Plain graph reachability finds states nothing points to;
``explore`` then walks every (state, variables) configuration the learner's
closed vocabulary of tags can produce, which also finds rules that can never
fire and endings whose rules can never match.
"""

from __future__ import annotations

import difflib
import itertools
import re
from collections import deque
from dataclasses import dataclass, field

from roleplay.analysis.tags import TAGS
from roleplay.persona.compiled import OTHERWISE, CompiledRule
from roleplay.source.diagnostics import Diagnostic
from roleplay.persona.expr import ExprError, compile_condition, compile_effect
from roleplay.persona.model import ChannelLine, Persona, Scenario, say_channel, say_text
from roleplay.persona.progress import report
from roleplay.persona.template import placeholders
from roleplay.persona.termspec import DEFAULTS, TermInfo, normalize
from roleplay.source.yamlsource import Source

RESERVED = ("turn", "channel", "after_decline", "stalled", "goodbye", "small_talk", "apology", "tagged", "new_ask", "terms_won")
# Built-in true/false names read from the message beside the tags.
SIGNALS = ("goodbye", "small_talk", "apology", "tagged", "new_ask")
MAX_CONFIGS = 60_000
PROGRESS_EVERY = 5_000  # configurations between progress reports
MAX_EVALS = 6_000_000  # condition evaluations: the walk's work budget, so validate stays fast
MAX_TAGS_EXHAUSTIVE = 9  # 2**9 tag combinations per configuration at most


def condition_names(persona: Persona, terms: dict[str, TermInfo] | None = None) -> dict[str, str]:
    names = {t: "bool" for t in TAGS}
    names.update({v: "int" for v in persona.variables})
    names.update(turn="int", channel="str", after_decline="bool", stalled="int", terms_won="int")
    names.update({s: "bool" for s in SIGNALS})
    for issue, info in (terms or {}).items():
        names[f"asked.{issue}"] = info.py_type
        names[f"offer.{issue}"] = info.py_type
        names[f"mentions.{issue}"] = "bool"
        names[f"won.{issue}"] = "bool"
        names[f"said.{issue}"] = info.py_type
        names[f"within.{issue}"] = "bool"
    return names


def free_names(names: dict[str, str]) -> frozenset[str]:
    """Names whose values come from what the learner typed, not from the state."""
    return frozenset(n for n in names if n.startswith(("asked.", "offer.", "said.")) or n in ("stalled", "terms_won"))


def template_names(scenario: Scenario, persona: Persona, terms: dict[str, TermInfo]) -> set[str]:
    from roleplay.coaching.load import coaching

    known = set(scenario.names) | set(persona.names) | {"manager", "manager_first", "role", "deal"}
    known |= {f"research.{k}" for k in coaching().research}
    for issue in terms:
        known |= {f"asked.{issue}", f"offer.{issue}", f"start.{issue}"}
    return known


def placeholder_diagnostics(src: Source, path: tuple, text: str, known: set[str], *, shown_raw: str | None = None) -> list[Diagnostic]:
    """Each ``{name}`` in ``text`` (the scalar at ``path``) that ``known``
    lacks, as an error at its own line and column. ``shown_raw`` names where
    the text is shown without placeholders filled (the persona list): a known
    name there is a warning, since learners would read it as written."""
    out = []
    for ph, offset in placeholders(text):
        needle = text[offset : text.index("}", offset) + 1]
        line, col = src.locate(path, text, offset, needle)
        if ph not in known:
            out.append(Diagnostic(src.file, line, col, "error", f"unknown template name '{{{ph}}}'{_did_you_mean(ph, known)}; known: {', '.join(sorted(known))}"))
        elif shown_raw is not None:
            out.append(Diagnostic(src.file, line, col, "warning", f"'{{{ph}}}' is not filled in {shown_raw}: learners read it as written; write the text out"))
    return out


def _not_filled(src: Source, path: tuple, text: str, what: str) -> list[Diagnostic]:
    """Placeholders in a text that is never filled (a name's own value)."""
    return [
        Diagnostic(src.file, *src.locate(path, text, offset, text[offset : text.index("}", offset) + 1]), "error",
                   f"'{{{ph}}}' is not filled in {what}: learners read it as written; write the text out")
        for ph, offset in placeholders(text)
    ]


def scenario_text_diagnostics(scenario: Scenario, src: Source, known: set[str]) -> list[Diagnostic]:
    """Placeholders in the scenario's learner-facing texts: the briefing, the
    goals, the title, the risk question; ``known`` is what fills them."""
    out: list[Diagnostic] = []
    b = scenario.briefing
    out += placeholder_diagnostics(src, ("title",), scenario.title, known, shown_raw="the persona list (its scenario headings)")
    out += placeholder_diagnostics(src, ("summary",), scenario.summary, known, shown_raw="a scenario's summary")
    out += placeholder_diagnostics(src, ("briefing", "role"), b.role, known)
    out += placeholder_diagnostics(src, ("briefing", "situation"), b.situation, known)
    for key in ("confidential", "goals"):
        for i, text in enumerate(getattr(b, key)):
            out += placeholder_diagnostics(src, ("briefing", key, i), text, known)
    if scenario.framing.calibration is not None:
        out += placeholder_diagnostics(src, ("framing", "calibration", "question"), scenario.framing.calibration.question, known)
    out += _not_filled(src, ("framing", "counterpart"), scenario.framing.counterpart, "the counterpart label")
    for key, text in scenario.names.items():
        out += _not_filled(src, ("names", key), text, "names (a name is used as written)")
    return out


# Words people reach for that name a signal (tags have descriptions to search).
_SIGNAL_WORDS = {"bye": "goodbye", "farewell": "goodbye", "sorry": "apology", "apologizes": "apology", "apologises": "apology",
                 "apologise": "apology", "apologize": "apology", "chitchat": "small_talk", "smalltalk": "small_talk", "pleasantries": "small_talk"}


def _meaning_match(name: str) -> str | None:
    """The tag whose description uses ``name`` as a word ('ultimatum' is a
    threat, 'rude' hostile, 'thanks' gratitude), or the signal it names."""
    from roleplay.analysis import signals
    from roleplay.analysis.tags import TAG_DESCRIPTIONS

    word = name.lower()
    if word in _SIGNAL_WORDS:
        return _SIGNAL_WORDS[word]
    parts = [p for p in re.split(r"[_\W]+", word) if len(p) >= 4] or ([word] if len(word) >= 3 else [])
    described = {**TAG_DESCRIPTIONS, **getattr(signals, "SIGNAL_DESCRIPTIONS", {})}
    for tag, text in described.items():
        words = re.findall(r"[a-z]+", text.lower())
        for part in parts:
            if any(w == part or (len(part) >= 4 and len(w) >= 4 and (w.startswith(part) or part.startswith(w))) for w in words):
                return tag
    return None


def unknown_name_message(name: str, persona: Persona, terms: dict[str, TermInfo] | None = None) -> str:
    """An unknown name in a condition: the likeliest meant name first, then
    every name a condition can read, by kind."""
    from roleplay.analysis.signals import SIGNAL_NAMES

    signals = [*SIGNAL_NAMES, *(s for s in SIGNALS if s not in SIGNAL_NAMES)]
    builtins = [n for n in RESERVED if n not in signals]
    plain = [*TAGS, *signals, *persona.variables, *builtins]
    close = difflib.get_close_matches(name, plain, n=1, cutoff=0.7)
    meant = close[0] if close else _meaning_match(name)
    if meant is None and name.lower() in plain:
        meant = name.lower()
    out = f"unknown name '{name}'" + (f" (did you mean '{meant}'?)" if meant else "")
    out += f"; tags: {', '.join(TAGS)}; signals: {', '.join(signals)}"
    out += f"; variables: {', '.join(persona.variables) or 'none declared'}; built-ins: {', '.join(builtins)}"
    if terms:
        out += f"; terms: asked.X, offer.X, said.X, mentions.X, within.X, won.X for {', '.join(terms)}"
    return out


def _did_you_mean(name: str, options) -> str:
    close = difflib.get_close_matches(name, sorted(options), n=1, cutoff=0.6)
    return f" (did you mean '{close[0]}'?)" if close else ""


def scenario_terms(scenario: Scenario, src: Source) -> tuple[dict[str, TermInfo], list[Diagnostic]]:
    """The scenario's terms with defaults filled in, and the problems found."""
    from roleplay.analysis.terms import ISSUES

    out: list[Diagnostic] = []
    infos: dict[str, TermInfo] = {}
    for issue, spec in scenario.terms.items():
        path = ("terms", issue)
        default = DEFAULTS.get(issue)
        if default is None and spec.kind is None:
            out.append(src.diag(path, f"unknown term '{issue}'{_did_you_mean(issue, ISSUES)}; the tagger names: {', '.join(ISSUES)} (or give it a 'kind')", key=True))
            continue
        kind = spec.kind or default[0]  # type: ignore[index]
        start = normalize(kind, spec.start)
        if start is None:
            out.append(src.diag(path + ("start",), f"'{spec.start}' is not a {kind} value{_DATE_HINT if kind == 'date' else ''}"))
            continue
        for j, alias in enumerate(spec.also):
            if alias not in ISSUES or alias in scenario.terms:
                why = "is a term of its own here" if alias in scenario.terms else f"is not a term the tagger reads{_did_you_mean(alias, ISSUES)}"
                out.append(src.diag(path + ("also", j), f"'{alias}' {why}"))
        infos[issue] = TermInfo(
            issue=issue, kind=kind, unit=spec.unit or (default[1] if default else None),
            label=spec.label or (default[2] if default else issue.replace("_", " ")), start=start,
            # A known issue keeps its phrase ("the title {value}") unless its kind is changed.
            format=spec.format or (default[3] if default and kind == default[0] else None), also=tuple(spec.also),
        )
    return infos, out


_DATE_HINT = ' (write a date as "June 23" or "2027-06-23")'


def persona_terms(persona: Persona, base: dict[str, TermInfo], src: Source) -> tuple[dict[str, TermInfo], list[Diagnostic]]:
    """The scenario's terms with this persona's room on them."""
    out: list[Diagnostic] = []
    infos = dict(base)
    for issue, room in persona.terms.items():
        path = ("terms", issue)
        info = base.get(issue)
        if info is None:
            out.append(src.diag(path, f"'{issue}' is not a term of the scenario{_did_you_mean(issue, base)}; declared: {', '.join(base) or 'none'}", key=True))
            continue
        vals = {}
        for key in ("start", "min", "max"):
            raw = getattr(room, key)
            if raw is None:
                continue
            v = normalize(info.kind, raw)
            if v is None or info.kind == "text" and key != "start":
                why = "use 'allowed' for a text term" if info.kind == "text" and key != "start" else f"not a {info.kind} value{_DATE_HINT if info.kind == 'date' else ''}"
                out.append(src.diag(path + (key,), f"{issue}.{key}: '{raw}' is {why}" if v is not None else f"{issue}.{key}: '{raw}' is {why}"))
                continue
            vals[key] = v
        if room.allowed and info.kind != "text":
            out.append(src.diag(path + ("allowed",), f"'allowed' is for text terms; {issue} is {info.kind}: use min and max", key=True))
        if "min" in vals and "max" in vals and vals["min"] > vals["max"]:
            out.append(src.diag(path, f"{issue}: min {vals['min']} is above max {vals['max']}", key=True))
        infos[issue] = TermInfo(
            issue=issue, kind=info.kind, unit=info.unit, label=info.label, start=vals.get("start", info.start),
            min=vals.get("min"), max=vals.get("max"), allowed=tuple(room.allowed), format=info.format, also=info.also,
        )
    return infos, out


# Lines that belong to one channel: an email's greeting or sign-off, a
# stage direction about a live call.
_EMAIL_LOOK = re.compile(
    r"(?:^|\n)\s*(?:dear|hi|hello)\s+[^\n,]{1,40},\s*\n"
    r"|(?:^|\n|[.!?]\s)\s*(?:best(?: regards| wishes)?|kind regards|warm regards|regards|many thanks|sincerely|all the best|cheers)\s*,?\s*\n?\s*(?:[—–-]\s*)?[A-Z][\w.]*\s*$"
    r"|\n\s*[—–-]?\s*[A-Z]{1,3}\s*$|\s[—–]\s?[A-Z][a-z]+\s*$|\(?\b(?:email|e-mail|message) (?:follows|sent|arrives|reads)\b",
    re.I,
)
_CALL_LOOK = re.compile(r"^\s*\((?:[^)]{0,30}\b)?(?:pause|laughs?|sighs?|a beat|chuckles?|on the (?:phone|call|line)|over the phone|voice|phone rings|your phone)", re.I)


def channel_look(text: str) -> str | None:
    """'email' or 'call' when a line can only be said on that channel."""
    if _EMAIL_LOOK.search(text.strip()):
        return "email"
    if _CALL_LOOK.search(text):
        return "call"
    return None


def check_persona(
    persona: Persona, scenario: Scenario, src: Source, *, explore: bool = True, terms: dict[str, TermInfo] | None = None,
    scenario_src: Source | None = None,
) -> tuple[list[Diagnostic], dict[str, tuple[CompiledRule, ...]]]:
    out: list[Diagnostic] = []
    states, endings = persona.states, persona.endings
    targets = set(states) | set(endings)
    terms, term_diags = persona_terms(persona, terms or {}, src)
    out += term_diags

    for key in ("name", "role", "summary"):
        if not getattr(persona, key).strip():
            out.append(src.diag((key,), f"'{key}' is blank; write the {'manager' if key == 'name' else 'persona'}'s {key}"))
    for name in set(states) & set(endings):
        out.append(src.diag(("endings", name), f"'{name}' is both a state and an ending; give them different names", key=True))
    if persona.start not in states:
        out.append(src.diag(("start",), f"start state '{persona.start}' does not exist{_did_you_mean(persona.start, states)}"))
    elif states[persona.start].channel != scenario.opening_channel:
        out.append(src.diag(("states", persona.start, "channel"), f"the start state is on '{states[persona.start].channel}' but scenario '{scenario.id}' opens on '{scenario.opening_channel}'"))
    if persona.turn_limit and persona.turn_limit.goto not in endings:
        out.append(src.diag(("turn_limit", "goto"), f"turn_limit must go to an ending, and '{persona.turn_limit.goto}' is not one{_did_you_mean(persona.turn_limit.goto, endings)}"))

    for vname, var in persona.variables.items():
        if vname in RESERVED or vname in TAGS:
            out.append(src.diag(("variables", vname), f"'{vname}' is a reserved name (a tag or a built-in); choose another", key=True))
        if not var.min <= var.start <= var.max:
            out.append(src.diag(("variables", vname, "start"), f"start {var.start} is outside {var.min}..{var.max}"))

    names = condition_names(persona, terms)
    free = free_names(names)
    known_templates = template_names(scenario, persona, terms)

    def check_lines(path, lines):
        for i, item in enumerate(lines):
            lpath = path + ((i, "text") if isinstance(item, ChannelLine) else (i,))
            out.extend(placeholder_diagnostics(src, lpath, say_text(item), known_templates))

    # Every other text a learner reads is filled from the same names.
    for key in ("name", "role", "summary"):
        out += placeholder_diagnostics(src, (key,), getattr(persona, key), known_templates, shown_raw="the persona list")
    for ename, ending in endings.items():
        out += placeholder_diagnostics(src, ("endings", ename, "title"), ending.title, known_templates)
        out += placeholder_diagnostics(src, ("endings", ename, "summary"), ending.summary, known_templates)
    for key, text in persona.names.items():
        out += _not_filled(src, ("names", key), text, "names (a name is used as written)")
    if scenario_src is not None:
        out += scenario_text_diagnostics(scenario, scenario_src, known_templates)
    if persona.relationship is not None and persona.relationship not in persona.variables:
        declared = f"; declared: {', '.join(persona.variables)}" if persona.variables else "; this persona declares no variables"
        out.append(src.diag(("relationship",), f"relationship '{persona.relationship}' is not a variable{_did_you_mean(persona.relationship, persona.variables)}{declared}"))

    def compile_rule(path, rule, with_when: bool):
        cond = None
        if with_when:
            try:
                cond = compile_condition(rule.when, names, free)
            except ExprError as exc:
                ln, col = src.scalar_start(path + ("when",))
                message = unknown_name_message(exc.unknown, persona, terms) if exc.unknown else exc.message
                out.append(Diagnostic(src.file, ln, col + exc.offset, "error", f"in condition: {message}"))
        effects = []
        for j, text in enumerate(rule.effects):
            try:
                effects.append(compile_effect(text, persona.variables, terms))
            except ExprError as exc:
                ln, col = src.scalar_start(path + ("effects", j))
                out.append(Diagnostic(src.file, ln, col + exc.offset, "error", f"in effect: {exc.message}"))
            else:
                eff = effects[-1]
                if eff.term and eff.op == "=" and eff.source is None:
                    info = terms[eff.term]
                    if info.clamp(eff.amount) != eff.amount:  # type: ignore[arg-type]
                        out.append(src.diag(path + ("effects", j), f"{eff.variable} = {info.show(eff.amount)} is outside this persona's limits on {eff.term}", severity="warning"))
        if rule.goto is not None and rule.goto not in targets:
            out.append(src.diag(path + ("goto",), f"'{rule.goto}' is not a state or an ending{_did_you_mean(rule.goto, targets)}"))
        check_lines(path + ("say",), rule.say)
        return cond, tuple(effects), tuple((say_text(x), say_channel(x)) for x in rule.say)

    handlers: dict[str, list[tuple[int, object, tuple]]] = {"always": [], "fallback": []}
    for origin in ("always", "fallback"):
        for i, h in enumerate(getattr(persona, origin)):
            path = (origin, i)
            for key in ("only_in", "except_in"):
                for j, sname in enumerate(getattr(h, key)):
                    if sname not in states:
                        out.append(src.diag(path + (key, j), f"'{sname}' is not a state{_did_you_mean(sname, states)}"))
            if h.only_in and h.except_in:
                out.append(src.diag(path, f"{origin}[{i}] has both only_in and except_in; use one", key=True))
            handlers[origin].append((i, h, compile_rule(path, h, True)))

    def applies(h, sname: str) -> bool:
        return (not h.only_in or sname in h.only_in) and sname not in h.except_in

    compiled: dict[str, tuple[CompiledRule, ...]] = {}
    for sname, state in states.items():
        check_lines(("states", sname, "say"), state.say)
        check_lines(("states", sname, "again"), state.again)
        rules: list[CompiledRule] = []
        for i, h, (cond, effects, say) in handlers["always"]:
            if applies(h, sname):
                rules.append(CompiledRule(sname, i, cond, h.goto or sname, effects, say, "always"))
        for i, r in enumerate(state.rules):
            cond, effects, say = compile_rule(("states", sname, "rules", i), r, True)
            rules.append(CompiledRule(sname, i, cond, r.goto, effects, say))
        for i, h, (cond, effects, say) in handlers["fallback"]:
            if applies(h, sname):
                rules.append(CompiledRule(sname, i, cond, h.goto or sname, effects, say, "fallback"))
        if state.otherwise is not None:
            _, effects, say = compile_rule(("states", sname, "otherwise"), state.otherwise, False)
            rules.append(CompiledRule(sname, OTHERWISE, None, state.otherwise.goto, effects, say))
        else:  # stay, and say what is still missing (the state's own lines are its first reaction)
            rules.append(CompiledRule(sname, OTHERWISE, None, sname, (), tuple((say_text(x), say_channel(x)) for x in state.again)))
        compiled[sname] = tuple(rules)
    for ename, ending in endings.items():
        check_lines(("endings", ename, "say"), ending.say)
    check_lines(("opening",), persona.opening)
    check_lines(("last_resort",), persona.last_resort)

    if any(d.severity == "error" for d in out):
        return out, compiled

    out += _reachability(persona, compiled, src)
    out += _channel_diagnostics(persona, scenario, compiled, src)
    out += _repeat_diagnostics(persona, compiled, src)
    if explore and not any(d.severity == "error" for d in out):
        out += _explore_diagnostics(persona, compiled, src, scenario)
    return out, compiled


def _channel_diagnostics(persona: Persona, scenario: Scenario, compiled, src: Source) -> list[Diagnostic]:
    """Lines said on a channel they don't fit (a sign-off on a live call)."""
    out: list[Diagnostic] = []
    states = persona.states
    into_ending: dict[str, set[str]] = {e: set() for e in persona.endings}
    for s, rules in compiled.items():
        for r in rules:
            if r.goto in into_ending:
                into_ending[r.goto].add(states[s].channel)
    if persona.turn_limit and persona.turn_limit.goto in into_ending:
        into_ending[persona.turn_limit.goto] |= {st.channel for st in states.values()}

    def lint(path, lines, channels: set[str], where: str):
        for i, item in enumerate(lines):
            fixed = say_channel(item)
            lpath = path + ((i, "channel") if fixed else (i,))
            if fixed is not None:
                if channels and fixed not in channels:
                    out.append(src.diag(lpath, f"this line is for {fixed} but {where} is only on {'/'.join(sorted(channels))}: it is never said", severity="warning"))
                continue
            look = channel_look(say_text(item))
            if look is not None and channels - {look}:
                other = "/".join(sorted(channels - {look}))
                out.append(src.diag(lpath, f"this line reads like {'an email' if look == 'email' else 'a live call'} but {where} can be said on {other}; mark it 'channel: {look}' and give a line for {other}", severity="warning"))

    for s, st in states.items():
        lint(("states", s, "say"), st.say, {st.channel}, f"state '{s}'")
        lint(("states", s, "again"), st.again, {st.channel}, f"state '{s}'")
        for i, r in enumerate(st.rules):
            ch = {states[r.goto].channel} if r.goto in states else {st.channel}
            lint(("states", s, "rules", i, "say"), r.say, ch, f"rule {s}.rules[{i}]")
    for origin in ("always", "fallback"):
        for i, h in enumerate(getattr(persona, origin)):
            chans = {states[h.goto].channel} if h.goto in states else {
                states[s].channel for s in states if (not h.only_in or s in h.only_in) and s not in h.except_in}
            lint((origin, i, "say"), h.say, chans, f"{origin}[{i}]")
    for e, ending in persona.endings.items():
        lint(("endings", e, "say"), ending.say, into_ending[e], f"ending '{e}'")
    lint(("last_resort",), persona.last_resort, {st.channel for st in states.values()}, "the last-resort pool")
    lint(("opening",), persona.opening, {scenario.opening_channel}, "the opening")
    return out


def _repeat_diagnostics(persona: Persona, compiled, src: Source) -> list[Diagnostic]:
    """Fallbacks that stay with one line, which can only repeat it."""
    out: list[Diagnostic] = []
    for s, st in persona.states.items():
        ow = st.otherwise
        stays = ow is None or ow.goto == s
        if not stays:
            continue
        lines = {say_text(x) for x in (ow.say if ow is not None and ow.say else st.say)} | {say_text(x) for x in st.again}
        if len(lines) < 2:
            path = ("states", s, "otherwise") if ow is not None else ("states", s)
            out.append(src.diag(path, f"state '{s}' answers what it doesn't understand with a single line, which repeats; add lines or 'again:' lines", key=True, severity="warning"))
    for origin in ("always", "fallback"):
        for i, h in enumerate(getattr(persona, origin)):
            if h.goto is None and len(h.say) == 1:
                out.append(src.diag((origin, i), f"{origin}[{i}] stays where it is with a single line, which repeats; give it two or more", key=True, severity="warning"))
    return out


def check_scenario(scenario: Scenario, src: Source) -> list[Diagnostic]:
    """Meaning checks of a scenario file, reported in that file."""
    from roleplay.analysis.principles import PRINCIPLE_IDS

    from roleplay.coaching.load import scenario_problems

    from roleplay.coaching.load import coaching as content

    coaching = scenario_problems(scenario.coaching, src) if scenario.coaching else []
    known_sources = content().sources
    coaching += [
        src.diag(("framing", "sources", sid), f"unknown source '{sid}'{_did_you_mean(sid, known_sources)}; known: {', '.join(sorted(known_sources))}", key=True)
        for sid in scenario.framing.sources if sid not in known_sources
    ]
    # Placeholders: the scenario's names and the built-ins, and any name a
    # persona beside it declares (each persona's load checks its own set).
    terms, term_problems = scenario_terms(scenario, src)
    known = {"manager", "manager_first", "role", "deal", *scenario.names, *_persona_names_near(src.file)}
    known |= {f"research.{k}" for k in content().research}
    known |= {f"{space}.{issue}" for issue in terms for space in ("asked", "offer", "start")}
    coaching += scenario_text_diagnostics(scenario, src, known)
    # Weights name principles; a typo would silently weigh nothing.
    return coaching + term_problems + [
        src.diag(("weights", pid), f"unknown principle '{pid}'{_did_you_mean(pid, PRINCIPLE_IDS)}; it weighs nothing", key=True, severity="warning")
        for pid in scenario.weights
        if pid not in PRINCIPLE_IDS
    ]


def _persona_names_near(scenario_file: str) -> set[str]:
    """The template names the persona files beside a scenario declare."""
    from pathlib import Path

    from roleplay.persona.catalog import kind_of
    from roleplay.source.diagnostics import ScriptError
    from roleplay.source.yamlsource import load_yaml_file

    out: set[str] = set()
    folder = Path(scenario_file).parent
    for f in sorted(folder.glob("*.y*ml")):
        if kind_of(f) != "persona":
            continue
        try:
            data = load_yaml_file(f).data
        except ScriptError:
            continue
        names = data.get("names") if isinstance(data, dict) else None
        if isinstance(names, dict):
            out |= {k for k in names if isinstance(k, str)}
    return out


def _graph(compiled) -> dict[str, set[str]]:
    return {s: {r.goto for r in rules} for s, rules in compiled.items()}


def _reachability(persona: Persona, compiled, src: Source) -> list[Diagnostic]:
    out = []
    graph = _graph(compiled)
    seen = {persona.start}
    todo = deque([persona.start])
    while todo:
        for nxt in graph.get(todo.popleft(), ()):
            if nxt not in seen:
                seen.add(nxt)
                todo.append(nxt)
    if persona.turn_limit:
        seen.add(persona.turn_limit.goto)
    for s in persona.states:
        if s not in seen:
            out.append(src.diag(("states", s), f"state '{s}' is unreachable: no rule from the start state leads to it", key=True))
    for e in persona.endings:
        if e not in seen:
            out.append(src.diag(("endings", e), f"ending '{e}' is unreachable: no rule from the start state leads to it", key=True))
    # Dead ends: states from which no ending can ever be reached.
    endings = set(persona.endings)
    for s in persona.states:
        if s not in seen:
            continue
        reach, todo2 = {s}, deque([s])
        while todo2:
            for nxt in graph.get(todo2.popleft(), ()):
                if nxt not in reach:
                    reach.add(nxt)
                    todo2.append(nxt)
        if not reach & endings:
            sev = "warning" if persona.turn_limit else "error"
            tail = "; only the turn limit ends it" if persona.turn_limit else ""
            out.append(src.diag(("states", s), f"state '{s}' is a dead end: no ending can be reached from it{tail}", key=True, severity=sev))
    return out


@dataclass
class Exploration:
    """What walking the whole (state, variables) space found."""

    fired: set[tuple[str, tuple]] = field(default_factory=set)
    satisfiable: set[tuple[str, tuple]] = field(default_factory=set)
    reached: set[str] = field(default_factory=set)
    idle: set[tuple[str, str]] = field(default_factory=set)  # moves that change nothing
    configs: int = 0
    evals: int = 0
    complete: bool = True
    # The fewest learner moves after which each state or ending is reached
    # (a move that ends the conversation counts).
    moves: dict[str, int] = field(default_factory=dict)
    # Withdrawal endings reachable with fewer provocations than the
    # scenario's norm: ending -> (provocations, threats, the rules on the way).
    provoked: dict[str, tuple[int, int, list[str]]] = field(default_factory=dict)


def _tag_combos(tags: list[str], rules=()):
    """Truth assignments of a state's inputs to try: all of them when few;
    otherwise, for each rule, every assignment of the inputs that rule reads
    (the others false), which is what makes each rule fire or not."""
    if len(tags) <= MAX_TAGS_EXHAUSTIVE:
        for bits in itertools.product((False, True), repeat=len(tags)):
            combo = dict(zip(tags, bits))
            if combo.get("tagged") is False and any(combo[t] for t in tags if t in TAGS):
                continue  # a message with a tag is tagged
            yield combo
        return
    seen: set[frozenset] = set()
    base = {t: False for t in tags}
    read_tags = [t for t in tags if t in TAGS]
    for r in (None, *rules):
        own = [] if r is None or r.when is None else [t for t in _bool_inputs([r]) if t in base]
        if len(own) <= 4:
            choices = (frozenset(c for c, bit in zip(own, bits) if bit) for bits in itertools.product((False, True), repeat=len(own)))
        else:  # any four of them true (three when the rule reads very many)
            choices = (frozenset(c) for k in range(5 if len(own) <= 8 else 4) for c in itertools.combinations(own, k))
        for on in choices:
            if "tagged" in base and any(t in on for t in read_tags):
                on = on | {"tagged"}  # a message with a tag is tagged
            if on not in seen:
                seen.add(on)
                yield base | {t: True for t in on}


def _bool_inputs(rules) -> list[str]:
    """What a state's conditions read from the message: tags, signals, free comparisons."""
    names = {n for r in rules if r.when for n in r.when.names}
    out = sorted(n for n in names if n in TAGS or n in SIGNALS or n.startswith(("mentions.", "won.", "within.")))
    out += sorted({k for r in rules if r.when for k in r.when.free})
    return out


def explore(persona: Persona, compiled, norm: "tuple[frozenset[str], int] | None" = None) -> Exploration:
    """Breadth-first walk over every configuration the rules can produce.

    Which rule fires depends only on the tags and on the few names a state's
    conditions read, so the outcomes are computed once per (state, values of
    those names) and then applied to every configuration that shares them.
    Terms and ``stalled`` come from what the learner types: comparisons on
    them are taken as free to be true or false.

    ``norm`` is (withdrawal endings, provocations): when given, a second walk
    over the same configurations finds the fewest provocations (moves tagged
    threat or hostile, each tag counted) that reach each of those endings,
    and whether one is reached with no threat at all.
    """
    result = Exploration()
    var_names = list(persona.variables)
    index_of = {v: i for i, v in enumerate(var_names)}
    lows = [persona.variables[v].min for v in var_names]
    highs = [persona.variables[v].max for v in var_names]
    used = set().union(*(r.when.names for rules in compiled.values() for r in rules if r.when))
    uses_turn = "turn" in used
    uses_decline = "after_decline" in used
    max_turn = persona.turn_limit.turns if persona.turn_limit else 40
    state_tags: dict[str, list[str]] = {}
    state_full: dict[str, int] = {}
    state_groups: dict[str, list[list[tuple[dict, int]]]] = {}
    state_atoms: dict[str, list] = {}
    state_combos: dict[str, list[dict]] = {}
    for s, rules in compiled.items():
        state_tags[s] = _bool_inputs(rules)
        combos = list(_tag_combos(state_tags[s], rules))
        state_combos[s] = combos
        state_full[s] = (1 << len(combos)) - 1
        groups = []
        for r in rules:
            own = [t for t in _bool_inputs([r]) if t in state_tags[s]]
            by_value: dict[tuple, list] = {}
            for j, c in enumerate(combos):
                entry = by_value.setdefault(tuple(c[t] for t in own), [c, 0])
                entry[1] |= 1 << j
            groups.append([(c, members) for c, members in by_value.values()])
        state_groups[s] = groups
        state_atoms[s] = [a for r in rules if r.when for a in r.when.atoms]
    # (state, comparisons' truth, declined) -> the rules that fire, each with
    # the set of input combinations (bits) under which it is the one.
    outcomes: dict[tuple, list[tuple[CompiledRule, int]]] = {}
    # A rule that changes nothing is guarded when a rule before it in its
    # state reads ``stalled``: that rule moves the conversation on in time.
    guarded: dict[tuple, bool] = {}
    for s, rules in compiled.items():
        seen_stall = False
        for r in rules:
            seen_stall = seen_stall or bool(r.when and "stalled" in r.when.names)
            guarded[(s, r.key)] = seen_stall
    blank = {t: False for t in TAGS} | {s: False for s in SIGNALS}

    def fired_rules(state: str, values: tuple, turn: int, declined: bool) -> list[tuple[CompiledRule, int]]:
        env: dict = dict(blank)
        env.update(zip(var_names, values))
        env.update(turn=turn, channel=persona.states[state].channel, after_decline=declined)
        # Which rule fires depends on the variables only through the truth of
        # the comparisons this state reads: group configurations by those.
        key = (state, tuple(a(env) for a in state_atoms[state]), declined)
        hit = outcomes.get(key)
        if hit is not None:
            return hit
        rules = compiled[state]
        chosen_set: dict[tuple, tuple[CompiledRule, int]] = {}
        # Each rule reads a few of the state's inputs: evaluate it once per
        # distinct value of those, as a set of combinations (an int of bits),
        # then "first match wins" is set arithmetic.
        remaining = state_full[state]
        for i, rule in enumerate(rules):
            known = (state, rule.key) in result.satisfiable
            if not remaining and known:
                continue
            if rule.when is None:
                truth = state_full[state]
            else:
                truth = 0
                for combo, members in state_groups[state][i]:
                    if known and not members & remaining:
                        continue  # decided already, and this rule is known to be satisfiable
                    env.update(combo)
                    result.evals += 1
                    if rule.when(env):
                        truth |= members
            if truth:
                result.satisfiable.add((state, rule.key))
            if truth & remaining:
                chosen_set[rule.key] = (rule, truth & remaining)
            remaining &= ~truth
        assert not remaining  # otherwise always matches
        outcomes[key] = list(chosen_set.values())
        return outcomes[key]

    def step(config: tuple, chosen: CompiledRule) -> tuple[str, tuple, tuple | None]:
        """Where a rule firing in ``config`` leads: its target, the variables
        after it, and the next configuration (None when the conversation ends
        or the turns run out)."""
        state, values, turn, declined = config
        new_vals = list(values)
        for eff in chosen.effects:
            if eff.term:
                continue
            i = index_of[eff.variable]
            new_vals[i] = min(highs[i], max(lows[i], eff.apply(new_vals[i])))
        dest, after = chosen.goto, tuple(new_vals)
        if dest in persona.endings:
            return dest, after, None
        if uses_turn and persona.turn_limit and turn >= persona.turn_limit.turns:
            return dest, after, None
        nd = declined or persona.states[dest].declined
        return dest, after, (dest, after, min(turn + 1, max_turn) if uses_turn else 1, nd if uses_decline else False)

    start = (persona.start, tuple(persona.variables[v].start for v in var_names), 1, False)
    # For the provocation walk: every configuration's moves, kept as walked.
    edges: dict[tuple, list] | None = {} if norm is not None else None
    seen = {start}
    depth = {start: 0}  # moves played before the configuration (breadth first: the fewest)
    todo = deque([start])
    result.reached.add(persona.start)
    result.moves[persona.start] = 0
    if persona.turn_limit:  # any conversation can run out of turns
        result.reached.add(persona.turn_limit.goto)
    while todo:
        config = todo.popleft()
        state, values, turn, declined = config
        result.configs += 1
        if result.configs % PROGRESS_EVERY == 0:
            report(f"{persona.id}: {result.configs:,} of at most {MAX_CONFIGS:,} configurations walked, {result.evals:,} condition checks")
        if result.configs > MAX_CONFIGS or result.evals > MAX_EVALS:
            result.complete = False
            break
        moves = depth.pop(config) + 1
        ways = [(chosen, mask, *step(config, chosen)) for chosen, mask in fired_rules(state, values, turn, declined)]
        if edges is not None:
            edges[config] = ways
        for chosen, _, dest, after, nxt in ways:
            result.fired.add((state, chosen.key))
            result.reached.add(dest)
            result.moves.setdefault(dest, moves)
            if dest in persona.endings:
                continue
            if not any(e.term for e in chosen.effects) and after == values and not guarded[(state, chosen.key)]:
                result.idle.add((state, dest))
            if nxt is not None and nxt not in seen:
                seen.add(nxt)
                depth[nxt] = moves
                todo.append(nxt)
    if edges is not None and result.complete:
        _provocation_walk(result, norm, start, edges, state_combos)
    return result


PROVOKING = ("threat", "hostile")


def _provocation_walk(result: Exploration, norm, start, edges, state_combos) -> None:
    """The fewest provocations that reach each withdrawal ending, and whether
    one is reached with no threat at all, over the configurations already
    walked (``edges``: each one's rules, input combinations and successors).

    A move costs one provocation per tag of ``PROVOKING`` it carries; inputs a
    state does not read are false in its combinations, which is the cheapest.
    """
    import heapq

    endings, needed = norm
    cost_of: dict[tuple[str, int], tuple[int, int] | None] = {}

    def cheapest(state: str, mask: int, *, threat_free: bool) -> int | None:
        """The fewest provocations among the combinations in ``mask`` (only
        those without a threat when ``threat_free``)."""
        key = (state, mask, threat_free)
        if key in cost_of:
            return cost_of[key]
        best = None
        combos = state_combos[state]
        j = 0
        while mask:
            if mask & 1:
                c = combos[j]
                if not (threat_free and c.get("threat")):
                    n = sum(bool(c.get(t)) for t in PROVOKING)
                    best = n if best is None else min(best, n)
                    if best == 0:
                        break
            mask >>= 1
            j += 1
        cost_of[key] = best
        return best

    def label(config, rule: CompiledRule) -> str:
        return f"{config[0]}: {rule.label}"

    # 1. The fewest provocations (Dijkstra: a move costs 0, 1 or 2).
    best = {start: 0}
    back: dict[tuple, tuple[tuple, str]] = {}
    heap = [(0, 0, start)]
    tie = 1
    found: dict[str, tuple[int, list[str]]] = {}
    while heap:
        cost, _, config = heapq.heappop(heap)
        if cost > best.get(config, cost):
            continue
        if cost >= needed:
            break  # everything left is provoked enough
        for rule, mask, dest, _, nxt in edges[config]:
            c = cheapest(config[0], mask, threat_free=False)
            if c is None:
                continue
            total = cost + c
            if dest in endings and total < needed and (dest not in found or total < found[dest][0]):
                path, at = [label(config, rule)], config
                while at in back:
                    at, how = back[at]
                    path.append(how)
                found[dest] = (total, path[::-1])
            if nxt is not None and total < best.get(nxt, needed):
                best[nxt] = total
                back[nxt] = (config, label(config, rule))
                heapq.heappush(heap, (total, tie, nxt))
                tie += 1
    for dest, (total, path) in found.items():
        result.provoked[dest] = (total, -1, path)
    # 2. Reached with no threat at all (any hostility)?
    seen = {start}
    back = {}
    todo = deque([start])
    while todo:
        config = todo.popleft()
        for rule, mask, dest, _, nxt in edges[config]:
            if cheapest(config[0], mask, threat_free=True) is None:
                continue
            if dest in endings and dest not in result.provoked:
                path, at = [label(config, rule)], config
                while at in back:
                    at, how = back[at]
                    path.append(how)
                result.provoked[dest] = (-1, 0, path[::-1])
            if nxt is not None and nxt not in seen:
                seen.add(nxt)
                back[nxt] = (config, label(config, rule))
                todo.append(nxt)


def _short_idle_cycles(idle: set[tuple[str, str]]) -> list[list[str]]:
    """A state that answers itself, or two states that answer each other, with
    nothing changing: the loops a learner meets (longer tours pass through
    states with lines of their own)."""
    out = [[a] for a, b in sorted(idle) if a == b]
    out += [[a, b] for a, b in sorted(idle) if a < b and (b, a) in idle]
    return out


def withdrawal_endings(persona: Persona, scenario: Scenario) -> frozenset[str]:
    """The endings that withdraw the offer: the scenario's ``norms`` name
    them, or (by default) every ending whose id says 'withdraw'."""
    listed = scenario.norms.withdrawal_endings
    if listed is None:
        return frozenset(e for e in persona.endings if "withdraw" in e)
    return frozenset(e for e in listed if e in persona.endings)


def _explore_diagnostics(persona: Persona, compiled, src: Source, scenario: Scenario | None = None) -> list[Diagnostic]:
    needed = scenario.norms.withdraw_after_threats if scenario is not None else 0
    withdrawals = withdrawal_endings(persona, scenario) if scenario is not None and needed else frozenset()
    ex = explore(persona, compiled, (withdrawals, needed) if withdrawals else None)
    out = []
    if not ex.complete:
        why = f"{MAX_CONFIGS:,} configurations" if ex.configs > MAX_CONFIGS else f"{MAX_EVALS:,} condition checks"
        out.append(Diagnostic(src.file, 1, 1, "warning", f"exploration stopped after {why}; unreachable-rule and loop checks are partial (fewer variables, or narrower ranges, make the walk complete)"))
        return out
    limit = persona.turn_limit
    for e in persona.endings:
        if e not in ex.reached:
            out.append(src.diag(("endings", e), f"ending '{e}' can never be reached: the rules that lead to it can never fire", key=True))
        elif limit is not None and e != limit.goto and ex.moves.get(e, 0) > limit.turns:
            out.append(src.diag(("endings", e), f"ending '{e}' takes at least {ex.moves[e]} moves to reach, but the turn limit ends the conversation after {limit.turns}: it cannot be reached in practice (raise turn_limit.turns or shorten the way)", key=True, severity="warning"))
    for e, (provocations, threats, path) in sorted(ex.provoked.items()):
        way = " → ".join(path[-6:] if len(path) <= 6 else ["…", *path[-5:]]) + f" → {e}"
        if threats == 0:
            why = "with no threat at all (only open hostility, or nothing)"
        else:
            why = "after a single provocation" if provocations == 1 else ("without any provocation" if provocations == 0 else f"after {provocations} provocations")
        out.append(src.diag(("endings", e), f"ending '{e}' withdraws the offer {why}, but scenario '{scenario.id}' sets norms.withdraw_after_threats: {needed} (threats and hostile moves, at least one a threat): {way}", key=True, severity="warning"))
    handler_fired: set[tuple] = set()
    for s, rules in compiled.items():
        if s not in ex.reached:
            out.append(src.diag(("states", s), f"state '{s}' can never be reached: the rules that lead to it can never fire", key=True))
            continue
        for r in rules:
            if r.origin != "rules":
                if (s, r.key) in ex.fired:
                    handler_fired.add(r.key)
                continue
            if r.index == OTHERWISE or (s, r.key) in ex.fired:
                continue
            path = ("states", s, "rules", r.index, "when")
            if (s, r.key) in ex.satisfiable:
                msg = f"rule {s}.rules[{r.index}] never fires: an earlier rule always matches first"
            else:
                msg = f"rule {s}.rules[{r.index}] never fires: its condition is never true in this state"
            out.append(src.diag(path, msg, severity="warning"))
    for origin in ("always", "fallback"):
        for i, _ in enumerate(getattr(persona, origin)):
            key = (origin, "", i)
            if key not in handler_fired and any(r.key == key for rules in compiled.values() for r in rules):
                out.append(src.diag((origin, i, "when"), f"{origin}[{i}] never fires in any state: earlier rules always match first, or its condition is never true", severity="warning"))
    for group in _short_idle_cycles(ex.idle):
        loop = " -> ".join(group + [group[0]])
        out.append(src.diag(("states", group[0]), f"the conversation can go round {loop} with nothing changing; give the rules there an effect or a limit, or put a rule on 'stalled' (e.g. 'stalled >= 3') before them", key=True, severity="warning"))
    return out
