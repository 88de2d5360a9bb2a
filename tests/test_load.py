"""The strict loader: YAML 1.2 scalars, no surprises, line numbers kept."""

import json
import os
import shutil
from pathlib import Path

import pytest
import yaml
from linkshilft.internal.records import load_internal
from linkshilft.records import files, validate
from linkshilft.records.load import MAX_BYTES, parse_text, read_file
from linkshilft.records.pipeline import load_dataset

from tests.support import CASES, ROOT, TODAY


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
        # Python's $ also matches before a final line feed; the control-character rule decides for both
        (lambda r: r["counselling"]["hours"][0].update(start="14:00\n"), False),
        (lambda r: r["address"].update(postcode="04229\n"), False),
        (lambda r: r.update(name="Büro\x1b[31m"), False),
        (lambda r: r.update(directions="Linie 1\nHaltestelle West"), True),  # multi-line text: line feeds allowed
        (lambda r: r.update(directions="Linie 1\u2028West"), False),
        (lambda r: r["contact"].update(phone="0" + "1" * 300 + "a"), False),  # linear now in both engines
        (lambda r: r["contact"].update(phone=7), False),  # not text: the control-character rule does not apply
    ],
)
def test_fast_validator_judges_like_jsonschema(change, valid):
    record = yaml.safe_load((ROOT / "data" / "offices" / "leipzig" / "leipzig-plagwitz.yaml").read_text("utf-8"))
    change(record)
    assert validate.fast_validator_for("office").is_valid(record) is valid
    assert validate.validator_for("office").is_valid(record) is valid


# --- files are files: only regular files with allowed names inside data/ are read (files.py) ---


LINKED_FILE = "Datei ist ein symbolischer Verweis (Symlink); bitte die Datei selbst in den Datenordner legen"
LINKED_FOLDER = "Ordner ist ein symbolischer Verweis (Symlink); bitte den Ordner selbst in den Datenordner legen"


def _messages(data) -> list[str]:
    return [str(problem) for problem in load_dataset(data, TODAY)[1]]


def test_a_symlink_to_a_file_outside_data_is_refused_without_echoing_it(base_data, tmp_path):
    secret = tmp_path / "geheim.yaml"
    secret.write_text("id: streng-geheim\nname: Geheimer Wert 4711\n", "utf-8")
    (base_data / "counsellors" / "verweis.yaml").symlink_to(secret)
    messages = _messages(base_data)
    assert messages == [
        f"data/counsellors/verweis.yaml:1: {LINKED_FILE}"
    ]
    assert "4711" not in "".join(messages) and "streng-geheim" not in "".join(messages)


def test_a_symlink_to_dev_zero_is_refused_without_reading(base_data):
    (base_data / "offices" / "leipzig" / "null.yaml").symlink_to("/dev/zero")
    assert _messages(base_data) == [
        f"data/offices/leipzig/null.yaml:1: {LINKED_FILE}"
    ]


def test_a_symlinked_list_file_and_folder_are_refused(base_data, tmp_path):
    outside = tmp_path / "anderswo"
    shutil.move(base_data / "lawyers", outside)
    (base_data / "lawyers").symlink_to(outside, target_is_directory=True)
    topics = base_data / "topics.yaml"
    shutil.move(topics, tmp_path / "topics.yaml")
    topics.symlink_to(tmp_path / "topics.yaml")
    messages = _messages(base_data)
    assert f"data/lawyers:1: {LINKED_FOLDER}" in messages
    assert f"data/topics.yaml:1: {LINKED_FILE}" in messages


def test_a_fifo_is_refused_without_blocking(base_data):
    os.mkfifo(base_data / "offices" / "leipzig" / "warteschlange.yaml")
    assert _messages(base_data) == [
        "data/offices/leipzig/warteschlange.yaml:1: Eintrag ist keine gewöhnliche Datei (Ordner, Gerät, FIFO oder Socket)"
    ]


def test_a_device_is_refused_without_reading():
    document, problems = read_file(Path("/dev/zero"), "data/x.yaml")
    assert document is None
    assert [str(p) for p in problems] == ["data/x.yaml:1: Eintrag ist keine gewöhnliche Datei (Ordner, Gerät, FIFO oder Socket)"]


def test_a_line_feed_in_a_file_name_is_shown_escaped(base_data):
    shutil.copyfile(base_data / "counsellors" / "mit-einwilligung.yaml", base_data / "counsellors" / "a\n::error::b.yaml")
    assert _messages(base_data) == [
        "data/counsellors/a\\n::error::b.yaml:1: Dateiname ist nicht erlaubt: nur Kleinbuchstaben a–z, Ziffern und Bindestriche, "
        'Endung .yaml – bitte umbenennen in "a-error-b.yaml" (die Kennung in der Datei bleibt)'
    ]


def test_internal_folders_refuse_symlinks_too(tmp_path):
    internal = tmp_path / "internal"
    shutil.copytree(CASES / "internal" / "base" / "internal", internal)
    (internal / "survey" / "verweis.yaml").symlink_to("/dev/zero")
    dataset, _, _ = load_dataset(ROOT / "tests" / "cases" / "base" / "data", TODAY)
    _, found = load_internal(internal, dataset, tmp_path)
    assert [str(p) for p in found] == [
        f"internal/survey/verweis.yaml:1: {LINKED_FILE}"
    ]


def test_reserved_names_are_the_same_in_the_loader_and_the_schema():
    schema = json.loads((ROOT / "schema" / "common.schema.json").read_text("utf-8"))
    assert set(schema["$defs"]["not_reserved"]["not"]["enum"]) == files.RESERVED


def test_a_file_where_a_folder_belongs_is_reported(base_data):
    shutil.rmtree(base_data / "lawyers")
    (base_data / "lawyers").write_text("id: x\n", "utf-8")
    assert "data/lawyers:1: Eintrag ist kein Ordner" in _messages(base_data)


def test_internal_file_names_follow_the_same_rules(tmp_path):
    internal = tmp_path / "internal"
    shutil.copytree(CASES / "internal" / "base" / "internal", internal)
    survey = sorted((internal / "survey").glob("*.yaml"))[0]
    shutil.copyfile(survey, internal / "survey" / "Umfrage Leipzig.yaml")
    dataset, _, _ = load_dataset(ROOT / "tests" / "cases" / "base" / "data", TODAY)
    _, found = load_internal(internal, dataset, tmp_path)
    expected = (
        "Dateiname ist nicht erlaubt: nur Kleinbuchstaben a–z, Ziffern und Bindestriche, Endung .yaml"
        ' – bitte umbenennen in "umfrage-leipzig.yaml" (die Kennung in der Datei bleibt)'
    )
    assert f"internal/survey/Umfrage Leipzig.yaml:1: {expected}" in [str(p) for p in found]
