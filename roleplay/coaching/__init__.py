"""Coaching content as data: the rubric's cases, the hints, the sources and the
research figures, in ``content.yaml`` (one home for each), validated with the
same loader as personas (``file:line:col`` errors, a JSON Schema in
``schema/``). A scenario adds or overrides suggestions and hints for its
situation under ``coaching:`` in its ``scenario.yaml``."""
