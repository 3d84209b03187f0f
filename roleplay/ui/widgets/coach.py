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


QUOTE_CHARS = 120  # of the learner's message in the panel's summary (the whole of it is in the details)


def feedback_details(turn: Turn) -> Content:
    """A move's whole feedback: the message with its evidence highlighted, then
    every principle it touched with its change, why, and what to try instead."""
    evidence = [e for e in turn.evidence.values() if e]
    parts: list = [("Your move " + str(turn.n), "bold"), "\n“", highlighted(turn.learner, evidence), "”"]
    if not turn.feedback:
        parts += ["\n\n", Content("No principle was touched by this move.").stylize("dim")]
    for f in turn.feedback:
        parts += [
            "\n\n",
            (f"{signed(f.delta):>4} ", delta_style(f.delta)),
            (clean(long_name(f.principle)), "bold"),
            "\n",
            Content(clean(f.message)),
        ]
    return Content.assemble(*parts)


class FeedbackView(Static):
    """The last move's feedback in brief: the message (its evidence highlighted)
    and one line per principle it touched, every change in view; F5 shows
    the whole of it (why, and what to try instead)."""

    def show_turn(self, turn: Turn | None) -> None:
        if turn is None:
            self.update(Content("Your first message will be coached here.").stylize("dim italic"))
            return
        evidence = [e for e in turn.evidence.values() if e]
        parts: list = [("Your move " + str(turn.n) + ": ", "bold"), "“", highlighted(shorten(turn.learner, QUOTE_CHARS), evidence), "”"]
        if not turn.feedback:
            parts += ["\n", Content("No principle was touched by this move.").stylize("dim")]
        for f in turn.feedback:
            parts += ["\n", (f"{signed(f.delta):>4} ", delta_style(f.delta)), Content(clean(long_name(f.principle)))]
        parts += ["\n", ("F5: why, and what to try instead", "dim")]
        self.update(Content.assemble(*parts))

    def show_exam(self) -> None:
        self.update(Content("Exam mode: no feedback, hints or take-back until the debrief.").stylize("italic"))


def hint_content(principle: str, text: str) -> Content:
    return Content.assemble(("Hint · ", "bold"), (clean(long_name(principle)), "bold"), "\n", Content(clean(text)))


class HintView(Static):
    """The latest hint (a nudge toward a principle, not a message to copy)."""

    def show_hint(self, principle: str, text: str) -> None:
        self.update(hint_content(principle, text))
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
        yield Static(Content("Coach"), classes="panel-title", id="coach-title")
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

    def show_as_view(self, view: bool) -> None:
        """In place of the chat (narrow terminals): say how to get back, and bring the last move's feedback into view."""
        back = ("  ·  ↑ ↓ scroll  ·  F3 or Escape: back to the chat", "dim") if view else ""
        self.query_one("#coach-title", Static).update(Content.assemble("Coach", back))
        if view:
            self.call_after_refresh(self.scroll_to_widget, self.query_one(FeedbackView), animate=False, top=False)

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


def strip_text(turn: Turn | None, score: SessionScore, trust: int | None, change: int | None, label: str = "trust",
               width: int | None = None) -> Content:
    """The one-line coach summary shown under the chat when the panel is hidden.

    With ``width`` it fits on one line of that many cells: the score, the
    relationship and "F3 details" always; as many of the move's changes as
    fit, then how many more there are.
    """
    tail: list = [f"score {_num(score.overall).strip()}"]
    if trust is not None:
        tail.append(f" · {label.lower()} {trust}")
        if change:
            tail.append((f" ({signed(change)})", delta_style(change)))
    tail.append(("  · F3 details", "dim"))
    tail_c = Content.assemble(*tail)
    head = Content("Coach ").stylize("bold")
    items = [Content.assemble((signed(f.delta), delta_style(f.delta)), f" {short_name(f.principle)}  ") for f in (turn.feedback if turn else [])]
    if width is None:
        return Content.assemble(head, *items[:3], tail_c)
    shown: list = []
    room = width - head.cell_length - tail_c.cell_length
    for i, item in enumerate(items):
        left = len(items) - i - 1
        more = Content(f"+{left} more  ").stylize("dim") if left else Content("")
        if item.cell_length + more.cell_length > room:
            rest = len(items) - i
            shown.append(Content(f"+{rest} more  " if shown else f"{rest} change{'s' if rest != 1 else ''}  ").stylize("dim"))
            break
        shown.append(item)
        room -= item.cell_length
    return Content.assemble(head, *shown, tail_c)


class CoachStrip(Static):
    """The one-line coach summary (narrow terminals, or the panel hidden), fitted to its width."""

    def __init__(self, **kw):
        super().__init__(**kw)
        self._args: tuple | None = None

    def show(self, turn: Turn | None, score: SessionScore, trust: int | None, change: int | None, label: str) -> None:
        self._args = (turn, score, trust, change, label)
        self.refresh()

    def render(self) -> Content:
        if self._args is None:
            return Content("")
        return strip_text(*self._args, width=self.size.width or None)


__all__ = ["CoachPanel", "ScoreBars", "TrustMeter", "TermsView", "FeedbackView", "HintView", "CoachStrip",
           "strip_text", "feedback_details", "hint_content", "one_line"]
