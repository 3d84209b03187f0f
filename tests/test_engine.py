"""The dialogue engine: rules, effects, replies, endings, determinism, replay."""

import pytest

from roleplay.analysis.tags import Detection
from roleplay.engine.dialogue import dialogue_for
from roleplay.engine.session import MAX_MESSAGE_CHARS, Move, Session, SessionEnded


def tagger(mapping):
    """A detector stand-in: message text -> tags."""
    return lambda text: Detection.from_tags(mapping.get(text, ()), text)


def test_opening_line_is_templated(tiny):
    s = Session(tiny, seed=1)
    assert s.opening == "Welcome to Testco, Robin."
    assert s.state == "inbox" and s.channel == "email" and not s.ended


def test_first_matching_rule_wins_and_effects_apply(tiny):
    s = Session(tiny, seed=0)
    t = s.play("x", tags=["threat", "requests_meeting"])  # threat is listed first
    assert t.state == "cold" and t.rule == "inbox.rules[0]"
    assert s.variables["trust"] == 10 and t.variables == {"trust": 10}
    assert t.manager == "That is not how we work here."


def test_channel_moves_from_email_to_call(tiny):
    s = Session(tiny, seed=0)
    t1 = s.play("call?", tags=["requests_meeting"])
    assert t1.channel == "email" and s.channel == "call"
    t2 = s.play("hm", tags=[])
    assert t2.channel == "call"


def test_rule_reply_overrides_the_state_lines(tiny):
    s = Session(tiny, seed=0)
    s.play("call?", tags=["requests_meeting"])
    t = s.play("ok", tags=[])
    assert t.manager == "Go on." and t.line == "call.otherwise.say.0"


def test_ending_stops_the_session(tiny):
    s = Session(tiny, seed=0)
    s.play("a", tags=["requests_meeting"])
    t = s.play("b", tags=["asks_extension"])
    assert s.ended and t.state == "granted"
    info = s.ending_info()
    assert (info.id, info.outcome, info.title) == ("granted", "success", "Later start agreed")
    with pytest.raises(SessionEnded):
        s.play("more", tags=[])


def test_variables_are_clamped(tiny):
    s = Session(tiny, seed=0)
    s.play("a", tags=["threat"])  # 50 -> 10
    s.play("b", tags=["affirms_commitment"])  # 30, back to inbox
    s.play("c", tags=["threat"])  # -10 -> clamped to 0
    assert s.variables["trust"] == 0


def test_turn_limit_leads_to_its_ending(tiny):
    s = Session(tiny, seed=0)
    for _ in range(6):
        t = s.play("hello", tags=[])
    assert s.ended and t.state == "no_decision" and t.manager == "Let's pick this up later."


def test_never_the_same_line_twice_in_a_row(tiny):
    for seed in range(20):
        s = Session(tiny, seed=seed)
        lines = [s.play("hello", tags=[]).manager for _ in range(5)]
        assert all(a != b for a, b in zip(lines, lines[1:])), lines


def test_after_decline_is_tracked(tiny):
    s = Session(tiny, seed=0)
    assert s.context().after_decline is False
    s.play("a", tags=["threat"])  # cold is a declined state
    assert s.context().after_decline is True


def test_empty_message_is_not_a_move_and_long_ones_are_cut(tiny):
    s = Session(tiny, seed=0, detector=tagger({}))
    with pytest.raises(ValueError):
        s.play("   \n ")
    t = s.play("y" * (MAX_MESSAGE_CHARS + 500))
    assert t.truncated and len(t.learner) == MAX_MESSAGE_CHARS


@pytest.mark.parametrize("text", ["I want [/] more", "[@click=app.quit]x", "\x1b[31mred\x1b[0m", "\x00\x07\x08", "🙂" * 300, "x" * 50_000])
def test_untrusted_learner_text_never_crashes_the_engine(tiny, text):
    s = Session(tiny, seed=0)  # the real detector
    t = s.play(text)
    assert t.learner == text[:MAX_MESSAGE_CHARS]


def test_same_persona_seed_and_moves_give_the_same_bytes(tiny):
    moves = [Move("Could we talk on the phone?"), Move("Thanks so much, I'm committed to this."), Move("Could I start a month later?")]
    a = Session.replay(tiny, 7, moves).transcript().to_json()
    b = Session.replay(tiny, 7, moves).transcript().to_json()
    assert a == b


def test_branch_is_a_replay_of_the_first_moves(tiny):
    s = Session(tiny, seed=3)
    for tags in (["threat"], ["affirms_commitment"], ["requests_meeting"]):
        s.play("m", tags=tags)
    back = s.branch(2)
    fresh = Session.replay(tiny, 3, s.moves[:2])
    assert back.transcript() == fresh.transcript()
    assert back.state == "inbox" and len(back.turns) == 2


def test_machine_uses_internal_names_only(tiny):
    d = dialogue_for(tiny)
    names = set(d.machine.states)
    assert names == {f"s{i}" for i in range(len(tiny.persona.states))} | {f"e{i}" for i in range(len(tiny.persona.endings))}
    assert set(d.machine.events) == {"learner_move", "turn_limit_reached"}
    for event in d.machine.events.values():
        for transitions in event.transitions.values():
            for t in transitions:
                assert all(callable(c.func) for c in t.conditions)
                assert all(callable(cb) for cb in t.after)


def test_one_machine_many_sessions(tiny):
    a, b = Session(tiny, 0), Session(tiny, 0)
    a.play("m", tags=["threat"])
    assert a.state == "cold" and b.state == "inbox"
    a.close()
    b.play("m", tags=["requests_meeting"])
    assert b.state == "call"


def test_feedback_and_scores_are_in_each_turn(tiny):
    s = Session(tiny, seed=0)
    t = s.play("x", tags=["threat"])
    assert any(f.principle == "no_threats" and f.delta < 0 for f in t.feedback)
    assert t.score == s.score().overall
    assert s.transcript().score.principles["no_threats"] is not None
