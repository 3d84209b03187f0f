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
from collections import deque
from dataclasses import dataclass, field

from roleplay.analysis.tags import TAGS
from roleplay.persona.compiled import OTHERWISE, CompiledRule
from roleplay.persona.diagnostics import Diagnostic
from roleplay.persona.expr import ExprError, compile_condition, compile_effect
from roleplay.persona.model import Persona, Scenario
from roleplay.persona.template import placeholders
from roleplay.persona.yamlsource import Source

RESERVED = ("turn", "channel", "after_decline")
MAX_CONFIGS = 60_000
MAX_TAGS_EXHAUSTIVE = 9  # 2**9 tag combinations per configuration at most


def condition_names(persona: Persona) -> dict[str, str]:
    names = {t: "bool" for t in TAGS}
    names.update({v: "int" for v in persona.variables})
    names.update(turn="int", channel="str", after_decline="bool")
    return names


def _did_you_mean(name: str, options) -> str:
    close = difflib.get_close_matches(name, sorted(options), n=1, cutoff=0.6)
    return f" (did you mean '{close[0]}'?)" if close else ""


def check_persona(
    persona: Persona, scenario: Scenario, src: Source, *, explore: bool = True
) -> tuple[list[Diagnostic], dict[str, tuple[CompiledRule, ...]]]:
    out: list[Diagnostic] = []
    states, endings = persona.states, persona.endings
    targets = set(states) | set(endings)

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

    names = condition_names(persona)
    known_templates = set(scenario.names) | set(persona.names) | {"manager", "manager_first", "role"}

    def check_lines(path, lines):
        for i, line in enumerate(lines):
            for ph, offset in placeholders(line):
                if ph not in known_templates:
                    ln, col = src.scalar_start(path + (i,))
                    out.append(Diagnostic(src.file, ln, col + offset if ln == src.where(path + (i,))[0] else col, "error", f"unknown template name '{{{ph}}}'{_did_you_mean(ph, known_templates)}; known: {', '.join(sorted(known_templates))}"))

    compiled: dict[str, tuple[CompiledRule, ...]] = {}
    for sname, state in states.items():
        check_lines(("states", sname, "say"), state.say)
        rules: list[CompiledRule] = []
        entries = [(i, r, ("states", sname, "rules", i)) for i, r in enumerate(state.rules)]
        entries.append((OTHERWISE, state.otherwise, ("states", sname, "otherwise")))
        for index, rule, path in entries:
            cond = None
            if index != OTHERWISE:
                try:
                    cond = compile_condition(rule.when, names)
                except ExprError as exc:
                    ln, col = src.scalar_start(path + ("when",))
                    out.append(Diagnostic(src.file, ln, col + exc.offset, "error", f"in condition: {exc.message}"))
            effects = []
            for j, text in enumerate(rule.effects):
                try:
                    effects.append(compile_effect(text, persona.variables))
                except ExprError as exc:
                    ln, col = src.scalar_start(path + ("effects", j))
                    out.append(Diagnostic(src.file, ln, col + exc.offset, "error", f"in effect: {exc.message}"))
            if rule.goto not in targets:
                out.append(src.diag(path + ("goto",), f"'{rule.goto}' is not a state or an ending{_did_you_mean(rule.goto, targets)}"))
            check_lines(path + ("say",), rule.say)
            rules.append(CompiledRule(sname, index, cond, rule.goto, tuple(effects), tuple(rule.say)))
        compiled[sname] = tuple(rules)
    for ename, ending in endings.items():
        check_lines(("endings", ename, "say"), ending.say)
    check_lines(("opening",), persona.opening)

    if any(d.severity == "error" for d in out):
        return out, compiled

    out += _reachability(persona, compiled, src)
    if explore and not any(d.severity == "error" for d in out):
        out += _explore_diagnostics(persona, compiled, src)
    return out, compiled


def check_scenario(scenario: Scenario, src: Source) -> list[Diagnostic]:
    """Meaning checks of a scenario file, reported in that file."""
    from roleplay.analysis.principles import PRINCIPLE_IDS

    # Weights name principles; a typo would silently weigh nothing.
    return [
        src.diag(("weights", pid), f"unknown principle '{pid}'{_did_you_mean(pid, PRINCIPLE_IDS)}; it weighs nothing", key=True, severity="warning")
        for pid in scenario.weights
        if pid not in PRINCIPLE_IDS
    ]


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

    fired: set[tuple[str, int]] = field(default_factory=set)
    satisfiable: set[tuple[str, int]] = field(default_factory=set)
    reached: set[str] = field(default_factory=set)
    configs: int = 0
    complete: bool = True


def _tag_combos(tags: list[str]):
    if len(tags) <= MAX_TAGS_EXHAUSTIVE:
        for bits in itertools.product((False, True), repeat=len(tags)):
            yield dict(zip(tags, bits))
        return
    for k in range(0, 4):  # too many to enumerate: every combination of up to 3 tags
        for chosen in itertools.combinations(tags, k):
            yield {t: (t in chosen) for t in tags}


def explore(persona: Persona, compiled) -> Exploration:
    """Breadth-first walk over every configuration the rules can produce.

    Which rule fires depends only on the tags and on the few names a state's
    conditions read, so the outcomes are computed once per (state, values of
    those names) and then applied to every configuration that shares them.
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
    state_atoms: dict[str, list] = {}
    for s, rules in compiled.items():
        names = {n for r in rules if r.when for n in r.when.names}
        state_tags[s] = sorted(n for n in names if n in TAGS)
        state_atoms[s] = [a for r in rules if r.when for a in r.when.atoms]
    outcomes: dict[tuple, list[CompiledRule]] = {}

    def fired_rules(state: str, values: tuple, turn: int, declined: bool) -> list[CompiledRule]:
        env = {t: False for t in TAGS}
        env.update(zip(var_names, values))
        env.update(turn=turn, channel=persona.states[state].channel, after_decline=declined)
        # Which rule fires depends on the variables only through the truth of
        # the comparisons this state reads: group configurations by those.
        key = (state, tuple(a(env) for a in state_atoms[state]), declined)
        hit = outcomes.get(key)
        if hit is not None:
            return hit
        rules = compiled[state]
        chosen_set: dict[int, CompiledRule] = {}
        for combo in _tag_combos(state_tags[state]):
            env.update(combo)
            chosen = None
            for rule in rules:
                if rule.when is None or rule.when(env):
                    result.satisfiable.add((state, rule.index))
                    if chosen is None:
                        chosen = rule
            assert chosen is not None  # otherwise always matches
            chosen_set[chosen.index] = chosen
        outcomes[key] = list(chosen_set.values())
        return outcomes[key]

    start = (persona.start, tuple(persona.variables[v].start for v in var_names), 1, False)
    seen = {start}
    todo = deque([start])
    result.reached.add(persona.start)
    if persona.turn_limit:  # any conversation can run out of turns
        result.reached.add(persona.turn_limit.goto)
    while todo:
        state, values, turn, declined = todo.popleft()
        result.configs += 1
        if result.configs > MAX_CONFIGS:
            result.complete = False
            break
        for chosen in fired_rules(state, values, turn, declined):
            result.fired.add((state, chosen.index))
            new_vals = list(values)
            for eff in chosen.effects:
                i = index_of[eff.variable]
                new_vals[i] = min(highs[i], max(lows[i], eff.apply(new_vals[i])))
            dest = chosen.goto
            result.reached.add(dest)
            if dest in persona.endings:
                continue
            if uses_turn and persona.turn_limit and turn >= persona.turn_limit.turns:
                continue
            nd = declined or persona.states[dest].declined
            nxt = (dest, tuple(new_vals), min(turn + 1, max_turn) if uses_turn else 1, nd if uses_decline else False)
            if nxt not in seen:
                seen.add(nxt)
                todo.append(nxt)
    return result


def _explore_diagnostics(persona: Persona, compiled, src: Source) -> list[Diagnostic]:
    ex = explore(persona, compiled)
    out = []
    if not ex.complete:
        out.append(Diagnostic(src.file, 1, 1, "warning", f"exploration stopped after {MAX_CONFIGS} configurations; unreachable-rule checks are partial"))
        return out
    for e in persona.endings:
        if e not in ex.reached:
            out.append(src.diag(("endings", e), f"ending '{e}' can never be reached: the rules that lead to it can never fire", key=True))
    for s, rules in compiled.items():
        if s not in ex.reached:
            out.append(src.diag(("states", s), f"state '{s}' can never be reached: the rules that lead to it can never fire", key=True))
            continue
        for r in rules:
            if r.index == OTHERWISE or (s, r.index) in ex.fired:
                continue
            path = ("states", s, "rules", r.index, "when")
            if (s, r.index) in ex.satisfiable:
                msg = f"rule {r.index + 1} of state '{s}' never fires: an earlier rule always matches first"
            else:
                msg = f"rule {r.index + 1} of state '{s}' never fires: its condition is never true in this state"
            out.append(src.diag(path, msg, severity="warning"))
    return out
