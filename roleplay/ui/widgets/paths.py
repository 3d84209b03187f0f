"""File paths shown whole, wrapped only between their parts.

Textual wraps text at spaces and cuts a long word anywhere, so a path such as
``/home/robin/.local/share/roleplay/exports/20261202-031212-tiny-f56ac7.md``
broke mid-name. ``wrap_path`` breaks after a separator (``/`` or ``\\``),
then, for a name longer than a line, after ``-``, ``_`` or ``.``, and cuts a
part only when it is longer than a line by itself. ``PathsVisual`` lays out
labelled paths that way for whatever width the widget gets (a resize lays
them out again), and its ``plain`` is every path in one piece, unbroken.
"""

from __future__ import annotations

import re
from typing import Sequence

from textual.content import Content
from textual.visual import Visual

from roleplay.ui.safe_text import one_line

_PARTS = re.compile(r"[^/\\]*[/\\]|[^/\\]+")
_NAME_PARTS = re.compile(r"[^-_.]*[-_.]|[^-_.]+")


def _pieces(path: str, width: int) -> list[str]:
    out: list[str] = []
    for part in _PARTS.findall(path):
        if len(part) <= width:
            out.append(part)
            continue
        for sub in _NAME_PARTS.findall(part):
            out += [sub[i : i + width] for i in range(0, len(sub), width)] if len(sub) > width else [sub]
    return out


def wrap_path(path: str, width: int) -> list[str]:
    """``path`` in lines of at most ``width`` characters, broken between its parts."""
    width = max(1, width)
    if len(path) <= width:
        return [path]
    lines: list[str] = [""]
    for piece in _pieces(path, width):
        if lines[-1] and len(lines[-1]) + len(piece) > width:
            lines.append("")
        lines[-1] += piece
    return lines


class PathsVisual(Visual):
    """Rows of ``label  path``, each path wrapped between its parts under itself."""

    MIN_PATH = 24  # narrower than this beside the labels, a path goes under its label

    def __init__(self, rows: Sequence[tuple[str, object]]):
        self.rows = [(label, one_line(path)) for label, path in rows]
        self._label_width = max((len(label) for label, _ in self.rows), default=0) + 2
        self._cache: tuple[int, Content] | None = None

    @property
    def plain(self) -> str:
        """Every path whole, one row a line (what a reader or a test sees)."""
        return "\n".join(f"{label}: {path}" for label, path in self.rows)

    def content(self, width: int) -> Content:
        if self._cache is not None and self._cache[0] == width:
            return self._cache[1]
        parts: list = []
        beside = width - self._label_width >= self.MIN_PATH
        for i, (label, path) in enumerate(self.rows):
            if i:
                parts.append("\n")
            if beside:
                lines = wrap_path(path, width - self._label_width)
                parts += [(label.ljust(self._label_width), "bold"), lines[0]]
                for line in lines[1:]:
                    parts += ["\n", " " * self._label_width, line]
            else:
                parts += [(label, "bold")]
                for line in wrap_path(path, width):
                    parts += ["\n", line]
        built = Content.assemble(*parts)
        self._cache = (width, built)
        return built

    def render_strips(self, width, height, style, options):
        return self.content(width).render_strips(width, height, style, options)

    def get_optimal_width(self, rules, container_width: int) -> int:
        return max((self._label_width + len(path) for _, path in self.rows), default=0)

    def get_minimal_width(self, rules) -> int:
        return min(self.MIN_PATH, self.get_optimal_width(rules, 0))

    def get_height(self, rules, width: int) -> int:
        return self.content(width).get_height(rules, width)
