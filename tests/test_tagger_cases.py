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


@pytest.mark.parametrize("text, present, absent", [
    # staying after a counteroffer is accepting it; a resignation taken back is no threat
    ("Fair. I'll stay.", {"accepts"}, {"capitulates"}),
    ("I'll take the counter.", {"accepts"}, set()),
    ("Accepted. Put it in writing.", {"accepts"}, set()),
    ("I am withdrawing my resignation and accepting.", {"accepts"}, {"threat"}),
    ("Yes, I'll stay on those terms, if that's okay.", {"accepts"}, set()),
    # ... but staying as the price of a demand is not
    ("$108k plus the title. Then I stay.", {"specific_ask"}, {"accepts"}),
    # the offer taken elsewhere, stated as a fact
    ("I've told another logistics company yes, at least for now.", {"mentions_alternative"}, {"threat", "hostile"}),
    ("so for what it's worth Northwind offered a hundred and twelve on the base", {"mentions_alternative"}, {"threat"}),
    # ultimatums
    ("Without a $10,000 retention bonus, I won't even consider staying.", {"threat", "specific_ask"}, set()),
    ("Retention bonus, or I'm done.", {"threat"}, set()),
    ("Two office days. Otherwise I leave.", {"threat"}, set()),
    ("$112,000 and the title, or there is really nothing more to discuss.", {"threat"}, set()),
    ("under 110k and im gone", {"threat"}, set()),
    ("no retention bonus?? then no deal", {"threat"}, set()),
    ("If there is no retention bonus, my resignation continues.", {"threat"}, set()),
    ("I won't say 'promote me or I quit', that's not my way.", set(), {"threat"}),
    # warmth is not hostility; scorn without cue words is
    ("Thank you, this was a good conversation. Enjoy your evening.", {"gratitude"}, {"hostile"}),
    ("Hello, very nice to be speaking with you. How was your weekend?", set(), {"hostile"}),
    ("lowkey did anyone find out who keeps taking the big mugs from the kitchen lol", set(), {"hostile"}),
    ("Spare me the speech about how valued I am.", {"hostile"}, set()),
    ("You only call when I quit.", {"hostile"}, set()),
    ("nobody believes 'next cycle' anymore", {"hostile"}, set()),
    # an apology with no ask gives nothing up (PRINCIPLES.md)
    ("Thanks so much, I'll keep an eye out for your email. Sorry again about all this, bye for now!", {"gratitude"}, {"capitulates"}),
    ("Oh, before I forget, did anyone find the blue mug I left by the sink? Sorry.", set(), {"capitulates"}),
    ("Sorry, never mind, the base is fine as it is.", {"capitulates"}, set()),
    # short restated demands
    ("Still $108,000.", {"specific_ask"}, set()),
    ("$110,000, as I mentioned.", {"specific_ask"}, set()),
    ("I said senior analyst", {"specific_ask"}, set()),
    ("I still want the retention bonus.", {"specific_ask"}, set()),
    # questions about a constraint ask about it, not for a change; with a date named they ask
    ("Is the four-day office rule a company thing, or could our team decide?", {"asks_interests"}, {"specific_ask"}),
    ("Which of these is easiest for you to move: the base, the title or the office days?", {"asks_interests"}, {"specific_ask"}),
    ("Is the salary review fixed to the annual cycle?", {"asks_interests"}, {"specific_ask"}),
    ("Is the March 3 start fixed, or could we make it March 24?", {"specific_ask"}, {"asks_interests"}),
    # what the company loses, or saves, with the candidate
    ("I built the carrier scorecard operations checks every morning, so there might be a gap if I went.", {"employer_benefit"}, set()),
    ("Training a successor would cost the firm more than the increase I'm asking for.", {"employer_benefit"}, set()),
    ("I know our carriers; a new hire doesn't.", {"employer_benefit"}, set()),
    ("I am requesting the salary review to be preponed to six months from now.", {"specific_ask"}, set()),
])
def test_counteroffer_phrasings(text, present, absent):
    # found by the counteroffer phrase bank (now regression data); the
    # phrasings are general, the scenario's names are not in the rules
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
