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
    from roleplay.persona.testplan import PlanFile

    models: dict[str, type[BaseModel]] = {
        "assignment.schema.json": Assignment,
        "coaching.schema.json": Content,
        "persona.schema.json": Persona,
        "scenario.schema.json": Scenario,
        "testplan.schema.json": PlanFile,
    }
    return {name: _draft07(m.model_json_schema()) for name, m in models.items()}


def render(schema: dict) -> str:
    return json.dumps(schema, indent=2, sort_keys=True) + "\n"
