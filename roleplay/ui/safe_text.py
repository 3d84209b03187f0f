"""One place that makes untrusted text (learner, persona, file names) safe to show.

Textual parses markup in strings given to Static, Label, notify() and
friends: ``I want [/] more`` would crash a widget and ``[@click=app.quit]``
would become an action. Content strips control codes, so an ANSI escape
would silently vanish. Everything shown goes through here instead:

* ``clean(text)``: control characters and ANSI escapes become visible
  symbols (``\\x1b`` -> ``␛``); nothing is dropped;
* ``content(text, style)``: a literal ``Content`` (never parsed as markup);
* ``highlighted(text, spans, style)``: literal text with spans styled,
  for evidence in coaching feedback;
* ``notify(app, text, ...)``: a notification with markup off.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterable

from roleplay.engine.export import visible_text

if TYPE_CHECKING:  # pragma: no cover
    from textual.app import App
    from textual.content import Content

__all__ = ["clean", "one_line", "content", "highlighted", "notify", "find_spans", "shorten"]


def clean(text: object) -> str:
    """Text with control characters made visible; newlines kept."""
    return visible_text("" if text is None else str(text))


def one_line(text: object) -> str:
    """Like ``clean`` but on one line (newlines shown as ␤)."""
    return visible_text("" if text is None else str(text), keep_newlines=False)


def shorten(text: str, width: int) -> str:
    """``text`` cut to ``width`` characters with an ellipsis."""
    return text if len(text) <= width else text[: max(0, width - 1)] + "…"


def content(text: object, style: str = "") -> "Content":
    from textual.content import Content

    c = Content(clean(text))
    return c.stylize(style) if style else c


def find_spans(text: str, needles: Iterable[str]) -> list[tuple[int, int]]:
    """Where each needle occurs in ``text`` (first match, case-insensitive fallback)."""
    spans: list[tuple[int, int]] = []
    lower = text.lower()
    for needle in needles:
        if not needle:
            continue
        i = text.find(needle)
        if i < 0:
            i = lower.find(needle.lower())
        if i >= 0:
            spans.append((i, i + len(needle)))
    return spans


def highlighted(text: object, needles: Iterable[str], style: str = "bold underline") -> "Content":
    """Literal ``text`` with every needle (evidence span) styled.

    ``clean`` maps control characters one to one except ``\\r\\n`` and C1
    or invisible characters, so the spans are found in the cleaned text.
    """
    from textual.content import Content

    shown = clean(text)
    c = Content(shown)
    for start, end in find_spans(shown, [clean(n) for n in needles]):
        c = c.stylize(style, start, end)
    return c


def notify(app: "App", message: object, *, title: object = "", severity: str = "information", timeout: float | None = None) -> None:
    kwargs = {"title": clean(title), "severity": severity, "markup": False}
    if timeout is not None:
        kwargs["timeout"] = timeout
    app.notify(clean(message), **kwargs)  # type: ignore[arg-type]
