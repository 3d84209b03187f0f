"""Tests for the coaching rubric (roleplay.analysis.rubric)."""

from __future__ import annotations

import pytest

from roleplay.analysis.feedback import MoveContext
from roleplay.analysis.principles import PRINCIPLE_IDS
from roleplay.analysis.rubric import suggestion_for, CASES, assess_move, is_concrete, quote_evidence
from roleplay.analysis.tags import Detection, canonical_order


def det(text: str, **spans: str) -> Detection:
    """A detection whose tags are the keywords, each with the given substring as its span."""
    offsets = {}
    for tag, piece in spans.items():
        start = text.index(piece)
        offsets[tag] = (start, start + len(piece))
    return Detection(text=text, tags=canonical_order(spans), spans=offsets)


def ctx(scenario="reassignment", channel="email", **kw) -> MoveContext:
    from roleplay.persona.loader import scenario_context_coaching

    return MoveContext(scenario=scenario, channel=channel, **scenario_context_coaching(scenario), **kw)


def by_principle(feedback):
    return {f.principle: f for f in feedback}


ULTIMATUM = "I hold a second offer from Northwind; unless I am moved to Seattle I will take back my yes."


# --- general shape -----------------------------------------------------------


def test_one_feedback_per_principle_in_canonical_order():
    d = Detection.from_tags(
        ["threat", "mentions_alternative", "specific_ask", "gratitude", "zero_sum", "personal_preference"],
        "Thanks, but I want the most I can get; another firm wants me, so unless you match it I walk.",
    )
    fb = assess_move(d, ctx(post_acceptance=True))
    ids = [f.principle for f in fb]
    assert len(ids) == len(set(ids))
    assert ids == [p for p in PRINCIPLE_IDS if p in ids]


def test_no_tags_no_feedback():
    assert assess_move(Detection.from_tags([], "Hello there."), ctx()) == []


def test_deltas_are_ints_and_messages_not_generic():
    d = det("Thank you so much for the quick reply.", gratitude="Thank you so much")
    (f,) = assess_move(d, ctx(channel="call"))
    assert isinstance(f.delta, int)
    assert "good job" not in f.message.lower()
    assert "[" not in f.message and "]" not in f.message


def test_every_negative_case_has_a_suggestion_for_every_scenario():
    for principle, cases in CASES.items():
        assert principle in PRINCIPLE_IDS
        for case_id, case in cases.items():
            if case.delta < 0:
                for scenario in ("reassignment", "first_offer", "some_other"):
                    s = suggestion_for(principle, case_id, ctx(scenario))
                    assert s, (principle, case_id, scenario)
                    assert "[" not in s and "]" not in s


def test_negative_feedback_carries_suggestion_in_message_and_field():
    d = det(ULTIMATUM, threat="unless I am moved to Seattle I will take back my yes",
            mentions_alternative="I hold a second offer from Northwind", specific_ask="moved to Seattle")
    for f in assess_move(d, ctx(post_acceptance=True)):
        assert f.delta < 0
        assert f.suggestion
        assert f.suggestion in f.message


def test_positive_feedback_has_no_suggestion():
    d = det("Could we set up a short video call this week?", requests_meeting="a short video call")
    (f,) = assess_move(d, ctx())
    assert f.delta > 0 and f.suggestion is None


def test_deterministic():
    d = det(ULTIMATUM, threat="unless I am moved to Seattle", specific_ask="moved to Seattle")
    c = ctx(post_acceptance=True)
    assert assess_move(d, c) == assess_move(d, c)


# --- evidence quoting ---------------------------------------------------------


def test_quotes_the_evidence_span():
    d = det(ULTIMATUM, threat="unless I am moved to Seattle I will take back my yes", specific_ask="moved to Seattle")
    f = by_principle(assess_move(d, ctx()))["no_threats"]
    assert f.evidence == "unless I am moved to Seattle I will take back my yes"
    assert '"unless I am moved to Seattle I will take back my yes"' in f.message
    assert f.tag == "threat"


def test_falls_back_to_start_of_message_without_span():
    d = Detection.from_tags(["threat"], ULTIMATUM)
    f = by_principle(assess_move(d, ctx()))["no_threats"]
    assert f.evidence and ULTIMATUM.startswith(f.evidence)
    assert f.evidence in f.message


def test_long_message_is_shortened_at_a_word():
    text = "I really appreciate it " * 20
    d = Detection.from_tags(["gratitude"], text)
    q = quote_evidence(d, "gratitude")
    assert q.endswith("...") and len(q) <= 115
    assert not q[:-3].endswith(" ")


def test_empty_text_says_this_message():
    f = by_principle(assess_move(Detection.from_tags(["threat"]), ctx()))["no_threats"]
    assert f.evidence is None
    assert "in this message" in f.message


# --- inactive principles ------------------------------------------------------


def test_weight_zero_switches_principle_off():
    d = Detection.from_tags(["threat", "mentions_alternative", "specific_ask"], ULTIMATUM)
    c = ctx(post_acceptance=True, weights={"discretion": 0, "synchronous": 0.0})
    got = {f.principle for f in assess_move(d, c)}
    assert "discretion" not in got and "synchronous" not in got
    assert "no_threats" in got


def test_threat_always_gives_no_threats_even_if_other_weights_zero():
    weights = {p: 0 for p in PRINCIPLE_IDS if p != "no_threats"}
    fb = assess_move(Detection.from_tags(["threat"], "Or else."), ctx(channel="call", weights=weights))
    assert [f.principle for f in fb] == ["no_threats"]
    assert fb[0].delta <= -50


def test_no_threats_can_be_switched_off_explicitly():
    fb = assess_move(Detection.from_tags(["threat"], "Or else."), ctx(weights={"no_threats": 0}))
    assert "no_threats" not in {f.principle for f in fb}


# --- no_threats ---------------------------------------------------------------


def test_threat_is_large_negative_with_seed_reasoning():
    f = by_principle(assess_move(Detection.from_tags(["threat"], ULTIMATUM), ctx()))["no_threats"]
    assert f.delta <= -50
    assert "threat" in f.message.lower() and "people talk" in f.message


def test_clean_ask_is_small_positive_for_no_threats():
    d = det("Would a placement in the Seattle office be possible?", specific_ask="a placement in the Seattle office")
    f = by_principle(assess_move(d, ctx(channel="call")))["no_threats"]
    assert 0 < f.delta <= 15


def test_hostile_ask_gets_no_no_threats_credit():
    d = Detection.from_tags(["specific_ask", "hostile"], "Your pay is an insult; raise it.")
    assert "no_threats" not in by_principle(assess_move(d, ctx(channel="call")))


def test_calm_after_decline_is_positive():
    d = Detection.from_tags(["gratitude"], "I understand, thanks for looking into it.")
    f = by_principle(assess_move(d, ctx(channel="call", after_decline=True)))["no_threats"]
    assert f.delta > 0
    assert "no" in f.message.lower()


def test_threat_after_decline_is_negative():
    d = Detection.from_tags(["threat"], "Then I will go elsewhere.")
    f = by_principle(assess_move(d, ctx(channel="call", after_decline=True)))["no_threats"]
    assert f.delta <= -50


# --- synchronous --------------------------------------------------------------


def test_meeting_request_positive_bigger_on_email():
    d = det("Could we find 20 minutes for a call?", requests_meeting="find 20 minutes for a call")
    on_email = by_principle(assess_move(d, ctx(channel="email")))["synchronous"]
    on_call = by_principle(assess_move(d, ctx(channel="call")))["synchronous"]
    assert on_email.delta > on_call.delta > 0


def test_ask_on_email_negative_softer_with_call_request():
    ask = det("Could I be based in the Seattle office?", specific_ask="based in the Seattle office")
    both = det("Could I be based in Seattle? Maybe we could talk by phone.",
               specific_ask="based in Seattle", requests_meeting="talk by phone")
    hard = by_principle(assess_move(ask, ctx()))["synchronous"]
    soft = by_principle(assess_move(both, ctx()))["synchronous"]
    assert hard.delta < soft.delta < 0
    assert "call" in hard.suggestion.lower()
    assert '"based in the Seattle office"' in hard.message


def test_ask_on_call_no_synchronous_penalty():
    ask = Detection.from_tags(["specific_ask"], "Could I be based in Seattle?")
    assert "synchronous" not in by_principle(assess_move(ask, ctx(channel="call")))


def test_synchronous_suggestion_fits_scenario():
    ask = Detection.from_tags(["specific_ask"], "Could the base go up by 8k?")
    first = by_principle(assess_move(ask, ctx(scenario="first_offer")))["synchronous"]
    reas = by_principle(assess_move(ask, ctx(scenario="reassignment")))["synchronous"]
    other = by_principle(assess_move(ask, ctx(scenario="internship")))["synchronous"]
    assert "placement" in reas.suggestion
    assert "placement" not in first.suggestion and "offer" in first.suggestion
    assert "placement" not in other.suggestion


# --- employer_perspective -----------------------------------------------------


def test_employer_benefit_concrete_beats_vague():
    concrete = det("From Seattle I could cover the three logistics clients the team just signed.",
                   employer_benefit="cover the three logistics clients the team just signed")
    vague = det("I think it would be good for the company overall.",
                employer_benefit="good for the company overall")
    c = by_principle(assess_move(concrete, ctx(channel="call")))["employer_perspective"]
    v = by_principle(assess_move(vague, ctx(channel="call")))["employer_perspective"]
    assert c.delta > v.delta > 0
    assert "evidence" in v.message


def test_is_concrete():
    assert is_concrete("grow revenue by 10%")
    assert is_concrete("support the Atlas team")
    assert is_concrete("two hospital clients")
    assert not is_concrete("it would help the company")


def test_personal_preference_alone_is_negative():
    d = det("My family lives out there and I love the mountains.",
            personal_preference="My family lives out there")
    f = by_principle(assess_move(d, ctx(channel="call")))["employer_perspective"]
    assert f.delta < 0
    assert f.suggestion and '"My family lives out there"' in f.message


def test_personal_preference_with_employer_benefit_is_positive():
    d = Detection.from_tags(["personal_preference", "employer_benefit"],
                            "My partner is there, and I could support the two new clients in that region.")
    f = by_principle(assess_move(d, ctx(channel="call")))["employer_perspective"]
    assert f.delta > 0


# --- commitment ---------------------------------------------------------------


def test_affirms_commitment_positive_more_after_acceptance():
    d = det("I'm fully committed to joining in June.", affirms_commitment="fully committed to joining")
    post = by_principle(assess_move(d, ctx(post_acceptance=True)))["commitment"]
    pre = by_principle(assess_move(d, ctx(scenario="first_offer", channel="call")))["commitment"]
    assert post.delta > pre.delta > 0


def test_threat_hurts_commitment_more_after_acceptance():
    d = Detection.from_tags(["threat"], "Meet my terms or I'm out.")
    post = by_principle(assess_move(d, ctx(post_acceptance=True)))["commitment"]
    pre = by_principle(assess_move(d, ctx(scenario="first_offer", channel="call")))["commitment"]
    assert post.delta < pre.delta < 0


def test_threat_overrides_affirmation_in_same_message():
    d = Detection.from_tags(["threat", "affirms_commitment"], "I love this job, but move me or I quit.")
    f = by_principle(assess_move(d, ctx(post_acceptance=True)))["commitment"]
    assert f.delta < 0


# --- discretion ---------------------------------------------------------------


def test_alternative_after_acceptance_is_strongly_negative():
    d = det("Another company has offered me a role too.", mentions_alternative="Another company has offered me a role")
    f = by_principle(assess_move(d, ctx(post_acceptance=True)))["discretion"]
    assert f.delta <= -30 and "BATNA" in f.message and f.suggestion


def test_alternative_before_acceptance_is_mild_note():
    d = Detection.from_tags(["mentions_alternative"], "I do have another offer I'm weighing.")
    f = by_principle(assess_move(d, ctx(scenario="first_offer", channel="call")))["discretion"]
    assert -10 <= f.delta < 0 and f.suggestion


# --- contingency --------------------------------------------------------------


def test_extension_after_decline_is_the_contingency():
    d = det("Could we push my onboarding back by a month?", asks_extension="push my onboarding back by a month")
    f = by_principle(assess_move(d, ctx(channel="call", after_decline=True)))["contingency"]
    assert f.delta >= 20 and '"push my onboarding back by a month"' in f.message


def test_extension_before_decline_does_not_touch_contingency():
    d = Detection.from_tags(["asks_extension"], "Could I have until Monday to decide?")
    assert "contingency" not in by_principle(assess_move(d, ctx(channel="call")))


def test_escalation_after_decline_is_negative_and_quotes_it():
    d = det("That is absurd. Then I'm taking the other job.", hostile="That is absurd", threat="Then I'm taking the other job")
    f = by_principle(assess_move(d, ctx(channel="call", after_decline=True)))["contingency"]
    assert f.delta < 0 and f.suggestion and "Then I'm taking the other job" in f.message
    h = det("That is absurd and frankly insulting.", hostile="That is absurd")
    f = by_principle(assess_move(h, ctx(channel="call", after_decline=True)))["contingency"]
    assert f.delta < 0 and '"That is absurd"' in f.message


def test_giving_up_after_decline_is_negative():
    d = Detection.from_tags(["capitulates"], "Oh, okay, sorry, forget the whole thing.")
    f = by_principle(assess_move(d, ctx(channel="call", after_decline=True)))["contingency"]
    assert f.delta < 0 and "onboarding" in f.suggestion


def test_option_after_decline_is_a_smaller_fallback():
    opt = Detection.from_tags(["proposes_option"], "What if I moved after my first project?")
    ext = Detection.from_tags(["asks_extension"], "Could my start move back a month?")
    c = ctx(channel="call", after_decline=True)
    o = by_principle(assess_move(opt, c))["contingency"].delta
    e = by_principle(assess_move(ext, c))["contingency"].delta
    assert 0 < o < e


# --- collaboration ------------------------------------------------------------


@pytest.mark.parametrize("tags", [["proposes_option"], ["asks_interests"], ["proposes_option", "asks_interests"]])
def test_collaboration_positive(tags):
    f = by_principle(assess_move(Detection.from_tags(tags, "What if we..."), ctx(channel="call")))["collaboration"]
    assert f.delta > 0


def test_zero_sum_negative_with_research():
    d = det("I want to squeeze every dollar out of this.", zero_sum="squeeze every dollar out of this")
    f = by_principle(assess_move(d, ctx(scenario="first_offer", channel="call")))["collaboration"]
    assert f.delta < 0 and "4.4" in f.message and f.suggestion


# --- professionalism ----------------------------------------------------------


def test_gratitude_positive_hostile_large_negative():
    g = by_principle(assess_move(Detection.from_tags(["gratitude"], "Thanks a lot."), ctx(channel="call")))
    h = by_principle(assess_move(Detection.from_tags(["hostile"], "What a joke."), ctx(channel="call")))
    assert g["professionalism"].delta > 0
    assert h["professionalism"].delta <= -25 and h["professionalism"].suggestion


# --- assertiveness ------------------------------------------------------------


def test_reasonable_ask_is_positive():
    d = Detection.from_tags(["specific_ask"], "Is there room to raise the base to 95k?")
    f = by_principle(assess_move(d, ctx(scenario="first_offer", channel="call")))["assertiveness"]
    assert f.delta > 0


def test_ask_with_threat_is_not_credited_as_assertive():
    d = Detection.from_tags(["specific_ask", "threat"], "Give me 95k or I walk.")
    assert "assertiveness" not in by_principle(assess_move(d, ctx(channel="call")))


def test_capitulation_negative_quotes_research():
    d = det("Sorry, never mind, the offer as it stands is fine.", capitulates="Sorry, never mind")
    f = by_principle(assess_move(d, ctx(scenario="first_offer", channel="call")))["assertiveness"]
    assert f.delta < 0
    assert "94%" in f.message and "46%" in f.message
    assert f.suggestion


def test_capitulation_outweighs_the_ask_it_withdraws():
    d = Detection.from_tags(["specific_ask", "capitulates"], "Could I get 5k more? Sorry, forget it.")
    f = by_principle(assess_move(d, ctx(scenario="first_offer", channel="call")))["assertiveness"]
    assert f.delta < 0


def test_accepting_a_deal_is_not_capitulation():
    d = Detection.from_tags(["accepts", "gratitude"], "That works for me, thank you.")
    got = by_principle(assess_move(d, ctx(channel="call")))
    assert "assertiveness" not in got
    assert got["professionalism"].delta > 0


# --- the Dear Professor email -----------------------------------------------


def test_original_ultimatum_feedback():
    d = det(ULTIMATUM, mentions_alternative="I hold a second offer from Northwind",
            threat="unless I am moved to Seattle I will take back my yes", specific_ask="moved to Seattle")
    got = by_principle(assess_move(d, ctx(post_acceptance=True)))
    assert set(got) == {"no_threats", "synchronous", "commitment", "discretion"}
    assert all(f.delta < 0 for f in got.values())


def test_a_lone_trigger_word_is_quoted_with_its_clause():
    from roleplay.analysis.rubric import quote_evidence

    text = "Thanks for calling! Is the base salary flexible at all? I ask because of the move."
    start = text.index("salary")
    d = Detection(text=text, tags=("specific_ask",), spans={"specific_ask": (start, start + len("salary"))})
    assert quote_evidence(d, "specific_ask") == "Is the base salary flexible at all?"


def test_a_long_span_is_quoted_as_is():
    from roleplay.analysis.rubric import quote_evidence

    text = "I could support the two new hospital clients from day one."
    d = Detection(text=text, tags=("employer_benefit",), spans={"employer_benefit": (8, 38)})
    assert quote_evidence(d, "employer_benefit") == text[8:38]


@pytest.mark.parametrize("text,credited", [
    ("If Denver isn't possible right now, could I at least start on April 7 instead?", True),
    ("If the base can't move, could a signing bonus of $5,000 cover the move?", True),
    ("Could I start on April 7?", False),
    ("If you can't do it, I'll walk and take the other offer.", False),
])
def test_a_fallback_offered_before_any_no_earns_contingency(text, credited):
    from roleplay.analysis.detector import detect

    fb = assess_move(detect(text), ctx("reassignment", "call"))
    got = [f.delta for f in fb if f.principle == "contingency"]
    assert got == ([10] if credited else [])
