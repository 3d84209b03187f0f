"""A learner move as recorded: the text, or tags given directly (test plans).

Kept free of dependencies so that reading session logs (the home screen's
list of resumable sessions) stays cheap to import.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Move:
    text: str
    tags: tuple[str, ...] | None = None
    # The learner wrote more than the cap and ``text`` is what was kept: a
    # replay must say so too, as the live turn did (``Turn.truncated``).
    cut: bool = False

    def to_json(self) -> dict:
        out: dict = {"text": self.text}
        if self.tags is not None:
            out["tags"] = list(self.tags)
        if self.cut:
            out["cut"] = True
        return out
