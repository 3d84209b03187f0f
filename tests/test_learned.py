"""The learned tag layer (roleplay.analysis.learned): loads, is deterministic,
gives probabilities, and scores obvious sentences on the right tag."""

from __future__ import annotations

import json
import time

import pytest

from roleplay.analysis import learned
from roleplay.analysis.tags import TAGS


def test_model_loads_with_every_tag():
    model = learned.load_model()
    assert tuple(model["tags"]) == TAGS == learned.TAG_ORDER
    assert len(model["bias"]) == len(TAGS)
    assert model["weights"]
    assert set(learned.THRESHOLDS) == set(TAGS)
    assert all(0.0 < t < 1.0 for t in learned.THRESHOLDS.values())


def test_model_file_loads_quickly():
    start = time.perf_counter()
    learned.load_model(learned.MODEL_PATH)
    assert time.perf_counter() - start < 0.5  # ~20-35 ms in practice; generous for CI


@pytest.mark.parametrize("text", ["", "   ", "ok", "Thanks!", "x" * 5000, "😀 $120,000?? 15%"])
def test_probabilities_in_unit_interval(text):
    probs = learned.learned_probs(text)
    assert set(probs) == set(TAGS)
    assert all(0.0 <= p <= 1.0 for p in probs.values())


def test_deterministic():
    text = "Could we do a quick call? I'd love Denver because my partner lives there."
    assert learned.learned_probs(text) == learned.learned_probs(text)
    assert learned.features(text) == learned.features(text)


def test_features_normalise_apostrophes_and_numbers():
    assert learned.tokens("I\u2019m asking for $120,000 or 130k, 10% more, in 3 weeks") == [
        "i'm", "asking", "for", "<money>", "or", "<money>", "<pct>", "more", "in", "<num>", "weeks"]


@pytest.mark.parametrize("text, tag", [
    ("Thank you so much, I really appreciate your help.", "gratitude"),
    ("Could we hop on a quick call tomorrow to talk this through?", "requests_meeting"),
    ("I'm so excited to join the team and fully committed to this role.", "affirms_commitment"),
    ("If you can't match it, I'll have to take the other offer.", "threat"),
    ("Another company has made me an offer.", "mentions_alternative"),
    ("That works for me, let's do it.", "accepts"),
])
def test_obvious_sentences_score_high(text, tag):
    probs = learned.learned_probs(text)
    assert probs[tag] >= learned.THRESHOLDS[tag], (tag, probs[tag])


def test_model_json_is_compact_and_plain():
    raw = learned.MODEL_PATH.read_text(encoding="utf-8")
    assert len(raw) < 1_500_000
    json.loads(raw)
