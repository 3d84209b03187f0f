"""One registry of actions (roleplay/ui/actions.py) gives the bindings, the
command palette and the help (issue 11, part 2)."""

from __future__ import annotations

import re
from pathlib import Path

from roleplay.ui.actions import ACTIONS, APP, SCREEN_TITLES, bindings_for, help_rows, palette_entries

README = Path(__file__).resolve().parent.parent / "README.md"


def _screens():
    from roleplay.ui.app import RoleplayApp
    from roleplay.ui.screens import modals
    from roleplay.ui.screens.briefing import BriefingScreen
    from roleplay.ui.screens.conversation import ConversationScreen
    from roleplay.ui.screens.debrief import DebriefScreen
    from roleplay.ui.screens.home import HomeScreen

    return {
        APP: RoleplayApp, "HomeScreen": HomeScreen, "BriefingScreen": BriefingScreen,
        "ConversationScreen": ConversationScreen, "DebriefScreen": DebriefScreen,
        **{name: getattr(modals, name) for name in
           ("ConfirmScreen", "ExportedScreen", "HelpScreen", "BriefingModal", "FeedbackScreen", "ReplayFromScreen")},
    }


def _sig(binding):
    return (binding.key, binding.action, binding.description, binding.show, binding.priority, binding.id)


def test_every_binding_of_every_screen_comes_from_the_registry():
    screens = _screens()
    assert {a.screen for a in ACTIONS} <= set(screens)
    for name, cls in screens.items():
        own = cls.__dict__.get("BINDINGS", [])
        assert own, f"{name} has no BINDINGS"
        assert all(b.id for b in own), f"{name}: a binding without an id cannot be remapped"
        assert [_sig(b) for b in own] == [_sig(b) for b in bindings_for(name)], name


def test_binding_and_action_ids_are_unique():
    ids = [k.id for a in ACTIONS for k in a.bindings]
    assert len(ids) == len(set(ids))
    assert len({a.id for a in ACTIONS}) == len(ACTIONS)


def test_palette_and_help_come_from_the_registry():
    from roleplay.ui.commands import APP_COMMANDS, SCREEN_COMMANDS
    from roleplay.ui.screens.modals import COMMON_KEYS, SCREEN_KEYS

    assert APP_COMMANDS == palette_entries(APP)
    assert COMMON_KEYS == help_rows(APP)
    for name, title in SCREEN_TITLES.items():
        assert SCREEN_KEYS[name] == (title, help_rows(name))
        assert SCREEN_COMMANDS.get(name, []) == palette_entries(name)
    # every action a palette entry or a help row names is one its screen has
    screens = _screens()
    for a in ACTIONS:
        if a.action and (a.palette or (a.help and a.bindings)):
            assert callable(getattr(screens[a.screen], f"action_{a.action}", None)), a.id


def _readme_keys() -> list[tuple[set[str], str]]:
    text = README.read_text(encoding="utf-8")
    section = text.split("### Keys", 1)[1].split("\n### ", 1)[0]
    rows = []
    for line in section.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) < 3 or cells[0] in ("key", "") or set(cells[0]) <= set("-"):
            continue
        tokens = set(re.findall(r"ctrl\+\w|alt\+\w+|F\d+|Escape|Enter|\?|\b\w\b", cells[0]))
        for lo, hi in re.findall(r"\b(\d)-(\d)\b", cells[0]):
            tokens |= {str(i) for i in range(int(lo), int(hi) + 1)}
        rows.append((tokens, cells[1]))
    return rows


def _shown(key: str) -> str:
    names = {"escape": "Escape", "enter": "Enter", "question_mark": "?"}
    if key in names:
        return names[key]
    if re.fullmatch(r"f\d+", key):
        return key.upper()
    return key


def test_the_readme_keys_table_lists_every_registry_key():
    rows = _readme_keys()
    where = {APP: "everywhere", **{name: title.lower() for name, title in SCREEN_TITLES.items()}}
    missing = []
    for a in ACTIONS:
        if a.screen not in where:  # dialogs: their keys are in their own footers
            continue
        for k in a.bindings:
            for key in k.key.split(","):
                shown = _shown(key.strip())
                if not any(shown in tokens and where[a.screen] in place for tokens, place in rows):
                    missing.append(f"{shown} ({where[a.screen]}, {k.id})")
    assert not missing, missing
