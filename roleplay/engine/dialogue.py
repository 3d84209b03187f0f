"""The persona's finite-state dialogue as a ``transitions`` machine.

One machine per loaded persona; each session adds its own model to it.
Nothing from the persona file is ever handed to ``transitions`` as a name it
could resolve: states are renamed ``s0``, ``s1``... and endings ``e0``...,
trigger names are our constants, and conditions and callbacks are compiled
Python callables, never strings (``transitions`` would look strings up on
the model or import them as dotted paths). Rules become transitions in file
order, so ``transitions`` itself applies "first match wins".
"""

from __future__ import annotations

import logging
import threading
from typing import Any

from transitions import Machine

from roleplay.persona.compiled import CompiledRule, LoadedPersona

MOVE = "learner_move"
TIME_UP = "turn_limit_reached"

# transitions logs every trigger at INFO; keep the library quiet for users.
logging.getLogger("transitions").setLevel(logging.WARNING)


class DialogueModel:
    """The per-session model: its current internal state and the rule that fired."""

    def __init__(self) -> None:
        self.state: str = ""
        self.fired: CompiledRule | None = None


class Dialogue:
    """The machine for one persona, and the mapping to and from its names."""

    def __init__(self, loaded: LoadedPersona):
        p = loaded.persona
        self.to_internal: dict[str, str] = {}
        for i, s in enumerate(p.states):
            self.to_internal[s] = f"s{i}"
        for i, e in enumerate(p.endings):
            self.to_internal[e] = f"e{i}"
        self.to_name = {v: k for k, v in self.to_internal.items()}
        states: list[Any] = [{"name": self.to_internal[s]} for s in p.states]
        states += [{"name": self.to_internal[e], "final": True} for e in p.endings]
        self.machine = Machine(
            model=None,
            states=states,
            initial=self.to_internal[p.start],
            auto_transitions=False,
            send_event=True,
            ignore_invalid_triggers=False,
            model_attribute="state",
        )
        for sname, rules in loaded.rules.items():
            for rule in rules:
                self.machine.add_transition(
                    MOVE,
                    source=self.to_internal[sname],
                    dest=self.to_internal[rule.goto],
                    conditions=[self._guard(rule)] if rule.when is not None else [],
                    after=[self._record(rule)],
                )
        if p.turn_limit:
            self.machine.add_transition(
                TIME_UP, source=[self.to_internal[s] for s in p.states], dest=self.to_internal[p.turn_limit.goto]
            )
        self._lock = threading.Lock()

    @staticmethod
    def _guard(rule: CompiledRule):
        def guard(event) -> bool:
            return rule.when(event.kwargs["env"])  # exactly True or False

        return guard

    @staticmethod
    def _record(rule: CompiledRule):
        def record(event) -> None:
            event.model.fired = rule

        return record

    def new_model(self) -> DialogueModel:
        model = DialogueModel()
        with self._lock:
            self.machine.add_model(model)
        return model

    def release(self, model: DialogueModel) -> None:
        with self._lock:
            self.machine.remove_model(model)

    def move(self, model: DialogueModel, env: dict) -> CompiledRule:
        """Fire the learner's move; return the rule that matched."""
        model.fired = None
        self.machine.events[MOVE].trigger(model, env=env)
        assert model.fired is not None, "every state has an otherwise"
        return model.fired

    def time_up(self, model: DialogueModel) -> None:
        self.machine.events[TIME_UP].trigger(model)

    def current(self, model: DialogueModel) -> str:
        return self.to_name[model.state]


_CACHE: dict[int, tuple[LoadedPersona, Dialogue]] = {}
_CACHE_LOCK = threading.Lock()


def dialogue_for(loaded: LoadedPersona) -> Dialogue:
    """The (cached) machine of a loaded persona."""
    key = id(loaded)
    with _CACHE_LOCK:
        hit = _CACHE.get(key)
        if hit is not None and hit[0] is loaded:
            return hit[1]
        d = Dialogue(loaded)
        _CACHE[key] = (loaded, d)  # holding ``loaded`` keeps its id unique
        if len(_CACHE) > 64:
            _CACHE.pop(next(iter(_CACHE)))
        return d
