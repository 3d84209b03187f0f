"""The import contracts: the core knows no screen, and the packages are layered.

cli > ui | playtest > authoring > grading > engine > persona > analysis >
coaching > source (pyproject.toml), and no two of roleplay's subpackages
import each other in a cycle.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def test_import_linter_contract_holds():
    exe = shutil.which("lint-imports") or str(Path(sys.executable).with_name("lint-imports"))
    if not Path(exe).exists():
        pytest.skip("import-linter is not installed")
    result = subprocess.run([exe, "--no-cache"], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "The core knows no screen KEPT" in result.stdout
    assert "Tools sit above the compiler and the engine KEPT" in result.stdout
    assert "The UI does not import the command line KEPT" in result.stdout
    assert "The packages are layered KEPT" in result.stdout


# The one import allowed to point up: the browser tab's entry point runs the
# command line in its own process (the same exception pyproject.toml names).
ALLOWED_UPWARD = {("roleplay.ui.serve", "roleplay.cli")}


def _package_of(module: str) -> str:
    """``roleplay.persona.loader`` -> ``roleplay.persona``; top-level modules stand for themselves."""
    return ".".join(module.split(".")[:2])


def test_no_import_cycle_among_the_subpackages():
    grimp = pytest.importorskip("grimp")
    graph = grimp.build_graph("roleplay", exclude_type_checking_imports=True, cache_dir=None)
    edges: dict[str, dict[str, str]] = {}  # package -> imported package -> one example import
    for module in graph.modules:
        for imported in graph.find_modules_directly_imported_by(module):
            a, b = _package_of(module), _package_of(imported)
            if a == b or (module, imported) in ALLOWED_UPWARD:
                continue
            edges.setdefault(a, {}).setdefault(b, f"{module} -> {imported}")
    assert "roleplay.source" in edges.get("roleplay.coaching", {}) and "roleplay.cli" in edges  # the graph was really built

    state: dict[str, int] = {}  # 1 on the current path, 2 done
    path: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        path.append(node)
        for nxt in sorted(edges.get(node, {})):
            if state.get(nxt) == 1:
                return path[path.index(nxt):] + [nxt]
            if nxt not in state and (found := visit(nxt)):
                return found
        path.pop()
        state[node] = 2
        return None

    for node in sorted(edges):
        if node not in state and (cycle := visit(node)):
            examples = [edges[a][b] for a, b in zip(cycle, cycle[1:])]
            raise AssertionError("import cycle: " + " -> ".join(cycle) + "\n" + "\n".join(examples))


def test_importing_the_core_does_not_import_textual():
    code = (
        "import sys\n"
        "import roleplay.engine.conversation, roleplay.engine.export, roleplay.engine.debrief\n"
        "import roleplay.engine.session, roleplay.engine.sessionlog\n"
        "import roleplay.analysis.hints, roleplay.analysis.scoring, roleplay.analysis.principles\n"
        "import roleplay.persona.loader, roleplay.persona.catalog, roleplay.persona.quick\n"
        "import roleplay.ui.safe_text  # the shared text helper is pure Python too\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich'))\n"
        "print(bad)\n"
        "raise SystemExit(1 if bad else 0)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_cli_imports_textual_lazily():
    code = "import sys, roleplay.cli\nraise SystemExit(1 if 'textual' in sys.modules else 0)\n"
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
