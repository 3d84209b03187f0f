"""Small modal screens: confirm, export result, help, briefing, a move's feedback, replay-from picker."""

from __future__ import annotations

from pathlib import Path
from typing import Sequence

from textual import events
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Markdown, OptionList, Static
from textual.widgets.option_list import Option

from roleplay.engine.transcript import Turn
from roleplay.persona.compiled import LoadedPersona
from roleplay.ui.actions import APP, SCREEN_TITLES, bindings_for, help_rows
from roleplay.ui.safe_text import clean, one_line, shorten
from roleplay.ui.styles import STYLES
from roleplay.ui.widgets.briefing import BriefingView
from roleplay.ui.widgets.coach import feedback_details
from roleplay.ui.widgets.paths import PathsVisual


class ConfirmScreen(ModalScreen[bool]):

    CSS_PATH = STYLES / "modals.tcss"
    BINDINGS = bindings_for("ConfirmScreen")

    def __init__(self, question: str, yes: str = "Yes", no: str = "Cancel"):
        super().__init__()
        self.question, self.yes, self.no = question, yes, no

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(Content(clean(self.question)), classes="dialog-text")
            with Horizontal(classes="dialog-buttons"):
                yield Button(self.yes, variant="primary", id="yes")
                yield Button(self.no, id="no")

    def on_mount(self) -> None:
        self.query_one("#yes", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(event.button.id == "yes")

    def action_answer(self, value: bool) -> None:
        self.dismiss(value)


class ExportedScreen(ModalScreen[None]):
    """Shows where the export went.

    The paths are shown whole, wrapped only between their parts. The dialog
    does not swallow the next key: Enter or Escape closes it, and any other
    key closes it and goes on to the screen below (h on the debrief goes
    home, a letter in a conversation is typed into the message).

    In a browser (``roleplay serve``, ``downloaded``) the Markdown is already
    downloading; the JSON comes with its own key press (j or the button),
    because a browser lets a page start one download per key press or click
    and blocks a second.
    """

    CSS_PATH = STYLES / "modals.tcss"

    BINDINGS = bindings_for("ExportedScreen")

    def __init__(self, md: Path, json: Path, *, downloaded: bool = False):
        super().__init__()
        self.md, self.json = md, json
        self.downloaded = downloaded

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog -wide"):
            if self.downloaded:
                yield Static(Content("Transcript exported: downloading").stylize("bold"), classes="dialog-title")
                text = Content.assemble(
                    ("Markdown: ", "bold"), one_line(self.md.name), " (see your browser's downloads)", "\n",
                    ("JSON:     ", "bold"), one_line(self.json.name), " (press j to download it too)",
                )
            else:
                yield Static(Content("Transcript exported").stylize("bold"), classes="dialog-title")
                text = PathsVisual([("Markdown", self.md), ("JSON", self.json)])
            yield Static(text, id="export-paths", classes="dialog-text")
            with Horizontal(classes="dialog-buttons"):
                if self.downloaded:
                    yield Button("Download JSON (j)", id="json")
                yield Button("OK", variant="primary", id="ok")

    def on_mount(self) -> None:
        self.query_one("#ok", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "json":
            self.action_download_json()
        else:
            self.dismiss(None)

    def action_download_json(self) -> None:
        if self.downloaded:
            self.app.deliver_export(self.json)

    def action_close(self) -> None:
        self.dismiss(None)

    OWN_KEYS = frozenset({"escape", "enter", "space", "tab", "shift+tab", "left", "right"})

    def on_key(self, event: events.Key) -> None:
        if event.key in self.OWN_KEYS or (self.downloaded and event.key == "j"):
            return
        event.stop()
        event.prevent_default()
        self.dismiss(None)
        self.app.call_after_refresh(self.app.post_message, events.Key(event.key, event.character))


# The keys of each screen, for F1 there (from roleplay/ui/actions.py): (keys,
# what they do, the screen's action or None). A row whose action the screen turns off (check_action
# False: exam mode, graded work, a scenario with no risk question) is left out.
SCREEN_KEYS: dict[str, tuple[str, list[tuple[str, str, str | None]]]] = {
    name: (title, help_rows(name)) for name, title in SCREEN_TITLES.items()
}

COMMON_KEYS: list[tuple[str, str, str | None]] = help_rows(APP)

MODES = """\
# Modes

*Practice*: live coaching after every move, hints and take-back.
*Exam*: no feedback, hints or take-back until the debrief.
"""

SAVED = """\
Every move is saved before the reply appears, so a closed terminal loses
nothing: the home screen offers to resume where you stopped.
"""


def help_markdown(screen=None) -> str:
    """The help for ``screen``: its own keys, then the ones that work everywhere."""
    name = type(screen).__name__ if screen is not None else ""
    title, rows = SCREEN_KEYS.get(name, ("", []))

    def allowed(action: str | None) -> bool:
        return action is None or screen is None or screen.check_action(action, ()) is not False

    lines = [f"# Keys: {title}" if title else "# Keys", "", "| key | does |", "|---|---|"]
    lines += [f"| **{keys}** | {does} |" for keys, does, action in rows if allowed(action)]
    lines += ["", "## Everywhere", "", "| key | does |", "|---|---|"]
    lines += [f"| **{keys}** | {does} |" for keys, does, _ in COMMON_KEYS]
    text = "\n".join(lines) + "\n\n"
    if name in ("HomeScreen", "BriefingScreen", "ConversationScreen"):
        text += MODES + "\n"
    return text + SAVED


class HelpScreen(ModalScreen[None]):
    """The keys of the screen help was opened from (``for_screen``), then the common ones."""

    CSS_PATH = STYLES / "modals.tcss"
    BINDINGS = bindings_for("HelpScreen")

    def __init__(self, for_screen=None):
        super().__init__()
        self.for_screen = for_screen

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog -wide -tall"):
            yield Markdown(help_markdown(self.for_screen))

    def action_close(self) -> None:
        self.dismiss(None)


class BriefingModal(ModalScreen[None]):

    CSS_PATH = STYLES / "modals.tcss"
    BINDINGS = bindings_for("BriefingModal")

    def __init__(self, loaded: LoadedPersona):
        super().__init__()
        self.loaded = loaded

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog -wide -tall"):
            yield BriefingView(self.loaded)

    def action_close(self) -> None:
        self.dismiss(None)


class FeedbackScreen(ModalScreen[None]):
    """A move's whole feedback (F5): the coach panel shows it in brief."""

    CSS_PATH = STYLES / "modals.tcss"
    BINDINGS = bindings_for("FeedbackScreen")

    def __init__(self, turn: Turn):
        super().__init__()
        self.turn = turn

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog -wide", id="feedback-dialog"):
            yield Static(
                Content.assemble(("Feedback on your move", "bold"), ("  ·  ↑ ↓ scroll  ·  Escape closes", "dim")),
                classes="dialog-title",
            )
            yield Static(feedback_details(self.turn), id="feedback-details", classes="dialog-text")

    def on_mount(self) -> None:
        self.query_one("#feedback-dialog", VerticalScroll).focus()

    def action_close(self) -> None:
        self.dismiss(None)


class ReplayFromScreen(ModalScreen[int | None]):
    """Pick the turn to replay from: keep the moves before it and play on."""

    CSS_PATH = STYLES / "modals.tcss"

    BINDINGS = bindings_for("ReplayFromScreen")

    def __init__(self, turns: Sequence[Turn]):
        super().__init__()
        self.turns = list(turns)

    def compose(self) -> ComposeResult:
        options = [Option(Content("Start over (keep no moves)"), id="keep-0")] if not self.turns else []
        for t in self.turns:
            kept = "start over" if t.n == 1 else f"keep {t.n - 1} move{'s' if t.n - 1 != 1 else ''}"
            options.append(Option(Content(f"From move {t.n} ({kept}), redo: “{shorten(one_line(t.learner), 48)}”"), id=f"keep-{t.n - 1}"))
        with Vertical(classes="dialog -wide"):
            yield Static(Content("Replay from which move?").stylize("bold"), classes="dialog-title")
            yield OptionList(*options, id="replay-options")

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(int(str(event.option_id).split("-")[1]))

    def action_close(self) -> None:
        self.dismiss(None)
