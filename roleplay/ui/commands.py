"""The command palette: the same actions as the keys, for the screen you are on."""

from __future__ import annotations

from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider

# (action, title, help) per screen class name; app-wide ones below.
SCREEN_COMMANDS: dict[str, list[tuple[str, str, str]]] = {
    "ConversationScreen": [
        ("hint", "Hint", "A nudge from the coaching principles toward a better next move"),
        ("feedback", "The last move's whole feedback", "Why each principle moved, and what to try instead"),
        ("take_back", "Take back the last move", "Replay the session without your last message"),
        ("debrief", "End and debrief", "Finish the conversation and see how it went"),
        ("export", "Export transcript", "Write the transcript as Markdown and JSON"),
        ("toggle_coach", "Show or hide the coach panel", "Scores per principle, trust and feedback"),
        ("briefing", "Show the briefing", "Your role, situation, confidential facts and goals"),
    ],
    "DebriefScreen": [
        ("retry", "Retry", "Play the same persona again from the start"),
        ("replay_from", "Replay from a move", "Keep the moves before it and play on from there"),
        ("export", "Export transcript", "Write the transcript as Markdown and JSON"),
        ("home", "Home", "Back to the list of hiring managers"),
    ],
    "HomeScreen": [("toggle_mode", "Switch practice / exam mode", "Exam: no feedback, hints or take-back until the debrief")],
    "BriefingScreen": [
        ("start", "Start the conversation", "Needs your answer to the risk question"),
        ("skip", "Skip the question and start", "No risk estimate is recorded; the debrief says so"),
        ("toggle_mode", "Switch practice / exam mode", "Exam: no feedback, hints or take-back until the debrief"),
        ("back", "Back to home", ""),
    ],
}

APP_COMMANDS: list[tuple[str, str, str]] = [
    ("toggle_dark", "Toggle dark / light theme", "ctrl+t"),
    ("help", "Help: keys and screens", "F1"),
    ("home", "Home screen", "Pick another hiring manager"),
    ("quit", "Quit", "Your session is saved and can be resumed"),
]


class RoleplayCommands(Provider):
    """Offers the current screen's actions and a few app-wide ones."""

    def _commands(self) -> list[tuple[str, str, object]]:
        screen = self.screen
        out: list[tuple[str, str, object]] = []
        for action, title, help_text in SCREEN_COMMANDS.get(type(screen).__name__, []):
            if screen.check_action(action, ()) is not True:
                continue
            out.append((title, help_text, partial(self.app.call_later, self.app.run_action, action, screen)))
        for action, title, help_text in APP_COMMANDS:
            out.append((title, help_text, partial(self.app.call_later, self.app.run_action, f"app.{action}")))
        return out

    async def discover(self) -> Hits:
        for title, help_text, callback in self._commands():
            yield DiscoveryHit(title, callback, help=help_text)  # type: ignore[arg-type]

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for title, help_text, callback in self._commands():
            score = matcher.match(title)
            if score > 0:
                yield Hit(score, matcher.highlight(title), callback, help=help_text)  # type: ignore[arg-type]
