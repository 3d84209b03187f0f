"""The picker's quick read of persona heads agrees with the real parser."""

from roleplay.persona.catalog import shipped_root
from roleplay.persona.quick import quick_catalog
from roleplay.source.yamlsource import load_yaml_file
from tests.conftest import TINY_DIR

KEYS = ("id", "name", "role", "scenario", "difficulty", "summary")


def test_quick_read_matches_the_full_parse_for_shipped_personas():
    rows = quick_catalog(shipped_root())
    assert len(rows) >= 5
    for row in rows:
        data = load_yaml_file(row.file).data
        assert {k: getattr(row, k) for k in KEYS} == {k: data[k] for k in KEYS}


def test_fancy_yaml_falls_back_to_the_parser(tmp_path):
    text = (TINY_DIR / "tiny.yaml").read_text()
    text = text.replace("name: Tess Tester", 'name: "Tess: the #1 Tester"').replace(
        "summary: A minimal persona for tests.", "summary: >-\n  A folded\n  summary."
    )
    (tmp_path / "scenario.yaml").write_text((TINY_DIR / "scenario.yaml").read_text())
    (tmp_path / "p.yaml").write_text(text)
    (row,) = quick_catalog(tmp_path)
    assert row.name == "Tess: the #1 Tester" and row.summary == "A folded summary."
    assert row.scenario_title == "A tiny test scenario"


def test_comments_after_plain_values_are_not_part_of_them(tmp_path):
    text = (TINY_DIR / "tiny.yaml").read_text().replace("difficulty: easy", "difficulty: easy   # for beginners")
    (tmp_path / "p.yaml").write_text(text)
    (row,) = quick_catalog(tmp_path)
    assert row.difficulty == "easy"
