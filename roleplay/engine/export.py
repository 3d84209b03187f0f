"""Export a session: the transcript as Markdown (for people) and JSON (for tools).

Pure Python: no screen code. The JSON is exactly ``Transcript.to_json()``
(the format in CONTRACTS.md); the Markdown shows learner and persona text
literally: Markdown specials are backslash-escaped and control characters
(ANSI escapes included) are replaced by visible symbols, so nothing a
learner typed can become a link, a heading or a terminal escape.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    from roleplay.engine.transcript import Transcript
    from roleplay.persona.compiled import LoadedPersona

__all__ = ["visible_text", "markdown_escape", "transcript_markdown", "export_session", "exports_dir"]

# Bidirectional overrides and invisible formatting characters that could
# reorder or hide text on screen.
_INVISIBLE = {
    0x200B: "⟨ZWSP⟩",
    0x200E: "⟨LRM⟩",
    0x200F: "⟨RLM⟩",
    0x202A: "⟨LRE⟩",
    0x202B: "⟨RLE⟩",
    0x202C: "⟨PDF⟩",
    0x202D: "⟨LRO⟩",
    0x202E: "⟨RLO⟩",
    0x2066: "⟨LRI⟩",
    0x2067: "⟨RLI⟩",
    0x2068: "⟨FSI⟩",
    0x2069: "⟨PDI⟩",
    0xFEFF: "⟨BOM⟩",
    0x061C: "⟨ALM⟩",
    0x2060: "⟨WJ⟩",
    0x2061: "⟨FA⟩",
    0x2062: "⟨IT⟩",
    0x2063: "⟨IS⟩",
    0x2064: "⟨IP⟩",
}
# (ZWJ and ZWNJ stay: emoji sequences and Persian or Indic text need them.)
# Tag characters (U+E0000-E007F) spell hidden text; each is shown by its code.
_INVISIBLE.update({c: f"⟨U+{c:05X}⟩" for c in range(0xE0000, 0xE0080)})


def _visible_char(code: int) -> str:
    if code < 0x20:
        return chr(0x2400 + code)  # U+2400 block: ␀ ... ␛ ... ␟
    if code == 0x7F:
        return "␡"
    if 0x80 <= code <= 0x9F:
        return f"\\x{code:02x}"
    return _INVISIBLE[code]


_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f" + "".join(chr(c) for c in _INVISIBLE) + "]")


def visible_text(text: str, *, keep_newlines: bool = True) -> str:
    """``text`` with control characters shown as visible symbols.

    ``\\x1b`` becomes ``␛`` (so an ANSI escape shows as ``␛[31m``), other C0
    controls their Control Pictures symbol, C1 controls ``\\x9b``-style
    escapes, bidi overrides and zero-width characters a bracketed name.
    Tabs become a space; newlines are kept (or shown as ``␤`` when
    ``keep_newlines`` is false). Nothing is ever dropped.
    """
    if not isinstance(text, str):
        text = str(text)
    text = text.replace("\r\n", "\n").replace("\t", " ")
    if not keep_newlines:
        text = text.replace("\n", "␤")
    return _UNSAFE.sub(lambda m: _visible_char(ord(m.group(0))), text)


# Characters that are markup wherever they stand; the rest ('#', '+', '!', ':')
# only where they start a heading or a list, an image, or a URL, so the text
# stays readable as plain text too (no "\(" or "\!" for a bracket or a cry).
_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|~&])")
# What a Markdown viewer would turn into a link on its own ("www." needs no
# scheme): the dot after "www" is escaped too.
_AUTOLINK = re.compile(r"(?i)\bwww\.")


def markdown_escape(text: str) -> str:
    """Text safe to put in Markdown as literal text (visible controls, escaped
    specials): no markup, no HTML entity (``&amp;`` stays as typed), no bare
    URL turned into a link (``https\\://`` and ``www\\.`` are escaped)."""
    out = _MD_SPECIAL.sub(r"\\\1", visible_text(text))
    out = _AUTOLINK.sub(lambda m: m.group(0)[:3] + "\\.", out)
    out = out.replace("://", "\\://")  # a scheme, as in https://, starts an autolink
    out = re.sub(r"(?m)^(\s*)([#+])", r"\1\\\2", out)  # a heading or a list item
    # A line starting with '-', '=', a number and a dot, etc. could become a list or a rule.
    out = re.sub(r"(?m)^(\s*)([-=])", r"\1\\\2", out)
    out = re.sub(r"(?m)^(\s*\d+)([.)])", r"\1\\\2", out)
    # Leading spaces are indentation to Markdown (four make a code block):
    # no-break spaces look the same and are text.
    out = re.sub(r"(?m)^ +", lambda m: "\u00a0" * len(m.group(0)), out)
    # An address is turned into a mailto: link by GitHub-like viewers.
    out = re.sub(r"(?<=[\w.+-])@(?=\w)", r"\\@", out)
    return out


def _quote(text: str) -> str:
    lines = markdown_escape(text).split("\n")
    return "\n".join(f"> {line}" if line else ">" for line in lines)


def _fmt_score(value: Any) -> str:
    return "—" if value is None else str(value)


def _signed(delta: int) -> str:
    return f"+{delta}" if delta > 0 else f"−{-delta}" if delta < 0 else "±0"


def transcript_markdown(
    transcript: "Transcript",
    persona: "LoadedPersona",
    *,
    mode: str | None = None,
    risk_estimate: int | None = None,
    session_id: str | None = None,
    include_feedback: bool = True,
) -> str:
    """The transcript as a Markdown document a learner can keep or share."""
    from roleplay.analysis.principles import PRINCIPLES_BY_ID
    from roleplay.persona.template import fill

    p = persona.persona
    sc = persona.scenario
    esc = markdown_escape
    manager = esc(p.name)
    out: list[str] = []
    out.append(f"# {esc(fill(sc.title, persona.names))}")
    out.append("")
    label = sc.framing.counterpart
    out.append(f"- {esc(label[:1].upper() + label[1:])}: {manager}, {esc(p.role)} ({esc(p.difficulty)})")
    out.append(f"- Persona: `{p.id}` · scenario: `{sc.id}` · seed: {transcript.seed}")
    if mode:
        out.append(f"- Mode: {esc(mode)}")
    if risk_estimate is not None:
        out.append(f"- Your estimate of the risk of losing the offer by negotiating: {risk_estimate} on a 1-7 scale")
    if session_id:
        out.append(f"- Session: `{session_id}`")
    e = transcript.ending
    outcome = e.outcome
    title = f": {esc(e.title)}" if e.title else ""
    out.append(f"- Outcome: **{outcome}**{title}")
    out.append(f"- Overall score: {_fmt_score(transcript.score.overall)}")
    out.append("")
    if e.summary:
        out.append(esc(e.summary))
        out.append("")
    if persona.terms:
        from roleplay.engine.debrief import term_review

        review = [t for t in term_review(persona, transcript.turns) if t.moved or t.asked]
        out.append("## Terms")
        out.append("")
        if not review:
            out.append("No term was asked for and none moved.")
            out.append("")
        else:
            out.append("| term | offered | at the end | you asked for |")
            out.append("|---|---|---|---|")
        for t in review:
            out.append(f"| {esc(t.label)} | {esc(t.start)} | {esc(t.end)}{f' (move {t.moved_at})' if t.moved_at else ''} | {esc(t.asked) if t.asked else '—'} |")
        if review:
            out.append("")
        if transcript.deal is not None:
            out.append(f"Settled by the ending: {esc(', '.join(t.label for t in review if t.moved) or 'nothing changed')}.")
        else:
            out.append("No agreement was reached, so nothing was settled.")
        out.append("")
    out.append("## Conversation")
    out.append("")
    if transcript.opening:
        out.append(f"**{manager}** (opening, {persona.scenario.opening_channel}):")
        out.append("")
        out.append(_quote(transcript.opening))
        out.append("")
    for t in transcript.turns:
        out.append(f"### Move {t.n} ({t.channel})")
        out.append("")
        out.append("**You:**")
        out.append("")
        out.append(_quote(t.learner))
        if t.truncated:
            out.append("")
            out.append("*(This message was cut at 2,000 characters.)*")
        out.append("")
        if include_feedback and t.feedback:
            out.append("Coaching:")
            out.append("")
            for f in t.feedback:
                name = PRINCIPLES_BY_ID[f.principle].name if f.principle in PRINCIPLES_BY_ID else f.principle
                out.append(f"- {_signed(f.delta)} {esc(name)}: {esc(f.message)}")
            out.append("")
        out.append(f"**{manager}:**")
        out.append("")
        out.append(_quote(t.manager))
        out.append("")
    if include_feedback:
        out.append("## Scores")
        out.append("")
        out.append("| principle | score |")
        out.append("|---|---|")
        for pid, value in transcript.score.principles.items():
            name = PRINCIPLES_BY_ID[pid].name if pid in PRINCIPLES_BY_ID else pid
            out.append(f"| {esc(name)} | {_fmt_score(value)} |")
        out.append(f"| **overall** | **{_fmt_score(transcript.score.overall)}** |")
        out.append("")
    return "\n".join(out)


def exports_dir() -> Path:
    from roleplay.engine.sessionlog import data_dir

    return data_dir() / "exports"


def export_session(conv_or_session: Any, folder: Path | None = None) -> tuple[Path, Path]:
    """Write ``<session>.md`` and ``<session>.json``; return their paths.

    Takes a ``Conversation`` (its session id names the files, its mode and
    risk estimate go into the Markdown) or a bare ``Session``. The default
    folder is ``data_dir()/exports``. Existing files of the same session are
    replaced (an export is a snapshot of the session as it is now).
    """
    session = getattr(conv_or_session, "session", conv_or_session)
    session_id = getattr(conv_or_session, "session_id", None)
    mode = getattr(conv_or_session, "mode", None)
    risk = getattr(conv_or_session, "risk_estimate", None)
    transcript = session.transcript()
    stem = session_id or f"{session.persona.id}-seed{session.seed}"
    folder = Path(folder) if folder is not None else exports_dir()
    folder.mkdir(parents=True, exist_ok=True)
    md_path = folder / f"{stem}.md"
    json_path = folder / f"{stem}.json"
    md_path.write_text(
        transcript_markdown(transcript, session.persona, mode=mode, risk_estimate=risk, session_id=session_id),
        encoding="utf-8",
    )
    json_path.write_text(transcript.to_json(), encoding="utf-8")
    return md_path, json_path
