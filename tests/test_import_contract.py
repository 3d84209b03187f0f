"""The core knows no screen: textual and rich stay out of analysis, persona and engine."""

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
