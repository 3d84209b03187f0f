"""``roleplay validate``: check persona, scenario, test-plan, coaching and assignment files."""

from __future__ import annotations

from pathlib import Path

from roleplay.persona.catalog import kind_of, yaml_files
from roleplay.persona.compiled import display_path
from roleplay.source.diagnostics import Diagnostic, ScriptError
from roleplay.persona.loader import load_persona, load_scenario
from roleplay.persona.progress import report


def validate_file(path: Path) -> list[Diagnostic]:
    kind = kind_of(path)
    try:
        if kind == "scenario":
            from roleplay.persona.checks import check_scenario

            return check_scenario(*load_scenario(path))
        if kind == "coaching":
            from roleplay.coaching.load import load_content

            load_content(path)
            return []
        if kind == "assignment":
            from roleplay.grading.assignment import check_assignment_file  # graded exercises (roleplay/grading)

            return check_assignment_file(path)
        if kind == "test":
            from roleplay.authoring.testplan import check_plan_file

            return check_plan_file(path)
        return list(load_persona(path, explore=True).warnings)
    except ScriptError as exc:
        return exc.diagnostics


def validate_paths(paths: list[Path]) -> tuple[list[Diagnostic], int]:
    """All problems in ``paths`` (files or folders), and how many files were checked."""
    out: list[Diagnostic] = []
    checked = 0
    for root in paths:
        if not root.exists():
            out.append(Diagnostic(display_path(root), 1, 1, "error", "no such file or folder"))
            continue
        files = yaml_files(root)
        if root.is_dir() and not files:
            out.append(Diagnostic(display_path(root), 1, 1, "warning", "no .yaml files in this folder"))
        for i, f in enumerate(files, start=1):
            checked += 1
            report(f"checking {display_path(f)} ({i} of {len(files)})")
            out += validate_file(f)
    # A scenario's problem is also each of its personas' (their load checks it):
    # say it once.
    return list(dict.fromkeys(out)), checked
