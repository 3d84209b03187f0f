"""The Textual app: screens, app-wide keys, themes and the command palette."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from textual.app import App
from textual.screen import ModalScreen

from roleplay.ui.actions import APP, bindings_for
from roleplay.ui.commands import RoleplayCommands
from roleplay.ui.messages import GoHome, OpenBriefing, OpenConversation, OpenDebrief
from roleplay.ui.safe_text import notify

if TYPE_CHECKING:  # pragma: no cover
    from roleplay.engine.conversation import Conversation
    from roleplay.persona.compiled import LoadedPersona

from roleplay.ui.styles import STYLES

DARK, LIGHT = "textual-dark", "textual-light"


class RoleplayApp(App):
    TITLE = "Roleplay"
    SUB_TITLE = "negotiation tutor"
    CSS_PATH = STYLES / "app.tcss"  # each screen brings its own stylesheet, parsed when first shown
    COMMANDS = App.COMMANDS | {RoleplayCommands}
    ENABLE_COMMAND_PALETTE = True
    BINDINGS = bindings_for(APP)  # roleplay/ui/actions.py

    def __init__(
        self,
        *,
        persona: "LoadedPersona | None" = None,
        seed: int | None = None,
        exam: bool = False,
        conversation: "Conversation | None" = None,
        graded=None,
        author: dict | None = None,
    ):
        super().__init__()
        self.author = author or {}  # play --from-state/--var/--watch
        self.graded = graded  # grading.play.GradedPlay: an assignment played as a student
        self.start_persona = persona
        self.seed = seed
        self.exam = exam
        self.start_conversation = conversation
        self._listener = None
        # textual-dark is the default theme: setting it again would re-apply every style

    def on_mount(self) -> None:
        from roleplay.ui.screens.home import HomeScreen

        self.push_screen(HomeScreen(exam=self.exam))
        if self.start_conversation is not None:  # resumed (graded work too: the debrief submits it)
            from roleplay.ui.screens.conversation import ConversationScreen

            self.push_screen(ConversationScreen(self.start_conversation, resumed=True))
        elif self.graded is not None:
            # `roleplay play --assignment`: the assignment's briefing (its
            # instructions, its mode), then the conversation it starts.
            from roleplay.ui.screens.briefing import BriefingScreen

            g = self.graded
            self.push_screen(BriefingScreen(g.persona, exam=g.mode == "exam", seed=g.seed, graded=g))
        elif self.start_persona is not None:
            # `roleplay play PERSONA` goes straight into the conversation (CONTRACTS.md);
            # the briefing is one key away (F4) and home is underneath.
            from roleplay.engine.conversation import Conversation
            from roleplay.ui.screens.conversation import ConversationScreen

            seed = self.seed if self.seed is not None else self.new_seed()
            conv = Conversation.start(self.start_persona, seed, mode="exam" if self.exam else "practice",
                                      start_state=self.author.get("start_state"), start_vars=self.author.get("start_vars"))
            self.push_screen(ConversationScreen(conv, watch=bool(self.author.get("watch"))))

    @property
    def listener(self):
        """The process that reads learner messages (one per app, started on first use)."""
        if self._listener is None:
            from roleplay.engine.listener import make_listener

            self._listener = make_listener()
        return self._listener

    def on_unmount(self) -> None:
        if self._listener is not None:
            self._listener.close()

    def new_seed(self) -> int:
        return int.from_bytes(os.urandom(4), "big") % 1_000_000  # not `secrets`: 24 ms of start-up for one number

    # ---------------------------------------------------------- navigation
    # Screens post these (roleplay/ui/messages.py); the App alone opens screens.

    def on_open_briefing(self, message: OpenBriefing) -> None:
        from roleplay.ui.screens.briefing import BriefingScreen

        message.stop()
        self.push_screen(BriefingScreen(message.loaded, exam=message.exam, seed=message.seed, graded=message.graded))

    def on_open_conversation(self, message: OpenConversation) -> None:
        from roleplay.ui.screens.conversation import ConversationScreen

        message.stop()
        screen = ConversationScreen(message.conv, resumed=message.resumed, watch=message.watch)
        if message.replace:
            self.switch_screen(screen)
        else:
            self.push_screen(screen)

    def on_open_debrief(self, message: OpenDebrief) -> None:
        from roleplay.ui.screens.debrief import DebriefScreen

        message.stop()
        self.switch_screen(DebriefScreen(message.conv))

    def on_go_home(self, message: GoHome) -> None:
        message.stop()
        self.go_home()

    # ---------------------------------------------------------- actions

    def action_toggle_dark(self) -> None:
        self.theme = LIGHT if self.theme == DARK else DARK

    def action_help(self) -> None:
        from roleplay.ui.screens.modals import HelpScreen

        if isinstance(self.screen, HelpScreen):
            self.screen.dismiss(None)  # F1 again closes it
        else:
            # The keys of the screen it is opened from (under a dialog, the screen below it).
            under = next((s for s in reversed(self.screen_stack) if not isinstance(s, ModalScreen)), None)
            self.push_screen(HelpScreen(under))

    def action_home(self) -> None:
        self.go_home()

    def go_home(self) -> None:
        from roleplay.ui.screens.home import HomeScreen

        while len(self.screen_stack) > 1 and not isinstance(self.screen, HomeScreen):
            self.pop_screen()

    def export_conversation(self, conv: "Conversation") -> tuple[Path, Path] | None:
        from roleplay.engine.export import export_session
        from roleplay.ui.screens.modals import ExportedScreen

        try:
            md, js = export_session(conv)
        except OSError as exc:
            notify(self, f"Export failed: {exc.strerror or exc}", severity="error")
            return None
        if self.is_web:
            # In a browser (`roleplay serve`) the files above are the server's copy, in
            # the tab's own data folder; the learner downloads them: the Markdown now,
            # the JSON from the dialog (a browser allows one download per key press).
            self.deliver_export(md)
        # The dialog is the one place that says where they went (no toast besides).
        self.push_screen(ExportedScreen(md, js, downloaded=self.is_web))
        return md, js

    def deliver_export(self, path: Path) -> None:
        """Send an exported file to the browser as a download (``roleplay serve``)."""
        mime = {".md": "text/markdown", ".json": "application/json"}.get(path.suffix, "text/plain")
        self.deliver_text(path, open_method="download", encoding="utf-8", mime_type=mime, name="export")

    def on_delivery_failed(self, event) -> None:  # textual.events.DeliveryFailed: a download that broke off
        if event.name == "export":
            notify(self, f"The download failed: {event.exception}", severity="error")
