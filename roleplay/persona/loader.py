"""Load scenario and persona files into checked, compiled objects.

Two stages, both reporting ``file:line:col``: the models check shape (types,
required and unknown keys), then ``checks`` checks meaning (references,
expressions, reachability). Every problem found is reported at once.
"""

from __future__ import annotations

import difflib
from pathlib import Path

from roleplay.persona import catalog
from roleplay.persona.compiled import LoadedPersona, digest_of, display_path
from roleplay.persona.model import Persona, Scenario
from roleplay.source.diagnostics import ScriptError
from roleplay.source.parse import parse_model, validation_diagnostics  # noqa: F401  (their home is roleplay.source.parse)
from roleplay.source.yamlsource import Source, load_yaml_file


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


def scenario_context_coaching(scenario_id: str) -> dict:
    """For tests and tools: the MoveContext keywords of a shipped scenario."""
    from roleplay.coaching.load import scenario_texts

    path = catalog.find_scenario(scenario_id)
    if path is None:
        return {}
    scenario, _ = load_scenario(path)
    texts = scenario_texts(scenario.coaching)
    return {"suggestions": texts["suggestions"], "hint_texts": texts["hints"], "reasons": texts["reasons"],
            "sources": dict(scenario.framing.sources)}
