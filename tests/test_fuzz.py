"""Fuzzing as a test: mutated office files end in exit 0, or exit 1 with German messages
`file:line: field: message`, never a traceback, and each within a few seconds.

Hypothesis generates the mutations: values of other types, hostile text (control characters,
YAML escapes, any Unicode), huge and deeply nested values, missing and unknown fields, and
edits of the YAML text itself. The runs are derandomized and use no example database, so CI
sees the same examples every time; the deadline bounds the time of each example (no clock
in the assertions). The example counts stay modest so that `make test` stays quick.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import re
import shutil
import tempfile
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from linkshilft.cli import commands

from tests.support import CASES, TODAY

FUZZ = settings(
    max_examples=25,
    derandomize=True,
    database=None,
    deadline=dt.timedelta(seconds=3),
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
OFFICE = CASES / "base" / "data" / "offices" / "leipzig" / "leipzig-basis.yaml"
RECORD = yaml.safe_load(OFFICE.read_text("utf-8"))
# What a message looks like: path:line: (field: )?text — one line, and no English of the libraries.
LINE = re.compile(r"^data/[^\n:]+:[0-9]+: (?:[^\n:]+: )?[^\n]+$")
ENGLISH = re.compile(r"\b(?:is not|is too|does not|expected|should|required property|found|while|exceeded|Traceback)\b")

hostile_text = st.one_of(
    st.text(max_size=40),
    st.text(alphabet=st.characters(max_codepoint=0x20), max_size=10),
    st.sampled_from(["14:00\n", "\x00", "\x1b[31m", "\x0b", "\x0c", "\x85", "\u2028", "\u2029", "\ufeff", "\r\n", "\t"]),
    st.builds(lambda char, count: char * count, st.sampled_from(["1", "a", " ", "[", "-", "ä"]), st.integers(1, 5000)),
    st.sampled_from(["index", "con", "nul", "../../etc/passwd", "<script>alert(1)</script>", "=HYPERLINK()", "%0A::error::"]),
)
scalars = st.one_of(hostile_text, st.integers(), st.floats(allow_nan=True), st.booleans(), st.none())
values = st.recursive(
    scalars, lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3)
)


def deep(levels: int):
    value: object = "x"
    for level in range(levels):
        value = [value] if level % 2 else {"a": value}
    return value


paths = st.sampled_from(
    [
        ("name",),
        ("id",),
        ("district",),
        ("status",),
        ("address",),
        ("address", "street"),
        ("address", "postcode"),
        ("address", "coordinates"),
        ("address", "coordinates", "lat"),
        ("accessibility", "step_free"),
        ("contact", "phone"),
        ("contact", "email"),
        ("contact", "website"),
        ("counselling",),
        ("counselling", "topics"),
        ("counselling", "hours"),
        ("counselling", "hours", 0),
        ("counselling", "hours", 0, "start"),
        ("counselling", "hours", 0, "weekdays"),
        ("counselling", "closures"),
        ("checked_on",),
        ("unbekannt",),
    ]
)


def _put(record: dict, path: tuple, value) -> dict:
    target = record
    for part in path[:-1]:
        target = target[part]
    if isinstance(target, list):
        target[path[-1]] = value
    else:
        target[path[-1]] = value
    return record


def _validate(office_text: str) -> tuple[int, list[str]]:
    """`linkshilft validate` in this process on the base data with this office file."""
    with tempfile.TemporaryDirectory() as folder:
        data = Path(folder) / "data"
        shutil.copytree(CASES / "base" / "data", data)
        (data / "offices" / "leipzig" / "leipzig-basis.yaml").write_text(office_text, "utf-8", errors="surrogatepass")
        out, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = commands.main(["--data", str(data), "--today", TODAY.isoformat(), "validate"])
    return code, out.getvalue().splitlines()


def _assert_german_or_valid(code: int, lines: list[str]) -> None:
    assert code in (0, 1)
    assert (code == 0) == (lines == [])
    for line in lines:
        assert LINE.match(line), line
        assert not ENGLISH.search(line.split(": ", 1)[1]), line


@FUZZ
@given(paths, st.one_of(values, st.builds(deep, st.integers(1, 60))))
def test_a_field_with_any_value_gives_exit_0_or_german_messages(path, value):
    record = _put(yaml.safe_load(OFFICE.read_text("utf-8")), path, value)
    _assert_german_or_valid(*_validate(yaml.safe_dump(record, allow_unicode=True, sort_keys=False)))


@FUZZ
@given(st.lists(paths, min_size=1, max_size=4, unique=True))
def test_missing_fields_give_german_messages(removed):
    record = yaml.safe_load(OFFICE.read_text("utf-8"))
    for path in sorted(removed, key=len, reverse=True):
        target = record
        for part in path[:-1]:
            target = target.get(part, {}) if isinstance(target, dict) else target
        if isinstance(target, dict):
            target.pop(path[-1], None)
    _assert_german_or_valid(*_validate(yaml.safe_dump(record, allow_unicode=True, sort_keys=False)))


YAML_PIECES = st.sampled_from(
    ['"\\e"', '"\\0"', '"\\N"', '"\\L"', "\\x", "[", "]", "{", "}", ": ", "- ", "&a ", "*a", "!!python/object ", "\t", "---\n",
     "'", '"', "#", "%YAML 1.1\n", "? ", "|\n", ">\n", "\n  ", "<<: ", "\ufeff", "\u2028", "\x85", "[" * 300, "{a: " * 50]
)  # fmt: skip


@FUZZ
@given(st.lists(st.tuples(st.integers(0, 10_000), YAML_PIECES | st.text(max_size=5)), min_size=1, max_size=5))
def test_edited_yaml_text_gives_exit_0_or_german_messages(edits):
    text = OFFICE.read_text("utf-8")
    for offset, piece in edits:
        position = offset % (len(text) + 1)
        text = text[:position] + piece + text[position:]
    _assert_german_or_valid(*_validate(text))
