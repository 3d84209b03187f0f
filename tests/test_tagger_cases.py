"""The shipped tagger (rules and learned model together) on what learners
met in play (the understanding issue), and on the conventions the rules
guard. Each case is a sentence written for this test or quoted from the
issue; none is in the training data."""

from __future__ import annotations

import pytest

from roleplay.analysis.detector import analyse, detect


def tags(text):
    return set(detect(text).tags)


@pytest.mark.parametrize("text, present, absent", [
    # an either-or demand is a threat, not "no pressure"
    ("Either the base moves to 135 or I take the other job.", {"threat"}, set()),
    # a bluffed competing offer with a deadline and a consequence
    ("I have another offer at 140 that expires Friday, so unless you match it by then I'm signing with them.",
     {"threat", "mentions_alternative"}, set()),
    # polite non-native asks are asks
    ("Is possible to discuss the base a little?", {"specific_ask"}, {"threat"}),
    ("So I ask 128 thousand.", {"specific_ask"}, set()),
    # a counter-package ending in "deal?" is a proposal, not an acceptance
    ("how about this: 8k signing bonus, june 23 start, 2 days in office. deal?",
     {"proposes_option", "specific_ask"}, {"accepts"}),
    # a sign-off is not a request for a call
    ("Alright, talk soon.", set(), {"requests_meeting"}),
    # negation is scoped by the rules, and the model may not undo it
    ("I'm not going to pretend I have other offers.", set(), {"mentions_alternative", "threat"}),
    # plain thanks is thanks
    ("Thank you so much for your time today.", {"gratitude"}, {"hostile", "accepts"}),
    # agreeing to a proposed call time
    ("Thursday at 3 works for the call.", {"requests_meeting"}, {"accepts"}),
])
def test_cases_from_play(text, present, absent):
    got = tags(text)
    assert present <= got and not (absent & got), got


def test_every_tag_has_evidence_from_the_message():
    text = ("Hi Sam, thanks for the call. I'm excited about the role. Given the two new clients in Denver, "
            "could I be based there? If that's hard, a later start in June would also help my family move.")
    det, why = analyse(text, explain=True)
    assert det.tags
    for tag in det.tags:
        assert det.evidence.get(tag) and det.evidence[tag] in text
        assert why[tag]["decided_by"] in ("rule", "model", "rule+model")


@pytest.mark.xfail(strict=True, reason="known miss: in a multi-act message the model reads the question and "
                   "vetoes the rules' acceptance; scoring the best sentence too cost 0.008 macro-F1 overall")
def test_acceptance_followed_by_a_question():
    text = "That sounds great, I'd be happy to put it to the sponsor. Could you tell me what the case should include?"
    assert "accepts" in tags(text)
