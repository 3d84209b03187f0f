"""Every class of persona error, reported at its file, line and column."""

import pytest

from roleplay.source.diagnostics import ScriptError
from roleplay.persona.loader import load_persona
from tests.conftest import tiny_text


def problems(write_persona, text: str):
    path = write_persona(text)
    with pytest.raises(ScriptError) as exc:
        load_persona(path, explore=True)
    return exc.value.diagnostics


def line_of(text: str, needle: str) -> int:
    for n, line in enumerate(text.splitlines(), 1):
        if needle in line:
            return n
    raise AssertionError(needle)


def edit(old: str, new: str) -> str:
    text = tiny_text()
    assert old in text, old
    return text.replace(old, new, 1)


def test_the_fixture_is_valid(tiny_path):
    loaded = load_persona(tiny_path, explore=True)
    assert loaded.persona.id == "tiny" and loaded.warnings == ()


def test_yaml_syntax_error(write_persona):
    text = edit("difficulty: easy", "difficulty: [easy")
    (d,) = problems(write_persona, text)
    assert d.file.endswith("p.yaml") and "syntax" in d.message


def test_unknown_key_with_did_you_mean(write_persona):
    text = edit("      - when: threat\n        effects: [trust -= 40]", "      - when: threat\n        efects: [trust -= 40]")
    diags = problems(write_persona, text)
    d = next(d for d in diags if "unknown key" in d.message)
    assert "did you mean 'effects'" in d.message
    assert (d.line, d.col) == (line_of(text, "efects:"), 9)


def test_wrong_type(write_persona):
    text = edit("trust: {start: 50, min: 0, max: 100}", "trust: {start: fifty, min: 0, max: 100}")
    (d,) = problems(write_persona, text)
    assert d.line == line_of(text, "start: fifty") and "integer" in d.message


def test_missing_key(write_persona):
    text = edit("difficulty: easy\n", "")
    (d,) = problems(write_persona, text)
    assert "missing key 'difficulty'" in d.message and d.line == 1


def test_bad_enum_value(write_persona):
    text = edit("outcome: partial", "outcome: meh")
    (d,) = problems(write_persona, text)
    assert d.line == line_of(text, "outcome: meh") and "success" in d.message


def test_rule_pointing_to_a_missing_state(write_persona):
    text = edit("goto: cold\n      - when: requests_meeting", "goto: clod\n      - when: requests_meeting")
    diags = problems(write_persona, text)
    d = next(d for d in diags if "not a state or an ending" in d.message)
    assert "did you mean 'cold'" in d.message
    assert d.line == line_of(text, "goto: clod") and d.col == 15


def test_unreachable_state(write_persona):
    text = tiny_text().replace("endings:\n", "  orphan:\n    channel: call\n    say: [Hi]\n    otherwise: {goto: orphan}\nendings:\n")
    diags = problems(write_persona, text)
    d = next(d for d in diags if "orphan" in d.message)
    assert "unreachable" in d.message and d.line == line_of(text, "  orphan:") and d.col == 3


def test_unreachable_ending(write_persona):
    text = tiny_text() + "  never:\n    outcome: failure\n    title: Never\n    say: [No]\n    summary: Never happens.\n"
    diags = problems(write_persona, text)
    d = next(d for d in diags if "never" in d.message)
    assert "unreachable" in d.message and d.line == line_of(text, "  never:")


def test_ending_whose_rules_can_never_fire(write_persona):
    # trust never drops below 0, so this rule cannot fire and 'withdrawn' is unreachable.
    text = edit("when: threat and trust < 20", "when: threat and trust < 0")
    diags = problems(write_persona, text)
    d = next(d for d in diags if "withdrawn" in d.message)
    assert "can never be reached" in d.message and d.severity == "error"


def test_rule_swallowed_by_an_earlier_rule_is_a_warning(write_persona):
    text = edit("      - when: requests_meeting\n        goto: call", "      - when: requests_meeting\n        goto: call\n      - when: requests_meeting and gratitude\n        goto: cold")
    path = write_persona(text)
    loaded = load_persona(path, explore=True)
    (w,) = loaded.warnings
    assert w.severity == "warning" and "earlier rule always matches first" in w.message
    assert w.line == line_of(text, "requests_meeting and gratitude")


def test_bad_condition_column_points_inside_the_expression(write_persona):
    text = edit("when: asks_extension and trust >= 40", "when: asks_extension and trsut >= 40")
    (d,) = problems(write_persona, text)
    assert "unknown name 'trsut'" in d.message and "did you mean 'trust'" in d.message
    line = text.splitlines()[d.line - 1]
    assert line[d.col - 1 :].startswith("trsut")


def test_bad_condition_inside_quotes(write_persona):
    text = edit("when: asks_extension and trust >= 40", 'when: "asks_extension and trust >> 40"')
    (d,) = problems(write_persona, text)
    line = text.splitlines()[d.line - 1]
    assert line[d.col - 1 :].startswith(">>") or "not allowed" in d.message


def test_bad_effect(write_persona):
    text = edit("effects: [trust += 20]", "effects: [trsut += 20]")
    (d,) = problems(write_persona, text)
    assert "unknown variable 'trsut'" in d.message and d.line == line_of(text, "trsut += 20")


def test_unknown_template_name(write_persona):
    text = edit('"Welcome to {company}, {learner}."', '"Welcome to {compnay}, {learner}."')
    (d,) = problems(write_persona, text)
    assert "unknown template name '{compnay}'" in d.message and "did you mean 'company'" in d.message
    line = text.splitlines()[d.line - 1]
    assert line[d.col - 1 :].startswith("{compnay}")


def test_missing_start_state(write_persona):
    (d,) = problems(write_persona, edit("start: inbox", "start: lobby"))
    assert "start state 'lobby' does not exist" in d.message


def test_unknown_scenario(write_persona):
    (d,) = problems(write_persona, edit("scenario: tiny", "scenario: tinny"))
    assert "unknown scenario 'tinny'" in d.message and "did you mean 'tiny'" in d.message


def test_start_channel_must_match_the_scenario(write_persona):
    text = edit("  inbox:\n    channel: email", "  inbox:\n    channel: call")
    diags = problems(write_persona, text)
    assert any("opens on 'email'" in d.message for d in diags)


def test_variable_start_outside_its_range(write_persona):
    (d,) = problems(write_persona, edit("trust: {start: 50, min: 0, max: 100}", "trust: {start: 150, min: 0, max: 100}"))
    assert "outside 0..100" in d.message


def test_reserved_variable_names(write_persona):
    text = edit("  trust: {start: 50, min: 0, max: 100}", "  trust: {start: 50, min: 0, max: 100}\n  threat: {start: 0}")
    diags = problems(write_persona, text)
    assert any("reserved" in d.message for d in diags)


def test_not_a_mapping(write_persona):
    (d,) = problems(write_persona, "- just\n- a list\n")
    assert "mapping" in d.message


def test_several_errors_are_reported_at_once(write_persona):
    text = edit("goto: cold\n      - when: requests_meeting", "goto: clod\n      - when: requests_meeting").replace("effects: [trust += 20]", "effects: [nope += 20]")
    diags = problems(write_persona, text)
    assert len([d for d in diags if d.severity == "error"]) >= 2
    assert diags == sorted(diags)


def test_diagnostic_format_is_gcc_style(write_persona):
    (d,) = problems(write_persona, edit("start: inbox", "start: lobby"))
    assert str(d).startswith(f"{d.file}:{d.line}:{d.col}: error: ")


def test_unknown_principle_weight_is_reported_in_the_scenario_file(persona_dir):
    from roleplay.authoring.validate import validate_file

    path = persona_dir / "scenario.yaml"
    text = path.read_text().replace("  no_threats: 2", "  no_threats: 2\n  colaboration: 1")
    path.write_text(text)
    (d,) = validate_file(path)
    assert d.file.endswith("scenario.yaml") and d.severity == "warning"
    assert d.line == line_of(text, "colaboration:") and d.col == 3
    assert "unknown principle 'colaboration'" in d.message and "did you mean 'collaboration'" in d.message
