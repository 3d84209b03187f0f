"""Free-text playthroughs of personas from the phrase bank; prints the
repeated-line and incomplete rates per persona and policy.

    python scripts/playtest.py [--runs 60] [--policy good ...] [--bank DIR] [--json] [PERSONA ...]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from roleplay.persona.catalog import shipped_personas  # noqa: E402
from roleplay.persona.loader import load_persona, resolve  # noqa: E402
from roleplay.playtest.bank import load_bank  # noqa: E402
from roleplay.playtest.run import POLICIES, format_table, playtest  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("personas", nargs="*")
    ap.add_argument("--runs", type=int, default=60)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--policy", action="append", choices=POLICIES)
    ap.add_argument("--bank", type=Path)
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--examples", action="store_true", help="show up to five repeated lines per row")
    a = ap.parse_args()
    voices = load_bank(a.bank)
    ids = a.personas or sorted(shipped_personas())
    reports = []
    for pid in ids:
        persona = load_persona(resolve(pid))
        for policy in a.policy or POLICIES:
            reports.append(playtest(persona, voices, policy, a.runs, a.seed))
    if a.json:
        print(json.dumps([{"persona": r.persona, "policy": r.policy, "runs": r.runs, "replies": r.replies,
                           "repeated": r.repeated, "repeat_rate": round(r.repeat_rate, 4),
                           "runs_with_repeat": r.runs_with_repeat, "incomplete_rate": round(r.incomplete_rate, 4),
                           "outcomes": dict(r.outcomes)} for r in reports], indent=1))
    else:
        print(f"{len(voices)} voices: {', '.join(v.voice for v in voices)}; {a.runs} runs per row")
        print(format_table(reports))
        if a.examples:
            for r in reports:
                for voice, seed, line in r.examples:
                    print(f"  {r.persona}/{r.policy} [{voice} seed {seed}]: {line[:110]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
