"""roleplay: practise negotiating a job offer against scripted hiring managers.

The package is split so that a newcomer can find things from the layout:

- ``roleplay.analysis``: what a learner's message does (behaviour tags) and how
  good that was (principles, feedback, scores, hints). Pure Python.
- ``roleplay.persona``: the persona and scenario file format, its loader and
  its checks. Pure Python.
- ``roleplay.coaching``: the coaching content (cases, hints, sources, research
  figures) and its vocabulary (the tag and principle ids). Pure Python.
- ``roleplay.source``: reading the files people write: the YAML reader,
  ``file:line:col`` diagnostics and ``parse_model``. Pure Python.
- ``roleplay.engine``: the dialogue engine, sessions, transcripts and the
  crash-safe session log. Pure Python.
- ``roleplay.grading``: graded exercises: assignments, signed submissions,
  batch grading, gradebook CSV, feedback and the class summary. Pure Python.
- ``roleplay.ui``: the Textual app, a thin layer over the three above.
- ``roleplay.cli``: the command line, another thin layer.

The layers, top to bottom (an import-linter contract in pyproject.toml holds
them): cli > ui | playtest > authoring > grading > engine > persona >
analysis > coaching > source.

``roleplay.__version__`` is the installed package's version (pyproject.toml),
read on first use so that importing the package reads no metadata.
"""


def _program_version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("roleplay")
    except PackageNotFoundError:  # a source tree on sys.path, not installed
        import re
        from pathlib import Path

        pyproject = Path(__file__).resolve().parent.parent / "pyproject.toml"
        try:
            m = re.search(r'(?m)^version\s*=\s*"([^"]+)"', pyproject.read_text(encoding="utf-8"))
        except OSError:
            m = None
        return m.group(1) if m else "0+unknown"


def __getattr__(name: str):
    if name == "__version__":
        value = _program_version()
        globals()["__version__"] = value
        return value
    raise AttributeError(f"module 'roleplay' has no attribute {name!r}")
