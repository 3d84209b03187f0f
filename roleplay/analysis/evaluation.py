"""Scoring the detector against labelled messages (JSON Lines, one
``{"id", "text", "tags", ...}`` object per line).

Used by ``scripts/eval_detect.py`` and by the regression test on
``tests/data/own-moves.jsonl``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable

from .tags import TAGS, Detection


@dataclass
class TagScore:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def support(self) -> int:
        return self.tp + self.fn

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else (1.0 if not self.fn else 0.0)

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else (1.0 if not self.fp else 0.0)

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Report:
    per_tag: dict[str, TagScore] = field(default_factory=lambda: {t: TagScore() for t in TAGS})
    n: int = 0
    exact: int = 0
    errors: list[dict] = field(default_factory=list)

    def add(self, gold: set[str], pred: set[str]) -> None:
        """Count one message's predicted tags against its gold tags."""
        self.n += 1
        self.exact += pred == gold
        for t, s in self.per_tag.items():
            if t in pred and t in gold:
                s.tp += 1
            elif t in pred:
                s.fp += 1
            elif t in gold:
                s.fn += 1

    @property
    def macro_f1(self) -> float:
        return sum(s.f1 for s in self.per_tag.values()) / len(self.per_tag)

    @property
    def exact_rate(self) -> float:
        return self.exact / self.n if self.n else 0.0

    def as_dict(self) -> dict:
        return {
            "n": self.n,
            "macro_f1": round(self.macro_f1, 4),
            "exact_set_rate": round(self.exact_rate, 4),
            "per_tag": {
                t: {"precision": round(s.precision, 4), "recall": round(s.recall, 4),
                    "f1": round(s.f1, 4), "support": s.support}
                for t, s in self.per_tag.items()
            },
            "errors": self.errors,
        }

    def table(self) -> str:
        lines = [f"{'tag':<22}{'prec':>7}{'rec':>7}{'f1':>7}{'supp':>6}"]
        for t, s in self.per_tag.items():
            lines.append(f"{t:<22}{s.precision:>7.3f}{s.recall:>7.3f}{s.f1:>7.3f}{s.support:>6}")
        lines.append(f"{'macro-F1':<22}{'':>14}{self.macro_f1:>7.3f}{self.n:>6}")
        lines.append(f"exact-set rate: {self.exact_rate:.3f} ({self.exact}/{self.n})")
        return "\n".join(lines)


def load_jsonl(path: str | Path) -> list[dict]:
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def evaluate(rows: Iterable[dict], detect: Callable[[str], Detection] | None = None) -> Report:
    """Score ``detect`` (the package detector by default) on labelled rows."""
    if detect is None:
        from .detector import detect
    rep = Report()
    for row in rows:
        gold = set(row.get("tags", []))
        det = detect(row["text"])
        pred = set(det.tags)
        rep.add(gold, pred)
        if pred != gold:
            rep.errors.append({
                "id": row.get("id"), "text": row["text"],
                "missing": sorted(gold - pred, key=TAGS.index),
                "extra": sorted(pred - gold, key=TAGS.index),
                "evidence": det.evidence,
            })
    return rep
