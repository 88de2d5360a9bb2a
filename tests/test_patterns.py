"""Linear-time patterns: no regular expression in schema/ or hooks/linkshilft/ may backtrack
catastrophically on hostile input (a phone number of 300 digits and a letter took over 100 s).

Judged by structure, not by the clock: Python's engine backtracks, and the time explodes when
a repeated group can split the same characters between its iterations in many ways, as in
`( ?[0-9]{2,}){1,4}` after `[0-9]{1,5}`. A repeated group is safe when each iteration starts
with a character that no repetition inside it can take: then every iteration boundary is fixed.
Two unbounded repeats in a row that can take the same characters (`[0-9]+ ?[0-9]+`) split a run
in n ways and are refused as well. bench/patterns.py measures the worst time of every pattern.
"""

from __future__ import annotations

import ast
import json
import re
from functools import cache

import pytest
from linkshilft.records import load

try:  # Python 3.11+: the parser moved; the old name warns
    from re import _constants as sre
    from re import _parser as sre_parse
except ImportError:  # pragma: no cover
    import sre_constants as sre
    import sre_parse

from tests.support import ROOT

# Characters that stand for every class the patterns use: ASCII, Latin-1, the line separators.
UNIVERSE = [chr(c) for c in range(0x300)] + ["\u2028", "\u2029", "\u20ac", "\u201e"]


def schema_patterns() -> dict[str, str]:
    found = {}

    def walk(node, where):
        if isinstance(node, dict):
            for key, value in node.items():
                if key == "pattern" and isinstance(value, str):
                    found[where] = value
                walk(value, f"{where}/{key}")
        elif isinstance(node, list):
            for index, value in enumerate(node):
                walk(value, f"{where}/{index}")

    for path in sorted((ROOT / "schema").glob("*.schema.json")):
        walk(json.loads(path.read_text("utf-8")), path.name)
    return found


def code_patterns() -> dict[str, str]:
    """Every literal pattern given to a function of `re` in the package, and the loader's resolvers."""
    found = {}
    for path in sorted((ROOT / "hooks" / "linkshilft").rglob("*.py")):  # the subpackages too
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and isinstance(node.func.value, ast.Name)
                and node.func.value.id == "re"
                and node.args
                and isinstance(node.args[0], ast.Constant)
                and isinstance(node.args[0].value, str)
            ):
                found[f"{path.name}:{node.lineno} re.{node.func.attr}"] = node.args[0].value
    for first, resolvers in load._Yaml12Resolver.yaml_implicit_resolvers.items():
        for tag, regexp in resolvers:
            found[f"load.py resolver {tag} {first!r}"] = regexp.pattern
    return found


def _charset(op, av, flags: int) -> frozenset[str]:
    """The characters of UNIVERSE one single-character item matches."""
    if op == sre.LITERAL:
        return frozenset({chr(av)})
    if op == sre.NOT_LITERAL:
        return frozenset(c for c in UNIVERSE if c != chr(av))
    if op == sre.ANY:
        return frozenset(c for c in UNIVERSE if c != "\n" or flags & re.DOTALL)
    if op == sre.IN:
        return _class_members(_class_source(av))
    return frozenset()


@cache
def _class_members(source: str) -> frozenset[str]:
    test = re.compile(source)
    return frozenset(c for c in UNIVERSE if test.fullmatch(c))


def _class_source(items) -> str:
    negate = items and items[0][0] == sre.NEGATE
    parts = []
    categories = {
        sre.CATEGORY_DIGIT: r"\d",
        sre.CATEGORY_NOT_DIGIT: r"\D",
        sre.CATEGORY_SPACE: r"\s",
        sre.CATEGORY_NOT_SPACE: r"\S",
        sre.CATEGORY_WORD: r"\w",
        sre.CATEGORY_NOT_WORD: r"\W",
    }
    for op, av in items[1:] if negate else items:
        if op == sre.LITERAL:
            parts.append(re.escape(chr(av)))
        elif op == sre.RANGE:
            parts.append(f"{re.escape(chr(av[0]))}-{re.escape(chr(av[1]))}")
        elif op == sre.CATEGORY:
            parts.append(categories[av])
    return "[" + ("^" if negate else "") + "".join(parts) + "]"


def _single(item) -> bool:
    return item[0] in (sre.LITERAL, sre.NOT_LITERAL, sre.ANY, sre.IN)


def _nullable(items) -> bool:
    for op, av in items:
        if _single((op, av)):
            return False
        if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT) and av[0] > 0 and not _nullable(av[2]):
            return False
        if op == sre.SUBPATTERN and not _nullable(av[-1]):
            return False
        if op == sre.BRANCH and not any(_nullable(branch) for branch in av[1]):
            return False
    return True


def _repeated_chars(items, flags: int) -> set[str]:
    """Characters that a part of variable length inside `items` can take (a repeat, an optional
    item, alternatives): where one iteration ends is not fixed by them."""
    chars: set[str] = set()
    for op, av in items:
        if (op in (sre.MAX_REPEAT, sre.MIN_REPEAT) and av[0] != av[1]) or op == sre.BRANCH:
            chars |= _all_chars([(op, av)], flags)
        for inner in _children(op, av):
            chars |= _repeated_chars(inner, flags)
    return chars


def _all_chars(items, flags: int) -> set[str]:
    chars: set[str] = set()
    for op, av in items:
        chars |= _charset(op, av, flags)
        for inner in _children(op, av):
            chars |= _all_chars(inner, flags)
    return chars


def _children(op, av) -> list:
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
        return [av[2]]
    if op == sre.SUBPATTERN:
        return [av[-1]]
    if op == sre.BRANCH:
        return list(av[1])
    if op in (sre.ASSERT, sre.ASSERT_NOT):
        return [av[1]]
    if op == sre.ATOMIC_GROUP:
        return [av]
    return []


def _first_item(items):
    for op, av in items:
        if op == sre.SUBPATTERN:
            return _first_item(av[-1])
        return op, av
    return None


def _opening(items, flags: int) -> frozenset[str]:
    """The characters a match of `items` must start with, if it starts with one mandatory item."""
    first = _first_item(items)
    return _charset(*first, flags) if first and _single(first) else frozenset()


def _overlapping_branches(items, flags: int) -> bool:
    for op, av in items:
        if op == sre.BRANCH:
            openings = [_opening(branch, flags) or _all_chars(branch, flags) for branch in av[1]]
            if any(a & b for i, a in enumerate(openings) for b in openings[i + 1 :]):
                return True
        if any(_overlapping_branches(inner, flags) for inner in _children(op, av)):
            return True
    return False


def ambiguities(pattern: str) -> list[str]:
    """Why `pattern` may backtrack catastrophically, or [] when its structure rules it out."""
    parsed = sre_parse.parse(pattern)
    flags = parsed.state.flags
    found = []

    def check(items):
        items = list(items)
        for index, (op, av) in enumerate(items):
            if op in (sre.MAX_REPEAT, sre.MIN_REPEAT) and av[1] != 1:
                body = list(av[2])
                inner = _repeated_chars(body, flags)
                if inner or _nullable(body):
                    opening = _opening(body, flags)
                    if not opening or opening & inner:
                        found.append(f"repeated group without a fixed start: {av[2]}")
                if _overlapping_branches(body, flags):
                    found.append(f"repeated group with alternatives that start alike: {av[2]}")
            if op in (sre.MAX_REPEAT, sre.MIN_REPEAT) and av[1] == sre.MAXREPEAT and len(av[2]) == 1 and _single(av[2][0]):
                mine = _charset(*av[2][0], flags)
                for later_op, later_av in items[index + 1 :]:
                    if later_op in (sre.MAX_REPEAT, sre.MIN_REPEAT) and later_av[1] != 1 and later_av[1] > 0:
                        later = _opening(later_av[2], flags) or _all_chars(later_av[2], flags)
                        if mine & later and (later_av[1] == sre.MAXREPEAT or later_av[0] != later_av[1]):
                            found.append(f"two repeats in a row share characters: {av[2]} and {later_av[2]}")
                        break
                    if not _nullable([(later_op, later_av)]):
                        break
            for inner_items in _children(op, av):
                check(inner_items)

    check(parsed)
    return found


OLD_PHONE = r"^(\+49 ?|0)[1-9][0-9]{1,5}( ?[0-9]{2,}){1,4}(-[0-9]{1,5})?$"


@pytest.mark.parametrize(
    "pattern",
    [OLD_PHONE, r"^(a+)+$", r"^(\d|\d\d)*$", r"^(\w+\s?)*$", r"^[0-9]+ ?[0-9]+$", r"^(x*)*y$"],
)
def test_the_check_finds_known_catastrophic_patterns(pattern):
    assert ambiguities(pattern)


@pytest.mark.parametrize(
    "pattern",
    [r"^[a-z0-9]+(-[a-z0-9]+)*$", r"^(\+49 ?|0)[1-9][0-9]+( [0-9]{2,}){0,4}(-[0-9]{1,5})?$", r"^[0-9]{5}$"],
)
def test_the_check_accepts_delimited_repeats(pattern):
    assert ambiguities(pattern) == []


@pytest.mark.parametrize(("where", "pattern"), sorted({**schema_patterns(), **code_patterns()}.items()))
def test_no_pattern_can_backtrack_catastrophically(where, pattern):
    assert ambiguities(pattern) == [], where


def test_every_schema_pattern_is_anchored():
    """Both ends anchored: a value is checked as a whole (the forbidden-character rules search)."""
    for where, pattern in schema_patterns().items():
        if where.endswith("/not"):
            continue
        assert pattern.startswith("^") and pattern.endswith("$"), where


ADVERSARIAL = [
    "0" + "1" * 300 + "!",  # the phone number of the issue, with a character no pattern takes
    "+49 " + "12 " * 200 + "!",
    "a@" + "a." * 300 + "!",
    "https://" + "a." * 300 + " ",
    "a-" * 300 + "!",
    "1" * 300 + "\n",
]


@pytest.mark.parametrize(("where", "pattern"), sorted(schema_patterns().items()))
def test_schema_patterns_reject_long_hostile_input(where, pattern):
    """The inputs of bench/patterns.py, short enough to be quick even for a slow pattern."""
    compiled = re.compile(pattern)
    for text in ADVERSARIAL:
        if compiled.search(text):
            assert where.endswith("/not") or text.endswith("\n"), (where, text[:20])


def test_the_phone_pattern_keeps_accepting_real_numbers():
    phone = re.compile(json.loads((ROOT / "schema" / "common.schema.json").read_text("utf-8"))["$defs"]["phone"]["pattern"])
    for number in ("0341 1234567", "+49 341 1234567", "+493411234567", "035204 12345", "0351 49 12 34-56", "030 12 34 56 78"):
        assert phone.fullmatch(number), number
    for number in ("00341 123", "0341 1 2", "0341  1234567", "+49 0341 123456", "0341-", "0341 12345a"):
        assert not phone.fullmatch(number), number


def test_code_patterns_are_found():
    """The collection itself works: it sees the loader, legal.py and the schema's phone pattern."""
    assert any(where.startswith("legal.py") for where in code_patterns())
    assert any("resolver" in where for where in code_patterns())
    assert any(where.endswith("/phone") for where in schema_patterns())
