"""Training and cross-validation of the behaviour-tag models (the `train` extra).

Used by ``scripts/train_tagger.py`` (the shipped model) and
``scripts/eval_detect.py --cv`` (the honest protocol). Needs scikit-learn and
numpy; the tutor never imports this.

Approaches compared (names used in the reports):

* ``rules``    - the hand-written rules alone (``detect`` with the model off);
* ``tfidf``    - TF-IDF word 1-2 + char_wb 2-5 n-grams, one logistic
                 regression per tag, threshold 0.5;
* ``tfidf_guarded`` - the model, but never adding a tag the rules decided
                 against on purpose (a negated cue, a convention);
* ``union``    - a tag when the rules or the model (p >= 0.5) say so;
* ``per_tag``  - per tag, the better of rules / model / union / both, and the
                 model's threshold, chosen on the other groups' held-out
                 scores only (see cross_validate);
* ``veto``     - per tag, any of the above or: keep a rule's tag unless the
                 model scores it under a veto threshold, add a tag the rules
                 missed when the model is confident (two thresholds per tag,
                 chosen the same way);
* ``veto_sentences`` - ``veto``, with each tag's score the higher of the
                 message's and its best sentence's;
* ``average``  - calibrated averaging: p' = (rule + p) / 2 against a per-tag
                 threshold chosen the same way.

Every approach after ``tfidf`` is guarded like ``tfidf_guarded``, as the
tutor is. Nothing here looks at the held-out group while choosing anything.
"""

from __future__ import annotations

import hashlib
import json
import sys
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from roleplay.analysis.learned import char_wb_ngrams, preprocess, word_ngrams  # noqa: E402
from roleplay.analysis.tags import TAGS  # noqa: E402

CORPUS = ROOT / "data" / "moves"
#: Voices no training ever touches: the shipped model's metadata must not
#: list them (tests/test_tagger_model.py), so they stay an unseen-writer check.
SEALED_VOICES = ("nonnative_portuguese", "slack_typos")

C = 10.0
MIN_DF = 2
WORD_MAX = 40000
CHAR_MAX = 80000
THRESHOLD_GRID = tuple(round(x, 2) for x in np.arange(0.20, 0.86, 0.05))


def load_corpus(directory: Path = CORPUS, *, include_sealed: bool = False) -> list[dict]:
    rows: list[dict] = []
    for path in sorted(directory.glob("*.jsonl")):
        with open(path, encoding="utf-8") as fh:
            for line in fh:
                if line.strip():
                    r = json.loads(line)
                    if include_sealed or r.get("voice") not in SEALED_VOICES:
                        rows.append(r)
    return rows


def labels(rows: list[dict]) -> np.ndarray:
    Y = np.zeros((len(rows), len(TAGS)), dtype=np.int8)
    for i, r in enumerate(rows):
        for t in r.get("tags", []):
            if t in TAGS:
                Y[i, TAGS.index(t)] = 1
    return Y


def rule_outputs(rows: list[dict]) -> tuple[np.ndarray, list[list[str]], np.ndarray]:
    """The rules' tags as a 0/1 matrix; per message the rule features the
    learned tagger can read (tags given, patterns matched); and the tags the
    rules decided against on purpose (negated cue, convention), which the
    model may not add (hybrid.combine's ``blocked``)."""
    from roleplay.analysis import detector

    R = np.zeros((len(rows), len(TAGS)), dtype=np.int8)
    B = np.zeros((len(rows), len(TAGS)), dtype=bool)
    F: list[list[str]] = []
    for i, r in enumerate(rows):
        hits: set[str] = set()
        blocked: set[str] = set()
        _, spans = detector.rule_spans(r["text"], hits=hits, blocked=blocked)
        for t in spans:
            R[i, TAGS.index(t)] = 1
        for t in blocked:
            B[i, TAGS.index(t)] = True
        F.append(detector.rule_features(spans, hits))
    return R, F, B


def rule_predictions(rows: list[dict]) -> np.ndarray:
    return rule_outputs(rows)[0]


def sentence_max(fitted: "Fitted", texts: list[str], max_sentences: int = 12) -> np.ndarray:
    """Per message, the highest score any one of its sentences gets (0 for
    a message of one sentence: its score is the message's)."""
    from roleplay.analysis.message import Message

    pieces, owner = [], []
    for i, t in enumerate(texts):
        m = Message(t)
        if len(m.sents) > 1:
            for a, b in m.sents[:max_sentences]:
                pieces.append(m.original[a:b])
                owner.append(i)
    out = np.zeros((len(texts), len(TAGS)))
    if pieces:
        Pp = proba(fitted, pieces)
        for row, i in zip(Pp, owner):
            out[i] = np.maximum(out[i], row)
    return out


def apply_blocks(P: np.ndarray, R: np.ndarray, B: np.ndarray | None) -> np.ndarray:
    """Model scores as the tutor uses them: a tag the rules decided against
    on purpose (and did not give) cannot be added, so its score counts as 0."""
    if B is None:
        return P
    out = P.copy()
    out[B & ~R.astype(bool)] = 0.0
    return out


#: Rule features (tags given, patterns matched) as a third block of the
#: model's input, each worth this much beside the l2-normalised n-grams.
RULE_SCALE = 0.5


@dataclass
class Fitted:
    word: object
    char: object
    clfs: list  # one per tag (None when the tag had no positive)
    rules: object = None

    def matrix(self, texts: list[str], feats: list[list[str]] | None):
        blocks = [self.word.transform(texts), self.char.transform(texts)]
        if self.rules is not None:
            blocks.append(self.rules.transform(feats) * RULE_SCALE)
        return _stack(*blocks)

    def proba(self, texts: list[str], feats: list[list[str]] | None = None) -> np.ndarray:
        X = self.matrix(texts, feats)
        P = np.zeros((len(texts), len(TAGS)))
        for k, clf in enumerate(self.clfs):
            if clf is not None:
                P[:, k] = clf.predict_proba(X)[:, 1]
        return np.round(P, 4)


def _stack(*blocks):
    from scipy.sparse import hstack

    return hstack(list(blocks)).tocsr()


def vectorizers():
    from sklearn.feature_extraction.text import TfidfVectorizer

    word = TfidfVectorizer(analyzer=word_ngrams, preprocessor=None, lowercase=False,
                           sublinear_tf=True, min_df=MIN_DF, max_features=WORD_MAX, dtype=np.float64)
    char = TfidfVectorizer(analyzer=char_wb_ngrams, lowercase=False,
                           sublinear_tf=True, min_df=MIN_DF, max_features=CHAR_MAX, dtype=np.float64)
    return word, char


def fit(texts: list[str], Y: np.ndarray, c: float = C, feats: list[list[str]] | None = None) -> Fitted:
    from sklearn.feature_extraction.text import CountVectorizer
    from sklearn.linear_model import LogisticRegression

    docs = [preprocess(t) for t in texts]
    word, char = vectorizers()
    blocks = [word.fit_transform(docs), char.fit_transform(docs)]
    rules = None
    if feats is not None:
        rules = CountVectorizer(analyzer=_identity, binary=True, min_df=MIN_DF, dtype=np.float64)
        blocks.append(rules.fit_transform(feats) * RULE_SCALE)
    X = _stack(*blocks)
    from joblib import Parallel, delayed

    def one(k):
        y = Y[:, k]
        if y.sum() == 0 or y.sum() == len(y):
            return None
        clf = LogisticRegression(C=c, class_weight="balanced", solver="liblinear", max_iter=2000, random_state=0)
        return clf.fit(X, y)

    # Tags are independent: two at a time on this 2-core machine.
    clfs = Parallel(n_jobs=2, max_nbytes=None)(delayed(one)(k) for k in range(len(TAGS)))
    return Fitted(word, char, clfs, rules)


def _identity(x):
    return x


def proba(fitted: Fitted, texts: list[str], feats: list[list[str]] | None = None) -> np.ndarray:
    return fitted.proba([preprocess(t) for t in texts], feats)


# --- combining rules and model ---------------------------------------------

def strategy_pred(name: str, rules: np.ndarray, p: np.ndarray, th: float, veto: float = 0.0) -> np.ndarray:
    """:func:`roleplay.analysis.hybrid.decide` over whole columns (and the
    ``average`` approach, which the tutor does not ship)."""
    rule = rules.astype(bool)
    if name == "rules":
        return rule
    if name == "model":
        return p >= th
    if name == "union":
        return rule | (p >= th)
    if name == "both":
        return rule & (p >= th)
    if name == "veto":
        return np.where(rule, p >= veto, p >= th)
    if name == "average":
        return (rules + p) / 2.0 >= th
    raise ValueError(name)


class _Shim:
    """What :func:`roleplay.analysis.hybrid.combine` reads of a model."""

    def __init__(self, strategy: dict, thresholds: dict, vetoes: dict | None = None):
        self.tags, self.strategy, self.thresholds = list(TAGS), strategy, thresholds
        self.vetoes = vetoes or {}


def shipped_combination(R: np.ndarray, P: np.ndarray, strategy: dict, thresholds: dict,
                        vetoes: dict | None = None) -> np.ndarray:
    """The tutor's own combination (hybrid.combine), message by message."""
    from roleplay.analysis.hybrid import combine as ship

    shim = _Shim(strategy, thresholds, vetoes)
    out = np.zeros(R.shape, dtype=bool)
    for i in range(len(R)):
        rule_tags = {t for k, t in enumerate(TAGS) if R[i, k]}
        probs = {t: float(P[i, k]) for k, t in enumerate(TAGS)}
        for t in ship(rule_tags, probs, shim):
            out[i, TAGS.index(t)] = True
    return out


def _f1(gold: np.ndarray, pred: np.ndarray) -> float:
    tp = int((gold & pred).sum())
    fp = int((~gold & pred).sum())
    fn = int((gold & ~pred).sum())
    return 2 * tp / (2 * tp + fp + fn) if tp else (1.0 if not (fp or fn) else 0.0)


VETO_GRID = (0.05, 0.1, 0.2, 0.3, 0.4)


def _choose(Y: np.ndarray, R: np.ndarray, P: np.ndarray, names: tuple[str, ...],
            vetoes: tuple[float, ...] = (), rules_first: bool = True) -> tuple[dict, dict, dict]:
    """Per tag, the candidate with the best F1 on held-out scores: the rules
    alone, each of ``names`` at every threshold, then ``veto`` at every pair
    of thresholds. Ties go to the earlier (simpler) candidate."""
    strategy, thresholds, veto_th = {}, {}, {}
    cands = [("rules", 0.5, 0.0)] if rules_first else []
    cands += [(n, th, 0.0) for n in names for th in THRESHOLD_GRID]
    cands += [("veto", th, v) for th in THRESHOLD_GRID for v in vetoes]
    for k, tag in enumerate(TAGS):
        gold = Y[:, k].astype(bool)
        best = (-1.0, cands[0])
        for cand in cands:
            f = _f1(gold, strategy_pred(cand[0], R[:, k], P[:, k], cand[1], cand[2]))
            if f > best[0] + 1e-9:
                best = (f, cand)
        strategy[tag], thresholds[tag], veto_th[tag] = best[1][0], float(best[1][1]), float(best[1][2])
    return strategy, thresholds, veto_th


def choose_per_tag(Y: np.ndarray, R: np.ndarray, P: np.ndarray) -> tuple[dict, dict]:
    """Per tag: rules, model, union or both, and the threshold."""
    strategy, thresholds, _ = _choose(Y, R, P, ("model", "union", "both"))
    return strategy, thresholds


def choose_average(Y: np.ndarray, R: np.ndarray, P: np.ndarray) -> dict:
    """Per tag, the threshold of the calibrated average (rule + p) / 2."""
    return _choose(Y, R, P, ("average",), rules_first=False)[1]


def choose_general(Y: np.ndarray, R: np.ndarray, P: np.ndarray) -> tuple[dict, dict, dict]:
    """Per tag, the best of rules / union / model / both at any threshold, or
    ``veto`` (keep a rule's tag unless p < veto, add a missed one at p >=
    threshold): what ``train_tagger.py`` ships."""
    return _choose(Y, R, P, ("union", "model", "both"), VETO_GRID)


def out_of_fold(texts: list[str], Y: np.ndarray, groups: list[str], n_folds: int = 4,
                feats: list[list[str]] | None = None, with_sentences: bool = False):
    """Model probabilities for every training message from a model that did
    not see its group (groups dealt round-robin into ``n_folds`` folds)."""
    uniq = sorted(set(groups))
    fold_of = {g: i % n_folds for i, g in enumerate(uniq)}
    P = np.zeros(Y.shape)
    Ps = np.zeros(Y.shape)
    idx = np.arange(len(texts))
    for f in range(min(n_folds, len(uniq))):
        test = np.array([fold_of[g] == f for g in groups])
        tr = idx[~test]
        fitted = fit([texts[i] for i in tr], Y[tr], feats=None if feats is None else [feats[i] for i in tr])
        P[test] = proba(fitted, [texts[i] for i in idx[test]],
                        None if feats is None else [feats[i] for i in idx[test]])
        if with_sentences:
            Ps[test] = sentence_max(fitted, [texts[i] for i in idx[test]])
    return (P, Ps) if with_sentences else P


# --- reports ----------------------------------------------------------------

@dataclass
class Counts:
    tp: np.ndarray
    fp: np.ndarray
    fn: np.ndarray
    exact: int
    n: int

    @classmethod
    def of(cls, Y: np.ndarray, pred: np.ndarray) -> "Counts":
        g, p = Y.astype(bool), pred.astype(bool)
        return cls((g & p).sum(0), (~g & p).sum(0), (g & ~p).sum(0), int((g == p).all(1).sum()), len(Y))

    def __add__(self, other: "Counts") -> "Counts":
        return Counts(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn,
                      self.exact + other.exact, self.n + other.n)

    def per_tag(self) -> dict[str, tuple[float, float, float, int]]:
        out = {}
        for k, tag in enumerate(TAGS):
            tp, fp, fn = int(self.tp[k]), int(self.fp[k]), int(self.fn[k])
            p = tp / (tp + fp) if tp + fp else 0.0
            r = tp / (tp + fn) if tp + fn else 0.0
            f = 2 * p * r / (p + r) if p + r else 0.0
            out[tag] = (p, r, f, tp + fn)
        return out

    def macro_f1(self) -> float:
        vals = [f for (_, _, f, sup) in self.per_tag().values() if sup]
        return sum(vals) / len(vals) if vals else 0.0

    def summary(self) -> dict:
        pt = self.per_tag()
        return {"macro_f1": round(self.macro_f1(), 3), "threat_f1": round(pt["threat"][2], 3),
                "exact_set": round(self.exact / self.n, 3) if self.n else 0.0, "n": self.n,
                "per_tag": {t: {"p": round(v[0], 3), "r": round(v[1], 3), "f1": round(v[2], 3), "support": v[3]}
                            for t, v in pt.items()}}


APPROACHES = ("rules", "tfidf", "tfidf_guarded", "union", "per_tag", "veto", "veto_sentences", "average")


def cross_validate(rows: list[dict], key: str, R: np.ndarray, *, extra: list[dict] | None = None,
                   log=print, feats: list[list[str]] | None = None,
                   blocked: np.ndarray | None = None) -> dict[str, Counts]:
    """Leave-one-``key``-out over ``rows``: train on every other group (plus
    ``extra`` rows, never tested), test on the held-out group.

    Two passes. First, every group gets model scores from a model that never
    saw it. Then, for each held-out group, the per-tag combination and
    thresholds are chosen on the *other* groups' held-out scores only, and
    applied to it: the held-out group's labels choose nothing.
    """
    texts = [r["text"] for r in rows]
    Y = labels(rows)
    groups = [r[key] for r in rows]
    extra = extra or []
    ex_texts = [r["text"] for r in extra]
    ex_Y = labels(extra) if extra else np.zeros((0, len(TAGS)), dtype=np.int8)
    ex_F = rule_outputs(extra)[1] if (extra and feats is not None) else ([] if feats is not None else None)
    order = sorted(set(groups))
    # Pass 1 is the costly part (one fit per group): cached by content, so
    # comparing another combination re-uses it.
    digest = hashlib.sha256(json.dumps([texts, groups, ex_texts, Y.tolist(), ex_Y.tolist(),
                                        C, MIN_DF, WORD_MAX, CHAR_MAX, feats, RULE_SCALE]).encode()).hexdigest()[:16]
    cache = ROOT / ".cache" / f"cv-{key}-{digest}.npy"
    cache_s = cache.with_name(cache.stem + "-sent.npy")
    if cache.exists() and cache_s.exists():
        P, Ps = np.load(cache), np.load(cache_s)
    else:
        P = np.zeros(Y.shape)
        Ps = np.zeros(Y.shape)
        for g in order:
            test = np.array([x == g for x in groups])
            tr_F = None if feats is None else [f for f, keep in zip(feats, ~test) if keep] + ex_F
            te_F = None if feats is None else [f for f, keep in zip(feats, test) if keep]
            fitted = fit([t for t, keep in zip(texts, ~test) if keep] + ex_texts, np.vstack([Y[~test], ex_Y]),
                         feats=tr_F)
            te_texts = [t for t, keep in zip(texts, test) if keep]
            P[test] = proba(fitted, te_texts, te_F)
            Ps[test] = sentence_max(fitted, te_texts)
            log(f"  {key}={g}: n={int(test.sum())} tfidf={Counts.of(Y[test], P[test] >= 0.5).macro_f1():.3f}")
        cache.parent.mkdir(exist_ok=True)
        np.save(cache, P)
        np.save(cache_s, Ps)
    Praw = P
    P = apply_blocks(P, R, blocked)
    # Message score or its best sentence's, whichever is higher: a tag in one
    # sentence of a long message is not drowned by the others.
    PS = apply_blocks(np.maximum(Praw, Ps), R, blocked)
    totals: dict[str, Counts] = {}
    per_group: dict[str, dict[str, float]] = defaultdict(dict)
    for g in order:
        test = np.array([x == g for x in groups])
        strategy, th = choose_per_tag(Y[~test], R[~test], P[~test])
        avg_th = choose_average(Y[~test], R[~test], P[~test])
        g_strategy, g_th, g_veto = choose_general(Y[~test], R[~test], P[~test])
        s_strategy, s_th, s_veto = choose_general(Y[~test], R[~test], PS[~test])
        Rt, Pt = R[test], P[test]
        preds = {
            "rules": Rt.astype(bool),
            "tfidf": Praw[test] >= 0.5,
            "tfidf_guarded": Pt >= 0.5,
            "union": Rt.astype(bool) | (Pt >= 0.5),
            "per_tag": shipped_combination(Rt, Pt, strategy, th),
            "veto": shipped_combination(Rt, Pt, g_strategy, g_th, g_veto),
            "veto_sentences": shipped_combination(Rt, PS[test], s_strategy, s_th, s_veto),
            "average": np.column_stack([strategy_pred("average", Rt[:, k], Pt[:, k], avg_th[t]) for k, t in enumerate(TAGS)]),
        }
        for name, pred in preds.items():
            c = Counts.of(Y[test], pred)
            totals[name] = totals[name] + c if name in totals else c
            per_group[g][name] = round(c.macro_f1(), 3)
    totals["_per_group"] = per_group  # type: ignore[assignment]
    return totals


def export(fitted: Fitted, strategy: dict, thresholds: dict, meta: dict, vetoes: dict | None = None) -> dict:
    """The JSON the tutor scores with (:class:`roleplay.analysis.learned.TaggerModel`)."""
    word_vocab = sorted(fitted.word.vocabulary_, key=fitted.word.vocabulary_.get)
    char_vocab = sorted(fitted.char.vocabulary_, key=fitted.char.vocabulary_.get)
    n_word = len(word_vocab)
    rule_vocab = [] if fitted.rules is None else sorted(fitted.rules.vocabulary_, key=fitted.rules.vocabulary_.get)
    n_feat = n_word + len(char_vocab) + len(rule_vocab)
    W = np.zeros((n_feat, len(TAGS)))
    intercepts = []
    for k, clf in enumerate(fitted.clfs):
        if clf is None:
            intercepts.append(-20.0)
            continue
        intercepts.append(round(float(clf.intercept_[0]), 6))
        W[:, k] = clf.coef_[0]
    # One row of per-tag weights per feature (word block, then char block).
    coef = [[round(float(x), 4) for x in row] for row in W]
    return {
        "version": 2,
        "tags": list(TAGS),
        "intercepts": intercepts,
        "word": {"vocab": word_vocab, "idf": [round(float(x), 6) for x in fitted.word.idf_]},
        "char": {"vocab": char_vocab, "idf": [round(float(x), 6) for x in fitted.char.idf_]},
        "rules": {"vocab": rule_vocab, "scale": RULE_SCALE},
        "coef": coef,
        "strategy": strategy,
        "thresholds": thresholds,
        "vetoes": vetoes or {},
        "meta": meta | {"n_word": n_word},
    }
