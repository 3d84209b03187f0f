"""``roleplay try``: what one message does in one state, for authors.

A try is a one-move session placed at a state with chosen variables: the
same engine as the tutor, so what it shows is what a learner would get
(tags with their evidence, the rule that fires, the reply, the next state,
the variables and the terms). The interactive mode plays on from there and
reloads the persona when its file changes.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, TextIO

from roleplay.analysis.signals import SIGNAL_NAMES
from roleplay.engine.session import Session, SessionEnded
from roleplay.engine.transcript import Turn
from roleplay.persona.compiled import LoadedPersona


def parse_vars(items: list[str]) -> dict[str, int]:
    """``NAME=N`` pairs; raises ValueError with the offending item."""
    out: dict[str, int] = {}
    for item in items:
        name, sep, value = item.partition("=")
        name, value = name.strip(), value.strip()
        if not sep or not name:
            raise ValueError(f"--var {item!r}: write NAME=N, e.g. --var trust=30")
        try:
            out[name] = int(value)
        except ValueError:
            raise ValueError(f"--var {item!r}: {value!r} is not a whole number") from None
    return out


@dataclass
class Tried:
    """One move and what it did."""

    state: str
    channel: str
    variables_before: dict[str, int]
    offer_before: dict
    turn: Turn
    signals: list[str] = field(default_factory=list)
    rule_when: str | None = None
    rule_effects: list[str] = field(default_factory=list)
    ended: str | None = None  # the ending's outcome when the move reached one

    def to_json(self) -> dict:
        t = self.turn
        return {
            "state": self.state,
            "channel": self.channel,
            "message": t.learner,
            "tags": list(t.tags),
            "evidence": dict(t.evidence),
            "signals": self.signals,
            "terms": [x.model_dump(mode="json") for x in t.terms],
            "rule": {"id": t.rule, "when": self.rule_when, "effects": self.rule_effects},
            "reply": t.manager,
            "next_state": t.state,
            "ending": self.ended,
            "variables": {"before": self.variables_before, "after": dict(t.variables)},
            "offer": {"before": self.offer_before, "after": dict(t.offer)},
            "feedback": [f.model_dump(mode="json") for f in t.feedback],
        }


def try_move(session: Session, message: str) -> Tried:
    """Play ``message`` in ``session`` and describe it (raises SessionEnded, ValueError)."""
    state, channel = session.state, session.channel
    before, offer = dict(session.variables), dict(session.offer)
    heard = session.listen(message)
    turn = session.play(message, heard=heard)
    rule = next((r for r in _rules(session.persona) if r.label == turn.rule), None)
    ended = session.ending_info().outcome if session.ended else None
    return Tried(
        state=state,
        channel=channel,
        variables_before=before,
        offer_before=offer,
        turn=turn,
        signals=[s for s in SIGNAL_NAMES if s in heard.signals],
        rule_when=rule.when.text if rule is not None and rule.when is not None else None,
        rule_effects=[e.text for e in rule.effects] if rule is not None else [],
        ended=ended,
    )


def _rules(lp: LoadedPersona):
    for rules in lp.rules.values():
        yield from rules


def try_message(lp: LoadedPersona, message: str, *, state: str | None = None,
                variables: dict[str, int] | None = None, seed: int = 0) -> Tried:
    """What ``message`` does in ``state`` (default: the start) with ``variables`` set."""
    return try_move(Session(lp, seed, start_state=state, start_vars=variables), message)


# ------------------------------------------------------------ showing it


def _values(values: dict) -> str:
    return ", ".join(f"{k} {v}" for k, v in values.items()) or "none"


def _changes(before: dict, after: dict) -> str:
    parts = []
    for k in after:
        if before.get(k) != after[k]:
            parts.append(f"{k} {before.get(k)} → {after[k]}")
        else:
            parts.append(f"{k} {after[k]}")
    return ", ".join(parts) or "none"


def render(tried: Tried, lp: LoadedPersona, shown: Callable[[str], str] = str, width: int = 88) -> str:
    """The plain-text view of a try (``shown`` makes file text safe for a terminal)."""
    t = tried.turn
    wrap = lambda label, text: textwrap.fill(  # noqa: E731
        shown(text), width=width, initial_indent=f"{label:<11}", subsequent_indent=" " * 11
    )
    tags = ", ".join(f"{tag} ({shown(repr(t.evidence[tag]))})" if tag in t.evidence else tag for tag in t.tags) or "none"
    lines = [
        f"{'state':<11}{tried.state} ({tried.channel}) · variables: {_values(tried.variables_before)}",
        wrap("message", t.learner),
        wrap("tags", tags),
    ]
    if tried.signals:
        lines.append(f"{'signals':<11}{', '.join(tried.signals)}")
    if t.terms:
        lines.append(wrap("terms", "; ".join(f"{x.issue} = {x.value!r} ({x.text!r})" for x in t.terms)))
    rule = t.rule + (f"  when: {tried.rule_when}" if tried.rule_when else "  (no condition)")
    if tried.rule_effects:
        rule += f"  effects: [{', '.join(tried.rule_effects)}]"
    lines.append(wrap("rule", shown(rule)))
    lines.append(wrap("reply", t.manager))
    nxt = t.state + (f" (ending: {tried.ended})" if tried.ended else "")
    lines.append(f"{'next state':<11}{nxt}")
    lines.append(wrap("variables", _changes(tried.variables_before, t.variables)))
    if t.offer != tried.offer_before:
        lines.append(wrap("offer", _changes(tried.offer_before, t.offer)))
    for f in t.feedback:
        lines.append(wrap("feedback" if f is t.feedback[0] else "", f"{f.delta:+d} {f.principle}: {f.message}"))
    return "\n".join(lines)


# ------------------------------------------------------------ interactive

HELP = """Type a message to play it. Commands:
  :state NAME      start again from state NAME      :var NAME=N   set a variable
  :reset           start again from the start       :stay         toggle: stay in the state after each try
  :states          list the states                  :quit         leave (or ctrl+d)
The persona file is reloaded whenever it changes; errors are shown and the last good version is kept."""


class Repl:
    """``roleplay try PERSONA`` with no message: try and play on, reloading on save."""

    def __init__(self, path: Path, load: Callable[[Path], LoadedPersona], out: TextIO,
                 shown: Callable[[str], str] = str, state: str | None = None, variables: dict[str, int] | None = None):
        self.path, self.load, self.out, self.shown = path, load, out, shown
        self.lp = load(path)
        self.mtime = self._mtime()
        self.state, self.variables = state, dict(variables or {})
        self.stay = False
        self.session = self._new()

    def _mtime(self) -> float:
        try:
            return self.path.stat().st_mtime
        except OSError:
            return 0.0

    def _new(self) -> Session:
        return Session(self.lp, 0, start_state=self.state, start_vars=self.variables)

    def say(self, text: str = "") -> None:
        self.out.write(text + "\n")
        self.out.flush()

    def reload_if_changed(self) -> None:
        now = self._mtime()
        if now == self.mtime:
            return
        self.mtime = now
        try:
            lp = self.load(self.path)
        except Exception as exc:  # the loader's error, already one line per problem
            self.say(f"reload failed; keeping the last good version:\n{exc}")
            return
        moves = list(self.session.moves)
        self.lp = lp
        try:
            self.session = Session.replay(lp, 0, moves, start_state=self.state, start_vars=self.variables)
        except ValueError as exc:
            self.say(f"reloaded, but {exc}; starting from the start")
            self.state, self.variables = None, {}
            self.session = self._new()
            return
        self.say(f"reloaded {self.path.name}: {len(moves)} move(s) replayed; now in {self.session.state}")

    def command(self, line: str) -> bool:
        """Run a ``:command``; False to quit."""
        name, _, arg = line[1:].strip().partition(" ")
        arg = arg.strip()
        if name in ("q", "quit", "exit"):
            return False
        if name == "state":
            try:
                Session(self.lp, 0, start_state=arg, start_vars=self.variables)
            except ValueError as exc:
                self.say(str(exc))
                return True
            self.state = arg
            self.session = self._new()
            self.say(f"now in {arg}")
        elif name == "var":
            try:
                self.variables.update(parse_vars([arg]))
                self.session = Session(self.lp, 0, start_state=self.session.state, start_vars={**self.session.variables, **self.variables})
                self.state = self.session.state
            except ValueError as exc:
                self.say(str(exc).replace("--var ", ""))
                return True
            self.say(f"variables: {_values(self.session.variables)}")
        elif name == "reset":
            self.state, self.variables = None, {}
            self.session = self._new()
            self.say(f"back at the start: {self.session.state}")
        elif name == "stay":
            self.stay = not self.stay
            self.say("each try now stays in its state" if self.stay else "each try now plays on")
        elif name == "states":
            self.say(", ".join(self.lp.persona.states))
        else:
            self.say(HELP)
        return True

    def run(self, lines) -> int:
        self.say(f"{self.lp.id}: in {self.session.state}. :help lists the commands.")
        for raw in lines:
            line = raw.rstrip("\n")
            self.reload_if_changed()
            if not line.strip():
                continue
            if line.startswith(":"):
                if not self.command(line):
                    break
                continue
            here = Session(self.lp, 0, start_state=self.session.state, start_vars=dict(self.session.variables)) if self.stay else self.session
            try:
                tried = try_move(here, line)
            except SessionEnded:
                self.say("the conversation has ended: :reset or :state NAME to go on")
                continue
            self.say(render(tried, self.lp, self.shown))
            self.say()
        return 0
