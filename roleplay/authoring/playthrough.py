"""Seeded random playthroughs: how a persona behaves under arbitrary play.

Each move is a random set of behaviour tags (most moves carry one to three),
played through the real engine. A coach sees how often each ending happens
(withdrawing an offer should be rare), and that every conversation ends
within the persona's turn limit.
"""

from __future__ import annotations

import random
from collections import Counter
from dataclasses import dataclass, field

from roleplay.analysis.tags import TAGS
from roleplay.persona.compiled import LoadedPersona
from roleplay.engine.session import Session

MAX_MOVES = 100  # a persona without a turn limit is cut here and counted as unfinished


@dataclass
class PlaythroughReport:
    persona: str
    runs: int
    endings: Counter = field(default_factory=Counter)
    outcomes: Counter = field(default_factory=Counter)
    unfinished: int = 0
    lengths: list[int] = field(default_factory=list)
    # per run: (ending id or None, moves tagged threat, moves tagged hostile)
    runs_detail: list[tuple[str | None, int, int]] = field(default_factory=list)

    def share(self, ending: str) -> float:
        return self.endings[ending] / self.runs if self.runs else 0.0


def random_tags(rng: random.Random) -> tuple[str, ...]:
    k = rng.choices((0, 1, 2, 3), weights=(1, 4, 3, 2))[0]
    return tuple(rng.sample(TAGS, k))


def random_playthroughs(persona: LoadedPersona, runs: int, seed: int = 0) -> PlaythroughReport:
    """Play ``runs`` random conversations; deterministic for a given seed."""

    report = PlaythroughReport(persona.id, runs)
    rng = random.Random(f"playthrough:{seed}")
    for i in range(runs):
        session = Session(persona, seed=i)
        moves = threats = hostile = 0
        while not session.ended and moves < MAX_MOVES:
            tags = random_tags(rng)
            threats += "threat" in tags
            hostile += "hostile" in tags
            session.play("", tags=tags)
            moves += 1
        info = session.ending_info()
        if session.ended:
            report.endings[info.id] += 1
            report.outcomes[info.outcome] += 1
        else:
            report.unfinished += 1
        report.lengths.append(moves)
        report.runs_detail.append((info.id, threats, hostile))
        session.close()
    return report
