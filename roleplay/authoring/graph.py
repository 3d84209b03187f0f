"""A persona's dialogue as a diagram, from the model itself: Mermaid (a
state diagram) or Graphviz DOT.

Node ids are distinct and stable: a persona's ids are lower case, so an id
keeps its name, with each '-' written '_H_' for Mermaid (``stung-again`` and
``stung_again`` stay two nodes); DOT quotes the names as they are. Labels are
never cut silently: Mermaid (no quoting, one line) ends a long label with
"…", DOT wraps it. ``effects`` adds each rule's effects to its arrow.
"""

from __future__ import annotations

import re
import textwrap

from roleplay.persona.compiled import OTHERWISE, LoadedPersona

LABEL_CHARS = 60  # a Mermaid arrow label longer than this ends with "…"
WRAP = 40  # DOT labels wrap at this width
ANY = "ANY"  # the "any state" node (upper case: no persona id can be it)


def _label(text: str, limit: int = LABEL_CHARS) -> str:
    """One line Mermaid can read: no ':' or ';', and at most ``limit``
    characters, a longer one cut at a word and ended with "…"."""
    text = re.sub(r"[^\w<>=!+\-. ()\"',/\[\]]", " ", text)
    text = " ".join(text.replace('"', "'").split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    if " " in cut[limit // 2 :]:
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip() + "…"


def _node(name: str) -> str:
    """A Mermaid id for a state or ending: its name, each '-' written '_H_'."""
    return re.sub(r"[^a-z0-9_]", lambda m: "_H_" if m.group(0) == "-" else f"_U{ord(m.group(0)):X}_", name)


def _edges(loaded: LoadedPersona, effects: bool) -> list[tuple[str, str, str, str]]:
    """(from, to, condition, effects) for every arrow: each state's own
    rules, then one arrow per persona-wide handler from the "any state" node
    (ANY). ``effects`` is "" unless asked for."""
    p = loaded.persona
    out = []

    def with_effects(label: str, rule_effects) -> tuple[str, str]:
        return label, ", ".join(rule_effects) if effects else ""

    for s, rules in loaded.rules.items():
        for r in rules:
            if r.origin != "rules":
                continue  # drawn once, below
            label = "otherwise" if r.index == OTHERWISE else (r.when.text if r.when else "")
            out.append((s, r.goto, *with_effects(label, [e.text for e in r.effects])))
    # Persona-wide handlers apply in (almost) every state: one edge each from
    # a single "any state" node, instead of a copy per state. A handler that
    # stays where it is only changes things: drawn with its effects.
    for origin in ("always", "fallback"):
        for i, h in enumerate(getattr(p, origin)):
            if not h.goto and not (effects and h.effects):
                continue
            where = f" (in {', '.join(h.only_in)})" if h.only_in else (f" (except {', '.join(h.except_in)})" if h.except_in else "")
            out.append((ANY, h.goto or ANY, *with_effects(f"{origin}[{i}] {h.when}{where}", list(h.effects))))
    return out


def to_mermaid(loaded: LoadedPersona, *, effects: bool = False) -> str:
    p = loaded.persona
    lines = ["stateDiagram-v2", f"    [*] --> {_node(p.start)}"]
    for s, state in p.states.items():
        lines.append(f"    {_node(s)}: {s} ({state.channel}{', declined' if state.declined else ''})")
    edges = _edges(loaded, effects)
    if any(edge[0] == ANY for edge in edges):
        lines.append(f"    {ANY}: (any state)")
    for a, b, label, changes in edges:
        a_id = ANY if a == ANY else _node(a)
        b_id = ANY if b == ANY else _node(b)
        shown = _label(label) + (f" / {_label(changes)}" if changes else "")
        lines.append(f"    {a_id} --> {b_id}: {shown}")
    if p.turn_limit:
        lines.append(f"    note right of {_node(p.turn_limit.goto)}: after {p.turn_limit.turns} moves")
    for e, ending in p.endings.items():
        lines.append(f"    {_node(e)}: {e} [{ending.outcome}]")
        lines.append(f"    {_node(e)} --> [*]")
    return "\n".join(lines)


def _dot_text(text: str) -> str:
    """A DOT label: quoted, wrapped (never cut)."""
    lines = textwrap.wrap(" ".join(text.split()), WRAP, break_long_words=True, break_on_hyphens=False) or [""]
    return '"' + "\\n".join(x.replace("\\", "\\\\").replace('"', '\\"') for x in lines) + '"'


def to_dot(loaded: LoadedPersona, *, effects: bool = False) -> str:
    """The dialogue as a Graphviz digraph (``dot -Tsvg``)."""
    p = loaded.persona

    def q(name: str) -> str:
        return '"' + name.replace("\\", "\\\\").replace('"', '\\"') + '"'

    lines = [f"digraph {q(p.id)} {{", "    rankdir=LR;", '    node [shape=box, style=rounded, fontname="Helvetica"];',
             '    edge [fontname="Helvetica", fontsize=10];', '    "__start__" [shape=point];', f'    "__start__" -> {q(p.start)};']
    for s, state in p.states.items():
        lines.append(f"    {q(s)} [label={_dot_text(f'{s} ({state.channel}' + (', declined)' if state.declined else ')'))}];")
    for e, ending in p.endings.items():
        lines.append(f"    {q(e)} [shape=doubleoctagon, label={_dot_text(f'{e} [{ending.outcome}]')}];")
    edges = _edges(loaded, effects)
    if any(edge[0] == ANY for edge in edges):
        lines.append('    "__any__" [shape=box, style=dashed, label="(any state)"];')
    for a, b, label, changes in edges:
        src = '"__any__"' if a == ANY else q(a)
        dst = '"__any__"' if b == ANY else q(b)
        lines.append(f"    {src} -> {dst} [label={_dot_text(label + (f' / {changes}' if changes else ''))}];")
    if p.turn_limit:
        lines.append(f'    "__turns__" [shape=note, label={_dot_text(f"after {p.turn_limit.turns} moves")}];')
        lines.append(f'    "__turns__" -> {q(p.turn_limit.goto)} [style=dotted];')
    lines.append("}")
    return "\n".join(lines)
