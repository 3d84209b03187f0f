"""The whitelisted condition and effect language."""

import pytest

from roleplay.persona.expr import ExprError, compile_condition, compile_effect

NAMES = {"threat": "bool", "gratitude": "bool", "trust": "int", "turn": "int", "channel": "str"}


def env(**kw):
    base = {"threat": False, "gratitude": False, "trust": 50, "turn": 1, "channel": "email"}
    base.update(kw)
    return base


@pytest.mark.parametrize(
    "text, values, expected",
    [
        ("threat", {"threat": True}, True),
        ("not threat", {}, True),
        ("threat or gratitude", {"gratitude": True}, True),
        ("threat and trust < 40", {"threat": True, "trust": 30}, True),
        ("threat and trust < 40", {"threat": True, "trust": 40}, False),
        ('channel == "email" and 10 <= trust <= 60', {}, True),
        ("trust - turn >= 49", {}, True),
        ("trust + 10 > 70", {}, False),
        ("True", {}, True),
    ],
)
def test_conditions_evaluate(text, values, expected):
    cond = compile_condition(text, NAMES)
    assert cond(env(**values)) is expected


@pytest.mark.parametrize(
    "text, fragment",
    [
        ("__import__('os')", "not allowed"),
        ("trust.__class__", "not allowed"),
        ("threat[0]", "not allowed"),
        ("(lambda: 1)()", "not allowed"),
        ("[x for x in trust]", "not allowed"),
        ("trust", "must be true or false"),
        ("thraet", "did you mean 'threat'"),
        ("threat and", "cannot parse"),
        ('trust == "high"', "cannot compare"),
        ('channel < "email"', "only numbers"),
        ("trust > 1j", "constant"),
        ("trust * 2 > 3", "not allowed"),
        ("threat or trust", "not true/false"),
        ("threat is True", "not allowed"),
        ("x" * 600, "longer than"),
    ],
)
def test_conditions_reject_anything_outside_the_language(text, fragment):
    with pytest.raises(ExprError) as exc:
        compile_condition(text, NAMES)
    assert fragment in exc.value.message


def test_error_offsets_point_inside_the_expression():
    with pytest.raises(ExprError) as exc:
        compile_condition("threat and trsut > 3", NAMES)
    assert exc.value.offset == len("threat and ")


@pytest.mark.parametrize("text, start, result", [("trust += 10", 50, 60), ("trust -= 5", 50, 45), ("trust = 7", 50, 7), ("trust += -3", 50, 47)])
def test_effects(text, start, result):
    assert compile_effect(text, {"trust": None}).apply(start) == result


@pytest.mark.parametrize(
    "text, fragment",
    [
        ("trusty += 1", "did you mean 'trust'"),
        ("trust += trust", "whole number"),
        ("trust *= 2", "effect is"),
        ("print(1)", "effect is"),
        ("trust += 1; trust += 2", "one assignment"),
        ("trust.x = 1", "variable name"),
    ],
)
def test_effects_reject_anything_else(text, fragment):
    with pytest.raises(ExprError) as exc:
        compile_effect(text, {"trust": None})
    assert fragment in exc.value.message
