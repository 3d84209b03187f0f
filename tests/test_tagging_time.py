"""No input up to the message cap makes tagging slow.

A budget check, not a benchmark: tagging a message of up to
``MAX_CHARS`` characters is meant to take under 50 ms on a 2-core machine
(``scripts/bench.py`` measures it). These tests only fail when a message
costs more than ten times that budget, which is what a pathological pattern
(a nested unbounded repeat, a quadratic scan) does: "ok ok ok ..." used to
take 8 s at 25 repeats and never finished at 100.
"""

from __future__ import annotations

import re
import time

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from roleplay.analysis import detector
from roleplay.analysis.lexicon import LazyPattern
from roleplay.analysis.normalize import MAX_CHARS
from roleplay.analysis.terms import terms

BUDGET_S = 0.050
LIMIT_S = 10 * BUDGET_S

detector.detect("warm up")  # load the model and compile patterns once
VOCAB = sorted({w for p in LazyPattern._registry for w in re.findall(r"[a-z']{2,}", p.pattern)})
SEPARATORS = [" ", "", ", ", "\n", ". ", "! ", "? ", " and ", "...", "\t", " 😊 "]


def _timed(text: str) -> float:
    t0 = time.perf_counter()
    detector.detect(text)
    terms(text)
    return time.perf_counter() - t0


def _repeat(token: str, sep: str) -> str:
    unit = token + sep
    return (unit * (MAX_CHARS // max(1, len(unit)) + 1))[:MAX_CHARS]


def test_vocabulary_is_large():
    assert len(VOCAB) > 1000


def test_known_pathological_inputs_are_fast():
    for text in ["ok " * 100, "ok" * 1000, "ok ok, ok! " * 200, "walk " * 400, "yes yes yes " * 150,
                 "a" * MAX_CHARS, "!" * MAX_CHARS, "$1," * 600, "128k " * 350]:
        assert _timed(text[:MAX_CHARS]) < LIMIT_S, text[:30]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(token=st.sampled_from(VOCAB), sep=st.sampled_from(SEPARATORS))
def test_repeated_tokens_from_every_pattern_vocabulary(token, sep):
    assert _timed(_repeat(token, sep)) < LIMIT_S


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(tokens=st.lists(st.sampled_from(VOCAB), min_size=1, max_size=6), sep=st.sampled_from(SEPARATORS))
def test_repeated_phrases_from_the_vocabulary(tokens, sep):
    assert _timed(_repeat(" ".join(tokens), sep)) < LIMIT_S


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=st.text(max_size=MAX_CHARS))
def test_any_unicode_text_is_fast_and_never_raises(text):
    assert _timed(text) < LIMIT_S
