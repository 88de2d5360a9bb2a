"""The settings in mkdocs.yml (public/settings.py, schema/settings.schema.json): one test per message,
and settings and data problems reported together by `linkshilft validate` and by the build."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from linkshilft.problems import DataError
from linkshilft.public import settings
from linkshilft.public.edge import prepare

from tests.support import MKDOCS, ROOT, TODAY, project_copy, run

CONFIG_TEXT = (ROOT / "mkdocs.yml").read_text("utf-8")
CLI = [str(ROOT / ".venv" / "bin" / "linkshilft")] if (ROOT / ".venv" / "bin" / "linkshilft").exists() else ["linkshilft"]
IMPRESSUM = "nötig für das Impressum (§ 5 DDG)"
RESPONSIBLE = "nötig für die Angabe der inhaltlich verantwortlichen Person (§ 18 Abs. 2 MStV)"
HOSTING = "nötig für die Datenschutzerklärung (Art. 13 DSGVO: Empfänger der Server-Protokolle)"
MISSING = "Pflichtangabe fehlt oder ist leer – bitte in mkdocs.yml eintragen"
BROKEN_TIME = 'data/offices/leipzig/leipzig-basis.yaml:25: counselling.hours[0].start: "25:00" ist keine gültige Uhrzeit (HH:MM)'


def changed(old: str, new: str) -> str:
    assert old in CONFIG_TEXT, old
    return CONFIG_TEXT.replace(old, new, 1)


def messages(tmp_path: Path, config: str, name: str = "mkdocs.yml") -> list[str]:
    (tmp_path / name).write_text(config, "utf-8")
    return [str(problem) for problem in settings.check_file(tmp_path / name)]


def line_of(text: str, needle: str) -> int:
    return next(number for number, line in enumerate(text.splitlines(), 1) if needle in line)


def test_the_project_settings_are_complete():
    assert settings.check_file(ROOT / "mkdocs.yml") == []
    assert settings.check_file(ROOT / "mkdocs.internal.yml") == []  # inherits everything, adds internal: true


@pytest.mark.parametrize(
    ("line", "key", "purpose"),
    [
        ("      provider: DIE LINKE. Landesverband Sachsen (Beispielangaben)\n", "impressum.provider", IMPRESSUM),
        ('      phone: "0351 0000000"\n', "impressum.phone", IMPRESSUM),
        ("        name: Erika Beispiel\n", "impressum.content_responsible.name", RESPONSIBLE),
        ("      log_days: 7\n", "hosting.log_days", HOSTING),
    ],
)
def test_an_empty_required_value_names_file_line_and_key(tmp_path, line, key, purpose):
    emptied = line.split(":")[0] + ":   "
    config = changed(line, emptied + "\n")
    assert messages(tmp_path, config) == [
        f"mkdocs.yml:{line_of(config, emptied)}: extra.linkshilft.{key}: {MISSING} ({purpose})"
    ]


def test_a_missing_required_key_is_reported_at_its_group(tmp_path):
    config = changed("        name: Erika Beispiel\n", "")
    assert messages(tmp_path, config) == [
        f"mkdocs.yml:{line_of(config, 'content_responsible:')}: extra.linkshilft.impressum.content_responsible.name: "
        f"{MISSING} ({RESPONSIBLE})"
    ]


def test_a_missing_address_part_names_its_purpose(tmp_path):
    config = changed(
        "        address: {street: Beispielstraße 1, postcode: \"01067\", town: Dresden}\n",
        "        address: {street: Beispielstraße 1, town: Dresden}\n",
    )
    assert messages(tmp_path, config) == [
        f"mkdocs.yml:{line_of(config, '        address:')}: "
        f"extra.linkshilft.impressum.content_responsible.address.postcode: {MISSING} ({RESPONSIBLE})"
    ]


def test_a_missing_section_is_one_message_listing_its_keys(tmp_path):
    start, end = CONFIG_TEXT.index("    impressum:\n"), CONFIG_TEXT.index("    # Wer die Seite ausliefert")
    config = CONFIG_TEXT[:start] + CONFIG_TEXT[end:]
    assert messages(tmp_path, config) == [
        f"mkdocs.yml:{line_of(config, '  linkshilft:')}: extra.linkshilft.impressum: Abschnitt fehlt in mkdocs.yml oder "
        "enthält keine Angaben; nötig für das Impressum (§ 5 DDG): provider, address, represented_by, email, phone, "
        "content_responsible"
    ]
    without_block = [str(p) for p in settings.settings_problems(None)]
    assert without_block == [  # no extra.linkshilft at all: both sections, not one message per key
        "mkdocs.yml:1: extra.linkshilft.hosting: Abschnitt fehlt in mkdocs.yml oder enthält keine Angaben; "
        "nötig für die Datenschutzerklärung (Art. 13 DSGVO: Empfänger der Server-Protokolle): provider, address, log_days",
        "mkdocs.yml:1: extra.linkshilft.impressum: Abschnitt fehlt in mkdocs.yml oder enthält keine Angaben; "
        "nötig für das Impressum (§ 5 DDG): provider, address, represented_by, email, phone, content_responsible",
    ]


def test_the_section_messages_list_exactly_the_required_keys():
    block = json.loads((ROOT / "schema" / "settings.schema.json").read_text("utf-8"))["$defs"]["linkshilft"]
    for section, message in block["x-required-message"].items():
        assert message.endswith(": " + ", ".join(block["properties"][section]["required"])), section


@pytest.mark.parametrize(
    ("old", "new", "key", "message"),
    [
        (
            "email: kontakt@linke-beispiel.de",
            "email: kontakt(at)linke-beispiel.de",
            "impressum.email",
            '"kontakt(at)linke-beispiel.de" ist keine gültige E-Mail-Adresse',
        ),
        (
            'phone: "0351 0000000"',
            "phone: bitte anrufen",
            "impressum.phone",
            '"bitte anrufen" ist keine gültige Telefonnummer (z. B. "0341 1234567" oder "+49 341 1234567")',
        ),
        (
            '        address: {street: Beispielstraße 1, postcode: "01067"',
            '        address: {street: Beispielstraße 1, postcode: "1067"',
            "impressum.content_responsible.address.postcode",
            '"1067" ist keine gültige Postleitzahl (fünf Ziffern in Anführungszeichen) – meinten Sie "01067"?',
        ),
        (
            # MkDocs reads YAML 1.1: an unquoted 01067 is the octal number 567.
            '      address: {street: Beispielstraße 1, postcode: "01067"',
            "      address: {street: Beispielstraße 1, postcode: 01067",
            "impressum.address.postcode",
            '567 ist keine gültige Postleitzahl (fünf Ziffern in Anführungszeichen, z. B. "04229")',
        ),
        ("log_days: 7", "log_days: sieben", "hosting.log_days", '"sieben" muss eine ganze Zahl sein'),
        ("log_days: 7", "log_days: 0", "hosting.log_days", "0 ist zu klein (mindestens 1)"),
        ("log_days: 7", "log_days: 400", "hosting.log_days", "400 ist zu groß (höchstens 365)"),
        (
            "edit_base: https://github.com/linke-sachsen-beispiel/sprechstundenfinder/edit/main",
            "edit_base: http://beispiel.de/edit/main",
            "edit_base",
            '"http://beispiel.de/edit/main" ist keine gültige Internetadresse (muss mit https:// beginnen)',
        ),
        (
            "      email: kontakt@linke-beispiel.de",
            "      emial: kontakt@linke-beispiel.de",
            "impressum.emial",
            'unbekanntes Feld "emial" – meinten Sie "email"?',  # and no second message for the missing email
        ),
    ],
)
def test_malformed_values(tmp_path, old, new, key, message):
    config = changed(old, new)
    assert messages(tmp_path, config) == [f"mkdocs.yml:{line_of(config, new.strip())}: extra.linkshilft.{key}: {message}"]


def test_a_block_that_is_no_section(tmp_path):
    config = CONFIG_TEXT[: CONFIG_TEXT.index("  linkshilft:\n")] + "  linkshilft: ja\n\nextra_css:" + CONFIG_TEXT.split(
        "\nextra_css:", 1
    )[1]
    assert messages(tmp_path, config) == [
        f"mkdocs.yml:{line_of(config, 'linkshilft: ja')}: extra.linkshilft: \"ja\" muss ein Abschnitt mit Feldern sein"
    ]


def test_optional_values_may_be_missing_and_spaces_around_values_do_not_count(tmp_path):
    config = changed("      data_protection_officer:", "      # data_protection_officer:")
    config = config.replace("email: kontakt@linke-beispiel.de", 'email: "  kontakt@linke-beispiel.de "')
    assert "register" not in config and "vat_id" not in config
    assert messages(tmp_path, config) == []


def test_settings_inherited_from_the_parent_file_are_located_there(tmp_path):
    config = changed("email: kontakt@linke-beispiel.de", "email: ''")
    (tmp_path / "mkdocs.yml").write_text(config, "utf-8")
    internal = "INHERIT: mkdocs.yml\nsite_name: Intern\nextra:\n  linkshilft:\n    internal: true\n"
    internal += "    hosting:\n      log_days: 0\n"
    found = messages(tmp_path, internal, "mkdocs.internal.yml")
    assert found == [
        "mkdocs.internal.yml:7: extra.linkshilft.hosting.log_days: 0 ist zu klein (mindestens 1)",  # the child's value wins
        f"mkdocs.yml:{line_of(config, 'email:')}: extra.linkshilft.impressum.email: {MISSING} ({IMPRESSUM})",
    ]


def test_a_value_from_the_environment_counts_as_mkdocs_reads_it(tmp_path, monkeypatch):
    config = changed("email: kontakt@linke-beispiel.de", "email: !ENV [LINKSHILFT_TEST_EMAIL, '']")
    monkeypatch.setenv("LINKSHILFT_TEST_EMAIL", "kontakt@linke-beispiel.de")
    assert messages(tmp_path, config) == []
    monkeypatch.delenv("LINKSHILFT_TEST_EMAIL")
    assert messages(tmp_path, config) == [
        f"mkdocs.yml:{line_of(config, 'email:')}: extra.linkshilft.impressum.email: {MISSING} ({IMPRESSUM})"
    ]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (CONFIG_TEXT.replace("    hosting:\n", "    hosting\n", 1), "YAML-Syntaxfehler"),
        (CONFIG_TEXT + "broken: !!int zwei\n", "mkdocs.yml:1: Datei lässt sich nicht lesen (YAML prüfen)"),
    ],
)
def test_a_file_that_cannot_be_read_says_so(tmp_path, text, message):
    found = messages(tmp_path, text)
    assert len(found) == 1 and message in found[0]


def test_a_file_not_in_utf8(tmp_path):
    latin1 = CONFIG_TEXT.replace("Beispielstraße", "Beispielstra\udcdfe").encode("utf-8", "surrogateescape")
    (tmp_path / "mkdocs.yml").write_bytes(latin1)
    assert [str(p) for p in settings.check_file(tmp_path / "mkdocs.yml")] == [
        "mkdocs.yml:1: Datei ist nicht in UTF-8 gespeichert; bitte im Editor als UTF-8 speichern"
    ]


# --- settings and data together ---------------------------------------------------------------


def _broken_project(tmp_path: Path, base_data: Path) -> tuple[Path, str]:
    """A project whose mkdocs.yml lacks the Impressum's e-mail and whose data has an hour of 25:00."""
    project = project_copy(tmp_path / "project")
    config = changed("      email: kontakt@linke-beispiel.de\n", "      email:\n")
    (project / "mkdocs.yml").write_text(config, "utf-8")
    office = base_data / "offices" / "leipzig" / "leipzig-basis.yaml"
    office.write_text(office.read_text("utf-8").replace('start: "14:00"', 'start: "25:00"'), "utf-8")
    return project, f"mkdocs.yml:{line_of(config, '      email:')}: extra.linkshilft.impressum.email: {MISSING} ({IMPRESSUM})"


def test_validate_reports_settings_and_data_problems_together(tmp_path, base_data):
    project, settings_message = _broken_project(tmp_path, base_data)
    env = {"LINKSHILFT_DATA": str(base_data), "LINKSHILFT_TODAY": TODAY.isoformat()}
    result = run([*CLI, "validate"], env=env, cwd=project)
    assert result.returncode == 1
    assert result.stdout.splitlines() == [BROKEN_TIME, settings_message]
    assert "2 Fehler gefunden." in result.stderr
    elsewhere = run([*CLI, "validate", "--config", str(project / "mkdocs.yml")], env=env)  # from another folder
    assert elsewhere.stdout.splitlines() == [BROKEN_TIME, settings_message]


def test_validate_with_a_config_file_that_does_not_exist(tmp_path, base_data):
    result = run([*CLI, "validate", "--config", str(tmp_path / "fehlt.yml")], env={"LINKSHILFT_DATA": str(base_data)})
    assert result.returncode == 2
    assert result.stderr.strip() == f"Einstellungsdatei {tmp_path / 'fehlt.yml'} nicht gefunden."


@pytest.mark.build
def test_the_build_reports_settings_and_data_problems_together_and_writes_nothing(tmp_path, base_data):
    project, settings_message = _broken_project(tmp_path, base_data)
    result = run(
        [*MKDOCS, "build", "--strict", "--site-dir", str(tmp_path / "out")],
        env={"LINKSHILFT_DATA": str(base_data), "LINKSHILFT_TODAY": TODAY.isoformat()},
        cwd=project,
    )
    assert result.returncode != 0
    errors = [line.split("-  ", 1)[1] for line in result.stderr.splitlines() if line.startswith("ERROR")]
    assert errors == [BROKEN_TIME, settings_message]
    assert "2 Fehler in Daten oder Einstellungen – es wurde nichts gebaut." in result.stdout + result.stderr
    assert not (tmp_path / "out").exists()


LANGUAGES_LINE = "    languages: [de, en, uk, ru, ar, fa, vi]\n"


def test_a_language_without_catalogs_is_a_settings_error(tmp_path):
    """Its pages would be German under a Swedish address: the build stops and says how to add the catalogs."""
    config = changed(LANGUAGES_LINE, "    languages: [de, en, sv]\n")
    assert messages(tmp_path, config) == [
        f"mkdocs.yml:{line_of(config, 'languages:')}: extra.linkshilft.languages: "
        '"sv" hat keine Übersetzungskataloge in hooks/linkshilft/locale/sv/ – make translations legt sie an, dann übersetzen'
    ]


def test_the_languages_setting_is_the_one_the_data_check_uses(base_data):
    """A translation in the data into a language the setting does not name is an error, whatever catalogs exist."""
    settings_ = {"languages": ["de", "en"], "site_url": "https://sprechstunden.example/"}
    with pytest.raises(DataError) as raised:
        prepare(base_data.parent, settings_, TODAY)
    found = [str(problem) for problem in raised.value.problems]
    assert any(m.endswith('translations.uk: "uk" ist keine Sprache der Seite (eingerichtet: en)') for m in found), found
    with pytest.raises(DataError) as raised:
        prepare(base_data.parent, {**settings_, "languages": ["de"]}, TODAY)  # a German-only site
    found = [str(problem) for problem in raised.value.problems]
    assert any(m.endswith('translations.en: "en" ist keine Sprache der Seite (eingerichtet: nur Deutsch)') for m in found)
    every = {**settings_, "languages": ["de", "en", "uk", "ru", "ar", "fa", "vi"]}
    assert prepare(base_data.parent, every, TODAY)[1] == []  # every language translated, nothing missing
