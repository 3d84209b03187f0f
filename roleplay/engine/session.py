"""A conversation between a learner and a persona.

A learner move goes: behaviour tags (detector) + context (channel, turn,
variables) -> the first matching rule (through the ``transitions`` machine)
-> effects -> new state -> the manager's reply (a variant chosen by a seeded
RNG, never the same line twice in a row) -> principle feedback and scores.

Everything is a function of persona + seed + moves: ``Session.replay`` is how
undo, branching, resume and re-grading work.
"""

from __future__ import annotations

import random
from typing import Callable, Iterable, Sequence

from roleplay.analysis.feedback import Feedback, MoveContext, SessionScore
from roleplay.analysis.normalize import MAX_CHARS as MAX_MESSAGE_CHARS  # longer messages are cut, with a notice
from roleplay.analysis.rubric import assess_move
from roleplay.analysis.scoring import score_session
from roleplay.analysis.tags import TAGS, Detection
from roleplay.analysis.terms import terms
from roleplay.engine.dialogue import Dialogue, dialogue_for
from roleplay.engine.move import Move
from roleplay.engine.transcript import EndingInfo, FeedbackItem, Score, TermItem, Transcript, Turn
from roleplay.persona.compiled import OTHERWISE, CompiledRule, LoadedPersona
from roleplay.persona.model import Ending
from roleplay.persona.template import fill



def _default_detect(text: str) -> Detection:
    from roleplay.analysis.detector import detect

    return detect(text)


class SessionEnded(Exception):
    """A move was played after the conversation reached an ending."""


class Session:
    """One conversation. Create it, then ``play`` learner messages."""

    def __init__(
        self,
        persona: LoadedPersona,
        seed: int = 0,
        *,
        detector: Callable[[str], Detection] | None = None,
    ):
        self.persona = persona
        self.seed = int(seed)
        self._detect = detector or _default_detect
        self._dialogue: Dialogue = dialogue_for(persona)
        self._model = self._dialogue.new_model()
        p = persona.persona
        self.variables: dict[str, int] = {k: v.start for k, v in p.variables.items()}
        self.turns: list[Turn] = []
        self.moves: list[Move] = []
        self.feedback: list[list[Feedback]] = []
        self.detections: list[Detection] = []
        self.after_decline = p.states[p.start].declined
        self._last_line: str | None = None
        self.opening: str | None = None
        if p.opening:
            self.opening = self._pick(tuple(p.opening), "opening")
        self._score: SessionScore = self._compute_score()

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
        )

    def score(self) -> SessionScore:
        return self._score

    def _compute_score(self) -> SessionScore:
        return score_session(self.feedback, self.persona.scenario.weights)

    # ------------------------------------------------------------ moves

    def play(self, text: str, *, tags: Iterable[str] | None = None) -> Turn:
        """Play one learner message and return the resulting turn.

        ``tags`` skips the detector (test plans and tag-level tests). Text is
        cut to MAX_MESSAGE_CHARS; raises SessionEnded after an ending and
        ValueError for an empty message.
        """
        if self.ended:
            raise SessionEnded(f"the conversation has ended ({self.state})")
        raw = text if isinstance(text, str) else str(text)
        truncated = len(raw) > MAX_MESSAGE_CHARS
        text = raw[:MAX_MESSAGE_CHARS]
        if tags is None and not text.strip():
            raise ValueError("an empty message is not a move")
        move = Move(text, tuple(tags) if tags is not None else None)
        detection = Detection.from_tags(move.tags, text) if move.tags is not None else self._detect(text)

        ctx = self.context()
        feedback = assess_move(detection, ctx)

        env: dict = {t: False for t in TAGS}
        env.update({t: True for t in detection.tags})
        env.update(self.variables)
        env.update(turn=ctx.turn, channel=ctx.channel, after_decline=ctx.after_decline)
        rule = self._dialogue.move(self._model, env)
        self._apply(rule)
        dest = self.state
        lines: tuple[str, ...]
        if rule.say:
            lines, line_prefix = rule.say, f"{rule.label}.say"
        elif self.persona.is_ending(dest):
            lines, line_prefix = tuple(self.persona.ending(dest).say), f"{dest}"
        else:
            lines, line_prefix = tuple(self.persona.state(dest).say), f"{dest}"
        limit = self.persona.persona.turn_limit
        if limit and not self.ended and ctx.turn >= limit.turns:
            self._dialogue.time_up(self._model)
            lines, line_prefix = tuple(self.persona.ending(self.state).say), self.state
        if not self.ended and self.persona.state(self.state).declined:
            self.after_decline = True

        reply, index = self._choose(lines, ctx.turn)
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
            terms=[TermItem(**t.as_json()) for t in terms(text)],
            feedback=[FeedbackItem(**f.to_json()) for f in feedback],
            manager=reply,
            state=self.state,
            line=f"{line_prefix}.{index}",
            rule=rule.label,
            variables=dict(self.variables),
            score=self._score.overall,
            truncated=truncated,
        )
        self.turns.append(turn)
        return turn

    def _apply(self, rule: CompiledRule) -> None:
        spec = self.persona.persona.variables
        for eff in rule.effects:
            var = spec[eff.variable]
            self.variables[eff.variable] = min(var.max, max(var.min, eff.apply(self.variables[eff.variable])))

    def _choose(self, lines: Sequence[str], turn: int) -> tuple[str, int]:
        """A seeded choice among variants, never the line said just before."""
        filled = [fill(l, self.persona.names) for l in lines]
        options = [i for i, l in enumerate(filled) if l != self._last_line] or list(range(len(filled)))
        rng = random.Random(f"{self.seed}:{turn}:{self.state}")
        index = options[rng.randrange(len(options))]
        self._last_line = filled[index]
        return filled[index], index

    def _pick(self, lines: tuple[str, ...], salt: str) -> str:
        rng = random.Random(f"{self.seed}:{salt}")
        line = fill(lines[rng.randrange(len(lines))], self.persona.names)
        self._last_line = line
        return line

    # ------------------------------------------------------------ replay

    @classmethod
    def replay(cls, persona: LoadedPersona, seed: int, moves: Iterable[Move], **kw) -> "Session":
        """A new session that has played ``moves`` (stopping at an ending)."""
        s = cls(persona, seed, **kw)
        for m in moves:
            if s.ended:
                break
            s.play(m.text, tags=m.tags)
        return s

    def branch(self, keep: int) -> "Session":
        """A new session with only the first ``keep`` moves (take-back is keep=n-1)."""
        return Session.replay(self.persona, self.seed, self.moves[: max(0, keep)], detector=self._detect)

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
        return EndingInfo(id=self.state, outcome=e.outcome, title=fill(e.title, self.persona.names), summary=fill(e.summary, self.persona.names))

    def transcript(self) -> Transcript:
        sc = self._score
        return Transcript(
            persona=self.persona.id,
            scenario=self.persona.scenario.id,
            seed=self.seed,
            opening=self.opening,
            turns=list(self.turns),
            ending=self.ending_info(),
            score=Score(overall=sc.overall, principles=dict(sc.principles)),
        )

__all__ = ["Session", "Move", "SessionEnded", "MAX_MESSAGE_CHARS", "OTHERWISE"]
