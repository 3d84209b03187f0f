"""Playtesting personas with free text: a phrase bank in many voices,
conversation policies (good play, small talk first, a restated plan, poor
play, random play) and a report of repeated lines and unfinished talks."""
