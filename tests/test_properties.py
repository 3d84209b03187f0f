"""Property tests for issue 9 (nothing typed is lost, nothing hangs, nothing
crashes): random and mutated persona files only ever fail with the loader's
own error, and random messages never crash the tagger, a session, its
exports or the UI's text helpers.

The findings of this fuzzing come first, each as the plain example that
failed before its fix.
"""

from __future__ import annotations

import pytest

from roleplay.persona.diagnostics import ScriptError

# ------------------------------------------------------------------ findings


@pytest.mark.parametrize("text", [
    "I was hoping for $" + "9" * 400 + " base",  # 400 digits: a float overflows to inf
    "a " + "9" * 400 + "% raise",
    "could I have " + "9" * 400 + " days of pto",
    "$" + "9" * 305 + " crore",  # finite, until the multiplier
], ids=["money", "percent", "days", "crore"])
def test_a_digit_run_too_long_for_a_float_is_not_an_amount(text):
    from roleplay.analysis.terms import terms

    found = terms(text)  # OverflowError: cannot convert float infinity to integer, before
    assert all(not isinstance(t.value, float) or abs(t.value) < 1e300 for t in found)


def _bank_vp_copy(tmp_path, old: str, new: str):
    import shutil

    from conftest import REPO

    folder = tmp_path / "p"
    folder.mkdir()
    shutil.copy(REPO / "personas" / "first_offer" / "scenario.yaml", folder / "scenario.yaml")
    text = (REPO / "personas" / "first_offer" / "bank_vp.yaml").read_text(encoding="utf-8")
    assert old in text
    (folder / "bank_vp.yaml").write_text(text.replace(old, new), encoding="utf-8")
    return folder / "bank_vp.yaml"


@pytest.mark.parametrize("old,new", [
    ("base_salary: {max: 124000}", "base_salary: {max: 1e400}"),  # a float that is inf: OverflowError before
    ("trust: {start: 55,", "trust: {start: 0x" + "f" * 5000 + ","),  # an int too long to print: ValueError before
], ids=["inf", "5000-hex-digits"])
def test_a_number_no_persona_can_use_is_a_clear_error(tmp_path, old, new):
    from roleplay.persona.loader import load_persona
    from roleplay.persona.validate import validate_paths

    path = _bank_vp_copy(tmp_path, old, new)
    with pytest.raises(ScriptError) as exc:
        load_persona(path)
    assert any("too large" in d.message for d in exc.value.errors), exc.value
    diagnostics, _ = validate_paths([path])
    assert any(d.severity == "error" and "too large" in d.message for d in diagnostics)


def test_an_infinite_value_has_no_normal_form():
    from roleplay.persona.termspec import normalize

    for kind in ("money", "count"):
        assert normalize(kind, float("inf")) is None and normalize(kind, float("nan")) is None
    assert normalize("money", 1e14) == 10**14
