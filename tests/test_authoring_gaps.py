"""Gaps in the coaches' toolchain (issue 10): each slip is reported at its
file, line and column, in plain words, or the tool does what it says."""

from __future__ import annotations

import shutil

import pytest

from roleplay.cli import main
from roleplay.source.diagnostics import ScriptError
from roleplay.persona.loader import load_persona
from roleplay.authoring.validate import validate_paths
from roleplay.source.yamlsource import load_yaml_text
from tests.conftest import TINY_DIR, tiny_text


def line_of(text: str, needle: str) -> int:
    for n, line in enumerate(text.splitlines(), 1):
        if needle in line:
            return n
    raise AssertionError(needle)


def col_of(text: str, needle: str) -> int:
    return text.splitlines()[line_of(text, needle) - 1].index(needle) + 1


def edit(old: str, new: str, text: str | None = None) -> str:
    text = tiny_text() if text is None else text
    assert old in text, old
    return text.replace(old, new, 1)


def problems(path, **kw):
    with pytest.raises(ScriptError) as exc:
        load_persona(path, explore=True, **kw)
    return exc.value.diagnostics


def warnings_of(path) -> list:
    return list(load_persona(path, explore=True).warnings)


def one_line(d) -> str:
    text = str(d)
    assert "\n" not in text and text.count(":") >= 4, text
    return text


# ------------------------------------------------ 1. placeholders outside replies


@pytest.mark.parametrize(
    "old, new, needle",
    [
        ("title: Later start agreed", "title: Later start at {compnay}", "{compnay}"),
        ("summary: You asked live and got it.", "summary: You asked {manger} live and got it.", "{manger}"),
        ("role: Test Manager", "role: Test Manager at {compnay}", "{compnay}"),
        ("summary: A minimal persona for tests.", "summary: A persona at {compnay}.", "{compnay}"),
    ],
)
def test_unknown_placeholders_in_persona_texts_are_errors_at_their_column(write_persona, old, new, needle):
    text = edit(old, new)
    d = next(d for d in problems(write_persona(text)) if "unknown template name" in d.message)
    assert d.severity == "error" and (d.line, d.col) == (line_of(text, needle), col_of(text, needle))
    assert "did you mean" in d.message
    one_line(d)


def test_unknown_placeholder_in_a_folded_block_is_found_on_its_own_line(write_persona):
    text = edit("    summary: Time ran out.", "    summary: >-\n      Time ran out\n      at {compnay}, sadly.")
    d = next(d for d in problems(write_persona(text)) if "{compnay}" in d.message)
    assert (d.line, d.col) == (line_of(text, "at {compnay}"), col_of(text, "{compnay}"))


@pytest.mark.parametrize(
    "old, new",
    [
        ("situation: You accepted an offer from {company}.", "situation: You accepted an offer from {compnay}."),
        ("    - A later start date.", "    - A later start date at {compnay}."),
        ("  role: You are a test candidate.", "  role: You are a test candidate at {compnay}."),
    ],
)
def test_unknown_placeholders_in_the_scenario_briefing_are_errors_in_the_scenario_file(persona_dir, old, new):
    scenario = (TINY_DIR / "scenario.yaml").read_text(encoding="utf-8")
    text = edit(old, new, scenario)
    (persona_dir / "scenario.yaml").write_text(text, encoding="utf-8")
    shutil.copy(TINY_DIR / "tiny.yaml", persona_dir / "tiny.yaml")
    d = next(d for d in problems(persona_dir / "tiny.yaml") if "{compnay}" in d.message)
    assert d.file.endswith("scenario.yaml") and (d.line, d.col) == (line_of(text, "{compnay}"), col_of(text, "{compnay}"))
    assert "did you mean 'company'" in d.message
    # validate of the folder says it once, and of the scenario alone too
    diags, _ = validate_paths([persona_dir])
    assert sum("{compnay}" in d.message for d in diags) == 1
    alone, _ = validate_paths([persona_dir / "scenario.yaml"])
    assert any("{compnay}" in d.message and d.severity == "error" for d in alone)


def test_a_placeholder_a_persona_declares_is_fine_in_the_scenario_briefing(persona_dir):
    scenario = edit("situation: You accepted an offer from {company}.", "situation: You accepted {manager}'s offer at {office}.",
                    (TINY_DIR / "scenario.yaml").read_text(encoding="utf-8"))
    (persona_dir / "scenario.yaml").write_text(scenario, encoding="utf-8")
    (persona_dir / "tiny.yaml").write_text(edit("voice: Plain.", "voice: Plain.\nnames:\n  office: the Leeds office"), encoding="utf-8")
    assert load_persona(persona_dir / "tiny.yaml", explore=True).warnings == ()
    diags, _ = validate_paths([persona_dir / "scenario.yaml"])
    assert diags == []


def test_a_known_placeholder_in_the_persona_list_texts_is_a_warning(write_persona):
    text = edit("summary: A minimal persona for tests.", "summary: A manager at {company}.")
    (d,) = [d for d in warnings_of(write_persona(text)) if "{company}" in d.message]
    assert "persona list" in d.message and d.line == line_of(text, "{company}")


# ------------------------------------------------ 2. endings beyond the turn limit

CHAIN = """\
id: chain
name: Chan Chain
role: Manager
scenario: tiny
difficulty: easy
summary: A chain of states.
voice: Plain.
start: one
turn_limit: {turns: TURNS, goto: out}
always:
  - when: stalled >= 2
    goto: out
states:
  one:
    channel: email
    say: ["One.", "Uno."]
    rules:
      - when: gratitude
        goto: two
      - when: accepts
        goto: near
  two:
    channel: email
    say: ["Two.", "Dos."]
    rules:
      - when: gratitude
        goto: three
  three:
    channel: email
    say: ["Three.", "Tres."]
    rules:
      - when: gratitude
        goto: far
endings:
  far: {outcome: success, title: Far, say: ["Done."], summary: Three thanks.}
  near: {outcome: partial, title: Near, say: ["Fine."], summary: Accepted.}
  out: {outcome: failure, title: Out, say: ["Bye."], summary: Time ran out.}
"""


def test_an_ending_beyond_the_turn_limit_is_a_warning(write_persona):
    text = CHAIN.replace("TURNS", "2")
    path = write_persona(text, "chain.yaml")
    (d,) = [d for d in warnings_of(path) if "turn limit" in d.message]
    assert "'far'" in d.message and "at least 3 moves" in d.message and "after 2" in d.message
    assert d.line == line_of(text, "  far:")
    one_line(d)


def test_an_ending_within_the_turn_limit_is_fine(write_persona):
    path = write_persona(CHAIN.replace("TURNS", "3"), "chain.yaml")
    assert not [d for d in warnings_of(path) if "turn limit" in d.message]


# ------------------------------------------------ 3. test-plan expectations


def plan_dir(tmp_path, expect: str):
    for f in ("scenario.yaml", "tiny.yaml"):
        shutil.copy(TINY_DIR / f, tmp_path / f)
    text = (
        "plans:\n"
        "  - name: extension on a call\n"
        "    moves: [{tags: [requests_meeting]}, {tags: [asks_extension]}]\n"
        f"    expect: {expect}\n"
    )
    (tmp_path / "tiny.test.yaml").write_text(text, encoding="utf-8")
    return tmp_path / "tiny.test.yaml", text


@pytest.mark.parametrize(
    "expect, needle, meant",
    [
        ("{outcome: sucess}", "sucess", "success"),
        ("{outcome: [success, partail]}", "partail", "partial"),
        ("{ending: grantd}", "grantd", "granted"),
        ("{visits: [cal]}", "cal]", "call"),
        ("{principle_min: {no_threat: 50}}", "no_threat", "no_threats"),
    ],
)
def test_misspelled_expectations_are_reported_by_validate_and_by_test(tmp_path, capsys, expect, needle, meant):
    path, text = plan_dir(tmp_path, expect)
    diags, _ = validate_paths([path])
    (d,) = diags
    assert d.severity == "error" and f"did you mean '{meant}'" in d.message
    assert (d.line, d.col) == (line_of(text, needle), col_of(text, needle))
    one_line(d)
    code = main(["test", str(path)])
    out = capsys.readouterr().out
    assert code == 2 and f"did you mean '{meant}'" in out


def test_correct_expectations_validate(tmp_path):
    path, _ = plan_dir(tmp_path, "{outcome: success, ending: granted, visits: [call]}")
    assert validate_paths([path])[0] == []


# ------------------------------------------------ 4. the provocation norm, per scenario


def test_an_offer_withdrawn_after_a_single_threat_is_a_warning(write_persona):
    text = edit("      - when: threat\n        effects: [trust -= 40]\n        goto: cold\n      - when: requests_meeting",
                "      - when: threat\n        effects: [trust -= 40]\n        goto: withdrawn\n      - when: requests_meeting")
    (d,) = [d for d in warnings_of(write_persona(text)) if "norms.withdraw_after_threats" in d.message]
    assert "'withdrawn'" in d.message and "single provocation" in d.message and "inbox.rules[0]" in d.message
    assert d.line == line_of(text, "  withdrawn:")
    one_line(d)


def test_an_offer_withdrawn_for_hostility_alone_is_a_warning(write_persona):
    text = edit("      - when: affirms_commitment\n        effects: [trust += 20]\n        goto: inbox",
                "      - when: affirms_commitment\n        effects: [trust += 20]\n        goto: inbox\n      - when: hostile\n        goto: withdrawn")
    text = edit("      - when: requests_meeting\n        goto: call", "      - when: requests_meeting\n        goto: call\n      - when: hostile\n        goto: cold", text)
    (d,) = [d for d in warnings_of(write_persona(text)) if "norms.withdraw_after_threats" in d.message]
    assert "no threat at all" in d.message


def test_the_norm_is_a_scenario_setting(persona_dir, write_persona):
    # The fixture withdraws after two threats: fine by default (2), not under 3.
    assert not [d for d in warnings_of(write_persona(tiny_text())) if "withdraw" in d.message]
    scenario = (TINY_DIR / "scenario.yaml").read_text(encoding="utf-8") + "norms: {withdraw_after_threats: 3}\n"
    (persona_dir / "scenario.yaml").write_text(scenario, encoding="utf-8")
    (d,) = [d for d in warnings_of(write_persona(tiny_text(), "q.yaml")) if "withdraw" in d.message]
    assert "after 2 provocations" in d.message and "withdraw_after_threats: 3" in d.message
    # 0 switches it off; withdrawal_endings names the endings
    (persona_dir / "scenario.yaml").write_text(scenario.replace("3}", "0}"), encoding="utf-8")
    assert not [d for d in warnings_of(write_persona(tiny_text(), "r.yaml")) if "withdraw" in d.message]
    (persona_dir / "scenario.yaml").write_text(scenario.replace("3}", "3, withdrawal_endings: [granted]}"), encoding="utf-8")
    (d,) = [d for d in warnings_of(write_persona(tiny_text(), "s.yaml")) if "withdraw" in d.message]
    assert "'granted'" in d.message


# ------------------------------------------------ 5. YAML slips in plain words


@pytest.mark.parametrize(
    "text, where, fragment",
    [
        ("a: 1\nb:\n\tc: 2\n", (3, 1), "tabs cannot indent YAML; use spaces"),
        ("a:\n  - x\n\t- y\n", (3, 1), "tabs cannot indent YAML; use spaces"),
        ("a:\n  b: 1\n  c:2\n  d: 3\n", (3, 4), "put a space after ':'"),
        ("rules:\n  - when:threat\n    goto: x\n", (2, 9), "put a space after ':'"),
        ("t: {turns: 6, goto:x}\n", (1, 19), "put a space after ':'"),
        ("say: {learner}, welcome\n", (1, 6), "starts with '{' is read as a mapping"),
        ("say:\n  - {learner} welcome\n", (2, 5), "starts with '{' is read as a mapping"),
        ("say: *bold* move\n", (1, 6), "cannot start with '*'"),
        ("a:\n  - x\n  b: 1\n", (3, 3), "lines up with the '- '"),
        ("a:\n  b: 1\n  - x\n", (3, 3), "a list item ('- ') where the keys"),
        ("a:\n  - x\n   - y\n", (3, 4), "read as more of the text above"),
        ('a: "hello\nb: 2\n', (1, 4), "never closed"),
        ('a: "hello\nb: "x"\n', (1, 4), "not closed on its line"),
        ("say: 'it's'\n", (1, 10), "write '' for an apostrophe"),
        ("say: Note: this is it\n", (1, 6), "': ' in it"),
        ("say: @home\n", (1, 6), "cannot start with '@'"),
    ],
)
def test_common_yaml_slips_get_plain_messages_at_the_slip(text, where, fragment):
    with pytest.raises(ScriptError) as exc:
        load_yaml_text(text, "f.yaml")
    (d,) = exc.value.diagnostics
    assert fragment in d.message and (d.line, d.col) == where, d
    assert "cannot start any token" not in d.message
    one_line(d)


def test_a_tab_in_a_persona_file(write_persona):
    text = edit("    channel: email\n    say:\n      - \"Noted.\"", "    channel: email\n    say:\n\t- \"Noted.\"")
    (d,) = problems(write_persona(text))
    assert d.message.endswith("tabs cannot indent YAML; use spaces") and (d.line, d.col) == (line_of(text, '\t- "Noted."'), 1)


def test_a_missing_space_after_a_colon_in_a_rule(write_persona):
    text = edit("      - when: requests_meeting\n        goto: call", "      - when:requests_meeting")
    (d,) = problems(write_persona(text))
    assert "put a space after ':'" in d.message and (d.line, d.col) == (line_of(text, "when:requests"), col_of(text, ":requests"))


# ------------------------------------------------ 6. expressions


@pytest.mark.parametrize(
    "when, fragment, at",
    [
        ("threat && trust < 50", "use 'and', not '&&'", "&&"),
        ("threat || gratitude", "use 'or', not '||'", "||"),
        ('"!threat"', "use 'not', not '!'", "!"),  # unquoted, YAML reads !threat as a tag (its own message)
        ("trust = 50", "'=' assigns; compare with '=='", "="),
        ("threat or", "the condition ends with 'or': something is missing after it", "or"),
        ("gratitude and", "the condition ends with 'and'", "and"),
        ("(threat or gratitude", "this '(' is never closed", "("),
        ("threat)", "this ')' closes no '('", ")"),
        ("threat AND gratitude", "write 'and' in lower case", "AND"),
    ],
)
def test_expression_slips_get_plain_hints_at_their_column(write_persona, when, fragment, at):
    text = edit("      - when: requests_meeting", f"      - when: {when}")
    d = next(d for d in problems(write_persona(text)) if "in condition" in d.message)
    assert fragment in d.message and "invalid syntax" not in d.message
    row = text.splitlines()[d.line - 1]
    assert d.line == line_of(text, f"when: {when}") and row[d.col - 1 :].startswith(at), (d, row)


@pytest.mark.parametrize("name, meant", [("ultimatum", "threat"), ("rude", "hostile"), ("thanks", "gratitude"), ("thraet", "threat"), ("bye", "goodbye")])
def test_unknown_names_list_tags_signals_and_variables_with_the_likeliest_first(write_persona, name, meant):
    text = edit("      - when: requests_meeting", f"      - when: {name} and trust > 1")
    d = next(d for d in problems(write_persona(text)) if "unknown name" in d.message)
    msg = d.message
    assert f"unknown name '{name}' (did you mean '{meant}'?)" in msg
    assert msg.index("did you mean") < msg.index("tags:") < msg.index("signals:") < msg.index("variables:")
    assert "accepts" in msg and "small_talk" in msg and "variables: trust" in msg
    assert (d.line, d.col) == (line_of(text, f"when: {name}"), col_of(text, name))
    one_line(d)


# ------------------------------------------------ 7. a comma inside {…}


def test_an_unquoted_comma_inside_braces_is_named(write_persona):
    text = edit('      - "Thanks for writing."', "      - {text: Hello, Sam, channel: email}")
    (d,) = problems(write_persona(text))
    assert "a comma inside {…} separates keys" in d.message and "quote the text" in d.message
    assert 'text: "Hello, Sam"' in d.message and (d.line, d.col) == (line_of(text, "Hello, Sam"), col_of(text, "Sam,"))


# ------------------------------------------------ 8. rules counted as transcripts count them


def test_warnings_count_rules_from_zero_like_transcripts(write_persona, tiny):
    text = edit("      - when: requests_meeting\n        goto: call", "      - when: threat and trust < 90\n        goto: call\n      - when: requests_meeting\n        goto: call")
    (d,) = [d for d in warnings_of(write_persona(text)) if "never fires" in d.message]
    assert "inbox.rules[1]" in d.message and "rule 2" not in d.message
    from roleplay.engine.session import Session

    s = Session(tiny, seed=0)
    assert s.play("", tags=("threat",)).rule == "inbox.rules[0]"  # the same numbering


# ------------------------------------------------ 9. the relationship variable


def test_the_relationship_variable_is_declared_and_used(write_persona):
    from roleplay.engine.debrief import TRUST, build_debrief, relationship_var
    from roleplay.engine.session import Session

    text = edit("variables:\n  trust: {start: 50, min: 0, max: 100}", "relationship: rapport\nvariables:\n  trust: {start: 50, min: 0, max: 100}\n  rapport: {start: 7, min: 0, max: 10}")
    loaded = load_persona(write_persona(text), explore=True)
    assert relationship_var(loaded) == "rapport" and relationship_var(loaded.persona) == "rapport"
    s = Session(loaded, seed=0)
    s.play("", tags=("requests_meeting",))
    d = build_debrief(s)
    assert d.trust == [7, 7] and d.trust_range == (0, 10)
    assert relationship_var(load_persona(TINY_DIR / "tiny.yaml")) == TRUST == "trust"


def test_an_undeclared_relationship_variable_is_an_error(write_persona):
    text = edit("variables:", "relationship: turst\nvariables:")
    (d,) = problems(write_persona(text))
    assert "relationship 'turst' is not a variable (did you mean 'trust'?)" in d.message and d.line == line_of(text, "relationship:")


async def test_the_coach_panel_shows_the_relationship_variable_by_its_name(tmp_path):
    """Before: the bar read only a variable named exactly `trust` (else 'not tracked')."""
    from roleplay.engine.conversation import Conversation
    from roleplay.persona.loader import load_persona
    from roleplay.ui.app import RoleplayApp
    from roleplay.ui.widgets.coach import TrustMeter
    from roleplay.ui.widgets.composer import Composer

    shutil.copy(TINY_DIR / "scenario.yaml", tmp_path / "scenario.yaml")
    text = (TINY_DIR / "tiny.yaml").read_text(encoding="utf-8").replace("trust", "rapport")
    (tmp_path / "tiny.yaml").write_text(text.replace("variables:", "relationship: rapport\nvariables:", 1), encoding="utf-8")
    conv = Conversation.start(load_persona(tmp_path / "tiny.yaml"), 0)
    app = RoleplayApp(conversation=conv)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        meter = app.screen.query_one(TrustMeter)
        assert str(meter.render()).startswith("Rapport") and "50" in str(meter.render())
        app.screen.query_one(Composer).text = "This is ridiculous, do it or I walk."
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert "10" in str(meter.render()) and "(−40)" in str(meter.render())


# ------------------------------------------------ 10. random playthroughs without a plan


def test_random_playthroughs_run_without_a_test_plan(tmp_path, capsys):
    for f in ("scenario.yaml", "tiny.yaml"):
        shutil.copy(TINY_DIR / f, tmp_path / f)
    code = main(["test", "--random", "5", str(tmp_path / "tiny.yaml")])
    out, err = capsys.readouterr()
    assert code == 0 and "5 random playthroughs" in out and "no test plan" in out + err
    assert main(["test", str(tmp_path / "tiny.yaml")]) == 2  # with nothing else to do it is still an error


# ------------------------------------------------ 11. the file-size limit and the scenario lookup, documented


def test_the_size_limit_is_named_in_the_error_and_the_readme(tmp_path):
    from tests.conftest import REPO

    big = tmp_path / "big.yaml"
    big.write_text("a: " + "x" * 1_000_100 + "\n", encoding="utf-8")
    diags, _ = validate_paths([big])
    (d,) = diags
    assert "1 MB" in d.message and "1,000,000 bytes" in d.message
    guide = (REPO / "docs" / "AUTHORING.md").read_text(encoding="utf-8")  # the persona guide moved here from the README
    section = guide[guide.index("## The format") :]
    section = section[: section.index("\n## ", 10)]
    assert "1 MB" in section and "ROLEPLAY_PERSONAS" in section and "scenario.yaml" in section
    assert "norms:" in section and "relationship:" in section and "rules[0]" in section
    assert "docs/AUTHORING.md" in (REPO / "README.md").read_text(encoding="utf-8")


# ------------------------------------------------ 12. graph


def graph(capsys, *argv):
    code = main(["graph", *argv])
    out, _ = capsys.readouterr()
    assert code == 0
    return out


def test_long_labels_are_never_cut_silently(capsys, write_persona):
    long = "requests_meeting and trust >= 1 and trust >= 2 and trust >= 3 and trust >= 4 and trust >= 5"
    path = write_persona(edit("      - when: requests_meeting", f"      - when: {long}"))
    out = graph(capsys, str(path))
    (row,) = [r for r in out.splitlines() if r.startswith("    inbox --> call")]
    label = row.split(": ", 1)[1]
    assert label.endswith("…") and len(label) <= 60 and long.startswith(label[:-1].rstrip())
    dot = graph(capsys, str(path), "--format", "dot")
    (row,) = [r for r in dot.splitlines() if r.startswith('    "inbox" -> "call"')]
    assert row.split('label="', 1)[1].rsplit('"', 1)[0].replace("\\n", " ") == long  # wrapped, whole


def test_ids_that_differ_only_by_dash_or_underscore_stay_two_nodes(capsys, write_persona):
    text = edit("  cold:\n", "  stung-again:\n    channel: email\n    say: [\"Again?\", \"Really?\"]\n    otherwise: {goto: cold}\n  stung_again:\n    channel: email\n    say: [\"Twice?\", \"Hm.\"]\n    otherwise: {goto: cold}\n  cold:\n")
    text = edit("      - when: affirms_commitment\n        effects: [trust += 20]\n        goto: inbox",
                "      - when: affirms_commitment\n        effects: [trust += 20]\n        goto: inbox\n      - when: gratitude\n        goto: stung-again\n      - when: apology\n        goto: stung_again", text)
    out = graph(capsys, str(write_persona(text)))
    ids = {r.split(":")[0].strip() for r in out.splitlines() if "stung" in r and "-->" not in r}
    assert len(ids) == 2 and all(" " not in i and "-" not in i for i in ids)
    assert sum("--> " in r and r.split("--> ")[1].split(":")[0] in ids for r in out.splitlines()) == 2
    assert graph(capsys, str(write_persona(text, "again.yaml"))) == out  # stable


def test_effects_are_drawn_on_request(capsys):
    plain = graph(capsys, str(TINY_DIR / "tiny.yaml"))
    assert "trust -= 40" not in plain
    out = graph(capsys, str(TINY_DIR / "tiny.yaml"), "--effects")
    assert "    inbox --> cold: threat / trust -= 40" in out
    dot = graph(capsys, str(TINY_DIR / "tiny.yaml"), "--format", "dot", "--effects")
    assert '"inbox" -> "cold" [label="threat / trust -= 40"];' in dot


def test_graphviz_format(capsys):
    out = graph(capsys, str(TINY_DIR / "tiny.yaml"), "--format", "dot")
    assert out.startswith('digraph "tiny" {') and out.rstrip().endswith("}")
    assert '"__start__" -> "inbox";' in out and '"granted" [shape=doubleoctagon, label="granted [success]"];' in out
    assert '"__any__" -> "no_decision"' in out
