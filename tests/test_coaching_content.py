"""Coaching content is data: roleplay/coaching/content.yaml and the scenario
files' own words, validated like personas."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from roleplay.coaching.load import CONTENT, coaching, load_content
from roleplay.source.diagnostics import ScriptError
from roleplay.authoring.validate import validate_paths

REPO = Path(__file__).resolve().parent.parent
TEXT = CONTENT.read_text(encoding="utf-8")


def write(tmp_path, text: str) -> Path:
    path = tmp_path / "content.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def errors(path) -> list[str]:
    with pytest.raises(ScriptError) as exc:
        load_content(path)
    return [str(d) for d in exc.value.diagnostics]


def line_of(text: str, needle: str) -> int:
    return next(i for i, line in enumerate(text.splitlines(), 1) if needle in line)


def test_the_shipped_content_loads_and_validates():
    c = coaching()
    assert c.cases["no_threats"]["threat"].delta == -60
    assert c.cases["no_threats"]["threat"].why.startswith("{source.dear_professor}: ")  # cited per scenario
    assert "94%" in c.cases["assertiveness"]["reasonable_ask"].why  # {research.offers_upheld} filled
    diags, checked = validate_paths([CONTENT])
    assert checked == 1 and diags == []


def test_a_coach_changes_a_delta_and_a_sentence_by_editing_the_file(tmp_path):
    text = TEXT.replace("      delta: -60\n      tag: threat\n      note: You made an ultimatum", "      delta: -45\n      tag: threat\n      note: You set a condition")
    c = load_content(write(tmp_path, text))
    assert (c.cases["no_threats"]["threat"].delta, c.cases["no_threats"]["threat"].note) == (-45, "You set a condition")


def test_a_negative_case_without_a_suggestion_is_an_error_at_its_line(tmp_path):
    start = TEXT.index("    threat:\n      delta: -60")
    end = TEXT.index("\n    calm_after_decline:")
    block = TEXT[start:end]
    text = TEXT.replace(block, "\n".join(l for l in block.splitlines() if "suggestion:" not in l))
    (msg,) = errors(write(tmp_path, text))
    assert "needs a 'suggestion'" in msg and f":{line_of(text, '    threat:')}:" in msg


def test_an_unknown_placeholder_or_key_is_an_error_with_its_place(tmp_path):
    text = TEXT.replace("{source.dear_professor}: leverage used", "{source.dear_prof}: leverage used", 1)
    (msg,) = errors(write(tmp_path, text))
    assert "unknown placeholder '{source.dear_prof}'" in msg and "source.dear_professor" in msg
    text = TEXT.replace("      delta: -60\n", "      delta: -60\n      weight: 2\n", 1)
    assert any("unknown key 'weight'" in m for m in errors(write(tmp_path, text)))


def test_a_case_the_rules_can_pick_may_not_go_missing(tmp_path):
    start = TEXT.index("    calm_after_decline:")
    end = TEXT.index("    ask_without_pressure:")
    (msg,) = errors(write(tmp_path, TEXT[:start] + TEXT[end:]))
    assert "missing case 'no_threats.calm_after_decline'" in msg


def test_a_scenario_s_own_words_are_checked(tmp_path):
    src = REPO / "personas" / "first_offer" / "scenario.yaml"
    text = src.read_text(encoding="utf-8").replace("    no_threats.threat:", "    no_threats.thraet:", 1)
    path = tmp_path / "scenario.yaml"
    path.write_text(text, encoding="utf-8")
    diags, _ = validate_paths([path])
    (d,) = [d for d in diags if "unknown case" in d.message]
    assert "did you mean 'no_threats.threat'" in d.message and d.line == line_of(text, "no_threats.thraet")


def test_no_scenario_id_and_no_research_figure_is_written_in_the_code():
    for path in (REPO / "roleplay").rglob("*.py"):
        code = path.read_text(encoding="utf-8")
        assert not re.search(r"""["'](?:reassignment|first_offer)["']""", code), path
        assert "94%" not in code and "46%" not in code, path


def test_a_scenario_without_words_of_its_own_gets_the_general_ones():
    from roleplay.analysis.detector import detect
    from roleplay.analysis.feedback import MoveContext
    from roleplay.analysis.rubric import assess_move

    fb = assess_move(detect("Unless you give me Denver, I'll take the other offer."), MoveContext(scenario="internship", channel="call"))
    threat = next(f for f in fb if f.principle == "no_threats")
    assert threat.suggestion == coaching().cases["no_threats"]["threat"].suggestion


def test_persona_and_scenario_text_quote_the_figures_from_their_one_home():
    from roleplay.persona.catalog import shipped_personas
    from roleplay.persona.loader import load_persona
    from roleplay.persona.template import fill

    lp = load_persona(shipped_personas()["bank_vp"])
    summary = fill(lp.persona.endings["accepted_as_is"].summary, lp.names)
    assert "46%" in summary and "94%" in summary and "{research" not in summary
    facts = " ".join(fill(x, lp.names) for x in lp.scenario.briefing.confidential)
    assert "94% of offers were upheld" in facts
    for path in (REPO / "personas").rglob("*.yaml"):
        text = "\n".join(l for l in path.read_text(encoding="utf-8").splitlines() if not l.lstrip().startswith("#"))
        assert "94%" not in text and "46%" not in text, path


def test_feedback_cites_sources_by_what_they_say_in_each_scenario_s_words():
    from roleplay.analysis.detector import detect
    from roleplay.analysis.feedback import MoveContext
    from roleplay.analysis.rubric import assess_move
    from roleplay.persona.loader import scenario_context_coaching

    d = detect("Unless you give me Denver, I'll take the other offer.")
    general = next(f for f in assess_move(d, MoveContext(scenario="x", channel="call")) if f.principle == "no_threats")
    here = next(f for f in assess_move(d, MoveContext(scenario="reassignment", channel="call", **scenario_context_coaching("reassignment")))
                if f.principle == "no_threats")
    assert "Career advice on asking an employer for a change:" in general.message
    assert "Advice for candidates who want a change after accepting:" in here.message
    for f in (general, here):
        assert "Dear Professor" not in f.message and "{source" not in f.message


def _haggle_with(tmp_path, framing: str):
    src = REPO / "tests" / "fixtures" / "listening" / "haggle"
    shutil.copy(src / "haggle.yaml", tmp_path / "haggle.yaml")
    (tmp_path / "scenario.yaml").write_text((src / "scenario.yaml").read_text(encoding="utf-8") + framing, encoding="utf-8")
    return tmp_path / "haggle.yaml"


def test_framing_labels_the_counterpart_and_can_drop_the_risk_question(tmp_path):
    from roleplay.engine.debrief import build_debrief
    from roleplay.engine.export import transcript_markdown
    from roleplay.engine.session import Session
    from roleplay.persona.loader import load_persona

    lp = load_persona(_haggle_with(tmp_path, "framing:\n  counterpart: client\n  calibration: null\n"))
    s = Session(lp, 0)
    s.play("Could I get a signing bonus of $2,000?")
    assert lp.scenario.framing.calibration is None
    assert build_debrief(s, risk_estimate=5).research == []  # nothing to compare with
    assert "- Client: Hal Haggler" in transcript_markdown(s.transcript(), lp)


def test_an_unknown_source_in_framing_is_an_error_with_a_suggestion(tmp_path):
    path = _haggle_with(tmp_path, "framing:\n  sources:\n    reserch: Studies of offers\n")
    diags, _ = validate_paths([path.with_name("scenario.yaml")])
    (d,) = diags
    assert "unknown source 'reserch' (did you mean 'research'?)" in d.message and d.severity == "error"


def test_every_case_a_message_can_meet_has_an_example_that_meets_it():
    from roleplay.analysis.detector import detect
    from roleplay.analysis.feedback import MoveContext
    from roleplay.analysis.rubric import RULES
    from roleplay.coaching.load import OUTCOME_CASES, REQUIRED_CASES

    for principle, ids in REQUIRED_CASES.items():
        for cid in ids:
            example = coaching().cases[principle][cid].example
            if f"{principle}.{cid}" in OUTCOME_CASES:
                assert example is None
                continue
            assert example, f"{principle}.{cid} has no example"
            text = example.pop("text")
            ctx = MoveContext(scenario="any", **example)
            assert RULES[principle](detect(text), ctx) == cid, (principle, cid, text)


def test_the_principles_words_come_from_the_content_and_their_ids_stay_the_contract(tmp_path):
    from roleplay.analysis.principles import PRINCIPLE_IDS, PRINCIPLES_BY_ID

    assert PRINCIPLE_IDS[0] == "no_threats" and len(PRINCIPLE_IDS) == 9
    assert PRINCIPLES_BY_ID["synchronous"].short == "Live, not email" and len(PRINCIPLES_BY_ID["assertiveness"].short) <= 16
    assert "94%" in PRINCIPLES_BY_ID["assertiveness"].why
    text = TEXT.replace("  no_threats:\n    name:", "  no_threat:\n    name:", 1)
    msgs = errors(write(tmp_path, text))
    assert any("missing principle 'no_threats'" in m for m in msgs) and any("unknown principle 'no_threat'" in m for m in msgs)


def test_a_scenario_can_say_why_in_its_own_words_and_the_counteroffer_never_cites_job_offer_research():
    """Before: counteroffer feedback said 'Research on job-offer negotiations: ... 94% of offers were upheld'."""
    from roleplay.analysis.tags import TAGS
    from roleplay.coaching.load import coaching
    from roleplay.engine.session import Session
    from roleplay.persona.catalog import shipped_personas
    from roleplay.persona.loader import load_persona

    citing = {f"{p}.{cid}" for p, cases in coaching().cases.items() for cid, c in cases.items()
              if "source.research" in c.why or "research." in c.why}
    lp = load_persona(shipped_personas()["team_lead"])
    assert citing <= set(lp.scenario.coaching.reasons)
    said = []
    for i, tag in enumerate(TAGS):  # every tag, alone and after a no, through the rubric
        s = Session(lp, i)
        for tags in ([tag], ["specific_ask"], [tag, "specific_ask"], ["accepts"]):
            if s.ended:
                break
            said += [f.message for f in s.play("", tags=tags).feedback]
    assert said and not [m for m in said if "job-offer" in m or "offers were upheld" in m or "% of candidates" in m]
