"""The key footer, rebuilt only when what it shows changes.

Textual's Footer queues a full recompose for every bindings signal, and a
screen that mounts, focuses a widget and updates its bindings sends several
in a row: six recomposes of the footer on the home screen alone, the largest
single cost of start-up, almost all of them showing the same keys. This one
coalesces the signals and skips a rebuild that would show the same keys.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer


class KeyFooter(Footer):
    _recompose_pending = False
    _shown: tuple | None = None

    def _signature(self) -> tuple | None:
        if not self._bindings_ready:
            return None
        return tuple(
            (binding.key, binding.action, binding.description, enabled, tooltip)
            for (_, binding, enabled, tooltip) in self.screen.active_bindings.values()
            if binding.show
        )

    def compose(self) -> ComposeResult:
        self._shown = self._signature()
        yield from super().compose()

    def bindings_changed(self, screen: Screen) -> None:
        self._bindings_ready = True
        if not screen.app.app_focus:
            return
        if self.is_attached and screen is self.screen and not self._recompose_pending:
            self._recompose_pending = True
            self.call_after_refresh(self._recompose_once)

    async def _recompose_once(self) -> None:
        self._recompose_pending = False
        if self.is_attached and self._signature() != self._shown:
            await self.recompose()
