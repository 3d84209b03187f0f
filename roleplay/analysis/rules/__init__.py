"""One finder per behaviour tag, grouped by what the tags are about.

Each finder takes a :class:`~roleplay.analysis.message.Message` and returns
the ``(start, end)`` span of the words that show the tag, or ``None``. The
finders look at one tag at a time; the conventions that link tags (a threat
naming a change is also a specific ask, ``accepts`` and ``capitulates``
exclude each other, ...) are applied in :mod:`roleplay.analysis.detector`.

Patterns run on the normalised text (lower case, straight quotes); see
:func:`roleplay.analysis.lexicon.rx` for the shorthand (optional
apostrophes, flexible spaces, "u" for "you").

* :mod:`.pressure` - threat, mentions_alternative, zero_sum
* :mod:`.asks` - requests_meeting, asks_extension, proposes_option,
  asks_interests, specific_ask
* :mod:`.reasons` - employer_benefit, personal_preference, affirms_commitment
* :mod:`.tone` - capitulates, hostile, gratitude, accepts
"""

from .asks import (asks_extension, asks_interests, asks_something, constraint_questions_only, later_start, place_or_term_demand,
                   proposes_option, requests_meeting, small_talk_questions_only, specific_ask)
from .pressure import mentions_alternative, rival_terms_only, threat, threat_names_change, threat_ruled_out, zero_sum
from .reasons import affirms_commitment, employer_benefit, personal_preference
from .tone import accepts, apology_only, capitulates, gratitude, hostile, warm

from . import asks, common, pressure, reasons, tone


def assign_ids() -> int:
    """Give every rule pattern a stable id, ``<module>.<list>.<index>``
    (e.g. ``tone.capitulate.3``), from where it is written. Ids show in
    ``roleplay detect --explain`` and in the pattern tests. Returns how many
    patterns have an id."""
    from .. import detector, lexicon, signals

    n = 0
    # The defining module first: a pattern imported elsewhere keeps its home id.
    for mod in (common, lexicon, detector, asks, pressure, reasons, tone, signals):
        short = mod.__name__.rsplit(".", 1)[-1]
        for name, value in vars(mod).items():
            base = f"{short}.{name.strip('_').lower()}"
            if isinstance(value, lexicon.LazyPattern):
                value.id = value.id or base
                n += 1
            elif isinstance(value, (list, tuple)) and value and all(isinstance(v, lexicon.LazyPattern) for v in value):
                for i, v in enumerate(value):
                    v.id = v.id or f"{base}.{i}"
                    n += 1
    return n


__all__ = [
    "threat", "threat_names_change", "mentions_alternative", "zero_sum",
    "requests_meeting", "asks_extension", "later_start", "proposes_option",
    "asks_interests", "specific_ask", "place_or_term_demand",
    "employer_benefit", "personal_preference", "affirms_commitment",
    "capitulates", "apology_only", "hostile", "warm", "gratitude", "accepts",
    "threat_ruled_out", "asks_something", "small_talk_questions_only", "rival_terms_only", "constraint_questions_only",
]
