"""A message reader with a pathological pattern, for the listener's budget.

The nested repeat below backtracks exponentially and, like every match in
Python's ``re``, holds the interpreter lock while it runs: in-process it
freezes every thread, which is what a slow tagger pattern did to the UI.
"""

from __future__ import annotations

import re

from roleplay.engine.session import read_message

_CATASTROPHIC = re.compile(r"(a+)+$")


def read(text: str):
    if "SLOW" in text:
        _CATASTROPHIC.match("a" * 60 + "!")  # years, unless the process is killed
    return read_message(text)
