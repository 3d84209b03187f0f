"""Load scenario and persona files into checked, compiled objects.

Two stages, both reporting ``file:line:col``: the models check shape (types,
required and unknown keys), then ``checks`` checks meaning (references,
expressions, reachability). Every problem found is reported at once.
"""

from __future__ import annotations

import difflib
import re
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from roleplay.persona import catalog
from roleplay.persona.compiled import LoadedPersona, digest_of, display_path
from roleplay.persona.diagnostics import Diagnostic, ScriptError
from roleplay.persona.model import Persona, Scenario
from roleplay.persona.yamlsource import Source, load_yaml_file

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


def load_scenario(path: Path) -> tuple[Scenario, Source]:
    src = load_yaml_file(path, display_path(path))
    return parse_model(src, Scenario), src


def load_persona(path: str | Path, scenario_path: Path | None = None, *, explore: bool = False) -> LoadedPersona:
    """Load, check and compile a persona file; raise ScriptError on any error.

    The persona's scenario is found by id: ``scenario.yaml`` beside the file,
    then the shipped scenarios (or ``scenario_path`` when given). ``explore``
    adds the exhaustive walk of the state space (``roleplay validate`` does);
    playing does not need it, and it costs far more than the rest.
    """
    from roleplay.persona.checks import check_persona, persona_terms, scenario_terms

    path = Path(path)
    src = load_yaml_file(path, display_path(path))
    persona = parse_model(src, Persona)
    if scenario_path is None:
        # A broken scenario.yaml beside the persona is that persona's problem:
        # never let the shipped scenario of the same id stand in for it unseen.
        beside = path.parent / catalog.SCENARIO_FILE
        if beside.is_file():
            try:
                load_yaml_file(beside, display_path(beside))
            except ScriptError as exc:
                raise ScriptError(exc.diagnostics + [src.diag(("scenario",), f"the scenario file beside this persona ({display_path(beside)}) does not load")]) from None
        scenario_path = catalog.find_scenario(persona.scenario, near=path)
    if scenario_path is None:
        known = catalog.scenario_ids(near=path)
        close = difflib.get_close_matches(persona.scenario, known, n=1)
        hint = f" (did you mean '{close[0]}'?)" if close else (f"; known: {', '.join(known)}" if known else "")
        raise ScriptError([src.diag(("scenario",), f"unknown scenario '{persona.scenario}'{hint}")])
    scenario, scenario_src = load_scenario(scenario_path)
    if scenario.id != persona.scenario:
        raise ScriptError([src.diag(("scenario",), f"scenario file {scenario_src.file} has id '{scenario.id}', not '{persona.scenario}'")])
    base_terms, term_diags = scenario_terms(scenario, scenario_src)
    if any(d.severity == "error" for d in term_diags):
        raise ScriptError(term_diags)
    diagnostics, rules = check_persona(persona, scenario, src, explore=explore, terms=base_terms, scenario_src=scenario_src)
    errors = [d for d in diagnostics if d.severity == "error"]
    if errors:
        raise ScriptError(diagnostics)
    terms, _ = persona_terms(persona, base_terms, src)
    names = {**scenario.names, **persona.names}
    names.setdefault("manager", persona.name)
    names.setdefault("manager_first", (persona.name.split() or [persona.name])[0])
    names.setdefault("role", persona.role)
    for issue, info in terms.items():  # static text (briefing, summaries) sees the starting offer
        names[f"start.{issue}"] = names[f"offer.{issue}"] = names[f"asked.{issue}"] = info.show(info.start)
    names["deal"] = "the original terms"
    from roleplay.coaching.load import coaching

    for key, (value, _) in coaching().research.items():  # one home for the figures: {research.offers_upheld}
        names[f"research.{key}"] = f"{value:g}"
    return LoadedPersona(
        persona=persona,
        scenario=scenario,
        file=src.file,
        scenario_file=scenario_src.file,
        rules=rules,
        names=names,
        digest=digest_of(src.text, scenario_src.text),
        warnings=tuple(d for d in diagnostics if d.severity == "warning"),
        terms=terms,
    )


def resolve(persona: str) -> Path:
    """A shipped persona id or a path to a persona file -> the file's path.

    Raises LookupError with a one-line reason when neither.
    """
    p = Path(persona)
    if p.suffix in (".yaml", ".yml") or p.exists():
        if not p.is_file():
            raise LookupError(f"no persona file at {persona}")
        return p
    found = catalog.shipped_personas().get(persona)
    if found is None:
        ids = sorted(catalog.shipped_personas())
        close = difflib.get_close_matches(persona, ids, n=1)
        hint = f"; did you mean '{close[0]}'?" if close else (f"; shipped: {', '.join(ids)}" if ids else "")
        raise LookupError(f"unknown persona '{persona}'{hint}")
    return found
