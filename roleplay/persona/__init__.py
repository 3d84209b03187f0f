"""Persona and scenario scripts: the file format, its loader and its checks.

Plain Python with no UI import. Persona files are untrusted input: they are
read with a safe YAML loader, checked against strict models, and their
conditions are a small whitelisted expression language, never Python.
"""
