"""Shared fixtures: isolated data dirs, the fixture personas, persona writers."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"
TINY_DIR = FIXTURES / "personas" / "tiny"
REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True)
def _isolated_data_dir(tmp_path_factory, monkeypatch):
    """No test writes into the user's real data directory."""
    monkeypatch.setenv("ROLEPLAY_DATA_DIR", str(tmp_path_factory.mktemp("data")))
    # UI tests read messages in a worker thread rather than a child process
    # (a second of start-up per app); tests/test_listener.py drives the real one.
    monkeypatch.setenv("ROLEPLAY_READER", "inline")
    # Kept text falls back to the system's temporary folder: keep that per test too.
    import tempfile

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path_factory.mktemp("tmp")))


@pytest.fixture
def fixture_personas(monkeypatch):
    """Point the catalog (and the tutor's home screen) at the fixture personas."""
    monkeypatch.setenv("ROLEPLAY_PERSONAS", str(FIXTURES / "personas"))


@pytest.fixture
def tiny_path() -> Path:
    return TINY_DIR / "tiny.yaml"


@pytest.fixture
def tiny(tiny_path):
    from roleplay.persona.loader import load_persona

    return load_persona(tiny_path)


@pytest.fixture
def persona_dir(tmp_path) -> Path:
    """A folder holding the tiny scenario, to write broken personas into."""
    shutil.copy(TINY_DIR / "scenario.yaml", tmp_path / "scenario.yaml")
    return tmp_path


@pytest.fixture
def write_persona(persona_dir):
    def write(text: str, name: str = "p.yaml") -> Path:
        path = persona_dir / name
        path.write_text(text, encoding="utf-8")
        return path

    return write


def tiny_text() -> str:
    return (TINY_DIR / "tiny.yaml").read_text(encoding="utf-8")
