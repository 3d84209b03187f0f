"""``roleplay new``: starter files that pass validate and test as written."""

from __future__ import annotations

import shutil

import pytest

from conftest import REPO
from roleplay.authoring.scaffold import ScaffoldError, scaffold
from roleplay.cli import main
from roleplay.authoring.testplan import run_plan_file
from roleplay.authoring.validate import validate_paths


def _passes(written) -> None:
    diagnostics, checked = validate_paths(written.files)
    assert checked == len(written.files)
    assert diagnostics == []  # not even a warning
    persona = next(f for f in written.files if f.suffixes == [".yaml"] and f.name != "scenario.yaml")
    results = run_plan_file(persona.with_name(persona.stem + ".test.yaml"))
    assert len(results) == 5 and all(r.ok for r in results), [r.failures for r in results]


def test_a_new_scenario_and_persona_pass_validate_and_test(tmp_path):
    written = scaffold("counteroffer_draft", "alex_reyes", tmp_path)
    assert written.new_scenario
    assert [f.name for f in written.files] == ["scenario.yaml", "alex_reyes.yaml", "alex_reyes.test.yaml"]
    text = written.files[1].read_text(encoding="utf-8")
    assert "roleplay try" in text and "scenario: counteroffer_draft" in text and text.startswith("# yaml-language-server")
    _passes(written)


@pytest.mark.parametrize("scenario", ["first_offer", "reassignment"])
def test_a_persona_for_an_existing_scenario_fits_its_terms_and_channel(tmp_path, scenario):
    shutil.copytree(REPO / "personas" / scenario, tmp_path / scenario)
    written = scaffold(scenario, "starter_one", tmp_path)
    assert not written.new_scenario and len(written.files) == 2
    _passes(written)


def test_nothing_is_overwritten_and_bad_ids_are_refused(tmp_path):
    scaffold("draft", "one", tmp_path)
    before = (tmp_path / "draft" / "one.yaml").read_text(encoding="utf-8")
    with pytest.raises(ScaffoldError, match="already exists"):
        scaffold("draft", "one", tmp_path)
    assert (tmp_path / "draft" / "one.yaml").read_text(encoding="utf-8") == before
    for bad in ("Draft", "1st", "has space", "x" * 49):
        with pytest.raises(ScaffoldError, match="lower-case letters"):
            scaffold(bad, "one", tmp_path)


def test_a_folder_whose_scenario_is_another_is_refused(tmp_path):
    shutil.copytree(REPO / "personas" / "first_offer", tmp_path / "elsewhere")
    with pytest.raises(ScaffoldError, match="is scenario 'first_offer', not 'elsewhere'"):
        scaffold("elsewhere", "one", tmp_path)


def test_the_command_writes_checks_and_says_what_to_do_next(tmp_path, capsys):
    assert main(["new", "draft", "sam_lee", "--dir", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert out.count("wrote ") == 3
    assert "validate: 0 errors, 0 warnings; test plans: pass" in out
    assert f"next: roleplay try {tmp_path / 'draft' / 'sam_lee.yaml'}" in out
    assert main(["new", "draft", "sam_lee", "--dir", str(tmp_path)]) == 2
    assert "already exists" in capsys.readouterr().err
