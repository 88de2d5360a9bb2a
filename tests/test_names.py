"""Names of persons without consent must not reach a public free-text field, however they are
written: in capitals, in the genitive, as part of a double name, with the first name."""

from __future__ import annotations

import pytest
from linkshilft.records.pipeline import load_dataset

from tests.support import TODAY

MESSAGE = 'counselling.hours[0].note: nennt "ohne-einwilligung" mit Namen, doch für diese Person liegt keine Einwilligung'


def _with_note(base_data, note: str, name: str | None = None) -> list[str]:
    office = base_data / "offices" / "leipzig" / "leipzig-basis.yaml"
    text = office.read_text("utf-8").replace('      end: "16:00"\n', f'      end: "16:00"\n      note: "{note}"\n')
    office.write_text(text, "utf-8")
    if name is not None:
        person = base_data / "counsellors" / "ohne-einwilligung.yaml"
        person.write_text(person.read_text("utf-8").replace("name: Waltraud Verschwiegen", f"name: {name}"), "utf-8")
    return [str(problem) for problem in load_dataset(base_data, TODAY)[1]]


@pytest.mark.parametrize(
    "note",
    [
        "mit Waltraud Verschwiegen",
        "Beratung: Frau VERSCHWIEGEN",
        "Frau verschwiegen berät",
        "Verschwiegens Sprechstunde",
        "Verschwiegen’s Sprechstunde",
        "mit Waltraud  Verschwiegen",
    ],
)
def test_name_without_consent_is_found_in_any_case_and_inflection(base_data, note):
    messages = _with_note(base_data, note)
    assert len(messages) == 1 and MESSAGE in messages[0], messages


@pytest.mark.parametrize(
    "note",
    [
        "Frau Verschwiegen-Stille berät",
        "Frau Stille berät",
        "bei Waltraud Verschwiegen",
        "Stilles Sprechstunde",
        "VERSCHWIEGEN STILLE",
    ],
)
def test_double_names_and_surname_first_are_found(base_data, note):
    messages = _with_note(base_data, note, name='"Verschwiegen-Stille, Waltraud"')
    assert len(messages) == 1 and MESSAGE in messages[0], messages


@pytest.mark.parametrize("note", ["mit Dolmetscherin", "Verschwiegenheit ist selbstverständlich", "bitte still sein", "Waltraud"])
def test_other_words_are_not_names(base_data, note):
    assert _with_note(base_data, note, name='"Verschwiegen-Stille, Waltraud"') == []


def test_references_to_the_person_are_not_free_text(base_data):
    """counselling.counsellors lists "ohne-einwilligung" by id: that is how consent is checked, not a leak."""
    assert _with_note(base_data, "Termine nach Absprache", name="Einwilligung Ohne") == []
