"""``roleplay serve``: the tutor in web browsers (textual-serve), one tutor per tab.

textual-serve starts a command per browser tab and relays its terminal over a
websocket to xterm.js in the page. Here that command is this module run by the
server's own interpreter (``<python> -m roleplay.ui.serve``), so it works from
any installed venv; each tab's tutor gets a fresh data folder of its own under
``<data dir>/web/`` (session logs, exports): tabs never see each other's
sessions. The server adds three things to textual-serve's: a page that asks
nothing of another site, a refused websocket from another site's page (the
Origin check), and a cap on open tabs.

This module is imported by each tab's tutor: textual_serve and aiohttp are
imported only by the server (``serve``).
"""

from __future__ import annotations

import ipaddress
import os
import shlex
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit

TAB_ROOT_ENV = "ROLEPLAY_TAB_ROOT"  # set by the server for its tabs: where their data folders go
PAGE = Path(__file__).parent / "web"  # app_index.html, in place of textual-serve's page
DEFAULT_HOST, DEFAULT_PORT, DEFAULT_MAX_TABS = "127.0.0.1", 8000, 40


def tab_command(python: str = sys.executable) -> str:
    """The shell command textual-serve runs for each tab."""
    return f"exec {shlex.quote(python)} -m roleplay.ui.serve"


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def exposure_warning(host: str) -> str | None:
    """The stderr line for a server other machines can reach (None on loopback)."""
    if is_loopback(host):
        return None
    return (f"roleplay: warning: serving on {host}, reachable from other machines, with no TLS and no login: "
            "anyone who can reach this port gets a tutor; put it behind a reverse proxy with TLS and a login "
            "(README, 'In a web browser')")


def origin_allowed(origin: str | None, host: str | None, allowed: tuple[str, ...] = ()) -> bool:
    """A websocket may open from this server's own page (or an --allow-origin).

    Browsers send Origin with every websocket handshake; without this check
    any web page the learner visits could open tutors on this server.
    Clients that are not browsers send none, and are let in.
    """
    if origin is None:
        return True
    netloc = urlsplit(origin).netloc.lower()
    if host is not None and netloc == host.lower():
        return True
    return any(netloc == urlsplit(a).netloc.lower() for a in allowed)


def tab_data_dir(root: Path) -> Path:
    """A new data folder for one tab's tutor (readable by the server's user only)."""
    root.mkdir(parents=True, exist_ok=True, mode=0o700)
    return Path(tempfile.mkdtemp(prefix=time.strftime("%Y%m%d-%H%M%S-"), dir=root))


def tab_main() -> int:
    """One tab's tutor: the home screen, with its own data folder."""
    folder = None
    root = os.environ.get(TAB_ROOT_ENV)
    if root:
        folder = tab_data_dir(Path(root))
        os.environ["ROLEPLAY_DATA_DIR"] = str(folder)
    from roleplay.cli import main

    try:
        return main([])
    finally:
        if folder is not None:
            try:
                folder.rmdir()  # a tab that logged nothing leaves nothing
            except OSError:
                pass


def serve(host: str = DEFAULT_HOST, port: int = DEFAULT_PORT, *, max_tabs: int = DEFAULT_MAX_TABS,
          allow_origins: tuple[str, ...] = ()) -> int:
    """Serve until SIGINT or SIGTERM; the tabs' tutors are told to quit then."""
    import logging

    from aiohttp import web
    from textual_serve.server import Server

    from roleplay.engine.sessionlog import data_dir

    root = data_dir() / "web"
    os.environ[TAB_ROOT_ENV] = str(root)  # the tabs inherit the server's environment
    log = logging.getLogger("roleplay.serve")
    url = f"http://{host if ':' not in host else f'[{host}]'}:{port}/"

    class TutorServer(Server):
        open_tabs = 0

        def initialize_logging(self) -> None:  # plain lines on stderr, not textual-serve's banner and access log
            logging.basicConfig(level=logging.INFO, format="roleplay serve: %(message)s", stream=sys.stderr)
            logging.getLogger("aiohttp.access").setLevel(logging.WARNING)

        async def on_startup(self, app) -> None:  # textual-serve prints its logo here
            pass

        async def handle_index(self, request):
            if self.open_tabs >= max_tabs:
                raise web.HTTPServiceUnavailable(text=f"The tutor is full ({max_tabs} tabs open). Try again in a minute.\n")
            return await super().handle_index(request)

        async def handle_websocket(self, request):
            if not origin_allowed(request.headers.get("Origin"), request.host, allow_origins):
                log.warning("refused a websocket from %r (not this server's page)", request.headers.get("Origin"))
                raise web.HTTPForbidden(text="This tutor opens only from its own page.\n")
            if self.open_tabs >= max_tabs:
                raise web.HTTPServiceUnavailable(text=f"The tutor is full ({max_tabs} tabs open).\n")
            self.open_tabs += 1
            log.info("tab opened (%d open)", self.open_tabs)
            try:
                return await super().handle_websocket(request)
            finally:
                self.open_tabs -= 1
                log.info("tab closed (%d open)", self.open_tabs)

    server = TutorServer(tab_command(), host=host, port=port, title="Roleplay", templates_path=PAGE)
    server.initialize_logging()
    # aiohttp's own loop (not Server.serve): it says where it listens only once it does,
    # and SIGINT or SIGTERM end it gracefully (the websockets close, the tutors quit).
    web.run_app(server._make_app(), host=host, port=port, handle_signals=True, shutdown_timeout=10,
                print=lambda _: log.info("the tutor is at %s (one tutor per browser tab, at most %d; data in %s); ctrl+c stops",
                                         url, max_tabs, root))
    return 0


if __name__ == "__main__":
    raise SystemExit(tab_main())
