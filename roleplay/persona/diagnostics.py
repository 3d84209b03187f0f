"""Moved to :mod:`roleplay.source.diagnostics`; kept so older imports still work."""

from roleplay.source.diagnostics import Diagnostic, ScriptError, Severity  # noqa: F401
