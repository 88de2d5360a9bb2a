"""Errors and conditions: what an edit got wrong blocks, what time brings only warns.

`linkshilft dates` is a query, not a clock; `linkshilft validate --base` judges a pull request
by what it changes (on a temporary git repository, like tests/test_diff.py).
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
import subprocess
from pathlib import Path

import pytest
from linkshilft.records import bookings
from linkshilft.records.model import Counselling, HourRule

from tests.support import CASES, CLI, TODAY, data_env, git, run

OFFICE = Path("offices/leipzig/leipzig-basis.yaml")
LAWYER = Path("lawyers/gueltig.yaml")


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text("utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), "utf-8")


def _hints(result: subprocess.CompletedProcess) -> list[str]:
    return [line for line in result.stderr.splitlines() if line.startswith("Hinweis: ")]


# --- dates: a query, not a clock ----------------------------------------------------------


def test_dates_from_a_past_day_lists_cancelled_dates_marked(base_data):
    closure = '  closures:\n    - from: "2026-09-08"\n      until: "2026-09-08"\n      reason: Fortbildung\n'
    _edit(base_data / OFFICE, "checked_on:", closure + "checked_on:")
    # checked_on (1 October) lies after --from: only the real day counts for that check.
    result = run([*CLI, "dates", "leipzig-basis", "--from", "2026-09-01", "--count", "2", "--json"], env=data_env(base_data))
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == [
        {
            "start": "2026-09-01T14:00:00+02:00",
            "end": "2026-09-01T16:00:00+02:00",
            "walk_in": True,
            "note": None,
            "cancelled": False,
            "reason": None,
        },
        {
            "start": "2026-09-08T14:00:00+02:00",
            "end": "2026-09-08T16:00:00+02:00",
            "walk_in": True,
            "note": None,
            "cancelled": True,
            "reason": "Fortbildung",
        },
        {
            "start": "2026-09-15T14:00:00+02:00",
            "end": "2026-09-15T16:00:00+02:00",
            "walk_in": True,
            "note": None,
            "cancelled": False,
            "reason": None,
        },
    ]
    text = run([*CLI, "dates", "leipzig-basis", "--from", "2026-09-01", "--count", "2"], env=data_env(base_data))
    assert text.stdout.splitlines() == [
        "Dienstag, 1. September 2026, 14:00–16:00 Uhr",
        "Dienstag, 8. September 2026, 14:00–16:00 Uhr: fällt aus (Fortbildung)",
        "Dienstag, 15. September 2026, 14:00–16:00 Uhr",
    ]


@pytest.mark.parametrize("count", ["0", "-1", "zwei"])
def test_dates_count_must_be_at_least_one(base_data, count):
    result = run([*CLI, "dates", "leipzig-basis", "--count", count], env=data_env(base_data))
    assert result.returncode == 2
    assert f'argument --count: "{count}" ist keine ganze Zahl ab 1' in result.stderr


def test_dates_of_a_resting_office_are_none(base_data):
    result = run([*CLI, "dates", "leipzig-basis", "--json"], env=data_env(base_data, "2027-03-01"))
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == []


# --- conditions that time brings: warnings, never errors ------------------------------------


def test_an_agreement_that_ends_soon_warns_60_days_ahead(base_data):
    assert _hints(run([*CLI, "validate"], env=data_env(base_data, "2026-12-29"))) == []
    result = run([*CLI, "validate"], env=data_env(base_data, "2026-12-30"))
    assert result.returncode == 0
    assert _hints(result) == [
        "Hinweis: data/lawyers/gueltig.yaml:7: agreement.valid_until: die Vereinbarung endet am 28.02.2027 (in 60 Tagen); "
        "danach ruht 1 Stelle (leipzig-basis) – bitte rechtzeitig verlängern"
    ]


def test_an_office_whose_guidance_ended_rests_and_the_build_goes_on(base_data):
    result = run([*CLI, "validate", "--format", "github"], env=data_env(base_data, "2027-03-01"))
    assert result.returncode == 0, result.stdout
    assert result.stdout == ""
    assert result.stderr.splitlines()[0] == (
        "::warning file=data/offices/leipzig/leipzig-basis.yaml,line=22,title=Hinweis::counselling.lawyer: "
        'die Vereinbarung mit "gueltig" über die Anleitung nach § 6 Abs. 2 RDG endete am 28.02.2027; die Stelle ruht: '
        "keine Termine auf der Seite, ihre Seite sagt, dass die Beratung pausiert – bitte die Vereinbarung verlängern "
        "oder eine andere Anleitung eintragen"
    )


def test_hours_that_end_soon_or_have_ended_warn(base_data):
    _edit(base_data / OFFICE, '      end: "16:00"', '      end: "16:00"\n      valid_until: "2026-12-20"')
    ending = run([*CLI, "validate"], env=data_env(base_data))
    assert ending.returncode == 0
    assert _hints(ending) == [
        "Hinweis: data/offices/leipzig/leipzig-basis.yaml:23: counselling.hours: die letzte Sprechzeit ist am 20.12.2026 "
        "(in 25 Tagen); danach zeigt die Seite keine Termine mehr – bitte neue Sprechzeiten eintragen"
    ]
    ended = run([*CLI, "validate"], env=data_env(base_data, "2026-12-21"))
    assert ended.returncode == 0
    assert _hints(ended) == [
        "Hinweis: data/offices/leipzig/leipzig-basis.yaml:23: counselling.hours: alle Sprechzeiten sind abgelaufen "
        "(die letzte am 20.12.2026); die Seite zeigt keine Termine – bitte neue Sprechzeiten eintragen oder den Stand ändern"
    ]
    listed = run([*CLI, "outdated"], env=data_env(base_data, "2026-12-21"))
    assert listed.stdout.splitlines()[:2] == [
        "Stellen, deren Sprechzeiten alle abgelaufen sind:",
        "  " + ended.stderr.splitlines()[0].removeprefix("Hinweis: "),
    ]
    assert run([*CLI, "outdated", "--format", "count"], env=data_env(base_data, "2026-12-21")).stdout == "1\n"


def test_an_agreement_not_yet_signed_is_an_error(base_data):
    _edit(base_data / LAWYER, 'signed_on: "2025-03-01"', 'signed_on: "2026-12-01"')
    result = run([*CLI, "validate"], env=data_env(base_data))
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        'data/offices/leipzig/leipzig-basis.yaml:22: counselling.lawyer: die Vereinbarung mit "gueltig" gilt am 25.11.2026 '
        "nicht (gültig 01.12.2026 bis 28.02.2027); ohne gültige Anleitung nach § 6 Abs. 2 RDG darf die Stelle nicht mit "
        'Status "active" erscheinen'
    ]


# --- a pull request is judged by what it changes --------------------------------------------


@pytest.fixture
def repo(tmp_path) -> Path:
    """A git repository whose main branch already has an error: an unknown topic."""
    root = tmp_path / "repo"
    shutil.copytree(CASES / "base" / "data", root / "data")
    _edit(root / "data" / OFFICE, "topics: [buergergeld, miete]", "topics: [buergergeld, mieten]")
    git(root, "init", "--quiet", "--initial-branch=main")
    git(root, "add", "--all")
    git(root, "commit", "--quiet", "--message=Basis")
    return root


OLD_ERROR = 'counselling.topics[1]: unbekannte Kennung "mieten" (siehe data/topics.yaml) – meinten Sie "miete"?'


def _validate(repo: Path, today: str = TODAY.isoformat()) -> subprocess.CompletedProcess:
    return run([*CLI, "validate", "--format", "github", "--base", "main"], env=data_env(repo / "data", today), cwd=repo)


def test_errors_already_on_the_base_are_reported_not_blamed(repo):
    _edit(repo / "data" / OFFICE, 'street: Karl-Heine-Straße 1', 'street: Karl-Heine-Straße 2')
    result = _validate(repo)
    assert result.returncode == 0, result.stdout
    assert result.stdout == ""
    assert (
        f"::warning file=data/offices/leipzig/leipzig-basis.yaml,line=19,title=Schon auf main::{OLD_ERROR}"
        in result.stderr.splitlines()
    )
    assert run([*CLI, "validate"], env=data_env(repo / "data"), cwd=repo).returncode == 1  # without a base: an error


def test_a_new_error_fails_the_pull_request_at_its_line(repo):
    validity = '\n      valid_from: "2026-12-01"\n      valid_until: "2026-11-01"'
    _edit(repo / "data" / OFFICE, 'start: "14:00"', 'start: "14:00"' + validity)
    result = _validate(repo)
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        "::error file=data/offices/leipzig/leipzig-basis.yaml,line=27,title=Datenfehler::counselling.hours[0].valid_until: "
        '"2026-11-01" liegt vor dem Beginn der Gültigkeit ("2026-12-01")'
    ]


def test_assigning_an_ended_agreement_is_an_edit_error_but_its_ending_is_not(repo):
    # The lawyer of the base data ends on 28 February 2027: on 1 March the base has the condition too.
    assert _validate(repo, "2027-03-01").returncode == 0
    _edit(repo / "data" / OFFICE, "lawyer: gueltig", "lawyer: abgelaufen")
    result = _validate(repo)
    assert result.returncode == 1
    assert result.stdout.startswith(
        "::error file=data/offices/leipzig/leipzig-basis.yaml,line=22,title=Datenfehler::counselling.lawyer: "
        'die Vereinbarung mit "abgelaufen" über die Anleitung nach § 6 Abs. 2 RDG endete am 30.06.2026; die Stelle ruht'
    )


def test_an_unknown_base_is_a_usage_error(repo):
    result = run([*CLI, "validate", "--base", "gibt-es-nicht"], env=data_env(repo / "data"), cwd=repo)
    assert result.returncode == 2
    assert '"gibt-es-nicht" ist kein bekannter Stand im Git-Repository' in result.stderr


# --- double bookings: the rules' whole period, holidays only to confirm -----------------------


def _hours(*rules: HourRule) -> Counselling:
    return Counselling(topics=("buergergeld",), languages=("de",), hours=rules)


def _tuesday(**kwargs) -> HourRule:
    return HourRule(start=dt.time(14), end=dt.time(16), **{"weekdays": ("tuesday",), **kwargs})


def test_the_fourth_and_the_last_tuesday_meet_in_the_first_month_with_four():
    clash = bookings.first_clash(_hours(_tuesday(weeks_of_month=(4,))), _hours(_tuesday(weeks_of_month=("last",))), (), TODAY)
    assert clash[0].date() == dt.date(2027, 1, 26)  # December 2026 has five Tuesdays


def test_the_first_clash_is_the_earliest_of_several_weekdays():
    both = _hours(HourRule(start=dt.time(10), end=dt.time(12), weekdays=("monday", "tuesday")))
    assert bookings.first_clash(both, both, (), dt.date(2026, 12, 1))[0].date() == dt.date(2026, 12, 1)


def test_a_clash_on_a_holiday_is_none_unless_both_hours_take_place():
    christmas = dt.date(2026, 12, 25)
    held = HourRule(start=dt.time(10), end=dt.time(12), date=christmas, on_holidays=True)
    off = HourRule(start=dt.time(10), end=dt.time(12), date=christmas)
    assert bookings.first_clash(_hours(held), _hours(off), (), TODAY) is None
    assert bookings.first_clash(_hours(held), _hours(held), (), TODAY)[0].date() == christmas


def test_rules_that_end_before_the_other_begins_never_meet():
    before = _tuesday(valid_until=dt.date(2027, 3, 31))
    after = _tuesday(valid_from=dt.date(2027, 4, 1))
    assert bookings.first_clash(_hours(before), _hours(after), (), TODAY) is None
