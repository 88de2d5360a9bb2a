"""The strict loader: YAML 1.2 scalars, no surprises, line numbers kept."""

import pytest
import yaml
from linkshilft import validate
from linkshilft.load import MAX_BYTES, parse_text, read_file

from tests.support import ROOT


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("v: 14:30", "14:30"),  # YAML 1.1 would read 870 (sexagesimal)
        ("v: 01067", "01067"),  # YAML 1.1 would read 567 (octal)
        ("v: 04229", "04229"),
        ("v: no", "no"),  # YAML 1.1 would read False
        ("v: yes", "yes"),
        ("v: on", "on"),
        ("v: 2026-12-09", "2026-12-09"),  # no timestamp: dates stay text, the schema checks them
        ("v: 1_000", "1_000"),
        ("v: 0x1F", "0x1F"),
        ("v: .inf", ".inf"),
        ("v: true", True),
        ("v: False", False),
        ("v: 12", 12),
        ("v: -3", -3),
        ("v: 0", 0),
        ("v: 51.3290", 51.329),
        ("v: ~", None),
        ("v:", None),
        ('v: "14:30"', "14:30"),
    ],
)
def test_scalars_follow_yaml_1_2_without_traps(text, expected):
    document, problems = parse_text(text + "\n", "x.yaml")
    assert problems == []
    assert document.data["v"] == expected
    assert type(document.data["v"]) is type(expected)


def test_every_value_keeps_its_line():
    text = "a: 1\nb:\n  c:\n    - x\n    - y: 2\n      z: 3\n"
    document, _ = parse_text(text, "x.yaml")
    assert document.line_of(("a",)) == 1
    assert document.line_of(("b", "c", 1, "z")) == 6
    assert document.line_of(("b", "c", 0)) == 4
    # A missing field reports the line of its nearest parent.
    assert document.line_of(("b", "c", 1, "missing")) == 5


def test_size_limit(tmp_path):
    path = tmp_path / "big.yaml"
    path.write_text("a: " + "x" * (MAX_BYTES + 1) + "\n", "utf-8")
    document, problems = read_file(path, "data/big.yaml")
    assert document is None
    assert [str(p) for p in problems] == [f"data/big.yaml:1: Datei ist zu groß (256 KB; höchstens {MAX_BYTES // 1024} KB)"]


def test_utf8_byte_order_mark_is_accepted(tmp_path):
    path = tmp_path / "bom.yaml"
    path.write_bytes("\ufeffname: Görlitz\n".encode())
    document, problems = read_file(path, "bom.yaml")
    assert problems == []
    assert document.data == {"name": "Görlitz"}


# --- the fast validator (validate.py): it alone decides "valid", so it must not be lenient ---


@pytest.mark.parametrize(
    ("change", "valid"),
    [
        (lambda r: None, True),
        (lambda r: r.update(checked_on="2026-13-01"), False),  # format "date": no 13th month
        (lambda r: r["address"].update(postcode="4229"), False),  # pattern
        (lambda r: r.update(adress={}), False),  # additionalProperties
        (lambda r: r.pop("district"), False),  # required, and a reference into common.schema.json
        (lambda r: r["counselling"]["hours"][0].update(start="25:00"), False),  # nested $ref
    ],
)
def test_fast_validator_judges_like_jsonschema(change, valid):
    record = yaml.safe_load((ROOT / "data" / "offices" / "leipzig" / "leipzig-plagwitz.yaml").read_text("utf-8"))
    change(record)
    assert validate.fast_validator_for("office").is_valid(record) is valid
    assert validate.validator_for("office").is_valid(record) is valid
