#!/usr/bin/env python3
"""How fast `roleplay grade` re-grades a class, in one process.

    python scripts/bench_grade.py [--students 2000] [--assignment assignments/first-offer.yaml]
                                  [--no-cache] [--keep DIR] [--cli]

Makes N signed submissions (one per student) with free-text messages from
the phrase bank (roleplay/playtest/phrases: nine voices, under the good,
poor and random policies), played against the persona and seed the
assignment gives each student. Then times grading them in one process:
the total and, per submission, p50 and p95 (read, verify the signature,
check, replay every message through the tagger and rubric). ``--no-cache``
tags every message afresh (as for a class whose messages are all different);
by default a message seen before is not tagged again. ``--cli`` also times
the whole command (``roleplay grade DIR --summary --feedback``: start-up,
CSV, 2,000 feedback files, the summary and its chart) as a subprocess.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("ROLEPLAY_SIGNING_KEY", "bench-signing-key-not-a-secret")


def make_submissions(folder: Path, assignment, students: int, key: bytes) -> float:
    from roleplay.grading.grade import cached_detector
    from roleplay.grading.submission import build, to_text
    from roleplay.playtest.bank import load_bank
    from roleplay.playtest.run import POLICIES, plan_for
    from roleplay.engine.session import Session

    voices = load_bank()
    detect = cached_detector()
    t0 = time.perf_counter()
    for i in range(students):
        student = f"s{100000 + i}"
        persona = assignment.persona_for(student)
        rng = random.Random(f"bench:{student}")
        voice, policy = rng.choice(voices), rng.choice(POLICIES)
        session = Session(persona, assignment.seed_for(student), detector=detect)
        for intent in plan_for(policy, rng):
            if session.ended:
                break
            session.play(rng.choice(voice.phrases(persona.scenario.id, intent)))
        sub = build(session.transcript().to_json(), assignment, student, 1, persona_digest=persona.digest,
                    mode=assignment.spec.mode, key=key)
        session.close()
        (folder / f"{student}.json").write_text(to_text(sub), encoding="utf-8")
    return time.perf_counter() - t0


def pct(xs: list[float], q: float) -> float:
    return statistics.quantiles(xs, n=100, method="inclusive")[int(q) - 1]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--students", type=int, default=2000)
    ap.add_argument("--assignment", default=str(ROOT / "assignments" / "first-offer.yaml"))
    ap.add_argument("--no-cache", action="store_true", help="tag every message afresh")
    ap.add_argument("--keep", metavar="DIR", help="write the submissions here (and keep them)")
    ap.add_argument("--cli", action="store_true", help="also time the whole `roleplay grade` command")
    args = ap.parse_args()

    import roleplay.grading.grade as grading
    from roleplay.grading.assignment import load_assignment
    from roleplay.grading.signing import signing_key

    key = signing_key()
    assignment = load_assignment(args.assignment)
    folder = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="bench-grade-"))
    folder.mkdir(parents=True, exist_ok=True)
    made = make_submissions(folder, assignment, args.students, key)
    files = sorted(folder.glob("*.json"))
    print(f"made {len(files):,} signed submissions in {made:.1f} s ({folder})")

    if args.no_cache:
        from roleplay.analysis.detector import detect

        grading.cached_detector = lambda maxsize=0: detect  # every message tagged afresh
    fresh = load_assignment(args.assignment)  # personas loaded again, inside the timing
    stamps: list[float] = []
    t0 = time.perf_counter()
    report = grading.grade(files, fresh, key, progress=lambda done, total: stamps.append(time.perf_counter()))
    total = time.perf_counter() - t0
    per = [b - a for a, b in zip(stamps, stamps[1:])]
    moves = sum(len(r.transcript.turns) for r in report.results if r.transcript is not None)
    flagged = len(report.flagged)
    print(f"graded {len(files):,} submissions ({moves:,} moves, {flagged} flagged) in one process"
          f"{' (no tagging cache)' if args.no_cache else ''}:")
    print(f"  total {total:.1f} s ({total / len(files) * 1000:.1f} ms a submission, {total / max(moves, 1) * 1000:.2f} ms a move)")
    print(f"  per submission p50 {pct(per, 50) * 1000:.1f} ms, p95 {pct(per, 95) * 1000:.1f} ms, max {max(per) * 1000:.1f} ms")
    if args.cli:
        out = folder.parent / (folder.name + "-out")
        out.mkdir(exist_ok=True)
        t0 = time.perf_counter()
        proc = subprocess.run([sys.executable, "-m", "roleplay", "grade", str(folder), "--assignment", args.assignment,
                               "--out", str(out / "grades.csv"), "--format", "canvas", "--feedback", str(out / "feedback"),
                               "--summary", str(out / "summary.md"), "--progress", "never"],
                              cwd=ROOT, capture_output=True, text=True)
        wall = time.perf_counter() - t0
        print(f"  the whole command (start-up, canvas CSV, feedback files, summary and chart): {wall:.1f} s, exit {proc.returncode}")
        print("  " + proc.stderr.strip().splitlines()[-1])
    return 1 if flagged else 0


if __name__ == "__main__":
    raise SystemExit(main())
