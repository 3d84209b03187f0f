"""roleplay: practise negotiating a job offer against scripted hiring managers.

The package is split so that a newcomer can find things from the layout:

- ``roleplay.analysis``: what a learner's message does (behaviour tags) and how
  good that was (principles, feedback, scores, hints). Pure Python.
- ``roleplay.persona``: the persona and scenario file format, its loader and
  its checks. Pure Python.
- ``roleplay.engine``: the dialogue engine, sessions, transcripts and the
  crash-safe session log. Pure Python.
- ``roleplay.ui``: the Textual app, a thin layer over the three above.
- ``roleplay.cli``: the command line, another thin layer.
"""

__version__ = "0.1.0"
