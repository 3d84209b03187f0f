"""Briefing: the learner's role, situation, confidential facts and goals, and the risk question."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Button, Header, RadioButton, RadioSet, Static

from roleplay.persona.compiled import LoadedPersona
from roleplay.persona.template import fill
from roleplay.ui.actions import bindings_for
from roleplay.ui.compat import radio_clear_highlight, radio_highlighted
from roleplay.ui.safe_text import clean, notify, one_line
from roleplay.ui.styles import STYLES
from roleplay.ui.messages import OpenConversation
from roleplay.ui.texts import MODE_HELP
from roleplay.ui.widgets.briefing import BriefingView
from roleplay.ui.widgets.choice import Choice
from roleplay.ui.widgets.footer import KeyFooter

SCALE = "1 = not at all likely  ·  7 = extremely likely"
UNANSWERED = "Choose a number from 1 to 7 first, or press s to start without answering."


class BriefingScreen(Screen):

    CSS_PATH = STYLES / "briefing.tcss"
    BINDINGS = bindings_for("BriefingScreen")  # roleplay/ui/actions.py

    def __init__(self, loaded: LoadedPersona, *, exam: bool = False, seed: int | None = None, graded=None):
        super().__init__()
        self.loaded = loaded
        self.exam = exam
        self.seed = seed
        self.graded = graded  # grading.play.GradedPlay: the assignment sets the mode and starts the attempt
        self.answer: int | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="briefing"):
            if self.graded is not None:
                yield Static(assignment_content(self.graded), id="assignment")
            yield BriefingView(self.loaded, id="briefing-text")
            yield Static(id="briefing-mode")
            calibration = self.loaded.scenario.framing.calibration
            if calibration is not None:  # the scenario's own question, or none
                question = clean(fill(calibration.question, self.loaded.names))
                yield Static(Content.assemble((question, "bold"), "\n", (SCALE + "  ·  press 1-7", "dim")), id="risk-question")
                with Horizontal(id="risk-row"):
                    with RadioSet(id="risk", classes="-horizontal", compact=True):
                        for i in range(1, 8):
                            yield Choice(str(i), id=f"risk-{i}")
                yield Static(Content(UNANSWERED), id="risk-notice")
            with Horizontal(id="briefing-buttons"):
                yield Button("Start the conversation", variant="primary", id="start")
                if calibration is not None:
                    yield Button("Skip the question (s)", id="skip")
                yield Button("Back", id="back")
        yield KeyFooter(compact=True)

    def on_mount(self) -> None:
        p = self.loaded.persona
        self.title = one_line(fill(p.name, self.loaded.names))
        self.sub_title = "briefing"
        self._show_mode()
        # The briefing opens at its top, to be read first: the scroll has the
        # focus (arrows and page keys read on; 1-7 answer from anywhere), and
        # no answer is under the scale's cursor until the learner moves it, so
        # Enter never records an estimate the learner did not choose.
        if self.loaded.scenario.framing.calibration is not None:
            self.query_one("#risk-notice").display = False
            radio_clear_highlight(self.query_one("#risk", RadioSet))
        self.query_one("#briefing", VerticalScroll).focus(scroll_visible=False)

    def _show_mode(self) -> None:
        mode = "exam" if self.exam else "practice"
        switch = " · set by the assignment" if self.graded is not None else " · m to switch"
        self.query_one("#briefing-mode", Static).update(
            Content.assemble(("Mode: ", "bold"), mode, (f" ({MODE_HELP[mode]}){switch}", "dim"))
        )

    def check_action(self, action: str, parameters: tuple) -> bool | None:
        if action == "toggle_mode" and self.graded is not None:
            return False  # graded work is played in the assignment's mode
        if action in ("skip", "answer") and self.loaded.scenario.framing.calibration is None:
            return False  # no question to answer or skip
        return True

    def action_toggle_mode(self) -> None:
        if self.graded is not None:
            return
        self.exam = not self.exam
        self._show_mode()

    def on_radio_set_changed(self, event: RadioSet.Changed) -> None:
        event.stop()
        self.answer = int(str(event.pressed.id).split("-")[1])
        self.query_one("#risk-notice").display = False

    def action_answer(self, value: int) -> None:
        if self.loaded.scenario.framing.calibration is None:
            return  # this scenario asks no risk question
        self.query_one(f"#risk-{value}", RadioButton).value = True
        self.answer = value
        self.query_one("#risk-notice").display = False
        self.query_one("#start", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        {"start": self.action_start, "skip": self.action_skip}.get(str(event.button.id), self.action_back)()

    def action_enter(self) -> None:
        """Enter presses a focused button; on the scale it chooses the answer under
        the cursor (once the learner has moved it there) and starts."""
        focused = self.focused
        if isinstance(focused, Button) and (focused.id in ("back", "skip") or self.answer is None):
            focused.press()
            return
        if self.answer is None and isinstance(focused, RadioSet):
            index = radio_highlighted(focused)
            buttons = list(focused.query(RadioButton))
            if index is not None and 0 <= index < len(buttons):
                buttons[index].value = True
                self.answer = index + 1
        self.action_start()

    def action_back(self) -> None:
        self.app.pop_screen()

    def action_start(self) -> None:
        if self.answer is None and self.loaded.scenario.framing.calibration is not None:
            # Said beside the question (not in a toast that fades): the scale,
            # the notice under it and the buttons (Skip among them) come into view.
            self.query_one("#risk-notice", Static).display = True
            self.query_one("#risk", RadioSet).focus(scroll_visible=False)
            self.call_after_refresh(self.query_one("#briefing-buttons").scroll_visible, animate=False)
            return
        self._begin(self.answer)

    def action_skip(self) -> None:
        """Start without answering: no estimate is recorded, and the debrief says so."""
        if self.loaded.scenario.framing.calibration is None:
            return
        self.answer = None
        self._begin(None)

    def _begin(self, answer: int | None) -> None:
        from roleplay.engine.conversation import Conversation

        if self.graded is not None:
            from roleplay.grading.play import GradedError

            try:
                conv = self.graded.start(risk_estimate=answer)
            except GradedError as exc:
                notify(self.app, str(exc), title="No attempts left", severity="error")
                return
            self.post_message(OpenConversation(conv, replace=True))
            return
        seed = self.seed if self.seed is not None else self.app.new_seed()
        conv = Conversation.start(self.loaded, seed, mode="exam" if self.exam else "practice", risk_estimate=answer)
        self.post_message(OpenConversation(conv, replace=True))


def assignment_content(graded) -> Content:
    """The assignment's title, rules and instructions, above the briefing."""
    spec = graded.spec
    left = graded.remaining
    rules = [f"student {graded.student}", f"attempt {graded.used + 1} of {graded.allowed}" if left else "no attempts left"]
    if spec.turn_limit:
        rules.append(f"at most {spec.turn_limit} messages")
    if spec.pass_mark is not None:
        rules.append(f"{spec.pass_mark} passes")
    if spec.due:
        rules.append(f"due {spec.due}")
    if spec.attempts > 1:
        rules.append(f"your {spec.keep} attempt counts")
    parts: list = [(f"Assignment: {one_line(spec.display_title)}", "bold"), "\n", (one_line(" · ".join(rules)), "dim")]
    if spec.instructions:
        parts += ["\n\n", Content(clean(spec.instructions.strip()))]
    return Content.assemble(*parts)
