"""`roleplay serve`: the tutor in a web browser (textual-serve).

- fast: the server answers `GET /` with the page and stops on SIGTERM, with
  every tab's tutor; it refuses another site's websocket; the export in a
  browser goes out as downloads (Pilot, with the web driver's answer faked);
- the browser test: headless Chromium (Debian's, driven by Playwright) on a
  server the test starts on a free loopback port. The page loads, a persona
  is clicked, a message is typed, the manager's reply appears, and the
  transcript downloads (Markdown, then JSON); a second tab is a session of
  its own. Skipped, with the reason, only when there is no Chromium or no
  Playwright (`.ci/run` installs both).

How the test reads the screen: the page draws the terminal on a canvas
(xterm.js), which has no text to query. The test listens to the same
websocket frames the page receives (Playwright's websocket events) and
replays them in a terminal emulator (pyte) of the page's size: what it
holds is what xterm.js draws. The reply it waits for is the one the tab's
tutor wrote to its session log, so the check is "the manager's actual reply
is on the learner's screen", not a guess at the text.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from roleplay.ui import serve as served

REPO = Path(__file__).resolve().parent.parent
CHROMIUM_FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"]
MESSAGE = "Thank you so much for the offer. Could we hop on a call this week about the Denver office?"


# ----------------------------------------------------------------- helpers


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Served:
    """`roleplay serve` in a process group of its own, stopped (with its tabs) on exit."""

    def __init__(self, data: Path, *extra: str):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}/"
        self.data = data
        self.output: str | None = None
        env = {k: v for k, v in os.environ.items() if k != "ROLEPLAY_READER"}  # the real reader process, as served
        env["ROLEPLAY_DATA_DIR"] = str(data)
        data.mkdir(parents=True, exist_ok=True)
        self.log = data / "serve.log"  # a file: a pipe nobody reads could fill and stall the server
        with open(self.log, "wb") as out:
            self.proc = subprocess.Popen([sys.executable, "-m", "roleplay", "serve", "--port", str(self.port), *extra],
                                         env=env, cwd=REPO, stdout=out, stderr=subprocess.STDOUT, start_new_session=True)

    def __enter__(self) -> "Served":
        deadline = time.monotonic() + 30
        while True:
            try:
                socket.create_connection(("127.0.0.1", self.port), 0.5).close()
                return self
            except OSError:
                if self.proc.poll() is not None or time.monotonic() > deadline:
                    self.stop()
                    pytest.fail(f"roleplay serve did not start: {self.output}")
                time.sleep(0.1)

    def __exit__(self, *exc) -> None:
        self.stop()

    def stop(self) -> int | None:
        """SIGTERM, as ctrl+c or a service manager would; SIGKILL for the group after 15 s."""
        if self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGTERM)
            try:
                self.proc.wait(15)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait()
                self.output = self.log.read_text(errors="replace")
                raise AssertionError(f"roleplay serve did not stop within 15 s of SIGTERM: {self.output}")
        if self.output is None:
            self.output = self.log.read_text(errors="replace")
        return self.proc.returncode

    def group_alive(self) -> bool:
        try:
            os.killpg(self.proc.pid, 0)
            return True
        except ProcessLookupError:
            return False
        except PermissionError:
            return True


def get(url: str, headers: dict | None = None) -> tuple[int, str]:
    req = urllib.request.Request(url, headers=headers or {})
    try:
        with urllib.request.urlopen(req, timeout=10) as r:
            return r.status, r.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode("utf-8", "replace")


def wait_gone(server: Served, timeout: float = 10) -> bool:
    deadline = time.monotonic() + timeout
    while server.group_alive() and time.monotonic() < deadline:
        time.sleep(0.1)
    return not server.group_alive()


# ----------------------------------------------------------------- fast


def test_get_page_then_stop(tmp_path):
    with Served(tmp_path) as server:
        status, page = get(server.url)
        assert status == 200
        assert 'class="textual-terminal"' in page and "<title>Roleplay</title>" in page
        assert "googleapis" not in page  # the page asks nothing of another site
        status, js = get(server.url + "static/js/textual.js")
        assert status == 200 and "WebSocket" in js
        # another site's page may not open a tutor here (the browser sends its Origin)
        status, _ = get(server.url + "ws", {"Origin": "http://elsewhere.example", "Connection": "Upgrade", "Upgrade": "websocket",
                                            "Sec-WebSocket-Version": "13", "Sec-WebSocket-Key": "dGhlIHNhbXBsZSBub25jZQ=="})
        assert status == 403
        code = server.stop()
    assert code == 0
    assert "the tutor is at http://127.0.0.1:" in server.output
    assert "refused a websocket from 'http://elsewhere.example'" in server.output
    assert wait_gone(server)


def test_full_then_free_again(tmp_path):
    """--max-tabs: past it the page says the tutor is full; a closed tab frees its
    place, and a tab that logged nothing leaves no folder behind."""
    import asyncio

    import aiohttp

    async def one_tab(server: Served) -> None:
        async with aiohttp.ClientSession() as session:
            async with session.ws_connect(server.url + "ws?width=100&height=30", max_msg_size=0) as ws:
                got = b""
                while b"Hiring managers" not in got:  # the tab's tutor drew its home screen
                    msg = await asyncio.wait_for(ws.receive(), 30)
                    assert msg.type == aiohttp.WSMsgType.BINARY, msg
                    got += msg.data
                async with session.get(server.url) as r:
                    assert r.status == 503 and "full" in await r.text()
                assert len(list((tmp_path / "web").iterdir())) == 1

    with Served(tmp_path, "--max-tabs", "1") as server:
        asyncio.run(asyncio.wait_for(one_tab(server), 60))
        deadline = time.monotonic() + 15
        while get(server.url)[0] != 200 or list((tmp_path / "web").iterdir()):
            assert time.monotonic() < deadline, "the closed tab's place or folder was not freed"
            time.sleep(0.2)
        assert server.stop() == 0


def test_tutors_never_import_the_server():
    code = "import sys, roleplay.cli, roleplay.ui.serve, roleplay.ui.app; print(sorted(m for m in sys.modules if m.split('.')[0] in ('aiohttp', 'textual_serve')))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, cwd=REPO)
    assert out.stdout.strip() == "[]", out.stderr


def test_serve_usage(capsys):
    from roleplay.cli import main

    assert main(["serve", "--port", "0"]) == 2
    assert "--port must be from 1 to 65535" in capsys.readouterr().err
    assert main(["serve", "--max-tabs", "0"]) == 2


def test_exposure_and_origin_rules():
    assert served.exposure_warning("127.0.0.1") is None
    assert served.exposure_warning("::1") is None and served.exposure_warning("localhost") is None
    warning = served.exposure_warning("0.0.0.0")
    assert warning.startswith("roleplay: warning: serving on 0.0.0.0") and "reverse proxy with TLS" in warning
    assert served.origin_allowed(None, "127.0.0.1:8000")  # not a browser
    assert served.origin_allowed("http://127.0.0.1:8000", "127.0.0.1:8000")
    assert not served.origin_allowed("http://evil.example", "127.0.0.1:8000")
    assert served.origin_allowed("https://tutor.school.example", "127.0.0.1:8000", ("https://tutor.school.example",))
    # each tab runs this venv's own interpreter
    assert served.tab_command().startswith("exec ") and sys.executable in served.tab_command()


def test_tab_data_dirs_are_separate(tmp_path):
    a, b = served.tab_data_dir(tmp_path / "web"), served.tab_data_dir(tmp_path / "web")
    assert a != b and a.parent == b.parent == tmp_path / "web"
    assert (a.stat().st_mode & 0o777) == 0o700


async def converse(pilot) -> None:
    """Home, the first persona's briefing, its question, one message."""
    from roleplay.ui.screens.conversation import ConversationScreen
    from roleplay.ui.widgets.composer import Composer

    async def settle():
        await pilot.pause()
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()

    await settle()
    await pilot.press("enter")
    await settle()
    await pilot.press("5", "enter")
    await settle()
    assert isinstance(pilot.app.screen, ConversationScreen)
    composer = pilot.app.screen.query_one(Composer)
    composer.text = MESSAGE
    composer.focus()
    await pilot.press("enter")
    await settle()
    assert pilot.app.screen.conv.session.turns


async def test_export_in_a_browser_downloads(monkeypatch, fixture_personas):
    """In a browser the export still writes the server's copy, then delivers the
    Markdown; the JSON goes with its own key press (j)."""
    from roleplay.ui.app import RoleplayApp
    from roleplay.ui.screens.modals import ExportedScreen

    delivered = []
    monkeypatch.setattr(RoleplayApp, "is_web", property(lambda self: True))
    monkeypatch.setattr(RoleplayApp, "deliver_text", lambda self, path, **kw: delivered.append((Path(path), kw)) or "key")

    app = RoleplayApp()
    async with app.run_test(size=(120, 40)) as pilot:
        await converse(pilot)
        await pilot.press("ctrl+e")
        await pilot.pause()
        assert isinstance(app.screen, ExportedScreen)
        md, js = app.screen.md, app.screen.json
        assert md.is_file() and js.is_file()  # the server's copy, in the data folder
        assert [(p, kw["mime_type"], kw["open_method"]) for p, kw in delivered] == [(md, "text/markdown", "download")]
        text = app.screen.query_one("#export-paths").render().plain
        assert md.name in text and str(md.parent) not in text and "press j" in text
        await pilot.press("j")
        await pilot.pause()
        assert [p for p, _ in delivered] == [md, js]
        assert delivered[1][1]["mime_type"] == "application/json"


async def test_export_in_a_terminal_writes_files_only(monkeypatch, fixture_personas):
    from roleplay.ui.app import RoleplayApp
    from roleplay.ui.screens.modals import ExportedScreen

    monkeypatch.setattr(RoleplayApp, "deliver_text", lambda *a, **kw: pytest.fail("deliver_text in a terminal"))

    app = RoleplayApp()
    async with app.run_test(size=(120, 40)) as pilot:
        await converse(pilot)
        await pilot.press("ctrl+e")
        await pilot.pause()
        assert isinstance(app.screen, ExportedScreen)
        assert str(app.screen.md) in app.screen.query_one("#export-paths").render().plain
        await pilot.press("j")  # no download in a terminal
        await pilot.pause()


# ----------------------------------------------------------------- the browser


def _chromium() -> str | None:
    for candidate in (os.environ.get("ROLEPLAY_CHROMIUM"), "chromium", "chromium-browser", "google-chrome"):
        if candidate and (path := shutil.which(candidate)):
            return path
    return None


def _browser_or_skip() -> str:
    chromium = _chromium()
    if chromium is None:
        pytest.skip("no Chromium on this machine (.ci/run installs Debian's 'chromium' with apt-get where it can)")
    try:
        import playwright.sync_api  # noqa: F401
        import pyte  # noqa: F401
    except ImportError as exc:
        pytest.skip(f"the browser test needs Playwright and pyte (pip install -e '.[test]'): {exc}")
    return chromium


class Screen:
    """The terminal the page draws, replayed from the websocket frames it receives."""

    def __init__(self):
        import pyte

        self.screen = pyte.Screen(80, 24)
        self.stream = pyte.ByteStream(self.screen)
        self.sockets = 0

    def attach(self, ws) -> None:
        self.sockets += 1
        query = parse_qs(urlsplit(ws.url).query)
        self.screen.resize(int(query["height"][0]), int(query["width"][0]))
        ws.on("framereceived", self._received)
        ws.on("framesent", self._sent)

    def _received(self, payload) -> None:
        if isinstance(payload, bytes):  # the terminal's bytes (text frames are JSON: pong, downloads)
            self.stream.feed(payload)

    def _sent(self, payload) -> None:
        if isinstance(payload, str) and payload.startswith('["resize"'):
            size = json.loads(payload)[1]
            self.screen.resize(size["height"], size["width"])

    @property
    def lines(self) -> list[str]:
        return list(self.screen.display)

    def text(self) -> str:
        return "\n".join(self.lines)


def wait_until(page, check, what: str, screen: Screen, timeout: float = 30.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        result = check()
        if result:
            return result
        page.wait_for_timeout(100)  # lets Playwright deliver the frames that arrived
    pytest.fail(f"{what}: not within {timeout:.0f} s; the screen:\n{screen.text()}")


def click_text(page, screen: Screen, text: str) -> None:
    """Click the cell where ``text`` is on screen (the canvas has no elements to click)."""
    row = next(i for i, line in enumerate(screen.lines) if text in line)
    col = screen.lines[row].index(text)
    box = page.locator(".xterm-screen").bounding_box()
    cell_w, cell_h = box["width"] / screen.screen.columns, box["height"] / screen.screen.lines
    page.mouse.click(box["x"] + (col + 2.5) * cell_w, box["y"] + (row + 0.5) * cell_h)


def first_move(data: Path) -> tuple[Path, dict] | None:
    """The first move a tab's tutor logged: (its log, the move event)."""
    for log in sorted(data.glob("web/*/sessions/*.jsonl")):
        for line in log.read_text(encoding="utf-8").splitlines():
            event = json.loads(line)
            if event.get("type") == "move":
                return log, event
    return None


def test_in_a_browser(tmp_path):
    chromium = _browser_or_skip()
    from playwright.sync_api import sync_playwright

    data = tmp_path / "data"
    with Served(data) as server, sync_playwright() as pw:
        # Playwright turns the popup blocker off by default; a learner's browser has it on,
        # and textual-serve starts a download in a new window: keep it on.
        browser = pw.chromium.launch(executable_path=chromium, headless=True, args=CHROMIUM_FLAGS,
                                     ignore_default_args=["--disable-popup-blocking"], timeout=30_000)
        try:
            context = browser.new_context(viewport={"width": 1280, "height": 800}, accept_downloads=True)
            context.set_default_timeout(30_000)
            downloads = []
            context.on("page", lambda p: p.on("download", lambda d: downloads.append(d)))  # each download opens a window
            elsewhere = []  # requests to any other host than the server
            context.on("request", lambda r: urlsplit(r.url).netloc != f"127.0.0.1:{server.port}" and elsewhere.append(r.url))
            page = context.new_page()
            screen = Screen()
            page.on("websocket", screen.attach)

            # the page loads, and the tutor's home screen comes over its websocket
            response = page.goto(server.url)
            assert response.status == 200
            wait_until(page, lambda: "Hiring managers" in screen.text() and "Priya Raman" in screen.text(), "the home screen", screen)
            page.wait_for_selector("body.-first-byte")  # the page's own script drew it

            # a persona is chosen with the mouse; the briefing's question is answered
            click_text(page, screen, "Priya Raman")
            wait_until(page, lambda: "Priya Raman — briefing" in screen.lines[0], "the briefing", screen)  # the header
            page.keyboard.press("4")
            wait_until(page, lambda: "●▌ 4" in screen.text(), "the answer 4 chosen", screen)
            page.keyboard.press("Enter")
            wait_until(page, lambda: screen.lines[0].rstrip().endswith("· practice"), "the conversation", screen)

            # a message is typed and sent; the manager's reply (as the tutor logged it) appears
            page.keyboard.type(MESSAGE)
            page.keyboard.press("Enter")
            log, move = wait_until(page, lambda: first_move(data), "the move in the tab's session log", screen)
            assert move["text"] == MESSAGE
            reply = move["turn"]["manager"]
            opening = " ".join(reply.split()[:4])
            wait_until(page, lambda: opening in " ".join(screen.text().split()), f"the reply {opening!r} on screen", screen)

            # the export downloads through the browser: the Markdown on ctrl+e, the JSON on j
            page.keyboard.press("Control+e")
            wait_until(page, lambda: len(downloads) >= 1, "the Markdown download", screen)
            wait_until(page, lambda: "press j" in screen.text(), "the export dialog", screen)
            page.keyboard.press("j")
            wait_until(page, lambda: len(downloads) >= 2, "the JSON download", screen)
            md, js = downloads
            assert md.suggested_filename == f"{log.stem}.md" and js.suggested_filename == f"{log.stem}.json"
            markdown = Path(md.path()).read_text(encoding="utf-8")
            assert "Thank you so much for the offer" in markdown and "Priya Raman" in markdown
            transcript = json.loads(Path(js.path()).read_text(encoding="utf-8"))
            assert transcript["persona"] == "mentor"
            assert transcript["turns"][0]["learner"] == MESSAGE and transcript["turns"][0]["manager"] == reply
            # ...and the server keeps its copy in the tab's own data folder
            assert (log.parent.parent / "exports" / f"{log.stem}.json").is_file()

            # a second tab is a session of its own: its own tutor and data folder, nothing to resume
            second = Screen()
            page2 = context.new_page()
            page2.on("websocket", second.attach)
            page2.goto(server.url)
            wait_until(page2, lambda: "Hiring managers" in second.text(), "the second tab's home screen", second)
            assert "Resume a session" not in second.text()
            assert len(list((data / "web").iterdir())) == 2
            assert [u for u in elsewhere if not u.startswith(("about:", "data:", "blob:"))] == []  # the page asks no other site
            page.screenshot(path=str(tmp_path / "browser.png"))
        finally:
            browser.close()
        code = server.stop()
    assert code == 0
    assert "tab opened (2 open)" in server.output
    assert wait_gone(server), "a tutor outlived the server"
