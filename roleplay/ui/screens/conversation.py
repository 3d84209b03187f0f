"""The conversation: chat, composer and the coach panel."""

from __future__ import annotations

from textual import work
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Header, Static

from roleplay.engine.conversation import Conversation
from roleplay.engine.debrief import relationship_var, term_review
from roleplay.engine.session import MAX_MESSAGE_CHARS, SessionEnded
from roleplay.persona.template import fill
from roleplay.ui.actions import bindings_for
from roleplay.ui.messages import GoHome, OpenDebrief
from roleplay.ui.safe_text import notify, one_line
from roleplay.ui.styles import STYLES
from roleplay.ui.widgets.chat import ChatMessage, ChatNotice, ChatTurn, channel_label
from roleplay.ui.widgets.coach import CoachPanel, CoachStrip, HintView, hint_content
from roleplay.ui.widgets.composer import Composer
from roleplay.ui.widgets.footer import KeyFooter

PLACEHOLDER = "Write to {name}…  Enter sends · ctrl+j new line"


class ConversationScreen(Screen):

    CSS_PATH = STYLES / "conversation.tcss"
    WIDE = 100
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (WIDE, "-wide")]

    BINDINGS = bindings_for("ConversationScreen")  # roleplay/ui/actions.py

    def __init__(self, conv: Conversation, *, resumed: bool = False, watch: bool = False):
        super().__init__()
        self.conv = conv
        self.resumed = resumed
        self.watch = watch  # play --watch: reload the persona when its file is saved
        self._stamp: tuple = ()
        self._sending = False  # a message is being read; the screen stays live meanwhile
        self._token = 0  # which send a reading belongs to (a late one for an old send is dropped)
        self._draft_timer = None
        self._warned: str | None = None  # the save problem last told, so each is told once
        self._pending: str | None = None  # the message being read
        self._composer: Composer | None = None
        self._last_change: int | None = None
        self._narrow: bool | None = None  # below WIDE columns (the coach panel is behind F3)
        lp = conv.session.persona
        self.loaded = lp
        self.manager_name = fill(lp.persona.name, lp.names)
        weights = lp.scenario.weights
        from roleplay.analysis.principles import active_principles

        self.active = list(active_principles(weights))
        self.relationship = relationship_var(lp)  # the persona's relationship variable (default: trust)
        var = lp.persona.variables.get(self.relationship)
        self.trust_range = (var.min, var.max) if var else (0, 100)
        self.relationship_label = self.relationship.replace("_", " ").capitalize()  # "rapport" -> "Rapport"

    @property
    def session(self):
        return self.conv.session

    @property
    def exam(self) -> bool:
        return self.conv.mode == "exam"

    # ---------------------------------------------------------- layout

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="conversation"):
            with Vertical(id="chat-column"):
                with VerticalScroll(id="chat"):
                    # The messages go in here; it is at least as tall as the chat, so
                    # the anchored scroll keeps a short chat at the top, not the bottom.
                    yield Vertical(id="chat-log")
                yield CoachStrip(id="coach-strip")
                yield Static(id="channel-line")
                yield Composer(id="composer", placeholder=PLACEHOLDER.format(name=one_line(self.manager_name)))
            yield CoachPanel(exam=self.exam, id="coach")
        yield KeyFooter(compact=True)

    async def on_mount(self) -> None:
        self.title = one_line(self.manager_name)
        self.sub_title = f"{one_line(fill(self.loaded.scenario.title, self.loaded.names))} · {self.conv.mode}"
        if self.exam:
            self.add_class("-exam")
        # Awaited: the first frame shows the whole chat (a resumed session's
        # moves too), not the opening alone until the moves are mounted.
        await self.rebuild_chat()
        # Anchored: the chat stays at the latest message through a resize or
        # F3, until the learner scrolls up (and again once back at the end).
        self.query_one("#chat", VerticalScroll).anchor()
        composer = self._composer = self.query_one(Composer)  # kept: its text is read again as the screen goes
        composer.focus()
        draft = self.conv.draft() if not self.session.ended else None
        if draft:
            composer.text = draft
            composer.move_cursor(composer.document.end)
            notify(self.app, "Your unsent message from last time is back in the box.", title="Draft restored", timeout=5)
        if self.conv.damaged_lines:
            n = self.conv.damaged_lines
            notify(
                self.app,
                f"{n} damaged line{'s' if n != 1 else ''} in this session's log {'were' if n != 1 else 'was'} skipped. "
                f"'roleplay sessions --repair {self.conv.session_id}' says what was kept and what was lost.",
                title="Log damaged", severity="warning", timeout=10,
            )
        self.app.listener.start()  # its child loads the tagger while the learner reads
        if self.watch:
            self._stamp = self._file_stamp()
            self.set_interval(1.0, self._check_persona_file)
        self._warm_up()
        self._warn_unsaved()

    @work(thread=True, group="warm-up")
    def _warm_up(self) -> None:
        """Load the detector and the learned tagger before the first message,
        off the event loop, so neither the first screen nor the first reply waits."""
        from roleplay.analysis.detector import detect

        detect("warm up")
        import roleplay.analysis.rubric  # noqa: F401

    def rebuild_chat(self):
        """Show the session's chat afresh; returns the mount to await."""
        chat = self.query_one("#chat", VerticalScroll)
        log = self.query_one("#chat-log", Vertical)
        log.remove_children()
        lp = self.loaded
        widgets = [
            ChatNotice(
                f"{fill(lp.scenario.title, lp.names)} — with {self.manager_name}, {fill(lp.persona.role, lp.names)}. F4 shows your briefing.",
                classes="-intro",
            )
        ]
        if self.resumed:
            widgets.append(ChatNotice(f"Resumed session {self.conv.session_id}: {len(self.session.turns)} move(s) replayed.", classes="-info"))
        if self.session.opening:
            widgets.append(ChatMessage(self.manager_name, self.session.opening, channel=lp.scenario.opening_channel, side="manager"))
        for turn in self.session.turns:
            widgets.append(self._turn_widget(turn))
        for widget, after in zip(widgets[-len(self.session.turns):] if self.session.turns else [], self.session.turns[1:]):
            widget.reply_channel = after.channel
        if self.session.ended:
            widgets.append(self._ending_notice())
        mounted = log.mount_all(widgets)
        chat.scroll_end(animate=False)
        self._last_change = None
        self.refresh_status()
        return mounted

    def _warn_unsaved(self) -> None:
        """Say once per problem that the session is not being saved."""
        if self.conv.saved_again:
            self.conv.saved_again = False
            self._warned = None
            notify(self.app, "The session is being saved again; its log has every move.", title="Saved", timeout=5)
        problem = self.conv.log_problem
        if problem and problem != self._warned:
            self._warned = problem
            notify(self.app, problem[:1].upper() + problem[1:] + ".", title="Not saved", severity="error", timeout=10)

    def _turn_widget(self, turn) -> ChatTurn:
        return ChatTurn(turn, manager=self.manager_name, highlight=not self.exam, reply_channel=self.session.channel)

    def _ending_notice(self) -> ChatNotice:
        info = self.session.ending_info()
        title = f": {info.title}" if info.title else ""
        return ChatNotice(
            f"The conversation has ended ({info.outcome}{title}). Press ctrl+d for your debrief.",
            classes="-ending",
        )

    def refresh_status(self) -> None:
        s = self.session
        trust = s.variables.get(self.relationship)
        last = s.turns[-1] if s.turns else None
        self.query_one(CoachPanel).refresh_from(
            score=s.score(), active=self.active, trust=trust, trust_range=self.trust_range, change=self._last_change, turn=last,
            terms=term_review(s.persona, s.turns), label=self.relationship_label,
        )
        if not self.exam:
            self.query_one(CoachStrip).show(last, s.score(), trust, self._last_change, self.relationship_label)
        composer = self.query_one(Composer)
        line = self.query_one("#channel-line", Static)
        if s.ended:
            over = "Conversation over · ctrl+d debrief" + ("" if self.exam else " · ctrl+z take back the last move")
            line.update(Content(over).stylize("bold"))
            composer.read_only = True
        else:
            what = "Writing an email to" if s.channel == "email" else "On a live call with"
            line.update(Content.assemble((channel_label(s.channel), "bold"), f"  {what} {one_line(self.manager_name)} · move {s.turn_number}"))
            composer.read_only = False
            verb = "Write to" if s.channel == "email" else "Say to"
            composer.placeholder = f"{verb} {one_line(self.manager_name)}…  Enter sends · ctrl+j new line"
        self.refresh_bindings()

    # ---------------------------------------------------------- --watch

    def _watched(self) -> list:
        from pathlib import Path

        files = [Path(self.loaded.file)]
        scenario = Path(self.loaded.file).with_name("scenario.yaml")
        return files + [scenario] if scenario.is_file() else files

    def _file_stamp(self) -> tuple:
        out = []
        for f in self._watched():
            try:
                st = f.stat()
                out.append((st.st_mtime_ns, st.st_size))
            except OSError:
                out.append(None)
        return tuple(out)

    def _check_persona_file(self) -> None:
        stamp = self._file_stamp()
        if stamp != self._stamp and not self._sending:
            self._stamp = stamp
            self._reload_persona()

    @work(thread=True, exclusive=True, group="reload")
    def _reload_persona(self) -> None:
        from roleplay.source.diagnostics import ScriptError
        from roleplay.persona.loader import load_persona

        try:
            lp = load_persona(self.loaded.file)
        except ScriptError as exc:
            problems = [str(d) for d in (exc.errors or exc.diagnostics)]
            self.app.call_from_thread(self._reload_failed, problems)
            return
        except Exception as exc:  # an unreadable file mid-save: the next save is tried again
            self.app.call_from_thread(self._reload_failed, [f"{self.loaded.file}: {type(exc).__name__}: {exc}"])
            return
        self.app.call_from_thread(self._reloaded, lp)

    def _reload_failed(self, problems: list[str]) -> None:
        shown = "\n".join(problems[:4]) + (f"\n… and {len(problems) - 4} more" if len(problems) > 4 else "")
        notify(self.app, f"{shown}\nThe last good version stays in play.", title="Persona not reloaded", severity="error", timeout=15)

    def _reloaded(self, lp) -> None:
        if self._sending:
            self._stamp = ()  # try again on the next tick, once the move is in
            return
        try:
            self.conv.reload(lp)
        except ValueError as exc:
            notify(self.app, f"{exc}. The last good version stays in play.", title="Persona not reloaded", severity="error", timeout=15)
            return
        from roleplay.analysis.principles import active_principles

        self.loaded = lp
        self.manager_name = fill(lp.persona.name, lp.names)
        self.active = list(active_principles(lp.scenario.weights))
        self.rebuild_chat()
        warnings = len(lp.warnings)
        extra = f"; {warnings} warning{'s' if warnings != 1 else ''} (roleplay validate lists them)" if warnings else ""
        notify(self.app, f"{len(self.session.moves)} move(s) replayed on the saved persona{extra}.", title="Persona reloaded", timeout=5)

    # ---------------------------------------------------------- the draft

    def on_text_area_changed(self, event: Composer.Changed) -> None:
        """Keep what is typed (a second after the last key) so a quit or a crash loses nothing."""
        if event.text_area.id != "composer":
            return
        if self._draft_timer is not None:
            self._draft_timer.stop()
        self._draft_timer = self.set_timer(1.0, self._save_draft)

    def _draft_text(self) -> str:
        """The box, and a message still being read (it is not in the log yet)."""
        typed = self._composer.text if self._composer is not None else ""
        if self._pending is None:
            return typed
        return self._pending + (f"\n\n{typed}" if typed.strip() else "")

    def _save_draft(self) -> None:
        self._draft_timer = None
        if self.is_attached:
            self.conv.save_draft(self._draft_text())

    def on_unmount(self) -> None:
        if self._draft_timer is not None:
            self._draft_timer.stop()
        if not self.conv.finished:
            self.conv.save_draft(self._draft_text())
        self.conv.close()

    # ---------------------------------------------------------- sending

    def on_composer_submitted(self, event: Composer.Submitted) -> None:
        event.stop()
        self.send(event.text)

    def send(self, text: str) -> None:
        """Send a message: it is read in another process (a worker waits for
        it, so the screen stays live), then played and logged here."""
        if self._sending:
            notify(self.app, f"{one_line(self.manager_name)} is still reading your last message; this one stays in the box.", severity="warning", timeout=3)
            return
        if not text.strip():
            notify(self.app, "Empty messages are not sent.", severity="warning", timeout=3)
            return
        if self.session.ended:
            notify(self.app, "The conversation has ended: ctrl+d for your debrief.", severity="warning")
            return
        self._sending = True
        self._token += 1
        composer = self.query_one(Composer)
        self._pending = text
        self.conv.save_draft(self._draft_text())  # until it is in the log, it is a draft
        composer.text = ""
        pending = ChatMessage("You · sending", text[:MAX_MESSAGE_CHARS], channel=self.session.channel, side="learner", classes="-pending")
        chat = self.query_one("#chat", VerticalScroll)
        self.query_one("#chat-log").mount_all([pending, ChatNotice(f"{self.manager_name} is typing…", classes="-typing")])
        chat.scroll_end(animate=False)
        self.refresh_bindings()
        self._read(self._token, text)

    @work(thread=True, group="read-move", exit_on_error=False)
    def _read(self, token: int, text: str) -> None:
        """Wait (off the event loop) for the listener's reading of ``text``."""
        try:
            heard = self.app.listener.listen(text)
        except Exception as exc:  # TooSlow, or anything else: the message goes back in the box
            self.app.call_from_thread(self._not_read, token, text, exc)
            return
        self.app.call_from_thread(self._heard, token, text, heard)

    def _clear_pending(self) -> None:
        for widget in self.query(".-pending, .-typing"):
            widget.remove()
        self._sending = False
        self._pending = None

    def _give_back(self, text: str) -> None:
        """Put an unsent message back in the box, ahead of anything typed since."""
        composer = self.query_one(Composer)
        typed = composer.text
        composer.text = text if not typed.strip() else f"{text}\n\n{typed}"
        composer.move_cursor(composer.document.end)
        composer.focus()

    def _not_read(self, token: int, text: str, exc: Exception) -> None:
        if token != self._token or not self.is_attached:
            return
        self._clear_pending()
        self._give_back(text)
        from roleplay.engine.listener import TooSlow

        if isinstance(exc, TooSlow):
            message = f"Reading your message took too long ({exc}), so it was not sent. It is back in the box: try it shorter, or in other words."
        else:
            message = f"Your message could not be read ({type(exc).__name__}), so it was not sent; it is back in the box."
        notify(self.app, message, title="Not sent", severity="error", timeout=10)
        self.refresh_status()

    def _heard(self, token: int, text: str, heard) -> None:
        if token != self._token or not self.is_attached:
            return
        self._clear_pending()
        try:
            before = self.session.variables.get(self.relationship)
            try:
                turn = self.conv.play(text, heard=heard)  # logged and fsynced before it returns
            except SessionEnded:
                notify(self.app, "The conversation has ended: ctrl+d for your debrief.", severity="warning")
                return
            except ValueError as exc:
                self._give_back(text)
                notify(self.app, str(exc), severity="warning")
                return
            self._warn_unsaved()
            after = self.session.variables.get(self.relationship)
            self._last_change = (after - before) if (after is not None and before is not None) else None
            chat = self.query_one("#chat", VerticalScroll)
            new = [self._turn_widget(turn)]
            if self.session.ended:
                new.append(self._ending_notice())
            self.query_one("#chat-log").mount_all(new)
            chat.scroll_end(animate=False)
            self._clear_hint()
            if turn.truncated:
                notify(
                    self.app,
                    f"Your message was {len(text):,} characters; only the first {MAX_MESSAGE_CHARS:,} were sent.",
                    title="Message cut",
                    severity="warning",
                )
            if self.session.ended:
                info = self.session.ending_info()
                notify(self.app, f"{info.title or info.outcome}. Press ctrl+d for your debrief.", title="Conversation over")
        finally:
            self._save_draft()  # what was typed while it was read
            self.refresh_status()

    # ---------------------------------------------------------- actions

    def check_action(self, action: str, parameters: tuple) -> bool | None:
        if self._sending and action in ("hint", "take_back", "debrief"):
            return None  # the session is about to change: shown, but not usable
        if action in ("hint", "take_back"):
            if self.exam:
                return False
            if action == "hint" and self.session.ended:
                return None
            if action == "take_back" and not self.session.turns:
                return None
        if action == "export" and self.exam:
            return False
        if action == "feedback":
            if self.exam:
                return False
            if not self.session.turns:
                return None
        return True

    def action_hint(self) -> None:
        if self.exam or self.session.ended:
            return
        from roleplay.analysis.hints import hint

        s = self.session
        h = hint(s.context(), s.detections, s.score())
        # Shown once, where the coaching is, until the next move: in the coach
        # panel, or (the panel hidden) in the chat above the input.
        self._clear_hint()
        self.query_one(HintView).show_hint(h.principle, h.text)
        coach = self.query_one(CoachPanel)
        coach.scroll_home(animate=False)
        if not coach.display:
            chat = self.query_one("#chat", VerticalScroll)
            self.query_one("#chat-log").mount(ChatNotice(hint_content(h.principle, h.text), classes="-hint"))
            chat.scroll_end(animate=False)

    def _clear_hint(self) -> None:
        self.query_one(HintView).clear()
        for notice in self.query("ChatNotice.-hint"):
            notice.remove()

    def action_feedback(self) -> None:
        """The last move's whole feedback (the panel shows it in brief)."""
        if self.exam or not self.session.turns:
            return
        from roleplay.ui.screens.modals import FeedbackScreen

        self.app.push_screen(FeedbackScreen(self.session.turns[-1]))

    def action_take_back(self) -> None:
        if self.exam:
            return
        last = self.session.moves[-1].text if self.session.moves else None
        if not self.conv.take_back():
            notify(self.app, "Nothing to take back yet.", severity="warning", timeout=3)
            return
        self.resumed = False
        self.rebuild_chat()
        composer = self.query_one(Composer)
        if last is not None and not composer.text.strip():
            composer.text = last
            composer.move_cursor(composer.document.end)
        composer.focus()
        notify(self.app, "Your last move was taken back; edit it and send again.", timeout=4)

    def action_debrief(self) -> None:
        if self.session.ended:
            self._go_debrief()
            return
        from roleplay.ui.screens.modals import ConfirmScreen

        def done(yes: bool | None) -> None:
            if yes:
                self._go_debrief()

        self.app.push_screen(
            ConfirmScreen("End the conversation now and see your debrief? It has not reached an ending yet.", yes="End & debrief"),
            done,
        )

    def _go_debrief(self) -> None:
        self.conv.finish("debrief")
        self.post_message(OpenDebrief(self.conv))

    def action_export(self) -> None:
        if self.exam:
            notify(self.app, "In exam mode the transcript is exported from the debrief.", severity="warning")
            return
        self.app.export_conversation(self.conv)

    def action_toggle_coach(self) -> None:
        """Wide: show or hide the panel beside the chat (the one-line summary
        stands in for it). Narrow: the panel in place of the chat and input,
        full width, and back (F3 or Escape)."""
        coach = self.query_one(CoachPanel)
        show = not coach.display
        narrow = self.size.width < self.WIDE
        self.remove_class("-coach-shown", "-coach-hidden")
        if narrow and show:
            self.add_class("-coach-shown")
            coach.focus()  # arrows and page keys scroll it
        elif not narrow and not show:
            self.add_class("-coach-hidden")
        coach.show_as_view(narrow and show)
        if not (narrow and show):
            self.query_one(Composer).focus()

    @property
    def coach_view(self) -> bool:
        """The panel is shown in place of the chat (narrow terminals, F3)."""
        return self.has_class("-coach-shown") and self.size.width < self.WIDE

    def on_resize(self, event) -> None:
        narrow = event.size.width < self.WIDE
        if self._narrow is not None and narrow != self._narrow and (self.has_class("-coach-shown") or self.has_class("-coach-hidden")):
            # A choice made for the other layout does not carry over: each width opens in its own default.
            self.remove_class("-coach-shown", "-coach-hidden")
            self.query_one(CoachPanel).show_as_view(False)
            self.query_one(Composer).focus()
        self._narrow = narrow

    def action_leave(self) -> None:
        """Escape: back to the chat from the coach view; otherwise home, asking
        first while the conversation is still going (it stays resumable)."""
        if self.coach_view:
            self.action_toggle_coach()
            return
        if self.session.ended:
            self.post_message(GoHome())
            return
        from roleplay.ui.screens.modals import ConfirmScreen

        graded = getattr(self.app, "graded", None)
        if graded is not None and graded.owns(self.conv):
            where = f"resume it with 'roleplay resume {self.conv.session_id}'"
        else:
            where = "resume it from the home screen (r resumes the latest)"
        question = f"Leave this conversation and go home? Every move is saved: {where}."

        def done(yes: bool | None) -> None:
            if yes:
                self.post_message(GoHome())

        self.app.push_screen(ConfirmScreen(question, yes="Go home", no="Stay"), done)

    def action_briefing(self) -> None:
        from roleplay.ui.screens.modals import BriefingModal

        self.app.push_screen(BriefingModal(self.loaded))
