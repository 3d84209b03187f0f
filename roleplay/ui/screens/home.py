"""Home: scenarios and their personas, resumable sessions, practice or exam."""

from __future__ import annotations

from dataclasses import dataclass

from textual import work
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Header, OptionList, Static
from textual.widgets.option_list import Option

from roleplay.ui.actions import bindings_for
from roleplay.ui.safe_text import clean, notify, one_line
from roleplay.ui.styles import STYLES
from roleplay.ui.messages import OpenBriefing, OpenConversation
from roleplay.ui.texts import MODE_HELP
from roleplay.ui.widgets.footer import KeyFooter
from roleplay.ui.widgets.mode_toggle import ModeToggle



@dataclass(frozen=True)
class SessionRow:
    session_id: str
    persona: str
    moves: int
    mode: str
    created: str


def _scan() -> tuple[list, list[SessionRow], list]:
    """The personas (a quick, unchecked read) and the resumable sessions; run in a worker thread."""
    from roleplay.engine.sessionlog import list_sessions
    from roleplay.persona.quick import quick_catalog

    rows = quick_catalog()
    logged = list_sessions()
    sessions = [
        SessionRow(s.session_id, s.persona, len(s.moves), str(s.header.get("mode", "practice")), str(s.header.get("created", "")))
        for s in logged
    ]
    return rows, sessions, logged


class HomeScreen(Screen):
    """The picker."""

    CSS_PATH = STYLES / "home.tcss"

    BINDINGS = bindings_for("HomeScreen")  # roleplay/ui/actions.py

    def __init__(self, *, exam: bool = False):
        super().__init__()
        self.exam = exam
        self.personas: list = []
        self.busy = False
        self.logged: list = []
        self._shown_once = False

    def compose(self) -> ComposeResult:
        # Read the files before anything mounts, so the footer's bindings are
        # right from the start (every bindings change recomposes the footer).
        self._first_scan = _scan()
        self.logged = self._first_scan[2]
        yield Header()
        with Vertical(id="home"):
            yield Static(
                Content.assemble(
                    ("Practise negotiating a job offer. ", "bold"),
                    "Pick a hiring manager; every message is coached.",
                ),
                id="home-intro",
            )
            with Horizontal(id="mode-row"):
                yield Static(Content("Mode").stylize("bold"), id="mode-label")
                yield ModeToggle(self.exam, id="mode")
                yield Static(id="mode-help")
            yield Static(Content("Hiring managers").stylize("bold"), classes="section-title")
            rows, sessions, _ = self._first_scan
            yield OptionList(*self._persona_options(rows), id="personas")
            title = Static(
                Content.assemble(("Resume a session", "bold"), ("  (r resumes the latest; every move was saved)", "dim")),
                classes="section-title",
                id="sessions-title",
            )
            session_list = OptionList(*self._session_options(rows, sessions), id="sessions")
            title.display = session_list.display = bool(sessions)
            yield title
            yield session_list
        yield KeyFooter(compact=True)

    def on_mount(self) -> None:
        self.title = "Roleplay"
        self.sub_title = "negotiation tutor"
        self._show_mode()
        self.personas = self._first_scan[0]
        self._highlight_first_persona(self.query_one("#personas", OptionList))
        if self.logged:
            self.query_one("#sessions", OptionList).highlighted = 0
        self.query_one("#personas", OptionList).focus()

    def check_action(self, action: str, parameters: tuple) -> bool | None:
        if action == "resume_latest":
            return bool(self.logged)
        return True

    def action_resume_latest(self) -> None:
        if self.logged:
            self.resume_session(self.logged[0].session_id)

    def on_screen_resume(self) -> None:
        # Coming back from a conversation: sessions may have changed. The very
        # first show needs nothing: on_mount has just read everything.
        if self._shown_once:
            self.reload()
        self._shown_once = True

    @property
    def mode(self) -> str:
        return "exam" if self.exam else "practice"

    def _show_mode(self) -> None:
        self.query_one("#mode-help", Static).update(Content(MODE_HELP[self.mode]).stylize("dim"))

    def on_mode_toggle_changed(self, event: ModeToggle.Changed) -> None:
        event.stop()
        self.exam = event.exam
        self._show_mode()

    def action_toggle_mode(self) -> None:
        self.query_one(ModeToggle).exam = not self.exam

    # ---------------------------------------------------------- loading

    @work(thread=True, exclusive=True, group="home-scan")
    def reload(self) -> None:
        result = _scan()
        self.app.call_from_thread(self._populate, *result)

    def _persona_options(self, rows: list) -> list[Option]:
        """Scenario headings and one two-line option per persona (home.tcss cuts long lines with …)."""
        if not rows:
            return [Option(Content("No personas found (set ROLEPLAY_PERSONAS or check personas/)."), disabled=True)]
        options: list[Option] = []
        current = None
        for r in rows:
            if r.scenario != current:
                current = r.scenario
                options.append(Option(Content.assemble(("▸ " + clean(r.scenario_title), "bold $accent")), disabled=True))
            options.append(
                Option(
                    Content.assemble(
                        "  ",
                        (one_line(r.name), "bold"),
                        f" ({one_line(r.difficulty)})",
                        f" · {one_line(r.role)}",
                        "\n    ",
                        (one_line(r.summary), "dim"),
                    ),
                    id=f"persona:{r.id}",
                )
            )
        return options

    def _session_options(self, rows: list, sessions: list[SessionRow]) -> list[Option]:
        names = {r.id: r.name for r in rows}
        options = []
        for s in sessions:
            when = s.created.replace("T", " ").replace("Z", " UTC")
            options.append(
                Option(
                    Content.assemble(
                        (one_line(names.get(s.persona, s.persona)), "bold"),
                        f" · {s.mode} · {s.moves} move{'s' if s.moves != 1 else ''} · {one_line(when)}",
                        ("  " + one_line(s.session_id), "dim"),
                    ),
                    id=f"session:{s.session_id}",
                )
            )
        return options

    @staticmethod
    def _highlight_first_persona(plist: OptionList) -> None:
        for i in range(plist.option_count):
            if not plist.get_option_at_index(i).disabled:
                plist.highlighted = i
                return

    def _populate(self, rows: list, sessions: list[SessionRow], logged: list) -> None:
        """Refresh both lists (after coming back to home), keeping the highlight."""
        self.personas = rows
        self.logged = logged
        plist = self.query_one("#personas", OptionList)
        highlighted = plist.highlighted_option.id if plist.highlighted_option else None
        plist.set_options(self._persona_options(rows))
        try:
            plist.highlighted = plist.get_option_index(highlighted) if highlighted else None
        except Exception:
            plist.highlighted = None
        if plist.highlighted is None:
            self._highlight_first_persona(plist)
        slist = self.query_one("#sessions", OptionList)
        slist.set_options(self._session_options(rows, sessions))
        if sessions:
            slist.highlighted = 0
        self.query_one("#sessions-title").display = bool(sessions)
        slist.display = bool(sessions)
        self.refresh_bindings()

    # ---------------------------------------------------------- choosing

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        oid = str(event.option_id or "")
        if oid.startswith("persona:"):
            self.open_persona(oid.split(":", 1)[1])
        elif oid.startswith("session:"):
            self.resume_session(oid.split(":", 1)[1])

    def open_persona(self, persona_id: str) -> None:
        row = next((r for r in self.personas if r.id == persona_id), None)
        if row is None or self.busy:
            return
        self.busy = True
        notify(self.app, f"Opening {row.name}…", timeout=2)
        self._load_persona(row.file)

    @work(thread=True, exclusive=True, group="home-open")
    def _load_persona(self, path) -> None:
        from roleplay.persona.loader import load_persona

        try:
            loaded = load_persona(path)
        except Exception as exc:  # a broken file: say so, stay here
            self.app.call_from_thread(self._failed, "Cannot load persona", exc)
            return
        self.app.call_from_thread(self._open_briefing, loaded)

    def _open_briefing(self, loaded) -> None:
        self.busy = False
        self.post_message(OpenBriefing(loaded, exam=self.exam, seed=self.app.seed))

    def _failed(self, title: str, exc: Exception) -> None:
        self.busy = False
        text = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        notify(self.app, text, title=title, severity="error")

    def resume_session(self, session_id: str) -> None:
        logged = next((s for s in self.logged if s.session_id == session_id), None)
        if logged is None or self.busy:
            return
        self.busy = True
        notify(self.app, f"Resuming {session_id}…", timeout=2)
        self._resume(logged)

    @work(thread=True, exclusive=True, group="home-open")
    def _resume(self, logged) -> None:
        from roleplay.engine.conversation import Conversation

        if isinstance(logged.header.get("graded"), dict):  # its debrief must submit it: that needs the assignment's key
            self.app.call_from_thread(
                self._failed, "Graded work",
                ValueError(f"{logged.session_id} is graded work; resume it with 'roleplay resume {logged.session_id}'"),
            )
            return
        try:
            conv = Conversation.resume(logged)
        except Exception as exc:
            self.app.call_from_thread(self._failed, "Cannot resume", exc)
            return
        self.app.call_from_thread(self._open_conversation, conv)

    def _open_conversation(self, conv) -> None:
        self.busy = False
        if conv.persona_changed:
            notify(self.app, "The persona file changed since this session was played; replies may differ.", severity="warning")
        self.post_message(OpenConversation(conv, resumed=True))
