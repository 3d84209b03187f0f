"""Regression guard: the detector on our own labelled messages.

``tests/data/own-moves.jsonl`` was written for this project (both scenarios,
varied style). The floor is below the current score so small rule changes
don't fail the build, but a broken rule family does.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from roleplay.analysis.evaluation import evaluate, load_jsonl
from roleplay.analysis.tags import TAGS

DATA = Path(__file__).parent / "data" / "own-moves.jsonl"


def test_own_set_is_well_formed():
    rows = load_jsonl(DATA)
    assert len(rows) >= 150
    ids = [r["id"] for r in rows]
    assert len(set(ids)) == len(ids)
    scenarios = {r["context"]["scenario"] for r in rows}
    assert scenarios == {"reassignment", "first_offer"}
    for r in rows:
        assert isinstance(r["text"], str) and r["text"]
        assert set(r["tags"]) <= set(TAGS)
        assert r["tags"] == [t for t in TAGS if t in r["tags"]] or sorted(r["tags"]) == sorted(set(r["tags"]))
    # every tag is represented
    present = {t for r in rows for t in r["tags"]}
    assert present == set(TAGS)


def test_macro_f1_floor_on_own_set():
    report = evaluate(load_jsonl(DATA))
    assert report.macro_f1 >= 0.90, json.dumps(report.as_dict()["per_tag"], indent=1)
    assert report.per_tag["threat"].f1 >= 0.90
    assert report.exact_rate >= 0.80


REGRESSION = {
    # written for generalisation checks, in voices unlike the dev set
    "regression1-moves.jsonl": (200, 0.90, 0.80),
    "regression2-moves.jsonl": (80, 0.90, 0.80),
    # round 3: first pass 0.68 macro-F1 (150+ messages), round 4: first pass 0.69
    "regression3-moves.jsonl": (150, 0.90, 0.80),
    "regression4-moves.jsonl": (60, 0.90, 0.80),
    # round 5: first pass 0.64 macro-F1 (161 messages: teachers, nurses,
    # passive voice, live-call fragments, British understatement, threats
    # as questions); round 6: first pass 0.62 (60 messages)
    "regression5-moves.jsonl": (150, 0.90, 0.80),
    "regression6-moves.jsonl": (60, 0.90, 0.80),
    # round 7 (precision: over half near-misses and no-tag messages):
    # first pass 0.70 macro-F1 (165 messages); round 8: first pass 0.73 (60)
    "regression7-moves.jsonl": (160, 0.84, 0.85),
    "regression8-moves.jsonl": (60, 0.75, 0.80),
}


@pytest.mark.parametrize("name", sorted(REGRESSION))
def test_macro_f1_floor_on_regression_files(name):
    min_rows, floor, exact_floor = REGRESSION[name]
    rows = load_jsonl(Path(__file__).parent / "data" / name)
    assert len(rows) >= min_rows
    assert all(set(r["tags"]) <= set(TAGS) for r in rows)
    report = evaluate(rows)
    assert report.macro_f1 >= floor, json.dumps(report.as_dict()["per_tag"], indent=1)
    assert report.per_tag["threat"].f1 >= 0.90
    assert report.exact_rate >= exact_floor
