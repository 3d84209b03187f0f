"""The tag reference (roleplay/analysis/tag_reference.yaml) for authors: its
shape, its honesty (every example is tagged with its tag by the shipped
detector and labelled so in the corpus; every near-miss neither), the
generated docs/tags.md, ``roleplay tags`` and the schema's ``when``."""

from __future__ import annotations

import importlib.util
import json
from dataclasses import replace

import pytest

from roleplay.analysis.detector import detect
from roleplay.analysis.tag_reference import (
    MAX_EXAMPLES, MAX_NEAR_MISSES, MIN_EXAMPLES, MIN_NEAR_MISSES, REFERENCE, load_reference, render_markdown,
    tag_reference,
)
from roleplay.analysis.tags import TAGS
from roleplay.cli import main
from roleplay.source.diagnostics import ScriptError
from roleplay.source.yamlsource import load_yaml_file
from tests.conftest import REPO


@pytest.fixture(scope="module")
def ref():
    return load_reference()


@pytest.fixture(scope="module")
def corpus():
    rows = {}
    for path in sorted((REPO / "data" / "moves").glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                r = json.loads(line)
                rows[r["id"]] = r
    return rows


def _messages(ref):
    for doc in ref.tags:
        for e in doc.examples:
            yield doc.id, "example", e
        for e in doc.near_misses:
            yield doc.id, "near-miss", e


def test_the_file_has_exactly_the_15_tags_in_order(ref):
    raw = load_yaml_file(REFERENCE).data["tags"]
    assert list(raw) == list(TAGS)
    assert [d.id for d in ref.tags] == list(TAGS)
    for doc in ref.tags:
        assert doc.definition.strip()
        assert MIN_EXAMPLES <= len(doc.examples) <= MAX_EXAMPLES
        assert MIN_NEAR_MISSES <= len(doc.near_misses) <= MAX_NEAR_MISSES
        assert all(e.why and e.why != "TODO" for e in doc.near_misses)


def test_every_example_is_detected_with_its_tag_and_every_near_miss_without_it(ref):
    wrong = []
    for tag, kind, e in _messages(ref):
        found = detect(e.text).tags
        if (tag in found) != (kind == "example"):
            wrong.append(f"{tag} {kind} {e.id}: the detector reads {', '.join(found) or 'no tag'}: {e.text!r}")
    assert not wrong, "the reference contradicts the tutor (pick others: scripts/tag_reference.py):\n" + "\n".join(wrong)


def test_every_message_is_the_corpus_message_with_its_labels(ref, corpus):
    wrong = []
    for tag, kind, e in _messages(ref):
        row = corpus.get(e.id)
        if row is None:
            wrong.append(f"{tag} {kind} {e.id}: not in data/moves")
            continue
        if (row["text"], row["voice"], row["domain"]) != (e.text, e.voice, e.domain):
            wrong.append(f"{tag} {kind} {e.id}: text, voice or domain differ from the corpus")
        if (tag in row["tags"]) != (kind == "example"):
            wrong.append(f"{tag} {kind} {e.id}: the corpus labels are {row['tags']}")
    assert not wrong, "\n".join(wrong)
    ids = [e.id for _, _, e in _messages(ref)]
    assert len(ids) == len(set(ids)), "a message is used twice"


def test_examples_span_voices_and_domains(ref):
    for doc in ref.tags:
        voices = [e.voice for e in doc.examples]
        assert any(v.startswith("nonnative_") for v in voices), doc.id
        assert len(set(voices)) == len(voices), doc.id
        assert len({e.domain for e in doc.examples}) >= 3, doc.id


def test_docs_tags_md_is_generated_from_the_file(ref):
    committed = (REPO / "docs" / "tags.md").read_text(encoding="utf-8")
    assert committed == render_markdown(ref), "docs/tags.md is stale: run scripts/tag_reference.py --write-docs"


def test_markdown_shows_the_text_literally(ref):
    doc = replace(ref.tags[0], examples=(replace(ref.tags[0].examples[0], text="*not bold* <b>x</b> [link](http://x)"),))
    md = render_markdown(replace(ref, tags=(doc,)))
    assert r"\*not bold\* \<b\>x\</b\> \[link\](http://x)" in md


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_tags_json_shape_and_order(capsys):
    code, out, err = run(capsys, "tags", "--json")
    assert code == 0 and err == ""
    rows = json.loads(out)
    assert [r["id"] for r in rows] == list(TAGS)
    for r in rows:
        assert {"id", "definition", "examples", "near_misses"} <= set(r)
        assert isinstance(r["definition"], str) and r["definition"]
        assert r["examples"] and all({"text", "id", "voice", "domain"} <= set(e) for e in r["examples"])
        assert r["near_misses"] and all({"text", "why"} <= set(e) for e in r["near_misses"])
    code, out, _ = run(capsys, "tags", "zero_sum", "threat", "--json")
    assert code == 0 and [r["id"] for r in json.loads(out)] == ["threat", "zero_sum"]


def test_tags_plain_is_wrapped_and_names_every_tag(capsys, monkeypatch):
    monkeypatch.setenv("COLUMNS", "61")
    code, out, err = run(capsys, "tags")
    assert code == 0 and err == ""
    lines = out.splitlines()
    assert [line for line in lines if line in TAGS] == list(TAGS)
    assert max(len(line) for line in lines) <= 60
    assert "Does not count:" in out and "why:" in out and "goodbye" in out
    code, out, _ = run(capsys, "tags", "accepts")
    assert code == 0 and out.splitlines()[0] == "accepts" and "\nthreat\n" not in out


def test_tags_unknown_tag_is_bad_usage(capsys):
    code, out, err = run(capsys, "tags", "thret")
    assert code == 2 and out == "" and "did you mean 'threat'" in err


def test_tags_shows_file_text_with_controls_made_visible(capsys, monkeypatch):
    good = tag_reference()
    evil = replace(good.tags[0], definition="clear\x1b[2J screen\u202e", examples=(replace(good.tags[0].examples[0], text="bell\x07"),))
    monkeypatch.setattr("roleplay.analysis.tag_reference.tag_reference", lambda: replace(good, tags=(evil, *good.tags[1:])))
    code, out, _ = run(capsys, "tags")
    assert code == 0 and "\x1b" not in out and "\x07" not in out and "\u202e" not in out
    code, out, _ = run(capsys, "tags", "--json")
    assert code == 0 and "\x1b" not in out and "\u202e" not in out


def test_a_broken_file_says_where(tmp_path):
    text = REFERENCE.read_text(encoding="utf-8")
    bad = tmp_path / "ref.yaml"
    bad.write_text(text.replace("  gratitude:", "  gratitud:"), encoding="utf-8")
    with pytest.raises(ScriptError) as exc:
        load_reference(bad)
    messages = [str(d) for d in exc.value.diagnostics]
    assert any("unknown tag 'gratitud' (did you mean 'gratitude'?)" in m and m.startswith(f"{bad}:") for m in messages)
    assert any("missing tag gratitude" in m for m in messages)

    swapped = text.replace("  threat:", "  @@:").replace("  mentions_alternative:", "  threat:").replace("  @@:", "  mentions_alternative:")
    bad = tmp_path / "swapped.yaml"  # a file of its own: parsed files are cached by path, size and time
    bad.write_text(swapped, encoding="utf-8")
    with pytest.raises(ScriptError, match="'mentions_alternative' is out of order"):
        load_reference(bad)

    lines = text.splitlines(keepends=True)
    start = next(i for i, line in enumerate(lines) if line.startswith("    near_misses:"))
    cut = "".join(lines[:start + 1] + lines[start + 6:])  # the first near-miss of threat goes: 3 left, still valid
    bad = tmp_path / "typo.yaml"
    bad.write_text(cut.replace("    examples:\n", "    exampels:\n", 1), encoding="utf-8")
    with pytest.raises(ScriptError) as exc:
        load_reference(bad)
    assert any("unknown key 'exampels' (did you mean 'examples'?)" in str(d) for d in exc.value.diagnostics)


def test_the_proposal_is_seeded_and_local():
    spec = importlib.util.spec_from_file_location("tag_reference_script", REPO / "scripts" / "tag_reference.py")
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    voices = ["nonnative_french", "texting_genz", "legalistic", "blunt_hardball", "nonnative_korean", "slack_typos"]
    cands = [{"id": f"x-{i:04d}", "text": f"message number {i} about topic{i % 5}", "tags": ["threat"],
              "voice": voices[i % 6], "domain": f"d{i % 4}"} for i in range(40)]
    first = script.pick(cands, 5, "10:threat:examples", set())
    assert first == script.pick(list(reversed(cands)), 5, "10:threat:examples", set())
    unused = next(c for c in cands if c not in first)
    assert script.pick([c for c in cands if c is not unused], 5, "10:threat:examples", set()) == first
    assert len({c["voice"] for c in first}) == 5


def test_the_persona_schema_lists_what_a_condition_reads():
    from roleplay.analysis.signals import SIGNAL_NAMES
    from roleplay.authoring.schema import schemas

    defs = schemas()["persona.schema.json"]["definitions"]
    for model in ("Rule", "Handler"):
        text = defs[model]["properties"]["when"]["description"]
        for name in (*TAGS, *SIGNAL_NAMES, "tagged", "stalled"):
            assert f"{name}" in text, (model, name)
        assert "- threat: issues an ultimatum" in text
