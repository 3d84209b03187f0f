"""Negotiable terms: their kinds, how values are read and how people see them.

A scenario declares the terms on the table (``terms:`` with a starting
value each); a persona may declare how far it can move on each. Values are
kept in one normal form per kind so that comparisons mean something:

- ``money`` and ``count``: whole numbers (``118000``, ``3``)
- ``date``: ``--MM-DD`` (the scenario's year never matters to a start date)
- ``text``: a place or a title, as written

Nothing here knows about sessions; the engine and the checks both use it.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Literal

Kind = Literal["money", "count", "date", "text"]
Value = int | str

# Per issue (the ids of CONTRACTS.md, "Terms"): kind, default unit, label.
# A format is how a whole phrase reads in a summary ("the Denver office");
# ``{value}`` is the value as people write it (a count: the bare number).
# ``{offer.X}`` in a line shows the value alone; ``{deal}`` uses the phrase.
DEFAULTS: dict[str, tuple[Kind, str | None, str, str | None]] = {
    "base_salary": ("money", "USD", "base salary", None),
    "signing_bonus": ("money", "USD", "signing bonus", None),
    "bonus": ("money", "USD", "bonus", None),
    "relocation": ("money", "USD", "relocation support", "{value} of relocation support"),
    "rate": ("money", "USD", "rate", None),
    "equity": ("text", None, "equity", "{value} equity"),
    "title": ("text", None, "title", "the title {value}"),
    "location": ("text", None, "location", "the {value} office"),
    "office_days": ("count", "days", "office days", "{value} office days a week"),
    "pto": ("count", "days", "paid time off", "{value} days of paid time off"),
    "salary_review": ("count", "months", "salary review", "a salary review after {value} months"),
    "onboarding": ("count", "weeks", "onboarding", "{value} weeks of onboarding"),
    "start_date": ("date", None, "start date", None),
}

_SYMBOL = {"USD": "$", "EUR": "€", "GBP": "£"}
_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september",
           "october", "november", "december")
_ISO = re.compile(r"^(?:\d{4}|-)-(\d{2})-(\d{2})$")
_WORDY = re.compile(r"^([A-Za-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?$|^(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?([A-Za-z]+)\.?$")


def parse_date(text: str) -> str | None:
    """``June 23``, ``23 June``, ``2027-06-23`` or ``--06-23`` -> ``--06-23``."""
    t = text.strip()
    m = _ISO.match(t)
    if m:
        month, day = int(m.group(1)), int(m.group(2))
    else:
        m = _WORDY.match(t)
        if not m:
            return None
        name, day_s = (m.group(1), m.group(2)) if m.group(1) else (m.group(4), m.group(3))
        found = [i for i, full in enumerate(_MONTHS, 1) if full.startswith(name.lower()) and len(name) >= 3]
        if not found:
            return None
        month, day = found[0], int(day_s)
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    return f"--{month:02d}-{day:02d}"


def normalize(kind: Kind, value: object) -> Value | None:
    """A value in its kind's normal form, or None when it cannot be one."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, float) and not math.isfinite(value):
        return None  # inf has no whole number (OverflowError), nan no order
    if kind == "money":
        return int(round(value)) if isinstance(value, (int, float)) else None
    if kind == "count":  # whole where it is whole: 3 days, 0.25 percent
        if isinstance(value, (int, float)):
            return int(value) if float(value).is_integer() else round(float(value), 4)
        return None
    if kind == "date":
        return parse_date(value) if isinstance(value, str) else None
    if isinstance(value, str) and value.strip():
        return value.strip()
    return None


def empty(kind: Kind) -> Value:
    """What ``asked.X`` reads before the learner has named a value."""
    return 0 if kind in ("money", "count") else ""


@dataclass(frozen=True)
class TermInfo:
    """One term of a scenario, with the persona's room on it."""

    issue: str
    kind: Kind
    unit: str | None
    label: str
    start: Value
    min: Value | None = None
    max: Value | None = None
    allowed: tuple[str, ...] = ()
    format: str | None = None
    also: tuple[str, ...] = ()  # tagger issue ids read as this term

    @property
    def py_type(self) -> str:
        return "int" if self.kind in ("money", "count") else "date" if self.kind == "date" else "str"

    def clamp(self, value: Value) -> Value | None:
        """``value`` moved inside the persona's limits; None when it may not be given."""
        if self.kind == "text":
            if not self.allowed:
                return value
            for a in self.allowed:
                if a.casefold() == str(value).casefold():
                    return a
            return None
        lo, hi = self.min, self.max
        if lo is not None and value < lo:  # type: ignore[operator]
            value = lo
        if hi is not None and value > hi:  # type: ignore[operator]
            value = hi
        return value

    def show(self, value: Value) -> str:
        """The value as a person would say it: ``$124,000``, ``June 23``, ``2 days``."""
        return _plain(self, value)

    def phrase(self, value: Value) -> str:
        """The term and its value in a sentence: ``a signing bonus of $8,000``."""
        if self.format:
            bare = str(value) if self.kind == "count" else _plain(self, value)
            return self.format.replace("{value}", bare)
        return f"a {self.label} of {_plain(self, value)}"


def _plain(info: TermInfo, value: Value) -> str:
    if info.kind == "money":
        n = int(value)
        unit = info.unit or "USD"
        sym = _SYMBOL.get(unit)
        return f"{sym}{n:,}" if sym else f"{n:,} {unit}"
    if info.kind == "count":
        n = value
        if info.unit == "percent":
            return f"{n}%"
        unit = info.unit or ""
        if unit and n == 1 and unit.endswith("s"):
            unit = unit[:-1]
        return f"{n} {unit}".strip()
    if info.kind == "date":
        m = _ISO.match(str(value))
        if m:
            return f"{_MONTHS[int(m.group(1)) - 1].capitalize()} {int(m.group(2))}"
        return str(value)
    text = str(value)
    return text[:1].upper() + text[1:] if text.islower() else text


def deal_phrase(changes: list[tuple[TermInfo, Value]]) -> str:
    """``a signing bonus of $8,000 and a start date of June 23``."""
    parts = [info.phrase(v) for info, v in changes]
    if not parts:
        return "the original terms"
    if len(parts) == 1:
        return parts[0]
    return ", ".join(parts[:-1]) + " and " + parts[-1]
