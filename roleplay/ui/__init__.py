"""The terminal UI (Textual). Only this package imports textual or rich."""
