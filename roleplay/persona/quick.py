"""A fast, unchecked look at the shipped personas, for pickers (the home screen).

Loading a persona fully (models, checks, compiled rules) takes a while; a
picker only needs each persona's id, name, role, scenario, difficulty and
summary and each scenario's title. This reads just those top-level keys
(parsing only their lines when it can, the whole file otherwise). Nothing
here is validated: load the chosen persona with ``loader.load_persona``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from roleplay.persona.catalog import kind_of, shipped_root, yaml_files

__all__ = ["PersonaSummary", "quick_catalog"]

PERSONA_KEYS = ("id", "name", "role", "scenario", "difficulty", "summary")
SCENARIO_KEYS = ("id", "title", "summary")
_TOP_KEY = re.compile(r"^([A-Za-z_][\w-]*)\s*:")


@dataclass(frozen=True)
class PersonaSummary:
    id: str
    name: str
    role: str
    scenario: str
    scenario_title: str
    difficulty: str
    summary: str
    file: Path


def _head(text: str, keys: tuple[str, ...]) -> str:
    """Only the lines of the wanted top-level keys (with their continuation lines)."""
    out: list[str] = []
    keep = False
    for line in text.splitlines():
        m = _TOP_KEY.match(line)
        if m:
            keep = m.group(1) in keys
        elif line and not line[0].isspace() and not line.startswith("#"):
            keep = False  # a top-level item that is not a key (e.g. a document marker)
        if keep:
            out.append(line)
    return "\n".join(out) + "\n"


_PLAIN = re.compile(r"^([A-Za-z_][\w-]*):[ \t]+([^\s'\"&*!|>\[{%@`#-][^#]*?)[ \t]*$")


def _plain_keys(text: str, keys: tuple[str, ...]) -> dict | None:
    """The wanted keys when each is a plain one-line scalar, else None.

    Most persona heads are ``key: words``; reading those lines directly
    keeps the home screen from importing and running the YAML parser at
    start-up. Anything fancier (quotes, block scalars, flow style) goes
    through the real parser.
    """
    found: dict = {}
    for line in text.splitlines():
        m = _TOP_KEY.match(line)
        if not m or m.group(1) not in keys or m.group(1) in found:
            continue
        plain = _PLAIN.match(line.rstrip())
        if not plain:
            return None
        found[plain.group(1)] = plain.group(2)
    return found if all(k in found for k in keys) else None


def _read(path: Path, keys: tuple[str, ...]) -> dict:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return {}
    fast = _plain_keys(text, keys)
    if fast is not None:
        return fast
    from roleplay.source.diagnostics import ScriptError
    from roleplay.source.yamlsource import load_yaml_text

    for source in (_head(text, keys), text):
        try:
            data = load_yaml_text(source, str(path)).data
        except ScriptError:
            continue
        if isinstance(data, dict) and all(k in data for k in keys if k != "summary"):
            return data
    return {}


def _text(data: dict, key: str) -> str:
    value = data.get(key)
    return value.strip() if isinstance(value, str) else ""


def quick_catalog(root: Path | None = None) -> list[PersonaSummary]:
    """Personas under ``root`` (default: the shipped ones), in file order.

    Files that do not look like personas are skipped; the first file wins
    for a duplicate id, as in ``catalog.shipped_personas``.
    """
    root = root if root is not None else shipped_root()
    if not root.exists():
        return []
    files = yaml_files(root)
    titles: dict[str, str] = {}
    for f in files:
        if kind_of(f) == "scenario":
            data = _read(f, SCENARIO_KEYS)
            sid = _text(data, "id")
            if sid and sid not in titles:
                titles[sid] = _text(data, "title") or sid
    out: list[PersonaSummary] = []
    seen: set[str] = set()
    for f in files:
        if kind_of(f) != "persona":
            continue
        data = _read(f, PERSONA_KEYS)
        pid = _text(data, "id")
        if not pid or pid in seen or not _text(data, "scenario"):
            continue
        seen.add(pid)
        scenario = _text(data, "scenario")
        out.append(
            PersonaSummary(
                id=pid,
                name=_text(data, "name") or pid,
                role=_text(data, "role"),
                scenario=scenario,
                scenario_title=titles.get(scenario, scenario),
                difficulty=_text(data, "difficulty"),
                summary=_text(data, "summary"),
                file=f,
            )
        )
    return out
