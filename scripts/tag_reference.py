#!/usr/bin/env python3
"""The tag reference (roleplay/analysis/tag_reference.yaml): propose its
messages from the labelled corpus, check it, write docs/tags.md.

    .venv/bin/python scripts/tag_reference.py                  # print a proposed file (YAML) to stdout
    .venv/bin/python scripts/tag_reference.py --tag threat --show 20   # browse one tag's candidates
    .venv/bin/python scripts/tag_reference.py --write          # write the proposal into the file
    .venv/bin/python scripts/tag_reference.py --check          # exit 1 on any problem
    .venv/bin/python scripts/tag_reference.py --write-docs     # regenerate docs/tags.md

A proposal is reproducible: the same corpus, detector and ``--seed`` give the
same picks. Examples of a tag are corpus messages labelled with it that are
unambiguous: no second-pass disagreement about them (data/moves/second_pass/),
the shipped detector's tags equal to the labels, the tag found by the rules
and the model alike; one line, 20-200 characters, at most three tags.
Near-misses are messages written to look like the tag (``near_miss``)
without it, unambiguous the same way, and read by the model well below its
threshold for the tag. Picks are spread over voices (non-native English,
texting, formal, the others) and negotiations, and no message is used twice.

``--write`` keeps the file's hand-written definitions and the ``why`` of
near-misses it keeps; new near-misses get ``why: TODO`` (and ``--check``
fails until someone writes it). Editing the file by hand is fine: ``--check``
is what holds it honest, whatever picked the messages.
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

from roleplay.analysis.tag_reference import (  # noqa: E402
    MAX_EXAMPLES, MAX_NEAR_MISSES, MIN_EXAMPLES, MIN_NEAR_MISSES, REFERENCE, load_reference, render_markdown,
)
from roleplay.analysis.tags import TAGS  # noqa: E402

CORPUS = ROOT / "data" / "moves"
DOCS = ROOT / "docs" / "tags.md"
SEED = 10
TODO = "TODO"

# Messages read and set aside although they pass every filter: their labels
# are arguable, or they teach the wrong thing out of context.
EXCLUDE: dict[str, str] = {
    "fo-0167": "'so meagre a figure' as hostile is arguable",
    "pa-0158": "'So Chicago or nothing. Fine.' as hostile is arguable",
    "pa-0055": "no request is made; personal_preference and hostile both arguable",
    "ax-0180": "'interns don't really win these things' as zero_sum is arguable",
    "ja-0093": "a friend's bonus elsewhere is close to naming another employer's terms",
    "sa-0242": "moving after the school year could be read as deferring (asks_extension)",
    "tf-0148": "'deal. july 21 + 5k relo' is an acceptance or a counter depending on what came before",
    "pt-0187": "keeping one's own price: an offer, a capitulation or neither, depending on the moment",
    "hi-0157": "hints at another office: whether that asks for a change (specific_ask) is arguable",
    "gz-0216": "'my whole cohort is comparing offers' may include the writer's own",
    "pa-0154": "'Asking since nobody has actually said' as hostile is arguable",
    "de-0082": "no request is made: personal_preference is arguable",
    "tf-0064": "'chicago til oct, then denver. ok' is an acceptance or a proposal depending on what came before",
    "pa-0006": "no request is made; personal_preference and hostile both arguable",
    "hi-0116": "a reason for resigning, not for a request: personal_preference is arguable",
    "cj-0178": "'maybe I'll bring it up again next year' could be read as deferring (asks_extension)",
    "de-0201": "'you think you have all the power... I also have options' could be read as hostile or a veiled threat",
    "sa-0052": "'Policy wins again' could be read as capitulating",
    "tf-0104": "'= better work' could be read as a benefit to the employer",
    "lg-0082": "'a happier and therefore better colleague' could be read as a benefit to the employer",
    "de-0137": "a reason for leaving, not for a request: personal_preference is arguable",
    "bu-0183": "'I'll wait until next year' could be read as deferring (asks_extension)",
    "ko-0113": "how the bonus is based is a fact of the offer or how the company decides: asks_interests is arguable",
    "sl-0081": "'i just work better at home' could be read as a benefit to the employer",
    "bu-0130": "'forget the title for now' could be read as deferring (asks_extension)",
    "we-0174": "'I just work better from home' could be read as a benefit to the employer",
}

GROUPS = {
    "nonnative": lambda v: v.startswith("nonnative_"),
    "texting": lambda v: v in {"texting_genz", "slack_typos", "short_everyday", "terse_fragmentary", "voice_to_text", "warm_emoji"},
    "formal": lambda v: v in {"formal_oldfashioned", "legalistic", "british_understated", "corporate_jargon"},
    "other": lambda v: True,
}
ORDER = ("nonnative", "texting", "formal", "other", "nonnative", "texting")


def group(voice: str) -> str:
    return next(g for g, test in GROUPS.items() if test(voice))


def load_corpus(directory: Path = CORPUS) -> dict[str, dict]:
    rows = {}
    for path in sorted(directory.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                r = json.loads(line)
                rows[r["id"]] = r
    return rows


def disputed(directory: Path = CORPUS) -> set[str]:
    """Ids whose labels the two passes did not agree on, or were adjudicated."""
    out = set()
    adj = directory / "second_pass" / "adjudication.jsonl"
    if adj.is_file():
        out |= {json.loads(x)["id"] for x in adj.read_text(encoding="utf-8").splitlines() if x.strip()}
    return out


def second_pass(directory: Path = CORPUS) -> dict[str, set[str]]:
    path = directory / "second_pass" / "second_pass.jsonl"
    if not path.is_file():
        return {}
    rows = [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]
    return {r["id"]: set(r["tags"]) for r in rows}


def _plain(text: str) -> bool:
    return 20 <= len(text) <= 200 and text == text.strip() and all(c >= " " and not 0x7f <= ord(c) <= 0x9f for c in text)


def candidates(corpus: dict[str, dict], progress: bool = True) -> dict[str, dict[str, list[dict]]]:
    """Per tag, the ``examples`` and ``near_misses`` that pass every filter."""
    from roleplay.analysis.detector import analyse

    bad = disputed()
    second = second_pass()
    pool = [r for r in corpus.values()
            if _plain(r["text"]) and len(r["tags"]) <= 3 and r["id"] not in bad and r["id"] not in EXCLUDE
            and second.get(r["id"], set(r["tags"])) == set(r["tags"])]
    out = {t: {"examples": [], "near_misses": []} for t in TAGS}
    for i, r in enumerate(pool):
        if progress and sys.stderr.isatty() and i % 200 == 0:
            print(f"\rdetecting {i}/{len(pool)}", end="", file=sys.stderr)
        det, why = analyse(r["text"], explain=True)
        if set(det.tags) != set(r["tags"]):
            continue
        for t in r["tags"]:
            if why.get(t, {}).get("decided_by") == "rule+model":
                out[t]["examples"].append(r)
        t = r.get("near_miss")
        if t and t not in r["tags"]:
            w = why.get(t)
            if w is None or w["score"] <= 0.5 * w["threshold"]:
                out[t]["near_misses"].append(r)
    if progress and sys.stderr.isatty():
        print("\r" + " " * 30 + "\r", end="", file=sys.stderr)
    return out


def _words(text: str) -> set[str]:
    import re

    return {w for w in re.findall(r"[a-z]+", text.lower()) if len(w) > 3}


def seeded_order(cands: list[dict], salt: str) -> list[dict]:
    """``cands`` in an order fixed by ``salt`` (seed, tag, kind) and each id alone:
    setting one message aside moves no other."""
    import hashlib

    return sorted(cands, key=lambda r: hashlib.sha256(f"{salt}:{r['id']}".encode()).hexdigest())


def pick(cands: list[dict], k: int, salt: str, used: set[str]) -> list[dict]:
    """``k`` candidates spread over voice groups, voices, domains, label sets and wording.

    The candidates are put in a seeded order (:func:`seeded_order`), the focused ones (at most two tags)
    put first, and each slot takes the first one with the lowest penalty:
    a voice already picked costs 8, a voice group other than the slot's 4
    (the slots ask for non-native, texting, formal, other, ...), a domain
    already picked 2, the same tags as a pick 3, wording much like a pick's 2,
    three tags 2.
    """
    cands = seeded_order([c for c in cands if c["id"] not in used], salt)
    cands.sort(key=lambda r: len(r["tags"]) > 2)  # stable: the focused ones first, in the seeded order among themselves
    chosen: list[dict] = []
    for slot in range(min(k, len(cands))):
        want = ORDER[slot % len(ORDER)]

        def penalty(c: dict) -> int:
            words = _words(c["text"])
            alike = any(len(words & _words(o["text"])) > 0.2 * max(1, len(words | _words(o["text"]))) for o in chosen)
            return (8 * any(o["voice"] == c["voice"] for o in chosen) + 4 * (group(c["voice"]) != want)
                    + 2 * any(o["domain"] == c["domain"] for o in chosen)
                    + 3 * any(set(o["tags"]) == set(c["tags"]) for o in chosen) + 2 * alike + 2 * (len(c["tags"]) > 2))

        rest = [c for c in cands if c not in chosen]
        best = min(rest, key=penalty)  # min keeps the first of equals: the seeded order decides ties
        chosen.append(best)
    used.update(c["id"] for c in chosen)
    return chosen


def propose(corpus, cands, *, seed: int = SEED, n_examples: int = 5, n_near: int = 4) -> dict[str, dict[str, list[dict]]]:
    used: set[str] = set()
    out = {}
    for t in TAGS:
        out[t] = {
            "examples": pick(cands[t]["examples"], n_examples, f"{seed}:{t}:examples", used),
            "near_misses": pick(cands[t]["near_misses"], n_near, f"{seed}:{t}:near_misses", used),
        }
    return out


# ------------------------------------------------------------------ the file


def _q(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)  # a JSON string is a YAML double-quoted scalar


def _folded(text: str, indent: str, width: int = 100) -> list[str]:
    import textwrap

    return textwrap.wrap(" ".join(text.split()), width=width, initial_indent=indent, subsequent_indent=indent,
                         break_long_words=False, break_on_hyphens=False)


HEADER = """\
# yaml-language-server: $schema=../../schema/tag_reference.schema.json
# The behaviour tags for persona authors. `roleplay tags` prints this file
# and docs/tags.md is generated from it (scripts/tag_reference.py
# --write-docs). Each tag, in the order of tags.py: a definition, 4-6
# messages that carry it and 3-5 near-misses that do not, with why. The
# messages are from data/moves/ (id, voice, domain); scripts/tag_reference.py
# proposes them and --check holds each to its corpus labels and to what the
# shipped detector reads.
"""


def render_yaml(picks: dict, definitions: dict[str, str], whys: dict[tuple[str, str], str]) -> str:
    lines = [HEADER.rstrip("\n"), "tags:"]
    for t in TAGS:
        lines.append(f"  {t}:")
        lines.append("    definition: >-")
        lines += _folded(definitions.get(t) or TODO, "      ")
        for kind in ("examples", "near_misses"):
            lines.append(f"    {kind}:")
            for r in picks[t][kind]:
                lines.append(f"      - text: {_q(r['text'])}")
                if kind == "near_misses":
                    lines.append(f"        why: {_q(whys.get((t, r['id'])) or TODO)}")
                lines.append(f"        id: {r['id']}")
                lines.append(f"        voice: {r['voice']}")
                lines.append(f"        domain: {r['domain']}")
    return "\n".join(lines) + "\n"


def existing() -> tuple[dict[str, str], dict[tuple[str, str], str]]:
    """The hand-written parts of the current file: definitions, and the why of each near-miss."""
    try:
        ref = load_reference()
    except Exception:
        return {}, {}
    return ({d.id: d.definition for d in ref.tags},
            {(d.id, e.id): e.why for d in ref.tags for e in d.near_misses})


# ------------------------------------------------------------------ checking


def check(path: Path = REFERENCE, corpus: dict | None = None) -> list[str]:
    """Every problem of the file: its shape, and each message against its
    corpus labels and the shipped detector."""
    from roleplay.analysis.detector import detect
    from roleplay.source.diagnostics import ScriptError

    try:
        ref = load_reference(path)
    except ScriptError as exc:
        return [str(d) for d in exc.diagnostics]
    corpus = load_corpus() if corpus is None else corpus
    out = []
    for doc in ref.tags:
        if TODO in doc.definition:
            out.append(f"{doc.id}: the definition is still {TODO}")
        for kind, e in [("example", e) for e in doc.examples] + [("near-miss", e) for e in doc.near_misses]:
            where = f"{doc.id}: {kind} {e.id}"
            row = corpus.get(e.id)
            if row is None:
                out.append(f"{where}: no such message in {CORPUS.relative_to(ROOT)}")
                continue
            if row["text"] != e.text:
                out.append(f"{where}: the text differs from the corpus: {row['text']!r}")
            if (row["voice"], row["domain"]) != (e.voice, e.domain):
                out.append(f"{where}: the corpus says voice {row['voice']}, domain {row['domain']}")
            labelled = doc.id in row["tags"]
            found = detect(e.text).has(doc.id)
            if kind == "example":
                if not labelled:
                    out.append(f"{where}: the corpus does not label it {doc.id} (its tags: {', '.join(row['tags']) or 'none'})")
                if not found:
                    out.append(f"{where}: the detector does not tag it {doc.id} (it reads: {', '.join(detect(e.text).tags) or 'no tag'})")
            else:
                if labelled:
                    out.append(f"{where}: the corpus labels it {doc.id}")
                if found:
                    out.append(f"{where}: the detector tags it {doc.id}")
                if e.why == TODO:
                    out.append(f"{where}: its why is still {TODO}")
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="check the file; exit 1 on any problem")
    ap.add_argument("--write", action="store_true", help="write the proposal into the file (keeps definitions and whys)")
    ap.add_argument("--write-docs", action="store_true", help="regenerate docs/tags.md from the file")
    ap.add_argument("--seed", type=int, default=SEED)
    ap.add_argument("--examples", type=int, default=5, help=f"examples per tag ({MIN_EXAMPLES}-{MAX_EXAMPLES})")
    ap.add_argument("--near-misses", type=int, default=4, help=f"near-misses per tag ({MIN_NEAR_MISSES}-{MAX_NEAR_MISSES})")
    ap.add_argument("--tag", choices=TAGS, help="with --show: list this tag's candidates")
    ap.add_argument("--show", type=int, metavar="N", help="list N candidates of --tag, of each kind, with their voices")
    args = ap.parse_args(argv)

    if args.check or args.write_docs:
        rc = 0
        if args.check:
            problems = check()
            for p in problems:
                print(p)
            ref = load_reference() if not problems or not problems[0].startswith(str(REFERENCE)) else None
            if ref is not None:
                n_ex = sum(len(d.examples) for d in ref.tags)
                n_nm = sum(len(d.near_misses) for d in ref.tags)
                print(f"{REFERENCE.relative_to(ROOT)}: {len(ref.tags)} tags, {n_ex} examples, {n_nm} near-misses: "
                      f"{len(problems)} problem{'s' if len(problems) != 1 else ''}", file=sys.stderr)
                if DOCS.is_file() and DOCS.read_text(encoding="utf-8") != render_markdown(ref):
                    print(f"{DOCS.relative_to(ROOT)} is out of date: run scripts/tag_reference.py --write-docs")
                    rc = 1
            rc = rc or (1 if problems else 0)
        if args.write_docs:
            DOCS.write_text(render_markdown(load_reference()), encoding="utf-8")
            print(f"wrote {DOCS.relative_to(ROOT)}", file=sys.stderr)
        return rc

    if not (MIN_EXAMPLES <= args.examples <= MAX_EXAMPLES and MIN_NEAR_MISSES <= args.near_misses <= MAX_NEAR_MISSES):
        ap.error(f"--examples goes from {MIN_EXAMPLES} to {MAX_EXAMPLES}, --near-misses from {MIN_NEAR_MISSES} to {MAX_NEAR_MISSES}")
    corpus = load_corpus()
    cands = candidates(corpus)
    if args.show:
        tags = [args.tag] if args.tag else list(TAGS)
        for t in tags:
            for kind in ("examples", "near_misses"):
                pool = seeded_order(cands[t][kind], f"{args.seed}:{t}:{kind}")
                print(f"## {t} {kind}: {len(pool)} candidates, voices {dict(Counter(group(r['voice']) for r in pool))}")
                for r in pool[:args.show]:
                    print(f"  {r['id']:8} {r['voice']:22} {r['domain']:17} {'/'.join(r['tags']) or '-':40} {r['text']}")
        return 0
    picks = propose(corpus, cands, seed=args.seed, n_examples=args.examples, n_near=args.near_misses)
    short = [f"{t} {k} ({len(picks[t][k])})" for t in TAGS for k, n in (("examples", args.examples), ("near_misses", args.near_misses))
             if len(picks[t][k]) < n]
    if short:
        print(f"too few candidates: {', '.join(short)}", file=sys.stderr)
    definitions, whys = existing()
    text = render_yaml(picks, definitions, whys)
    if args.write:
        REFERENCE.write_text(text, encoding="utf-8")
        print(f"wrote {REFERENCE.relative_to(ROOT)}", file=sys.stderr)
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
