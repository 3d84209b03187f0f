"""How well the conversation signals (goodbye, small talk) read the phrase
bank: recall on the intent they stand for, false alarms on every other.

    python scripts/eval_signals.py [--bank DIR]

The first run of the shipped cue lists was on a bank they had never seen;
its figures are in the README. The cue lists were then mended on what it
showed, so later runs on the same bank are regression figures.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from roleplay.analysis.signals import signals  # noqa: E402
from roleplay.playtest.bank import INTENTS, load_bank  # noqa: E402

FOR = {"goodbye": "goodbye", "small_talk": "small_talk"}


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--bank", type=Path)
    ap.add_argument("--show", action="store_true", help="print the misses and false alarms")
    ap.add_argument("--jsonl", type=Path, help="a labelled file instead: one {text, goodbye, small_talk} per line")
    a = ap.parse_args()
    if a.jsonl:
        return labelled(a.jsonl, a.show)
    voices = load_bank(a.bank)
    for sig, intent in FOR.items():
        tp = fn = fp = tn = 0
        misses, alarms = [], []
        for v in voices:
            for sc in v.scenarios:
                for it in INTENTS:
                    for text in v.phrases(sc, it):
                        hit = sig in signals(text)
                        if it == intent:
                            tp += hit
                            fn += not hit
                            if not hit:
                                misses.append((v.voice, text))
                        else:
                            fp += hit
                            tn += not hit
                            if hit:
                                alarms.append((v.voice, it, text))
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        print(f"{sig:<11} recall {r:.3f} ({tp}/{tp + fn})  precision {p:.3f}  false alarms {fp}/{fp + tn}")
        if a.show:
            for m in misses:
                print("   miss:", m)
            for m in alarms:
                print("   alarm:", m)
    return 0


def labelled(path: Path, show: bool) -> int:
    import json

    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    for sig in FOR:
        tp = sum(1 for r in rows if r[sig] and sig in signals(r["text"]))
        fn = sum(1 for r in rows if r[sig] and sig not in signals(r["text"]))
        fp = sum(1 for r in rows if not r[sig] and sig in signals(r["text"]))
        p = tp / (tp + fp) if tp + fp else 0.0
        r_ = tp / (tp + fn) if tp + fn else 0.0
        print(f"{sig:<11} recall {r_:.3f} ({tp}/{tp + fn})  precision {p:.3f}  false alarms {fp}/{len(rows) - tp - fn}")
        if show:
            for r in rows:
                hit = sig in signals(r["text"])
                if hit != r[sig]:
                    print(f"   {'miss' if r[sig] else 'alarm'}: [{r['voice']}] {r['text']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
