"""The labelled corpus (data/moves) is a product asset: its shape is checked
here, and so is the promise that the shipped model never saw the sealed
voices."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from roleplay.analysis.learned import load_model
from roleplay.analysis.tags import TAGS

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "data" / "moves"
DOMAINS = {"reassignment", "first_offer", "counteroffer", "promotion", "contractor_rate", "internship_return"}
# The voices no training ever touches (scripts/tagger_lab.py SEALED_VOICES).
SEALED = {"nonnative_portuguese", "slack_typos"}


def _rows(directory: Path, pattern: str = "*.jsonl") -> list[dict]:
    out = []
    for path in sorted(directory.glob(pattern)):
        out += [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]
    return out


ROWS = _rows(CORPUS)


def test_corpus_size_and_breadth():
    assert len(ROWS) >= 6000
    voices = Counter(r["voice"] for r in ROWS)
    assert len(voices) >= 24
    assert sum(v.startswith("nonnative_") for v in voices) >= 6
    assert {r["domain"] for r in ROWS} == DOMAINS
    tags = Counter(t for r in ROWS for t in r["tags"])
    assert all(tags[t] >= 300 for t in TAGS), tags
    near = sum(1 for r in ROWS if r["near_miss"])
    assert near >= len(ROWS) * 0.3


def test_every_row_is_well_formed():
    ids = set()
    for r in ROWS:
        assert r["id"] not in ids
        ids.add(r["id"])
        assert isinstance(r["text"], str) and r["text"].strip()
        assert set(r["tags"]) <= set(TAGS) and len(set(r["tags"])) == len(r["tags"])
        assert not {"accepts", "capitulates"} <= set(r["tags"])
        assert r["domain"] in DOMAINS and r["channel"] in ("email", "call")
        assert r["near_miss"] is None or (r["near_miss"] in TAGS and r["near_miss"] not in r["tags"])


def test_second_pass_covers_600_messages_of_the_corpus():
    second = [json.loads(x) for x in (CORPUS / "second_pass" / "second_pass.jsonl").read_text(encoding="utf-8").splitlines() if x.strip()]
    assert len(second) >= 600
    ids = {r["id"] for r in ROWS}
    assert all(r["id"] in ids and set(r["tags"]) <= set(TAGS) for r in second)


def test_shipped_model_never_trained_on_the_sealed_voices():
    meta = load_model().meta
    assert set(meta["excluded_voices"]) == SEALED
    trained = set(meta["trained_on"]["corpus_voices"])
    assert not trained & SEALED
    assert trained == {r["voice"] for r in ROWS} - SEALED
    assert SEALED <= {r["voice"] for r in ROWS}


def test_fresh_holdout_writers_were_never_trained_on():
    # data/holdout: voices written after the model was trained and measured
    # once; no training reads this folder (scripts/tagger_lab.py CORPUS is
    # data/moves), and none of its voices is in the shipped model.
    holdout = _rows(ROOT / "data" / "holdout", "*-moves.jsonl")  # the tag holdouts (signals-fresh is for signals)
    assert len(holdout) >= 480
    voices = {r["voice"] for r in holdout}
    trained = set(load_model().meta["trained_on"]["corpus_voices"])
    assert voices and not voices & trained
    assert not voices & {r["voice"] for r in ROWS}
    assert all(set(r["tags"]) <= set(TAGS) for r in holdout)


def test_the_signals_holdout_is_labelled_and_apart_from_the_phrase_bank():
    from roleplay.playtest.bank import load_bank

    rows = _rows(ROOT / "data" / "holdout", "signals-*.jsonl")
    assert len(rows) == 200 and len({r["id"] for r in rows}) == 200
    assert sum(r["goodbye"] for r in rows) == 50 and sum(r["small_talk"] for r in rows) == 50
    bank = {p for v in load_bank() for sc in v.scenarios for it in ("goodbye", "small_talk") for p in v.phrases(sc, it)}
    assert not bank & {r["text"] for r in rows}
