"""The learner's briefing: role, situation, confidential facts and goals."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

from roleplay.persona.compiled import LoadedPersona
from roleplay.persona.template import fill
from roleplay.ui.safe_text import clean


def briefing_content(loaded: LoadedPersona) -> Content:
    sc = loaded.scenario
    p = loaded.persona
    b = sc.briefing

    def f(text: str) -> str:
        return clean(fill(text, loaded.names))

    parts: list = [
        (f(sc.title), "bold $accent"),
        "\n",
        (f"{clean(sc.framing.counterpart[:1].upper() + sc.framing.counterpart[1:])}: ", "bold"),
        f(p.name),
        ", ",
        f(p.role),
        (f"  ·  difficulty: {clean(p.difficulty)}", "dim"),
        "\n",
        ("First contact: ", "bold"),
        "by email" if sc.opening_channel == "email" else "a live call",
        "\n\n",
        ("Your role", "bold underline"),
        "\n",
        f(b.role),
        "\n\n",
        ("The situation", "bold underline"),
        "\n",
        f(b.situation),
    ]
    if b.confidential:
        parts += ["\n\n", ("Confidential (only you know this)", "bold underline")]
        for line in b.confidential:
            parts += ["\n", " • ", f(line)]
    parts += ["\n\n", ("Your goals", "bold underline")]
    for line in b.goals:
        parts += ["\n", " • ", f(line)]
    return Content.assemble(*parts)


class BriefingView(Static):
    def __init__(self, loaded: LoadedPersona, **kw):
        super().__init__(briefing_content(loaded), **kw)
