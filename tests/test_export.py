"""Exports: Markdown for people, the CONTRACTS.md JSON for tools."""

from __future__ import annotations

import json


from roleplay.engine.conversation import Conversation
from roleplay.engine.export import export_session, markdown_escape, transcript_markdown, visible_text
from roleplay.engine.session import Session
from roleplay.engine.sessionlog import data_dir
from roleplay.engine.transcript import Transcript



def test_visible_text_never_drops_anything():
    assert visible_text("a\x1b[0mb\x07c\td\r\ne") == "a␛[0mb␇c d\ne"
    assert visible_text("x\u202ey") == "x⟨RLO⟩y"
    assert visible_text("a\nb", keep_newlines=False) == "a␤b"


def test_markdown_escape_keeps_text_literal():
    assert markdown_escape("I want [/] more") == "I want \\[/\\] more"
    # The brackets are escaped, so what follows them is plain text: no "\\(" needed (it read badly).
    assert markdown_escape("[click](javascript:x)") == "\\[click\\](javascript:x)"
    assert markdown_escape("Great (really)! Thanks: see you.") == "Great (really)! Thanks: see you."
    assert markdown_escape("# not a heading") == "\\# not a heading"
    assert markdown_escape("1. not a list\n- nor this") == "1\\. not a list\n\\- nor this"
    assert markdown_escape("<b>x</b>") == "\\<b\\>x\\</b\\>"


def test_export_session_writes_markdown_and_contract_json(tiny, tmp_path):
    conv = Conversation.start(tiny, 4, mode="practice", risk_estimate=5)
    conv.play("Thanks! Could we hop on a call this week?")
    conv.play("Would it be possible to push my start date back a few weeks? [@click=app.quit]x \x1b[31m")
    md, js = export_session(conv)
    assert md.parent == data_dir() / "exports"
    assert md.name == f"{conv.session_id}.md" and js.name == f"{conv.session_id}.json"
    # the JSON is exactly the transcript's JSON (CONTRACTS.md)
    assert js.read_text(encoding="utf-8") == conv.session.transcript().to_json()
    data = json.loads(js.read_text(encoding="utf-8"))
    assert {"persona", "scenario", "seed", "turns", "ending", "score"} <= set(data)
    assert data["ending"]["outcome"] == "success"
    assert Transcript.from_json(js.read_text(encoding="utf-8")) == conv.session.transcript()
    text = md.read_text(encoding="utf-8")
    assert "# A tiny test scenario" in text
    assert "Tess Tester" in text and "Welcome to Testco, Robin." in text
    assert "Outcome: **success**: Later start agreed" in text
    assert "\\[@click=app.quit\\]x ␛\\[31m" in text and "\x1b" not in text
    assert "+20" in text  # feedback with signed deltas
    assert "| **overall** |" in text
    assert "risk of losing the offer" in text and "5 on a 1-7 scale" in text


def test_export_to_a_folder_and_a_bare_session(tiny, tmp_path):
    s = Session(tiny, 1)
    s.play("x" * 2100)
    md, js = export_session(s, tmp_path / "out")
    assert md == tmp_path / "out" / "tiny-seed1.md"
    assert "cut at 2,000 characters" in md.read_text(encoding="utf-8")
    assert json.loads(js.read_text(encoding="utf-8"))["ending"]["outcome"] == "incomplete"


def test_markdown_without_feedback(tiny):
    s = Session(tiny, 1)
    s.play("Could we hop on a call?")
    text = transcript_markdown(s.transcript(), tiny, include_feedback=False)
    assert "Coaching:" not in text and "## Scores" not in text
    assert "Could we hop on a call?" in text
