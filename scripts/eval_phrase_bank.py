#!/usr/bin/env python3
"""Per-intent agreement of the tagger with the phrase bank's intents.

Usage (from the repository root):

    .venv/bin/python scripts/eval_phrase_bank.py [--scenario counteroffer] [--rules-only] [--misses] [--json OUT]

The phrase bank (``roleplay/playtest/phrases/``) files learner messages by
the intent they were written for, not by labelled tags, so this is a
coarse check, not a labelled evaluation. Per intent, a message *agrees*
("hit") when it carries the intent's tag (any of them, for
``thanks_commitment`` and ``restated_proposal``); a small-talk, off-topic or
goodbye line agrees when it carries no tag beyond ``gratitude``,
``requests_meeting`` and ``affirms_commitment``. It is *clean* when it also
carries none of ``threat``, ``hostile``, ``capitulates`` and ``accepts``
outside their own intents.

The bank's sections are regression data for the tagger: the rules were
fixed on what they showed (the counteroffer sections, after the first
run), so these figures are floors to keep, not a holdout.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from roleplay.analysis import detector  # noqa: E402
from roleplay.playtest.bank import INTENTS, load_bank  # noqa: E402

EXPECTED = {
    "small_talk": set(), "off_topic": set(), "goodbye": set(),
    "thanks_commitment": {"gratitude", "affirms_commitment"}, "asks_interests": {"asks_interests"},
    "employer_benefit": {"employer_benefit"}, "specific_ask": {"specific_ask"}, "proposal": {"proposes_option"},
    "restated_proposal": {"proposes_option", "specific_ask"}, "asks_extension": {"asks_extension"},
    "accept": {"accepts"}, "capitulate": {"capitulates"}, "threat": {"threat"}, "hostile": {"hostile"},
    "alternative": {"mentions_alternative"}, "repeat_demand": {"specific_ask"},
}
NEUTRAL_OK = {"gratitude", "requests_meeting", "affirms_commitment"}
OWN_INTENT = {"hostile": "hostile", "threat": "threat", "capitulates": "capitulate", "accepts": "accept"}


def judge(intent: str, tags: set[str]) -> tuple[bool, bool]:
    want = EXPECTED[intent]
    hit = bool(tags & want) if want else not (tags - NEUTRAL_OK)
    clean = hit and not any(t in tags and own != intent for t, own in OWN_INTENT.items())
    return hit, clean


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--scenario", default="counteroffer")
    ap.add_argument("--rules-only", action="store_true", help="the hand-written rules without the model")
    ap.add_argument("--misses", action="store_true", help="list the messages that do not agree")
    ap.add_argument("--json", help="write per-intent counts to this file")
    a = ap.parse_args(argv)
    if a.rules_only:
        detector.USE_LEARNED = False
    hit, clean, total = Counter(), Counter(), Counter()
    misses = []
    for voice in load_bank():
        for intent in INTENTS:
            for text in voice.phrases(a.scenario, intent):
                tags = set(detector.detect(text).tags)
                h, c = judge(intent, tags)
                total[intent] += 1
                hit[intent] += h
                clean[intent] += c
                if not c:
                    misses.append((intent, voice.voice, sorted(tags), text))
    print(f"{'intent':<20}{'agree':>11}{'clean':>11}")
    for i in INTENTS:
        print(f"{i:<20}{hit[i]:>6}/{total[i]:<4}{clean[i]:>6}/{total[i]:<4}")
    n = sum(total.values())
    print(f"{'all':<20}{sum(hit.values()):>6}/{n:<4}{sum(clean.values()):>6}/{n:<4}"
          f"  agree {sum(hit.values()) / n:.3f}, clean {sum(clean.values()) / n:.3f}")
    if a.misses:
        for intent, voice, tags, text in misses:
            print(f"[{intent} / {voice}] {tags}: {text}")
    if a.json:
        Path(a.json).write_text(json.dumps({i: {"agree": hit[i], "clean": clean[i], "n": total[i]} for i in INTENTS},
                                           indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
