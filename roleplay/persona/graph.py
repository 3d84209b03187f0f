"""A persona's dialogue as a Mermaid state diagram, from the model itself.

Labels are escaped (Mermaid has no quoting inside transition labels) and
endings are marked as final states with their outcome.
"""

from __future__ import annotations

import re

from roleplay.persona.compiled import OTHERWISE, LoadedPersona


def _label(text: str) -> str:
    text = re.sub(r"[^\w<>=!+\-. ()\"']", " ", text)
    text = text.replace('"', "'").replace(":", " ")
    return " ".join(text.split())[:60]


def _node(name: str) -> str:
    return re.sub(r"\W", "_", name)


def to_mermaid(loaded: LoadedPersona) -> str:
    p = loaded.persona
    lines = ["stateDiagram-v2", f"    [*] --> {_node(p.start)}"]
    for s, state in p.states.items():
        lines.append(f"    {_node(s)}: {_node(s)} ({state.channel}{', declined' if state.declined else ''})")
    for s, rules in loaded.rules.items():
        for r in rules:
            if r.origin != "rules":
                continue  # drawn once, below
            label = "otherwise" if r.index == OTHERWISE else _label(r.when.text if r.when else "")
            lines.append(f"    {_node(s)} --> {_node(r.goto)}: {label}")
    # Persona-wide handlers apply in (almost) every state: one edge each from
    # a single "any state" node, instead of a copy per state.
    handlers = [(origin, i, h) for origin in ("always", "fallback") for i, h in enumerate(getattr(p, origin)) if h.goto]
    if handlers:
        lines.append("    any_state: (any state)")
        for origin, i, h in handlers:
            where = f" in {', '.join(h.only_in)}" if h.only_in else (f" except {', '.join(h.except_in)}" if h.except_in else "")
            lines.append(f"    any_state --> {_node(h.goto)}: {origin} {_label(h.when)}{_label(where)}")
    if p.turn_limit:
        lines.append(f"    note right of {_node(p.turn_limit.goto)}: after {p.turn_limit.turns} moves")
    for e, ending in p.endings.items():
        lines.append(f"    {_node(e)}: {_node(e)} [{ending.outcome}]")
        lines.append(f"    {_node(e)} --> [*]")
    return "\n".join(lines)
