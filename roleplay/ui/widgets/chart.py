"""A small chart of trust and score over the turns, readable without colour."""

from __future__ import annotations

from typing import Sequence

from textual.content import Content
from textual.widgets import Static

BLOCKS = " ▁▂▃▄▅▆▇█"
HEIGHT = 4  # rows of blocks per series


def _column(value: int | None, lo: int, hi: int) -> list[str]:
    """Characters of one column, top to bottom, for a value in lo..hi."""
    if value is None:
        return [" "] * (HEIGHT - 1) + ["·"]
    eighths = round((min(hi, max(lo, value)) - lo) * HEIGHT * 8 / max(1, hi - lo))
    out = []
    for row in range(HEIGHT - 1, -1, -1):
        fill = max(0, min(8, eighths - row * 8))
        out.append(BLOCKS[fill] if fill else " ")
    return out


def series_chart(label: str, values: Sequence[int | None], labels: Sequence[str], lo: int = 0, hi: int = 100, style: str = "") -> Content:
    """Columns of blocks (one per turn) with each value printed under its column."""
    cell = max(4, max((len(l) for l in labels), default=0) + 1)
    cols = [_column(v, lo, hi) for v in values]
    lines: list = []
    for row in range(HEIGHT):
        prefix = f"{label:<8}" if row == 0 else " " * 8
        body = "".join(c[row].center(cell) for c in cols)
        lines += [prefix, (body, style), "\n"]
    lines += [" " * 8, "".join(("—" if v is None else str(v)).center(cell) for v in values), "\n"]
    lines += [(" " * 8 + "".join(l.center(cell) for l in labels), "dim")]
    return Content.assemble(*lines)


class TrendChart(Static):
    """Trust and overall score, turn by turn."""

    def show(self, trust: Sequence[int], trust_range: tuple[int, int], score: Sequence[int | None]) -> None:
        parts: list = []
        if trust:
            labels = ["start"] + [f"m{i}" for i in range(1, len(trust))]
            parts += [series_chart("Trust", trust, labels, *trust_range, style="$accent"), "\n\n"]
        if score:
            labels = [f"m{i}" for i in range(1, len(score) + 1)]
            parts += [series_chart("Score", score, labels, 0, 100, style="$primary")]
        if not parts:
            parts = [Content("No moves were played.").stylize("dim")]
        self.update(Content.assemble(*parts))
