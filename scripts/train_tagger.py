#!/usr/bin/env python3
"""Train the shipped tagger and write ``roleplay/analysis/tagger_model.json``.

Usage (from the repository root):

    .venv/bin/pip install -e '.[train]'
    .venv/bin/python scripts/train_tagger.py

Training data: the corpus in ``data/moves/`` except the sealed voices
(``tagger_lab.SEALED_VOICES``, never trained on), plus the project's
regression files ``tests/data/*-moves.jsonl``. Never the shared dev set.

Steps: out-of-fold model scores over the training voices (4 folds of whole
voices) choose, per tag, how rules and model combine (rules, model, union,
both, or a veto threshold under which the model removes a rule's tag) and
the thresholds (``tagger_lab.choose_general``); then one model is fitted on everything and exported. The
same data and the pinned versions of the ``train`` extra give the same file,
byte for byte (liblinear with a fixed seed, rounded weights).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
import tagger_lab as L  # noqa: E402

ROOT = L.ROOT
OUT = ROOT / "roleplay" / "analysis" / "tagger_model.json"
REGRESSION = ROOT / "tests" / "data"


def regression_rows() -> list[dict]:
    rows = []
    for path in sorted(REGRESSION.glob("*-moves.jsonl")):
        with open(path, encoding="utf-8") as fh:
            for line in fh:
                if line.strip():
                    r = json.loads(line)
                    r.setdefault("voice", "regression:" + path.stem)
                    rows.append(r)
    return rows


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", default=str(OUT))
    ap.add_argument("--sentence-max", action="store_true",
                    help="score each tag as the higher of the message's and its best sentence's "
                         "(measured: leave-one-voice-out macro-F1 0.865 against 0.873 without, so off)")
    args = ap.parse_args(argv)
    sentence_max = args.sentence_max
    import sklearn

    corpus = L.load_corpus()
    extra = regression_rows()
    rows = corpus + extra
    texts = [r["text"] for r in rows]
    Y = L.labels(rows)
    groups = [r["voice"] if not r["voice"].startswith("regression:") else "_regression" for r in rows]
    print(f"{len(corpus)} corpus messages ({len(set(r['voice'] for r in corpus))} voices) "
          f"+ {len(extra)} regression messages", file=sys.stderr)
    R, _, B = L.rule_outputs(rows)
    oof_msg, oof_sent = L.out_of_fold(texts, Y, groups, 4, with_sentences=True)
    oof = L.apply_blocks(np.maximum(oof_msg, oof_sent) if sentence_max else oof_msg, R, B)
    strategy, thresholds, vetoes = L.choose_general(Y, R, oof)
    fitted = L.fit(texts, Y)
    meta = {
        "trained_on": {"corpus_voices": sorted({r["voice"] for r in corpus}),
                       "corpus_domains": sorted({r["domain"] for r in corpus}),
                       "regression_files": sorted({p.name for p in REGRESSION.glob("*-moves.jsonl")})},
        "excluded_voices": list(L.SEALED_VOICES),
        "n_train": len(rows),
        "features": {"word": "1-2 grams", "char_wb": "2-5 grams", "min_df": L.MIN_DF,
                     "word_max": L.WORD_MAX, "char_max": L.CHAR_MAX},
        "classifier": {"kind": "logistic regression per tag", "C": L.C, "class_weight": "balanced",
                       "solver": "liblinear"},
        "versions": {"scikit-learn": sklearn.__version__, "numpy": np.__version__},
        "sentence_max": sentence_max,
    }
    model = L.export(fitted, strategy, thresholds, meta, vetoes)
    with open(args.out, "w", encoding="utf-8") as fh:
        json.dump(model, fh, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
        fh.write("\n")
    print("strategy per tag:", json.dumps({t: f"{strategy[t]}@{thresholds[t]}/{vetoes[t]}" for t in L.TAGS}), file=sys.stderr)
    print(f"wrote {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
