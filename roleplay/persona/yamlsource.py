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
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.nodes import MappingNode, ScalarNode, SequenceNode

from roleplay.persona.diagnostics import Diagnostic, ScriptError

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

    def diag(self, path: Path_, message: str, *, key: bool = False, severity="error") -> Diagnostic:
        line, col = self.where(path, key=key)
        return Diagnostic(self.file, line, col, severity, message)


def _mark(file: str, mark, message: str) -> Diagnostic:
    line = (mark.line + 1) if mark is not None else 1
    col = (mark.column + 1) if mark is not None else 1
    return Diagnostic(file, line, col, "error", message)


def _yaml_error(file: str, exc: YAMLError) -> Diagnostic:
    if isinstance(exc, MarkedYAMLError):
        mark = exc.problem_mark or exc.context_mark
        problem = " ".join(str(exc.problem or exc.context or "invalid YAML").split())
        return _mark(file, mark, f"YAML syntax error: {problem}")
    return Diagnostic(file, 1, 1, "error", f"YAML error: {' '.join(str(exc).split())}")


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
            self.fail(node, f"YAML tags such as {tag.replace(_STD, '!!')} are not allowed in persona files")
            return False
        return True

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
            return value
        if isinstance(node, SequenceNode):
            out_l = []
            for i, item in enumerate(node.value):
                self.src.value_pos[path + (i,)] = (item.start_mark.line + 1, item.start_mark.column + 1)
                out_l.append(self.walk(item, path + (i,), depth + 1))
            return out_l
        out: dict = {}
        for key_node, value_node in node.value:
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
        raise ScriptError([_yaml_error(file, exc)]) from None
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
        raise ScriptError([Diagnostic(name, 1, 1, "error", f"file is too large ({len(raw)} bytes; the limit is {MAX_FILE_BYTES})")])
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
