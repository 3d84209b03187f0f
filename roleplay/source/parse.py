"""Reading a YAML file into a pydantic model, with plain ``file:line:col`` errors.

``parse_model`` is shared by everything that reads a file the learner or an
author wrote (personas, scenarios, the coaching content, the tag reference,
assignments): a validation error becomes a Diagnostic at the offending value.
"""

from __future__ import annotations

import difflib
import re
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from roleplay.source.diagnostics import Diagnostic, ScriptError
from roleplay.source.yamlsource import Source

M = TypeVar("M", bound=BaseModel)


def _fields_at(model: type[BaseModel], loc: tuple) -> list[str]:
    """The field names allowed at ``loc`` inside ``model`` (for did-you-mean)."""
    current: Any = model
    for part in loc:
        if isinstance(part, int) or current is None:
            continue
        fields = getattr(current, "model_fields", None)
        if not fields:
            current = None
            continue
        if part in fields:
            current = _inner_model(fields[part].annotation)
        else:
            # dict[str, Model]: the key is a user name, the value is the model
            pass
    fields = getattr(current, "model_fields", None)
    return list(fields) if fields else []


def _inner_model(annotation: Any) -> Any:
    import typing

    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in typing.get_args(annotation):
        found = _inner_model(arg)
        if found is not None:
            return found
    return None


def _loc_text(loc: tuple) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


_UNION_MEMBERS = {"str", "int", "list[str]", "function-after", "tagged-union"}


_KEY_NO_SPACE = re.compile(r"^([A-Za-z_][\w.-]*):(?![\s/:])(\S.*)$", re.S)


def _yaml_slip(value: Any, kind: str) -> tuple[str, int | None] | None:
    """A plain reason when YAML read a slip as another type: 'goto:cold' (no
    space after ':') is text where a mapping belongs; '{learner}' unquoted is
    a mapping where text belongs. The message, and the offset of the ':' in
    the text (None: at the value)."""
    if kind in ("dict_type", "model_type", "model_attributes_type") and isinstance(value, str):
        m = _KEY_NO_SPACE.match(value)
        if m:
            return f"put a space after ':' ('{m.group(1)}: {m.group(2)[:20]}'): without it YAML reads '{value[:30]}' as text", m.end(1)
    if kind == "string_type" and isinstance(value, dict) and value and all(v is None for v in value.values()):
        return "a text that starts with '{' is read as a mapping: put the whole text in quotes", None
    return None


def validation_diagnostics(src: Source, model: type[BaseModel], exc: ValidationError) -> list[Diagnostic]:
    out = []
    for err in exc.errors(include_url=False):
        # pydantic puts the member's name in the path of a union ("TaggedMove",
        # "str"); YAML paths hold only keys and indexes, so drop those parts.
        loc = tuple(p for p in err["loc"] if isinstance(p, int) or not p[:1].isupper() and p not in _UNION_MEMBERS)
        kind = err["type"]
        where = _loc_text(loc)
        if kind == "extra_forbidden":
            key = loc[-1] if loc else "?"
            allowed = _fields_at(model, loc[:-1])
            close = difflib.get_close_matches(str(key), allowed, n=1, cutoff=0.6)
            hint = f" (did you mean '{close[0]}'?)" if close else (f"; allowed here: {', '.join(allowed)}" if allowed else "")
            out.append(src.diag(loc, f"unknown key '{key}'{hint}", key=True))
        elif kind == "missing":
            parent = loc[:-1]
            out.append(src.diag(parent, f"missing key '{loc[-1]}'" + (f" in {_loc_text(parent)}" if parent else ""), key=True))
        elif kind == "string_pattern_mismatch":
            out.append(src.diag(loc, f"{where}: '{err.get('input')}' is not a valid id (lowercase letters, digits, '_' or '-', starting with a letter)"))
        elif (slip := _yaml_slip(err.get("input"), kind)) is not None:
            message, colon = slip
            line, col = src.locate(loc, err["input"], colon, ":") if colon is not None else src.where(loc)
            out.append(Diagnostic(src.file, line, col, "error", f"{where}: {message}" if where else message))
        else:
            msg = err["msg"]
            if kind in ("string_type", "int_type", "bool_type", "list_type", "dict_type", "float_type", "model_type"):
                got = type(err.get("input")).__name__
                got = {"dict": "a mapping", "list": "a list", "str": "text", "int": "a number", "NoneType": "empty", "bool": "true/false", "float": "a decimal number"}.get(got, got)
                msg = f"{msg}, got {got}"
            out.append(src.diag(loc, f"{where}: {msg}" if where else msg))
    return out


def parse_model(src: Source, model: type[M]) -> M:
    if not isinstance(src.data, dict):
        raise ScriptError([src.diag((), "the file must be a YAML mapping of keys to values")])
    try:
        return model.model_validate(src.data)
    except ValidationError as exc:
        raise ScriptError(validation_diagnostics(src, model, exc)) from None
