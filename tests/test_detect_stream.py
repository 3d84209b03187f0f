"""``run_detect``: the JSON Lines contract behind ``roleplay detect``."""

from __future__ import annotations

import io
import json

from roleplay.analysis.detect_stream import run_detect
from roleplay.analysis.tags import TAGS


def run(text: str) -> tuple[int, list[dict]]:
    out = io.StringIO()
    status = run_detect(io.StringIO(text), out)
    lines = out.getvalue().splitlines()
    return status, [json.loads(line) for line in lines]


def test_good_records_in_order_with_id_echoed():
    src = "\n".join([
        json.dumps({"id": "a", "text": "Thanks so much for the offer!"}),
        json.dumps({"id": 7, "text": "Unless you move me to Denver I'll withdraw my acceptance."}),
        json.dumps({"text": "Could we hop on a call tomorrow?"}),
    ]) + "\n"
    status, out = run(src)
    assert status == 0
    assert [o.get("id") for o in out] == ["a", 7, None]
    assert "id" not in out[2]
    assert out[0]["tags"] == ["gratitude"]
    assert "threat" in out[1]["tags"]
    assert out[2]["tags"] == ["requests_meeting"]
    for o in out:
        assert list(o) == (["id"] if "id" in o else []) + ["tags", "evidence", "terms"]
        assert o["tags"] == [t for t in TAGS if t in o["tags"]]
        assert set(o["evidence"]) <= set(o["tags"])


def test_evidence_is_text_from_the_message():
    text = "I\u2019m thrilled to be joining! 🎉"
    status, out = run(json.dumps({"id": "x", "text": text}, ensure_ascii=False) + "\n")
    assert status == 0
    for ev in out[0]["evidence"].values():
        assert ev in text


def test_non_ascii_is_written_as_is():
    out = io.StringIO()
    run_detect(io.StringIO(json.dumps({"text": "Merci beaucoup, thank you 🙏"}) + "\n"), out)
    assert "🙏" in out.getvalue() or "\\u" not in out.getvalue()


def test_bad_lines_are_reported_in_place_and_processing_goes_on():
    src = "\n".join([
        "{not json",
        json.dumps([1, 2, 3]),
        json.dumps({"id": "no-text"}),
        json.dumps({"id": "num", "text": 42}),
        json.dumps({"id": "ok", "text": "thank you"}),
        json.dumps("just a string"),
        json.dumps({"text": None}),
    ]) + "\n"
    status, out = run(src)
    assert status == 2
    assert len(out) == 7
    assert [o.get("line") for o in out] == [1, 2, 3, 4, None, 6, 7]
    for o in out:
        if "line" in o:
            assert set(o) == {"line", "error"} and isinstance(o["error"], str) and o["error"]
    assert out[4] == {"id": "ok", "tags": ["gratitude"], "evidence": {"gratitude": "thank you"}, "terms": []}


def test_blank_lines_are_skipped_but_numbering_counts_them():
    src = "\n" + json.dumps({"text": "thanks"}) + "\n   \n" + "oops\n"
    status, out = run(src)
    assert status == 2
    assert out[0]["tags"] == ["gratitude"]
    assert out[1]["line"] == 4
    assert len(out) == 2


def test_empty_input():
    assert run("") == (0, [])


def test_last_line_without_newline_and_crlf():
    src = json.dumps({"id": 1, "text": "thanks"}) + "\r\n" + json.dumps({"id": 2, "text": "deal"})
    status, out = run(src)
    assert status == 0 and [o["id"] for o in out] == [1, 2]


def test_empty_text_is_a_record_with_no_tags():
    status, out = run(json.dumps({"id": "e", "text": ""}) + "\n")
    assert status == 0 and out == [{"id": "e", "tags": [], "evidence": {}, "terms": []}]


def test_deeply_nested_json_is_an_error_not_a_crash():
    status, out = run("[" * 100_000 + "\n")
    assert status == 2 and out[0]["line"] == 1


def test_terms_are_reported_per_contract():
    status, out = run(json.dumps({"id": "t", "text": "Could we do a signing bonus of $8,000 and 2 days in office?"}) + "\n")
    assert status == 0
    assert out[0]["terms"] == [
        {"issue": "signing_bonus", "value": 8000, "unit": "USD", "text": "signing bonus of $8,000"},
        {"issue": "office_days", "value": 2, "unit": "days", "text": "2 days in office"},
    ]


def test_long_input_is_capped_and_says_so():
    from roleplay.analysis.normalize import MAX_CHARS

    text = "Could we talk about the base? " + "blah " * 1000
    status, out = run(json.dumps({"id": "long", "text": text}) + "\n")
    assert status == 0
    assert out[0]["truncated"] == {"chars": len(text), "analysed": MAX_CHARS}
    status, out = run(json.dumps({"id": "short", "text": "ok"}) + "\n")
    assert "truncated" not in out[0]


def test_explain_says_what_decided_each_tag():
    buf = io.StringIO()
    src = json.dumps({"id": "x", "text": "Unless you move me to Denver I'll withdraw my acceptance."}) + "\n"
    assert run_detect(io.StringIO(src), buf, explain=True) == 0
    out = json.loads(buf.getvalue())
    assert "threat" in out["tags"]
    why = out["explain"]["threat"]
    assert why["tagged"] is True and why["decided_by"] in ("rule", "rule+model", "model")
    assert set(why) >= {"decided_by", "strategy", "pattern", "score", "threshold"}
    assert why["pattern"].startswith("pressure.")
    assert 0.0 <= why["score"] <= 1.0
