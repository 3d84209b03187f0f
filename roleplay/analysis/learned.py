"""The learned tagger: TF-IDF word and character n-grams, one logistic
regression per tag, scored in plain Python.

The model is trained with scikit-learn by ``scripts/train_tagger.py`` and
exported to ``tagger_model.json`` beside this file: the vocabulary with its
idf weights, and per tag the coefficients and intercept. Scoring here
reproduces scikit-learn's ``TfidfVectorizer`` (``analyzer="word"``, n-grams
1-2, and ``analyzer="char_wb"``, n-grams 2-5, ``sublinear_tf``, l2 norm per
block) and ``LogisticRegression.decision_function`` exactly, so the tutor
needs neither scikit-learn nor numpy.

Scores are rounded to 4 decimals before any threshold is applied, so the
same text gives the same tags on every machine.

The model loads lazily, on first use (the tutor warms it in a worker).
"""

from __future__ import annotations

import json
import math
import re
from array import array
from pathlib import Path

MODEL_PATH = Path(__file__).with_name("tagger_model.json")

_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u02bc": "'", "`": "'", "\u00b4": "'",
                         "\u201c": '"', "\u201d": '"', "\u2013": "-", "\u2014": "-"})
_DIGIT_RUN = re.compile(r"\d+")
_WHITE = re.compile(r"\s\s+")
_WORD_TOKEN = re.compile(r"(?u)\b\w\w+\b")


def preprocess(text: str) -> str:
    """The text the n-grams are taken from: lower case, straight quotes, and
    every run of digits as one ``0`` ("$128,000" and "$95,500" look alike:
    the model should learn that an amount was named, not which)."""
    return _DIGIT_RUN.sub("0", text.lower().translate(_QUOTES))


def word_ngrams(doc: str) -> list[str]:
    """scikit-learn's word analyzer, n-grams 1-2 (``doc`` preprocessed)."""
    toks = _WORD_TOKEN.findall(doc)
    return toks + [a + " " + b for a, b in zip(toks, toks[1:])]


def char_wb_ngrams(doc: str, lo: int = 2, hi: int = 5) -> list[str]:
    """scikit-learn's ``char_wb`` analyzer (``doc`` preprocessed)."""
    out: list[str] = []
    doc = _WHITE.sub(" ", doc)
    for w in doc.split():
        w = " " + w + " "
        n_w = len(w)
        for n in range(lo, hi + 1):
            offset = 0
            out.append(w[offset:offset + n])
            while offset + n < n_w:
                offset += 1
                out.append(w[offset:offset + n])
            if offset == 0:
                break
    return out


def _block(grams: list[str], vocab: dict[str, int], idf: list[float]) -> dict[int, float]:
    """One TF-IDF block: sublinear tf times idf, l2-normalised."""
    counts: dict[int, int] = {}
    for g in grams:
        j = vocab.get(g)
        if j is not None:
            counts[j] = counts.get(j, 0) + 1
    vec = {j: (1.0 + math.log(c)) * idf[j] for j, c in counts.items()}
    norm = math.sqrt(sum(v * v for v in vec.values()))
    if norm > 0:
        for j in vec:
            vec[j] /= norm
    return vec


class TaggerModel:
    """A loaded model: ``scores(text)`` gives each tag's probability."""

    def __init__(self, data: dict):
        self.meta = data.get("meta", {})
        self.tags: list[str] = list(data["tags"])
        self.thresholds: dict[str, float] = dict(data["thresholds"])
        self.strategy: dict[str, str] = dict(data.get("strategy", {}))
        self.vetoes: dict[str, float] = dict(data.get("vetoes", {}))
        self.intercepts: list[float] = list(data["intercepts"])
        # Weights live in flat arrays of doubles, not lists of lists: a
        # million boxed floats in lists would make every full garbage
        # collection walk them (tens of milliseconds in the middle of a move).
        self._word = {g: i for i, g in enumerate(data["word"]["vocab"])}
        self._word_idf = array("d", data["word"]["idf"])
        self._char = {g: i for i, g in enumerate(data["char"]["vocab"])}
        self._char_idf = array("d", data["char"]["idf"])
        self._n_word = len(self._word_idf)
        # Optional third block: the rules' tags and matched pattern ids,
        # binary, scaled by ``rules.scale`` (see scripts/tagger_lab.py).
        rules = data.get("rules") or {"vocab": [], "scale": 0.0}
        self._rules = {f: i for i, f in enumerate(rules["vocab"])}
        self._rule_scale = float(rules["scale"])
        self._n_char = len(self._char_idf)
        self.uses_rule_features = bool(self._rules)
        # coef: one row of per-tag weights per feature, word block first,
        # flattened (feature j, tag t at j * n_tags + t).
        self._n_tags = len(self.tags)
        self._coef = array("d", (w for row in data["coef"] for w in row))

    def decision(self, text: str, rule_feats: list[str] = ()) -> list[float]:
        doc = preprocess(text)
        out = list(self.intercepts)
        n = self._n_tags
        coef = self._coef
        active = [(j, v) for j, v in _block(word_ngrams(doc), self._word, self._word_idf).items()]
        active += [(j + self._n_word, v) for j, v in _block(char_wb_ngrams(doc), self._char, self._char_idf).items()]
        base = self._n_word + self._n_char
        active += [(base + self._rules[f], self._rule_scale) for f in rule_feats if f in self._rules]
        for j, v in active:
            k = j * n
            for t in range(n):
                out[t] += coef[k + t] * v
        return out

    def scores(self, text: str, rule_feats: list[str] = ()) -> dict[str, float]:
        """Probability per tag, rounded to 4 decimals (deterministic thresholds)."""
        return {t: round(_sigmoid(s), 4) for t, s in zip(self.tags, self.decision(text, rule_feats))}


def _sigmoid(s: float) -> float:
    if s >= 0:
        return 1.0 / (1.0 + math.exp(-s))
    e = math.exp(s)
    return e / (1.0 + e)


_MODEL: TaggerModel | None = None


def load_model(path: str | Path | None = None) -> TaggerModel:
    """Load (and cache, for the default path) the exported model."""
    global _MODEL
    if path is None:
        if _MODEL is None:
            with open(MODEL_PATH, encoding="utf-8") as fh:
                _MODEL = TaggerModel(json.load(fh))
        return _MODEL
    with open(path, encoding="utf-8") as fh:
        return TaggerModel(json.load(fh))
