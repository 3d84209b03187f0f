"""Where shipped personas and scenarios live, and how files are classified.

In a source checkout (or an editable install) the shipped scripts are the
repository's ``personas/`` folder; a wheel carries them as
``roleplay/_personas``. ``ROLEPLAY_PERSONAS`` points elsewhere (tests, coaches).
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path


SCENARIO_FILE = "scenario.yaml"
TEST_SUFFIX = ".test.yaml"


def shipped_root() -> Path:
    env = os.environ.get("ROLEPLAY_PERSONAS")
    if env:
        return Path(env)
    here = Path(__file__).resolve().parent.parent  # roleplay/
    for candidate in (here.parent / "personas", here / "_personas"):
        if candidate.is_dir():
            return candidate
    return here.parent / "personas"


def kind_of(path: Path) -> str:
    """'scenario', 'test', 'coaching', 'assignment' or 'persona', from the file name."""
    name = path.name
    if name.endswith((".assignment.yaml", ".assignment.yml")) or path.parent.name == "assignments":
        return "assignment"
    if name.endswith(".coaching.yaml") or (name == "content.yaml" and path.parent.name == "coaching"):
        return "coaching"
    if name == SCENARIO_FILE or name.endswith(".scenario.yaml"):
        return "scenario"
    if name.endswith(TEST_SUFFIX) or name.endswith(".test.yml"):
        return "test"
    return "persona"


def yaml_files(root: Path) -> list[Path]:
    if root.is_file():
        return [root]
    return sorted(p for p in root.rglob("*") if p.suffix in (".yaml", ".yml") and p.is_file())


def _quick_id(path: Path) -> str | None:
    from roleplay.source.diagnostics import ScriptError
    from roleplay.source.yamlsource import load_yaml_file  # imported late: pickers avoid the parser

    try:
        data = load_yaml_file(path).data
    except ScriptError:
        return None
    value = data.get("id") if isinstance(data, dict) else None
    return value if isinstance(value, str) else None


def _scenario_files(near: Path | None) -> list[Path]:
    files: list[Path] = []
    if near is not None:
        folder = near if near.is_dir() else near.parent
        files += [p for p in sorted(folder.glob("*.yaml")) if kind_of(p) == "scenario"]
        files += [p for p in sorted(folder.parent.glob("*/*.yaml")) if kind_of(p) == "scenario"]
    root = shipped_root()
    if root.is_dir():
        files += [p for p in yaml_files(root) if kind_of(p) == "scenario"]
    seen, out = set(), []
    for f in files:
        key = f.resolve()
        if key not in seen:
            seen.add(key)
            out.append(f)
    return out


def find_scenario(scenario_id: str, near: Path | None = None) -> Path | None:
    for f in _scenario_files(near):
        if _quick_id(f) == scenario_id:
            return f
    return None


def scenario_ids(near: Path | None = None) -> list[str]:
    return sorted({i for f in _scenario_files(near) if (i := _quick_id(f))})


@lru_cache(maxsize=4)
def _shipped(root: Path) -> dict[str, Path]:
    out: dict[str, Path] = {}
    if root.is_dir():
        for f in yaml_files(root):
            if kind_of(f) == "persona":
                pid = _quick_id(f)
                if pid and pid not in out:
                    out[pid] = f
    return out


def shipped_personas() -> dict[str, Path]:
    """Shipped persona id -> file, in file order."""
    return _shipped(shipped_root())
