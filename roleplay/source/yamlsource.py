"""Safe YAML reading that remembers where every value came from.

The document is *composed* (parsed into nodes, nothing constructed) with
ruamel.yaml's C parser when available, then walked here: every node keeps
its line and column, duplicate keys are errors, and explicit tags
(``!!python/...``), anchors and aliases are refused outright (persona files
need none of them, and aliases allow "billion laughs"). No Python object is
ever built from a tag. Scalars are read as YAML 1.2 core types, so ``No``
stays text. The result is plain ``dict``/``list``/``str``/``int`` data plus
a map from each value's path (a tuple of keys and indexes) to its 1-based
(line, column).
"""

from __future__ import annotations

import os
import re
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.nodes import MappingNode, ScalarNode, SequenceNode

from roleplay.source.diagnostics import Diagnostic, ScriptError

Path_ = tuple[Any, ...]

MAX_FILE_BYTES = 1_000_000  # a persona is a few hundred lines; refuse absurd input early
MAX_DEPTH = 64
MAX_NUMBER = 10**15  # no count, amount or variable of a persona comes near

_STD = "tag:yaml.org,2002:"
_BOOL = {"true": True, "false": False}
_NULL = {"", "~", "null"}


@dataclass
class Source:
    """A loaded YAML document: its data and where each piece of it stands."""

    file: str
    text: str
    data: Any
    key_pos: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    value_pos: dict[Path_, tuple[int, int]] = field(default_factory=dict)

    def where(self, path: Path_, *, key: bool = False) -> tuple[int, int]:
        """The (line, col) of ``path``: its value, or with ``key=True`` its key.

        Falls back to the nearest enclosing node that has a position.
        """
        path = tuple(path)
        while True:
            table = (self.key_pos, self.value_pos) if key else (self.value_pos, self.key_pos)
            for t in table:
                if path in t:
                    return t[path]
            if not path:
                return (1, 1)
            path = path[:-1]

    def scalar_start(self, path: Path_) -> tuple[int, int]:
        """Position of the first character *inside* a scalar (after a quote)."""
        line, col = self.where(path)
        lines = self.text.splitlines()
        if 0 < line <= len(lines):
            row = lines[line - 1]
            if 0 < col <= len(row) and row[col - 1] in "\"'":
                return line, col + 1
        return line, col

    def locate(self, path: Path_, value: str, offset: int, needle: str) -> tuple[int, int]:
        """The (line, col) of ``needle``, found at ``offset`` in the scalar
        ``value`` at ``path``: its place in the file, for a text over several
        lines (``>-`` blocks, folded quotes) too. Falls back to the scalar's start."""
        line, col = self.scalar_start(path)
        lines = self.text.splitlines(keepends=True)
        if not needle or not 0 < line <= len(lines):
            return line, col
        row = lines[line - 1]
        if "\n" not in value and row[col - 1 : col - 1 + len(value)] == value:
            return line, col + offset  # the common case: the text as written, on one line
        start = sum(len(r) for r in lines[: line - 1]) + col - 1
        at = start - 1
        for _ in range(value[:offset].count(needle) + 1):
            at = self.text.find(needle, at + 1)
            if at < 0:
                return line, col
        before = self.text[:at]
        return before.count("\n") + 1, at - (before.rfind("\n") + 1) + 1

    def diag(self, path: Path_, message: str, *, key: bool = False, severity="error") -> Diagnostic:
        line, col = self.where(path, key=key)
        return Diagnostic(self.file, line, col, severity, message)


def _mark(file: str, mark, message: str) -> Diagnostic:
    line = (mark.line + 1) if mark is not None else 1
    col = (mark.column + 1) if mark is not None else 1
    return Diagnostic(file, line, col, "error", message)


def _yaml_error(file: str, exc: YAMLError, text: str = "") -> Diagnostic:
    if isinstance(exc, MarkedYAMLError):
        try:
            hint = _plain_hint(text, exc) if text else None
        except (IndexError, ValueError, AttributeError):  # a hint is a nicety: never a crash
            hint = None
        if hint is not None:
            line, col, message = hint
            return Diagnostic(file, line, col, "error", f"YAML syntax error: {message}")
        mark = exc.problem_mark or exc.context_mark
        problem = " ".join(str(exc.problem or exc.context or "invalid YAML").split())
        return _mark(file, mark, f"YAML syntax error: {problem}")
    return Diagnostic(file, 1, 1, "error", f"YAML error: {' '.join(str(exc).split())}")


_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")  # what YAML counts as a line break (its marks count these)


def _rows(text: str) -> list[str]:
    return _BREAK.split(text)


_MISSING_SPACE = re.compile(r"^(\s*(?:-\s+)*)([A-Za-z_][\w.-]*):(?![\s/:])(\S)")
_VALUE_START = re.compile(r"^(\s*(?:-\s+)*(?:[\w.-]+:\s+)?)(\S)")


def _indent(row: str) -> int:
    return len(row) - len(row.lstrip(" "))


def _shown(text: str, limit: int = 30) -> str:
    text = text.strip()
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _open_quote(rows: list[str], upto: int) -> tuple[int, int, str] | None:
    """(line, col, quote) of a quote that starts a value on a line above
    ``upto`` and is not closed on that line (0-based), the nearest first."""
    for line in range(upto - 1, max(-1, upto - 8), -1):
        row = rows[line]
        vm = _VALUE_START.match(row)
        if not vm or vm.group(2) not in "'\"":
            continue
        q, start = vm.group(2), len(vm.group(1))
        rest = row[start + 1 :].replace("\\\\", "").replace('\\"', "") if q == '"' else row[start + 1 :].replace("''", "")
        if q not in rest:
            return line, start, q
        return None  # the nearest quoted value closes on its line
    return None


def _plain_hint(text: str, exc: MarkedYAMLError) -> tuple[int, int, str] | None:
    """A plain-language reason, at the slip itself, for the parser's cryptic
    messages on the common slips: a tab, a missing space after ':', a text
    starting with a character YAML reserves, a list and a mapping mixed up,
    a quote left open. None when no slip fits (the parser's message stands)."""
    rows = _rows(text)
    pm, cm = exc.problem_mark, exc.context_mark
    problem, context = str(exc.problem or ""), str(exc.context or "")
    if pm is None:
        return None
    pl, pc = pm.line, pm.column  # 0-based
    cl, cc = (cm.line, cm.column) if cm is not None else (pl, pc)

    def at(line: int, col: int) -> str:
        return rows[line][col] if 0 <= line < len(rows) and 0 <= col < len(rows[line]) else ""

    # A tab: where the parser stopped, or in the indentation of the lines it read.
    if at(pl, pc) == "\t":
        return pl + 1, pc + 1, "tabs cannot indent YAML; use spaces"
    for line in range(min(cl, pl), min(pl, len(rows) - 1) + 1):
        row = rows[line]
        lead = row[: len(row) - len(row.lstrip(" \t"))]
        if "\t" in lead:
            return line + 1, lead.index("\t") + 1, "tabs cannot indent YAML; use spaces"
    if "quoted scalar" in context:
        if "escape" in problem:
            return pl + 1, pc + 1, "in double quotes a backslash starts an escape (\\n, \\\"): write \\\\ for a backslash, or use single quotes"
        q = at(cl, cc) or '"'
        tip = " (inside single quotes, write '' for an apostrophe)" if q == "'" else ""
        return cl + 1, cc + 1, f"this {q} is never closed: end the text with {q}{tip}"
    if "alias" in context or "anchor" in context:
        ch = at(cl, cc)
        what = "an alias" if ch == "*" else "an anchor"
        return cl + 1, cc + 1, f"a text cannot start with '{ch}' unless it is in quotes (YAML reads {ch}name as {what}): write \"{_shown(rows[cl][cc:])}\""
    if "block scalar" in context:
        ch = at(cl, cc)
        return cl + 1, cc + 1, f"'{ch}' starts a block of text on the lines below it; to start a text with '{ch}', put it in quotes"
    if "directive" in context:
        return cl + 1, cc + 1, "a line cannot start with '%' (YAML reads it as a directive): put the text in quotes"
    ch = at(pl, pc)
    if "another document" in problem:
        return pl + 1, pc + 1, "a file holds one document: remove this '---' line (or what follows it)"
    if "block sequence entries are not allowed" in problem:
        return pl + 1, pc + 1, "a '- ' list cannot start on the line of its key: put each item on a line of its own below it, indented (or quote the text)"
    # Text after a quote that closed: an apostrophe inside single quotes, or a
    # quote left open on a line above that this one closed.
    before = rows[pl][:pc].rstrip() if pl < len(rows) else ""
    if before[-1:] in ("'", '"'):
        q = before[-1]
        opened = _open_quote(rows, pl)
        if opened is not None and opened[2] == q:
            return opened[0] + 1, opened[1] + 1, f"this {q} is not closed on its line, so the text runs on into line {pl + 1}: end the text with {q}"
        vm = _VALUE_START.match(rows[pl])
        if vm and vm.group(2) == q and pc > len(vm.group(1)):
            tip = "inside single quotes, write '' for an apostrophe" if q == "'" else "use single quotes around a text with \" in it"
            return pl + 1, pc + 1, f"more text after the closing {q}: {tip}"
    if "expected key" in problem and ch == ":":
        return pl + 1, pc + 1, "a key is missing before ':'"
    if "cannot start any token" in problem and ch in "@`":
        return pl + 1, pc + 1, f"a text cannot start with '{ch}' (YAML reserves it): put the text in quotes"
    if "mapping keys are not allowed" in problem and ch == "?":
        return pl + 1, pc + 1, "a text cannot start with '? ' (YAML reads it as a key): put the text in quotes"
    if "found unexpected ':'" in problem and "plain scalar" in context and ch == ":":
        word = rows[cl][cc:pc]
        return pl + 1, pc + 1, f"put a space after ':' ('{_shown(word, 20)}: …'): inside {{…}} and […] YAML cannot read '{_shown(word, 20)}:' without it"
    # A value that starts with { or [ and goes on after its closing bracket.
    m = _VALUE_START.match(rows[pl]) if pl < len(rows) else None
    if m and m.group(2) in "{[" and pc > len(m.group(1)):
        col = len(m.group(1))
        opener = m.group(2)
        kind = "a mapping ({key: value})" if opener == "{" else "a list ([a, b])"
        return pl + 1, col + 1, f"a text that starts with '{opener}' is read as {kind}: put the whole text in quotes (\"{_shown(rows[pl][col:])}\")"
    if "flow sequence" in context or "flow mapping" in context:
        opener = at(cl, cc) or ("[" if "sequence" in context else "{")
        closer = "]" if opener == "[" else "}"
        return cl + 1, cc + 1, f"this '{opener}' is never closed with '{closer}' (the parser read on to line {pl + 1}; if it is text, put it in quotes)"
    if "mapping values are not allowed" in problem:
        row = rows[pl]
        first = row.find(": ")
        if 0 <= first < pc and row[pc] == ":":
            vm = _VALUE_START.match(row)
            col = len(vm.group(1)) if vm else first + 2
            return pl + 1, col + 1, f"this text has ': ' in it, which YAML reads as a new key: put the whole text in quotes (\"{_shown(row[col:])}\")"
    # 'goto:cold': no space after the colon, so YAML reads the line as text,
    # and the parser stumbles on a line or two later.
    for line in range(pl, max(-1, min(cl, pl) - 6), -1):
        ms = _MISSING_SPACE.match(rows[line]) if line < len(rows) else None
        if ms and not rows[line].lstrip().startswith(("'", '"')):
            key, col = ms.group(2), ms.end(2)
            return line + 1, col + 1, f"put a space after ':' ('{key}: {_shown(rows[line][col + 1:], 20)}'): without it YAML reads '{_shown(rows[line].strip(), 24)}' as text"
    if "mapping values are not allowed" in problem and pl > 0:
        above = next((r for r in reversed(rows[:pl]) if r.strip() and not r.lstrip().startswith("#")), "")
        if _indent(rows[pl]) > _indent(above):
            return pl + 1, _indent(rows[pl]) + 1, "this line is indented more than the line above, so YAML reads it as part of that line's text: keys of one mapping line up"
    if "expected '-' indicator" in problem and "block collection" in context:
        if _indent(rows[pl]) == cc:
            return pl + 1, pc + 1, f"this line lines up with the '- ' of the list above (line {cl + 1}) but is not an item: start it with '- ' for a new item, or indent it to line up with the item's keys"
        return pl + 1, pc + 1, f"the list above (line {cl + 1}) goes on here, and this line is not an item ('- '): indent it under its item, or start a new item with '- '"
    if "expected key" in problem and "block mapping" in context:
        if ch == "-":
            return pl + 1, pc + 1, "a list item ('- ') where the keys of a mapping go on: a key holds either a list (its items under it) or keys, not both"
        if _indent(rows[pl]) != cc:
            return pl + 1, pc + 1, "this line's indentation matches no key above it: keys of one mapping line up"
    if "could not find expected ':'" in problem:
        return cl + 1, cc + 1, "this line is not 'key: value' (text on its own line?): indent it under its key, or quote it"
    return None


def _scalar(node: ScalarNode) -> Any:
    """A scalar as YAML 1.2 core reads it: null, bool, int, float or text."""
    value, tag = node.value, node.tag
    if node.style or tag == _STD + "str":
        return value
    if tag == _STD + "null" or value in _NULL:
        return None
    if tag == _STD + "bool" or value.lower() in _BOOL:
        return _BOOL.get(value.lower(), value)
    if tag == _STD + "int":
        try:
            return int(value.replace("_", ""), 0) if value[:2].lower() in ("0x", "0o") else int(value)
        except ValueError:
            return value
    if tag == _STD + "float":
        try:
            return float(value)
        except ValueError:
            return value
    return value  # timestamps and the like stay text; the models report the type


class _Walker:
    def __init__(self, src: Source):
        self.src = src
        self.problems: list[Diagnostic] = []
        self.seen: set[int] = set()

    def fail(self, node, message: str) -> None:
        self.problems.append(_mark(self.src.file, node.start_mark, message))

    def check_node(self, node) -> bool:
        if id(node) in self.seen:
            self.fail(node, "YAML anchors and aliases (&name, *name) are not allowed in persona files; write the value out")
            return False
        self.seen.add(id(node))
        if getattr(node, "anchor", None):
            self.fail(node, "YAML anchors (&name) are not allowed in persona files; write the value out")
        tag = node.tag if isinstance(node.tag, str) else getattr(node.tag, "value", None) or ""
        allowed = {
            ScalarNode: ("str", "int", "float", "bool", "null", "timestamp", "binary"),
            MappingNode: ("map",),
            SequenceNode: ("seq",),
        }[type(node)]
        if not (tag.startswith(_STD) and tag[len(_STD):] in allowed):
            shown = tag.replace(_STD, "!!")
            tip = "; a text that starts with '!' goes in quotes" if not shown.startswith("!!") else ""
            self.fail(node, f"YAML tags such as {shown} are not allowed in persona files{tip}")
            return False
        return True

    def implicit(self, key_node, value_node) -> bool:
        """A key in {...} with no ':' after it (YAML gives it an empty value)."""
        if not (isinstance(value_node, ScalarNode) and value_node.value == "" and not value_node.style):
            return False
        if (value_node.start_mark.line, value_node.start_mark.column) != (key_node.end_mark.line, key_node.end_mark.column):
            return False
        rows = _rows(self.src.text)
        row = rows[key_node.end_mark.line] if key_node.end_mark.line < len(rows) else ""
        return not row[key_node.end_mark.column :].lstrip().startswith(":")

    def comma_in_braces(self, key_node, previous) -> None:
        key = key_node.value
        if previous is None:  # {learner} alone, or at the start
            self.fail(key_node, f"'{{{key}}}' is read as a mapping with the key '{key}': a text that starts with '{{' goes in quotes (\"{{{key}}} ...\")")
            return
        pk, pv = previous
        was = f"{pk.value}: \"{pv.value}, {key}\"" if isinstance(pv, ScalarNode) and isinstance(pk, ScalarNode) else f"\"…, {key}\""
        self.fail(key_node, f"a comma inside {{…}} separates keys, so '{key}' was read as a key: quote the text ({was})")

    def check_joined(self, node) -> None:
        """A '- ' line YAML joined to the text above it (indented deeper than
        the items, or under a key that already has a value)."""
        rows = _rows(self.src.text)
        for line in range(node.start_mark.line + 1, min(node.end_mark.line, len(rows) - 1) + 1):
            row = rows[line]
            if row.lstrip().startswith("- "):
                col = len(row) - len(row.lstrip())
                self.problems.append(Diagnostic(self.src.file, line + 1, col + 1, "error", "this '- ' line is read as more of the text above it (its indentation joins it): line up the '- ' with the other items, or put the list under a key of its own"))
                return

    def walk(self, node, path: Path_, depth: int = 0) -> Any:
        if depth > MAX_DEPTH:
            self.fail(node, "YAML nesting is too deep")
            return None
        if not self.check_node(node):
            return None
        if isinstance(node, ScalarNode):
            value = _scalar(node)
            if isinstance(value, (int, float)) and not isinstance(value, bool) and not abs(value) < MAX_NUMBER:
                # 1e400 is inf, and an int of 5,000 hex digits cannot even be
                # printed in a message: refused here, before anything uses it.
                shown = node.value if len(node.value) <= 24 else node.value[:20] + "…"
                self.fail(node, f"the number {shown} is too large (numbers in these files stay below 10^15)")
                return None
            if isinstance(value, str) and not node.style and node.end_mark.line > node.start_mark.line:
                self.check_joined(node)
            return value
        if isinstance(node, SequenceNode):
            out_l = []
            for i, item in enumerate(node.value):
                self.src.value_pos[path + (i,)] = (item.start_mark.line + 1, item.start_mark.column + 1)
                out_l.append(self.walk(item, path + (i,), depth + 1))
            return out_l
        out: dict = {}
        previous = None
        for key_node, value_node in node.value:
            if getattr(node, "flow_style", False) and isinstance(key_node, ScalarNode) and self.implicit(key_node, value_node):
                self.comma_in_braces(key_node, previous)
            previous = (key_node, value_node)
            if not isinstance(key_node, ScalarNode) or not self.check_node(key_node):
                if not isinstance(key_node, ScalarNode):
                    self.fail(key_node, "keys must be plain names")
                continue
            key = key_node.value
            if key in out:
                self.fail(key_node, f"duplicate key '{key}' (it was already set above)")
                continue
            self.src.key_pos[path + (key,)] = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
            self.src.value_pos[path + (key,)] = (value_node.start_mark.line + 1, value_node.start_mark.column + 1)
            out[key] = self.walk(value_node, path + (key,), depth + 1)
        return out


def _composer() -> YAML:
    try:
        return YAML(typ="safe", pure=False)  # the C parser, ~10x faster
    except Exception:  # pragma: no cover - no ruamel.yaml.clib on this platform
        return YAML(typ="safe", pure=True)


MAX_FLOW_DEPTH = 200  # nested [ and { deeper than this are refused before parsing


def _too_deep(text: str) -> tuple[int, int] | None:
    """(line, col) where flow nesting passes MAX_FLOW_DEPTH, outside quotes and
    comments. The C composer recurses per level and crashes the process (no
    exception) at a depth of some tens of thousands, so this runs first."""
    depth, line, col, quote = 0, 1, 0, ""
    prev = "\n"
    for ch in text:
        col += 1
        if ch == "\n":
            line, col = line + 1, 0
            if quote == "#":
                quote = ""
        elif quote:
            if quote != "#" and ch == quote:
                quote = ""
        elif ch in "\"'" and (prev in " \t\n[{,:" ):
            quote = ch
        elif ch == "#" and prev in " \t\n":
            quote = "#"
        elif ch in "[{":
            depth += 1
            if depth > MAX_FLOW_DEPTH:
                return line, col
        elif ch in "]}":
            depth = max(0, depth - 1)
        prev = ch
    return None


def load_yaml_text(text: str, file: str) -> Source:
    """Parse ``text`` safely; raise ScriptError with positioned diagnostics."""
    src = Source(file=file, text=text, data=None)
    deep = _too_deep(text)
    if deep is not None:
        raise ScriptError([Diagnostic(file, deep[0], deep[1], "error", f"brackets nest more than {MAX_FLOW_DEPTH} deep here; the file is refused")])
    try:
        root = _composer().compose(text)
    except YAMLError as exc:
        raise ScriptError([_yaml_error(file, exc, text)]) from None
    except RecursionError:
        raise ScriptError([Diagnostic(file, 1, 1, "error", "YAML nesting is too deep")]) from None
    if root is None:
        return src
    walker = _Walker(src)
    src.data = walker.walk(root, ())
    if walker.problems:
        raise ScriptError(walker.problems)
    return src


_CACHE: dict[tuple[str, int, int], Source] = {}
_CACHE_LOCK = threading.Lock()


def load_yaml_file(path: Path, display: str | None = None) -> Source:
    """Read and parse a file; unreadable or non-UTF-8 files become diagnostics.

    Parsed files are cached by path, size and modification time, so listing
    personas and then loading one reads each file once.
    """
    name = display or str(path)
    try:
        st = os.stat(path)
        key = (f"{os.path.abspath(path)}|{name}", st.st_mtime_ns, st.st_size)
    except OSError:
        key = None
    if key is not None:
        with _CACHE_LOCK:
            hit = _CACHE.get(key)
        if hit is not None:
            return hit
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ScriptError([Diagnostic(name, 1, 1, "error", f"cannot read file: {exc.strerror or exc}")]) from None
    if len(raw) > MAX_FILE_BYTES:
        raise ScriptError([Diagnostic(name, 1, 1, "error", f"file is too large: {len(raw):,} bytes, and the limit is {MAX_FILE_BYTES / 1_000_000:g} MB ({MAX_FILE_BYTES:,} bytes) per file")])
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise ScriptError([Diagnostic(name, line, 1, "error", "file is not valid UTF-8")]) from None
    src = load_yaml_text(text, name)
    if key is not None:
        with _CACHE_LOCK:
            if len(_CACHE) > 256:
                _CACHE.clear()
            _CACHE[key] = src
    return src
