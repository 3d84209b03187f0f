"""Property tests for issue 9 (nothing typed is lost, nothing hangs, nothing
crashes): random and mutated persona files only ever fail with the loader's
own error, and random messages never crash the tagger, a session, its
exports or the UI's text helpers.

The findings of this fuzzing come first, each as the plain example that
failed before its fix.
"""

from __future__ import annotations

import time

import pytest

from roleplay.source.diagnostics import ScriptError

# ------------------------------------------------------------------ findings


@pytest.mark.parametrize("text", [
    "I was hoping for $" + "9" * 400 + " base",  # 400 digits: a float overflows to inf
    "a " + "9" * 400 + "% raise",
    "could I have " + "9" * 400 + " days of pto",
    "$" + "9" * 305 + " crore",  # finite, until the multiplier
], ids=["money", "percent", "days", "crore"])
def test_a_digit_run_too_long_for_a_float_is_not_an_amount(text):
    from roleplay.analysis.terms import terms

    found = terms(text)  # OverflowError: cannot convert float infinity to integer, before
    assert all(not isinstance(t.value, float) or abs(t.value) < 1e300 for t in found)


def _bank_vp_copy(tmp_path, old: str, new: str):
    import shutil

    from conftest import REPO

    folder = tmp_path / "p"
    folder.mkdir()
    shutil.copy(REPO / "personas" / "first_offer" / "scenario.yaml", folder / "scenario.yaml")
    text = (REPO / "personas" / "first_offer" / "bank_vp.yaml").read_text(encoding="utf-8")
    assert old in text
    (folder / "bank_vp.yaml").write_text(text.replace(old, new), encoding="utf-8")
    return folder / "bank_vp.yaml"


@pytest.mark.parametrize("old,new", [
    ("base_salary: {max: 124000}", "base_salary: {max: 1e400}"),  # a float that is inf: OverflowError before
    ("trust: {start: 55,", "trust: {start: 0x" + "f" * 5000 + ","),  # an int too long to print: ValueError before
], ids=["inf", "5000-hex-digits"])
def test_a_number_no_persona_can_use_is_a_clear_error(tmp_path, old, new):
    from roleplay.persona.loader import load_persona
    from roleplay.authoring.validate import validate_paths

    path = _bank_vp_copy(tmp_path, old, new)
    with pytest.raises(ScriptError) as exc:
        load_persona(path)
    assert any("too large" in d.message for d in exc.value.errors), exc.value
    diagnostics, _ = validate_paths([path])
    assert any(d.severity == "error" and "too large" in d.message for d in diagnostics)


def test_an_infinite_value_has_no_normal_form():
    from roleplay.persona.termspec import normalize

    for kind in ("money", "count"):
        assert normalize(kind, float("inf")) is None and normalize(kind, float("nan")) is None
    assert normalize("money", 1e14) == 10**14


# ------------------------------------------------------------------ shared

import copy  # noqa: E402
import json  # noqa: E402
import re  # noqa: E402
import shutil  # noqa: E402
import tempfile  # noqa: E402

from pathlib import Path  # noqa: E402

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from roleplay.analysis.normalize import MAX_CHARS  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
BUDGET_S = 0.050  # tagging one message (tests/test_tagging_time.py): the ceiling is ten times it
LIMIT_S = 10 * BUDGET_S


def _seconds(fn, fresh=None) -> float:
    """How long ``fn`` takes; over the ceiling it is timed twice more and the
    best counts (``fresh()`` sets up, untimed, a new ``fn`` when running it
    twice would change state): another process on a 2-core machine is not a
    hang, a quadratic pattern is slow every time."""
    t0 = time.perf_counter()
    fn()
    best = time.perf_counter() - t0
    for _ in range(2):
        if best < LIMIT_S:
            break
        again = fresh() if fresh else fn
        t0 = time.perf_counter()
        again()
        best = min(best, time.perf_counter() - t0)
    return best


def _warm() -> None:
    from roleplay.analysis.detector import detect
    from roleplay.analysis.lexicon import compile_all

    compile_all()  # the rule patterns compile on first use: not part of any message's time
    detect("warm up: the model and the patterns load once")
# Reproducible in CI: the same examples every run, no example database.
CI = dict(deadline=None, derandomize=True, database=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

# What must never reach a terminal raw: C0/C1 controls, DEL, bidi controls,
# zero-width and tag characters (the list is written here, not imported, so
# a change to the helpers cannot make the check agree with itself).
RAW_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\U000e0000-\U000e007f]")


# ------------------------------------------------------------------ (a) persona files

BASES = {}
for _pid, _rel in (("mentor", "reassignment/mentor.yaml"), ("bank_vp", "first_offer/bank_vp.yaml")):
    _p = REPO / "personas" / _rel
    BASES[_pid] = (_p.read_bytes(), (_p.parent / "scenario.yaml").read_bytes())


def _parsed(raw: bytes):
    from roleplay.source.yamlsource import load_yaml_text

    return load_yaml_text(raw.decode("utf-8"), "base.yaml").data


PARSED = {pid: (_parsed(p), _parsed(s)) for pid, (p, s) in BASES.items()}
STATE_NAMES = sorted({n for p, _ in PARSED.values() for key in ("states", "endings") for n in p[key]})

EXPR_TOKENS = ["threat", "asks_interests", "trust", "evidence", "turn", "channel", "stalled", "new_ask", "asked.base_salary",
               "offer.location", "said.start_date", "mentions.signing_bonus", "within.start_date", "won.location",
               "nope", "x.y.z", "__import__('os')", " and ", " or ", "not ", " == ", " != ", " < ", " >= ", " + ", " - ",
               " * ", " ** ", " in ", " if ", " else ", "(", ")", "[", "]", ",", ":", "=", "+=", "-=", ";", "lambda: ",
               "0", "1", "-1", "9" * 60, "1e400", "0x" + "f" * 80, "0.25", "'Denver'", '"June 23"', '"June 31"', "''",
               "f'{x}'", "b'x'", "...", "🙂", "\u202e", "\t", "\n", "\x00"]
expression = st.one_of(
    st.lists(st.sampled_from(EXPR_TOKENS), min_size=1, max_size=14).map("".join),
    st.text(max_size=40),
    st.builds(lambda d, name, close: "(" * d + name + ")" * (d if close else 0),
              st.integers(1, 260), st.sampled_from(["threat", "trust > 1"]), st.booleans()),
    st.builds(lambda n, op: op * n + "threat", st.integers(1, 170), st.sampled_from(["not ", "- ", "~"])),
    st.builds(lambda n: " < ".join(["trust"] * n), st.integers(2, 120)),
)
odd_value = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(), st.text(max_size=30),
    st.sampled_from([10**15 - 1, 10**15, -(10**15), 2**64, 10**5000, 1e308, float("inf"), float("nan"), -0.0, "", " ",
                     "x" * 2001, "x" * 4001, "\x00\x1b[31m", "June 31", "--13-45", "yes", "No", "~", "0x10", "1_000"]),
    st.lists(st.integers(), max_size=3), st.dictionaries(st.text(max_size=6), st.integers(), max_size=2),
)
unknown_key = st.one_of(st.sampled_from(["efects", "whenn", "x", "", "🙂", "on", "null", "123", "<<", "say", "\x00", "true"]),
                        st.text(max_size=12))


def _paths(data, prefix=()):
    out = [prefix]
    if isinstance(data, dict):
        for k, v in data.items():
            out += _paths(v, prefix + (k,))
    elif isinstance(data, list):
        for i, v in enumerate(data):
            out += _paths(v, prefix + (i,))
    return out


def _get(data, path):
    for p in path:
        data = data[p]
    return data


def _put(data, path, value):
    if not path:
        return value
    _get(data, path[:-1])[path[-1]] = value
    return data


def _nest(depth: int, as_list: bool):
    v = "x"
    for _ in range(depth):
        v = [v] if as_list else {"k": v}
    return v


@st.composite
def structural_mutation(draw, data):
    """Change one node of the parsed file the way a hurried or hostile coach would."""
    paths = _paths(data)
    path = draw(st.sampled_from(paths))
    op = draw(st.sampled_from(["drop", "swap", "unknown", "expr", "nest", "ref", "template", "rename", "empty"]))
    node = _get(data, path)
    if op == "drop" and isinstance(node, dict) and node:
        del node[draw(st.sampled_from(sorted(node, key=str)))]
    elif op == "unknown" and isinstance(node, dict):
        node[draw(unknown_key)] = draw(odd_value)
    elif op == "expr" and (targets := [p for p in paths if p and (p[-1] == "when" or (len(p) > 1 and p[-2] == "effects"))]):
        data = _put(data, draw(st.sampled_from(targets)), draw(expression))
    elif op == "nest":
        data = _put(data, path, _nest(draw(st.integers(60, 70)), draw(st.booleans())))
    elif op == "ref" and (targets := [p for p in paths if p and p[-1] in ("goto", "start", "scenario")]):
        data = _put(data, draw(st.sampled_from(targets)), draw(st.sampled_from(STATE_NAMES + ["nowhere", "", "Start", "a" * 49])))
    elif op == "template" and (strings := [p for p in paths if isinstance(_get(data, p), str) and len(p) > 1]):
        data = _put(data, draw(st.sampled_from(strings)),
                    draw(st.sampled_from(["{", "}", "{}", "{unknown}", "{offer.base_salary}", "{{learner}}", "{research.}", "{" * 80])))
    elif op == "rename" and isinstance(data.get("states"), dict) and data["states"]:
        old = draw(st.sampled_from(sorted(data["states"])))
        data["states"][old + "_2"] = data["states"].pop(old)
    elif op == "empty":
        key = draw(st.sampled_from(["states", "endings", "variables", "terms", "always", "fallback", "opening"]))
        if key in data:
            data[key] = {} if isinstance(data[key], dict) else []
    else:  # swap: any node becomes a value of another type
        data = _put(data, path, draw(odd_value))
    return data


def _dump(data) -> bytes:
    import io

    from ruamel.yaml import YAML

    y = YAML(typ="safe", pure=True)
    y.default_flow_style, y.allow_unicode, y.width = False, True, 4096
    buf = io.StringIO()
    y.dump(data, buf)
    return buf.getvalue().encode("utf-8")


YAML_SYNTAX = [": ", "- ", "[", "]", "{", "}", "&a ", "*a", "!!python/object/apply:os.system ['true']", "!!binary aGk=",
               "? ", "|\n", ">-\n", "\n---\n", "\n...\n", "%YAML 1.1\n", "\t", "#", '"', "'", "\\", "<<: *a\n", "!x ",
               "a: &x [1]\nb: *x\n", "!!set {a, b}", "2027-06-23", "1e400", "0x" + "f" * 5000, "[" * 201, "{" * 199,
               "\x00", "\ufeff", "\r", "\u2028", "\x85", "\x1b[2J"]
raw_mutation = st.one_of(
    st.tuples(st.just("flip"), st.integers(0, 10**6), st.integers(0, 7)),
    st.tuples(st.just("truncate"), st.integers(0, 10**6)),
    st.tuples(st.just("insert"), st.integers(0, 10**6),
              st.one_of(st.sampled_from(YAML_SYNTAX).map(str.encode), st.binary(max_size=6),
                        st.sampled_from([b"\xff", b"\xc3\x28", b"\xed\xa0\x80", b"\xf4\x90\x80\x80", b"\xc0\xaf"]),
                        st.characters(codec="utf-8").map(str.encode))),
    st.tuples(st.sampled_from(["dup", "delete", "tab"]), st.integers(0, 10**6)),
    st.tuples(st.just("crlf"), st.sampled_from([b"\r\n", b"\r", b"\x85"])),
    # A number of the file written huge: inf as a float, too long to print as an int.
    st.tuples(st.just("number"), st.integers(0, 10**6),
              st.sampled_from([b"1e400", b"-1e400", b"0x" + b"f" * 5000, b"9" * 5000, b"0o" + b"7" * 6000, b"1" + b"0" * 15])),
)
_NUMBER = re.compile(rb"(?<=[:\[,] )-?\d+(?![\w.:])")  # a number that is a YAML value: "start: 55", "[3, 4]"


def _apply_raw(raw: bytes, m) -> bytes:
    kind = m[0]
    if kind == "flip":
        if not raw:
            return raw
        b = bytearray(raw)
        b[m[1] % len(b)] ^= 1 << m[2]
        return bytes(b)
    if kind == "truncate":
        return raw[: m[1] % (len(raw) + 1)]
    if kind == "insert":
        i = m[1] % (len(raw) + 1)
        return raw[:i] + m[2] + raw[i:]
    if kind == "crlf":
        return raw.replace(b"\n", m[1])
    if kind == "number":
        spots = list(_NUMBER.finditer(raw))
        if not spots:
            return raw
        spot = spots[m[1] % len(spots)]
        return raw[: spot.start()] + m[2] + raw[spot.end():]
    lines = raw.split(b"\n")
    i = m[1] % len(lines)
    if kind == "dup":  # a duplicate key at that line's depth
        lines.insert(i, lines[i])
    elif kind == "delete":
        del lines[i]
    else:
        lines[i] = b"\t" + lines[i].lstrip(b" ")
    return b"\n".join(lines)


class _ExploreBudget:
    """The validate walk with a small budget: the same code, stopped sooner
    (the full walk of a shipped persona takes seconds per example)."""

    def __enter__(self):
        from roleplay.persona import checks

        self.old = checks.MAX_CONFIGS, checks.MAX_EVALS
        checks.MAX_CONFIGS, checks.MAX_EVALS = 300, 20_000

    def __exit__(self, *exc):
        from roleplay.persona import checks

        checks.MAX_CONFIGS, checks.MAX_EVALS = self.old


def _validate_and_load(root: Path, pid: str, persona: bytes, scenario: bytes) -> str:
    """What ``roleplay validate FILE`` and ``roleplay run FILE`` do with the file:
    validate never raises, load raises only ScriptError; a file that loads plays."""
    from roleplay.engine.export import transcript_markdown, visible_text
    from roleplay.engine.session import Session, SessionEnded
    from roleplay.persona.loader import load_persona, resolve
    from roleplay.authoring.validate import validate_paths

    case = Path(tempfile.mkdtemp(dir=root))
    folder = case / "p"  # alone in its parent: no sibling's scenario stands in
    folder.mkdir()
    try:
        (folder / "scenario.yaml").write_bytes(scenario)
        path = folder / f"{pid}.yaml"
        path.write_bytes(persona)
        with _ExploreBudget():
            diagnostics, checked = validate_paths([path, folder / "scenario.yaml"])
        assert checked == 2
        for d in diagnostics:
            assert d.severity in ("error", "warning") and d.line >= 1 and d.col >= 1
            assert not RAW_UNSAFE.search(visible_text(str(d), keep_newlines=False))  # what validate prints
        try:
            loaded = load_persona(resolve(str(path)))
        except ScriptError as exc:
            assert exc.errors, "a ScriptError names at least one error"
            return "refused"
        s = Session(loaded, 1)
        for text in ("Thanks for the offer! Could we talk about the start date, June 23?", "I need $140k or I walk."):
            try:
                s.play(text)
            except SessionEnded:
                break
        json.loads(s.transcript().to_json())
        transcript_markdown(s.transcript(), loaded)
        return "loaded"
    finally:
        shutil.rmtree(case, ignore_errors=True)


@settings(max_examples=80, **CI)
@given(data=st.data(), pid=st.sampled_from(sorted(BASES)), on_scenario=st.booleans(), n=st.integers(1, 3))
def test_structurally_mutated_persona_files_fail_only_with_the_loaders_error(tmp_path_factory, data, pid, on_scenario, n):
    persona, scenario = copy.deepcopy(PARSED[pid])
    target = scenario if on_scenario else persona
    for _ in range(n):
        target = data.draw(structural_mutation(target))
    try:
        raw = _dump(target)
    except Exception:  # a shape the dumper itself refuses is no file
        return
    if on_scenario:
        _validate_and_load(tmp_path_factory.getbasetemp(), pid, BASES[pid][0], raw)
    else:
        _validate_and_load(tmp_path_factory.getbasetemp(), pid, raw, BASES[pid][1])


@settings(max_examples=90, **CI)
@given(pid=st.sampled_from(sorted(BASES)), on_scenario=st.booleans(), mutations=st.lists(raw_mutation, min_size=1, max_size=4))
def test_raw_mutated_persona_text_fails_only_with_the_loaders_error(tmp_path_factory, pid, on_scenario, mutations):
    persona, scenario = BASES[pid]
    raw = scenario if on_scenario else persona
    for m in mutations:
        raw = _apply_raw(raw, m)
    if on_scenario:
        _validate_and_load(tmp_path_factory.getbasetemp(), pid, persona, raw)
    else:
        _validate_and_load(tmp_path_factory.getbasetemp(), pid, raw, scenario)


HUGE = [b"1e400", b"-1e400", b"0x" + b"f" * 5000, b"9" * 5000, b"0o" + b"7" * 6000, b"1" + b"0" * 15, b"-" + b"9" * 20]


@settings(max_examples=40, **CI)
@given(pid=st.sampled_from(sorted(BASES)), on_scenario=st.booleans(), spot=st.integers(0, 10**6), huge=st.sampled_from(HUGE))
def test_any_number_of_a_persona_file_written_huge_fails_only_with_the_loaders_error(tmp_path_factory, pid, on_scenario, spot, huge):
    persona, scenario = BASES[pid]
    raw = _apply_raw(scenario if on_scenario else persona, ("number", spot, huge))
    if on_scenario:
        _validate_and_load(tmp_path_factory.getbasetemp(), pid, persona, raw)
    else:
        _validate_and_load(tmp_path_factory.getbasetemp(), pid, raw, scenario)


def test_the_unmutated_bases_load_so_the_mutations_start_from_good_files(tmp_path):
    for pid, (persona, scenario) in BASES.items():
        assert _validate_and_load(tmp_path, pid, persona, scenario) == "loaded"


# ------------------------------------------------------------------ (b) messages

ANSI = ["\x1b[31m", "\x1b[0m", "\x1b[2J", "\x1b[H", "\x1bc", "\x1b]52;c;aGVsbG8=\x07", "\x1b]8;;https://x.example\x1b\\",
        "\x1b]0;title\x07", "\x9b31m", "\x9d0;x\x9c", "\x1b[?1049h", "\x1b[" + "9" * 40 + "m"]
MARKUP = ["[bold]", "[/]", "[/bold]", "[link=https://x.example]", "[/link]", "[@click=app.quit]", "[red on blue]", "[",
          "]", "\\[", "[[", "[b]x[/i]", "[on #ff0000]", ":smile:", "**", "<b>", "&amp;", "`", "{learner}"]
EMOJI = ["👨‍👩‍👧‍👦", "🏳️‍🌈", "🇺🇸", "👍🏽", "1️⃣", "❤️", "🧑‍💻", "🫠", "🏴󠁧󠁢󠁳󠁣󠁴󠁿"]
BIDI = ["\u202e", "\u202d", "\u202a", "\u202c", "\u2066", "\u2069", "\u200e", "\u200f", "\u061c", "שלום", "مرحبا 128 ألف",
        "\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad", "\U000e0041"]
CONTROLS = [chr(c) for c in (*range(0, 32), 127, *range(0x80, 0xA0))] + ["\u2028", "\u2029", "\r\n"]
WORDS = ["I", "would", "love", "to", "join", "but", "the", "base", "salary", "signing", "bonus", "start", "date", "office",
         "Denver", "Chicago", "could", "we", "talk", "on", "a", "call", "another", "offer", "walk", "away", "unless",
         "thanks", "sorry", "128k", "$128,000", "June 23", "2027-06-23", "3 days", "0.25%", "€700/day", "9" * 400,
         "$" + "9" * 330, "twenty five hundred", "1,20,000", "?", "!", ".", ","]
piece = st.sampled_from(ANSI + MARKUP + EMOJI + BIDI + CONTROLS + WORDS)
any_text = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=300)


def _near_cap(body: str, extra: int) -> str:
    body = body or "x"
    return (body * (MAX_CHARS // len(body) + 2))[: MAX_CHARS + extra]


message = st.one_of(
    any_text,
    st.lists(piece, max_size=200).map("".join),
    st.lists(st.one_of(piece, any_text), max_size=30).map(" ".join),
    st.builds(_near_cap, st.one_of(piece, st.lists(piece, min_size=1, max_size=6).map(" ".join)), st.integers(-3, 3)),
    st.text(alphabet=st.characters(blacklist_categories=("Cs",)), min_size=MAX_CHARS - 2, max_size=MAX_CHARS + 2),
)


def _check_reading(text: str) -> None:
    from roleplay.analysis.detector import detect
    from roleplay.analysis.tags import TAGS, canonical_order
    from roleplay.analysis.terms import ISSUES, terms

    _warm()
    d, found = detect(text), terms(text)
    assert _seconds(lambda: (detect(text), terms(text))) < LIMIT_S, f"{len(text)} chars took over {LIMIT_S} s"
    assert set(d.tags) <= set(TAGS) and canonical_order(d.tags) == d.tags
    for tag, (a, b) in d.spans.items():  # evidence is the learner's own words, where they are
        assert 0 <= a <= b <= min(len(text), MAX_CHARS) and d.text[a:b] == text[a:b], tag
    for t in found:
        assert t.issue in ISSUES and 0 <= t.start <= t.end <= MAX_CHARS and text[t.start:t.end] == t.text, t
        json.dumps(t.as_json(), allow_nan=False)


@settings(max_examples=250, **CI)
@given(text=message)
def test_any_message_is_read_without_a_crash_within_the_ceiling(text):
    _check_reading(text)


SHIPPED = ["mentor", "hr_partner", "skeptic", "startup_lead", "bank_vp"]
_LOADED = {}


def _persona(pid: str):
    from roleplay.persona.loader import load_persona, resolve

    if pid not in _LOADED:
        from roleplay.engine.session import Session

        _warm()
        _LOADED[pid] = load_persona(resolve(pid))
        Session(_LOADED[pid], 0).play("Hello, and thank you for the offer.")  # and the persona's machine
    return _LOADED[pid]


def _without_truncated(transcript_json: str) -> dict:
    data = json.loads(transcript_json)
    for t in data["turns"]:
        t.pop("truncated", None)
    return data


@settings(max_examples=40, **CI)
@given(pid=st.sampled_from(SHIPPED), seed=st.integers(0, 2**31), texts=st.lists(message, min_size=1, max_size=8))
def test_a_session_plays_any_messages_and_exports_them_literally(pid, seed, texts):
    from roleplay.engine.export import transcript_markdown
    from roleplay.engine.session import Session, SessionEnded

    persona = _persona(pid)
    s = Session(persona, seed)
    played = []
    for text in texts:
        cut = text[:MAX_CHARS]
        if s.ended:
            with pytest.raises(SessionEnded):
                s.play(text)
            continue
        if not cut.strip():
            with pytest.raises(ValueError):
                s.play(text)
            continue
        before = list(s.moves)
        box = []
        spent = _seconds(lambda: box.append(s.play(text)),
                         fresh=lambda: (lambda again=Session.replay(persona, seed, before): again.play(text)))
        turn = box[0]
        assert spent < LIMIT_S, f"a move of {len(text)} chars"
        assert turn.learner == cut and turn.truncated == (len(text) > MAX_CHARS) and turn.manager
        played.append(cut)
    transcript = s.transcript()
    raw = transcript.to_json()
    back = json.loads(raw)
    assert [t["learner"] for t in back["turns"]] == played  # nothing typed is lost
    # Replay (resume, take-back, rescore) is exact, but for the cut flag (see the xfail below).
    assert _without_truncated(Session.replay(persona, seed, s.moves).transcript().to_json()) == _without_truncated(raw)
    md = transcript_markdown(transcript, persona)
    assert not RAW_UNSAFE.search(md)
    assert md.count("**You:**") == len(played)


# ------------------------------------------------------------------ (b) the UI's text helpers

# Characters the helpers leave as they are: everything but the unsafe ones, tabs and carriage returns.
shown_as_is = st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc", "Cf"), blacklist_characters="\t\r"), max_size=200)


@settings(max_examples=300, **CI)
@given(text=st.one_of(message, st.builds(lambda p, n: (p * n)[:n], st.one_of(piece, any_text.filter(bool)), st.integers(1, 50_000))))
def test_the_safe_text_helpers_render_any_text_literally(text):
    from roleplay.ui.safe_text import clean, content, highlighted, one_line

    shown = clean(text)
    assert not RAW_UNSAFE.search(shown)
    for ch in set(text) - set("\t\r"):  # nothing dropped: every shown-as-is character survives
        if not RAW_UNSAFE.match(ch):
            assert shown.count(ch) >= text.replace("\r\n", "\n").count(ch), repr(ch)
    assert "\n" not in one_line(text) and not RAW_UNSAFE.search(one_line(text))
    c = content(text)
    assert c.plain == shown and not c.spans
    assert "".join(seg.text for seg in c.render_segments()) == shown  # rendered, not parsed as markup
    needle = text[len(text) // 3: len(text) // 3 + 9]
    h = highlighted(text, [needle])
    assert h.plain == shown
    for span in h.spans:
        assert 0 <= span.start < span.end <= len(shown) and shown[span.start:span.end] == clean(needle)


@settings(max_examples=200, **CI)
@given(text=shown_as_is)
def test_text_without_controls_is_shown_exactly_as_typed(text):
    from roleplay.ui.safe_text import clean, content

    if set(text) & {"\u2028", "\u2029"} or RAW_UNSAFE.search(text):
        return
    assert clean(text) == text and content(text).plain == text


@pytest.mark.parametrize("run", ["0" * 20_000, "_" * 20_000, "a" * 20_000], ids=["digits", "underscores", "letters"])
def test_every_pattern_reads_a_long_run_in_linear_time(run):
    """Ten times the cap, so a quadratic pattern costs a hundred times more:
    "0" * 1998 took 0.34 s to tag before (a rule "\\b(?:an? )?\\$?\\d[\\d,.]*..."
    lost its leading \\b and was tried at every digit, and so was the
    percent pattern of the terms); "_" * 20,000 took 4 s ("(?<![a-z])\\w+")."""
    import re as re_

    from roleplay.analysis import terms as terms_module
    from roleplay.analysis.detector import detect
    from roleplay.analysis.lexicon import LazyPattern

    detect("compile the rules")
    patterns = [(p.pattern, p.finditer) for p in LazyPattern._registry]
    patterns += [(name, obj.finditer) for name, obj in vars(terms_module).items() if isinstance(obj, re_.Pattern)]
    assert len(patterns) > 600
    for name, finditer in patterns:
        assert _seconds(lambda: sum(1 for _ in finditer(run))) < LIMIT_S, name[:80]


def test_a_message_over_the_cap_is_still_marked_cut_after_a_replay():
    from roleplay.engine.session import Session

    persona = _persona("mentor")
    s = Session(persona, 0)
    s.play("Could we talk about the Denver office? " + "I have thought about it a lot. " * 80)
    assert s.turns[0].truncated
    assert Session.replay(persona, 0, s.moves).transcript().to_json() == s.transcript().to_json()


def test_a_lone_surrogate_in_a_detect_record_is_answered_in_its_place():
    """JSON may spell a lone surrogate ("\\ud800"); echoed in an id, evidence or
    a term, it made ``roleplay detect`` die (UnicodeEncodeError on stdout,
    exit 1) and the records after it were never answered."""
    import io

    from roleplay.analysis.detect_stream import run_detect

    lines = ['{"id": "\\ud800", "text": "ok"}', '{"id": 2, "text": "I want the \\ud800Denver office or I w\\udfffalk"}',
             '{"id": 3, "text": "Could we talk on a call?"}']
    raw = io.BytesIO()
    out = io.TextIOWrapper(raw, encoding="utf-8", newline="\n")  # strict, as stdout is
    assert run_detect(io.StringIO("\n".join(lines) + "\n"), out) == 0
    out.flush()
    answers = [json.loads(line) for line in raw.getvalue().decode("utf-8").splitlines()]
    assert [a["id"] for a in answers] == ["\ud800", 2, 3]  # the data itself is kept
    assert "requests_meeting" in answers[2]["tags"]


# ------------------------------------------------------------------ findings left to their owners (xfail)


def test_a_lone_surrogate_in_a_moves_file_is_bad_input_not_an_internal_error(tmp_path, capsys):
    from roleplay.cli import main

    moves = tmp_path / "moves.jsonl"
    moves.write_text('{"text": "Could we talk about the start date? \\ud800"}\n', encoding="utf-8")
    rc = main(["run", "mentor", "--moves", str(moves), "--out", str(tmp_path / "t.json")])
    err = capsys.readouterr().err
    assert rc in (0, 2) and "internal error" not in err, err


def _rendered_export(text: str) -> str:
    from markdown_it import MarkdownIt

    from roleplay.engine.export import transcript_markdown
    from roleplay.engine.session import Session

    persona = _persona("mentor")
    s = Session(persona, 0)
    s.play(text)
    doc = transcript_markdown(s.transcript(), persona)
    return MarkdownIt("gfm-like").render(doc)  # a GitHub-like viewer (tables, autolinks)


def test_a_message_indented_by_four_spaces_is_not_a_code_block_in_the_export():
    html_ = _rendered_export("    four spaces: code? I would like to talk about the start date.")
    assert "<pre>" not in html_ and "four spaces: code?" in html_


def test_an_email_address_in_a_message_is_not_a_link_in_the_export():
    html_ = _rendered_export("You can reach me at alex.doe@example.com about the start date.")
    assert "mailto:" not in html_
