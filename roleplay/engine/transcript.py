"""Transcript models: the JSON of ``roleplay run`` and of exports.

Field names and meanings follow CONTRACTS.md; fields beyond the contract are
additions, never renames. ``program`` and ``rubric`` say which roleplay
version and which rubric version produced the scores. Nothing time-dependent is in a transcript, so the
same persona, moves and seed give the same bytes.
"""

from __future__ import annotations

import json
from contextvars import ContextVar
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

Outcome = Literal["success", "partial", "failure", "incomplete"]
_READING: ContextVar[bool] = ContextVar("transcript_reading", default=False)  # from_json: keep the file's versions


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class FeedbackItem(_Model):
    principle: str
    delta: int
    message: str
    tag: str | None = None
    evidence: str | None = None
    suggestion: str | None = None


class TermItem(_Model):
    """A negotiation term the learner's message names (CONTRACTS.md, "Terms";
    ``unit`` is left out of the JSON when there is none)."""

    issue: str
    value: int | float | str | None
    unit: str | None = None
    text: str


class DealItem(_Model):
    """One term the ending settled: its value at the start and at the end."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)
    from_: int | float | str = Field(alias="from")
    to: int | float | str


class Turn(_Model):
    n: int = Field(description="1-based move number")
    learner: str
    channel: Literal["email", "call"]
    tags: list[str]
    evidence: dict[str, str] = Field(default_factory=dict)
    terms: list[TermItem] = Field(default_factory=list, description="Negotiation terms the message names")
    feedback: list[FeedbackItem] = Field(default_factory=list)
    manager: str
    state: str
    line: str = Field(description="Stable id of the manager's line: state.index, or rule:... for rule replies")
    rule: str = Field(description="Which rule fired, e.g. inbox.rules[2] or inbox.otherwise")
    variables: dict[str, int] = Field(default_factory=dict, description="After the move")
    offer: dict[str, int | float | str] = Field(default_factory=dict, description="The terms on the table after the move")
    asked: dict[str, int | float | str] = Field(default_factory=dict, description="What the learner has asked for so far, per term")
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
    earned: int | None = Field(None, description="The overall the moves earned, when the outcome caps it lower")
    cap: int | None = Field(None, description="The cap the outcome sets (docs/scoring.md)")
    cap_reason: str | None = None


class Transcript(_Model):
    persona: str
    scenario: str
    seed: int
    opening: str | None = None
    turns: list[Turn]
    ending: EndingInfo
    deal: dict[str, DealItem] | None = Field(
        None, description="At a success or partial ending, the terms that differ from the start (CONTRACTS.md)"
    )
    score: Score
    program: str | None = Field(None, description="The roleplay version that wrote this transcript (roleplay --version)")
    rubric: str | None = Field(None, description="The rubric version its scores were computed with (analysis.rubric.RUBRIC_VERSION)")

    def __init__(self, **data):
        # A transcript made now records what made it; one read back from a
        # file (from_json) keeps what it says, None where it says nothing.
        if not _READING.get() and data.get("program") is None:
            import roleplay

            data["program"] = roleplay.__version__
        if not _READING.get() and data.get("rubric") is None:
            from roleplay.analysis.rubric import RUBRIC_VERSION

            data["rubric"] = RUBRIC_VERSION
        super().__init__(**data)

    def to_json(self) -> str:
        data = self.model_dump(mode="json", by_alias=True)
        if data["score"].get("cap") is None:
            for k in ("earned", "cap", "cap_reason"):
                data["score"].pop(k, None)
        for turn in data.get("turns", []):
            for term in turn.get("terms", []):
                if term.get("unit") is None:
                    term.pop("unit", None)
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"

    @classmethod
    def from_json(cls, text: str) -> "Transcript":
        token = _READING.set(True)
        try:
            return cls.model_validate_json(text)
        finally:
            _READING.reset(token)
