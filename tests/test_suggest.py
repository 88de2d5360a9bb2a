""""Meinten Sie …?": the editor's own value corrected, and nothing guessed where two fixes would fit."""

from __future__ import annotations

import pytest
from linkshilft.records import suggest


@pytest.mark.parametrize(
    ("written", "meant"),
    [("14.30", "14:30"), ("9:00", "09:00"), ("„14:00“", "14:00"), ("2 pm", "14:00"), ("12 am", "00:00"),
     ("14 Uhr", "14:00"), ("14h30", "14:30"), ("14", None), ("25:00", None), ("13 pm", None), ("vormittags", None)],
)  # fmt: skip
def test_times(written, meant):
    assert suggest.time(written) == meant


@pytest.mark.parametrize(
    ("written", "meant"),
    [("29.11.2026", "2026-11-29"), ("1.2.2027", "2027-02-01"), ("2026-1-5", "2026-01-05"), ("30.02.2026", None),
     ("11/29/2026", None)],
)  # fmt: skip
def test_dates(written, meant):
    assert suggest.date(written) == meant


@pytest.mark.parametrize(
    ("written", "meant"), [("1169", "01169"), ("4229", "04229"), ("0422", None), ("04229", None), ("123456", None)]
)
def test_postcodes(written, meant):
    assert suggest.postcode(written) == meant


@pytest.mark.parametrize(
    ("written", "meant"),
    [(2, "tuesday"), (7, "sunday"), (0, None), ("Dienstag", "tuesday"), ("dienstags", "tuesday"), ("Di", "tuesday"),
     ("So", "sunday"), ("Tuesday", "tuesday"), ("mitwoch", "wednesday"), ("Feiertag", None)],
)  # fmt: skip
def test_weekdays(written, meant):
    assert suggest.weekday(written) == meant


HINTS = suggest.Hints(
    names={
        "topics": {"miete": "Miete und Nebenkosten", "buergergeld": "Bürgergeld und Grundsicherung"},
        "counsellors": {"petrenko-olena": "Olena Petrenko", "petrenko-ivan": "Ivan Petrenko"},
    }
)


@pytest.mark.parametrize(
    ("written", "kind", "meant"),
    [("mieten", "topics", "miete"), ("Miete", "topics", "miete"), ("Bürgergeld", "topics", "buergergeld"),
     ("Olena Petrenko", "counsellors", "petrenko-olena"), ("olena-petrenko", "counsellors", "petrenko-olena"),
     ("Petrenko", "counsellors", None), ("wohngeld", "topics", None)],
)  # fmt: skip
def test_ids_by_spelling_name_and_typo(written, kind, meant):
    assert suggest.known_id(written, kind, HINTS) == meant
