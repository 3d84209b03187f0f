"""Words more than one screen shows (so no screen imports another for them)."""

from __future__ import annotations

MODE_HELP = {
    "practice": "live coaching, hints (F2) and take-back (ctrl+z)",
    "exam": "no feedback, hints or take-back until the debrief",
}
