"""The shape of the coaching content (``content.yaml``), as strict pydantic models."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

Identifier = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]{0,47}$")]
Line = Annotated[str, StringConstraints(min_length=1, max_length=2000)]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class Example(Strict):
    """A message that meets the case, and the moment it is sent in."""

    text: Line
    channel: Literal["email", "call"] = "call"
    after_decline: bool = False
    post_acceptance: bool = False


class CaseSpec(Strict):
    """One way a move touches a principle, with everything the learner reads."""

    example: Example | None = Field(None, description="A message that meets this case; the tests check it does.")

    delta: Annotated[int, Field(ge=-100, le=100)] = Field(description="Points added to the principle.")
    tag: Identifier | None = Field(None, description="The tag whose evidence is quoted, if any.")
    note: Line = Field(description="What the move did; the quote follows it.")
    why: Line = Field(description="Why it matters, citing a source.")
    suggestion: Line | None = Field(None, description="A better approach; required when the delta is negative.")


class HintSpec(Strict):
    principle: Identifier
    text: Line


class Fact(Strict):
    value: float
    text: Line


class PrincipleText(Strict):
    name: Line = Field(description="The principle as the learner reads it, e.g. 'Negotiate live, not by email'.")
    short: Annotated[str, StringConstraints(min_length=1, max_length=16)] = Field(description="For bars: 16 characters at most.")
    source: Line
    why: Line = Field(description="Why it matters, in one sentence a learner can use.")


class Content(Strict):
    """``roleplay/coaching/content.yaml``."""

    sources: dict[Identifier, Line] = Field(description="How feedback names a source: {source.<id>}.")
    principles: dict[Identifier, PrincipleText] = Field(description="The nine principles' names and reasons.")
    research: dict[Identifier, Fact] = Field(description="Research figures: {research.<id>} writes the value.")
    cases: dict[Identifier, dict[Identifier, CaseSpec]] = Field(description="Principle id -> case id -> case.")
    hints: dict[Identifier, HintSpec] = Field(description="Situation id -> the hint for it.")


class ScenarioCoaching(Strict):
    """What a scenario says in its own words (``coaching:`` in scenario.yaml)."""

    suggestions: dict[Annotated[str, StringConstraints(pattern=r"^[a-z_]+\.[a-z_]+$")], Line] = Field(
        default_factory=dict, description="'principle.case' -> the suggestion for this scenario."
    )
    hints: dict[Identifier, Line] = Field(default_factory=dict, description="Situation id -> the hint for this scenario.")
    reasons: dict[Annotated[str, StringConstraints(pattern=r"^[a-z_]+\.[a-z_]+$")], Line] = Field(
        default_factory=dict,
        description="'principle.case' -> why it matters, in this scenario's words and sources (replaces the content's 'why', "
        "e.g. where job-offer research does not apply).",
    )
