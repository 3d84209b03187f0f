"""Safe YAML reading: positions, duplicate keys, and no tags/anchors/aliases."""

import pytest

from roleplay.source.diagnostics import ScriptError
from roleplay.source.yamlsource import load_yaml_file, load_yaml_text


def errors_of(text: str):
    with pytest.raises(ScriptError) as exc:
        load_yaml_text(text, "f.yaml")
    return exc.value.diagnostics


def test_positions_are_one_based_for_keys_and_values():
    src = load_yaml_text("a: 1\nb:\n  - x\n  - {c: 2}\n", "f.yaml")
    assert src.data == {"a": 1, "b": ["x", {"c": 2}]}
    assert src.where(("a",), key=True) == (1, 1)
    assert src.where(("b", 1)) == (4, 5)
    assert src.where(("b", 1, "c"), key=True) == (4, 6)
    # An unknown path falls back to its nearest known parent.
    assert src.where(("b", 1, "zzz")) == (4, 5)


def test_syntax_error_has_line_and_column():
    (d,) = errors_of("a: [1, 2\nb: 3\n")
    # at the '[' left open, not where the parser gave up (line 2)
    assert d.file == "f.yaml" and (d.line, d.col) == (1, 4) and d.severity == "error"
    assert "YAML syntax error" in d.message and "never closed" in d.message and "line 2" in d.message


def test_duplicate_keys_are_rejected_at_the_second_key():
    (d,) = errors_of("name: one\nname: two\n")
    assert d.line == 2 and "duplicate key" in d.message


@pytest.mark.parametrize(
    "text, word",
    [
        ("a: !!python/object/apply:os.system ['echo hi']\n", "tags"),
        ("a: !custom 3\n", "tags"),
        ("a: &x 1\nb: *x\n", "anchors"),
    ],
)
def test_tags_anchors_and_aliases_are_refused(text, word):
    diags = errors_of(text)
    assert diags and all(d.line >= 1 for d in diags)
    assert any(word in d.message for d in diags)


def test_yaml_12_keeps_no_as_text():
    assert load_yaml_text("answer: No\n", "f.yaml").data == {"answer": "No"}


def test_non_utf8_and_missing_files_are_diagnostics(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_bytes(b"a: 1\nb: \xff\xfe\n")
    with pytest.raises(ScriptError) as exc:
        load_yaml_file(bad)
    assert exc.value.diagnostics[0].line == 2
    with pytest.raises(ScriptError) as exc:
        load_yaml_file(tmp_path / "nope.yaml")
    assert "cannot read" in exc.value.diagnostics[0].message
