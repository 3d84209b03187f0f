"""How the rules and the learned tagger are combined, per tag.

The shipped model (``tagger_model.json``) names, for every tag, a strategy
chosen by cross-validation over the training voices
(``scripts/train_tagger.py``):

* ``rules`` - the hand-written rules alone decide;
* ``model`` - the model alone (its score against the tag's threshold);
* ``union`` - either one;
* ``both``  - both must agree;
* ``veto``  - a tag the rules found stays unless the model scores it under
  the tag's ``veto`` threshold; a tag they missed is added when the model
  reaches the tag's threshold (``union`` is ``veto`` at 0, ``model`` is
  ``veto`` at the threshold itself).

Then the labelling conventions that tie tags together are enforced on the
result (``accepts`` and ``capitulates`` never together). The same function
serves the tutor and the cross-validation scripts, so what is measured is
what ships.
"""

from __future__ import annotations

from .learned import TaggerModel, load_model
from .message import Message, Span

#: At most this many sentences are scored when looking for the clause that
#: carries a model-only tag (keeps the worst case bounded).
MAX_CLAUSES = 12


def model() -> TaggerModel:
    return load_model()


def message_scores(msg: Message, m: TaggerModel, rule_feats: list[str] = ()) -> dict[str, float]:
    """The model's score per tag for a message. With the model's
    ``sentence_max`` setting, each tag's score is the higher of the whole
    message's and its best sentence's, so a tag carried by one sentence of
    a long message is not drowned by the others (chosen by the
    cross-validation, see scripts/tagger_lab.py)."""
    probs = m.scores(msg.original, rule_feats)
    if m.meta.get("sentence_max") and len(msg.sents) > 1:
        for a, b in msg.sents[:MAX_CLAUSES]:
            for t, p in m.scores(msg.original[a:b]).items():
                if p > probs[t]:
                    probs[t] = p
    return probs


def decide(strategy: str, rule: bool, p: float, threshold: float, veto: float = 0.0) -> bool:
    if strategy == "rules":
        return rule
    if strategy == "model":
        return p >= threshold
    if strategy == "both":
        return rule and p >= threshold
    if strategy == "veto":
        return p >= veto if rule else p >= threshold
    return rule or p >= threshold  # union


def combine(rule_tags: set[str], probs: dict[str, float], m: TaggerModel,
            blocked: set[str] | frozenset[str] = frozenset()) -> set[str]:
    """The final tags from the rules' tags and the model's scores.

    ``blocked`` are tags the rules decided against on purpose (a negated
    cue, a convention such as somebody else's threat): the model has no
    notion of negation scope or of who is speaking, so it may not add them.
    """
    tags = {t for t in m.tags
            if (t in rule_tags or t not in blocked)
            and decide(m.strategy.get(t, "union"), t in rule_tags, probs[t], m.thresholds[t], m.vetoes.get(t, 0.0))}
    # accepts and capitulates never go together: the rules' reading wins,
    # else the model's more confident one.
    if "accepts" in tags and "capitulates" in tags:
        if "capitulates" in rule_tags and "accepts" not in rule_tags:
            tags.discard("accepts")
        elif "accepts" in rule_tags and "capitulates" not in rule_tags:
            tags.discard("capitulates")
        else:
            tags.discard("accepts" if probs["capitulates"] >= probs["accepts"] else "capitulates")
    return tags


def best_clause(msg: Message, tag: str, m: TaggerModel) -> Span:
    """The sentence of ``msg`` the model scores highest for ``tag``: the
    evidence of a tag no rule pattern found."""
    sents = msg.sents[:MAX_CLAUSES]
    if len(sents) <= 1:
        a, b = sents[0] if sents else (0, len(msg.original))
        return a, b
    k = m.tags.index(tag)
    best, best_s = sents[0], float("-inf")
    for a, b in sents:
        # The words alone: which clause reads most like the tag.
        s = m.decision(msg.original[a:b])[k]
        if s > best_s:
            best, best_s = (a, b), s
    return best
