"""The one registry of the UI's actions and keys.

Each screen's ``BINDINGS`` (with ids, so a keymap can remap them: ``App.set_keymap``),
the command palette (roleplay/ui/commands.py) and F1's help (roleplay/ui/screens/modals.py)
are all derived from ``ACTIONS``, so a key is described once. The order here is the
order of the footer, the help and the palette.

A row with no bindings describes a key a widget handles itself (Enter in the
input, the arrows in a list): it is in the help, never a binding.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.binding import Binding

APP = "app"  # the app-wide keys: RoleplayApp's bindings, "Everywhere" in the help


@dataclass(frozen=True)
class Key:
    """One binding: ``key`` (Textual's key names, comma-separated) runs ``action``."""

    key: str
    action: str
    description: str  # the footer's label
    id: str  # the binding id a keymap remaps
    show: bool = True  # in the footer
    priority: bool = False

    def binding(self) -> Binding:
        return Binding(self.key, self.action, self.description, show=self.show, priority=self.priority, id=self.id)


@dataclass(frozen=True)
class Action:
    id: str
    screen: str  # the screen class's name it applies to, or APP
    keys: str = ""  # the keys as the help shows them ("" = not in the help)
    help: str = ""  # what the help says they do
    action: str | None = None  # the action the screen (or app) runs: check_action filters help and palette by it
    bindings: tuple[Key, ...] = ()
    palette: tuple[str, str] | None = None  # (title, help) in the command palette

    @property
    def in_footer(self) -> bool:
        return any(k.show for k in self.bindings)


MODE_PALETTE = ("Switch practice / exam mode", "Exam: no feedback, hints or take-back until the debrief")
EXPORT_PALETTE = ("Export transcript", "Write the transcript as Markdown and JSON")

ACTIONS: list[Action] = [
    # ---------------------------------------------------------------- everywhere
    Action("app.theme", APP, "ctrl+t", "dark or light theme", "toggle_dark",
           (Key("ctrl+t", "toggle_dark", "Theme", "app.theme", show=False, priority=True),),
           ("Toggle dark / light theme", "ctrl+t")),
    Action("app.palette", APP, "ctrl+p", "command palette: this screen's actions and a few more"),
    Action("app.help", APP, "F1 (or ? outside the input)", "this help", "help",
           (Key("f1", "help", "Help", "app.help", priority=True),  # over dialogs too
            Key("question_mark", "help", "Help", "app.help_q", show=False)),
           ("Help: keys and screens", "F1")),
    Action("app.home", APP, action="home", palette=("Home screen", "Pick another hiring manager")),
    Action("app.quit", APP, "ctrl+q", "quit (a conversation is saved; resume it from the home screen)", "quit",
           (Key("ctrl+q", "quit", "Quit", "app.quit", priority=True),),
           ("Quit", "Your session is saved and can be resumed")),
    # ---------------------------------------------------------------- home
    Action("home.open", "HomeScreen", "↑ ↓ and Enter", "open a hiring manager's briefing, or resume the highlighted session"),
    Action("home.tab", "HomeScreen", "Tab", "between the hiring managers and the sessions"),
    Action("home.mode", "HomeScreen", "m", "practice or exam", "toggle_mode",
           (Key("m", "toggle_mode", "Practice/exam", "home.mode"),), MODE_PALETTE),
    Action("home.resume", "HomeScreen", "r", "resume the latest session", "resume_latest",
           (Key("r", "resume_latest", "Resume last", "home.resume"),)),
    # ---------------------------------------------------------------- briefing
    Action("briefing.read", "BriefingScreen", "↑ ↓, PgUp PgDn", "read the briefing"),
    Action("briefing.back", "BriefingScreen", "Escape", "back home", "back",
           (Key("escape", "back", "Back", "briefing.back"),), ("Back to home", "")),
    Action("briefing.mode", "BriefingScreen", "m", "practice or exam", "toggle_mode",
           (Key("m", "toggle_mode", "Practice/exam", "briefing.mode"),), MODE_PALETTE),
    Action("briefing.answer", "BriefingScreen", "1 to 7", "answer the risk question", "answer",
           tuple(Key(str(i), f"answer({i})", str(i), f"briefing.answer{i}", show=False) for i in range(1, 8))),
    Action("briefing.start", "BriefingScreen", "Enter or ctrl+s", "start the conversation (once the question is answered)", "start",
           (Key("ctrl+s", "start", "Start", "briefing.start"),
            Key("enter", "enter", "Start", "briefing.enter", show=False, priority=True)),
           ("Start the conversation", "Needs your answer to the risk question")),
    Action("briefing.skip", "BriefingScreen", "s", "skip the question and start (no estimate is recorded)", "skip",
           (Key("s", "skip", "Skip question", "briefing.skip"),),
           ("Skip the question and start", "No risk estimate is recorded; the debrief says so")),
    # ---------------------------------------------------------------- conversation
    Action("conversation.send", "ConversationScreen", "Enter", "send your message"),
    Action("conversation.newline", "ConversationScreen", "ctrl+j (or alt+enter)", "new line in your message"),
    Action("conversation.hint", "ConversationScreen", "F2", "hint: a nudge toward a better next move", "hint",
           (Key("f2", "hint", "Hint", "conversation.hint", priority=True),),
           ("Hint", "A nudge from the coaching principles toward a better next move")),
    Action("conversation.take_back", "ConversationScreen", "ctrl+z", "take back your last move", "take_back",
           (Key("ctrl+z", "take_back", "Take back", "conversation.take_back", priority=True),),
           ("Take back the last move", "Replay the session without your last message")),
    Action("conversation.debrief", "ConversationScreen", "ctrl+d", "end the conversation and see the debrief", "debrief",
           (Key("ctrl+d", "debrief", "Debrief", "conversation.debrief", priority=True),),
           ("End and debrief", "Finish the conversation and see how it went")),
    Action("conversation.export", "ConversationScreen", "ctrl+e", "export the transcript (Markdown and JSON)", "export",
           (Key("ctrl+e", "export", "Export", "conversation.export", priority=True),), EXPORT_PALETTE),
    Action("conversation.coach", "ConversationScreen", "F3",
           "show or hide the coach panel (below 100 columns it takes the chat's place; F3 or Escape goes back)", "toggle_coach",
           (Key("f3", "toggle_coach", "Coach", "conversation.coach"),),
           ("Show or hide the coach panel", "Scores per principle, trust and feedback")),
    Action("conversation.briefing", "ConversationScreen", "F4", "your briefing again", "briefing",
           (Key("f4", "briefing", "Briefing", "conversation.briefing", show=False),),
           ("Show the briefing", "Your role, situation, confidential facts and goals")),
    Action("conversation.feedback", "ConversationScreen", "F5", "the last move's whole feedback: why, and what to try instead", "feedback",
           (Key("f5", "feedback", "Feedback", "conversation.feedback", show=False),),
           ("The last move's whole feedback", "Why each principle moved, and what to try instead")),
    Action("conversation.leave", "ConversationScreen", "Escape",
           "home (asks first while the conversation goes on); the session stays resumable", "leave",
           (Key("escape", "leave", "Home", "conversation.leave", show=False),)),
    # ---------------------------------------------------------------- debrief
    Action("debrief.scroll", "DebriefScreen", "↑ ↓, PgUp PgDn", "scroll the debrief"),
    Action("debrief.retry", "DebriefScreen", "r", "retry: the same hiring manager from the start", "retry",
           (Key("r", "retry", "Retry", "debrief.retry"),), ("Retry", "Play the same persona again from the start")),
    Action("debrief.replay", "DebriefScreen", "b", "replay from a move: keep the moves before it and play on", "replay_from",
           (Key("b", "replay_from", "Replay from…", "debrief.replay"),),
           ("Replay from a move", "Keep the moves before it and play on from there")),
    Action("debrief.export", "DebriefScreen", "ctrl+e", "export the transcript (Markdown and JSON)", "export",
           (Key("ctrl+e", "export", "Export", "debrief.export"),), EXPORT_PALETTE),
    Action("debrief.home", "DebriefScreen", "Escape or h", "home", "home",
           (Key("escape,h", "home", "Home", "debrief.home"),), ("Home", "Back to the list of hiring managers")),
    # ---------------------------------------------------------------- dialogs (their own footers; not in the help)
    Action("confirm.no", "ConfirmScreen", action="answer", bindings=(Key("escape,n", "answer(False)", "No", "confirm.no"),)),
    Action("confirm.yes", "ConfirmScreen", action="answer", bindings=(Key("y", "answer(True)", "Yes", "confirm.yes"),)),
    Action("export.close", "ExportedScreen", action="close", bindings=(Key("escape,enter", "close", "Close", "export.close"),)),
    Action("export.json", "ExportedScreen", action="download_json",
           bindings=(Key("j", "download_json", "Download JSON", "export.json", show=False),)),
    Action("help.close", "HelpScreen", action="close", bindings=(Key("escape,f1,q", "close", "Close", "help.close"),)),
    Action("briefing.close", "BriefingModal", action="close", bindings=(Key("escape,f4", "close", "Close", "briefing.close"),)),
    Action("feedback.close", "FeedbackScreen", action="close", bindings=(Key("escape,f5,q", "close", "Close", "feedback.close"),)),
    Action("replay.cancel", "ReplayFromScreen", action="close", bindings=(Key("escape", "close", "Cancel", "replay.cancel"),)),
]

# The help's title for each screen that has one.
SCREEN_TITLES = {"HomeScreen": "Home", "BriefingScreen": "Briefing", "ConversationScreen": "Conversation", "DebriefScreen": "Debrief"}


def actions_for(screen: str) -> list[Action]:
    return [a for a in ACTIONS if a.screen == screen]


def bindings_for(screen: str) -> list[Binding]:
    """The ``BINDINGS`` of ``screen`` (a class name, or APP), in the registry's order."""
    return [k.binding() for a in actions_for(screen) for k in a.bindings]


def help_rows(screen: str) -> list[tuple[str, str, str | None]]:
    """(keys, what they do, the action or None) for F1 on ``screen``."""
    return [(a.keys, a.help, a.action if a.bindings else None) for a in actions_for(screen) if a.help]


def palette_entries(screen: str) -> list[tuple[str, str, str]]:
    """(action, title, help) for the command palette on ``screen``."""
    return [(a.action, *a.palette) for a in actions_for(screen) if a.palette is not None and a.action]
