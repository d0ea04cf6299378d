"""The fast path (``plain_yaml``) builds exactly what the careful path builds, and
gives up on everything the careful path reports."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from baocao.errors import DataError
from baocao.load.yaml_careful import StructureError, _careful, parse_yaml
from baocao.load.yaml_fast import CarefulPathNeeded, RepeatedKeys, plain_data

from .helpers import shipped

ROOT = Path(__file__).resolve().parents[1]


def typed(value):
    """``value`` with the type of every part, so that 1, 1.0 and True differ."""
    if isinstance(value, dict):
        return ("dict", [(typed(k), typed(v)) for k, v in value.items()])
    if isinstance(value, list):
        return ("list", [typed(v) for v in value])
    if isinstance(value, float) and math.isnan(value):
        return ("float", "nan")
    return (type(value).__name__, value)


def same_as_careful(text: str) -> None:
    """Either both paths build the same data and report the same repeated keys, or the
    fast one gives up."""
    try:
        careful = _careful(text, "x.yaml")
    except StructureError as exc:
        try:
            plain_data(text)
        except CarefulPathNeeded:
            return
        except RepeatedKeys as repeated:
            assert repeated.found == [(p.line, p.column, p.message) for p in exc.problems]
            assert typed(repeated.data) == typed(exc.recovered.data)
            return
        raise AssertionError("the fast path accepted what the careful path refused") from None
    except DataError:
        with pytest.raises(CarefulPathNeeded):
            plain_data(text)
        return
    try:
        fast = plain_data(text)
    except CarefulPathNeeded:
        return
    assert typed(fast) == typed(careful)


def shipped_yaml() -> list[Path]:
    files = shipped("data/*.yaml") + shipped("examples/**/*.yaml")
    return files + shipped("reports/**/*.md") + shipped("*.yaml")


@pytest.mark.parametrize("path", shipped_yaml(), ids=lambda p: str(p.relative_to(ROOT)))
def test_shipped_files_take_the_fast_path_and_build_the_same_data(path):
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".md":
        text = text.split("---\n", 2)[1]
    fast = plain_data(text)  # a shipped file never needs the careful path
    assert typed(fast) == typed(_careful(text, str(path)))


SCALARS = [
    "012", "0605172", "1_000", "1:30", "0x1F", "0o17", "0b101", "-0", "+5", "-12", "0",
    "1e3", "1.5e-3", ".5", "1.", "-.inf", ".inf", ".NaN", ".nan", "1,5", "85,42%",
    "yes", "No", "on", "OFF", "true", "False", "~", "null", "Null", "",
    "2024-11-13", "2024-02-30", "2024-11-13 08:30:00", "2024-13-01", "=", "<<",
    "'12'", '"12"', "'yes'", '"Vie\\u0302\\u0323t"', '"a\\x01b"', '"\\u0000"',
    "!!str 12", "!!int '12'", "!!binary aGk=", "!!python/name:os.system", "&a 1",
    "Tỷ lệ 98,5% (đạt)", "[1, '2', three]", "{a: 1, b: [x, y]}", "|\n  dòng một\n  dòng hai",
    ">-\n  gập\n  dòng",
]  # fmt: skip


@pytest.mark.parametrize("scalar", SCALARS)
def test_every_kind_of_value_is_built_alike_or_left_to_the_careful_path(scalar):
    same_as_careful(f"value: {scalar}\nlist:\n  - {scalar}\n")


@pytest.mark.parametrize(
    "text",
    [
        "a: 1\na: 2\n",
        "a: 1\nb: {c: 1, c: 2, d: [1, 2]}\na: [x, {a: 1, a: 2}]\n",
        "1: x\ntrue: y\n1.0: z\n",
        "a:\n  b: 1\n  b:\n    c: &x 1\nd: *x\n",
        "a: 1\na: !!str 2\n",
        "a: 1\na: 2024-02-30\nb: 2024-02-30\n",
        "a: 1\na: 2\nb: [1, 2\n",
        "- {a: 1, a: 2}\n- {a: 1, a: 2}\n",
        "a: &x [1]\nb: *x\n",
        "<<: {a: 1}\n",
        "? [a, b]\n: 1\n",
        "? {a: 1}\n: 1\n",
        "1: one\n2: two\n",
        "yes: 1\n",
        "~: 1\n",
        "1.5: x\n",
        "2024-01-01: x\n",
        "a: 1\n---\nb: 2\n",
        "---\n",
        "",
        "# only a comment\n",
        "a: [1, 2\n",
        "a: b: c\n",
        "key with spaces: 'x'\n\"quoted key\": 1\n",
    ],
)
def test_structures_are_built_alike_or_left_to_the_careful_path(text):
    same_as_careful(text)


def test_depth_beyond_the_limit_is_left_to_the_careful_path():
    deep = "a: " + "[" * 45 + "]" * 45 + "\n"
    with pytest.raises(CarefulPathNeeded):
        plain_data(deep)
    with pytest.raises(DataError, match="lồng quá sâu"):
        parse_yaml(deep, "x.yaml")


def test_positions_of_a_fast_parse_are_derived_when_first_asked_for():
    parsed = parse_yaml("year: 2024\nmetrics:\n  - id: a\n    name: 'Tỷ lệ [[b]]'\n", "x.yaml")
    assert parsed._tree is None
    assert parsed.locate(("metrics", 0, "name")) == (4, 11)
    assert parsed.locate(("metrics", 0, "name"), key=True) == (4, 5)
    assert parsed.locate_in(("metrics", 0, "name"), "[[b]]") == (4, 18)


def test_keys_are_shared_between_records():
    data = plain_data("- {id: a, name: x}\n- {id: b, name: y}\n")
    first, second = (list(item) for item in data)
    assert first[0] is second[0] and first[1] is second[1]


def test_the_position_of_every_key_and_value_points_at_it_in_the_text():
    text = (ROOT / "data" / "2024.yaml").read_text(encoding="utf-8")
    parsed = parse_yaml(text, "2024.yaml")
    lines = text.split("\n")
    values, keys = parsed.positions, parsed.key_positions
    assert len(keys) > 1000
    for path, (line, column) in keys.items():
        assert lines[line - 1][column - 1 :].startswith(f"{path[-1]}:"), path
    scalars = 0
    for path, (line, column) in values.items():
        value = _value_at(parsed.data, path)
        if isinstance(value, str) and value and "\n" not in value:
            shown = lines[line - 1][column - 1 :]
            assert shown.lstrip("'\"").startswith(value[:20]), path
            assert parsed.locate_in(path, value[-3:]) is not None
            scalars += 1
    assert scalars > 1000


def _value_at(data, path):
    for part in path:
        data = data[part]
    return data


def test_an_alias_is_located_where_its_anchor_is_and_a_missing_path_at_its_parent():
    parsed = parse_yaml("a: &x\n  - 1\n  - 2\nb: *x\nc: {d: 1}\n", "x.yaml")
    assert parsed.locate(("b", 1)) == (3, 5)
    assert parsed.locate(("c", "missing", 0)) == (5, 4)
    assert parsed.locate(("c", "missing"), key=True) == (5, 1)
    assert parsed.locate(("c", "d"), key=True) == (5, 5)
    assert parsed.locate_in(("c", "d"), "1") == (5, 8)


def test_a_column_beyond_sixteen_million_characters_is_located_on_its_line():
    text = '{pad: "' + "x" * (2**24 + 5) + '", a: 1}\n'
    parsed = parse_yaml(text, "x.yaml")
    assert parsed.locate(("a",)) == (1, text.index("a: 1") + 4)
    assert parsed.locate(("a",), key=True) == (1, text.index("a: 1") + 1)


def test_aliases_used_as_keys_keep_every_other_key_in_place():
    text = "s1: &k1 s3\ns2: &k2 s4\n*k1 : Nguồn ba\n*k2 : Nguồn bốn\nSai Mã: Nguồn sai\n"
    parsed = parse_yaml(text, "x.yaml")
    assert list(parsed.data) == ["s1", "s2", "s3", "s4", "Sai Mã"]
    assert parsed.locate(("Sai Mã",), key=True) == (5, 1)
    assert parsed.locate(("s4",)) == (4, 7)
    assert parsed.key_positions[("s3",)] == (1, 5)  # an alias key is where its anchor is


@pytest.mark.parametrize(
    ("written", "kept"),
    [('!!int "012"', "012"), ("!!int 012", "012"), ("!!int '1:30'", "1:30"), ("!!int 12", 12)],
)
def test_an_explicit_number_tag_never_changes_the_figure_typed(written, kept):
    parsed = parse_yaml(f"a: {written}\n{written}: b\n", "x.yaml")
    assert typed(parsed.data) == typed({"a": kept, kept: "b"})
    assert parsed.locate((kept,), key=True) == (2, 1)
