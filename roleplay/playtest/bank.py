"""The phrase bank: learner messages in many voices, grouped by intent.

One YAML file per voice in ``phrases/`` (or any folder given), each with
the same intents for every scenario. The sentences were written for this
purpose; none come from the labelled corpora or the tests.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from roleplay.source.diagnostics import ScriptError
from roleplay.source.parse import parse_model
from roleplay.source.yamlsource import load_yaml_file

INTENTS = (
    "small_talk", "off_topic", "thanks_commitment", "asks_interests", "employer_benefit", "specific_ask",
    "proposal", "restated_proposal", "asks_extension", "accept", "goodbye", "capitulate", "threat",
    "hostile", "alternative", "repeat_demand",
)
HERE = Path(__file__).parent / "phrases"

Message = Annotated[str, StringConstraints(min_length=1, max_length=2000)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class Intents(_Strict):
    small_talk: list[Message] = Field(min_length=2)
    off_topic: list[Message] = Field(min_length=2)
    thanks_commitment: list[Message] = Field(min_length=2)
    asks_interests: list[Message] = Field(min_length=2)
    employer_benefit: list[Message] = Field(min_length=2)
    specific_ask: list[Message] = Field(min_length=2)
    proposal: list[Message] = Field(min_length=2)
    restated_proposal: list[Message] = Field(min_length=2)
    asks_extension: list[Message] = Field(min_length=2)
    accept: list[Message] = Field(min_length=2)
    goodbye: list[Message] = Field(min_length=2)
    capitulate: list[Message] = Field(min_length=2)
    threat: list[Message] = Field(min_length=2)
    hostile: list[Message] = Field(min_length=2)
    alternative: list[Message] = Field(min_length=2)
    repeat_demand: list[Message] = Field(min_length=2)


class Voice(_Strict):
    voice: Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]*$")]
    description: Message
    scenarios: dict[str, Intents] = Field(min_length=1)

    def phrases(self, scenario: str, intent: str) -> list[str]:
        return list(getattr(self.scenarios[scenario], intent))


def load_bank(folder: Path | None = None) -> list[Voice]:
    """Every voice in ``folder`` (default: the shipped bank), sorted by name.

    Raises ScriptError with ``file:line:col`` for a malformed file.
    """
    folder = folder or HERE
    voices = []
    for path in sorted(folder.glob("*.yaml")):
        src = load_yaml_file(path, str(path))
        voices.append(parse_model(src, Voice))
    if not voices:
        raise ScriptError([])
    return voices
