"""Debrief: outcome, scores, trust and score over the turns, best and worst moves, the research."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Button, Header, Static

from roleplay.engine.conversation import Conversation
from roleplay.engine.debrief import Debrief, MoveReview, build_debrief
from roleplay.ui.actions import bindings_for
from roleplay.ui.messages import GoHome, OpenConversation
from roleplay.ui.safe_text import clean, one_line, shorten
from roleplay.ui.styles import STYLES
from roleplay.ui.widgets.bars import bar, delta_style, long_name, short_name, signed
from roleplay.ui.widgets.chart import TrendChart
from roleplay.ui.widgets.footer import KeyFooter

OUTCOME = {
    "success": "✔ Success",
    "partial": "◐ Partial",
    "failure": "✘ Failure",
    "incomplete": "… Unfinished",
}


def outcome_content(d: Debrief) -> Content:
    e = d.ending
    parts: list = [(OUTCOME.get(e.outcome, e.outcome), "bold reverse"), " "]
    if e.title:
        parts.append((clean(e.title), "bold"))
    elif e.outcome == "incomplete":
        parts.append(("The conversation ended before an outcome.", "bold"))
    parts.append(f"\nWith {one_line(d.persona_name)}, {one_line(d.persona_role)} · {d.moves} move{'s' if d.moves != 1 else ''} · {d.mode} mode")
    if d.story:
        parts += ["\n\n", ("What you did", "bold")]
        for line in d.story:
            parts += ["\n• ", Content(clean(line.text)), (f" (move {line.move}): ", "dim"), "“", Content(clean(line.quote)), "”"]
    if e.summary:
        parts += ["\n\n", (f"{one_line(d.persona_name)}'s side: ", "bold"), Content(clean(e.summary))]
    return Content.assemble(*parts)


def terms_content(d: Debrief) -> Content:
    """What was won, from and to, and what was asked but not given."""
    settled = d.ending.outcome in ("success", "partial")
    moved = [t for t in d.terms if t.moved]
    title = "What you won" if settled else ("On the table when it ended" if moved else "The terms")
    parts: list = [(title, "bold underline")]
    if not moved:
        parts += ["\n", ("Nothing moved: every term stayed as first offered.", "dim")]
    for t in moved:
        when = f"  (move {t.moved_at})" if t.moved_at else ""
        parts += ["\n", (f"{t.label[:1].upper()}{t.label[1:]}: ", "bold"), Content(clean(t.start)), " → ", (clean(t.end), "bold"), (when, "dim")]
    for t in d.terms:
        if t.asked and t.asked != t.end:
            parts += ["\n", (f"{t.label[:1].upper()}{t.label[1:]}: ", "bold"), Content(clean(f"you asked for {t.asked}; it stayed at {t.end}" if not t.moved else f"you asked for {t.asked}; you got {t.end}")), ]
    if moved and not settled:
        parts += ["\n", ("No agreement was reached, so none of this was settled.", "dim")]
    return Content.assemble(*parts)


def scores_content(d: Debrief) -> Content:
    parts: list = [("Overall score   ", "bold"), bar(d.overall, 20), (f" {'—' if d.overall is None else d.overall}", "bold"), "\n"]
    if d.cap is not None:
        parts += [(f"Your moves earned {d.earned}; the score is capped at {d.cap}: {d.cap_reason}.", "italic"), "\n"]
    for pid in d.active:
        value = d.principles.get(pid)
        parts += [f"{short_name(pid):<16}", bar(value, 20), f" {'—' if value is None else value}"]
        if value is None:
            parts.append(("  not touched", "dim"))
        parts.append("\n")
    return Content.assemble(*parts).rstrip()


def move_content(m: MoveReview) -> Content:
    parts: list = [
        (f"{signed(m.impact):>4} ", delta_style(m.impact)),
        ("overall  ", "dim"),
        (f"Move {m.n} ", "bold"),
        ("(" + m.channel + "): ", "dim"),
        "“",
        Content(shorten(clean(m.learner), 160)),
        "”",
    ]
    for f in m.feedback:
        parts += ["\n      ", (signed(f.delta), delta_style(f.delta)), " ", (clean(long_name(f.principle)), "bold"), ": ", Content(clean(f.message))]
    return Content.assemble(*parts)


def moves_content(title: str, moves: list[MoveReview], empty: str) -> Content:
    parts: list = [(title, "bold underline")]
    if not moves:
        parts += ["\n", (empty, "dim")]
    for m in moves:
        parts += ["\n", move_content(m)]
    return Content.assemble(*parts)


def _scale(value: float, width: int = 28) -> Content:
    """A 1-7 scale as a bar: readable as a length and as a number."""
    filled = round((value - 1) * width / 6)
    return Content.assemble(("█" * filled, "$accent"), ("░" * (width - filled), "dim"))


def submission_content(graded, path, problem: str | None) -> Content:
    """Where the signed submission went, and what attempts are left."""
    left = graded.remaining
    more = f"{left} attempt{'s' if left != 1 else ''} left" if left else "no attempts left"
    if path is None:
        return Content.assemble(("Not submitted", "bold reverse"), " ", Content(clean(f"the submission could not be written: {problem}")))
    return Content.assemble(
        ("Submitted", "bold reverse"), " ",
        (one_line(f"{graded.spec.display_title}, attempt {graded.used} of {graded.allowed}"), "bold"), f" · {more}\n",
        "Your signed submission: ", Content(clean(str(path))),
    )


def research_content(d: Debrief) -> Content:
    parts: list = [("Your fear vs. the research", "bold underline"), "\n", ("Risk of losing the offer by negotiating, 1-7", "dim"), "\n"]
    if d.risk_estimate is not None:
        parts += [f"{'You':<12}", _scale(d.risk_estimate), f" {d.risk_estimate}\n"]
    else:
        parts += [f"{'You':<12}", ("no estimate given (you skipped the question)", "dim italic"), "\n"]
    parts += [f"{'Candidates':<12}", _scale(d.candidate_risk), f" {d.candidate_risk:g}\n"]
    parts += [f"{'Managers':<12}", _scale(d.manager_risk), f" {d.manager_risk:g}\n"]
    parts += [f"{'Offers upheld':<14}", f"{d.offers_upheld:g}%\n"]
    for line in d.research:
        parts += ["\n", Content(clean(line))]
    return Content.assemble(*parts)


class DebriefScreen(Screen):

    CSS_PATH = STYLES / "debrief.tcss"
    BINDINGS = bindings_for("DebriefScreen")  # roleplay/ui/actions.py

    def __init__(self, conv: Conversation):
        super().__init__()
        self.conv = conv
        self.data = build_debrief(conv.session, mode=conv.mode, risk_estimate=conv.risk_estimate)
        # Graded work (roleplay play --assignment): this conversation is one
        # attempt; the debrief signs and keeps it, and retries follow the assignment.
        self.submission = None  # the submission's path, or the reason it could not be written
        self.submit_problem: str | None = None

    @property
    def graded_here(self):
        graded = getattr(self.app, "graded", None)
        return graded if graded is not None and graded.owns(self.conv) else None

    def _submit(self) -> None:
        graded = self.graded_here
        if graded is None or graded.submitted(self.conv) is not None:
            return
        from roleplay.grading.play import GradedError

        try:
            self.submission = graded.submit(self.conv)
        except (OSError, GradedError) as exc:
            self.submit_problem = str(exc.strerror if isinstance(exc, OSError) and exc.strerror else exc)

    def compose(self) -> ComposeResult:
        d = self.data
        graded = self.graded_here
        if graded is not None:
            self._submit()
        yield Header()
        with VerticalScroll(id="debrief"):
            if graded is not None:
                yield Static(submission_content(graded, graded.submitted(self.conv), self.submit_problem), id="submission", classes="card")
            yield Static(outcome_content(d), id="outcome", classes=f"card -{d.outcome}")
            if d.terms:
                yield Static(terms_content(d), id="terms", classes="card")
            yield Static(scores_content(d), id="scores", classes="card")
            chart = TrendChart(id="chart", classes="card")
            chart.show(d.trust, d.trust_range, d.score)
            yield Static(Content("Trust and score over the moves").stylize("bold underline"), classes="card-title")
            yield chart
            yield Static(moves_content("Moves that raised your overall most", d.helped, "No move raised your overall."), id="helped", classes="card")
            yield Static(moves_content("Moves that lowered your overall most", d.hurt, "No move lowered your overall."), id="hurt", classes="card")
            if d.research:  # the scenario compares the learner's estimate with the research
                yield Static(research_content(d), id="research", classes="card")
            with Horizontal(id="debrief-buttons"):
                if graded is None:
                    yield Button("Retry", variant="primary", id="retry")
                    yield Button("Replay from a move…", id="replay")
                elif graded.remaining:
                    yield Button(f"Next attempt ({graded.remaining} left)", variant="primary", id="retry")
                yield Button("Export", id="export")
                yield Button("Home", id="home")
        yield KeyFooter(compact=True)

    def on_mount(self) -> None:
        self.title = f"Debrief · {one_line(self.data.persona_name)}"
        self.sub_title = one_line(self.data.scenario_title)
        scroll = self.query_one("#debrief", VerticalScroll)
        scroll.focus()
        scroll.scroll_home(animate=False)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        {"retry": self.action_retry, "replay": self.action_replay_from, "export": self.action_export, "home": self.action_home}[
            str(event.button.id)
        ]()

    def check_action(self, action: str, parameters: tuple) -> bool | None:
        graded = self.graded_here
        if graded is not None:
            if action == "replay_from":
                return False  # an attempt is a whole conversation: no replay from a move
            if action == "retry" and not graded.remaining:
                return False
        return True

    def action_retry(self) -> None:
        graded = self.graded_here
        if graded is not None:
            from roleplay.grading.play import GradedError
            from roleplay.ui.safe_text import notify

            try:
                conv = graded.start(risk_estimate=self.conv.risk_estimate)
            except GradedError as exc:
                notify(self.app, str(exc), title="No attempts left", severity="error")
                return
            self.post_message(OpenConversation(conv, replace=True))
            return
        self._replay(0)

    def action_replay_from(self) -> None:
        if self.graded_here is not None:
            return
        from roleplay.ui.screens.modals import ReplayFromScreen

        def chosen(keep: int | None) -> None:
            if keep is not None:
                self._replay(keep)

        self.app.push_screen(ReplayFromScreen(self.conv.session.turns), chosen)

    def _replay(self, keep: int) -> None:
        from roleplay.engine.debrief import replay_from

        conv = replay_from(self.conv, keep)
        self.post_message(OpenConversation(conv, replace=True))

    def action_export(self) -> None:
        self.app.export_conversation(self.conv)

    def action_home(self) -> None:
        self.post_message(GoHome())
