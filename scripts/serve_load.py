"""Load test of `roleplay serve` on loopback: how many tabs a host holds.

Starts `roleplay serve` on a free loopback port (its own data folder, the real
message reader), then for each count of tabs (default 1, 10 and 25) opens that
many tabs at once. A tab here is a websocket client speaking textual-serve's
protocol exactly as the page's xterm.js does (the same `/ws` address, the same
resize and key messages); the terminal it receives is replayed in a terminal
emulator (pyte) to see what is on screen. Each tab:

1. waits for the home screen ("Hiring managers"): the time to first screen,
   from the websocket's opening (the server starts a tutor process for it);
   all tabs of a round open at once, as a class opening the page together;
2. when every tab has its first screen, opens the first persona (Enter), answers the briefing's question (4,
   Enter), sends one message and waits for the manager's reply: a learner at
   work, with the process that reads messages started (the tutor starts it
   with the first conversation).

With every tab at work, the memory of each tab's processes is read from
/proc (PSS: shared pages divided among the processes that share them, so the
sum is what the host really spends; RSS is shown too), with the CPU seconds
they took to get there (user and system, from /proc: unlike the times, not
inflated by whatever else the machine runs) and then their CPU while the
tabs sit idle for 10 s; then every tab sends a second message at once (the
time to its reply, and the CPU a move costs). Then the tabs close and the
next count starts. The server is stopped at the end, whatever
happens. Linux only (/proc).

    .venv/bin/python scripts/serve_load.py [--tabs 1 10 25] [--timeout 300]

The browser's own work (the page, xterm.js drawing) is on the learner's
machine and not counted: this measures the host.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import aiohttp
import pyte

WIDTH, HEIGHT = 142, 38  # what the page proposes in a 1280x800 window
IDLE_S = 10.0
SECOND = "I am excited about the role, and I would love to understand what flexibility there might be on the start date."
MESSAGE = "Thank you so much for the offer. Could we find 20 minutes on the phone this week to talk it through?"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def descendants(pid: int) -> list[int]:
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
            except OSError:
                continue
            ppid = int(stat.rsplit(")", 1)[1].split()[1])
            children.setdefault(ppid, []).append(int(entry))
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        for c in children.get(p, []):
            out.append(c)
            todo.append(c)
    return out


def memory_kb(pid: int) -> tuple[int, int]:
    """(PSS, RSS) of one process in kB, from /proc/PID/smaps_rollup."""
    pss = rss = 0
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                pss = int(line.split()[1])
            elif line.startswith("Rss:"):
                rss = int(line.split()[1])
    except OSError:
        pass
    return pss, rss


TICK = os.sysconf("SC_CLK_TCK")


def cpu_s(pid: int) -> float:
    """User and system CPU seconds of one process so far."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / TICK


def cmdline(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
    except OSError:
        return ""


class Tab:
    """One browser tab's worth of websocket and screen."""

    def __init__(self, session: aiohttp.ClientSession, url: str):
        self.session, self.url = session, url
        self.screen = pyte.Screen(WIDTH, HEIGHT)
        self.stream = pyte.ByteStream(self.screen)
        self.ws = None
        self.changed = asyncio.Event()
        self.reader = None
        self.first_screen_s = self.reply_s = self.move_s = None

    def text(self) -> str:
        return "\n".join(self.screen.display)

    def highlighted(self) -> list[str]:
        """The rows drawn on a background of their own (an option list's highlight)."""
        from collections import Counter

        rows = [(y, Counter(self.screen.buffer[y][x].bg for x in range(self.screen.columns))) for y in range(self.screen.lines)]
        usual = Counter(bg for _, c in rows for bg in c.elements()).most_common(1)[0][0]
        return [self.screen.display[y].strip()[:60] for y, c in rows
                if c.most_common(1)[0][0] != usual and self.screen.display[y].strip()]

    async def _read(self) -> None:
        async for msg in self.ws:
            if msg.type == aiohttp.WSMsgType.BINARY:
                self.stream.feed(msg.data)
                self.changed.set()
            elif msg.type in (aiohttp.WSMsgType.CLOSED, aiohttp.WSMsgType.ERROR):
                break
        self.changed.set()

    async def wait_for(self, needle: str, timeout: float) -> None:
        end = time.monotonic() + timeout
        while needle not in self.text():
            if self.ws.closed:
                raise RuntimeError(f"the tab closed before showing {needle!r}")
            left = end - time.monotonic()
            if left <= 0:
                raise TimeoutError(f"no {needle!r} on screen after {timeout:.0f} s; the screen:\n{self.text()}")
            self.changed.clear()
            try:
                await asyncio.wait_for(self.changed.wait(), min(left, 1.0))
            except asyncio.TimeoutError:
                pass

    async def keys(self, data: str) -> None:
        await self.ws.send_str(json.dumps(["stdin", data]))

    async def open(self, timeout: float) -> None:
        start = time.monotonic()
        self.ws = await self.session.ws_connect(f"{self.url}ws?width={WIDTH}&height={HEIGHT}", max_msg_size=0)
        await self.ws.send_str(json.dumps(["resize", {"width": WIDTH, "height": HEIGHT}]))
        self.reader = asyncio.create_task(self._read())
        await self.wait_for("Hiring managers", timeout)
        self.first_screen_s = time.monotonic() - start

    async def wait_any(self, needles: tuple[str, ...], timeout: float) -> str | None:
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            found = next((n for n in needles if n in self.text()), None)
            if found or self.ws.closed:
                return found
            self.changed.clear()
            try:
                await asyncio.wait_for(self.changed.wait(), 0.5)
            except asyncio.TimeoutError:
                pass
        return None

    async def converse(self, timeout: float) -> None:
        # Enter opens the first persona's briefing. A key that comes before the list has
        # the focus (a moment after the home screen shows) is lost, so it is pressed again
        # each second until a screen moves on (an Enter too many starts the conversation
        # from the briefing, or is an empty message: neither changes what is measured).
        end = time.monotonic() + timeout
        await self.keys("\r")
        while (seen := await self.wait_any(("— briefing", "· practice"), 1)) is None:  # the header of either screen
            if time.monotonic() > end or self.ws.closed:
                raise TimeoutError(f"no briefing after {timeout:.0f} s; highlighted rows: {self.highlighted()}; the screen:\n{self.text()}")
            await self.keys("\r")
        if seen == "— briefing":
            await self.wait_for("1-7", timeout)  # the risk question
            await self.keys("4")
            await self.wait_for("●▌ 4", timeout)  # the answer is taken
            await self.keys("\r")
            await self.wait_for("· practice", timeout)
        t = time.monotonic()
        await self.keys(MESSAGE)
        await asyncio.sleep(0.2)
        await self.keys("\r")
        await self.wait_for("move 2", timeout)  # the reply is shown and the composer moved on
        self.reply_s = time.monotonic() - t

    async def move(self, timeout: float) -> None:
        """A later message: what a learner at work costs."""
        t = time.monotonic()
        await self.keys(SECOND)
        await asyncio.sleep(0.2)
        await self.keys("\r")
        await self.wait_for("move 3", timeout)
        self.move_s = time.monotonic() - t

    async def close(self) -> None:
        if self.ws is not None:
            await self.ws.close()
        if self.reader is not None:
            try:
                await asyncio.wait_for(self.reader, 5)
            except (asyncio.TimeoutError, Exception):
                self.reader.cancel()


async def wait_tabs_gone(server_pid: int, timeout: float) -> None:
    end = time.monotonic() + timeout
    while time.monotonic() < end and descendants(server_pid):
        await asyncio.sleep(0.2)


async def one_round(url: str, server_pid: int, n: int, timeout: float) -> dict:
    async with aiohttp.ClientSession() as session:
        tabs = [Tab(session, url) for _ in range(n)]
        load = os.getloadavg()[0]  # what else the machine is running (the times depend on it; the CPU seconds do not)
        started = time.monotonic()
        # the class opens the page at once...
        results = await asyncio.gather(*(t.open(timeout) for t in tabs), return_exceptions=True)
        cpu_first = sum(cpu_s(p) for p in descendants(server_pid))
        # ...then everyone starts a conversation
        opened = [t for t, r in zip(tabs, results) if not isinstance(r, BaseException)]
        results = [r for r in results if isinstance(r, BaseException)]
        results += await asyncio.gather(*(t.converse(timeout) for t in opened), return_exceptions=True)
        all_done = time.monotonic() - started
        failed = [r for r in results if isinstance(r, BaseException)]
        await asyncio.sleep(1.0)  # let the last screens settle before reading memory
        procs = descendants(server_pid)
        tutors = [p for p in procs if "roleplay.ui.serve" in cmdline(p)]
        readers = [p for p in procs if "roleplay.engine.listener" in cmdline(p)]
        mem = {p: memory_kb(p) for p in procs}
        server_mem = memory_kb(server_pid)
        cpu_start = {p: cpu_s(p) for p in procs}  # start to first reply
        await asyncio.sleep(IDLE_S)  # then idle: what an open tab costs while its learner thinks
        cpu_idle = sum(cpu_s(p) for p in procs) - sum(cpu_start.values())
        # then everyone sends a second message at once
        at_work = [t for t in opened if t.reply_s is not None]
        before = sum(cpu_s(p) for p in procs)
        failed += [r for r in await asyncio.gather(*(t.move(timeout) for t in at_work), return_exceptions=True)
                   if isinstance(r, BaseException)]
        cpu_move = (sum(cpu_s(p) for p in procs) - before) / max(1, len(at_work))
        for t in tabs:
            await t.close()
        await wait_tabs_gone(server_pid, 30)
    firsts = sorted(t.first_screen_s for t in tabs if t.first_screen_s is not None)
    replies = sorted(t.reply_s for t in tabs if t.reply_s is not None)
    moves = sorted(t.move_s for t in tabs if t.move_s is not None)
    pss = sum(m[0] for m in mem.values())
    return {
        "tabs": n,
        "load_average": load,
        "failed": [repr(f) for f in failed],
        "first_screen_p50_s": statistics.median(firsts) if firsts else None,
        "first_screen_max_s": firsts[-1] if firsts else None,
        "first_reply_p50_s": statistics.median(replies) if replies else None,
        "first_reply_max_s": replies[-1] if replies else None,
        "all_at_work_s": all_done,
        "tutor_processes": len(tutors),
        "reader_processes": len(readers),
        "pss_per_tab_mb": pss / 1024 / n if procs else None,
        "tutor_pss_mb": statistics.mean(mem[p][0] for p in tutors) / 1024 if tutors else None,
        "reader_pss_mb": statistics.mean(mem[p][0] for p in readers) / 1024 if readers else None,
        "tutor_rss_mb": statistics.mean(mem[p][1] for p in tutors) / 1024 if tutors else None,
        "reader_rss_mb": statistics.mean(mem[p][1] for p in readers) / 1024 if readers else None,
        "server_pss_mb": server_mem[0] / 1024,
        "cpu_first_screen_per_tab_s": cpu_first / n,
        "cpu_per_tab_s": sum(cpu_start.values()) / n if procs else None,
        "tutor_cpu_s": statistics.mean(cpu_start[p] for p in tutors) if tutors else None,
        "reader_cpu_s": statistics.mean(cpu_start[p] for p in readers) if readers else None,
        "idle_cpu_percent_per_tab": 100 * cpu_idle / IDLE_S / n if procs else None,
        "move_p50_s": statistics.median(moves) if moves else None,
        "move_max_s": moves[-1] if moves else None,
        "cpu_per_move_s": cpu_move,
    }


def describe(r: dict) -> str:
    def f(key: str, unit: str = "s", digits: int = 2) -> str:
        return "-" if r[key] is None else f"{r[key]:.{digits}f} {unit}"

    line = (f"{r['tabs']:>3} tabs (load average {r['load_average']:.1f} before): first screen p50 {f('first_screen_p50_s')}, max {f('first_screen_max_s')}; "
            f"first reply p50 {f('first_reply_p50_s')}, max {f('first_reply_max_s')}; all at work after {f('all_at_work_s', digits=1)}; "
            f"{f('pss_per_tab_mb', 'MB', 0)} per tab (PSS: tutor {f('tutor_pss_mb', 'MB', 0)}, reader {f('reader_pss_mb', 'MB', 0)}; "
            f"RSS: tutor {f('tutor_rss_mb', 'MB', 0)}, reader {f('reader_rss_mb', 'MB', 0)}); server {f('server_pss_mb', 'MB', 0)}; "
            f"CPU per tab: {f('cpu_first_screen_per_tab_s')} to the first screen, {f('cpu_per_tab_s')} to the first reply (tutor {f('tutor_cpu_s')}, reader {f('reader_cpu_s')}); "
            f"idle {f('idle_cpu_percent_per_tab', '%', 1)} of a core per tab; "
            f"a second message from every tab at once: reply p50 {f('move_p50_s')}, max {f('move_max_s')}, {f('cpu_per_move_s')} CPU each")
    if r["failed"]:
        line += f"; {len(r['failed'])} FAILED, the first: {r['failed'][0]}"
    return line


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--tabs", type=int, nargs="+", default=[1, 10, 25], help="tab counts, one round each (default 1 10 25)")
    ap.add_argument("--timeout", type=float, default=300, help="seconds one tab may take for each step (default 300)")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    ap.add_argument("--keep-log", metavar="FILE", help="when a tab fails, copy the server's output (the tutors' errors) here")
    args = ap.parse_args(argv)
    port = free_port()
    with tempfile.TemporaryDirectory(prefix="serve-load-") as data:
        env = {k: v for k, v in os.environ.items() if k != "ROLEPLAY_READER"}  # the real reader process
        env["ROLEPLAY_DATA_DIR"] = data
        log = open(Path(data) / "serve.log", "wb")  # a file, not a pipe: nobody reads a pipe while the tabs run
        server = subprocess.Popen([sys.executable, "-m", "roleplay", "serve", "--port", str(port), "--max-tabs", str(max(args.tabs))],
                                  env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
        rounds = []
        try:
            url = f"http://127.0.0.1:{port}/"
            end = time.monotonic() + 30
            while True:
                try:
                    socket.create_connection(("127.0.0.1", port), 0.5).close()
                    break
                except OSError:
                    if time.monotonic() > end or server.poll() is not None:
                        print(f"serve_load: the server did not start: {(Path(data) / 'serve.log').read_text(errors='replace')}", file=sys.stderr)
                        return 1
                    time.sleep(0.1)
            for n in args.tabs:
                r = asyncio.run(asyncio.wait_for(one_round(url, server.pid, n, args.timeout), args.timeout * 4))
                rounds.append(r)
                if not args.json:
                    print(describe(r), flush=True)
                if r["failed"] and args.keep_log:
                    Path(args.keep_log).write_bytes((Path(data) / "serve.log").read_bytes())
        finally:
            os.killpg(server.pid, signal.SIGTERM)
            try:
                server.wait(20)
            except subprocess.TimeoutExpired:
                os.killpg(server.pid, signal.SIGKILL)
                server.wait()
            log.close()
    if args.json:
        print(json.dumps({"cpus": os.cpu_count(), "rounds": rounds}, indent=2))
    return 1 if any(r["failed"] for r in rounds) else 0


if __name__ == "__main__":
    raise SystemExit(main())
