"""Progress of a long run, on stderr only (stdout stays clean for piping).

On a terminal: one line redrawn in place, at most ten times a second, with
a bar, the count, the rate and the time left. Elsewhere (a log, CI): a plain
line every ``every`` items, and none for a run shorter than that.
"""

from __future__ import annotations

import time
from typing import TextIO


class Progress:
    def __init__(self, stream: TextIO, label: str = "grading", *, tty: bool | None = None, every: int = 500, width: int = 24):
        self.stream = stream
        self.label = label
        self.tty = stream.isatty() if tty is None else tty
        self.every = max(1, every)
        self.width = width
        self.start = time.perf_counter()
        self._drawn = 0.0
        self._open = False

    def __call__(self, done: int, total: int) -> None:
        now = time.perf_counter()
        elapsed = now - self.start
        if self.tty:
            if done < total and now - self._drawn < 0.1:
                return
            self._drawn = now
            filled = round(self.width * done / total) if total else self.width
            left = elapsed / done * (total - done) if done else 0.0
            tail = f"{elapsed:.1f} s" + (f", about {left:.0f} s left" if done < total else "")
            self.stream.write(f"\r{self.label} [{'#' * filled}{'-' * (self.width - filled)}] {done:,}/{total:,} {tail}\x1b[K")
            self._open = True
            if done >= total:
                self.close()
        elif total > self.every and (done % self.every == 0 or done == total):
            self.stream.write(f"{self.label}: {done:,}/{total:,} ({100 * done / total:.0f}%, {elapsed:.1f} s)\n")
        self.stream.flush()

    def close(self) -> None:
        if self._open:
            self.stream.write("\n")
            self.stream.flush()
            self._open = False
