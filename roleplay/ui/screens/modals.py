"""Small modal screens: confirm, export result, help, briefing, replay-from picker."""

from __future__ import annotations

from pathlib import Path
from typing import Sequence

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Markdown, OptionList, Static
from textual.widgets.option_list import Option

from roleplay.engine.transcript import Turn
from roleplay.persona.compiled import LoadedPersona
from roleplay.ui.safe_text import clean, one_line, shorten
from roleplay.ui.styles import STYLES
from roleplay.ui.widgets.briefing import BriefingView


class ConfirmScreen(ModalScreen[bool]):

    CSS_PATH = STYLES / "modals.tcss"
    BINDINGS = [
        Binding("escape,n", "answer(False)", "No", id="confirm.no"),
        Binding("y", "answer(True)", "Yes", id="confirm.yes"),
    ]

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

    In a browser (``roleplay serve``, ``downloaded``) the Markdown is already
    downloading; the JSON comes with its own key press (j or the button),
    because a browser lets a page start one download per key press or click
    and blocks a second.
    """

    CSS_PATH = STYLES / "modals.tcss"

    BINDINGS = [
        Binding("escape,enter", "close", "Close", id="export.close"),
        Binding("j", "download_json", "Download JSON", show=False, id="export.json"),
    ]

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
                text = Content.assemble(("Markdown: ", "bold"), one_line(self.md), "\n", ("JSON:     ", "bold"), one_line(self.json))
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


HELP = """\
# Keys

| key | does |
|---|---|
| **Enter** | send your message |
| **ctrl+j** (or alt+enter) | new line in your message |
| **F2** | hint: a nudge toward a better next move (practice) |
| **ctrl+z** | take back your last move (practice) |
| **F3** | show or hide the coach panel |
| **F4** | the briefing again |
| **ctrl+d** | end the conversation and see the debrief |
| **ctrl+e** | export the transcript (Markdown and JSON) |
| **ctrl+t** | dark or light theme |
| **ctrl+p** | command palette (all of the above) |
| **F1** | this help |
| **ctrl+q** | quit (your session is saved; resume it from the home screen) |

# Modes

*Practice*: live coaching after every move, hints and take-back.
*Exam*: no feedback, hints or take-back until the debrief.

Every move is saved before the reply appears, so a closed terminal loses
nothing: the home screen offers to resume where you stopped.
"""


class HelpScreen(ModalScreen[None]):

    CSS_PATH = STYLES / "modals.tcss"
    BINDINGS = [Binding("escape,f1,q", "close", "Close", id="help.close")]

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog -wide -tall"):
            yield Markdown(HELP)

    def action_close(self) -> None:
        self.dismiss(None)


class BriefingModal(ModalScreen[None]):

    CSS_PATH = STYLES / "modals.tcss"
    BINDINGS = [Binding("escape,f4", "close", "Close", id="briefing.close")]

    def __init__(self, loaded: LoadedPersona):
        super().__init__()
        self.loaded = loaded

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog -wide -tall"):
            yield BriefingView(self.loaded)

    def action_close(self) -> None:
        self.dismiss(None)


class ReplayFromScreen(ModalScreen[int | None]):
    """Pick the turn to replay from: keep the moves before it and play on."""

    CSS_PATH = STYLES / "modals.tcss"

    BINDINGS = [Binding("escape", "close", "Cancel", id="replay.cancel")]

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
