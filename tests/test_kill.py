"""The kill test (issue 9): a tutor killed at any moment loses no move it
acknowledged, and resuming gives the very conversation it would have had.

Fifty scripted sessions (five shipped personas, seeded, scripts of 4 to 12
moves in different voices) are each played in a child process forked after
this process has loaded the personas and warmed the tagger. The child plays
through ``Conversation`` (the log is fsynced before ``play`` returns) and
writes one byte to a pipe after each move: its acknowledgement, what the UI
shows as the reply. The parent SIGKILLs it after a seeded number of
acknowledgements plus a seeded delay of 0.1 to 6 ms, so kills land in the
tagger, in the middle of a write, or between moves. Then the parent reads the
log as the home screen does, resumes, plays the rest and compares the
transcript with an uninterrupted ``Session.replay`` of every move.
"""

from __future__ import annotations

import errno
import os
import random
import select
import signal
import time
import traceback
from collections import Counter

import pytest

from roleplay.analysis.detector import detect
from roleplay.engine.conversation import Conversation
from roleplay.engine.move import Move
from roleplay.engine.session import Session
from roleplay.engine.sessionlog import list_sessions
from roleplay.persona.loader import load_persona, resolve

SESSIONS = 50
PERSONAS = ["mentor", "hr_partner", "skeptic", "startup_lead", "bank_vp"]

# Scripts written for this test, one voice each (4 to 12 moves).
SCRIPTS = [
    [  # formal, patient
        "Good morning, and thank you for the letter; I was delighted to receive it.",
        "Before I sign, may I ask how the team measures success in the first year?",
        "That is helpful. Would there be any flexibility on the start date, perhaps three weeks later?",
        "I ask because I would like to close out my current projects properly.",
        "Would a start on June 23 be workable for you?",
        "Thank you. I am very pleased to accept on that basis.",
    ],
    [  # casual, text-speak
        "hey!! thanks so much for the offer, super pumped",
        "quick q - is the base set in stone or is there wiggle room",
        "tbh i was hoping for something closer to 130k",
        "i get it if not, just figured id ask lol",
        "what about a signing bonus instead? like 5k?",
        "ok cool, sounds good to me",
        "thx, talk soon",
    ],
    [  # hard-nosed, threatening
        "I have another offer on the table and it pays a lot more.",
        "Match it or I walk. Simple as that.",
        "I'm not bluffing. I need an answer today.",
        "Fine. Then I'll take the other one.",
    ],
    [  # anxious, apologetic
        "Hi, sorry to bother you, I just had a small question about the offer.",
        "I don't want to seem ungrateful, I really do want this job.",
        "Is it okay to ask whether the start date could move a little?",
        "Sorry, I know it's a lot to ask. My family is relocating and the timing is hard.",
        "Even a week or two would help so much.",
        "Thank you for understanding, I really appreciate it.",
        "Please let me know if I should put anything in writing.",
        "Thanks again, bye for now.",
    ],
    [  # analytical, evidence first
        "Thanks for the offer. I looked at the published salary bands for this level.",
        "The median for data platform roles in this city is about $128,000.",
        "Given my five years on streaming pipelines, I think $126k would be fair.",
        "If the base is banded, could a signing bonus of $6,000 close the gap?",
        "And could the office days go from three to two?",
        "What would you need from me to take that to the committee?",
        "Understood. I can send a short summary of my recent projects today.",
        "Great, then I accept the offer with the bonus as discussed.",
        "Thank you, looking forward to starting.",
    ],
    [  # non-native phrasing, mixed scripts
        "Hello, thank you very much for this offer, I am very happy.",
        "Please, it is possible to begin the work one month more late?",
        "In my country the notice is two months, so I must tell my company before.",
        "Also my wife has her job in Denver, we want to live near her.",
        "Is there maybe an office of the company in Denver where I can work?",
        "Danke schön, merci, thank you for the patience.",
    ],
    [  # terse, email-like, with line separators
        "Got the offer. Thanks.",
        "Two asks:\u2028one, a later start;\u2029two, Denver instead of Chicago.",
        "Can we do a call?",
        "Tuesday 10am works.",
    ],
    [  # long-winded and enthusiastic, emoji
        "Wow, I honestly could not be more excited about this 🎉 — the team, the mission, everything!",
        "I've been telling everyone about it 😄 and my partner is thrilled too 👨‍👩‍👧",
        "One thing I wanted to raise, and please tell me if this is out of line, is relocation support.",
        "Moving across the country with a family is expensive, and anything would help.",
        "Would something like $8,000 towards the move be possible?",
        "Or if cash is tight, maybe extra PTO in the first year?",
        "Either way I'm in, I just wanted to ask before signing ✍️",
        "Amazing, thank you so much!! 🙏",
        "See you on the first day!",
        "Oh and one more thing, is parking included?",
    ],
    [  # markup-looking and hostile text
        "[bold]Thanks[/bold] for the offer, but [red]this number is low[/].",
        "\x1b[31mI want more money\x1b[0m or I'm out.",
        "You people always lowball candidates. It's insulting.",
        "Whatever. [@click=app.quit] Forget it.",
        "Actually wait, sorry. Could we start over and talk about the base?",
    ],
    [  # slow, many small moves
        "Hi.",
        "Thanks for the offer.",
        "I have a question.",
        "About the start date.",
        "Could it be later?",
        "Maybe April 7?",
        "Or March 24?",
        "Okay.",
        "And the office?",
        "Denver, if possible.",
        "Thank you.",
        "Goodbye.",
    ],
]

LOADED = {pid: load_persona(resolve(pid)) for pid in PERSONAS}
detect("warm up: the model and the patterns load before any fork")
for _p in LOADED.values():
    Session(_p, 0).play("Hello, and thank you.")  # and each persona's dialogue machine


def _child(persona, seed: int, moves: list[str], wfd: int, data: str) -> None:
    """Play the moves, acknowledging each on the pipe; never return."""
    code = 0
    try:
        os.environ["ROLEPLAY_DATA_DIR"] = data
        conv = Conversation.start(persona, seed)
        if conv.log_problem:
            raise RuntimeError(conv.log_problem)
        for text in moves:
            if conv.session.ended:
                break
            conv.play(text)
            if conv.log_problem:
                raise RuntimeError(conv.log_problem)
            os.write(wfd, b"A")
        os.write(wfd, b"D")
    except BaseException:
        code = 3
        try:
            with open(os.path.join(data, "child-error.txt"), "w") as f:
                f.write(traceback.format_exc())
        except BaseException:
            pass
    finally:
        os._exit(code)


def _read_acks(rfd: int, k: int, pid: int) -> tuple[int, bool]:
    """Block until ``k`` acknowledgements (or the child's end); (acks, done)."""
    acks, done = 0, False
    while acks < k and not done:
        ready, _, _ = select.select([rfd], [], [], 30)
        if not ready:
            os.kill(pid, signal.SIGKILL)
            raise AssertionError("the child gave no sign of life for 30 s")
        chunk = os.read(rfd, 64)
        if not chunk:
            break
        acks += chunk.count(b"A")
        done = b"D" in chunk
    return acks, done


def _drain(rfd: int) -> bytes:
    """What the dead child wrote that was not read yet (the pipe is at EOF)."""
    out = b""
    while chunk := os.read(rfd, 4096):
        out += chunk
    return out


def _case(i: int):
    rng = random.Random(f"kill:{i}")
    pid = PERSONAS[i % len(PERSONAS)]
    moves = SCRIPTS[rng.randrange(len(SCRIPTS))]
    seed = rng.randrange(10_000)
    kill_after = rng.randint(0, len(moves))
    delay = 0.0001 * 60 ** rng.random()  # 0.1 to 6 ms, log-uniform: in the tagger, the write or the fsync
    return pid, moves, seed, kill_after, delay


OUTCOMES: Counter = Counter()


@pytest.mark.parametrize("i", range(SESSIONS))
def test_a_killed_session_loses_no_acknowledged_move_and_resumes_exactly(i, tmp_path, monkeypatch):
    pid, moves, seed, kill_after, delay = _case(i)
    persona = LOADED[pid]
    data = tmp_path / "data"
    data.mkdir()
    rfd, wfd = os.pipe()
    child = os.fork()
    if child == 0:  # pragma: no cover - the child process
        os.close(rfd)
        _child(persona, seed, moves, wfd, str(data))
    os.close(wfd)
    try:
        acks, done = _read_acks(rfd, kill_after, child)
        time.sleep(delay)
        try:
            os.kill(child, signal.SIGKILL)
        except ProcessLookupError:
            pass
        _, status = os.waitpid(child, 0)
        rest = _drain(rfd)
    finally:
        os.close(rfd)
    acks += rest.count(b"A")  # written before the kill: acknowledged too
    done = done or b"D" in rest
    err = data / "child-error.txt"
    assert not err.exists(), err.read_text()
    assert os.WIFSIGNALED(status) or os.WEXITSTATUS(status) == 0

    monkeypatch.setenv("ROLEPLAY_DATA_DIR", str(data))
    sessions = list_sessions(include_ended=True)
    if sessions:
        (logged,) = sessions
        texts = [m.text for m in logged.moves]
        assert texts == moves[: len(texts)], "the log holds exactly the moves played, in order"
        assert len(texts) >= acks, f"{acks - len(texts)} acknowledged moves lost"
        assert len(texts) <= acks + 1, "at most the move in flight is logged unacknowledged"
        OUTCOMES["in flight and logged" if len(texts) > acks else "killed between moves"] += 1
        OUTCOMES["a torn line skipped"] += logged.damaged_lines > 0
        conv = Conversation.resume(logged)
    else:  # killed before the start event was whole: nothing was acknowledged
        assert acks == 0
        OUTCOMES["killed before the log existed"] += 1
        texts = []
        conv = Conversation.start(persona, seed)
    try:
        for text in moves[len(texts):]:
            if conv.session.ended:
                break
            conv.play(text)
        expected = Session.replay(persona, seed, [Move(t) for t in moves]).transcript().to_json()
        assert conv.session.transcript().to_json() == expected
        OUTCOMES["finished before the kill"] += done
    finally:
        conv.close()


def test_the_kills_landed_in_different_places():
    """Run after the fifty (file order): the seeded kills are not all alike."""
    if sum(OUTCOMES.values()) == 0:
        pytest.skip("run with the kill cases")
    print(dict(OUTCOMES))
    assert OUTCOMES["killed between moves"] >= 5
    assert OUTCOMES["finished before the kill"] < SESSIONS // 2


# ------------------------------------------------------------------ findings

MOVES = ["Hi Priya, thanks for the welcome note; I'm looking forward to joining.",
         "Something has come up that I would like to talk through with you.",
         "Could we find twenty minutes for a call this week?"]


def test_a_move_whose_write_failed_is_not_skipped_by_the_log(monkeypatch):
    """Found by scripts/fuzz.py's log matrix (the log held [1, 3], and resuming
    gave another conversation); fixed in conversation.py (417c66b)."""
    conv = Conversation.start(LOADED["mentor"], 3)
    conv.play(MOVES[0])
    real = os.write

    def full(fd, data):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "write", full)
    conv.play(MOVES[1])
    monkeypatch.setattr(os, "write", real)
    conv.play(MOVES[2])  # the disk has room again
    conv.close()
    (logged,) = list_sessions()
    assert [m.text for m in logged.moves] == MOVES
