"""The committed editor schemas match the models they come from."""

from roleplay.authoring.schema import render, schemas
from tests.conftest import REPO


def test_committed_schemas_have_not_drifted():
    for name, schema in schemas().items():
        committed = (REPO / "schema" / name).read_text()
        assert committed == render(schema), f"schema/{name} is stale: run python scripts/schema.py"


def test_schemas_are_draft_07():
    for schema in schemas().values():
        assert schema["$schema"].startswith("http://json-schema.org/draft-07")
        assert "$defs" not in schema and "#/$defs/" not in render(schema)
