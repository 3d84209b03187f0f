"""Transcript models: the JSON of ``roleplay run`` and of exports.

Field names and meanings follow CONTRACTS.md; fields beyond the contract are
additions, never renames. Nothing time-dependent is in a transcript, so the
same persona, moves and seed give the same bytes.
"""

from __future__ import annotations

import json
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

Outcome = Literal["success", "partial", "failure", "incomplete"]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class FeedbackItem(_Model):
    principle: str
    delta: int
    message: str
    tag: str | None = None
    evidence: str | None = None
    suggestion: str | None = None


class Turn(_Model):
    n: int = Field(description="1-based move number")
    learner: str
    channel: Literal["email", "call"]
    tags: list[str]
    evidence: dict[str, str] = Field(default_factory=dict)
    feedback: list[FeedbackItem] = Field(default_factory=list)
    manager: str
    state: str
    line: str = Field(description="Stable id of the manager's line: state.index, or rule:... for rule replies")
    rule: str = Field(description="Which rule fired, e.g. inbox.rules[2] or inbox.otherwise")
    variables: dict[str, int] = Field(default_factory=dict, description="After the move")
    score: int | None = Field(None, description="Overall session score after this move")
    truncated: bool = False


class EndingInfo(_Model):
    id: str | None
    outcome: Outcome
    title: str | None = None
    summary: str | None = None


class Score(_Model):
    overall: int | None
    principles: dict[str, int | None]


class Transcript(_Model):
    persona: str
    scenario: str
    seed: int
    opening: str | None = None
    turns: list[Turn]
    ending: EndingInfo
    score: Score

    def to_json(self) -> str:
        return json.dumps(self.model_dump(mode="json"), ensure_ascii=False, indent=2) + "\n"

    @classmethod
    def from_json(cls, text: str) -> "Transcript":
        return cls.model_validate_json(text)
