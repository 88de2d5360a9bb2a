"""Legal pages: the sample Impressum, the lawyers list, and the pages in the session build (settings check: test_settings.py)."""

from __future__ import annotations

import copy
import datetime as dt

import pytest
import yaml
from bs4 import BeautifulSoup
from jinja2 import Environment, FileSystemLoader, select_autoescape
from linkshilft.labels import phone_uri
from linkshilft.public import legal
from linkshilft.public.site import TEMPLATE_DIR
from linkshilft.records import model as m

from tests.support import ROOT, SENTINEL_LAWYER, TODAY, article, built_pages, page, parse_html

LEGAL_PAGES = {
    "hinweise": "Hinweise zur Beratung",
    "impressum": "Impressum",
    "datenschutz": "Datenschutzerklärung",
    "barrierefreiheit": "Erklärung zur Barrierefreiheit",
    "leichte-sprache": "Sozial-Beratung in Leichter Sprache",
}
CONFIG_TEXT = (ROOT / "mkdocs.yml").read_text("utf-8")


def project_settings() -> dict:
    return yaml.safe_load(CONFIG_TEXT)["extra"]["linkshilft"]


def replaced(settings: dict, value, *path: str) -> dict:
    changed = copy.deepcopy(settings)
    group = changed
    for part in path[:-1]:
        group = group[part]
    group[path[-1]] = value
    return changed


# --- the settings (their check: tests/test_settings.py) -------------------------------------------


def test_sample_impressum_is_marked_as_invented():
    block = CONFIG_TEXT[CONFIG_TEXT.index("    impressum:") - 400 : CONFIG_TEXT.index("    hosting:")]
    assert "BEISPIELANGABEN" in block
    settings = project_settings()["impressum"]
    assert "Beispiel" in settings["provider"]
    assert settings["address"]["street"] == "Beispielstraße 1"
    assert settings["email"].endswith("@linke-beispiel.de")
    assert settings["phone"] == "0351 0000000"


# --- what the pages show ----------------------------------------------------------------------


def lawyer(id_, name, consent, qualification="volljuristin", until=dt.date(2027, 12, 31)):
    source = m.Source(f"data/lawyers/{id_}.yaml")
    return m.Lawyer(id_, name, qualification, dt.date(2025, 1, 1), until, m.Consent(consent), source)


def dataset_with(*lawyers) -> m.Dataset:
    return m.Dataset({}, {}, {}, {}, {law.id: law for law in lawyers}, {}, today=TODAY)


def test_lawyers_are_named_only_with_consent_and_only_while_their_agreement_is_valid():
    view = legal.lawyers_view(
        dataset_with(
            lawyer("a", "Anna Zeh", True, "rechtsanwaeltin"),
            lawyer("b", "Bernd Abel", True, "volljurist"),
            lawyer("c", "Carla Geheim", False),
            lawyer("d", "Dora Alt", True, until=TODAY - dt.timedelta(days=1)),
        )
    )
    assert view["named"] == ["Volljurist Bernd Abel", "Rechtsanwältin Anna Zeh"]  # by surname
    assert view["others"] == (
        "Außerdem leitet eine weitere Person mit Befähigung zum Richteramt an, die nicht namentlich genannt werden möchte."
    )
    assert view["count"] == 3


def test_lawyers_without_any_consent_are_only_counted():
    view = legal.lawyers_view(dataset_with(lawyer("c", "Carla Geheim", False), lawyer("e", "Emil Still", False)))
    assert view["named"] == []
    assert view["others"].startswith("Die Beratung leiten 2 Personen mit Befähigung zum Richteramt an")


def test_fill_blocks_escapes_settings_and_leaves_other_markers():
    env = Environment(loader=FileSystemLoader(TEMPLATE_DIR), autoescape=select_autoescape(default=True), trim_blocks=True)
    settings = replaced(project_settings(), "Büro <script>alert(1)</script>", "impressum", "provider")
    html = "<p>a</p>\n<!-- linkshilft:impressum -->\n<!-- linkshilft:office-list -->\n<!-- linkshilft:lawyers -->"
    filled = legal.fill_blocks(html, env, dataset_with(lawyer("a", "Anna Zeh", True)), settings)
    soup = BeautifulSoup(filled, "html.parser")
    assert soup.find("script") is None
    assert "Büro <script>alert(1)</script>" in soup.find("address").get_text()
    assert "<!-- linkshilft:office-list -->" in filled
    assert [li.get_text() for li in soup.select("ul.lh-lawyers li")] == ["Volljuristin Anna Zeh"]
    assert legal.fill_blocks("<p>nichts</p>", env, dataset_with(), settings) == "<p>nichts</p>"


# --- the session build ------------------------------------------------------------------------


@pytest.mark.parametrize(("url", "title"), LEGAL_PAGES.items())
def test_legal_page_exists_with_title_and_description(site, url, title):
    soup = page(site, url)
    assert soup.select_one("article h1").get_text(strip=True) == title
    front_matter = yaml.safe_load((ROOT / "content" / f"{url}.md").read_text("utf-8").split("---\n")[1])
    assert soup.find("meta", attrs={"name": "description"})["content"] == front_matter["description"]
    assert soup.title.get_text().startswith(front_matter["title"])
    assert "linkshilft:" not in soup.select_one("article").decode()  # every marker was filled


def test_every_page_links_to_each_legal_page_in_its_footer(site):
    for path in built_pages(site):
        footer = parse_html(path.read_text("utf-8")).select("footer nav.lh-footer-nav a:not(.lh-report-translation)")
        links = {a.get_text(strip=True): a["href"] for a in footer}
        if path.relative_to(site).parts[0] not in {"en", "uk", "ru", "ar", "fa", "vi"}:  # German; the others in theirs
            assert list(links) == ["Hinweise zur Beratung", "Leichte Sprache", "Impressum", "Datenschutz", "Barrierefreiheit"]
        assert len(links) == 5, path
        for href in links.values():
            target = site / href.lstrip("/") if href.startswith("/") else path.parent / href
            assert (target / "index.html").resolve().is_file(), (path, href)
    assert all(href.startswith("/") for href in links.values())  # the 404 page, shown at any depth


def test_nav_holds_hinweise_and_leichte_sprache_but_not_the_legal_pages(site):
    nav = {a.get_text(strip=True) for a in page(site, "").select("nav.md-nav--primary a[href]")}
    assert {"Hinweise zur Beratung", "Leichte Sprache"} <= nav
    assert not {"Impressum", "Datenschutzerklärung", "Erklärung zur Barrierefreiheit"} & nav


def test_hinweise_lists_the_supervising_lawyers_named_with_consent(site, dataset):
    body = article(site, "hinweise")
    named = [li.get_text(strip=True) for li in body.select("ul.lh-lawyers li")]
    assert named == legal.lawyers_view(dataset)["named"]
    consenting = [law for law in dataset.lawyers.values() if law.public_name and law.valid_on(TODAY)]
    assert consenting and all(law.public_name in " ".join(named) for law in consenting)
    unnamed = sum(1 for law in dataset.lawyers.values() if law.valid_on(TODAY) and not law.public_name)
    assert unnamed >= 2  # the sample's lawyer without consent, and the sentinel
    assert f"Außerdem leiten {unnamed} weitere Personen" in body.get_text(" ")
    assert SENTINEL_LAWYER not in body.get_text()


def test_hinweise_says_what_counselling_is_and_is_not(site):
    text = article(site, "hinweise").get_text(" ", strip=True)
    for phrase in (
        "kostenlos",
        "vertraulich",
        "kein Mitglied",
        "§ 6 Abs. 2 RDG",
        "vertreten Sie nicht vor Gericht",
        "kein Ergebnis versprechen",
        "einen Monat",
        "Beratungshilfe",
        "Amtsgericht",
    ):
        assert phrase in text, phrase
    # Liability: never a blanket exclusion (void under § 309 Nr. 7 BGB).
    assert "vorsätzlich oder grob fahrlässig" in text
    assert "Verletzung des Lebens, des Körpers oder der Gesundheit" in text
    for blanket in ("keine Haftung", "jede Haftung", "Haftung ist ausgeschlossen", "Haftung ausgeschlossen"):
        assert blanket not in text


def test_office_pages_link_to_hinweise(site, dataset):
    office = dataset.public_offices()[0]
    links = [a["href"] for a in article(site, f"stellen/{office.id}").find_all("a", string="Hinweise zur Beratung")]
    assert links == ["../../hinweise/"]


def test_impressum_shows_every_setting(site):
    settings = project_settings()["impressum"]
    body = article(site, "impressum")
    provider, responsible = (a.get_text("\n", strip=True).splitlines() for a in body.find_all("address"))
    address = settings["address"]
    assert provider == [settings["provider"], address["street"], f"{address['postcode']} {address['town']}"]
    person = settings["content_responsible"]
    assert responsible == [
        person["name"],
        person["address"]["street"],
        f"{person['address']['postcode']} {person['address']['town']}",
    ]
    assert settings["represented_by"] in body.get_text()
    assert body.select_one(f'a[href="mailto:{settings["email"]}"]').get_text() == settings["email"]
    assert body.select_one(f'a[href="{phone_uri(settings["phone"])}"]').get_text() == settings["phone"]
    assert "§ 5" in body.get_text() and "§ 18 Abs. 2" in body.get_text()


def test_datenschutz_names_controller_host_retention_rights_and_authority(site):
    settings = project_settings()
    body = article(site, "datenschutz")
    text = body.get_text(" ", strip=True)
    assert settings["impressum"]["provider"] in body.find("address").get_text()
    assert settings["hosting"]["provider"] in text
    assert f"nach {settings['hosting']['log_days']} Tagen gelöscht" in text
    for right in ("Art. 15", "Art. 16", "Art. 17", "Art. 18", "Art. 20", "Art. 21", "Art. 77"):
        assert right in text, right
    authority = body.find_all("address")[-1].get_text(" ", strip=True)
    assert authority == "Die Sächsische Datenschutz- und Transparenzbeauftragte Devrientstraße 5 01067 Dresden"
    assert "keine Cookies" in text


def test_barrierefreiheit_has_status_method_gaps_and_feedback_contact(site):
    body = article(site, "barrierefreiheit")
    headings = [h.get_text(strip=True) for h in body.find_all("h2")]
    assert headings == [
        "Stand der Vereinbarkeit mit den Anforderungen",
        "Wie wir prüfen",
        "Bekannte Mängel",
        "Barrieren melden: Kontakt",
        "Durchsetzungsverfahren",
        "Erstellung dieser Erklärung",
    ]
    text = body.get_text(" ", strip=True)
    assert "WCAG" in text and "2.1" in text and "axe-core" in text
    assert body.select_one(f'a[href="mailto:{project_settings()["impressum"]["email"]}"]')


def test_leichte_sprache_uses_short_sentences(site):
    paragraphs = [p.get_text(" ", strip=True) for p in article(site, "leichte-sprache").find_all("p")]
    assert len(paragraphs) > 30
    for text in paragraphs:
        assert len(text.split()) <= 12, text  # one statement per line
