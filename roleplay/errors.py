"""Errors the command line and the UI share (so the UI never imports the CLI)."""

from __future__ import annotations


class UsageError(Exception):
    """Bad usage or bad input: reported in one line, exit status 2."""
