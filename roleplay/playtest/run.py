"""Seeded free-text playthroughs: how a persona copes with real messages.

Each run picks a voice and plays a policy's plan of intents, drawing a
message for each intent from that voice's phrases, through the real
tagger and engine. A good player who has finished the plan takes what is on
the table and says goodbye. Reported per persona and policy: how often the
manager says a line it has already said in the conversation, and how often
a conversation does not reach an ending of its own within MAX_MOVES (the
turn limit's ending counts as not reaching one).
"""

from __future__ import annotations

import random
from collections import Counter
from dataclasses import dataclass, field

from roleplay.persona.compiled import LoadedPersona
from roleplay.playtest.bank import INTENTS, Voice

MAX_MOVES = 15
PLANS: dict[str, tuple[str, ...]] = {
    "good": ("thanks_commitment", "asks_interests", "employer_benefit", "proposal", "accept", "goodbye"),
    "small_talk_first": ("small_talk", "small_talk", "off_topic", "thanks_commitment", "asks_interests",
                         "employer_benefit", "proposal", "accept", "goodbye"),
    "restated": ("thanks_commitment", "proposal", "restated_proposal", "employer_benefit", "restated_proposal",
                 "accept", "goodbye"),
}
GOOD = tuple(PLANS)
TAIL = ("accept", "goodbye")
POOR = ("repeat_demand", "hostile", "threat", "capitulate", "alternative", "off_topic", "small_talk")
POLICIES = GOOD + ("poor", "random")


@dataclass
class PolicyReport:
    persona: str
    policy: str
    runs: int = 0
    replies: int = 0
    repeated: int = 0  # replies that repeat a line said earlier in the conversation
    runs_with_repeat: int = 0
    ended: int = 0  # reached an ending of the persona's own within MAX_MOVES
    timed_out: int = 0  # ended by the turn limit
    unfinished: int = 0  # no ending within MAX_MOVES
    outcomes: Counter = field(default_factory=Counter)
    moves_to_end: list[int] = field(default_factory=list)
    examples: list[tuple[str, int, str]] = field(default_factory=list)  # (voice, seed, repeated line)

    @property
    def repeat_rate(self) -> float:
        return self.repeated / self.replies if self.replies else 0.0

    @property
    def incomplete_rate(self) -> float:
        return (self.timed_out + self.unfinished) / self.runs if self.runs else 0.0


def plan_for(policy: str, rng: random.Random) -> list[str]:
    if policy in PLANS:
        return list(PLANS[policy]) + [TAIL[i % 2] for i in range(MAX_MOVES)]
    pool = POOR if policy == "poor" else INTENTS
    return [rng.choice(pool) for _ in range(MAX_MOVES)]


def play_one(persona: LoadedPersona, voice: Voice, policy: str, seed: int):
    """One conversation; returns (session, intents played)."""
    from roleplay.engine.session import Session

    rng = random.Random(f"playtest:{persona.id}:{voice.voice}:{policy}:{seed}")
    session = Session(persona, seed=seed)
    played: list[str] = []
    used: set[str] = set()
    for intent in plan_for(policy, rng):
        if session.ended or len(played) >= MAX_MOVES:
            break
        options = [p for p in voice.phrases(persona.scenario.id, intent) if p not in used] or voice.phrases(persona.scenario.id, intent)
        text = rng.choice(options)
        used.add(text)
        session.play(text)
        played.append(intent)
    return session, played


def playtest(persona: LoadedPersona, voices: list[Voice], policy: str, runs: int, seed: int = 0) -> PolicyReport:
    """``runs`` conversations under ``policy``, voices taken in turn; deterministic."""
    report = PolicyReport(persona.id, policy)
    voices = [v for v in voices if persona.scenario.id in v.scenarios]
    limit = persona.persona.turn_limit
    for i in range(runs if voices else 0):
        voice = voices[i % len(voices)]
        session, _ = play_one(persona, voice, policy, seed * 100_003 + i)
        said = {session.opening} if session.opening else set()
        hit = False
        for t in session.turns:
            report.replies += 1
            if t.manager in said:
                report.repeated += 1
                hit = True
                if len(report.examples) < 5:
                    report.examples.append((voice.voice, seed * 100_003 + i, t.manager))
            said.add(t.manager)
        report.runs += 1
        report.runs_with_repeat += hit
        info = session.ending_info()
        timed = bool(session.ended and limit and info.id == limit.goto and len(session.turns) >= limit.turns)
        if not session.ended:
            report.unfinished += 1
        elif timed:
            report.timed_out += 1
        else:
            report.ended += 1
            report.moves_to_end.append(len(session.turns))
        report.outcomes[info.outcome if not timed else "turn_limit"] += 1
        session.close()
    return report


def format_table(reports: list[PolicyReport]) -> str:
    head = f"{'persona':<14} {'policy':<17} {'runs':>4} {'repeated lines':>15} {'runs w/ repeat':>14} {'incomplete':>10}  outcomes"
    rows = [head, "-" * len(head)]
    for r in reports:
        outs = ", ".join(f"{k} {v}" for k, v in sorted(r.outcomes.items()))
        rows.append(
            f"{r.persona:<14} {r.policy:<17} {r.runs:>4} {r.repeat_rate:>14.1%} {r.runs_with_repeat / max(r.runs, 1):>14.1%} {r.incomplete_rate:>10.1%}  {outs}"
        )
    return "\n".join(rows)


def print_playtests(paths, runs: int) -> int:
    """Phrase-bank playtests of every persona under ``paths``; 1 when good play
    repeats a line or leaves 5% or more unfinished (the suite's thresholds)."""
    from roleplay.authoring.testplan import load_personas_under
    from roleplay.playtest.bank import load_bank

    voices = load_bank()
    personas, bad = load_personas_under(paths)
    reports = []
    for persona in personas:
        if not any(persona.scenario.id in v.scenarios for v in voices):
            print(f"{persona.id}: the phrase bank has no messages for scenario '{persona.scenario.id}'")
            continue
        for policy in POLICIES:
            r = playtest(persona, voices, policy, runs)
            reports.append(r)
            bad += policy in GOOD and (r.repeated > 0 or r.incomplete_rate >= 0.05)
    print(f"{len(voices)} voices; {runs} conversations per row, at most {MAX_MOVES} moves each")
    print(format_table(reports))
    return 1 if bad else 0
