"""`linkshilft new-office`: a valid, commented office file in the right place, from options or answers."""

from __future__ import annotations

import datetime as dt
import os
import re
import subprocess

from linkshilft.cli import new_office
from linkshilft.records.pipeline import load_dataset

from tests.support import CLI, ROOT, TODAY, data_env, run

TEMPLATE = ROOT / "data" / "_templates" / "office.yaml"
OPTIONS = [
    "--id", "leipzig-connewitz",
    "--name", "Bürgerbüro Connewitz",
    "--district", "leipzig",
    "--kind", "mp_office",
    "--mp", "testperson-mdl",
    "--status", "active",
    "--street", "Bornaische Straße 3",
    "--postcode", "04277",
    "--town", "Leipzig-Connewitz",
    "--step-free", "ja",
    "--topics", "buergergeld, miete",
    "--languages", "de,ru",
    "--lawyer", "gueltig",
    "--weekday", "dienstag",
    "--weeks-of-month", "1,3",
    "--start", "14:00",
    "--end", "16:00",
    "--phone", "0341 1234567",
]  # fmt: skip


def _new_office(base_data, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    env = data_env(base_data)
    if stdin is None:
        return run([*CLI, "new-office", *args], env=env, cwd=base_data.parent)
    return subprocess.run(
        [*CLI, "new-office", *args],
        input=stdin,
        env={**os.environ, **env},
        cwd=base_data.parent,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def _template_comments() -> list[str]:
    """The template's explanations (comment lines below its header): a new file keeps all of them."""
    lines = TEMPLATE.read_text("utf-8").splitlines()
    first_field = next(i for i, line in enumerate(lines) if line.startswith("id:"))
    header_end = max(i for i in range(first_field) if re.fullmatch(r"# =+", lines[i]))
    return [line for line in lines[header_end + 1 :] if line.strip().startswith("#")]


def test_options_write_a_valid_commented_file_in_the_districts_folder(base_data):
    result = _new_office(base_data, *OPTIONS, "--no-input")

    assert result.returncode == 0, result.stderr
    assert result.stdout == "Angelegt: data/offices/leipzig/leipzig-connewitz.yaml\n"
    path = base_data / "offices" / "leipzig" / "leipzig-connewitz.yaml"
    dataset, problems, _ = load_dataset(base_data, TODAY)
    assert problems == []
    office = dataset.offices["leipzig-connewitz"]
    assert (office.name, office.kind, office.mp, office.status) == (
        "Bürgerbüro Connewitz",
        "mp_office",
        "testperson-mdl",
        "active",
    )
    assert (office.address.street, office.address.postcode, office.address.town) == (
        "Bornaische Straße 3",
        "04277",
        "Leipzig-Connewitz",
    )
    assert office.accessibility.step_free is True
    assert office.contact.phone == "0341 1234567" and office.contact.email is None
    assert office.counselling.topics == ("buergergeld", "miete")
    assert office.counselling.languages == ("de", "ru")
    assert office.counselling.lawyer == "gueltig"
    assert [(r.weekdays, r.weeks_of_month, f"{r.start:%H:%M}", f"{r.end:%H:%M}") for r in office.counselling.hours] == [
        (("tuesday",), (1, 3), "14:00", "16:00")
    ]
    assert office.counselling.closures == () and office.counselling.bring == () and office.address.coordinates is None
    assert office.checked_on == TODAY

    text = path.read_text("utf-8")
    lines = text.splitlines()
    schema = (path.parent / lines[0].removeprefix("# yaml-language-server: $schema=")).resolve()
    assert schema == ROOT / "schema" / "office.schema.json"
    assert [line for line in _template_comments() if line not in lines] == [], "every explanation of the template stays"
    # Fields the office does not have yet stay as commented examples, ready to uncomment.
    assert "  # coordinates:" in lines and "  #   lat: 51.3297   # Breite, in Sachsen zwischen 50.17 und 51.69" in lines
    assert "  # closures:" in lines and '  #   - from: "2026-12-09"' in lines
    assert "kennung-der-stelle" not in text and "Kopieren Sie diese Datei" not in text


def test_answers_on_stdin_are_asked_again_until_they_fit(base_data):
    answers = [
        "Leipzig-Connewitz",  # not an id: asked again
        "leipzig-connewitz",
        "Büro Connewitz",
        "leipzig",
        "party_office",  # no MP question for a party office
        "planned",
        "Bornaische Straße 3",
        "01097",  # a Dresden postcode: asked again at once, not after all the questions
        "4277",  # without the leading zero: read as 04277
        "Leipzig",
        "vielleicht",  # not yes or no: asked again
        "nein",
        "miete",
        "",  # languages: default de
        "",  # lawyer: still open (fine while planned)
        "",  # no fixed hours yet
        "",  # phone
        "buero@linke-beispiel.de",
        "",  # website
        "ja",  # the summary is right
    ]

    result = _new_office(base_data, stdin="\n".join(answers) + "\n")

    assert result.returncode == 0, result.stderr
    assert '"Leipzig-Connewitz" ist keine gültige Kennung' in result.stderr
    assert '"01097" liegt nicht im Kreis Leipzig (dort beginnen die Postleitzahlen mit 041, 042, 0431' in result.stderr
    assert "Postleitzahl: 4277\n  verstanden: 04277\n" in result.stderr
    assert "bitte ja oder nein" in result.stderr
    dataset, problems, _ = load_dataset(base_data, TODAY)
    assert problems == []
    office = dataset.offices["leipzig-connewitz"]
    assert (office.kind, office.mp, office.status, office.counselling.lawyer) == ("party_office", None, "planned", None)
    assert office.counselling.hours == () and office.counselling.languages == ("de",)
    assert office.contact.email == "buero@linke-beispiel.de"
    text = (base_data / "offices/leipzig/leipzig-connewitz.yaml").read_text("utf-8")
    assert "\n# mp: vollbrecht-henrike\n" in text and "\n  # lawyer: vogelsang-ricarda\n" in text
    assert "\n  # hours:\n" in text


def test_appointment_only_office(base_data):
    options = [
        o for o in OPTIONS if o not in ("--weekday", "dienstag", "--weeks-of-month", "1,3", "--start", "14:00", "--end", "16:00")
    ]
    result = _new_office(base_data, *options, "--how-to-book", "Rufen Sie das Büro an: 0341 1234567", "--no-input")

    assert result.returncode == 0, result.stderr
    dataset, problems, _ = load_dataset(base_data, TODAY)
    assert problems == []
    counselling = dataset.offices["leipzig-connewitz"].counselling
    assert counselling.appointment_only is True and counselling.hours == ()
    assert counselling.how_to_book == "Rufen Sie das Büro an: 0341 1234567"


def test_never_overwrites_and_refuses_a_known_id(base_data):
    existing = base_data / "offices" / "leipzig" / "leipzig-basis.yaml"
    before = existing.read_bytes()
    options = [*OPTIONS]
    options[options.index("leipzig-connewitz")] = "leipzig-basis"

    result = _new_office(base_data, *options, "--no-input")

    assert result.returncode == 2
    assert 'Kennung "leipzig-basis" gibt es schon' in result.stderr
    assert existing.read_bytes() == before


def test_a_file_that_fails_the_pipeline_is_removed_and_the_retry_command_printed(base_data):
    options = [*OPTIONS]
    options[options.index("gueltig")] = "abgelaufen"  # a lawyer whose agreement has ended: only the pipeline knows

    result = _new_office(base_data, *options, "--no-input")

    assert result.returncode == 1
    assert re.match(r"data/offices/leipzig/leipzig-connewitz\.yaml:\d+: counselling\.lawyer: ", result.stderr.splitlines()[0])
    assert not (base_data / "offices" / "leipzig" / "leipzig-connewitz.yaml").exists()
    retry = result.stderr.splitlines()[-1]
    assert retry.startswith("linkshilft new-office --id leipzig-connewitz --name 'Bürgerbüro Connewitz' ")
    assert "--lawyer abgelaufen" in retry


def test_a_postcode_of_another_district_is_refused_as_an_option(base_data):
    options = [*OPTIONS]
    options[options.index("04277")] = "01097"
    result = _new_office(base_data, *options, "--no-input")
    assert result.returncode == 2
    assert result.stderr.startswith('--postcode: "01097" liegt nicht im Kreis Leipzig')


def test_names_and_german_words_are_understood_and_the_summary_can_be_corrected(base_data):
    answers = [
        "leipzig-connewitz",
        "Bürgerbüro Connewitz",
        "Leipzig",  # the district's name
        "Bürgerbüro",  # the kind's label
        "Gerlinde Testperson",  # the MP by name
        "aktiv",
        "Bornaische Straße 3",
        "04277",
        "Leipzig",
        "ja",
        "Bürgergeld, Miete",  # topics by their names
        "de",
        "Dr. Henrike Anleitung",  # the lawyer by name
        "Dienstag",
        "",
        "9:00",  # read as 09:00
        "11:00",
        "", "", "",
        "nein",  # the summary is not right: every question again, Enter keeps the answer
        "", "Bürgerbüro Connewitz-Süd", *[""] * 18,
        "ja",
    ]  # fmt: skip

    result = _new_office(base_data, stdin="\n".join(answers) + "\n")

    assert result.returncode == 0, result.stderr
    assert "Art der Stelle (Geschäftsstelle = party_office, Bürgerbüro = mp_office, beides = shared_office): Bürgerbüro\n"\
        "  verstanden: mp_office\n" in result.stderr
    assert "  Themen: Bürgergeld und Grundsicherung (buergergeld), Miete und Nebenkosten (miete)\n" in result.stderr
    assert "  Kreis: Leipzig (leipzig)\n" in result.stderr
    assert "[bisher: leipzig-connewitz; Enter übernimmt]" in result.stderr
    dataset, problems, _ = load_dataset(base_data, TODAY)
    assert problems == []
    office = dataset.offices["leipzig-connewitz"]
    assert (office.name, office.district, office.kind, office.mp, office.status) == (
        "Bürgerbüro Connewitz-Süd", "leipzig", "mp_office", "testperson-mdl", "active"
    )  # fmt: skip
    assert office.counselling.topics == ("buergergeld", "miete") and office.counselling.lawyer == "gueltig"
    assert [(r.weekdays, f"{r.start:%H:%M}") for r in office.counselling.hours] == [(("tuesday",), "09:00")]


def test_without_input_missing_options_are_named(base_data):
    result = _new_office(base_data, "--id", "leipzig-x", "--name", "X", "--no-input")
    assert result.returncode == 2
    assert result.stderr.startswith("Es fehlen Angaben: --district, --kind, --status, --street, --postcode, --town")
    assert not list((base_data / "offices").rglob("leipzig-x.yaml"))


def test_end_of_input_writes_nothing(base_data):
    result = _new_office(base_data, stdin="leipzig-halb\nNur halb\n")
    assert result.returncode == 2
    assert "Eingabe beendet" in result.stderr
    assert not list((base_data / "offices").rglob("leipzig-halb.yaml"))


def test_an_option_that_does_not_fit_is_refused(base_data):
    options = [*OPTIONS]
    options[options.index("mp_office")] = "party_office"  # and still --mp
    result = _new_office(base_data, *options, "--no-input")
    assert result.returncode == 2
    assert result.stderr.strip() == "--mp: passt nicht zu den übrigen Angaben"


def test_every_variant_of_the_project_template_is_valid_yaml_for_the_schema(base_data):
    """The real template (data/_templates/office.yaml) must keep every field new-office fills in."""
    answers = {
        "id": "leipzig-vorlage",
        "name": "Vorlage: mit Doppelpunkt",  # needs quotes in YAML
        "district": "leipzig",
        "kind": "shared_office",
        "mp": "testperson-mdl",
        "status": "interim",
        "street": "Weg 1",
        "postcode": "04109",
        "town": "Leipzig",
        "step_free": "nein",
        "topics": "miete",
        "languages": "de",
        "lawyer": "gueltig",
        "weekday": "monday friday",
        "weeks_of_month": "letzter",
        "start": "09:00",
        "end": "11:30",
        "website": "https://www.linke-beispiel.de/vorlage/",
    }
    target = base_data / "offices" / "leipzig" / "leipzig-vorlage.yaml"
    target.write_text(new_office.office_file(answers, TEMPLATE.read_text("utf-8"), target, dt.date(2026, 11, 25)), "utf-8")
    dataset, problems, _ = load_dataset(base_data, TODAY)
    assert problems == []
    office = dataset.offices["leipzig-vorlage"]
    assert office.name == "Vorlage: mit Doppelpunkt"
    assert office.contact.website == "https://www.linke-beispiel.de/vorlage/"
    assert office.counselling.hours[0].weekdays == ("monday", "friday")
    assert office.counselling.hours[0].weeks_of_month == ("last",)
