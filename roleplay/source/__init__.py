"""Reading the files people write: YAML with positions, diagnostics, models.

The lowest layer: the YAML reader (``yamlsource``), the ``file:line:col``
diagnostics (``diagnostics``) and ``parse_model`` (``parse``), shared by the
persona compiler, the coaching content, the tag reference and the tools.
It imports nothing else of roleplay.
"""
