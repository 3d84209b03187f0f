#!/usr/bin/env python3
"""A reproducible fuzzing harness for the reliability issue (issue 9).

Four input classes, each reported as: how many inputs were tried, crashes
(an exception of an unexpected type, with the first few examples), hangs
(over the class's ceiling) and p50/p95/max time per input:

(a) persona files: the shipped personas (and their scenario.yaml) mutated
    structurally (keys dropped, types swapped, unknown keys, garbage
    expressions, huge numbers, deep nesting, bad references, ...) and as raw
    text (byte flips, truncation, YAML syntax, tabs, control characters,
    invalid UTF-8, duplicate keys), through what ``roleplay validate`` and
    ``roleplay run`` call: ``validate_paths`` must never raise, and
    ``load_persona(resolve(path))`` may raise only ``ScriptError``. A file
    that loads is then played for three moves (``SessionEnded`` is fine)
    and its transcript exported. Hang ceiling: ten times what the unmutated
    file costs.
(b) adversarial messages through ``detect`` and ``terms``: random Unicode,
    controls, ANSI escapes, markup, emoji, bidi text, numbers, repeats, up
    to the cap and just over. Hang ceiling: ten times the 50 ms budget.

An input over its ceiling is timed twice more and counts as a hang only if
the best of the three is still over it (another process on a 2-core machine
is not a hang; a quadratic pattern stays slow every time).
(c) a log-corruption matrix: each case damages a session log (or the disk
    under it) and says whether reading and resuming raised only
    ValueError, how many moves were acknowledged, and how many of those
    were lost.
(d) markup and escape payloads through the UI's safe_text helpers and the
    Markdown export: the text must come out literal (no markup parsed, no
    control character left raw, nothing dropped, nothing a Markdown viewer
    would turn into a link, a heading or a list).

Every input is derived from ``--seed`` and its own index, so a failure is
reproduced by the same command. Usage::

    .venv/bin/python scripts/fuzz.py --quick --markdown
    .venv/bin/python scripts/fuzz.py --seed 1 --persona-files 300 --messages 5000 --markdown

Exit status: 0 when nothing crashed or hung (losses in the matrix are
reported, not judged), 1 otherwise.
"""

from __future__ import annotations

import argparse
import contextlib
import errno
import html
import io
import math
import os
import random
import re
import shutil
import sys
import tempfile
import time
import traceback
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

BUDGET_S = 0.050  # a message's tagging budget (scripts/bench.py, tests/test_tagging_time.py)
MESSAGE_CEILING_S = 10 * BUDGET_S
SHIPPED = ["mentor", "hr_partner", "skeptic", "startup_lead", "bank_vp"]


# ---------------------------------------------------------------- reporting


@dataclass
class Stats:
    name: str
    ceiling: float
    tried: int = 0
    crashes: int = 0
    hangs: int = 0
    times: list[float] = field(default_factory=list)
    crash_examples: list[str] = field(default_factory=list)
    hang_examples: list[str] = field(default_factory=list)
    notes: dict[str, int] = field(default_factory=dict)
    note_examples: list[str] = field(default_factory=list)
    current: str = ""

    def run(self, label: str, fn: Callable[[], Any], ceiling: float | None = None) -> Any:
        """Run one input; ``fn`` raises only what is unexpected for this class."""
        self.tried += 1
        self.current = label
        t0 = time.perf_counter()
        result = None
        try:
            result = fn()
        except Exception as exc:  # an unexpected type: the point of fuzzing
            self.crashes += 1
            if len(self.crash_examples) < 5:
                tb = traceback.extract_tb(exc.__traceback__)
                where = f"{Path(tb[-1].filename).name}:{tb[-1].lineno}" if tb else "?"
                self.crash_examples.append(f"{label}: {type(exc).__name__}: {str(exc)[:160]} (at {where})")
        dt = time.perf_counter() - t0
        limit = self.ceiling if ceiling is None else ceiling
        for _ in range(2):  # over the ceiling: timed again (a busy machine is not a hang), best of three
            if dt <= limit or len(self.crash_examples) and self.crash_examples[-1].startswith(label + ":"):
                break
            t0 = time.perf_counter()
            with contextlib.suppress(Exception):
                fn()
            dt = min(dt, time.perf_counter() - t0)
        self.times.append(dt)
        if dt > limit:
            self.hangs += 1
            if len(self.hang_examples) < 5:
                self.hang_examples.append(f"{label}: {dt:.2f} s (ceiling {limit:.2f} s)")
        return result

    def note(self, key: str, n: int = 1, example: str | None = None) -> None:
        self.notes[key] = self.notes.get(key, 0) + n
        if example is not None and len(self.note_examples) < 5:
            self.note_examples.append(f"{self.current}: {key}: {example}")

    def pct(self, p: float) -> float:
        if not self.times:
            return 0.0
        xs = sorted(self.times)
        return xs[min(len(xs) - 1, max(0, math.ceil(p * len(xs)) - 1))]


def _ms(s: float) -> str:
    return f"{s * 1000:.1f} ms" if s < 1 else f"{s:.2f} s"


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


# ---------------------------------------------------------------- (a) persona files

_NAMES = ["threat", "asks_interests", "trust", "evidence", "turn", "channel", "stalled", "new_ask", "terms_won",
          "asked.base_salary", "offer.location", "said.start_date", "mentions.signing_bonus", "within.start_date",
          "won.location", "after_decline", "goodbye", "small_talk", "tagged", "undefined_name", "__import__",
          "asked.nope", "os.system", "x.y.z", "True", "None", "case", "threats", "patience"]
_OPS = [" and ", " or ", " not ", " == ", " != ", " < ", " <= ", " > ", " >= ", " + ", " - ", " * ", " ** ",
        " is ", " in ", " if ", " else ", "(", ")", "[", "]", ",", ".", ":", " lambda ", "=", "+=", "-=", ";", "@"]
_ATOMS = ["0", "1", "-1", "9" * 40, "10**400", "1e400", "0x" + "f" * 60, "0.25", "'Denver'", '"June 23"', "''",
          '"\\x00"', "'🙂'", "f'{x}'", "b'x'", "...", "[]", "{}", "😀", "\u202e", "\t", "é", "ı"]


def _expression(r: random.Random) -> str:
    kind = r.random()
    if kind < 0.1:
        depth = r.choice([50, 99, 100, 101, 199, 200, 201, 240])
        return "(" * depth + r.choice(_NAMES) + ")" * r.choice([depth, depth - 1, 0])
    if kind < 0.15:
        return r.choice(["not ", "- ", "~"]) * r.randint(1, 160) + r.choice(_NAMES)
    if kind < 0.2:
        return " < ".join(r.choice(_NAMES) for _ in range(r.randint(2, 90)))
    if kind < 0.25:
        return "".join(chr(r.randint(0x20, 0x2FFF)) for _ in range(r.randint(1, 40)))
    if kind < 0.3:
        return "x" * r.choice([499, 500, 501, 2000])
    parts = []
    for _ in range(r.randint(1, 9)):
        parts.append(r.choice(_NAMES) if r.random() < 0.5 else r.choice(_ATOMS))
        parts.append(r.choice(_OPS))
    return "".join(parts[:-1]) if r.random() < 0.7 else "".join(parts)


_ODD_VALUES: list[Any] = ["", " ", "text", 0, -1, 1, 3.5, -0.0, True, False, None, [], {}, ["a"], {"x": 1},
                          10**15 - 1, 10**15, -(10**15), 2**63, 1e-320, 1e15, "x" * 2001, "x" * 4001,
                          "\x00\x1b[31m", "é" * 100, "June 31", "2027-02-30", "--13-45", "🙂", "\u202eevil",
                          "yes", "No", "~", "null", "0x10", "1_000", "+12", "0o17"]
_UNKNOWN_KEYS = ["efects", "whenn", "x", "", "🙂", "on", "null", "123", "key with spaces", "k" * 300, "<<",
                 "id", "say", "goto", "\x00", "true", "Ωmega"]


def _paths(data: Any, prefix: tuple = ()) -> list[tuple]:
    out = [prefix]
    if isinstance(data, dict):
        for k, v in data.items():
            out += _paths(v, prefix + (k,))
    elif isinstance(data, list):
        for i, v in enumerate(data):
            out += _paths(v, prefix + (i,))
    return out


def _get(data: Any, path: tuple) -> Any:
    for p in path:
        data = data[p]
    return data


def _set(data: Any, path: tuple, value: Any) -> Any:
    if not path:
        return value
    _get(data, path[:-1])[path[-1]] = value
    return data


def _nest(r: random.Random, depth: int) -> Any:
    v: Any = r.choice(["x", 1, None])
    for _ in range(depth):
        v = [v] if r.random() < 0.5 else {"k": v}
    return v


def mutate_structure(r: random.Random, data: Any, state_names: list[str]) -> Any:
    """One structural mutation of parsed persona or scenario data."""
    paths = _paths(data)
    op = r.choice(["drop", "drop", "swap", "swap", "unknown", "expr", "expr", "expr", "number", "nest", "long",
                   "ref", "template", "empty", "rename", "move"])
    path = r.choice(paths)
    if op == "drop":
        dicts = [p for p in paths if isinstance(_get(data, p), dict) and _get(data, p)]
        if dicts:
            p = r.choice(dicts)
            del _get(data, p)[r.choice(list(_get(data, p)))]
        return data
    if op == "swap":
        return _set(data, path, r.choice(_ODD_VALUES))
    if op == "unknown":
        dicts = [p for p in paths if isinstance(_get(data, p), dict)]
        if dicts:
            _get(data, r.choice(dicts))[r.choice(_UNKNOWN_KEYS)] = r.choice(_ODD_VALUES + ["x"])
        return data
    if op == "expr":
        targets = [p for p in paths if p and (p[-1] == "when" or (len(p) > 1 and p[-2] == "effects"))]
        if targets:
            return _set(data, r.choice(targets), _expression(r))
        return data
    if op == "number":
        nums = [p for p in paths if isinstance(_get(data, p), (int, float)) and not isinstance(_get(data, p), bool)]
        value = r.choice([10**15 - 1, 10**15, -(10**15) + 1, 2**63, 2**64 + 1, 1e14 + 0.5, 1e300, -1e300,
                          float("inf"), float("-inf"), float("nan"), 0, -1, 10**14 * 9])
        return _set(data, r.choice(nums), value) if nums else data
    if op == "nest":
        return _set(data, path, _nest(r, r.choice([10, 62, 63, 64, 65, 66, 80])))
    if op == "long":
        strs = [p for p in paths if isinstance(_get(data, p), str)]
        value = r.choice(["a" * 2000, "a" * 2001, "a" * 4000, "a" * 4001, "é" * 2001, "word " * 20_000])
        return _set(data, r.choice(strs), value) if strs else data
    if op == "ref":
        refs = [p for p in paths if p and p[-1] in ("goto", "start", "scenario") or (len(p) > 1 and p[-2] in ("only_in", "except_in"))]
        value = r.choice(state_names + ["nowhere", "", "Start", "offer_call ", "🙂", "a" * 48, "a" * 49])
        return _set(data, r.choice(refs), value) if refs else data
    if op == "template":
        strs = [p for p in paths if isinstance(_get(data, p), str) and len(p) > 1]
        value = r.choice(["{", "}", "{}", "{unknown}", "{offer.base_salary}", "{{learner}}", "{research.}",
                          "{" * 100 + "x", "{offer.location} {deal} {manager_first}", "{start.}", "{learner"])
        return _set(data, r.choice(strs), value) if strs else data
    if op == "empty":
        for key in ("states", "endings", "variables", "terms", "always", "fallback", "opening"):
            if isinstance(data, dict) and key in data and r.random() < 0.3:
                data[key] = {} if isinstance(data[key], dict) else []
        return data
    if op == "rename":
        if isinstance(data, dict) and isinstance(data.get("states"), dict) and data["states"]:
            old = r.choice(list(data["states"]))
            data["states"][old + "_renamed"] = data["states"].pop(old)
        return data
    # move: one subtree where another belongs
    a, b = r.choice(paths), r.choice(paths)
    if a and b and a[: len(b)] != b and b[: len(a)] != a:
        va, vb = _get(data, a), _get(data, b)
        _set(data, a, vb)
        _set(data, b, va)
    return data


_SYNTAX = [": ", "- ", "[", "]", "{", "}", "&a ", "*a", "!!python/object/apply:os.system ['true']", "!!binary aGk=",
           "? ", "|\n", ">-\n", "\n---\n", "\n...\n", "%YAML 1.1\n", "\t", "#", '"', "'", "\\", "\x00", "\ufeff",
           "\r", "\u2028", "<<: *a\n", "!custom ", "@", "`", "%", "\n  - ", ":\n", "{{", "}}", "on: yes\n",
           "a: &x [1]\nb: *x\n", "!!set {a, b}", "!!omap [a: 1]", "2027-06-23", "0x" + "f" * 5000, "1e400",
           "[" * 201, "{" * 199 + "}" * 199, "key: value\nkey: again\n", "\x85", "\x1b[2J"]
_BAD_BYTES = [b"\xff", b"\xfe\xff", b"\xc3\x28", b"\xed\xa0\x80", b"\xf4\x90\x80\x80", b"\xc0\xaf", b"\x80", b"\xe2\x82"]


def mutate_text(r: random.Random, raw: bytes) -> bytes:
    """One raw mutation of a YAML file's bytes."""
    op = r.choice(["flip", "truncate", "syntax", "syntax", "dup", "delete", "tab", "control", "utf8", "crlf",
                   "bom", "swap", "indent", "number"])
    lines = raw.split(b"\n")
    if op == "number":  # a number of the file written huge
        spots = list(re.finditer(rb"(?<![\w.])\d+(?![\w.])", raw))
        if spots:
            spot = r.choice(spots)
            huge = r.choice([b"1e400", b"-1e400", b"0x" + b"f" * 5000, b"9" * 5000, b"0o" + b"7" * 6000, b"1" + b"0" * 15])
            return raw[: spot.start()] + huge + raw[spot.end():]
        return raw
    if op == "flip" and raw:
        b = bytearray(raw)
        for _ in range(r.randint(1, 8)):
            i = r.randrange(len(b))
            b[i] ^= 1 << r.randrange(8)
        return bytes(b)
    if op == "truncate":
        return raw[: r.randint(0, len(raw))]
    if op == "syntax":
        i = r.randint(0, len(raw))
        return raw[:i] + r.choice(_SYNTAX).encode("utf-8") + raw[i:]
    if op == "dup":  # a duplicate key, at any depth
        i = r.randrange(len(lines))
        return b"\n".join(lines[: i + 1] + [lines[i]] + lines[i + 1:])
    if op == "delete":
        i = r.randrange(len(lines))
        return b"\n".join(lines[:i] + lines[i + 1:])
    if op == "tab":
        i = r.randrange(len(lines))
        stripped = lines[i].lstrip(b" ")
        lines[i] = b"\t" * r.randint(1, 2) + stripped if len(stripped) < len(lines[i]) or r.random() < 0.3 else lines[i].replace(b" ", b"\t", 1)
        return b"\n".join(lines)
    if op == "control":
        i = r.randint(0, len(raw))
        c = r.choice([r.randint(0, 31), 127, r.randint(0x80, 0x9F), 0x2028, 0x2029, 0xFEFF, 0x202E])
        return raw[:i] + chr(c).encode("utf-8") + raw[i:]
    if op == "utf8":
        i = r.randint(0, len(raw))
        return raw[:i] + r.choice(_BAD_BYTES) + raw[i:]
    if op == "crlf":
        return raw.replace(b"\n", r.choice([b"\r\n", b"\r", b"\n\n", b"\x85"]))
    if op == "bom":
        return r.choice([b"\xef\xbb\xbf", b"\xef\xbb\xbf\xef\xbb\xbf", b"\xff\xfe"]) + raw
    if op == "swap":
        i, j = r.randrange(len(lines)), r.randrange(len(lines))
        lines[i], lines[j] = lines[j], lines[i]
        return b"\n".join(lines)
    i = r.randrange(len(lines))  # indent: shift a run of lines
    n = r.randint(1, 12)
    shift = r.choice([b" ", b"  ", b"   "])
    if r.random() < 0.5:
        lines[i:i + n] = [shift + x for x in lines[i:i + n]]
    else:
        lines[i:i + n] = [x[len(shift):] if x.startswith(shift) else x for x in lines[i:i + n]]
    return b"\n".join(lines)


def dump_yaml(data: Any) -> bytes:
    from ruamel.yaml import YAML

    y = YAML(typ="safe", pure=True)
    y.default_flow_style = False
    y.allow_unicode = True
    y.width = 4096
    buf = io.StringIO()
    y.dump(data, buf)
    return buf.getvalue().encode("utf-8")


PLAY_MOVES = ["Thank you so much for the offer, I'm excited to join.",
              "Could we talk about the start date? Would June 23 work, or 2027-07-01?",
              "I have another offer at $135k, so I need $140,000 or I walk."]


@dataclass
class PersonaBase:
    pid: str
    path: Path
    text: bytes
    data: Any
    scenario_text: bytes
    scenario_data: Any
    states: list[str]


def persona_bases() -> list[PersonaBase]:
    from roleplay.persona.loader import resolve
    from roleplay.source.yamlsource import load_yaml_text

    out = []
    for pid in SHIPPED:
        path = resolve(pid)
        text = path.read_bytes()
        scen = path.parent / "scenario.yaml"
        data = load_yaml_text(text.decode("utf-8"), str(path)).data
        sdata = load_yaml_text(scen.read_text(encoding="utf-8"), str(scen)).data
        out.append(PersonaBase(pid, path, text, data, scen.read_bytes(), sdata,
                               list(data.get("states", {})) + list(data.get("endings", {}))))
    return out


def check_persona_files(folder: Path, persona_file: Path, scenario_mutated: bool, stats: Stats, seed: int) -> None:
    """What ``roleplay validate`` and ``roleplay run`` do with the file."""
    from roleplay.engine.export import transcript_markdown
    from roleplay.engine.session import Session, SessionEnded
    from roleplay.source.diagnostics import ScriptError
    from roleplay.persona.loader import load_persona, resolve
    from roleplay.authoring.validate import validate_paths

    paths = [persona_file] + ([folder / "scenario.yaml"] if scenario_mutated else [])
    diagnostics, _ = validate_paths(paths)  # must never raise
    own = [d for d in diagnostics if d.file.endswith(persona_file.name) or "does not load" in d.message]
    try:
        lp = load_persona(resolve(str(persona_file)))
    except ScriptError as exc:
        stats.note("refused with ScriptError")
        if not exc.diagnostics:
            raise AssertionError("a ScriptError with no diagnostic") from None
        if not scenario_mutated and not any(d.severity == "error" for d in own):
            stats.note("load refused what validate passed", example=str(exc.errors[0] if exc.errors else exc)[:200])
        return
    if any(d.severity == "error" for d in own) and not scenario_mutated:
        stats.note("refused only by validate's walk (by design)", example=str(next(d for d in own if d.severity == "error"))[:200])
    stats.note("loaded")
    s = Session(lp, seed)
    for text in PLAY_MOVES:
        try:
            s.play(text)
        except SessionEnded:
            break
    s.transcript().to_json()
    transcript_markdown(s.transcript(), lp)


def fuzz_personas(n: int, seed: int, work: Path) -> list[Stats]:
    import copy

    bases = persona_bases()
    ceilings = {}
    by_mode = {True: Stats("(a) persona files, structural mutations: validate + load + play", 0.0),
               False: Stats("(a) persona files, raw text mutations: validate + load + play", 0.0)}
    # The ceiling: ten times what the unmutated file costs (the explore walk
    # of a big persona takes seconds; a small mutated file must not take minutes).
    for b in bases:
        folder = work / f"base-{b.pid}" / "p"
        folder.mkdir(parents=True)
        (folder / "scenario.yaml").write_bytes(b.scenario_text)
        (folder / f"{b.pid}.yaml").write_bytes(b.text)
        t0 = time.perf_counter()
        check_persona_files(folder, folder / f"{b.pid}.yaml", False, Stats("baseline", 1e9), 0)
        ceilings[b.pid] = max(1.0, 10 * (time.perf_counter() - t0))
        shutil.rmtree(folder.parent)
    for i in range(n):
        r = random.Random(f"{seed}:persona:{i}")
        b = r.choice(bases)
        on_scenario = r.random() < 0.15
        structural = r.random() < 0.55
        raw_text, raw_scen = b.text, b.scenario_text
        k = r.choice([1, 1, 1, 2, 3])
        if structural:
            data = copy.deepcopy(b.scenario_data if on_scenario else b.data)
            for _ in range(k):
                data = mutate_structure(r, data, b.states)
            try:
                mutated = dump_yaml(data)
            except Exception:  # the dumper refuses some shapes: use the raw mutations instead
                mutated = mutate_text(r, b.scenario_text if on_scenario else b.text)
                structural = False
        else:
            mutated = b.scenario_text if on_scenario else b.text
            for _ in range(k):
                mutated = mutate_text(r, mutated)
        if on_scenario:
            raw_scen = mutated
        else:
            raw_text = mutated
        folder = work / f"case-{i}" / "p"  # alone in its parent: no sibling scenario is found
        folder.mkdir(parents=True)
        (folder / "scenario.yaml").write_bytes(raw_scen)
        pfile = folder / f"{b.pid}.yaml"
        pfile.write_bytes(raw_text)
        label = f"case {i} ({b.pid}, {'scenario' if on_scenario else 'persona'}, {'structural' if structural else 'raw'})"
        stats = by_mode[structural]
        stats.run(label, lambda: check_persona_files(folder, pfile, on_scenario, stats, i), ceilings[b.pid])
        shutil.rmtree(folder.parent, ignore_errors=True)
    return [by_mode[True], by_mode[False]]


# ---------------------------------------------------------------- (b) messages

_ANSI = ["\x1b[31m", "\x1b[0m", "\x1b[2J", "\x1b[H", "\x1bc", "\x1b]52;c;aGVsbG8=\x07", "\x1b]8;;https://evil.example\x1b\\link\x1b]8;;\x1b\\",
         "\x1b]0;title\x07", "\x1bP1$r\x1b\\", "\x9b31m", "\x9d0;x\x9c", "\x1b[?1049h", "\x1b[6n", "\x1b[" + "9" * 50 + "m"]
_MARKUP = ["[bold]", "[/]", "[/bold]", "[link=https://evil.example]click[/link]", "[@click=app.quit]", "[red on blue]",
           "[", "]", "\\[", "[[", "]]", "[b]x[/i]", "[on #ff0000]", "[link='javascript:alert(1)']", ":smile:",
           "[italic", "[/ ]", "[b][b][b][b]", "$var", "{x}", "**bold**", "<script>", "&amp;", "`code`"]
_EMOJI = ["👨‍👩‍👧‍👦", "🏳️‍🌈", "🇺🇸", "👍🏽", "1️⃣", "❤️", "🧑‍💻", "👩🏿‍🦰", "🫠", "\U0001f600" * 3, "☺︎", "🏴󠁧󠁢󠁳󠁣󠁴󠁿"]
_BIDI = ["\u202e", "\u202d", "\u202a", "\u202b", "\u202c", "\u2066", "\u2067", "\u2068", "\u2069", "\u200e", "\u200f",
         "\u061c", "שלום", "مرحبا، أريد 128 ألف", "\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad", "\U000e0041"]
_WORDS = ["I", "would", "love", "to", "join", "but", "the", "base", "salary", "signing", "bonus", "start", "date",
          "office", "days", "remote", "Denver", "Chicago", "could", "we", "talk", "call", "offer", "another", "walk",
          "away", "unless", "thanks", "sorry", "appreciate", "team", "relocation", "equity", "title", "Senior",
          "pto", "weeks", "months", "please", "need", "want", "k", "$", "%", "per", "year", "hour", "June", "March"]
_NUMBERS = ["128k", "$128,000", "128.000 EUR", "1.2 lakh", "€700/day", "June 23", "2027-06-23", "23rd of June",
            "3 days", "0.25%", "one hundred and twenty thousand", "twenty five hundred", "$1,", "1,20,000", "9" * 20,
            "9" * 400, "$" + "9" * 330, "1e400", "0x" + "f" * 30, "-5k", "$-1", "999999999999999999 days", "½", "١٢٨"]


def _cap() -> int:
    from roleplay.analysis.normalize import MAX_CHARS

    return MAX_CHARS


def _unicode_soup(r: random.Random, n: int) -> str:
    out = []
    for _ in range(n):
        x = r.random()
        if x < 0.5:
            c = r.randint(0x20, 0x7E)
        elif x < 0.8:
            c = r.randint(0xA0, 0xD7FF)
        elif x < 0.9:
            c = r.randint(0xE000, 0xFFFD)
        else:
            c = r.randint(0x10000, 0x10FFFF)
        out.append(chr(c))
    return "".join(out)


def message(r: random.Random) -> tuple[str, str]:
    """(class, text): one adversarial message."""
    cap = _cap()
    kind = r.choice(["unicode", "controls", "ansi", "markup", "emoji", "bidi", "negotiation", "numbers", "repeat",
                     "cap-edge", "separators"])
    if kind == "unicode":
        return kind, _unicode_soup(r, r.choice([0, 1, 5, 50, 500, cap, cap + 1, cap + 50]))
    if kind == "controls":
        return kind, "".join(chr(r.choice([r.randint(0, 31), 127, r.randint(0x80, 0x9F), 0x2028, 0x2029, 0x85]))
                             if r.random() < 0.4 else r.choice(_WORDS) + " " for _ in range(r.randint(1, 400)))
    pieces = {"ansi": _ANSI, "markup": _MARKUP, "emoji": _EMOJI, "bidi": _BIDI}.get(kind)
    if pieces is not None:
        return kind, "".join(r.choice(pieces) if r.random() < 0.5 else r.choice(_WORDS) + " " for _ in range(r.randint(1, 300)))
    if kind == "negotiation":
        return kind, " ".join(r.choice(_WORDS + _NUMBERS) for _ in range(r.randint(1, 120))) + r.choice([".", "?", "!", ""])
    if kind == "numbers":
        return kind, r.choice(["", "I want ", "a signing bonus of ", "base "]) + " ".join(r.choice(_NUMBERS) for _ in range(r.randint(1, 60)))
    if kind == "repeat":
        token = r.choice(_WORDS + _NUMBERS + _EMOJI + _MARKUP + ["ok", "a", "!", " ", "\n", "$1,"])
        sep = r.choice([" ", "", ", ", "\n", ". ", " and "])
        unit = token + sep
        n = r.choice([cap - 1, cap, cap + 1, cap + 7, cap // 2])
        return kind, (unit * (n // max(1, len(unit)) + 1))[:n]
    if kind == "cap-edge":
        body = " ".join(r.choice(_WORDS) for _ in range(cap))[: cap - 1]
        return kind, body + r.choice(_EMOJI + _BIDI + ["\r\n", "é", "\U0001f600", "$128k"])
    return kind, r.choice(["\u2028", "\u2029", "\x85", "\r", "\n", "\r\n", "\x0b", "\x0c"]).join(r.choice(_WORDS) for _ in range(r.randint(1, 200)))


def fuzz_messages(n: int, seed: int) -> Stats:
    from roleplay.analysis.detector import detect
    from roleplay.analysis.terms import terms

    detect("warm up")
    stats = Stats("(b) messages: detect + terms", MESSAGE_CEILING_S)
    for i in range(n):
        r = random.Random(f"{seed}:message:{i}")
        kind, text = message(r)
        stats.note(kind)

        def run(text=text):
            d = detect(text)
            d.to_json() if hasattr(d, "to_json") else None
            [t.as_json() for t in terms(text)]

        stats.run(f"message {i} ({kind}, {len(text)} chars, {text[:40]!r})", run)
    return stats


# ---------------------------------------------------------------- (c) log corruption

MATRIX_MOVES = ["Hi Priya, thanks for the welcome note, I'm really looking forward to joining.",
                "Something has come up that I would like to talk through with you.",
                "Could we find twenty minutes for a call this week?",
                "Thanks, that works. Tuesday at ten is good for me.",
                "I wanted to ask how the Denver office is doing these days.",
                "What would the team there need from a new analyst?"]


@dataclass
class MatrixRow:
    case: str
    raised: str = "nothing"
    acknowledged: int = 0
    in_log: int | str = 0
    lost: int | str = 0
    consistent: str = "yes"
    note: str = ""
    seconds: float = 0.0


@contextlib.contextmanager
def _env(**values: str):
    old = {k: os.environ.get(k) for k in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for k, v in old.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v


@contextlib.contextmanager
def _patched(obj: Any, name: str, value: Any):
    old = getattr(obj, name)
    setattr(obj, name, value)
    try:
        yield
    finally:
        setattr(obj, name, old)


def _log_path(conv) -> Path | None:
    from roleplay.engine.sessionlog import sessions_dir

    if conv.log is not None:
        return conv.log.path
    found = sorted(sessions_dir().glob("*.jsonl"))
    return found[0] if found else None


def _finish_row(row: MatrixRow, conv, played: list[str], acked: list[bool]) -> None:
    """Read the log back as the home screen and 'roleplay resume' do."""
    from roleplay.engine.conversation import Conversation
    from roleplay.engine.sessionlog import list_sessions, read_log

    row.acknowledged = sum(acked)
    unexpected = []
    path = _log_path(conv)
    logged = None
    try:
        list_sessions(include_ended=True)
    except Exception as exc:
        unexpected.append(f"list_sessions: {type(exc).__name__}")
    if path is not None and path.exists():
        try:
            logged = read_log(path)
        except ValueError as exc:
            row.raised = f"ValueError ({str(exc).split(' (')[-1].rstrip(')')})"
        except Exception as exc:
            unexpected.append(f"read_log: {type(exc).__name__}: {exc}")
    else:
        row.raised = "no log file"
    texts = [m.text for m in logged.moves] if logged else []
    row.in_log = len(texts)
    lost = 0
    for i, (text, ok) in enumerate(zip(played, acked)):
        if ok and (i >= len(texts) or texts[i] != text):
            lost += 1
    row.lost = lost
    if logged is not None:
        try:
            resumed = Conversation.resume(logged)
            row.consistent = "yes" if resumed.session.transcript().to_json() == conv.session.transcript().to_json() else "no"
        except Exception as exc:
            unexpected.append(f"resume: {type(exc).__name__}: {exc}")
            row.consistent = "—"
    else:
        row.consistent = "—"
    if unexpected:
        row.raised = "UNEXPECTED " + "; ".join(unexpected)


def _play(conv, text: str, played: list[str], acked: list[bool]) -> None:
    turn = conv.play(text)
    played.append(text)
    # Acknowledged: the move came back with no "not saved" notice for it.
    failed = (conv.log_problem or "").startswith(f"move {turn.n} could not be saved")
    acked.append(conv.log is not None and not failed)


def _matrix_case(name: str, persona, work: Path, body: Callable, note: str = "") -> MatrixRow:
    from roleplay.engine.conversation import Conversation

    row = MatrixRow(name, note=note)
    t0 = time.perf_counter()
    data = work / re.sub(r"\W+", "-", name)
    data.mkdir(parents=True)
    with _env(ROLEPLAY_DATA_DIR=str(data)):
        played: list[str] = []
        acked: list[bool] = []
        try:
            conv = body(Conversation, persona, played, acked, data)
            _finish_row(row, conv, played, acked)
        except Exception as exc:
            row.raised = f"UNEXPECTED {type(exc).__name__}: {str(exc)[:120]}"
            row.consistent = "—"
    os.chmod(data, 0o700)
    shutil.rmtree(data, ignore_errors=True)
    row.seconds = time.perf_counter() - t0
    return row


def log_matrix(work: Path) -> list[MatrixRow]:
    from roleplay.persona.loader import load_persona, resolve

    persona = load_persona(resolve("mentor"))
    M = MATRIX_MOVES
    rows = []

    def plain(n):
        def body(Conversation, persona, played, acked, data):
            conv = Conversation.start(persona, 3)
            for t in M[:n]:
                _play(conv, t, played, acked)
            return conv
        return body

    def then(n, damage, more=0):
        def body(Conversation, persona, played, acked, data):
            conv = plain(n)(Conversation, persona, played, acked, data)
            damage(_log_path(conv), conv)
            for t in M[n:n + more]:
                _play(conv, t, played, acked)
            return conv
        return body

    def torn(path, conv):
        with open(path, "ab") as f:
            f.write(b'{"type": "move", "text": "a move the kill cut sh')

    rows.append(_matrix_case("torn last line (a kill mid-write)", persona, work, then(4, torn)))
    rows.append(_matrix_case("torn last line, then one more move", persona, work, then(4, torn, 1)))

    def cut_half(path, conv):
        raw = path.read_bytes()
        path.write_bytes(raw[: len(raw) // 2])

    rows.append(_matrix_case("file cut to half its size", persona, work, then(4, cut_half),
                             "the disk lost what was acknowledged: counted, not a software fault"))

    def cut_middle(path, conv):
        raw = path.read_bytes()
        lines = raw.split(b"\n")
        lines[2] = lines[2][: len(lines[2]) // 2]  # move 2's line loses its second half
        path.write_bytes(b"\n".join(lines))

    rows.append(_matrix_case("a line cut in the middle of the file", persona, work, then(4, cut_middle),
                             "external damage to move 2's line"))

    def garbage(path, conv):
        with open(path, "ab") as f:
            f.write(bytes(random.Random(7).randrange(256) for _ in range(300)) + b"\xff\xfe\x00\n\x00\x00")

    rows.append(_matrix_case("garbage bytes appended, then one more move", persona, work, then(4, garbage, 1)))

    def garbage_inside(path, conv):
        raw = path.read_bytes().split(b"\n")
        raw.insert(2, b"\x00\xff\xfe garbage \x1b[2J {\"type\": \"undo\"")
        path.write_bytes(b"\n".join(raw))

    rows.append(_matrix_case("garbage line between moves", persona, work, then(4, garbage_inside)))

    def nested(path, conv):
        with open(path, "ab") as f:
            f.write(b"[" * 100_000 + b"\n" + b'{"type": "move", "text": "x", "tags": ' + b"[" * 50_000 + b"]" * 50_000 + b"}\n")

    rows.append(_matrix_case("deeply nested JSON lines, then one more move", persona, work, then(4, nested, 1)))

    def separators(Conversation, persona, played, acked, data):
        conv = Conversation.start(persona, 3)
        for t in ["Hi Priya,\u2028thank you\u2029for the note\x85I am glad.", M[1], "Could we talk\u2028on a call?\r\nThanks."]:
            _play(conv, t, played, acked)
        return conv

    rows.append(_matrix_case("U+2028, U+2029, U+0085 and CRLF in messages", persona, work, separators))

    def torn_header(path, conv):
        raw = path.read_bytes()
        path.write_bytes(raw[: raw.index(b"\n") // 2])

    rows.append(_matrix_case("torn start event (a kill in the first write)", persona, work, then(0, torn_header),
                             "nothing was acknowledged"))

    def surrogate(Conversation, persona, played, acked, data):
        conv = plain(2)(Conversation, persona, played, acked, data)
        path = _log_path(conv)
        conv.close()
        with open(path, "ab") as f:  # a hand-edited or damaged log may spell one
            f.write(b'{"type": "move", "text": "a lone surrogate \\ud800 here"}\n')
        from roleplay.engine.sessionlog import read_log

        resumed = Conversation.resume(read_log(path))
        played.append("a lone surrogate \ud800 here")
        acked.append(True)
        _play(resumed, M[2], played, acked)
        return resumed

    rows.append(_matrix_case("a logged move spelling a lone surrogate (\\ud800), resumed, one more move", persona, work, surrogate))

    def no_start(path, conv):
        lines = path.read_bytes().split(b"\n")
        path.write_bytes(b"\n".join(lines[1:]))

    rows.append(_matrix_case("missing start event", persona, work, then(4, no_start),
                             "the header is gone: the session cannot be resumed (listing skips it)"))
    rows.append(_matrix_case("empty file", persona, work, then(4, lambda p, c: p.write_bytes(b"")),
                             "everything was lost by the disk"))
    rows.append(_matrix_case("log deleted mid-session, then one more move", persona, work,
                             then(3, lambda p, c: p.unlink(), 1)))

    def blocked(Conversation, persona, played, acked, data):
        target = data / "blocked"
        target.write_text("a file where the data folder should be")
        with _env(ROLEPLAY_DATA_DIR=str(target)):
            conv = Conversation.start(persona, 3)
            for t in M[:3]:
                _play(conv, t, played, acked)
        if conv.log_problem is None:
            raise AssertionError("no notice that the session is not saved")
        return conv

    rows.append(_matrix_case("read-only data dir (a file in its place)", persona, work, blocked,
                             "not saved from the start; the tutor says so"))

    def erofs_mid(Conversation, persona, played, acked, data):
        conv = plain(2)(Conversation, persona, played, acked, data)
        real_open = os.open

        def ro(path, flags, *a, **k):
            if flags & (os.O_WRONLY | os.O_RDWR | os.O_APPEND | os.O_CREAT):
                raise OSError(errno.EROFS, "Read-only file system", str(path))
            return real_open(path, flags, *a, **k)

        with _patched(os, "open", ro):
            _play(conv, M[2], played, acked)
        for t in M[3:5]:
            _play(conv, t, played, acked)
        return conv

    rows.append(_matrix_case("data dir read-only for one move (EROFS), writable again", persona, work, erofs_mid))

    def chmod_ro(Conversation, persona, played, acked, data):
        conv = plain(2)(Conversation, persona, played, acked, data)
        path = _log_path(conv)
        os.chmod(path, 0o400)
        os.chmod(path.parent, 0o500)
        try:
            _play(conv, M[2], played, acked)
        finally:
            os.chmod(path.parent, 0o700)
            os.chmod(path, 0o600)
        return conv

    rows.append(_matrix_case("log file and folder chmod read-only mid-session", persona, work, chmod_ro,
                             "as root the permissions are not enforced" if os.geteuid() == 0 else ""))

    def enospc(mode):
        def body(Conversation, persona, played, acked, data):
            conv = plain(2)(Conversation, persona, played, acked, data)
            real_write = os.write
            calls = {"n": 0}

            def full(fd, buf):
                calls["n"] += 1
                if mode == "short" and calls["n"] == 1:
                    return real_write(fd, bytes(buf[: max(1, len(buf) // 3)]))
                if mode == "zero":
                    return 0
                raise OSError(errno.ENOSPC, "No space left on device")

            with _patched(os, "write", full):
                _play(conv, M[2], played, acked)
            for t in M[3:5]:
                _play(conv, t, played, acked)
            return conv
        return body

    rows.append(_matrix_case("disk full: a short write, then ENOSPC, then space again", persona, work, enospc("short")))
    rows.append(_matrix_case("disk full: ENOSPC on the first write, then space again", persona, work, enospc("raise")))
    rows.append(_matrix_case("disk full: write() returns 0, then space again", persona, work, enospc("zero")))

    def fsync_fails(Conversation, persona, played, acked, data):
        conv = plain(2)(Conversation, persona, played, acked, data)
        with _patched(os, "fsync", lambda fd: (_ for _ in ()).throw(OSError(errno.EIO, "Input/output error"))):
            _play(conv, M[2], played, acked)
        _play(conv, M[3], played, acked)
        return conv

    rows.append(_matrix_case("fsync fails (EIO) for one move", persona, work, fsync_fails))
    return rows


# ---------------------------------------------------------------- (d) markup payloads

PAYLOADS = [
    "[bold]not bold[/bold]", "I want [/] more", "[@click=app.quit]quit[/]", "[link=https://evil.example]click[/link]",
    "[red on white]colour[/]", "\\[escaped\\] and [unclosed", "\x1b[31mred\x1b[0m", "\x1b[2J\x1b[H cleared",
    "\x1b]52;c;aGVsbG8gd29ybGQ=\x07 clipboard", "\x1b]8;;https://evil.example\x1b\\hyperlink\x1b]8;;\x1b\\",
    "\x1b]0;window title\x07", "\x9b31m C1 CSI \x9d OSC \x9c", "ding\x07 bell \x00 nul \x7f del \x08 backspace",
    "\u202eevil reversed\u202c", "\u2066isolate\u2069 \u200f rlm \u061c alm", "zero\u200bwidth\u2060joiner\ufeffbom",
    "tag chars \U000e0068\U000e0069", "soft\u00adhyphen and ZWJ 👨‍👩‍👧 ZWNJ می‌خواهم",
    "# heading?\n- list?\n1. ordered?\n> quote?\n---", "**bold** _em_ `code` ~~strike~~ <b>html</b> &copy;",
    "see https://evil.example/?a=1&b=2 and www.evil.com", "| a | b |\n|---|---|\n| c | d |",
    "![img](https://evil.example/x.png) [link](javascript:alert(1))", "line\r\nwith CRLF\rand CR\u2028LS\u2029PS\x85NEL",
    "    four spaces: code?", "tab\tseparated\tvalues", "x" * 50_000, ("[b]" * 12_500), ("\x1b[31m" * 10_000),
    "🙂" * 20_000, "{learner} {offer.base_salary} {{x}}", "$(rm -rf /) `id` ${HOME}",
    "write to alex.doe@example.com", "trailing spaces  \nand a backslash\\\nnext",
]

_RAW_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\U000e0000-\U000e007f]")
_MD_BLOCK_TAGS = re.compile(r"<(h[1-6]|ul|ol|li|hr|pre|code|table|em|strong|a|img|del|s)\b")


def _kept(raw: str, shown: str) -> bool:
    """Nothing dropped: every safe character of ``raw`` is still there."""
    from collections import Counter

    need = Counter(c for c in raw.replace("\r\n", "\n").replace("\t", " ") if not _RAW_UNSAFE.match(c))
    have = Counter(shown)
    return all(have[c] >= n for c, n in need.items() if c not in "\n\r\x85\u2028\u2029")


def check_payload(text: str, persona) -> tuple[list[str], float]:
    """(what is not literal, seconds the product's own calls took: the
    Markdown rendering that checks them is not counted)."""
    from markdown_it import MarkdownIt

    from roleplay.engine.export import markdown_escape, transcript_markdown
    from roleplay.engine.session import Session
    from roleplay.ui.safe_text import clean, content, highlighted, one_line

    t0 = time.perf_counter()
    shown, line, c = clean(text), one_line(text), content(text)
    h, md = highlighted(text, [text[:12], text[-5:]]), markdown_escape(text)
    s = Session(persona, 0)
    s.play(text)
    doc = transcript_markdown(s.transcript(), persona)
    spent = time.perf_counter() - t0

    problems = []
    if _RAW_UNSAFE.search(shown):
        problems.append("clean() left a control or invisible character raw")
    if not _kept(text, shown):
        problems.append("clean() dropped characters")
    if "\n" in line or _RAW_UNSAFE.search(line):
        problems.append("one_line() left a newline or control")
    if c.plain != shown or c.spans or "".join(seg.text for seg in c.render_segments()) != shown:
        problems.append("content() is not literal")
    if h.plain != shown:
        problems.append("highlighted() is not literal")
    if _RAW_UNSAFE.search(md):
        problems.append("markdown_escape() left a control raw")
    rendered = MarkdownIt("gfm-like").render(md)
    if _MD_BLOCK_TAGS.search(rendered):
        problems.append(f"Markdown renders it as {_MD_BLOCK_TAGS.search(rendered).group(0)}>")
    plain = html.unescape(re.sub(r"<[^>]+>", "", rendered))
    if " ".join(plain.split()) != " ".join(shown.split()):
        problems.append("the rendered Markdown text differs from the text")
    if _RAW_UNSAFE.search(doc):
        problems.append("the export left a control raw")
    doc_html = MarkdownIt("gfm-like").render(doc)
    learner = MarkdownIt("gfm-like").render(markdown_escape(text[:_cap()]))
    if _MD_BLOCK_TAGS.search(learner) or "<script" in doc_html:
        problems.append("the exported message renders as markup")
    return problems, spent


def fuzz_payloads() -> tuple[Stats, list[tuple[str, list[str]]]]:
    from roleplay.persona.loader import load_persona, resolve

    persona = load_persona(resolve("mentor"))
    stats = Stats("(d) markup and escape payloads: safe_text + Markdown export", MESSAGE_CEILING_S)
    findings = []
    check_payload("warm up the imports", persona)
    for i, p in enumerate(PAYLOADS):
        out = stats.run(f"payload {i} {p[:30]!r}", lambda p=p: check_payload(p, persona), ceiling=float("inf"))
        if out is None:
            continue
        problems, spent = out
        stats.times[-1] = spent  # the product's time, not the checker's
        if spent > stats.ceiling:
            stats.hangs += 1
            stats.hang_examples.append(f"payload {i} {p[:30]!r}: {spent:.2f} s")
        if problems:
            findings.append((p, problems))
            stats.note("not literal")
    return stats, findings


# ---------------------------------------------------------------- main


def _table(all_stats: list[Stats], markdown: bool) -> str:
    rows = [("input class", "tried", "crashes", "hangs", "p50", "p95", "max", "ceiling")]
    for s in all_stats:
        rows.append((s.name, str(s.tried), str(s.crashes), str(s.hangs), _ms(s.pct(0.5)), _ms(s.pct(0.95)),
                     _ms(max(s.times, default=0)), _ms(s.ceiling) if s.ceiling else "10x the file's own time"))
    return _render(rows, markdown)


def _render(rows: list[tuple], markdown: bool) -> str:
    if markdown:
        out = ["| " + " | ".join(rows[0]) + " |", "|" + "|".join("---" for _ in rows[0]) + "|"]
        out += ["| " + " | ".join(_cell(str(c)) for c in r) + " |" for r in rows[1:]]
        return "\n".join(out)
    widths = [max(len(str(r[i])) for r in rows) for i in range(len(rows[0]))]
    return "\n".join("  ".join(str(c).ljust(w) for c, w in zip(r, widths)) for r in rows)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--persona-files", type=int, default=1500, metavar="N")
    ap.add_argument("--messages", type=int, default=99_000, metavar="N")
    ap.add_argument("--quick", action="store_true", help="small sizes (60 persona files, 2,000 messages)")
    ap.add_argument("--markdown", action="store_true", help="Markdown tables (for the README)")
    ap.add_argument("--only", choices=["personas", "messages", "logs", "payloads"], action="append")
    args = ap.parse_args(argv)
    if args.quick:
        args.persona_files = min(args.persona_files, 60)
        args.messages = min(args.messages, 2000)
    only = set(args.only or ["personas", "messages", "logs", "payloads"])

    t_start = time.perf_counter()
    work = Path(tempfile.mkdtemp(prefix="roleplay-fuzz-"))
    all_stats: list[Stats] = []
    rows: list[MatrixRow] = []
    findings: list[tuple[str, list[str]]] = []
    try:
        with _env(ROLEPLAY_DATA_DIR=str(work / "data")), contextlib.chdir(work):
            if "personas" in only:
                all_stats += fuzz_personas(args.persona_files, args.seed, work)
            if "messages" in only:
                all_stats.append(fuzz_messages(args.messages, args.seed))
            if "payloads" in only:
                st, findings = fuzz_payloads()
                all_stats.append(st)
            if "logs" in only:
                rows = log_matrix(work)
                st = Stats("(c) session-log damage: read, resume, play on (cases)", 60.0, tried=len(rows),
                           times=[r.seconds for r in rows])
                st.crashes = sum(r.raised.startswith("UNEXPECTED") for r in rows)
                st.hangs = sum(r.seconds > st.ceiling for r in rows)
                all_stats.append(st)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    wall = time.perf_counter() - t_start

    md = args.markdown
    print(f"seed {args.seed}: {args.persona_files} persona files, {args.messages} messages; {wall:.0f} s wall\n")
    print(_table(all_stats, md))
    for s in all_stats:
        extra = s.crash_examples + s.hang_examples + s.note_examples
        if s.notes or extra:
            print()
            print(f"{s.name}:" if not md else f"**{s.name}**:")
            if s.notes:
                print(("- " if md else "  ") + ", ".join(f"{k}: {v}" for k, v in sorted(s.notes.items())))
            for e in extra:
                print(("- " if md else "  ") + _cell(e) if md else "  " + e)
    if rows:
        print()
        table = [("log damage", "reading raised", "acknowledged", "in the log", "acknowledged lost or out of place", "resume = session", "note")]
        table += [(r.case, r.raised, r.acknowledged, r.in_log, r.lost, r.consistent, r.note) for r in rows]
        print(_render(table, md))
    if findings:
        print()
        for p, problems in findings:
            print(("- " if md else "  ") + f"{p[:40]!r}: {'; '.join(problems)}")
    bad = sum(s.crashes + s.hangs for s in all_stats)
    return 1 if bad else 0


if __name__ == "__main__":
    raise SystemExit(main())
