"""The command line and the MkDocs build on bad data: same messages, exit 1, no traceback, no site."""

from __future__ import annotations

import json
import shutil

import pytest
from linkshilft.problems import Problem, workflow_command

from tests.support import CLI, MKDOCS, data_env, run

BROKEN_TIME = 'data/offices/leipzig/leipzig-basis.yaml:25: counselling.hours[0].start: "25:00" ist keine gültige Uhrzeit (HH:MM)'
UNKNOWN_FIELD = 'data/counsellors/mit-einwilligung.yaml:8: rolle: unbekanntes Feld "rolle" – meinten Sie "role"?'


def _break(base_data):
    """Two mistakes in two files: both reported in one run. The misspelt "rolle" gives one
    message (unknown field, with a hint), not a second one for the missing "role"."""
    office = base_data / "offices" / "leipzig" / "leipzig-basis.yaml"
    office.write_text(office.read_text("utf-8").replace('start: "14:00"', 'start: "25:00"'), "utf-8")
    counsellor = base_data / "counsellors" / "mit-einwilligung.yaml"
    counsellor.write_text(counsellor.read_text("utf-8").replace("role: volunteer", "rolle: volunteer"), "utf-8")


def test_validate_passes_on_good_data(base_data):
    result = run([*CLI, "validate"], env=data_env(base_data))
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout == ""
    assert "Alle Daten sind gültig (1 Stelle)" in result.stderr


def test_validate_prints_every_problem_with_file_line_and_field(base_data):
    _break(base_data)
    result = run([*CLI, "validate"], env=data_env(base_data))
    assert result.returncode == 1
    assert result.stdout.splitlines() == [UNKNOWN_FIELD, BROKEN_TIME]
    assert "Traceback" not in result.stderr


def test_validate_github_format_annotates_the_line(base_data):
    _break(base_data)
    result = run([*CLI, "validate", "--format", "github"], env=data_env(base_data))
    assert result.returncode == 1
    assert result.stdout.splitlines()[1] == (
        "::error file=data/offices/leipzig/leipzig-basis.yaml,line=25,title=Datenfehler::"
        'counselling.hours[0].start: "25:00" ist keine gültige Uhrzeit (HH:MM)'
    )


@pytest.mark.build
def test_strict_build_fails_with_the_same_lines_and_writes_no_site(base_data, tmp_path):
    _break(base_data)
    out = tmp_path / "site"
    result = run([*MKDOCS, "build", "--strict", "--site-dir", str(out)], env=data_env(base_data))
    assert result.returncode == 1
    errors = [line.split("-  ", 1)[1] for line in result.stderr.splitlines() if line.startswith("ERROR")]
    assert errors == [UNKNOWN_FIELD, BROKEN_TIME]
    assert "2 Fehler in Daten oder Einstellungen – es wurde nichts gebaut." in result.stdout
    assert "Traceback" not in result.stderr
    assert not out.exists()


@pytest.mark.build
def test_build_on_unreadable_file_fails_without_traceback(base_data, tmp_path):
    (base_data / "offices" / "leipzig" / "leipzig-basis.yaml").write_bytes("name: B\xfcro\n".encode("latin-1"))
    result = run([*MKDOCS, "build", "--strict", "--site-dir", str(tmp_path / "site")], env=data_env(base_data))
    assert result.returncode == 1
    assert "data/offices/leipzig/leipzig-basis.yaml:1: Datei ist nicht in UTF-8 gespeichert" in result.stderr
    assert "Traceback" not in result.stderr


def test_dates_prints_next_dates_as_json_with_offsets(base_data):
    result = run([*CLI, "dates", "leipzig-basis", "--from", "2026-12-01", "--count", "3", "--json"], env=data_env(base_data))
    assert result.returncode == 0, result.stderr
    dates = json.loads(result.stdout)
    # Tuesdays from 1 December 2026; 22 December is the last before the statewide Christmas break.
    assert [d["start"] for d in dates] == ["2026-12-01T14:00:00+01:00", "2026-12-08T14:00:00+01:00", "2026-12-15T14:00:00+01:00"]
    assert dates[0]["end"] == "2026-12-01T16:00:00+01:00"


def test_dates_for_unknown_office_is_a_usage_error(base_data):
    result = run([*CLI, "dates", "gibt-es-nicht"], env=data_env(base_data))
    assert result.returncode == 2
    assert 'Stelle "gibt-es-nicht" gibt es nicht.' in result.stderr


def test_schemas_are_valid_draft_2020_12():
    result = run([*CLI, "check-schemas"])
    assert result.returncode == 0, result.stdout


# --- annotations cannot be forged: GitHub's workflow-command escaping (problems.py) ---


def test_workflow_command_escapes_properties_and_message():
    assert workflow_command("error", {"file": "a,line=1,title=x:y%\r\n.yaml", "line": "3"}, "eins\r\n::error::zwei 100%") == (
        "::error file=a%2Cline=1%2Ctitle=x%3Ay%25%0D%0A.yaml,line=3::eins%0D%0A::error::zwei 100%25"
    )


def test_github_annotation_shows_control_characters_escaped_then_escapes_for_github():
    problem = Problem("data/a,line=1,title=x:y%.yaml", 3, "name", "Zeile 1\r\n::error::zweiter Befehl 100%")
    assert problem.as_github_annotation() == (
        "::error file=data/a%2Cline=1%2Ctitle=x%3Ay%25.yaml,line=3,title=Datenfehler::"
        "name: Zeile 1\\r\\n::error::zweiter Befehl 100%25"
    )


def test_github_warning_is_escaped_as_well():
    warning = Problem("data/a\n::error::b,c.yaml", 1, "", "alt\u2028neu")
    assert warning.as_github_annotation("warning") == "::warning file=data/a\\n%3A%3Aerror%3A%3Ab%2Cc.yaml,line=1::alt\\u2028neu"
    assert len(warning.as_github_annotation("warning").splitlines()) == 1


def test_a_file_name_cannot_start_a_second_workflow_command(base_data):
    shutil.copyfile(base_data / "counsellors" / "mit-einwilligung.yaml", base_data / "counsellors" / "x\n::warning::y.yaml")
    result = run([*CLI, "validate", "--format", "github"], env=data_env(base_data))
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert len(lines) == 1 and lines[0].startswith("::error file=data/counsellors/x\\n%3A%3Awarning%3A%3Ay.yaml,line=1,")
