"""The whitelisted condition and effect language of persona rules.

Conditions read like Python (``threat or (trust < 40 and channel == "email")``)
and effects like assignments (``trust -= 20``), but they are never given to
Python to run: ``ast`` parses them, an allow-list of node types is checked,
names are resolved against what the persona declares, types are checked, and
the tree is compiled into plain closures. Anything else is a clear error with
the column inside the expression.
"""

from __future__ import annotations

import ast
import operator
from dataclasses import dataclass
from typing import Any, Callable, Literal, Mapping

Type = Literal["bool", "int", "str", "date"]  # a date is text in --MM-DD form, ordered
Env = Mapping[str, Any]

MAX_EXPR_CHARS = 500
# Dotted names read terms: ``asked.signing_bonus``, ``offer.start_date``.
TERM_SPACES = ("asked", "said", "offer", "mentions", "won", "within")
# A comparison that reads what the learner typed (a term, how long the
# conversation has stalled) cannot be known from the state and variables:
# the checker's walk sets it true or false freely, under this key.
FREE = "?"


class ExprError(Exception):
    """A problem in an expression; ``offset`` is 0-based within its text."""

    def __init__(self, message: str, offset: int = 0, unknown: str | None = None):
        super().__init__(message)
        self.message = message
        self.offset = offset
        self.unknown = unknown  # an unknown name, for the caller to list what is known


@dataclass(frozen=True)
class Condition:
    """A compiled condition: call it with an environment to get True or False."""

    text: str
    names: frozenset[str]
    _fn: Callable[[Env], Any]
    # Comparisons that read no tag: the condition depends on the variables
    # only through these, which lets the checker group configurations.
    atoms: tuple[Callable[[Env], Any], ...] = ()
    # Keys of comparisons on input-dependent names (see FREE).
    free: tuple[str, ...] = ()

    def __call__(self, env: Env) -> bool:
        return self._fn(env) is True


@dataclass(frozen=True)
class Effect:
    """A compiled effect: ``variable op= amount`` (op is +, - or plain set).

    A term effect has ``variable`` ``offer.X``; its ``amount`` may be text,
    and ``source`` is ``asked.X`` when it concedes what the learner asked.
    """

    text: str
    variable: str
    op: Literal["+=", "-=", "="]
    amount: int | str
    source: str | None = None

    @property
    def term(self) -> str | None:
        return self.variable.split(".", 1)[1] if self.variable.startswith("offer.") else None

    def apply(self, value: Any) -> Any:
        if self.op == "+=":
            return value + self.amount
        if self.op == "-=":
            return value - self.amount
        return self.amount


_COMPARE = {
    ast.Eq: operator.eq,
    ast.NotEq: operator.ne,
    ast.Lt: operator.lt,
    ast.LtE: operator.le,
    ast.Gt: operator.gt,
    ast.GtE: operator.ge,
}
_ORDERING = (ast.Lt, ast.LtE, ast.Gt, ast.GtE)


def _suggest(name: str, known) -> str:
    import difflib

    close = difflib.get_close_matches(name, sorted(known), n=1, cutoff=0.7)
    return f" (did you mean '{close[0]}'?)" if close else ""


def _parse(text: str, mode: str) -> ast.AST:
    if len(text) > MAX_EXPR_CHARS:
        raise ExprError(f"expression is longer than {MAX_EXPR_CHARS} characters")
    if "\n" in text.strip():
        raise ExprError("an expression must fit on one line")
    try:
        return ast.parse(text.strip(), mode=mode)
    except SyntaxError as exc:
        hint = syntax_hint(text, condition=mode == "eval")
        if hint is not None:
            raise ExprError(f"cannot parse expression: {hint[1]}", hint[0]) from None
        offset = max((exc.offset or 1) - 1, 0) + _lead(text)
        raise ExprError(f"cannot parse expression: {exc.msg}", offset) from None
    except (ValueError, RecursionError, MemoryError):
        raise ExprError("cannot parse expression") from None


_WORDS = ("and", "or", "not")


def _tokens(text: str) -> list[tuple[str, int]]:
    """(token, offset) pairs, strings kept whole: enough to name a slip."""
    out: list[tuple[str, int]] = []
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if c.isspace():
            i += 1
        elif c in "\"'":
            j = i + 1
            while j < n and text[j] != c:
                j += 2 if text[j] == "\\" else 1
            out.append((text[i : j + 1], i))  # an unclosed one runs to the end
            i = j + 1
        elif c.isalnum() or c == "_" or c == ".":
            j = i
            while j < n and (text[j].isalnum() or text[j] in "_."):
                j += 1
            out.append((text[i:j], i))
            i = j
        else:
            two = text[i : i + 2]
            if two in ("&&", "||", "==", "!=", "<=", ">=", "=>", "=<", "+=", "-=", "++", "--", "<>"):
                out.append((two, i))
                i += 2
            else:
                out.append((c, i))
                i += 1
    return out


def syntax_hint(text: str, *, condition: bool = True) -> tuple[int, str] | None:
    """(offset, plain reason) for the slips people make in conditions and
    effects: operators from other languages, '=' for '==', a dangling
    'and'/'or', an unbalanced parenthesis, an unclosed quote."""
    toks = _tokens(text)
    if not toks:
        return None
    depth: list[int] = []
    for k, (tok, at) in enumerate(toks):
        prev = toks[k - 1][0] if k else None
        if tok[0] in "\"'" and (len(tok) < 2 or tok[-1] != tok[0]):
            return at, f"the text in quotes that starts here is never closed: end it with {tok[0]}"
        if tok in ("&&", "&"):
            return at, f"use 'and', not '{tok}'"
        if tok in ("||", "|"):
            return at, f"use 'or', not '{tok}'"
        if tok == "!":
            return at, "use 'not', not '!'"
        if tok == "<>":
            return at, "use '!=', not '<>'"
        if tok in ("=>", "=<"):
            return at, f"write '{tok[::-1]}', not '{tok}'"
        if tok in ("++", "--"):
            return at, f"write '{tok[0]}= 1', not '{tok}'"
        if tok == "=" and condition:
            return at, "'=' assigns; compare with '=='"
        if tok == "==" and not condition:
            return at, "'==' compares; an effect sets with '=' or changes with '+=' and '-='"
        if tok in ("AND", "OR", "NOT", "And", "Or", "Not"):
            return at, f"write '{tok.lower()}' in lower case"
        if tok in ("and", "or"):
            if prev is None or prev == "(":
                return at, f"the condition {'starts' if prev is None else 'opens a parenthesis'} with '{tok}': something is missing before it"
            if prev in ("and", "or", "not"):
                return at, f"'{tok}' follows '{prev}': something is missing between them"
        if tok == "(":
            depth.append(at)
        elif tok == ")":
            if not depth:
                return at, "this ')' closes no '('"
            if prev == "(":
                return at, "nothing between '(' and ')'"
            depth.pop()
        if prev is not None and _is_operand(prev) and _is_operand(tok) and tok != ")" and tok not in _WORDS and prev not in _WORDS:
            return at, f"'{prev}' and '{tok}' stand side by side: join them with 'and' or 'or', or compare them"
    last, at = toks[-1]
    if last in _WORDS:
        what = "condition" if condition else "effect"
        return at, f"the {what} ends with '{last}': something is missing after it"
    if last in ("==", "!=", "<", "<=", ">", ">=", "+", "-", "=", "+=", "-="):
        return at, f"the {'condition' if condition else 'effect'} ends with '{last}': a value is missing after it"
    if depth:
        return depth[-1], "this '(' is never closed: add ')'"
    return None


def _is_operand(tok: str) -> bool:
    return tok[0].isalnum() or tok[0] in "_\"'" or tok == ")"


def _lead(text: str) -> int:
    return len(text) - len(text.lstrip())


def _dotted(node: ast.AST) -> str | None:
    if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name):
        return f"{node.value.id}.{node.attr}"
    return None


def _unknown_dotted(key: str, names: Mapping[str, Any]) -> str:
    space, _, attr = key.partition(".")
    if space not in TERM_SPACES:
        return f"'{key}' is not allowed: dotted names read terms only ({', '.join(s + '.<term>' for s in TERM_SPACES)})"
    declared = sorted({n.split(".", 1)[1] for n in names if n.startswith(space + ".")})
    if not declared:
        return f"unknown term '{attr}': the scenario declares no terms (add 'terms:' to scenario.yaml)"
    return f"unknown term '{attr}' in '{key}'{_suggest(attr, declared)}; the scenario declares: {', '.join(declared)}"


def _chain(fns: list, conj: bool):
    """``a and b and ...`` (or ``or``) as one closure, folded in pairs: the
    checker's walk calls conditions millions of times, and generator-based
    all()/any() cost several times a plain short-circuit."""
    f = fns[-1]
    for g in reversed(fns[:-1]):
        if conj:
            f = (lambda g, h: lambda env: g(env) and h(env))(g, f)
        else:
            f = (lambda g, h: lambda env: g(env) or h(env))(g, f)
    return lambda env, f=f: bool(f(env))


def compile_condition(text: str, names: Mapping[str, Type], free: frozenset[str] = frozenset()) -> Condition:
    """Compile a condition over ``names`` (name -> type); it must be boolean.

    Comparisons that read a name in ``free`` are keyed (see FREE) so that a
    checker can decide them without values.
    """
    tree = _parse(text, "eval")
    shift = _lead(text)
    used: set[str] = set()
    atoms: list[Callable[[Env], Any]] = []
    free_keys: list[str] = []

    def fail(node: ast.AST, msg: str) -> ExprError:
        return ExprError(msg, shift + getattr(node, "col_offset", 0))

    def build(node: ast.AST) -> tuple[Type, Callable[[Env], Any]]:
        if isinstance(node, ast.BoolOp):
            parts = [build(v) for v in node.values]
            for (t, _), v in zip(parts, node.values):
                if t != "bool":
                    raise fail(v, f"'{ast.unparse(v)}' is a number or text, not true/false; compare it (e.g. '{ast.unparse(v)} > 0')")
            fns = [f for _, f in parts]
            return "bool", _chain(fns, isinstance(node.op, ast.And))
        if isinstance(node, ast.UnaryOp):
            t, f = build(node.operand)
            if isinstance(node.op, ast.Not):
                if t != "bool":
                    raise fail(node, "'not' needs a true/false value")
                return "bool", lambda env: not f(env)
            if isinstance(node.op, ast.USub) and t == "int":
                return "int", lambda env: -f(env)
            raise fail(node, f"operator '{ast.unparse(node)}' is not allowed")
        if isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Add, ast.Sub)):
            (lt, lf), (rt, rf) = build(node.left), build(node.right)
            if lt != "int" or rt != "int":
                raise fail(node, "'+' and '-' work on numbers only")
            if isinstance(node.op, ast.Add):
                return "int", lambda env: lf(env) + rf(env)
            return "int", lambda env: lf(env) - rf(env)
        if isinstance(node, ast.Compare):
            nodes = [node.left, *node.comparators]
            items = [build(n) for n in nodes]
            # A date compared with text in quotes: read the text as a date ("April 7").
            if any(t == "date" for t, _ in items):
                for j, (n, (t, _)) in enumerate(zip(nodes, items)):
                    if t == "str" and isinstance(n, ast.Constant) and isinstance(n.value, str):
                        from roleplay.persona.termspec import parse_date

                        iso = parse_date(n.value) if n.value else ""
                        if iso is None:
                            raise fail(n, f"'{n.value}' is not a date; write it as \"June 23\" or \"2027-06-23\"")
                        items[j] = ("date", lambda env, iso=iso: iso)
            ops = []
            for op, (lt, _), (rt, _), right in zip(node.ops, items, items[1:], node.comparators):
                if type(op) not in _COMPARE:
                    raise fail(node, f"comparison '{type(op).__name__}' is not allowed; use ==, !=, <, <=, >, >=")
                if lt != rt:
                    raise fail(right, f"cannot compare {lt} with {rt}")
                if lt not in ("int", "date") and isinstance(op, _ORDERING):
                    raise fail(node, "only numbers and dates can be ordered with <, <=, >, >=")
                ops.append(_COMPARE[type(op)])
            fns = [f for _, f in items]

            if len(fns) == 2:
                left, right, op0 = fns[0], fns[1], ops[0]

                def compare(env, left=left, right=right, op0=op0):
                    return op0(left(env), right(env))
            else:
                def compare(env, fns=fns, ops=ops):
                    vals = [f(env) for f in fns]
                    return all(op(a, b) for op, a, b in zip(ops, vals, vals[1:]))

            read = {n.id for n in ast.walk(node) if isinstance(n, ast.Name)} | {
                d for n in ast.walk(node) if (d := _dotted(n)) is not None
            }
            if read & free:
                key = FREE + ast.unparse(node)
                free_keys.append(key)

                def free_compare(env, key=key, compare=compare):
                    return env[key] if key in env else compare(env)

                return "bool", free_compare
            if not any(names.get(n) == "bool" for n in read):
                atoms.append(compare)
            return "bool", compare
        if isinstance(node, ast.Attribute):
            key = _dotted(node)
            if key is None or key not in names:
                raise fail(node, _unknown_dotted(key or ast.unparse(node), names))
            used.add(key)
            return names[key], lambda env: env[key]
        if isinstance(node, ast.Name):
            if node.id not in names:
                err = fail(node, f"unknown name '{node.id}'{_suggest(node.id, names)}")
                err.unknown = node.id
                raise err
            used.add(node.id)
            key = node.id
            return names[key], lambda env: env[key]
        if isinstance(node, ast.Constant):
            v = node.value
            if isinstance(v, bool):
                return "bool", lambda env: v
            if isinstance(v, int):
                return "int", lambda env: v
            if isinstance(v, float) and v == v and abs(v) < 1e15:  # a share such as 0.25 (percent terms)
                return "int", lambda env: v
            if isinstance(v, str):
                return "str", lambda env: v
            raise fail(node, f"constant {v!r} is not allowed; use numbers, text in quotes, True or False")
        raise fail(node, f"'{ast.unparse(node)}' is not allowed in a condition; use names, numbers, and/or/not and comparisons")

    t, fn = build(tree.body)  # type: ignore[attr-defined]
    if t != "bool":
        raise ExprError(f"a condition must be true or false, but '{text.strip()}' is a {t}", shift)
    return Condition(text=text.strip(), names=frozenset(used), _fn=fn, atoms=tuple(atoms), free=tuple(free_keys))


def compile_effect(text: str, variables: Mapping[str, Any], terms: Mapping[str, Any] | None = None) -> Effect:
    """Compile ``name += N``, ``name -= N`` or ``name = N`` for a declared variable.

    With ``terms`` (issue -> TermInfo), also ``offer.X = asked.X`` (concede
    what was asked, within the persona's limits), ``offer.X = <value>`` and
    ``offer.X += N``.
    """
    tree = _parse(text, "exec")
    shift = _lead(text)
    body = getattr(tree, "body", [])
    if len(body) != 1:
        raise ExprError("an effect is one assignment, such as 'trust -= 10'", shift)
    stmt = body[0]
    if isinstance(stmt, ast.AugAssign) and isinstance(stmt.op, (ast.Add, ast.Sub)):
        target, value = stmt.target, stmt.value
        op = "+=" if isinstance(stmt.op, ast.Add) else "-="
    elif isinstance(stmt, ast.Assign) and len(stmt.targets) == 1:
        target, value, op = stmt.targets[0], stmt.value, "="
    elif isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Compare) and any(isinstance(o, ast.Eq) for o in stmt.value.ops):
        raise ExprError("'==' compares; an effect sets with '=' (trust = 50) or changes with '+=' and '-='", shift + stmt.value.col_offset)
    else:
        raise ExprError("an effect is 'variable += N', 'variable -= N' or 'variable = N'", shift)
    dotted = _dotted(target)
    if dotted is not None:
        return _term_effect(text, dotted, op, value, terms or {}, shift, target)
    if not isinstance(target, ast.Name):
        raise ExprError("the left side of an effect must be a variable name", shift + target.col_offset)
    if target.id not in variables:
        raise ExprError(
            f"unknown variable '{target.id}'{_suggest(target.id, variables)}; declare it under 'variables'",
            shift + target.col_offset,
        )
    sign = 1
    node = value
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
        sign, node = -1, node.operand
    if not (isinstance(node, ast.Constant) and isinstance(node.value, int) and not isinstance(node.value, bool)):
        raise ExprError("the right side of an effect must be a whole number", shift + value.col_offset)
    return Effect(text=text.strip(), variable=target.id, op=op, amount=sign * node.value)  # type: ignore[arg-type]


def _term_effect(text: str, dotted: str, op: str, value: ast.AST, terms: Mapping[str, Any], shift: int, target: ast.AST) -> Effect:
    from roleplay.persona.termspec import normalize

    space, _, issue = dotted.partition(".")
    if space != "offer":
        raise ExprError(f"the left side of an effect must be a variable name or offer.<term> ('{space}' cannot change)", shift + target.col_offset)
    if issue not in terms:
        raise ExprError(_unknown_dotted(dotted, {f"offer.{t}": "int" for t in terms}), shift + target.col_offset)
    info = terms[issue]
    source = _dotted(value)
    if source is not None:
        if op != "=" or source != f"asked.{issue}":
            raise ExprError(f"an offer can take what was asked for the same term only: 'offer.{issue} = asked.{issue}'", shift + value.col_offset)
        limited = info.allowed if info.kind == "text" else (info.max is not None or info.min is not None)
        if not limited:
            need = "allowed" if info.kind == "text" else "max (or min)"
            raise ExprError(f"to concede what was asked, declare the limit under the persona's terms: {issue}: {{{need}: ...}}", shift + value.col_offset)
        return Effect(text=text.strip(), variable=dotted, op="=", amount=0, source=source)
    sign, node = 1, value
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
        sign, node = -1, node.operand
    if not isinstance(node, ast.Constant) or isinstance(node.value, bool) or not isinstance(node.value, (int, float, str)):
        raise ExprError(f"the right side must be a value or asked.{issue}", shift + value.col_offset)
    if op != "=" and (info.kind not in ("money", "count") or isinstance(node.value, str)):
        raise ExprError("'+=' and '-=' work on money and counts only", shift + value.col_offset)
    raw = sign * node.value if not isinstance(node.value, str) else node.value
    amount = raw if op != "=" else normalize(info.kind, raw)
    if amount is None:
        want = {"money": "a whole number", "count": "a whole number", "date": 'a date such as "June 23"', "text": "a text"}[info.kind]
        raise ExprError(f"offer.{issue} is {info.kind}: the value must be {want}", shift + value.col_offset)
    return Effect(text=text.strip(), variable=dotted, op=op, amount=amount)  # type: ignore[arg-type]
