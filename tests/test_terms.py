"""Terms: what a message asks for (CONTRACTS.md, "Terms"). Own sentences."""

from __future__ import annotations

import pytest

from roleplay.analysis.terms import ISSUES, terms


def _t(text):
    return [(t.issue, t.value, t.unit) for t in terms(text)]


@pytest.mark.parametrize("text, expected", [
    ("Would you go to a signing bonus of $6,500?", [("signing_bonus", 6500, "USD")]),
    ("so i ask 131 thousand for the base", [("base_salary", 131000, None)]),
    ("My number is 142k.", [("base_salary", 142000, None)]),
    ("Could the base come up to $139,500?", [("base_salary", 139500, "USD")]),
    ("I would need 97.000 EUR as base", [("base_salary", 97000, "EUR")]),
    ("Current CTC is 18 lakh, expecting 24 lakh", [("base_salary", 1800000, "INR"), ("base_salary", 2400000, "INR")]),
    ("My day rate is €650/day for this engagement", [("rate", 650, "EUR")]),
    ("I charge 110/hr", [("rate", 110, None)]),
    ("£4k toward relocation would help", [("relocation", 4000, "GBP")]),
    ("could I do 2 days in the office instead of three?", [("office_days", 2, "days")]),
    ("is fully remote an option", [("office_days", 0, "days")]),
    ("Could we push my start to the 14th of July?", [("start_date", "--07-14", None)]),
    ("start date of August 3, 2027 would be ideal", [("start_date", "2027-08-03", None)]),
    ("Can we revisit the salary review in 6 months?", [("salary_review", 6, "months")]),
    ("an onboarding extension of three weeks", [("onboarding", 3, "weeks")]),
    ("I'd like the title Staff Engineer", [("title", "Staff Engineer", None)]),
    ("25 days of PTO is standard for me", [("pto", 25, "days")]),
    ("I'd love to be based in the Lisbon office", [("location", "Lisbon", None)]),
    ("any flexibility on the sign-on?", [("signing_bonus", None, None)]),
    ("a 12% raise is what the market pays", [("base_salary", 12, "percent")]),
    ("0.2% more equity would bridge the gap", [("equity", 0.2, "percent")]),
])
def test_terms_found_and_normalised(text, expected):
    assert _t(text) == expected


@pytest.mark.parametrize("text", [
    "ok ok ok",
    "Thanks so much, I really appreciate it!",
    "I have 7 years of experience in logistics.",
    "Could we find 20 minutes for a call?",
    "",
])
def test_no_terms(text):
    assert terms(text) == []


def test_spans_are_the_message_text():
    text = "how about: 9k signing bonus, July 1 start, 2 days in office. deal?"
    found = terms(text)
    assert [t.issue for t in found] == ["signing_bonus", "start_date", "office_days"]
    for t in found:
        assert text[t.start:t.end] == t.text
        assert t.issue in ISSUES


def test_json_shape_per_contract():
    (t,) = terms("a signing bonus of $8,000")
    assert t.as_json() == {"issue": "signing_bonus", "value": 8000, "unit": "USD", "text": "signing bonus of $8,000"}
    (n,) = terms("what about the sign-on?")
    assert n.as_json() == {"issue": "signing_bonus", "value": None, "text": "sign-on"}


def test_floor_on_the_terms_regression_file():
    # data/terms/terms-regression.jsonl: 250 messages written and labelled
    # for the terms extractor. First pass on it (before any fix): F1 0.817;
    # after fixing its misses in general terms 0.91. Kept as a floor.
    import json
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    sys.path.insert(0, str(root / "scripts"))
    from eval_terms import score

    rows = [json.loads(x) for x in (root / "data" / "terms" / "terms-regression.jsonl").read_text(encoding="utf-8").splitlines() if x.strip()]
    assert len(rows) >= 250
    res = score(rows)
    assert res["f1"] >= 0.88 and res["issue_recall"] >= 0.93, res


@pytest.mark.parametrize("text, expected", [
    # figures said the way they are spoken on a call (voice-to-text): thousands
    # in a salary context, as "108k" is
    ("um so could the base go to one oh eight", [("base_salary", 108000, None)]),
    ("one twelve I need that", [("base_salary", 112000, None)]),
    ("they offered a hundred and twelve on the base", [("base_salary", 112000, None)]),
    ("the offer I have is well above ninety six", [("base_salary", 96000, None)]),
    ("okay so a hundred and six thousand base", [("base_salary", 106000, None)]),
    # a salary review brought forward ("prepone", Indian English), or named by its month
    ("Can we prepone the review to six months?", [("salary_review", 6, "months")]),
    ("Title now, review at six months, $104k.", [("title", None, None), ("salary_review", 6, "months"), ("base_salary", 104000, "USD")]),
])
def test_spoken_figures_and_review_dates(text, expected):
    assert _t(text) == expected


@pytest.mark.parametrize("text", [
    "Can we talk at nine thirty tomorrow?",
    "let us speak at two fifteen",
    "you must have a hundred other things to do",
    "ninety six percent of people said yes",
])
def test_spoken_numbers_that_are_not_figures(text):
    assert terms(text) == []
