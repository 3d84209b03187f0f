"""Text bars and principle labels: meaning by numbers and shapes, never colour alone."""

from __future__ import annotations

from textual.content import Content

from roleplay.analysis.principles import PRINCIPLES_BY_ID

def short_name(principle: str) -> str:
    p = PRINCIPLES_BY_ID.get(principle)
    return (p.short or p.name) if p else principle


def long_name(principle: str) -> str:
    p = PRINCIPLES_BY_ID.get(principle)
    return p.name if p else principle


def level(value: int | None) -> str:
    """A style class for a 0-100 value (colour is a bonus; the number is the meaning)."""
    if value is None:
        return "dim"
    if value >= 75:
        return "$success"
    if value >= 50:
        return "$warning"
    return "$error"


def bar(value: int | None, width: int = 10, lo: int = 0, hi: int = 100) -> Content:
    """``███████░░░`` for a value between lo and hi; dots when there is none."""
    if value is None:
        return Content("·" * width).stylize("dim")
    span = max(1, hi - lo)
    filled = round((min(hi, max(lo, value)) - lo) * width / span)
    return Content.assemble(("█" * filled, level(round((value - lo) * 100 / span))), ("░" * (width - filled), "dim"))


def signed(delta: float | int) -> str:
    """+20, −10, ±0: the sign carries the meaning."""
    d = round(delta)
    if d > 0:
        return f"+{d}"
    if d < 0:
        return f"−{-d}"
    return "±0"


def delta_style(delta: float | int) -> str:
    return "$success bold" if delta > 0 else "$error bold" if delta < 0 else "dim"
