"""Safe YAML reading that remembers where every value came from.

ruamel.yaml's round-trip loader keeps the line and column of every node and
rejects duplicate keys. It would still build tagged nodes (``!!python/...``)
as plain data, so a token pre-pass rejects explicit tags, anchors and aliases
outright: persona files need none of them, and aliases allow "billion laughs".
The result is plain ``dict``/``list``/``str``/``int`` data plus a map from each
value's path (a tuple of keys and indexes) to its 1-based (line, column).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.tokens import AliasToken, AnchorToken, TagToken

from roleplay.persona.diagnostics import Diagnostic, ScriptError

Path_ = tuple[Any, ...]

MAX_FILE_BYTES = 1_000_000  # a persona is a few hundred lines; refuse absurd input early


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
        problem = exc.problem or exc.context or "invalid YAML"
        problem = " ".join(str(problem).split())
        if "duplicate key" in problem:
            return _mark(file, mark, problem)
        return _mark(file, mark, f"YAML syntax error: {problem}")
    return Diagnostic(file, 1, 1, "error", f"YAML error: {exc}")


def _plain(node: Any, path: Path_, src: Source) -> Any:
    """Convert ruamel's round-trip containers to plain data, recording positions."""
    if isinstance(node, dict):
        out = {}
        lc = getattr(node, "lc", None)
        for raw_k, v in node.items():
            k = raw_k if isinstance(raw_k, str) else str(raw_k)
            if lc is not None:
                try:
                    kl, kc = lc.key(raw_k)
                    src.key_pos[path + (k,)] = (kl + 1, kc + 1)
                    vl, vc = lc.value(raw_k)
                    src.value_pos[path + (k,)] = (vl + 1, vc + 1)
                except (KeyError, TypeError):
                    pass
            out[k] = _plain(v, path + (k,), src)
        return out
    if isinstance(node, list):
        lc = getattr(node, "lc", None)
        out_l = []
        for i, v in enumerate(node):
            if lc is not None:
                try:
                    il, ic = lc.item(i)
                    src.value_pos[path + (i,)] = (il + 1, ic + 1)
                except (KeyError, TypeError, IndexError):
                    pass
            out_l.append(_plain(v, path + (i,), src))
        return out_l
    if isinstance(node, bool) or node is None:
        return node
    if isinstance(node, int):
        return int(node)
    if isinstance(node, float):
        return float(node)
    if isinstance(node, str):
        return str(node)
    # Dates, binary and the like: keep as text so the model reports a type error.
    return str(node)


def load_yaml_text(text: str, file: str) -> Source:
    """Parse ``text`` safely; raise ScriptError with positioned diagnostics."""
    yaml = YAML(typ="rt")
    yaml.allow_duplicate_keys = False
    problems: list[Diagnostic] = []
    try:
        for tok in yaml.scan(text):
            if isinstance(tok, TagToken):
                problems.append(_mark(file, tok.start_mark, "YAML tags (such as !!python/...) are not allowed in persona files"))
            elif isinstance(tok, (AnchorToken, AliasToken)):
                problems.append(_mark(file, tok.start_mark, "YAML anchors and aliases (& and *) are not allowed in persona files; write the value out"))
    except YAMLError as exc:
        raise ScriptError([_yaml_error(file, exc)]) from None
    if problems:
        raise ScriptError(problems)
    try:
        raw = yaml.load(text)
    except YAMLError as exc:
        raise ScriptError([_yaml_error(file, exc)]) from None
    except RecursionError:
        raise ScriptError([Diagnostic(file, 1, 1, "error", "YAML nesting is too deep")]) from None
    src = Source(file=file, text=text, data=None)
    src.data = _plain(raw, (), src)
    return src


def load_yaml_file(path: Path, display: str | None = None) -> Source:
    """Read and parse a file; unreadable or non-UTF-8 files become diagnostics."""
    name = display or str(path)
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
    return load_yaml_text(text, name)
