"""Repairing a damaged session log, saying what was kept and what was lost.

Reading a log already skips damage (a torn last line, garbage, a hostile
line); repair makes that permanent and visible: the damaged lines are set
aside with what can still be read of them (a torn move's text goes back to
the learner as a draft), the original file is kept beside the log, and the
log is written again from the events that survived.
"""

from __future__ import annotations

import json
import os
import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from roleplay.engine.sessionlog import load_draft, read_log, save_draft

PREVIEW = 60
# What a torn line can still tell: the start of a move's text, or a start
# event's persona and seed (enough to rebuild a header).
_TEXT = re.compile(r'"text":\s*"((?:[^"\\]|\\.)*)')
_FIELD = {"persona": re.compile(r'"persona":\s*"([^"\\]{1,200})"'), "seed": re.compile(r'"seed":\s*(-?\d{1,18})')}


@dataclass
class Damage:
    line: int  # 1-based, as an editor counts
    why: str
    size: int  # bytes
    text_began: str | None = None  # what a torn move's text began with

    def describe(self) -> str:
        what = f"line {self.line} ({self.why}, {self.size:,} bytes)"
        if self.text_began:
            shown = self.text_began[:PREVIEW] + ("…" if len(self.text_began) > PREVIEW else "")
            what += f": a move that began {shown!r}"
        return what


@dataclass
class Repair:
    path: Path
    kept_events: int = 0
    kept_moves: int = 0
    damage: list[Damage] = field(default_factory=list)
    header_rebuilt: bool = False
    backup: Path | None = None
    draft: Path | None = None

    @property
    def changed(self) -> bool:
        return bool(self.damage) or self.header_rebuilt

    def summary(self) -> str:
        sid = self.path.stem
        if not self.changed:
            return f"{sid}: no damage; {self.kept_moves} move{'s' if self.kept_moves != 1 else ''} as logged"
        parts = [f"{sid}: kept {self.kept_moves} move{'s' if self.kept_moves != 1 else ''} ({self.kept_events} event{'s' if self.kept_events != 1 else ''})"]
        if self.header_rebuilt:
            parts.append("the start event was rebuilt from a damaged line")
        if self.damage:
            parts.append("set aside " + "; ".join(d.describe() for d in self.damage))
        if self.draft:
            parts.append(f"the torn message is back in the session's draft ({self.draft})")
        if self.backup:
            parts.append(f"the original is kept at {self.backup}")
        return "; ".join(parts)


def _decode_prefix(escaped: str) -> str:
    """A JSON string's text up to where it was torn (a half escape is dropped)."""
    for cut in range(len(escaped), max(-1, len(escaped) - 7), -1):
        try:
            return json.loads(f'"{escaped[:cut]}"')
        except ValueError:
            continue
    return escaped


def _parse(line: str) -> tuple[dict | None, str]:
    try:
        event = json.loads(line)
    except RecursionError:
        return None, "nested too deeply to read"
    except ValueError:
        return None, "torn or not JSON"
    if not isinstance(event, dict):
        return None, "not an event"
    return event, ""


def examine(path: Path) -> tuple[Repair, list[str]]:
    """What repair would do: the report, and the lines of the repaired log."""
    raw = path.read_bytes().decode("utf-8", errors="replace")
    report = Repair(path)
    kept: list[str] = []
    header: dict | None = None
    salvaged: dict = {}
    for number, line in enumerate(raw.split("\n"), start=1):
        line = line.removesuffix("\r")
        if not line.strip():
            continue
        event, why = _parse(line)
        if event is None:
            d = Damage(number, why, len(line.encode("utf-8")))
            if '"type": "move"' in line[:40] or '"type":"move"' in line[:40]:
                m = _TEXT.search(line)
                if m:
                    d.text_began = _decode_prefix(m.group(1))
            if '"type": "start"' in line[:40]:
                for key, pattern in _FIELD.items():
                    m = pattern.search(line)
                    if m:
                        salvaged[key] = m.group(1)
            report.damage.append(d)
            continue
        if header is None:
            if event.get("type") != "start":
                if "persona" not in salvaged:
                    raise ValueError(f"{path} has no start event that can be read or rebuilt; nothing was changed")
                header = {"type": "start", "version": 1, "session": path.stem, "persona": salvaged["persona"],
                          "seed": int(salvaged.get("seed", 0)), "rebuilt": True}
                kept.append(json.dumps(header, ensure_ascii=False))
                report.header_rebuilt = True
            else:
                header = event
                kept.append(line)
                continue
        kept.append(line)
        report.kept_events += 1
    if header is None:
        raise ValueError(f"{path} has no start event that can be read or rebuilt; nothing was changed")
    return report, kept


def repair(path: Path) -> Repair:
    """Repair ``path`` in place (the original kept as ``PATH.damaged``); raises ValueError or OSError."""
    report, kept = examine(path)
    if report.changed:
        backup = path.with_name(path.name + ".damaged")
        n = 1
        while backup.exists():
            n += 1
            backup = path.with_name(f"{path.name}.damaged-{n}")
        tmp = path.with_name(f".{path.name}.repair")
        with open(tmp, "w", encoding="utf-8", newline="\n") as f:
            f.write("".join(line + "\n" for line in kept))
            f.flush()
            os.fsync(f.fileno())
        try:
            os.link(path, backup)  # the original stays, under another name
        except OSError:
            shutil.copyfile(path, backup)
        os.replace(tmp, path)
        report.backup = backup
        torn = [d.text_began for d in report.damage if d.text_began]
        if torn and not load_draft(path.stem):
            report.draft = save_draft(path.stem, torn[-1])
    report.kept_moves = len(read_log(path).moves)
    return report
