"""The key footer, recomposed at most once per refresh.

Textual's Footer queues a full recompose for every bindings signal, and a
screen that mounts, focuses a widget and updates its bindings sends several
in a row: six recomposes of the footer on the home screen alone, the largest
single cost of start-up. This one coalesces them.
"""

from __future__ import annotations

from textual.screen import Screen
from textual.widgets import Footer


class KeyFooter(Footer):
    _recompose_pending = False

    def bindings_changed(self, screen: Screen) -> None:
        self._bindings_ready = True
        if not screen.app.app_focus:
            return
        if self.is_attached and screen is self.screen and not self._recompose_pending:
            self._recompose_pending = True
            self.call_after_refresh(self._recompose_once)

    async def _recompose_once(self) -> None:
        self._recompose_pending = False
        await self.recompose()
