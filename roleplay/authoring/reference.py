"""The key reference of docs/reference.md, generated from the file models.

One home for each fact: a key's type, default and description live on the
pydantic model that validates it; this walks the models and writes them out,
so the reference cannot drift from what ``validate`` accepts.
"""

from __future__ import annotations

import types
import typing
from typing import Any, get_args, get_origin

from pydantic import BaseModel
from pydantic.fields import FieldInfo
from pydantic_core import PydanticUndefined

Row = tuple[str, str, str, str]  # key, type, default or "required", description


def _is_model(t: Any) -> bool:
    return isinstance(t, type) and issubclass(t, BaseModel)


def _strip(t: Any) -> Any:
    """``Annotated[X, ...]`` -> X."""
    while get_origin(t) is typing.Annotated:
        t = get_args(t)[0]
    return t


def _type_name(t: Any) -> str:
    t = _strip(t)
    origin = get_origin(t)
    if origin in (typing.Union, types.UnionType):
        parts = [_type_name(a) for a in get_args(t) if a is not type(None)]
        optional = any(a is type(None) for a in get_args(t))
        return " or ".join(dict.fromkeys(parts)) + (" or null" if optional else "")
    if origin is typing.Literal:
        return " \\| ".join(f"`{a}`" for a in get_args(t))
    if origin in (list, tuple):
        args = get_args(t)
        return f"list of {_type_name(args[0])}" if args else "list"
    if origin is dict:
        k, v = get_args(t)
        return f"map of {_type_name(k)} to {_type_name(v)}"
    if _is_model(t):
        return t.__name__
    return {str: "text", int: "whole number", float: "number", bool: "true/false"}.get(t, getattr(t, "__name__", str(t)))


def _nested(t: Any) -> tuple[str, type[BaseModel]] | None:
    """A model reached through this type, and the suffix its keys take (``.``, ``[]``, ``.NAME``)."""
    t = _strip(t)
    origin = get_origin(t)
    if _is_model(t):
        return ".", t
    if origin in (typing.Union, types.UnionType):
        for a in get_args(t):
            found = _nested(a)
            if found:
                return found
    if origin in (list, tuple) and get_args(t):
        found = _nested(get_args(t)[0])
        return ("[].", found[1]) if found else None
    if origin is dict:
        found = _nested(get_args(t)[1])
        return (".NAME.", found[1]) if found else None
    return None


def _default(info: FieldInfo) -> str:
    if info.is_required():
        return "required"
    if info.default_factory is not None:
        try:
            value = info.default_factory()
        except TypeError:
            return "(computed)"
        if isinstance(value, BaseModel):
            return "(its defaults)"
        return f"`{value!r}`" if value not in ([], {}) else "empty"
    if info.default is PydanticUndefined or info.default is None:
        return "none"
    return f"`{info.default!r}`"


def rows(model: type[BaseModel], prefix: str = "", seen: tuple = ()) -> list[Row]:
    out: list[Row] = []
    for name, info in model.model_fields.items():
        key = (info.alias or name)
        path = f"{prefix}{key}"
        desc = (info.description or "").replace("|", "\\|").replace("\n", " ")
        out.append((path, _type_name(info.annotation), _default(info), desc))
        nested = _nested(info.annotation)
        if nested and nested[1] not in seen:
            out += rows(nested[1], path + nested[0], seen + (model,))
    return out


def markdown(title: str, model: type[BaseModel], intro: str) -> str:
    lines = [f"## {title}", "", intro, "", "| key | type | default | what it is |", "|---|---|---|---|"]
    for key, typ, default, desc in rows(model):
        lines.append(f"| `{key}` | {typ} | {default} | {desc} |")
    return "\n".join(lines) + "\n"


def document() -> str:
    from roleplay.persona.model import Persona, Scenario
    from roleplay.authoring.testplan import PlanFile

    parts = [
        "# File reference\n",
        "Every key of the files a coach writes, generated from the models that validate them "
        "(`python scripts/reference.py`; a test fails when this file is stale). `NAME` stands for a key you choose "
        "(a state, a variable, a term); `[]` for each item of a list. The tutorial and the patterns are in "
        "[AUTHORING.md](AUTHORING.md); the behaviour tags in [tags.md](tags.md).\n",
        markdown("Persona (`personas/SCENARIO/ID.yaml`)", Persona, "One manager: its variables, room on the terms, handlers, states and endings."),
        markdown("Scenario (`personas/SCENARIO/scenario.yaml`)", Scenario, "The situation every persona of the folder shares: names, terms, briefing, weights, framing, coaching and norms."),
        markdown("Test plan (`personas/SCENARIO/ID.test.yaml`)", PlanFile, "Scripted conversations and what they must end in."),
    ]
    try:
        from roleplay.grading.assignment import Assignment
    except ImportError:  # pragma: no cover - the grading package is part of the project
        Assignment = None
    if Assignment is not None:
        parts.append(markdown("Assignment (`assignments/ID.yaml`)", Assignment, "A graded exercise: which persona, seed, mode, attempts and pass mark."))
    return "\n".join(parts)
