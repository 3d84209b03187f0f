"""Home: scenarios and their personas, resumable sessions, practice or exam."""

from __future__ import annotations

from dataclasses import dataclass

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Header, OptionList, RadioButton, RadioSet, Static
from textual.widgets.option_list import Option

from roleplay.ui.safe_text import clean, notify, one_line, shorten
from roleplay.ui.styles import STYLES
from roleplay.ui.widgets.choice import Choice
from roleplay.ui.widgets.footer import KeyFooter

MODE_HELP = {
    "practice": "live coaching, hints (F2) and take-back (ctrl+z)",
    "exam": "no feedback, hints or take-back until the debrief",
}


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

    BINDINGS = [
        Binding("m", "toggle_mode", "Practice/exam", id="home.mode"),
        Binding("r", "resume_latest", "Resume last", id="home.resume"),
    ]

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
                with RadioSet(id="mode", classes="-horizontal", compact=True):
                    yield Choice("Practice", value=not self.exam, id="mode-practice")
                    yield Choice("Exam", value=self.exam, id="mode-exam")
                yield Static(id="mode-help")
            yield Static(Content("Hiring managers").stylize("bold"), classes="section-title")
            yield OptionList(Option(Content("Loading personas…"), disabled=True), id="personas")
            yield Static(Content("Resume a session").stylize("bold"), classes="section-title", id="sessions-title")
            yield OptionList(id="sessions")
        yield KeyFooter(compact=True)

    def on_mount(self) -> None:
        self.title = "Roleplay"
        self.sub_title = "negotiation tutor"
        self._show_mode()
        self.query_one("#sessions-title", Static).update(
            Content.assemble(("Resume a session", "bold"), ("  (r resumes the latest; every move was saved)", "dim"))
        )
        self.query_one("#sessions-title").display = False
        self.query_one("#sessions").display = False
        self.query_one("#personas", OptionList).focus()
        # A quick, unchecked read (tens of ms): done here, before the first paint,
        # it costs less than a worker thread fighting the first layout for the GIL.
        self._populate(*self._first_scan, refresh_bindings=False)

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

    def on_radio_set_changed(self, event: RadioSet.Changed) -> None:
        event.stop()
        self.exam = event.pressed.id == "mode-exam"
        self._show_mode()

    def action_toggle_mode(self) -> None:
        self.exam = not self.exam
        self.query_one("#mode-exam" if self.exam else "#mode-practice", RadioButton).value = True
        self._show_mode()

    # ---------------------------------------------------------- loading

    @work(thread=True, exclusive=True, group="home-scan")
    def reload(self) -> None:
        result = _scan()
        self.app.call_from_thread(self._populate, *result)

    def _populate(self, rows: list, sessions: list[SessionRow], logged: list, refresh_bindings: bool = True) -> None:
        self.personas = rows
        self.logged = logged
        plist = self.query_one("#personas", OptionList)
        highlighted = plist.highlighted_option.id if plist.highlighted_option else None
        plist.clear_options()
        if not rows:
            plist.add_option(Option(Content("No personas found (set ROLEPLAY_PERSONAS or check personas/)."), disabled=True))
        current = None
        width = max(30, plist.size.width - 8 if plist.size.width else self.app.size.width - 10)
        for r in rows:
            if r.scenario != current:
                current = r.scenario
                plist.add_option(Option(Content.assemble(("▸ " + clean(r.scenario_title), "bold $accent")), disabled=True))
            plist.add_option(
                Option(
                    Content.assemble(
                        "  ",
                        (one_line(r.name), "bold"),
                        f" ({one_line(r.difficulty)})",
                        (shorten(f" · {one_line(r.role)}", max(0, width - len(r.name) - len(r.difficulty) - 3)), ""),
                        "\n    ",
                        (shorten(one_line(r.summary), width - 2), "dim"),
                    ),
                    id=f"persona:{r.id}",
                )
            )
        if highlighted and highlighted.startswith("persona:"):
            try:
                plist.highlighted = plist.get_option_index(highlighted)
            except Exception:
                pass
        elif plist.highlighted is None or plist.get_option_at_index(plist.highlighted).disabled:
            for i in range(plist.option_count):
                if not plist.get_option_at_index(i).disabled:
                    plist.highlighted = i
                    break
        slist = self.query_one("#sessions", OptionList)
        slist.clear_options()
        names = {r.id: r.name for r in rows}
        for s in sessions:
            when = s.created.replace("T", " ").replace("Z", " UTC")
            slist.add_option(
                Option(
                    Content.assemble(
                        (one_line(names.get(s.persona, s.persona)), "bold"),
                        f" · {s.mode} · {s.moves} move{'s' if s.moves != 1 else ''} · {one_line(when)}",
                        ("  " + one_line(s.session_id), "dim"),
                    ),
                    id=f"session:{s.session_id}",
                )
            )
        if sessions:
            slist.highlighted = 0
        self.query_one("#sessions-title").display = bool(sessions)
        slist.display = bool(sessions)
        if refresh_bindings:
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
        from roleplay.ui.screens.briefing import BriefingScreen

        self.busy = False
        self.app.push_screen(BriefingScreen(loaded, exam=self.exam, seed=self.app.seed))

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

        try:
            conv = Conversation.resume(logged)
        except Exception as exc:
            self.app.call_from_thread(self._failed, "Cannot resume", exc)
            return
        self.app.call_from_thread(self._open_conversation, conv)

    def _open_conversation(self, conv) -> None:
        from roleplay.ui.screens.conversation import ConversationScreen

        self.busy = False
        if conv.persona_changed:
            notify(self.app, "The persona file changed since this session was played; replies may differ.", severity="warning")
        self.app.push_screen(ConversationScreen(conv, resumed=True))
