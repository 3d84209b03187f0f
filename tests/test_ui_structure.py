"""UI structure (issue 11): screens post messages, the App routes them.

No module in roleplay/ui/screens imports another screen module (the dialogs in
modals.py excepted: they are dialogs, not navigation).
"""

from __future__ import annotations

import ast
from pathlib import Path

import roleplay.ui.screens as screens_pkg

SCREENS = Path(screens_pkg.__file__).parent
ALLOWED = {"roleplay.ui.screens.modals"}


def _imports(tree: ast.AST, package: str) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(tree):  # module level and inside functions alike
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:  # relative: resolve against the package
                base = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
                mod = f"{base}.{node.module}" if node.module else base
            else:
                mod = node.module or ""
            found.add(mod)
            found.update(f"{mod}.{a.name}" for a in node.names)
    return found


def test_no_screen_imports_another_screen():
    package = "roleplay.ui.screens"
    modules = sorted(p for p in SCREENS.glob("*.py") if p.name != "__init__.py")
    assert {p.stem for p in modules} >= {"home", "briefing", "conversation", "debrief", "modals"}
    bad = []
    for path in modules:
        me = f"{package}.{path.stem}"
        for name in _imports(ast.parse(path.read_text(encoding="utf-8")), package):
            if not name.startswith(package + "."):
                continue
            target = ".".join(name.split(".")[:4])  # roleplay.ui.screens.<module>
            if target != me and target not in ALLOWED:
                bad.append(f"{path.name} imports {name}")
    assert not bad, bad


def test_app_routes_the_navigation_messages():
    from roleplay.ui.app import RoleplayApp

    for handler in ("on_open_briefing", "on_open_conversation", "on_open_debrief", "on_go_home"):
        assert callable(getattr(RoleplayApp, handler, None)), handler
