"""The command palette: the same actions as the keys, for the screen you are on."""

from __future__ import annotations

from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider

from roleplay.ui.actions import APP, SCREEN_TITLES, palette_entries

# (action, title, help) per screen class name; app-wide ones below. Both come
# from the one registry of actions (roleplay/ui/actions.py).
SCREEN_COMMANDS: dict[str, list[tuple[str, str, str]]] = {
    name: palette_entries(name) for name in SCREEN_TITLES if palette_entries(name)
}

APP_COMMANDS: list[tuple[str, str, str]] = palette_entries(APP)


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
