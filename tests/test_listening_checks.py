"""What validate says about terms, handlers, loops and channels."""

from __future__ import annotations

import shutil

import pytest
from conftest import FIXTURES

from roleplay.source.diagnostics import ScriptError
from roleplay.persona.loader import load_persona
from roleplay.authoring.validate import validate_paths

HAGGLE_DIR = FIXTURES / "listening" / "haggle"
TEXT = (HAGGLE_DIR / "haggle.yaml").read_text(encoding="utf-8")


@pytest.fixture
def write(tmp_path):
    shutil.copy(HAGGLE_DIR / "scenario.yaml", tmp_path / "scenario.yaml")

    def write(text: str, scenario: str | None = None):
        if scenario is not None:
            (tmp_path / "scenario.yaml").write_text(scenario, encoding="utf-8")
        path = tmp_path / "p.yaml"
        path.write_text(text, encoding="utf-8")
        return path

    return write


def edit(old: str, new: str, text: str = TEXT) -> str:
    assert old in text, old
    return text.replace(old, new, 1)


def diagnostics(path) -> list:
    diags, _ = validate_paths([path])
    return diags


def errors_of(path) -> list[str]:
    with pytest.raises(ScriptError) as exc:
        load_persona(path)
    return [str(d) for d in exc.value.diagnostics]


def test_the_fixture_validates_clean():
    assert [str(d) for d in diagnostics(HAGGLE_DIR)] == []


def test_an_unknown_term_in_a_condition_is_an_error_with_a_suggestion(write):
    path = write(edit("when: mentions.signing_bonus and asked.signing_bonus > 0", "when: mentions.signing_bonus and asked.signing_bonu > 0"))
    (msg,) = errors_of(path)
    assert "unknown term 'signing_bonu'" in msg and "did you mean 'signing_bonus'" in msg
    line = TEXT.splitlines()[int(msg.split(":")[1]) - 1]
    col = int(msg.split(":")[2])
    assert line[col - 1:].startswith("asked.signing_bonu")


def test_conceding_what_was_asked_needs_a_declared_limit(write):
    path = write(edit("  signing_bonus: {max: 6000}\n", ""))
    (msg,) = errors_of(path)
    assert "declare the limit under the persona's terms: signing_bonus" in msg


def test_an_offer_effect_of_the_wrong_kind_is_an_error(write):
    path = write(edit("effects: [offer.start_date = asked.start_date]", 'effects: [offer.start_date = "someday"]'))
    (msg,) = errors_of(path)
    assert "offer.start_date is date" in msg


def test_a_fixed_concession_outside_the_limits_is_a_warning(write):
    path = write(edit("effects: [offer.signing_bonus = asked.signing_bonus]", "effects: [offer.signing_bonus = 9000]"))
    assert any("outside this persona's limits" in d.message and d.severity == "warning" for d in diagnostics(path))


def test_an_unknown_term_placeholder_is_an_error(write):
    path = write(edit("I can do {offer.signing_bonus}.", "I can do {offer.bonus_sign}."))
    (msg,) = errors_of(path)
    assert "unknown template name '{offer.bonus_sign}'" in msg and "did you mean 'offer.signing_bonus'" in msg


def test_a_persona_term_the_scenario_does_not_declare_is_an_error(write):
    path = write(edit("  location: {allowed: [Austin]}\n", "  location: {allowed: [Austin]}\n  equity: {max: 2}\n"))
    assert any("'equity' is not a term of the scenario" in m for m in errors_of(path))


def test_a_scenario_term_with_a_bad_start_or_an_unknown_id_is_an_error(write):
    scenario = (HAGGLE_DIR / "scenario.yaml").read_text()
    bad = scenario.replace('start_date: {start: "May 1"}', 'start_date: {start: "soonish"}').replace(
        "location: {start: Boston}", "location: {start: Boston}\n  perks: {start: 3}")
    path = write(TEXT, scenario=bad)
    msgs = errors_of(path)
    assert any("'soonish' is not a date value" in m for m in msgs)
    assert any("unknown term 'perks'" in m for m in msgs)


def test_a_handler_naming_a_missing_state_is_an_error(write):
    path = write(edit("except_in: [wrap_up]", "except_in: [wrapup]"))
    (msg,) = errors_of(path)
    assert "'wrapup' is not a state (did you mean 'wrap_up'?)" in msg


def test_a_fallback_with_a_single_line_is_a_warning(write):
    text = edit('      - "Fine, thanks. And you?"\n      - "All good here. Shall we talk terms?"\n', '      - "Fine, thanks. And you?"\n')
    assert any("stays where it is with a single line" in d.message for d in diagnostics(write(text)))


def test_a_state_that_answers_the_unknown_with_one_line_is_a_warning(write):
    text = edit('    again:\n      - "Is there a term you\'d like to discuss?"\n', "").replace('      - "I\'m listening."\n', "", 1)
    assert any("answers what it doesn't understand with a single line" in d.message for d in diagnostics(write(text)))


def test_an_unguarded_idle_loop_is_a_warning_and_a_stall_rule_guards_it(write):
    loop = edit("      - when: requests_meeting\n        goto: inbox\n",
                "      - when: requests_meeting\n        goto: inbox\n      - when: gratitude\n        goto: talk\n")
    # The stall rule moved after the state's own rules: the gratitude rule, which changes nothing, comes first.
    rule = "  - when: stalled >= 3 and not new_ask\n    goto: wrap_up\n    except_in: [wrap_up]\n"
    unguarded = loop.replace(rule, "").replace("fallback:\n", "fallback:\n" + rule)
    found = [d.message for d in diagnostics(write(unguarded)) if "go round" in d.message]
    assert "the conversation can go round talk -> talk with nothing changing; give the rules there an effect or a limit, or put a rule on 'stalled' (e.g. 'stalled >= 3') before them" in found
    assert not [d for d in diagnostics(write(loop)) if "go round" in d.message]


def test_an_email_sign_off_that_can_be_said_on_a_call_is_a_warning(write):
    text = edit('      - "Go on."\n', '      - "Go on.\\nBest, Hal"\n')
    (d,) = [d for d in diagnostics(write(text)) if "reads like an email" in d.message]
    assert d.severity == "warning" and "channel: email" in d.message


def test_a_line_for_a_channel_its_state_never_uses_is_a_warning(write):
    text = edit('      - "Go on."\n', '      - {text: "Thanks for writing.", channel: email}\n      - "Go on."\n')
    assert any("this line is for email but state 'talk' is only on call" in d.message for d in diagnostics(write(text)))
