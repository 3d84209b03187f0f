"""Every rule pattern has an id, and the examples written beside it match
(``yes``) or do not match (``no``), one pattern at a time."""

from __future__ import annotations

import pytest

from roleplay.analysis import detector  # noqa: F401  (loads and names every pattern)
from roleplay.analysis.lexicon import LazyPattern
from roleplay.analysis.normalize import normalize

# The package's patterns, as loaded (other tests may compile their own later).
REGISTRY = list(LazyPattern._registry)
PATTERNS = [p for p in REGISTRY if p.id]
WITH_EXAMPLES = [p for p in PATTERNS if p.yes or p.no]


def test_every_pattern_has_a_unique_id():
    assert len(PATTERNS) == len(REGISTRY) > 600
    ids = [p.id for p in PATTERNS]
    assert len(set(ids)) == len(ids)


def test_most_patterns_carry_examples():
    # The examples are the patterns' specification; new patterns need them.
    assert len(WITH_EXAMPLES) >= 0.9 * len(PATTERNS), f"{len(WITH_EXAMPLES)} of {len(PATTERNS)}"


@pytest.mark.parametrize("pattern", WITH_EXAMPLES, ids=lambda p: p.id)
def test_examples(pattern):
    for text in pattern.yes:
        assert pattern.search(normalize(text)) is not None, f"{pattern.id} should match {text!r}"
    for text in pattern.no:
        assert pattern.search(normalize(text)) is None, f"{pattern.id} should not match {text!r}"


def test_unused_patterns_script_counts_pattern_hits():
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    sys.path.insert(0, str(root / "scripts"))
    from unused_patterns import pattern_hits

    hits, n = pattern_hits([root / "tests" / "data" / "own-moves.jsonl"])
    assert n >= 150
    ids = {p.id for p in REGISTRY}
    assert set(hits) <= ids
    # the threat and thanks cue lists are used by our own labelled messages
    assert any(i.startswith("pressure.consequence.") for i in hits)
    assert hits["tone.thanks.0"] > 0
