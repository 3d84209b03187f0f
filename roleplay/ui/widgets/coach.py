"""The coach panel: a bar per principle, the relationship, the last move's feedback, hints."""

from __future__ import annotations

from typing import Sequence

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Static

from roleplay.analysis.feedback import SessionScore
from roleplay.engine.transcript import Turn
from roleplay.ui.safe_text import clean, highlighted, one_line, shorten
from roleplay.ui.widgets.bars import bar, delta_style, long_name, short_name, signed

LABEL_WIDTH = 16


class ScoreBars(Static):
    """Overall score and one bar per active principle, each with its number."""

    def show(self, score: SessionScore, active: Sequence[str], bar_width: int = 10) -> None:
        parts: list = [("Overall  ", "bold"), bar(score.overall, bar_width), f" {_num(score.overall)}\n"]
        for pid in active:
            value = score.principles.get(pid)
            parts += [f"{short_name(pid):<{LABEL_WIDTH}}", bar(value, bar_width), f" {_num(value)}\n"]
        self.update(Content.assemble(*parts).rstrip())


def _num(value: int | None) -> str:
    return "  —" if value is None else f"{value:>3}"


class TrustMeter(Static):
    """The relationship: the persona's relationship variable (``trust`` unless it
    names another) as a bar, its number and its last change."""

    label = "Trust"

    def show(self, value: int | None, lo: int = 0, hi: int = 100, change: int | None = None) -> None:
        if value is None:
            self.update(Content("Relationship: not tracked").stylize("dim"))
            return
        parts: list = [(self.label[:LABEL_WIDTH - 1].ljust(LABEL_WIDTH), "bold"), bar(value, 10, lo, hi), f" {value:>3}"]
        if change:
            parts.append((f" ({signed(change)})", delta_style(change)))
        self.update(Content.assemble(*parts))


class FeedbackView(Static):
    """The last move's feedback, its evidence highlighted in the learner's text."""

    def show_turn(self, turn: Turn | None) -> None:
        if turn is None:
            self.update(Content("Your first message will be coached here.").stylize("dim italic"))
            return
        evidence = [e for e in turn.evidence.values() if e]
        parts: list = [("Your move " + str(turn.n) + ": ", "bold"), "“", highlighted(shorten(turn.learner, 400), evidence), "”"]
        if not turn.feedback:
            parts += ["\n", Content("No principle was touched by this move.").stylize("dim")]
        for f in turn.feedback:
            parts += [
                "\n\n",
                (f"{signed(f.delta):>4} ", delta_style(f.delta)),
                (clean(long_name(f.principle)), "bold"),
                "\n",
                Content(clean(f.message)),
            ]
        self.update(Content.assemble(*parts))

    def show_exam(self) -> None:
        self.update(Content("Exam mode: no feedback, hints or take-back until the debrief.").stylize("italic"))


class HintView(Static):
    """The latest hint (a nudge toward a principle, not a message to copy)."""

    def show_hint(self, principle: str, text: str) -> None:
        self.update(
            Content.assemble(("Hint · ", "bold"), (clean(long_name(principle)), "bold"), "\n", Content(clean(text)))
        )
        self.display = True

    def clear(self) -> None:
        self.update("")
        self.display = False


class TermsView(Static):
    """What is on the table: each term that has moved or was asked for."""

    def show_terms(self, review) -> None:
        rows = [t for t in review if t.moved or t.asked]
        if not rows:
            self.update(Content("On the table: the offer as made.").stylize("dim"))
            return
        parts: list = [("On the table", "bold")]
        for t in rows:
            label = f"{t.label[:1].upper()}{t.label[1:]}"
            parts += ["\n", f"{label:<{LABEL_WIDTH}}", Content(clean(t.start))]
            if t.moved:
                parts += [" → ", (clean(t.end), "bold")]
            if t.asked and t.asked != t.end:
                parts.append((f"  (asked {clean(t.asked)})", "dim"))
        self.update(Content.assemble(*parts))


class CoachPanel(VerticalScroll):
    """Right-hand panel of the conversation screen (toggled with F3 at narrow widths)."""

    def __init__(self, *, exam: bool, **kw):
        super().__init__(**kw)
        self.exam = exam

    def compose(self) -> ComposeResult:
        yield Static(Content("Coach"), classes="panel-title")
        yield ScoreBars(id="score-bars")
        yield TrustMeter(id="trust")
        yield TermsView(id="terms")
        yield HintView(id="hint")
        yield FeedbackView(id="feedback")

    def on_mount(self) -> None:
        self.query_one(HintView).display = False
        if self.exam:
            self.query_one(ScoreBars).display = False
            self.query_one(TrustMeter).display = False
            self.query_one(FeedbackView).show_exam()

    def refresh_from(self, *, score: SessionScore, active: Sequence[str], trust: int | None, trust_range: tuple[int, int], change: int | None, turn: Turn | None, terms=(), label: str = "Trust") -> None:
        self.query_one(TrustMeter).label = label
        view = self.query_one(TermsView)
        view.display = bool(terms)
        if terms:
            view.show_terms(terms)
        if self.exam:
            return
        self.query_one(ScoreBars).show(score, active)
        self.query_one(TrustMeter).show(trust, *trust_range, change=change)
        self.query_one(FeedbackView).show_turn(turn)


def strip_text(turn: Turn | None, score: SessionScore, trust: int | None, change: int | None, label: str = "trust") -> Content:
    """The one-line coach summary shown under the chat when the panel is hidden."""
    parts: list = [("Coach ", "bold")]
    if turn is not None and turn.feedback:
        for f in turn.feedback[:3]:
            parts += [(signed(f.delta), delta_style(f.delta)), f" {short_name(f.principle)}  "]
    parts.append(f"score {_num(score.overall).strip()}")
    if trust is not None:
        parts.append(f" · {label.lower()} {trust}")
        if change:
            parts.append((f" ({signed(change)})", delta_style(change)))
    parts.append(("  · F3 details", "dim"))
    return Content.assemble(*parts)


__all__ = ["CoachPanel", "ScoreBars", "TrustMeter", "TermsView", "FeedbackView", "HintView", "strip_text", "one_line"]
