"""The persona and scenario file format, as strict pydantic models.

These models check *shape*: types, required fields, and that no unknown key
slipped in (a typo such as ``efects:`` is an error, not silently ignored).
Meaning (references between states, reachability, expressions) is checked by
``checks.py`` after the shape is right. ``scripts/schema.py`` writes the JSON
schema editors use from these same models.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from roleplay.coaching.model import ScenarioCoaching

Channel = Literal["email", "call"]
Outcome = Literal["success", "partial", "failure"]
Difficulty = Literal["easy", "medium", "hard"]

Identifier = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_-]{0,47}$")]
Line = Annotated[str, StringConstraints(min_length=1, max_length=2000)]
Text = Annotated[str, StringConstraints(min_length=1, max_length=4000)]
TermKind = Literal["money", "count", "date", "text"]
TermValue = int | float | Annotated[str, StringConstraints(min_length=1, max_length=200)]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class ChannelLine(Strict):
    """A line that fits one channel only (an email sign-off, a pause on a call)."""

    text: Line = Field(description="The line, with {placeholders}.")
    channel: Channel = Field(description="email or call: the only channel it may be said on.")


# A reply variant: plain text fits any channel.
Say = Line | ChannelLine


# ---------------------------------------------------------------- scenarios


class Briefing(Strict):
    """What the learner reads before the conversation starts."""

    role: Text = Field(description="Who the learner is in this scenario.")
    situation: Text = Field(description="What has happened so far.")
    confidential: list[Line] = Field(default_factory=list, description="Facts only the learner knows.")
    goals: list[Line] = Field(min_length=1, description="What a good outcome looks like.")


class Calibration(Strict):
    """The question the learner answers before starting, and whether the debrief
    compares the answer with the research (candidates' and managers' ratings)."""

    question: Line = Field(
        "How likely is the manager to withdraw the offer if you negotiate?",
        description="Asked on a 1-7 scale before the conversation.",
    )
    compare_with_research: bool = Field(True, description="Set false when the research is about another situation.")


class Framing(Strict):
    """How the tutor speaks about this scenario."""

    counterpart: Line = Field("hiring manager", description="Who the learner talks to, as a label: hiring manager, current manager, client.")
    calibration: Calibration | None = Field(default_factory=Calibration, description="The risk question; null for none.")
    sources: dict[Identifier, Line] = Field(
        default_factory=dict,
        description="How feedback cites a source here ({source.<id>} in the coaching content), by what it says.",
    )


class Norms(Strict):
    """What every persona of the scenario must respect; ``roleplay validate`` checks it."""

    withdraw_after_threats: Annotated[int, Field(ge=0, le=10)] = Field(
        2,
        description=(
            "An ending that withdraws the offer is reached only after this many provocations: threats and hostile"
            " moves, at least one of them a threat (0 switches the check off)."
        ),
    )
    withdrawal_endings: list[Identifier] | None = Field(
        None, description="The endings that withdraw the offer; default: every ending whose id contains 'withdraw'."
    )


class Scenario(Strict):
    """A negotiation situation shared by several personas (``scenario.yaml``)."""

    id: Identifier = Field(description="The scenario's id; its personas name it in `scenario:`.")
    title: Line = Field(description="Shown in the picker, the chat and the debrief.")
    summary: Line = Field(description="One line for the picker.")
    post_acceptance: bool = Field(
        False, description="True when the candidate has already accepted the offer: the alternative must stay private."
    )
    opening_channel: Channel = Field(description="email or call: how the conversation opens.")
    names: dict[Identifier, Line] = Field(
        default_factory=dict, description="Names used in templates as {key}, e.g. company, city, learner."
    )
    briefing: Briefing = Field(description="What the learner reads first: role, situation, confidential facts, goals.")
    weights: dict[str, Annotated[float, Field(ge=0, le=5)]] = Field(
        default_factory=dict, description="Principle id -> weight (default 1; 0 switches the principle off)."
    )
    framing: Framing = Field(default_factory=Framing, description="Labels, the risk question and how sources are cited.")
    coaching: ScenarioCoaching | None = Field(
        None, description="Suggestions and hints in this scenario's own words (keys from roleplay/coaching/content.yaml)."
    )
    terms: dict[Identifier, "ScenarioTerm"] = Field(
        default_factory=dict,
        description="The negotiable terms (issue ids of CONTRACTS.md) with the offer's starting value of each.",
    )
    norms: Norms = Field(default_factory=Norms, description="Rules every persona of the scenario keeps, checked by validate.")


class ScenarioTerm(Strict):
    """One negotiable term and its value in the offer at the start."""

    start: TermValue = Field(description='The starting value: a whole number, a date such as "June 2", or a text.')
    kind: TermKind | None = Field(None, description="money, count, date or text; known issues have a default.")
    unit: Line | None = Field(None, description="USD, EUR, GBP... for money; days, weeks or months for a count.")
    label: Line | None = Field(None, description='How people name it, e.g. "signing bonus".')
    format: Line | None = Field(None, description='The term in a sentence, e.g. "{value} office days a week".')
    also: list[Identifier] = Field(
        default_factory=list, description="Other term ids the tagger reads that mean this one here, e.g. relocation for a signing bonus."
    )


# ---------------------------------------------------------------- personas


class Variable(Strict):
    """A number the manager keeps track of, such as trust or patience."""

    start: int = Field(description="Its value when the conversation starts.")
    min: int = Field(0, description="The lowest value; effects stop here.")
    max: int = Field(100, description="The highest value; effects stop here.")
    description: Line | None = Field(None, description="For authors: what it stands for.")


class Rule(Strict):
    """If ``when`` holds, apply ``effects`` and go to ``goto``; first match wins."""

    when: Line = Field(description='A condition such as: threat or (trust < 40 and channel == "email")')
    goto: Identifier = Field(description="A state or an ending.")
    effects: list[Line] = Field(default_factory=list, description="Assignments such as: trust -= 20, offer.signing_bonus = asked.signing_bonus")
    say: list[Say] = Field(default_factory=list, description="Replies for this rule; default: the target's lines.")
    note: Line | None = Field(None, description="For authors: why this rule exists.")


class Handler(Strict):
    """A rule for every state (``always:`` before a state's rules, ``fallback:`` after them)."""

    when: Line = Field(description="A condition, as in a state's rules.")
    goto: Identifier | None = Field(None, description="A state or an ending; left out, the conversation stays where it is.")
    effects: list[Line] = Field(default_factory=list, description="Assignments, as in a state's rules.")
    say: list[Say] = Field(default_factory=list, description="Replies; default: the target's lines.")
    only_in: list[Identifier] = Field(default_factory=list, description="Apply in these states only.")
    except_in: list[Identifier] = Field(default_factory=list, description="Apply everywhere but these states.")
    note: Line | None = Field(None, description="For authors: why this handler exists.")


class Otherwise(Strict):
    """What happens when no rule matches."""

    goto: Identifier = Field(description="A state or an ending (often the state itself).")
    effects: list[Line] = Field(default_factory=list, description="Assignments, as in a rule.")
    say: list[Say] = Field(default_factory=list, description="Replies; default: the target's lines.")
    note: Line | None = Field(None, description="For authors.")


class State(Strict):
    """A moment of the conversation: what the manager says, and what may come next."""

    channel: Channel = Field(description="email or call: the channel of the learner's next message here.")
    say: list[Say] = Field(min_length=1, description="Variants of the manager's reply; one is chosen per visit.")
    again: list[Say] = Field(
        default_factory=list,
        description="Said on coming back once the other lines are used: a nudge that names what is still missing.",
    )
    declined: bool = Field(False, description="True when the manager says no to the request here.")
    rules: list[Rule] = Field(default_factory=list, description="Tried in order after the always handlers; the first whose when holds fires.")
    otherwise: Otherwise | None = Field(None, description="Default: stay here and say an unused 'again' line.")
    note: Line | None = Field(None, description="For authors.")


class Ending(Strict):
    """A final state with an outcome for the debrief."""

    outcome: Outcome = Field(description="success, partial or failure: how the debrief scores it.")
    title: Line = Field(description="A short name for the ending, shown in the debrief.")
    say: list[Say] = Field(min_length=1, description="The manager's last line (one is chosen).")
    summary: Text = Field(description="What happened and why, shown in the debrief; may quote {deal} and {offer.X}.")


class PersonaTerm(Strict):
    """How far this manager can move on one term."""

    start: TermValue | None = Field(None, description="This manager's starting value, when it is not the scenario's.")
    min: TermValue | None = Field(None, description="The lowest (or earliest) value it will agree to.")
    max: TermValue | None = Field(None, description="The highest (or latest) value it will agree to.")
    allowed: list[Line] = Field(default_factory=list, description="For a text term: the values it can agree to.")


class TurnLimit(Strict):
    """Ends the conversation after ``turns`` learner messages."""

    turns: Annotated[int, Field(ge=2, le=100)] = Field(description="How many learner messages at most.")
    goto: Identifier = Field(description="The ending reached when they run out.")


class Persona(Strict):
    """A scripted hiring manager (one YAML file in ``personas/``)."""

    id: Identifier = Field(description="Lower-case letters, digits, _ or -; unique among the personas.")
    name: Line = Field(description="The manager's name, as the learner sees it.")
    role: Line = Field(description="Their job and relation to the learner, shown in the picker and the chat.")
    scenario: Identifier = Field(description="The scenario's id: scenario.yaml beside the file, or a shipped one.")
    difficulty: Difficulty = Field(description="easy, medium or hard, shown in the picker.")
    summary: Line = Field(description="One line for the picker.")
    voice: Text = Field(description="How this manager talks, for authors and the picker.")
    relationship: Identifier | None = Field(
        None, description="The variable shown as the relationship (the coach panel's bar, the debrief); default: trust."
    )
    names: dict[Identifier, Line] = Field(default_factory=dict, description="Template names that override the scenario's.")
    variables: dict[Identifier, Variable] = Field(default_factory=dict, description="Whole numbers in a range that rules read and change.")
    opening: list[Line] = Field(
        default_factory=list, description="What the manager says before the learner's first message (one is chosen)."
    )
    terms: dict[Identifier, PersonaTerm] = Field(
        default_factory=dict, description="This manager's room on the scenario's terms (what effects may concede)."
    )
    start: Identifier = Field(description="The state the conversation starts in.")
    turn_limit: TurnLimit | None = Field(None, description="Ends the conversation after so many moves, at an ending.")
    always: list[Handler] = Field(default_factory=list, description="Rules tried in every state before its own.")
    fallback: list[Handler] = Field(default_factory=list, description="Rules tried in every state after its own.")
    last_resort: list[Say] = Field(
        default_factory=list, description="Lines for when every line that fits has been said once in this conversation."
    )
    states: dict[Identifier, State] = Field(min_length=1, description="Where the conversation can be.")
    endings: dict[Identifier, Ending] = Field(min_length=1, description="How it can end.")


Scenario.model_rebuild()


def say_text(line: "Line | ChannelLine") -> str:
    return line.text if isinstance(line, ChannelLine) else line


def say_channel(line: "Line | ChannelLine") -> str | None:
    return line.channel if isinstance(line, ChannelLine) else None
