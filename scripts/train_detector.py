#!/usr/bin/env python3
"""Train the learned tag layer and write ``roleplay/analysis/learned_model.json``.

Usage (from the repository root; numpy is needed for training only):

    .venv/bin/python scripts/train_detector.py [--files own holdout ...] [--out PATH]

One L2-regularised logistic regression per tag, trained by full-batch
gradient descent from zero weights (no randomness: the same files give the
same model). Features are those of :func:`roleplay.analysis.learned.features`,
kept when they occur in at least ``--min-df`` training messages, capped at
``--max-features`` by document frequency (ties broken by name).

Never train on the shared dev set.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from roleplay.analysis.learned import MODEL_PATH, TAG_ORDER, features  # noqa: E402

DATA = ROOT / "tests" / "data"
# All project files; holdout7/8 are picked up when present.
ALL_FILES = ("own", "holdout", "holdout2", "holdout3", "holdout4", "holdout5",
             "holdout6", "holdout7", "holdout8")
PRE_ROUND4 = ("own", "holdout", "holdout2", "holdout3", "holdout4")

MIN_DF = 2
MAX_FEATURES = 4000
L2 = 3e-5
ITERS = 2000
LR = 8.0


def load_rows(names) -> list[dict]:
    rows: list[dict] = []
    for name in names:
        path = DATA / f"{name}-moves.jsonl"
        if not path.exists():
            continue
        with open(path, encoding="utf-8") as fh:
            rows.extend(json.loads(line) for line in fh if line.strip())
    return rows


def train(rows: list[dict], *, min_df: int = MIN_DF, max_features: int = MAX_FEATURES,
          l2: float = L2, iters: int = ITERS, lr: float = LR) -> dict:
    """Fit the per-tag classifiers on ``rows``; return the model dict."""
    import numpy as np

    feats = [features(r["text"]) for r in rows]
    df: dict[str, int] = {}
    for fs in feats:
        for f in fs:
            df[f] = df.get(f, 0) + 1
    vocab = sorted((f for f, c in df.items() if c >= min_df), key=lambda f: (-df[f], f))[:max_features]
    vocab.sort()
    index = {f: i for i, f in enumerate(vocab)}

    n, d, k = len(rows), len(vocab), len(TAG_ORDER)
    X = np.zeros((n, d), dtype=np.float32)
    for r, fs in enumerate(feats):
        cols = [index[f] for f in fs if f in index]
        if cols:
            X[r, cols] = 1.0 / np.sqrt(len(cols))
    Y = np.zeros((n, k), dtype=np.float32)
    for r, row in enumerate(rows):
        for t in row.get("tags", []):
            if t in TAG_ORDER:
                Y[r, TAG_ORDER.index(t)] = 1.0

    W = np.zeros((d, k), dtype=np.float32)
    b = np.zeros(k, dtype=np.float32)
    # Nesterov-accelerated full-batch gradient descent on the mean log-loss.
    vW = np.zeros_like(W)
    vb = np.zeros_like(b)
    mom = 0.9
    for _ in range(iters):
        Wl, bl = W + mom * vW, b + mom * vb
        P = 1.0 / (1.0 + np.exp(-(X @ Wl + bl)))
        G = P - Y
        gW = X.T @ G / n + l2 * Wl
        gb = G.mean(axis=0)
        vW = mom * vW - lr * gW
        vb = mom * vb - lr * gb
        W, b = W + vW, b + vb

    weights: dict[str, list[list[float]]] = {}
    for f, i in index.items():
        row = [[j, round(float(W[i, j]), 3)] for j in range(k) if abs(W[i, j]) >= 0.05]
        weights[f] = row  # kept even when empty: it counts in the row norm
    return {
        "version": 1,
        "tags": list(TAG_ORDER),
        "bias": [round(float(x), 4) for x in b],
        "weights": weights,
        "meta": {"n_train": n, "min_df": min_df, "max_features": max_features,
                 "l2": l2, "iters": iters, "lr": lr},
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--files", nargs="+", default=list(ALL_FILES),
                    help="names X of tests/data/X-moves.jsonl (missing ones are skipped)")
    ap.add_argument("--out", default=str(MODEL_PATH))
    args = ap.parse_args(argv)
    names = [f for f in args.files if (DATA / f"{f}-moves.jsonl").exists()]
    rows = load_rows(names)
    model = train(rows)
    model["meta"]["files"] = names
    with open(args.out, "w", encoding="utf-8") as fh:
        json.dump(model, fh, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
        fh.write("\n")
    print(f"trained on {len(rows)} messages from {', '.join(names)}: "
          f"{len(model['weights'])} features -> {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
