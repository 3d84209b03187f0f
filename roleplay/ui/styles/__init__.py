"""The tutor's stylesheets (.tcss), one per screen plus app-wide rules."""

from pathlib import Path

STYLES = Path(__file__).parent
