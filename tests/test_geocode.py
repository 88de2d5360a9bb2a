"""`linkshilft geocode` with a fake geocoder: which offices are looked up, what is written, what stays.

No test here reaches the network: the geocoder is passed in (or the Nominatim factory is replaced).
"""

from __future__ import annotations

import difflib
import shutil
from pathlib import Path
from types import SimpleNamespace

import pytest
from geopy.exc import GeocoderUnavailable
from linkshilft.cli import commands, geocode
from linkshilft.records.pipeline import load_dataset

from tests.support import ROOT, TODAY


class FakeGeocoder:
    """Answers like geopy's Nominatim.geocode; remembers every query."""

    def __init__(self, answer=(51.3661, 12.4102), error=None):
        self.answer, self.error, self.queries = answer, error, []

    def geocode(self, query, **options):
        self.queries.append((query, options))
        if self.error:
            raise self.error
        return None if self.answer is None else SimpleNamespace(latitude=self.answer[0], longitude=self.answer[1])


@pytest.fixture
def data(tmp_path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(ROOT / "data", target, ignore=shutil.ignore_patterns("internal"))
    return target


def without_coordinates(data: Path) -> set[str]:
    return {p.stem for p in (data / "offices").glob("*/*.yaml") if "coordinates:" not in p.read_text("utf-8")}


def office_file(data: Path, office_id: str) -> Path:
    return next((data / "offices").glob(f"*/{office_id}.yaml"))


def added_lines(before: str, after: str) -> list[str]:
    diff = list(difflib.ndiff(before.splitlines(), after.splitlines()))
    assert not [line for line in diff if line.startswith("- ")], "no line of the editor's may change"
    return [line[2:] for line in diff if line.startswith("+ ")]


def test_only_offices_without_coordinates_are_looked_up_and_only_their_coordinates_are_added(data, capsys):
    missing = without_coordinates(data)
    assert len(missing) >= 2, "the sample data must have offices without coordinates"
    before = {p: p.read_text("utf-8") for p in (data / "offices").glob("*/*.yaml")}
    fake = FakeGeocoder()

    assert geocode.run(data, [], geocoder=fake) == 0

    assert len(fake.queries) == len(missing)
    for query, options in fake.queries:
        assert set(query) == {"street", "postalcode", "country"}
        assert options == {"exactly_one": True, "country_codes": "de"}
    for path, text in before.items():
        after = path.read_text("utf-8")
        if path.stem in missing:
            assert added_lines(text, after) == ["  coordinates:", "    lat: 51.3661", "    lon: 12.4102"], path.name
            lines = after.splitlines()
            assert lines[lines.index("  coordinates:") - 1].startswith("  town:")  # right after the town, inside address
        else:
            assert after == text, path.name
    assert f"{len(missing)} Dateien geändert" in capsys.readouterr().out
    dataset, problems, _ = load_dataset(data, TODAY)
    assert problems == []
    assert all(dataset.offices[i].address.coordinates.lat == 51.3661 for i in missing)


def test_the_query_is_the_street_and_postcode_of_the_file(data):
    fake = FakeGeocoder()
    geocode.run(data, ["leipzig-schoenefeld"], geocoder=fake)
    assert fake.queries[0][0] == {"street": "Gorkistraße 84", "postalcode": "04347", "country": "Deutschland"}
    text = office_file(data, "leipzig-schoenefeld").read_text("utf-8")
    assert text.startswith("# yaml-language-server: $schema=../../../schema/office.schema.json\n# Koordinaten fehlen noch")


def test_existing_coordinates_stay_unless_forced(data, capsys):
    path = office_file(data, "leipzig-plagwitz")
    before = path.read_text("utf-8")
    fake = FakeGeocoder(answer=(51.33, 12.33))

    assert geocode.run(data, ["leipzig-plagwitz"], geocoder=fake) == 0
    assert fake.queries == []
    assert path.read_text("utf-8") == before
    assert "hat schon Koordinaten" in capsys.readouterr().out

    assert geocode.run(data, ["leipzig-plagwitz"], force=True, geocoder=fake) == 0
    after = path.read_text("utf-8")
    changed = [(a, b) for a, b in zip(before.splitlines(), after.splitlines(), strict=True) if a != b]
    assert changed == [("    lat: 51.3297", "    lat: 51.33"), ("    lon: 12.3316", "    lon: 12.33")]


@pytest.mark.parametrize(
    ("fake", "message"),
    [
        (FakeGeocoder(answer=None), "Adresse nicht gefunden (Gorkistraße 84, 04347)"),
        (FakeGeocoder(answer=(52.52, 13.40)), "liegt nicht in Sachsen; nicht eingetragen"),
        (FakeGeocoder(error=GeocoderUnavailable("Dienst weg")), "Geokodierung fehlgeschlagen: Dienst weg"),
    ],
)
def test_failures_change_nothing_and_say_why(data, capsys, fake, message):
    path = office_file(data, "leipzig-schoenefeld")
    before = path.read_text("utf-8")
    assert geocode.run(data, ["leipzig-schoenefeld"], geocoder=fake) == 1
    assert path.read_text("utf-8") == before
    error = capsys.readouterr().err
    assert "data/offices/leipzig/leipzig-schoenefeld.yaml: leipzig-schoenefeld:" in error
    assert message in error


def test_unknown_office_is_wrong_use(data, capsys):
    assert geocode.run(data, ["gibt-es-nicht"], geocoder=FakeGeocoder()) == 2
    assert 'Stelle "gibt-es-nicht" gibt es nicht' in capsys.readouterr().err


def test_the_command_uses_nominatim_with_user_agent_and_one_request_a_second(data, monkeypatch, capsys):
    limited = geocode.nominatim("redaktion@example.org")  # builds the client; sends nothing
    assert limited.min_delay_seconds == 1
    assert limited.func.__self__.headers["User-Agent"] == "linkshilft-sprechstundenfinder/0.1 (+redaktion@example.org)"

    made = {}

    def fake_nominatim(contact, min_delay_seconds=1.0):
        made["contact"] = contact
        return geocode.rate_limited(FakeGeocoder(), min_delay_seconds=0)

    monkeypatch.setattr(geocode, "nominatim", fake_nominatim)
    monkeypatch.delenv(geocode.CONTACT_ENV, raising=False)
    code = commands.main(["--data", str(data), "geocode", "leipzig-schoenefeld", "--contact", "redaktion@example.org"])
    assert code == 0
    assert made == {"contact": "redaktion@example.org"}
    assert "Koordinaten 51.3661, 12.4102 eingetragen" in capsys.readouterr().out


def test_the_contact_comes_from_the_environment_or_the_impressum(tmp_path, monkeypatch, capsys):
    monkeypatch.delenv(geocode.CONTACT_ENV, raising=False)
    settings = "site_name: x\nextra:\n  linkshilft:\n    impressum:\n      email: kontakt@example.org\n"
    (tmp_path / "mkdocs.yml").write_text(settings + "hooks:\n  - !!python/name:os.getcwd\n", "utf-8")
    assert geocode.contact_from_settings(tmp_path) == "kontakt@example.org"
    monkeypatch.setenv(geocode.CONTACT_ENV, "env@example.org")
    assert geocode.contact_from_settings(tmp_path) == "env@example.org"
    monkeypatch.delenv(geocode.CONTACT_ENV)
    (tmp_path / "mkdocs.yml").write_text("site_name: x\n", "utf-8")
    data = tmp_path / "data"
    (data / "offices").mkdir(parents=True)
    assert geocode.run(data, []) == 2  # no contact: Nominatim's policy asks for one, so nothing is sent
    assert "Kontaktadresse" in capsys.readouterr().err


def test_a_comment_on_the_town_line_stays_there(data):
    path = office_file(data, "leipzig-schoenefeld")
    text = path.read_text("utf-8").replace("  town: Leipzig-Schönefeld\n", "  town: Leipzig-Schönefeld  # Ortsteil\n")
    path.write_text(text, "utf-8")
    geocode.run(data, ["leipzig-schoenefeld"], geocoder=FakeGeocoder())
    after = path.read_text("utf-8")
    assert "  town: Leipzig-Schönefeld  # Ortsteil\n  coordinates:\n    lat: 51.3661\n    lon: 12.4102\n\ndirections:" in after
    assert added_lines(text, after) == ["  coordinates:", "    lat: 51.3661", "    lon: 12.4102"]
