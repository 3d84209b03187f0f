"""The debrief as data: outcome, scores, series, best and worst moves, research."""

from __future__ import annotations



from roleplay.analysis.scoring import move_impact
from roleplay.engine.conversation import Conversation
from roleplay.engine.debrief import build_debrief, replay_from
from roleplay.engine.session import Session
from roleplay.engine.sessionlog import list_sessions


CALL = "Thank you! Could we find 20 minutes for a quick call this week?"
THREAT = "Unless I can start later, I'll have to withdraw my acceptance."
EXTENSION = "Would it be possible to push my start date back a few weeks?"


def test_debrief_of_an_unplayed_session(tiny):
    d = build_debrief(Session(tiny, 0))
    assert d.outcome == "incomplete" and d.moves == 0
    assert d.overall is None and d.helped == [] and d.hurt == []
    assert d.trust == [50] and d.score == []
    assert d.risk_estimate is None
    assert any("4.6" in line for line in d.research)


def test_debrief_ranks_moves_by_impact(tiny):
    s = Session(tiny, 0)
    for text in (THREAT, "I'm fully committed to joining the team.", CALL):
        s.play(text)
    d = build_debrief(s, mode="practice", risk_estimate=6)
    scores = [70] + [t.score for t in s.turns]
    impacts = {t.n: move_impact(a, b) for t, a, b in zip(s.turns, scores, scores[1:])}
    assert sum(impacts.values()) == s.turns[-1].score - 70  # the figures add up to what the panel showed
    assert [m.n for m in d.hurt] == [n for n, v in sorted(impacts.items(), key=lambda kv: (kv[1], kv[0])) if v < 0][:3]
    assert [m.n for m in d.helped] == [n for n, v in sorted(impacts.items(), key=lambda kv: (-kv[1], kv[0])) if v > 0][:3]
    assert d.hurt and d.hurt[0].n == 1 and d.hurt[0].impact < 0
    assert all(m.feedback for m in d.helped + d.hurt)
    assert len(d.helped) <= 3 and len(d.hurt) <= 3
    # series: trust before move 1 then after each; score after each move
    assert d.trust[0] == 50 and d.trust[1] == 10 and len(d.trust) == 4
    assert d.score == [t.score for t in s.turns]
    assert d.principles == s.score().principles and d.overall == s.final_score().overall
    assert "no_threats" in d.active
    assert d.risk_estimate == 6
    assert d.research[0].startswith("You rated the risk") and "6" in d.research[0]
    assert (d.candidate_risk, d.manager_risk, d.offers_upheld) == (4.6, 3.5, 94.0)


def test_debrief_of_a_finished_session(tiny):
    s = Session(tiny, 0)
    s.play(CALL)
    s.play(EXTENSION)
    d = build_debrief(s, mode="exam", risk_estimate=2)
    assert d.outcome == "success" and d.ending.title == "Later start agreed"
    assert d.mode == "exam" and d.persona_name == "Tess Tester"
    assert "at or below" in " ".join(d.research)


def test_out_of_range_risk_is_ignored(tiny):
    assert build_debrief(Session(tiny, 0), risk_estimate=9).risk_estimate is None


def test_replay_from_starts_a_new_logged_session(tiny):
    conv = Conversation.start(tiny, 5, mode="exam", risk_estimate=3)
    conv.play(CALL)
    conv.play("Great.")
    conv.finish("debrief")
    new = replay_from(conv, 1)
    assert new.session_id != conv.session_id
    assert [m.text for m in new.moves] == [CALL]
    assert new.mode == "exam" and new.risk_estimate == 3 and new.session.seed == 5
    assert [s.session_id for s in list_sessions()] == [new.session_id]
    retry = replay_from(conv, 0)
    assert retry.moves == []


def test_the_story_tells_only_what_happened_with_the_learner_s_words(tiny):
    from roleplay.engine.debrief import story

    s = Session(tiny, 0)
    s.play(CALL)
    s.play(EXTENSION)
    lines = story(s)
    assert lines and all(line.quote and line.quote.split()[0] in (CALL + EXTENSION) for line in lines)
    told = {line.text for line in lines}
    assert "You used pressure: a condition or an ultimatum" not in told
    assert [line.move for line in lines] == sorted(line.move for line in lines)


def test_the_debrief_figures_add_up_and_the_cap_is_said(tiny):
    s = Session(tiny, 0)
    s.play("Thanks so much for the welcome!")
    d = build_debrief(s)
    assert d.outcome == "incomplete"
    assert sum(m.impact for m in d.helped + d.hurt) == (s.turns[-1].score or 70) - 70
    assert d.overall <= 40 and d.cap == 40 and d.earned == s.score().overall and "never asked" in d.cap_reason
