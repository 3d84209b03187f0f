"""Code the tests run in child processes (importable as tests.helpers.*)."""
