"""The engine listens: terms asked and conceded, handlers everywhere, no line
twice, channel-true lines, goodbyes that close, stalls that move on."""

from __future__ import annotations

import json

import pytest

from roleplay.engine.session import Session
from roleplay.persona.loader import load_persona
from roleplay.persona.termspec import normalize, parse_date

from conftest import FIXTURES
from roleplay.engine.move import Move

HAGGLE = FIXTURES / "listening" / "haggle" / "haggle.yaml"


@pytest.fixture(scope="module")
def haggle():
    return load_persona(HAGGLE)


def test_a_concession_is_clamped_to_the_persona_limit_and_quoted(haggle):
    s = Session(haggle, seed=0)
    t = s.play("Could I ask for a signing bonus of $8,000?")
    assert s.asked["signing_bonus"] == 8000
    assert s.offer["signing_bonus"] == 6000  # the persona's max
    assert "$6,000" in t.manager and "$8,000" in t.manager
    assert t.offer["signing_bonus"] == 6000 and t.rule.startswith("fallback[")


def test_naming_the_offer_s_own_value_asks_nothing_but_names_the_term(haggle):
    s = Session(haggle, seed=0)
    t = s.play("Is the May 1 start date fixed?")
    assert "start_date" not in s.asked and s.offer["start_date"] == "--05-01"
    assert t.rule.startswith("fallback[") and s.new_ask  # a mention: the start date rule answers


def test_a_goodbye_naming_the_offer_s_own_date_is_no_mention(haggle):
    s = Session(haggle, seed=0)
    t = s.play("Great, see you on May 1!")
    assert t.state == "as_is"  # closed by the goodbye, not answered as a start-date ask


def test_dates_in_conditions_are_read_as_dates():
    from roleplay.persona.expr import ExprError, compile_condition

    names = {"asked.start_date": "date", "offer.start_date": "date"}
    c = compile_condition('asked.start_date <= "April 7" and asked.start_date != ""', names)
    assert c({"asked.start_date": "--04-01"}) and not c({"asked.start_date": "--04-20"}) and not c({"asked.start_date": ""})
    with pytest.raises(ExprError, match="not a date"):
        compile_condition('offer.start_date == "someday"', names)


def test_a_term_named_without_a_value_is_a_mention(haggle):
    s = Session(haggle, seed=0)
    t = s.play("What about the start date?")
    assert t.rule.startswith("fallback[") and s.new_ask and s.offer["start_date"] == "--05-01"


def test_a_text_term_is_given_only_when_allowed_and_read_in_lower_case(haggle):
    s = Session(haggle, seed=0)
    s.play("could i be based in denver instead")  # not allowed
    assert s.offer["location"] == "Boston"
    t = s.play("what about the austin office then")
    assert s.asked["location"] == "Austin" and s.offer["location"] == "Austin"
    assert "Austin" in t.manager


def test_a_goodbye_after_an_agreement_closes_it_with_the_deal(haggle):
    s = Session(haggle, seed=0)
    s.play("Could we say a $5,000 signing bonus?")
    t = s.play("Thanks, see you on May 1!")
    assert s.ended and t.state == "deal"
    assert t.manager == "Done: a signing bonus of $5,000."  # the call line, not the email one
    data = json.loads(s.transcript().to_json())
    assert data["deal"] == {"signing_bonus": {"from": 0, "to": 5000}}
    assert data["ending"]["summary"] == "You agreed a signing bonus of $5,000."


def test_the_deal_is_null_at_a_failure_and_empty_when_nothing_moved(haggle):
    s = Session(haggle, seed=0)
    s.play("talk soon, bye")
    assert s.ending_info().outcome == "failure" and s.transcript().deal is None
    assert json.loads(s.transcript().to_json())["deal"] is None


def test_an_ending_reached_from_email_says_its_email_line(haggle):
    s = Session(haggle, seed=0)
    s.play("Could we do a $4,000 signing bonus?")
    s.play("Could we set up a call this week?", tags=["requests_meeting"])
    assert s.channel == "email"
    t = s.play("That works for me, thank you.", tags=["accepts"])
    assert t.state == "deal" and t.manager.startswith("Hi Robin,") and t.channel == "email"


def test_no_line_is_said_twice_while_another_fits(haggle):
    for seed in range(10):
        s = Session(haggle, seed=seed)
        said = [s.opening]
        while not s.ended:
            said.append(s.play("hmm", tags=[]).manager)
        # talk: 2 say + 1 again, 2 last resort, wrap-up 2, the ending: all distinct
        assert len(said) == len(set(said)), said
        assert s.repeats == 0


def test_when_every_line_is_used_the_oldest_is_said_again(tiny):
    s = Session(tiny, seed=0)
    lines = [s.play("hello", tags=[]).manager for _ in range(4)]
    # inbox has two lines and no 'again' or last-resort pool: the third reply repeats the oldest
    assert lines[0] != lines[1] and lines[2] == lines[0] and lines[3] == lines[1]
    assert s.repeats == 2


def test_a_stalled_conversation_is_moved_on_then_closed(haggle):
    s = Session(haggle, seed=0)
    states = []
    while not s.ended:
        states.append(s.play("hmm", tags=[]).state)
    # three idle moves, the wrap-up, one more idle move there, the close
    assert states == ["talk", "talk", "talk", "wrap_up", "wrap_up", "out_of_time"]


def test_something_new_is_progress_and_resets_stalled(haggle):
    s = Session(haggle, seed=0)
    s.play("hmm", tags=[])
    s.play("hmm", tags=[])
    assert s.stalled == 2
    s.play("Could the start be May 20?")
    assert s.stalled == 0 and s.offer["start_date"] == "--05-20"


def test_small_talk_is_answered_then_steered(haggle):
    s = Session(haggle, seed=0)
    a = s.play("How was your weekend?")
    b = s.play("How's your week going?")
    assert a.rule == b.rule and a.manager != b.manager and s.variables["chats"] == 2


def test_handlers_respect_only_in(haggle):
    s = Session(haggle, seed=0)
    s.play("hmm", tags=[])
    t = s.play("hmm", tags=[])  # stalled is 1: the close would fire here if it applied outside wrap_up
    assert s.stalled == 2 and t.state == "talk" and t.rule == "talk.otherwise"


def test_same_moves_give_the_same_transcript_with_terms(haggle):
    moves = ["Could I get a signing bonus of 7k?", "And start May 15?", "hmm", "Deal, thank you!"]
    a = Session.replay(haggle, 3, [Move(m) for m in moves])
    b = Session.replay(haggle, 3, [Move(m) for m in moves])
    assert a.transcript().to_json() == b.transcript().to_json()
    assert a.transcript().deal is not None


@pytest.mark.parametrize("text,iso", [("June 23", "--06-23"), ("23 June", "--06-23"), ("2027-06-23", "--06-23"),
                                      ("--06-23", "--06-23"), ("Sept 3", "--09-03"), ("June 31st", "--06-31")])
def test_dates_read_as_people_write_them(text, iso):
    assert parse_date(text) == iso


def test_values_that_are_not_of_the_kind_are_refused():
    assert parse_date("someday") is None and parse_date("Ju 3") is None
    assert normalize("money", "lots") is None and normalize("count", True) is None
    assert normalize("money", 8000.4) == 8000 and normalize("count", 0.25) == 0.25


def test_roleplay_run_writes_terms_offer_and_deal(tmp_path, capsys):
    from roleplay.cli import main

    moves = tmp_path / "moves.txt"
    moves.write_text("Could I get a signing bonus of $5,000?\nAnd could the start be May 20?\nThanks, talk soon!\n", encoding="utf-8")
    code = main(["run", str(HAGGLE), "--moves", str(moves), "--seed", "4"])
    data = json.loads(capsys.readouterr().out)
    assert code == 0 and data["ending"]["outcome"] == "success"
    assert data["turns"][0]["terms"] == [{"issue": "signing_bonus", "value": 5000, "unit": "USD", "text": data["turns"][0]["terms"][0]["text"]}]
    assert data["turns"][1]["offer"]["start_date"] == "--05-20"
    assert data["deal"] == {"signing_bonus": {"from": 0, "to": 5000}, "start_date": {"from": "--05-01", "to": "--05-20"}}


def test_the_debrief_shows_what_was_won_from_and_to(haggle):
    from roleplay.engine.debrief import build_debrief

    s = Session(haggle, seed=0)
    s.play("Could I ask for a signing bonus of $9,000?")
    s.play("ok deal, thanks!", tags=["accepts"])
    d = build_debrief(s)
    (won,) = d.won
    assert (won.label, won.start, won.end, won.asked, won.moved_at) == ("signing bonus", "$0", "$6,000", "$9,000", 1)


def test_nothing_is_won_when_no_agreement_was_reached(haggle):
    from roleplay.engine.debrief import build_debrief

    s = Session(haggle, seed=0)
    s.play("Could I ask for a signing bonus of $3,000?")
    s.play("Accept this or I walk.", tags=["threat"])
    for _ in range(8):
        if s.ended:
            break
        s.play("hmm", tags=[])
    d = build_debrief(s)
    assert d.won == [] and any(t.moved for t in d.terms)


def test_said_is_this_message_and_within_reads_the_limits(haggle):
    from roleplay.engine.session import Session as S

    s = S(haggle, seed=0)
    s.play("Could the start be June 20?")  # beyond the persona's May 31
    env = s._term_env(set())
    assert env["within.start_date"] is False and s.offer["start_date"] == "--05-31"
    s.play("hmm", tags=[])
    env = s._term_env(set())
    assert env["said.start_date"] == "" and env["asked.start_date"] == "--06-20"


def test_the_turn_limit_ending_is_said_on_the_learner_s_channel(tmp_path):
    import shutil

    shutil.copy(HAGGLE.with_name("scenario.yaml"), tmp_path / "scenario.yaml")
    text = HAGGLE.read_text(encoding="utf-8").replace("turn_limit: {turns: 12, goto: out_of_time}", "turn_limit: {turns: 2, goto: out_of_time}")
    text = text.replace('''      - "I have to run; the letter follows with {deal}."''', '''      - {text: "I have to run; the letter follows with {deal}.", channel: call}
      - {text: "Hi Robin,\\nOut of time; the letter follows.\\nBest, Hal", channel: email}''')
    (tmp_path / "p.yaml").write_text(text, encoding="utf-8")
    s = Session(load_persona(tmp_path / "p.yaml"), seed=0)
    s.play("Could we set up a call this week?", tags=["requests_meeting"])  # now on email
    t = s.play("Could I get a signing bonus of $1,000?")  # its rule goes back to the call, then time is up
    assert t.state == "out_of_time" and t.channel == "email" and t.manager.startswith("Hi Robin,")


def test_the_table_shows_what_the_engine_heard_even_in_lower_case(haggle):
    from roleplay.engine.debrief import term_review

    s = Session(haggle, seed=0)
    s.play("hmm could i maybe work from austin", tags=[])
    (loc,) = [t for t in term_review(haggle, s.turns) if t.issue == "location"]
    assert loc.asked == "Austin" and s.turns[-1].asked == {"location": "Austin"}


def test_the_table_reads_old_transcripts_from_their_terms(haggle):
    from roleplay.engine.debrief import term_review
    from roleplay.engine.transcript import Turn

    s = Session(haggle, seed=0)
    s.play("Could I get a signing bonus of $3,000?")
    old = Turn.model_validate({k: v for k, v in s.turns[0].model_dump(mode="json").items() if k != "asked"})
    (bonus,) = [t for t in term_review(haggle, [old]) if t.issue == "signing_bonus"]
    assert bonus.asked == "$3,000" and "asked" not in old.model_fields_set
    s2 = Session(haggle, seed=0)
    s2.play("hmm", tags=[])  # a new turn that asked nothing: its empty 'asked' is read as such
    assert all(t.asked is None for t in term_review(haggle, s2.turns))
