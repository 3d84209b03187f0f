"""The behaviour tags explained for persona authors: ``tag_reference.yaml``.

For each of the 15 tags, in the canonical order of :data:`~.tags.TAGS`: a
definition, messages that carry the tag and near-misses that look like it
but do not, each with why. The text is content, edited by coaches; this
module checks its shape (pydantic, ``file:line:col`` errors) and that it
names exactly the 15 tags in order. Every message comes from the labelled
corpus in ``data/moves/`` (its ``id``, ``voice`` and ``domain``);
``scripts/tag_reference.py --check`` and ``tests/test_tag_reference.py``
hold every example to its tag and every near-miss to its absence, as the
shipped detector reads them.

``roleplay tags`` prints it; ``docs/tags.md`` is :func:`render_markdown` of it.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from roleplay.analysis.tags import TAG_DESCRIPTIONS, TAGS

REFERENCE = Path(__file__).parent / "tag_reference.yaml"
MIN_EXAMPLES, MAX_EXAMPLES = 4, 6
MIN_NEAR_MISSES, MAX_NEAR_MISSES = 3, 5

Identifier = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_-]{0,47}$")]
Message = Annotated[str, StringConstraints(min_length=1, max_length=1000)]
Prose = Annotated[str, StringConstraints(min_length=1, max_length=2000)]

# Nothing that a terminal or a Markdown viewer could act on: C0/C1 controls
# (a tab or newline included: every text is one paragraph), bidi overrides,
# zero-width characters.
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class ExampleSpec(_Strict):
    """A corpus message that carries the tag."""

    text: Message = Field(description="The message, exactly as in the corpus.")
    id: Identifier = Field(description="Its id in data/moves/*.jsonl.")
    voice: Identifier = Field(description="The corpus voice it was written in.")
    domain: Identifier = Field(description="The negotiation it belongs to.")


class NearMissSpec(ExampleSpec):
    """A corpus message that looks like the tag but does not carry it."""

    why: Prose = Field(description="Why it does not count, in a sentence.")


class TagSpec(_Strict):
    """One behaviour tag: what it means, messages that carry it and near-misses that do not."""

    definition: Prose = Field(description="What counts, what does not, and how the tag goes with others.")
    examples: list[ExampleSpec] = Field(min_length=MIN_EXAMPLES, max_length=MAX_EXAMPLES,
                                        description="Messages that carry the tag.")
    near_misses: list[NearMissSpec] = Field(min_length=MIN_NEAR_MISSES, max_length=MAX_NEAR_MISSES,
                                            description="Messages that look like it but do not carry it.")


class ReferenceFile(_Strict):
    """The tag reference: every behaviour tag, in the canonical order."""

    tags: dict[str, TagSpec] = Field(description="The 15 tag ids, in the order of roleplay/analysis/tags.py.")


@dataclass(frozen=True)
class Example:
    text: str
    id: str
    voice: str
    domain: str
    why: str | None = None  # near-misses only

    def as_dict(self) -> dict:
        out = {"text": self.text, "id": self.id, "voice": self.voice, "domain": self.domain}
        if self.why is not None:
            out["why"] = self.why
        return out


@dataclass(frozen=True)
class TagDoc:
    id: str
    description: str  # the one line of tags.py
    definition: str
    examples: tuple[Example, ...]
    near_misses: tuple[Example, ...]

    def as_dict(self) -> dict:
        return {"id": self.id, "description": self.description, "definition": self.definition,
                "examples": [e.as_dict() for e in self.examples],
                "near_misses": [e.as_dict() for e in self.near_misses]}


@dataclass(frozen=True)
class TagReference:
    tags: tuple[TagDoc, ...]
    file: str

    def get(self, tag: str) -> TagDoc:
        return next(t for t in self.tags if t.id == tag)

    def as_json(self) -> list[dict]:
        return [t.as_dict() for t in self.tags]


def _one_line(text: str) -> str:
    return " ".join(text.split())


def load_reference(path: Path = REFERENCE) -> TagReference:
    """The tag reference in ``path``; ScriptError listing every problem."""
    from roleplay.source.diagnostics import ScriptError
    from roleplay.source.parse import parse_model
    from roleplay.source.yamlsource import load_yaml_file

    src = load_yaml_file(path, str(path))
    ref = parse_model(src, ReferenceFile)
    problems = []
    ids = list(ref.tags)
    for tag in ids:
        if tag not in TAG_DESCRIPTIONS:
            close = difflib.get_close_matches(tag, TAGS, n=1)
            hint = f" (did you mean '{close[0]}'?)" if close else f"; the 15 are: {', '.join(TAGS)}"
            problems.append(src.diag(("tags", tag), f"unknown tag '{tag}'{hint}", key=True))
    missing = [t for t in TAGS if t not in ref.tags]
    if missing:
        problems.append(src.diag(("tags",), f"missing tag{'s' if len(missing) > 1 else ''} {', '.join(missing)}", key=True))
    known = [t for t in ids if t in TAG_DESCRIPTIONS]
    if not missing and known != [t for t in TAGS if t in known]:
        for i, tag in enumerate(known):
            if tag != TAGS[i]:
                problems.append(src.diag(("tags", tag), f"'{tag}' is out of order: the tags go in the order of "
                                         f"roleplay/analysis/tags.py ({', '.join(TAGS)}), so '{TAGS[i]}' comes here", key=True))
                break
    for tag, spec in ref.tags.items():
        where = ("tags", tag)
        if _UNSAFE.search(spec.definition):
            problems.append(src.diag(where + ("definition",), "a control or invisible character in the definition"))
        seen: dict[str, str] = {}
        for kind in ("examples", "near_misses"):
            for i, ex in enumerate(getattr(spec, kind)):
                for key in ("text", "why"):
                    value = getattr(ex, key, None)
                    if value and _UNSAFE.search(value):
                        problems.append(src.diag(where + (kind, i, key), f"a control or invisible character in the {key} "
                                                 "(each text is one paragraph: no line breaks or tabs)"))
                if ex.id in seen:
                    problems.append(src.diag(where + (kind, i, "id"), f"'{ex.id}' is already one of this tag's {seen[ex.id]}"))
                seen[ex.id] = kind.replace("_", "-")
    if problems:
        raise ScriptError(problems)
    docs = []
    for tag in TAGS:
        spec = ref.tags[tag]
        docs.append(TagDoc(
            id=tag, description=TAG_DESCRIPTIONS[tag], definition=_one_line(spec.definition),
            examples=tuple(Example(e.text, e.id, e.voice, e.domain) for e in spec.examples),
            near_misses=tuple(Example(e.text, e.id, e.voice, e.domain, _one_line(e.why)) for e in spec.near_misses),
        ))
    return TagReference(tags=tuple(docs), file=src.file)


@lru_cache(maxsize=1)
def tag_reference() -> TagReference:
    """The shipped reference, loaded once."""
    return load_reference()


# ------------------------------------------------------------------ output


def render_text(ref: TagReference, *, width: int = 80, shown=lambda s: s, only: tuple[str, ...] = ()) -> str:
    """The reference for a terminal, wrapped to ``width``; ``shown`` makes a
    file's text safe to print (the CLI passes its escaping helper)."""
    import textwrap

    width = max(40, width)

    def wrap(text: str, indent: str, first: str | None = None) -> list[str]:
        return textwrap.wrap(text, width=width, initial_indent=first if first is not None else indent,
                             subsequent_indent=indent, break_long_words=False, break_on_hyphens=False) or [indent.rstrip()]

    out: list[str] = []
    for doc in ref.tags:
        if only and doc.id not in only:
            continue
        if out:
            out.append("")
        out.append(doc.id)
        out += wrap(shown(doc.description), "    ")
        out.append("")
        out += wrap(shown(doc.definition), "  ")
        out.append("")
        out.append("  Counts:")
        for e in doc.examples:
            out += wrap(f"\u201c{shown(e.text)}\u201d ({shown(e.voice)}, {shown(e.domain)})", "      ", "    + ")
        out.append("  Does not count:")
        for e in doc.near_misses:
            out += wrap(f"\u201c{shown(e.text)}\u201d ({shown(e.voice)}, {shown(e.domain)})", "      ", "    - ")
            out += wrap(f"why: {shown(e.why)}", "           ", "      ")
    if not only:
        from roleplay.analysis.signals import SIGNAL_DESCRIPTIONS

        out += ["", "Persona conditions also read these signals:"]
        for name, line in SIGNAL_DESCRIPTIONS.items():
            out += wrap(f"{name}: {line}", "      ", "    ")
        out += wrap("and tagged (the message carries any tag); docs/tags.md is this reference, "
                    "'roleplay tags --json' the same as data.", "    ")
    return "\n".join(out) + "\n"


_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|~])")
_TAG_ID = re.compile(r"\b(" + "|".join(t for t in TAGS if "_" in t) + r")\b")  # "threat" is also a word


def _md(text: str) -> str:
    """Text shown literally in Markdown (no emphasis, links or HTML)."""
    return _MD_SPECIAL.sub(r"\\\1", text)


def _md_prose(text: str) -> str:
    """A definition or a why: literal, with the two-word tag ids it names as code."""
    parts = _TAG_ID.split(text)
    return "".join(f"`{p}`" if i % 2 else _md(p) for i, p in enumerate(parts))


def render_markdown(ref: TagReference) -> str:
    """``docs/tags.md``: generated by ``scripts/tag_reference.py --write-docs``."""
    lines = [
        "# The behaviour tags",
        "",
        "<!-- Generated from roleplay/analysis/tag_reference.yaml by scripts/tag_reference.py --write-docs; "
        "edit that file, not this one. -->",
        "",
        "Every learner message is read into these 15 tags: what the message *does*, judged on the message "
        "alone. A message can carry several tags, or none. Persona conditions read each tag as a name "
        "that is true when the message carries it (`when: threat and trust < 40`). `roleplay tags` prints "
        "this reference; `roleplay tags --json` gives it as data; `roleplay detect --explain` shows what "
        "decided the tags of your own messages.",
        "",
        "The messages are from the project's labelled corpus (`data/moves/`, id, voice and negotiation in "
        "brackets). Each example is one the shipped detector tags with its tag, and each near-miss one it "
        "reads without it; the tests keep it so.",
        "",
        " | ".join(f"[`{t.id}`](#{t.id})" for t in ref.tags),
        "",
    ]
    for doc in ref.tags:
        lines += [f"## `{doc.id}`", "", f"*{_md(doc.description)}*", "", _md_prose(doc.definition), "", "Counts:", ""]
        for e in doc.examples:
            lines.append(f"- \u201c{_md(e.text)}\u201d ({e.id}, {_md(e.voice)}, {_md(e.domain)})")
        lines += ["", "Does not count:", ""]
        for e in doc.near_misses:
            lines.append(f"- \u201c{_md(e.text)}\u201d ({e.id}, {_md(e.voice)}, {_md(e.domain)})  ")
            lines.append(f"  {_md_prose(e.why)}")
        lines.append("")
    return "\n".join(lines)


__all__ = ["REFERENCE", "ReferenceFile", "TagReference", "TagDoc", "Example", "load_reference", "tag_reference",
           "render_text", "render_markdown"]
