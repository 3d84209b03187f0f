"""Graded exercises: assignments, signed submissions and batch grading.

Plain Python (no screen code), layered over ``persona``, ``engine`` and
``analysis``; the CLI and the tutor are thin layers over it.

- ``assignment``: the assignment file (YAML, validated with ``file:line:col``),
  which persona a student plays, the seed, and the persona as graded
  (weight overrides, turn limit).
- ``jsonio``: JSON read with limits (size, nesting, duplicate keys), so bad
  input is one clear line, never a RecursionError.
- ``signing``: the canonical form and its HMAC-SHA256 signature.
- ``submission``: a transcript made into a signed submission; where the
  tutor keeps them; how many attempts a student has used.
- ``grade``: re-grades submissions by replaying their learner messages.
- ``csvout``, ``feedback``, ``summary``: gradebook CSV (plain, Canvas,
  Moodle), a Markdown feedback file per student, the class summary and chart.
"""
