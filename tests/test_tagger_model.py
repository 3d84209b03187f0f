"""The shipped learned tagger: loads, is deterministic, is combined per tag
as the model file says, and keeps the labelling conventions."""

from __future__ import annotations

from roleplay.analysis import detector, hybrid
from roleplay.analysis.learned import char_wb_ngrams, load_model, preprocess, word_ngrams
from roleplay.analysis.tags import TAGS


def test_model_shape():
    m = load_model()
    assert m.tags == list(TAGS)
    assert set(m.thresholds) == set(TAGS) and all(0.0 < t < 1.0 for t in m.thresholds.values())
    assert set(m.strategy) == set(TAGS) and set(m.strategy.values()) <= {"rules", "model", "union", "both", "veto"}


def test_scores_are_rounded_and_deterministic():
    m = load_model()
    a = m.scores("Could we do 130k and two days in the office?")
    assert a == m.scores("Could we do 130k and two days in the office?")
    assert all(round(v, 4) == v and 0.0 <= v <= 1.0 for v in a.values())


def test_analyzers_match_scikit_learn_conventions():
    doc = preprocess("I’d like $128,000 ok")
    assert doc == "i'd like $0,0 ok"
    assert word_ngrams("we can talk") == ["we", "can", "talk", "we can", "can talk"]
    # char_wb pads each word with spaces; a word shorter than n counts once
    assert char_wb_ngrams("ok", 2, 5) == [" o", "ok", "k ", " ok", "ok ", " ok "]


def test_combination_follows_the_strategy():
    class M:
        tags = ["threat", "hostile", "accepts", "capitulates"]
        strategy = {"threat": "union", "hostile": "both", "accepts": "model", "capitulates": "rules"}
        thresholds = {t: 0.5 for t in tags}
        vetoes: dict = {}

    probs = {"threat": 0.9, "hostile": 0.9, "accepts": 0.2, "capitulates": 0.9}
    assert hybrid.combine(set(), probs, M) == {"threat"}
    assert hybrid.combine({"hostile"}, probs, M) == {"threat", "hostile"}
    assert hybrid.combine({"capitulates"}, probs, M) == {"threat", "capitulates"}
    # accepts and capitulates never together: the rules' reading wins
    probs["accepts"] = 0.95
    assert hybrid.combine({"capitulates"}, probs, M) == {"threat", "capitulates"}


def test_model_only_tags_carry_a_clause_as_evidence():
    text = "Hi Dana, hope the week is going well. 8k signing and we are good?"
    det, why = detector.analyse(text, explain=True)
    for tag in det.tags:
        assert tag in det.evidence and det.evidence[tag] in text
        assert why[tag]["tagged"] and why[tag]["decided_by"] in ("rule", "model", "rule+model")


def test_rules_only_switch():
    old = detector.USE_LEARNED
    detector.USE_LEARNED = False
    try:
        det, why = detector.analyse("Unless you move me to Denver I'll withdraw my acceptance.", explain=True)
        assert "threat" in det.tags and why["threat"]["decided_by"] == "rule"
        assert why["threat"]["pattern"].startswith(("pressure.", "convention:"))
    finally:
        detector.USE_LEARNED = old
