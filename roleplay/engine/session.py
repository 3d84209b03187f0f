"""A conversation between a learner and a persona.

A learner move goes: behaviour tags (detector) + context (channel, turn,
variables) and the terms it names (kept as ``asked.X``) and its signals (a goodbye,
small talk) -> the first matching rule (through the ``transitions`` machine:
the persona's ``always`` handlers, the state's rules, its ``fallback``
handlers, ``otherwise``) -> effects (variables, and the offer within the
persona's limits) -> new state -> the manager's reply (a variant chosen by a
seeded RNG among lines not yet said in this conversation) -> principle
feedback and scores.

Everything is a function of persona + seed + moves: ``Session.replay`` is how
undo, branching, resume and re-grading work.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass
from typing import Callable, Iterable

from roleplay.analysis.feedback import Feedback, MoveContext, SessionScore
from roleplay.analysis.normalize import MAX_CHARS as MAX_MESSAGE_CHARS  # longer messages are cut, with a notice
from roleplay.analysis.rubric import assess_move, assess_outcome, negotiated
from roleplay.analysis.scoring import final_score, score_session
from roleplay.analysis.signals import SIGNAL_NAMES, signals
from roleplay.analysis.tags import TAGS, Detection
from roleplay.analysis.terms import terms
from roleplay.coaching.load import scenario_texts
from roleplay.engine.dialogue import Dialogue, dialogue_for
from roleplay.engine.move import Move
from roleplay.engine.transcript import DealItem, EndingInfo, FeedbackItem, Score, TermItem, Transcript, Turn
from roleplay.persona.compiled import OTHERWISE, CompiledRule, LoadedPersona
from roleplay.persona.model import Ending, say_channel, say_text
from roleplay.persona.template import fill, placeholders
from roleplay.persona.termspec import Value, deal_phrase, empty, normalize

# A reply candidate: (template text, channel it fits or None, line id).
Candidate = tuple[str, "str | None", str]


def _default_detect(text: str) -> Detection:
    from roleplay.analysis.detector import detect

    return detect(text)


def _canonical(info, value: str) -> str:
    """A text term as the persona spells it ("denver" -> "Denver")."""
    for name in (*info.allowed, str(info.start)):
        if name.casefold() == value.casefold():
            return name
    return value[:1].upper() + value[1:] if value.islower() else value


class SessionEnded(Exception):
    """A move was played after the conversation reached an ending."""


@dataclass(frozen=True)
class Heard:
    """What reading one message found, before the manager answers it.

    Reading (the tagger, the terms, the signals) is the only part of a move
    that can be slow, and it touches no session state, so the UI runs it in a
    worker thread and hands the result to ``Session.play`` on the event loop.
    """

    text: str  # as cut to MAX_MESSAGE_CHARS
    detection: Detection
    found: tuple
    signals: frozenset[str]


def read_message(text: str, *, tags: Iterable[str] | None = None, detect: Callable[[str], Detection] | None = None) -> Heard:
    """Read one message: its tags (or the ones given), the terms it names, its signals."""
    text = (text if isinstance(text, str) else str(text))[:MAX_MESSAGE_CHARS]
    detection = Detection.from_tags(tuple(tags), text) if tags is not None else (detect or _default_detect)(text)
    return Heard(text, detection, tuple(terms(text)), signals(text) if text.strip() else frozenset())


class Session:
    """One conversation. Create it, then ``play`` learner messages."""

    def __init__(
        self,
        persona: LoadedPersona,
        seed: int = 0,
        *,
        detector: Callable[[str], Detection] | None = None,
        start_state: str | None = None,
        start_vars: dict[str, int] | None = None,
    ):
        self.persona = persona
        self.seed = int(seed)
        self._detect = detector or _default_detect
        # An author's placement (``try --state``, ``play --from-state``): part
        # of what determines the session, like the seed, so replays keep it.
        self.start_state = start_state
        self.start_vars = dict(start_vars or {})
        self._dialogue: Dialogue = dialogue_for(persona)
        self._coaching = scenario_texts(persona.scenario.coaching)
        self._model = self._dialogue.new_model()
        p = persona.persona
        self.variables: dict[str, int] = {k: v.start for k, v in p.variables.items()}
        self.turns: list[Turn] = []
        self.moves: list[Move] = []
        self.feedback: list[list[Feedback]] = []
        self.detections: list[Detection] = []
        self.after_decline = p.states[p.start].declined
        self.asked: dict[str, Value] = {}
        self.offer: dict[str, Value] = {k: t.start for k, t in persona.terms.items()}
        self.stalled = 0  # moves in a row that left everything as it was
        self.new_ask = False  # the last move named a term, or a value, not heard before
        self._named: set[str] = set()
        self._said_now: dict[str, Value] = {}
        self._visited = {p.start}
        self._said: dict[str, int] = {}  # line as said -> the last turn it was said
        self.repeats = 0  # lines said a second time (only when no other line fitted)
        self.opening: str | None = None
        if start_state is not None or start_vars:
            self._place(start_state or p.start, self.start_vars)
        if p.opening and self.state == p.start:
            self.opening = self._pick(tuple(p.opening), "opening")
        self._score: SessionScore = self._compute_score()

    def _place(self, state: str, values: dict[str, int]) -> None:
        p = self.persona.persona
        if state not in p.states:
            known = ", ".join(p.states) or "none"
            raise ValueError(f"no state '{state}' in {self.persona.id} (states: {known})")
        for name, value in values.items():
            var = p.variables.get(name)
            if var is None:
                known = ", ".join(p.variables) or "none"
                raise ValueError(f"no variable '{name}' in {self.persona.id} (variables: {known})")
            self.variables[name] = min(var.max, max(var.min, int(value)))
        self._model.state = self._dialogue.to_internal[state]
        self._visited = {state}
        self.after_decline = p.states[state].declined

    # ------------------------------------------------------------ state

    @property
    def state(self) -> str:
        """The current state or ending name, as written in the persona file."""
        return self._dialogue.current(self._model)

    @property
    def ended(self) -> bool:
        return self.persona.is_ending(self.state)

    @property
    def ending(self) -> Ending | None:
        return self.persona.ending(self.state) if self.ended else None

    @property
    def channel(self) -> str:
        """The channel of the next learner message."""
        if self.ended:
            return self.turns[-1].channel if self.turns else self.persona.scenario.opening_channel
        return self.persona.state(self.state).channel

    @property
    def turn_number(self) -> int:
        """The number the next move will have (1-based)."""
        return len(self.turns) + 1

    def context(self) -> MoveContext:
        """The rubric's view of the moment the next move is made in."""
        sc = self.persona.scenario
        return MoveContext(
            scenario=sc.id,
            channel=self.channel,  # type: ignore[arg-type]
            turn=self.turn_number,
            after_decline=self.after_decline,
            post_acceptance=sc.post_acceptance,
            weights=dict(sc.weights),
            suggestions=self._coaching["suggestions"],
            hint_texts=self._coaching["hints"],
            reasons=self._coaching.get("reasons", {}),
            sources=sc.framing.sources,
        )

    def score(self) -> SessionScore:
        """The running score: what the coach panel shows after the last move."""
        return self._score

    def final_score(self) -> SessionScore:
        """The score the conversation is graded at: capped by its outcome (docs/scoring.md)."""
        return final_score(self._score, self.ending_info().outcome, negotiated(self.detections))

    def _compute_score(self) -> SessionScore:
        return score_session(self.feedback, self.persona.scenario.weights)

    # ------------------------------------------------------------ moves

    def listen(self, text: str, *, tags: Iterable[str] | None = None) -> Heard:
        """Read a message (no session state is touched: safe off the event loop)."""
        return read_message(text, tags=tags, detect=self._detect)

    def play(self, text: str, *, tags: Iterable[str] | None = None, heard: Heard | None = None, cut: bool = False) -> Turn:
        """Play one learner message and return the resulting turn.

        ``tags`` skips the detector (test plans and tag-level tests);
        ``heard`` is this text already read by ``listen`` (in a worker). Text
        is cut to MAX_MESSAGE_CHARS; raises SessionEnded after an ending and
        ValueError for an empty message.
        """
        if self.ended:
            raise SessionEnded(f"the conversation has ended ({self.state})")
        raw = text if isinstance(text, str) else str(text)
        truncated = len(raw) > MAX_MESSAGE_CHARS or cut  # ``cut``: a replay of a message that was cut
        text = raw[:MAX_MESSAGE_CHARS]
        if tags is None and not text.strip():
            raise ValueError("an empty message is not a move")
        move = Move(text, tuple(tags) if tags is not None else None, truncated)
        if heard is None or heard.text != text or move.tags is not None:
            heard = self.listen(text, tags=move.tags)
        detection, found, sig = heard.detection, list(heard.found), heard.signals

        ctx = self.context()
        feedback = assess_move(detection, ctx)
        asked_before = dict(self.asked)
        mentioned = self._hear_terms(found, text, "goodbye" in sig)

        env: dict = {t: False for t in TAGS}
        env.update({t: True for t in detection.tags})
        env.update(self.variables)
        env.update(turn=ctx.turn, channel=ctx.channel, after_decline=ctx.after_decline, stalled=self.stalled)
        env.update({name: name in sig for name in SIGNAL_NAMES})
        env.update(tagged=bool(detection.tags), new_ask=self.new_ask)
        env.update(self._term_env(mentioned))
        before = (self.state, dict(self.variables), dict(self.offer), asked_before)
        rule = self._dialogue.move(self._model, env)
        self._apply(rule)
        dest = self.state
        if self.persona.is_ending(dest):
            channel = ctx.channel
        else:
            channel = self.persona.state(dest).channel
        primary = self._primary(rule, dest)
        limit = self.persona.persona.turn_limit
        if limit and not self.ended and ctx.turn >= limit.turns:
            self._dialogue.time_up(self._model)
            primary = self._lines(self.persona.ending(self.state).say, self.state)
            channel = ctx.channel  # an ending is said on the channel the learner used
        if not self.ended and self.persona.state(self.state).declined:
            self.after_decline = True
        if self.ended:
            # What only the whole conversation earns: credit for what the
            # learner kept to, or the offer taken as it stood.
            closed = bool({"accepts", "capitulates"} & set(detection.tags)) or "goodbye" in sig
            outcome = self.persona.ending(self.state).outcome
            feedback = feedback + assess_outcome([*self.detections, detection], ctx, outcome, closed)
        # Progress: a variable or a term moved, or the talk reached a state it
        # had not been in. Going back and forth between old states is not.
        progressed = (self.variables, self.offer, self.asked) != before[1:] or self.state not in self._visited
        self._visited.add(self.state)
        self.stalled = 0 if progressed else self.stalled + 1

        reply, line_id = self._choose(primary, channel, ctx.turn)
        self.moves.append(move)
        self.detections.append(detection)
        self.feedback.append(feedback)
        self._score = self._compute_score()
        turn = Turn(
            n=ctx.turn,
            learner=text,
            channel=ctx.channel,
            tags=list(detection.tags),
            evidence=detection.evidence,
            terms=[TermItem(**t.as_json()) for t in found],
            feedback=[FeedbackItem(**f.to_json()) for f in feedback],
            manager=reply,
            state=self.state,
            line=line_id,
            rule=rule.label,
            variables=dict(self.variables),
            offer=dict(self.offer),
            asked=dict(self.asked),
            score=self._score.overall,
            truncated=truncated,
        )
        self.turns.append(turn)
        return turn

    # ------------------------------------------------------------ terms

    def _hear_terms(self, found, text: str, goodbye: bool = False) -> set[str]:
        """Keep what the learner asked for (``asked.X``); return the terms named."""
        info = self.persona.terms
        mentioned: set[str] = set()
        heard: dict[str, list[Value]] = {}
        alias = {a: k for k, spec in info.items() for a in spec.also}
        for t in found:
            issue = t.issue if t.issue in info else alias.get(t.issue)
            if issue is None:
                continue
            v = normalize(info[issue].kind, t.value)
            if v is not None and info[issue].kind == "text":
                v = _canonical(info[issue], v)
            if v is None:
                mentioned.add(issue)  # named without a value: "what about the start date?"
            else:
                heard.setdefault(issue, []).append(v)
        # The manager knows the places and titles in play even when the
        # learner writes them in lower case ("can i move to denver").
        for issue, spec in info.items():
            if spec.kind == "text":
                for name in (*spec.allowed, str(spec.start)):
                    if name and name not in heard.get(issue, ()) and re.search(rf"(?<!\w){re.escape(name.casefold())}(?!\w)", text.casefold()):
                        heard.setdefault(issue, []).append(name)
        self.new_ask = False
        self._said_now = {}
        for issue, values in heard.items():
            # "128k instead of 118k": what is asked is a value that differs from
            # the offer; naming the offer's own value ("is June 2 fixed?") asks nothing.
            new = [v for v in values if v != self.offer.get(issue)]
            if not new:
                # The offer's own value asks nothing; it names the term ("is the
                # March 3 start fixed?"), except in a goodbye ("see you on March 3!").
                if not goodbye:
                    mentioned.add(issue)
                continue
            mentioned.add(issue)
            self.new_ask = self.new_ask or self.asked.get(issue) != new[-1]
            self.asked[issue] = new[-1]
            self._said_now[issue] = new[-1]
        self.new_ask = self.new_ask or bool(mentioned - self._named)
        self._named |= mentioned
        return mentioned

    def _term_env(self, mentioned: set[str]) -> dict:
        env: dict = {}
        won = 0
        for issue, info in self.persona.terms.items():
            env[f"asked.{issue}"] = self.asked.get(issue, empty(info.kind))
            env[f"offer.{issue}"] = self.offer[issue]
            env[f"mentions.{issue}"] = issue in mentioned
            env[f"won.{issue}"] = self.offer[issue] != info.start
            env[f"said.{issue}"] = self._said_now.get(issue, empty(info.kind))
            asked = self.asked.get(issue)
            env[f"within.{issue}"] = asked is not None and info.clamp(asked) == asked
            won += self.offer[issue] != info.start
        env["terms_won"] = won
        return env

    def changes(self) -> list[tuple[str, Value, Value]]:
        """(issue, from, to) for every term the offer has moved on, in scenario order."""
        return [(k, t.start, self.offer[k]) for k, t in self.persona.terms.items() if self.offer[k] != t.start]

    def deal(self) -> dict[str, DealItem] | None:
        """What the ending settled (CONTRACTS.md): changed terms at success or partial, else None."""
        e = self.ending
        if e is None or e.outcome not in ("success", "partial"):
            return None
        return {k: DealItem(**{"from": a, "to": b}) for k, a, b in self.changes()}

    def _apply(self, rule: CompiledRule) -> None:
        spec = self.persona.persona.variables
        for eff in rule.effects:
            issue = eff.term
            if issue is None:
                var = spec[eff.variable]
                self.variables[eff.variable] = min(var.max, max(var.min, eff.apply(self.variables[eff.variable])))
                continue
            info = self.persona.terms[issue]
            if eff.source is not None:
                if issue not in self.asked:
                    continue  # nothing asked yet: nothing to concede
                value = self.asked[issue]
            else:
                value = eff.apply(self.offer[issue])
            value = info.clamp(value)
            if value is not None:
                self.offer[issue] = value

    # ------------------------------------------------------------ replies

    def _lines(self, items, prefix: str) -> list[Candidate]:
        return [(say_text(x), say_channel(x), f"{prefix}.{i}") for i, x in enumerate(items)]

    def _primary(self, rule: CompiledRule, dest: str) -> list[Candidate]:
        if rule.say:
            return [(t, c, f"{rule.label}.say.{i}") for i, (t, c) in enumerate(rule.say)]
        if self.persona.is_ending(dest):
            return self._lines(self.persona.ending(dest).say, dest)
        return self._lines(self.persona.state(dest).say, dest)

    def names(self) -> dict[str, str]:
        """Template names now: the scenario's and persona's, and the terms as they stand."""
        names = dict(self.persona.names)
        for issue, info in self.persona.terms.items():
            names[f"offer.{issue}"] = info.show(self.offer[issue])
            if issue in self.asked:
                names[f"asked.{issue}"] = info.show(self.asked[issue])
        names["deal"] = deal_phrase([(self.persona.terms[k], b) for k, _, b in self.changes()])
        return names

    def _fits(self, text: str, channel: str | None, on: str) -> bool:
        if channel is not None and channel != on:
            return False
        # A line that quotes what was asked fits once something was.
        return all(not ph.startswith("asked.") or ph[6:] in self.asked for ph, _ in placeholders(text))

    def _choose(self, primary: list[Candidate], channel: str, turn: int) -> tuple[str, str]:
        """A seeded choice of a line not yet said in this conversation.

        In order: the lines of the rule or the state reached; then, when all
        are used, the state's ``again`` lines (a nudge), then the persona's
        last-resort pool. Only when every line that fits has been said is
        one said again: the one said longest ago.
        """
        names = self.names()
        pools: list[list[Candidate]] = [primary]
        if not self.ended:
            pools.append(self._lines(self.persona.state(self.state).again, f"{self.state}.again"))
            pools.append(self._lines(self.persona.persona.last_resort, "last_resort"))
        fitting_all: list[tuple[str, str]] = []
        rng = random.Random(f"{self.seed}:{turn}:{self.state}")
        for pool in pools:
            fitting = [(fill(t, names), lid) for t, c, lid in pool if self._fits(t, c, channel)]
            fitting_all += fitting
            fresh = [x for x in fitting if x[0] not in self._said]
            if fresh:
                line, lid = fresh[rng.randrange(len(fresh))]
                self._said[line] = turn
                return line, lid
        if not fitting_all:  # nothing fits this channel: say a primary line anyway
            fitting_all = [(fill(t, names), lid) for t, _, lid in primary]
        line, lid = min(fitting_all, key=lambda x: (self._said.get(x[0], -1), x[1]))
        self.repeats += line in self._said
        self._said[line] = turn
        return line, lid

    def _pick(self, lines: tuple[str, ...], salt: str) -> str:
        rng = random.Random(f"{self.seed}:{salt}")
        line = fill(lines[rng.randrange(len(lines))], self.names())
        self._said[line] = 0
        return line

    # ------------------------------------------------------------ replay

    @classmethod
    def replay(cls, persona: LoadedPersona, seed: int, moves: Iterable[Move], **kw) -> "Session":
        """A new session that has played ``moves`` (stopping at an ending)."""
        s = cls(persona, seed, **kw)
        for m in moves:
            if s.ended:
                break
            s.play(m.text, tags=m.tags, cut=m.cut)
        return s

    def branch(self, keep: int) -> "Session":
        """A new session with only the first ``keep`` moves (take-back is keep=n-1)."""
        return Session.replay(self.persona, self.seed, self.moves[: max(0, keep)], detector=self._detect,
                              start_state=self.start_state, start_vars=self.start_vars)

    def close(self) -> None:
        """Detach from the persona's machine (a session is cheap; this frees it)."""
        try:
            self._dialogue.release(self._model)
        except ValueError:
            pass

    # ------------------------------------------------------------ output

    def ending_info(self) -> EndingInfo:
        if not self.ended:
            return EndingInfo(id=None, outcome="incomplete")
        e = self.ending
        assert e is not None
        names = self.names()
        return EndingInfo(id=self.state, outcome=e.outcome, title=fill(e.title, names), summary=fill(e.summary, names))

    def transcript(self) -> Transcript:
        sc = self.final_score()
        return Transcript(
            persona=self.persona.id,
            scenario=self.persona.scenario.id,
            seed=self.seed,
            opening=self.opening,
            turns=list(self.turns),
            ending=self.ending_info(),
            deal=self.deal(),
            score=Score(overall=sc.overall, principles=dict(sc.principles), earned=sc.earned if sc.cap is not None else None,
                        cap=sc.cap, cap_reason=sc.cap_reason),
        )

__all__ = ["Session", "Move", "SessionEnded", "MAX_MESSAGE_CHARS", "OTHERWISE"]
