"""A persona after loading: models plus compiled rules, ready for the engine."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from roleplay.source.diagnostics import Diagnostic
from roleplay.persona.expr import Condition, Effect
from roleplay.persona.model import Ending, Persona, Scenario, State
from roleplay.persona.termspec import TermInfo

OTHERWISE = -1  # the rule index of a state's ``otherwise``


@dataclass(frozen=True)
class CompiledRule:
    """One rule as it applies in one state, compiled.

    ``origin`` is ``rules`` (the state's own; ``index`` is OTHERWISE for its
    ``otherwise``), or ``always``/``fallback`` for a persona-wide handler,
    whose ``index`` is its place in that list. ``say`` holds
    ``(text, channel or None)`` pairs.
    """

    state: str
    index: int
    when: Condition | None
    goto: str
    effects: tuple[Effect, ...]
    say: tuple[tuple[str, str | None], ...]
    origin: str = "rules"

    @property
    def label(self) -> str:
        if self.origin != "rules":
            return f"{self.origin}[{self.index}]"
        return f"{self.state}.otherwise" if self.index == OTHERWISE else f"{self.state}.rules[{self.index}]"

    @property
    def key(self) -> tuple[str, str, int]:
        """Identifies the rule in the file (a handler is one rule in every state)."""
        return (self.origin, self.state if self.origin == "rules" else "", self.index)


@dataclass(frozen=True)
class LoadedPersona:
    persona: Persona
    scenario: Scenario
    file: str
    scenario_file: str
    rules: dict[str, tuple[CompiledRule, ...]]
    names: dict[str, str]
    digest: str
    warnings: tuple[Diagnostic, ...] = field(default=())
    terms: dict[str, TermInfo] = field(default_factory=dict)

    @property
    def id(self) -> str:
        return self.persona.id

    def state(self, name: str) -> State:
        return self.persona.states[name]

    def ending(self, name: str) -> Ending:
        return self.persona.endings[name]

    def is_ending(self, name: str) -> bool:
        return name in self.persona.endings

    def weights(self) -> dict[str, float]:
        return dict(self.scenario.weights)


def digest_of(*texts: str) -> str:
    h = hashlib.sha256()
    for t in texts:
        h.update(t.encode("utf-8"))
        h.update(b"\0")
    return h.hexdigest()[:16]


def display_path(path: Path) -> str:
    """A path as users typed it when relative to the working directory."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)
