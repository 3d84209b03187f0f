"""docs/AUTHORING.md's tutorial, followed to the letter: its commands, its
edits and its test plan work as written, and the output it shows is what
`roleplay try` prints."""

from __future__ import annotations

import re

from conftest import REPO
from roleplay.authoring.scaffold import scaffold
from roleplay.cli import main
from roleplay.authoring.testplan import run_plan_file
from roleplay.authoring.validate import validate_paths

DOC = (REPO / "docs" / "AUTHORING.md").read_text(encoding="utf-8")
BLOCKS = re.findall(r"```(\w*)\n(.*?)```", DOC, re.S)


def _block(lang: str, starts: str) -> str:
    found = [body for kind, body in BLOCKS if kind == lang and body.lstrip("\n").startswith(starts)]
    assert len(found) == 1, f"one {lang} block starting {starts!r} in docs/AUTHORING.md"
    return found[0]


def test_the_tutorial_works_as_written(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    written = scaffold("counteroffer_practice", "dana", tmp_path / "my-personas")
    persona = tmp_path / "my-personas" / "counteroffer_practice" / "dana.yaml"
    plan = persona.with_name("dana.test.yaml")

    # Step 3: the output shown is the output printed.
    command = _block("sh", "roleplay try my-personas").strip()
    message = re.search(r"'(.+)'$", command).group(1)
    assert main(["try", "my-personas/counteroffer_practice/dana.yaml", message]) == 0
    printed = capsys.readouterr().out.splitlines()
    shown = _block("", "state      offer").rstrip("\n").splitlines()
    for line in shown:
        if line.endswith("..."):
            assert any(p.startswith(line[:-3]) for p in printed), line
        else:
            assert line in printed, line

    # Step 5: replace the `explained` state with the tutorial's.
    text = persona.read_text(encoding="utf-8")
    new_state = _block("yaml", "  explained:")
    start = text.index("  explained:\n")
    end = text.index("  considering:\n")
    persona.write_text(text[:start] + new_state + text[end:], encoding="utf-8")
    # Step 6: add the tutorial's plan.
    plan.write_text(plan.read_text(encoding="utf-8") + "\n" + _block("yaml", "  - name: asking how pay"), encoding="utf-8")

    # Step 7: it validates and its plans pass, the new one included.
    diagnostics, _ = validate_paths(written.files)
    assert diagnostics == []
    results = run_plan_file(plan)
    assert [r.name for r in results][-1] == "asking how pay is decided, then a start date"
    assert all(r.ok for r in results), [r.failures for r in results if not r.ok]


def test_the_key_reference_is_generated_current_and_describes_every_key():
    from roleplay.authoring.reference import document, rows
    from roleplay.authoring.testplan import PlanFile
    from roleplay.grading.assignment import Assignment
    from roleplay.persona.model import Persona, Scenario

    assert (REPO / "docs" / "reference.md").read_text(encoding="utf-8") == document(), "run python scripts/reference.py"
    missing = [f"{m.__name__}.{key}" for m in (Persona, Scenario, PlanFile, Assignment) for key, _, _, desc in rows(m) if not desc]
    assert missing == []
    assert "| `states.NAME.rules[].when` |" in document() and "| `terms.NAME.also` |" in document()


def test_the_error_catalogue_is_current_and_every_case_gives_its_message():
    from roleplay.authoring.catalogue import document, run_cases

    results = run_cases()
    assert len(results) >= 20
    for r in results:
        assert r.messages, f"{r.title}: validate says nothing"
        assert any(r.expect in m for m in r.messages), (r.title, r.messages)
        assert all(m.startswith("my-personas/draft/") and ":" in m for m in r.messages)
    assert (REPO / "docs" / "errors.md").read_text(encoding="utf-8") == document(results), "run python scripts/error_catalogue.py"


def test_the_guides_links_point_at_files_that_exist():
    for doc in ("AUTHORING.md", "reference.md", "errors.md", "tags.md"):
        text = (REPO / "docs" / doc).read_text(encoding="utf-8")
        for target in re.findall(r"\]\((?!https?://|#|mailto:)([^)#\s]+)", text):
            assert (REPO / "docs" / target).resolve().exists(), f"{doc}: {target}"
