"""JSON schemas of the script formats, for editors (draft-07, which the VS Code
YAML extension understands). ``scripts/schema.py`` writes them to ``schema/``;
a test fails when the committed files drift from the models.
"""

from __future__ import annotations

import json

from pydantic import BaseModel

DRAFT_07 = "http://json-schema.org/draft-07/schema#"


def _draft07(schema: dict) -> dict:
    """pydantic emits 2020-12 ``$defs``; draft-07 spells them ``definitions``."""
    text = json.dumps(schema).replace('"#/$defs/', '"#/definitions/')
    out = json.loads(text)
    if "$defs" in out:
        out["definitions"] = out.pop("$defs")
    return {"$schema": DRAFT_07, **out}


def schemas() -> dict[str, dict]:
    """File name -> schema, for every script format."""
    from roleplay.coaching.model import Content
    from roleplay.grading.assignment import Assignment
    from roleplay.persona.model import Persona, Scenario
    from roleplay.authoring.testplan import PlanFile

    from roleplay.analysis.tag_reference import ReferenceFile
    from roleplay.analysis.tags import TAGS

    models: dict[str, type[BaseModel]] = {
        "assignment.schema.json": Assignment,
        "coaching.schema.json": Content,
        "persona.schema.json": Persona,
        "scenario.schema.json": Scenario,
        "tag_reference.schema.json": ReferenceFile,
        "testplan.schema.json": PlanFile,
    }
    out = {name: _draft07(m.model_json_schema()) for name, m in models.items()}
    _describe_conditions(out["persona.schema.json"])
    out["tag_reference.schema.json"]["properties"]["tags"]["propertyNames"] = {"enum": list(TAGS)}
    return out


def condition_names() -> str:
    """What a ``when`` can read, for an editor's hover: every tag and signal
    with its one line, then the other names."""
    from roleplay.analysis.signals import SIGNAL_DESCRIPTIONS
    from roleplay.analysis.tags import TAG_DESCRIPTIONS

    lines = ["Behaviour tags, true when the message carries the tag ('roleplay tags' and docs/tags.md give examples):"]
    lines += [f"- {t}: {d}" for t, d in TAG_DESCRIPTIONS.items()]
    lines += ["Signals, true when the message carries it:"]
    lines += [f"- {s}: {d}" for s, d in SIGNAL_DESCRIPTIONS.items()]
    lines += ["Also: tagged (the message carries any tag), new_ask (it names a term or value not heard before), "
              "turn, channel (\"email\" or \"call\"), after_decline, stalled, the persona's variables, and per term X: "
              "asked.X, offer.X, said.X, mentions.X, within.X, won.X; terms_won."]
    return "\n".join(lines)


def _describe_conditions(schema: dict) -> None:
    """Add :func:`condition_names` to the description of every ``when``."""
    names = condition_names()
    for model in schema.get("definitions", {}).values():
        when = model.get("properties", {}).get("when")
        if when is not None and when.get("type") == "string":
            when["description"] = f"{when.get('description', 'A condition.')}\n\n{names}"


def render(schema: dict) -> str:
    return json.dumps(schema, indent=2, sort_keys=True) + "\n"
