"""Save docs/screenshot-conversation.svg: a scripted conversation with a shipped persona.

Run from the repository root: .venv/bin/python scripts/screenshot.py [PERSONA] [--size 120x36]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MOVES = [
    "Hi! Thank you again, I'm really looking forward to joining the team. Could we find 20 minutes for a quick call this week?",
    "Thanks for making the time. The Denver office just won two hospital-network clients; being placed there would let me support them from day one. Would a placement in Denver be possible?",
]


async def main(persona: str, size: tuple[int, int], out: Path) -> None:
    sys.path.insert(0, str(ROOT))
    from roleplay.persona.loader import load_persona, resolve
    from roleplay.ui.app import RoleplayApp
    from roleplay.ui.widgets.composer import Composer

    app = RoleplayApp(persona=load_persona(resolve(persona)), seed=1)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.press("5", "enter")
        await pilot.pause()
        composer = app.screen.query_one(Composer)
        composer.cursor_blink = False
        for text in MOVES:
            composer.text = text
            await pilot.press("enter")
            await pilot.pause()
        await pilot.press("f2")
        await pilot.pause()
        app.clear_notifications()
        await pilot.pause()
        out.parent.mkdir(parents=True, exist_ok=True)
        app.save_screenshot(filename=out.name, path=str(out.parent))
    print(out)


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("persona", nargs="?", default="mentor")
    ap.add_argument("--size", default="120x36")
    ap.add_argument("--out", default=str(ROOT / "docs" / "screenshot-conversation.svg"))
    args = ap.parse_args()
    w, h = (int(x) for x in args.size.split("x"))
    os.environ.setdefault("ROLEPLAY_DATA_DIR", tempfile.mkdtemp(prefix="roleplay-shot-"))
    asyncio.run(main(args.persona, (w, h), Path(args.out)))
