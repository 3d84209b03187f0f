"""Tests for hints and the research comparison (roleplay.analysis.hints)."""

from __future__ import annotations

import re

import pytest

from roleplay.analysis.feedback import Hint, MoveContext, SessionScore
from roleplay.analysis.hints import HINTS, RESEARCH_NOTE, hint, research_comparison
from roleplay.analysis.principles import PRINCIPLE_IDS
from roleplay.analysis.tags import Detection

EMPTY = SessionScore(overall=None, principles={p: None for p in PRINCIPLE_IDS})


def d(*tags: str, text: str = "a message") -> Detection:
    return Detection.from_tags(tags, text)


def _words(scenario: str) -> dict:
    # The scenario's own coaching words, from its shipped scenario.yaml.
    from roleplay.persona.loader import scenario_context_coaching

    return scenario_context_coaching(scenario)


def reassign(channel="email", **kw) -> MoveContext:
    return MoveContext(scenario="reassignment", channel=channel, post_acceptance=True, **_words("reassignment"), **kw)


def first(channel="call", **kw) -> MoveContext:
    return MoveContext(scenario="first_offer", channel=channel, **_words("first_offer"), **kw)


def test_email_without_call_request_suggests_live_conversation():
    h = hint(reassign(), [], EMPTY)
    assert isinstance(h, Hint)
    assert h.principle == "synchronous"
    assert "call" in h.text and "email" in h.text


def test_email_after_call_request_moves_on():
    h = hint(reassign(), [d("requests_meeting", "gratitude")], EMPTY)
    assert h.principle != "synchronous"


def test_after_decline_without_extension_suggests_contingency():
    h = hint(reassign("call", after_decline=True), [d("requests_meeting"), d("specific_ask")], EMPTY)
    assert h.principle == "contingency"
    assert "onboarding" in h.text


def test_after_decline_with_extension_no_contingency_hint():
    hist = [d("requests_meeting"), d("specific_ask"), d("asks_extension", "affirms_commitment")]
    h = hint(reassign("call", after_decline=True), hist, EMPTY)
    assert h.principle != "contingency"


def test_after_threat_suggests_repair_by_reaffirming_commitment():
    h = hint(reassign(), [d("threat", "mentions_alternative", "specific_ask")], EMPTY)
    assert h.principle == "commitment"
    assert "commit" in h.text.lower()


def test_threat_repaired_by_later_affirmation():
    hist = [d("threat"), d("affirms_commitment", "requests_meeting")]
    assert hint(reassign(), hist, EMPTY).principle not in ("commitment", "no_threats")


def test_threat_before_acceptance_repair_is_no_threats():
    h = hint(first(), [d("threat", "specific_ask")], EMPTY)
    assert h.principle == "no_threats"


def test_hostile_last_move_suggests_resetting_tone():
    h = hint(first(), [d("specific_ask"), d("hostile")], EMPTY)
    assert h.principle == "professionalism"


def test_first_offer_without_ask_reminds_of_research():
    h = hint(first(), [], EMPTY)
    assert h.principle == "assertiveness"
    assert "94%" in h.text and "46%" in h.text


def test_after_capitulation_suggests_putting_ask_back():
    h = hint(first(), [d("specific_ask"), d("capitulates")], EMPTY)
    assert h.principle == "assertiveness"
    assert "94%" in h.text


def test_no_employer_framing_yet():
    hist = [d("requests_meeting", "affirms_commitment"), d("specific_ask", "personal_preference")]
    h = hint(reassign("call"), hist, EMPTY)
    assert h.principle == "employer_perspective"
    assert "office" in h.text


def test_reassignment_on_call_reaffirm_commitment_first():
    h = hint(reassign("call"), [d("requests_meeting")], EMPTY)
    assert h.principle == "commitment"


def test_discretion_after_mentioning_alternative():
    h = hint(reassign("call"), [d("requests_meeting"), d("mentions_alternative", "affirms_commitment")], EMPTY)
    assert h.principle == "discretion"


def test_collaboration_when_everything_else_done():
    h = hint(first(), [d("specific_ask", "employer_benefit")], EMPTY)
    assert h.principle == "collaboration"


def test_fallback_picks_weakest_principle_deterministically():
    hist = [d("specific_ask", "employer_benefit", "proposes_option")]
    score = SessionScore(overall=70, principles={**EMPTY.principles, "professionalism": 40, "collaboration": 40,
                                                 "assertiveness": 85})
    h = hint(first(), hist, score)
    assert h.principle == "collaboration"  # tie 40/40 broken by canonical order
    # the weakest principle's own hint, in the scenario's words, not a template
    assert h.text == _words("first_offer")["hint_texts"]["collaborate"] and "Keep an eye on" not in h.text
    assert hint(first(), hist, score) == h


def test_fallback_with_nothing_scored():
    hist = [d("specific_ask", "employer_benefit", "proposes_option")]
    assert hint(first(), hist, EMPTY).principle == "professionalism"


def test_inactive_principles_are_not_hinted():
    c = reassign("email", weights={"synchronous": 0})
    assert hint(c, [], EMPTY).principle != "synchronous"
    c = first(weights={"assertiveness": 0})
    assert hint(c, [], EMPTY).principle != "assertiveness"


def test_generic_scenario_wording():
    c = MoveContext(scenario="internship", channel="email")
    h = hint(c, [], EMPTY)
    assert h.principle == "synchronous" and "placement" not in h.text


def test_hints_are_nudges_not_scripts():
    texts_of = [text for _, text in HINTS.values()]
    for scenario in ("reassignment", "first_offer"):
        texts_of += list(_words(scenario)["hint_texts"].values())
    for principle, _ in HINTS.values():
        assert principle in PRINCIPLE_IDS
    for text in texts_of:
        if True:
            # Short: at most three sentences, and no markup.
            assert len(re.findall(r"[.!?](?:\s|$)", text)) <= 3, text
            assert "[" not in text and "]" not in text
            assert not text.lower().startswith(("dear ", "hi ", "hello"))


# --- research comparison ------------------------------------------------------


def test_research_comparison_high_estimate():
    lines = research_comparison(6)
    text = " ".join(lines)
    assert "6" in lines[0]
    assert "1.4 above the 4.6 that candidates" in text and "2.5 above the 3.5 that hiring managers" in text
    assert "94%" in text and "46%" in text


def test_research_comparison_low_estimate():
    text = " ".join(research_comparison(2))
    assert "2.6 below the 4.6" in text and "1.5 below the 3.5" in text


def test_research_comparison_none():
    text = " ".join(research_comparison(None))
    assert "4.6" in text and "3.5" in text and "94%" in text and "46%" in text


@pytest.mark.parametrize("bad", [0, 8, -1, True, 4.5])
def test_research_comparison_rejects_out_of_range(bad):
    with pytest.raises(ValueError):
        research_comparison(bad)


def test_research_note_mentions_the_figures():
    for figure in ("4.6", "3.5", "94%", "46%"):
        assert figure in RESEARCH_NOTE
