"""``roleplay new SCENARIO PERSONA``: a commented starter persona and test plan
(and a scenario when it is new) that pass ``validate`` and ``test`` as written.

The starters are files in ``templates/`` (content, not code). For a scenario
that already exists, the persona's room on each term and its concession rule
are written from the scenario's own terms, so the starter fits it.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from dataclasses import dataclass
from pathlib import Path

from roleplay.persona.termspec import TermInfo, parse_date

TEMPLATES = Path(__file__).with_name("templates")
ID = re.compile(r"^[a-z][a-z0-9_-]{0,47}$")
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December")


class ScaffoldError(ValueError):
    """A bad id, or a file that would be overwritten."""


@dataclass
class Written:
    folder: Path
    files: list[Path]
    new_scenario: bool


def default_dir() -> Path:
    """Where personas live: $ROLEPLAY_PERSONAS (the catalog's folder) or ./personas."""
    env = os.environ.get("ROLEPLAY_PERSONAS")
    return Path(env.split(os.pathsep)[0]) if env else Path("personas")


def _title(ident: str) -> str:
    return re.sub(r"[_-]+", " ", ident).strip().capitalize()


def _manager_name(persona_id: str) -> str:
    words = [w for w in re.split(r"[_-]+", persona_id) if w]
    return "Alex " + (words[0].capitalize() if words else "Morgan")


def _later(date: str, days: int) -> str:
    md = parse_date(date) or "--06-02"
    month, day = int(md[2:4]), int(md[5:7])
    d = dt.date(2001, month, min(day, 28 if month == 2 else day)) + dt.timedelta(days=days)
    return f"{_MONTHS[d.month - 1]} {d.day}"


def _room(issue: str, info: TermInfo) -> tuple[str, str | None]:
    """The persona's limit line for a term, and what a learner might ask (for the test plan)."""
    if info.kind == "money":
        start = int(info.start or 0)
        top = start + max(5000, int(round(start * 0.05, -3)))
        ask = start + (top - start) // 2
        symbol = {"USD": "$", "EUR": "€", "GBP": "£"}.get(info.unit or "USD", "$")
        return f"  {issue}: {{max: {top}}}", f"{info.label} {symbol}{ask:,}"
    if info.kind == "date":
        start = _show_date(info.start)
        return f'  {issue}: {{max: "{_later(start, 21)}"}}', f"{info.label} {_later(start, 21)}"
    if info.kind == "count":
        start = info.start if isinstance(info.start, (int, float)) else 0
        return f"  {issue}: {{min: {max(0, start - 1)}, max: {start + 1}}}", None
    return f'  {issue}: {{allowed: ["{info.start}"]}}', None


def _show_date(value) -> str:
    md = parse_date(str(value)) if value else None
    if not md:
        return "June 2"
    return f"{_MONTHS[int(md[2:4]) - 1]} {int(md[5:7])}"


def _blocks(terms: dict[str, TermInfo]) -> tuple[str, str, str]:
    """The persona's ``terms:`` block, its concession rules, and a test plan's ask."""
    rooms, ask = [], None
    for issue, info in terms.items():
        line, phrase = _room(issue, info)
        rooms.append(line)
        ask = ask or phrase
    term_block = "terms:\n" + "\n".join(rooms) if rooms else "terms: {}"
    concede = ", ".join(f"offer.{issue} = asked.{issue}" for issue in terms)
    rules = []
    if concede:
        rules += [
            "  # An ask with a reason that serves the company gets what was asked, within the room above.",
            "  - when: (specific_ask or proposes_option) and employer_benefit and trust >= 50",
            f"    effects: [{concede}]",
            "    goto: considering",
        ]
    rules += [
        "  # An ask without a reason is heard, and the manager asks for one.",
        "  - when: specific_ask or proposes_option",
        "    effects: [trust -= 5]",
        "    say:",
        '      - "I hear you. Help me make the case: why does it work for {company} too?"',
        '      - "Possibly. What would it change for the team?"',
        '      - "Tell me the reason and I will see what I can do."',
    ]
    return term_block, "\n".join(rules), ask or "start date a little later"


def scaffold(scenario_id: str, persona_id: str, root: Path | None = None) -> Written:
    """Write the starter files; raises ScaffoldError (nothing is written then)."""
    from roleplay.source.diagnostics import ScriptError
    from roleplay.persona.loader import load_scenario

    for what, ident in (("scenario", scenario_id), ("persona", persona_id)):
        if not ID.match(ident):
            raise ScaffoldError(f"{what} id {ident!r}: use lower-case letters, digits, '_' or '-', starting with a letter (at most 48)")
    root = root if root is not None else default_dir()
    folder = root / scenario_id
    persona_file, plan_file, scenario_file = folder / f"{persona_id}.yaml", folder / f"{persona_id}.test.yaml", folder / "scenario.yaml"
    for f in (persona_file, plan_file):
        if f.exists():
            raise ScaffoldError(f"{f} already exists; choose another persona id (nothing was written)")
    new_scenario = not scenario_file.exists()
    if new_scenario:
        scenario_text = _fill((TEMPLATES / "scenario.yaml").read_text(encoding="utf-8"), scenario_id, persona_id, folder, persona_file)
        scenario = None
    else:
        try:
            scenario, _ = load_scenario(scenario_file)
        except ScriptError as exc:
            first = (exc.errors or exc.diagnostics)[0]
            raise ScaffoldError(f"the scenario beside it does not load: {first}") from None
        if scenario.id != scenario_id:
            raise ScaffoldError(f"{scenario_file} is scenario {scenario.id!r}, not {scenario_id!r}")
    terms = _scenario_terms(scenario, scenario_text if new_scenario else None, scenario_file)
    term_block, concede, ask = _blocks(terms)
    channel = scenario.opening_channel if scenario is not None else "call"
    counterpart = scenario.framing.counterpart if scenario is not None else "hiring manager"
    role = counterpart[:1].upper() + counterpart[1:]  # "your manager" -> "Your manager"
    on_table = ", ".join(f"{info.label} {{offer.{issue}}}" for issue, info in terms.items()) or "the terms we discussed"
    if channel == "email":
        opening = f"Hello {{learner}}, thank you for your note. The offer as it stands: {on_table}. What would you like to discuss?"
    else:
        opening = f"Hi {{learner}}, it's {{manager}} from {{company}}. About the offer: {on_table}. What would you like to discuss?"
    persona_text = _fill((TEMPLATES / "persona.yaml").read_text(encoding="utf-8"), scenario_id, persona_id, folder, persona_file)
    persona_text = (persona_text.replace("__TERMS__", term_block).replace("__CONCEDE__", concede)
                    .replace("__OPENING__", opening.replace('"', '\\"')).replace("__CHANNEL__", channel).replace("__ROLE__", role))
    plan_text = _fill((TEMPLATES / "persona.test.yaml").read_text(encoding="utf-8"), scenario_id, persona_id, folder, persona_file)
    plan_text = plan_text.replace("__ASK__", ask)
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    if new_scenario:
        scenario_file.write_text(scenario_text, encoding="utf-8")
        written.append(scenario_file)
    for f, text in ((persona_file, persona_text), (plan_file, plan_text)):
        with open(f, "x", encoding="utf-8") as out:  # never over a file that appeared meanwhile
            out.write(text)
        written.append(f)
    return Written(folder, written, new_scenario)


def _fill(text: str, scenario_id: str, persona_id: str, folder: Path, persona_file: Path) -> str:
    return (text.replace("__SCENARIO__", scenario_id).replace("__PERSONA__", persona_id)
            .replace("__TITLE__", _title(scenario_id)).replace("__NAME__", _manager_name(persona_id))
            .replace("__DIR__", str(folder)).replace("__FILE__", str(persona_file)))


def _scenario_terms(scenario, text: str | None, path: Path) -> dict[str, TermInfo]:
    """The scenario's terms as the compiler reads them (for a new one, from its starter text)."""
    from roleplay.persona.checks import scenario_terms
    from roleplay.persona.loader import load_scenario

    if scenario is None:
        import tempfile

        with tempfile.TemporaryDirectory() as tmp:
            probe = Path(tmp) / "scenario.yaml"
            probe.write_text(text or "", encoding="utf-8")
            scenario, src = load_scenario(probe)
    else:
        scenario, src = load_scenario(path)
    infos, _ = scenario_terms(scenario, src)
    return infos
