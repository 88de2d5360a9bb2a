"""The view models in another language: what the data translates is in that language, what it does not
is German and says so (`*_lang == "de"`, for lang="de" on the page), dates are the language's, and the
languages an office counsels in are named in themselves on every page."""

from __future__ import annotations

import dataclasses

import pytest
from linkshilft import languages
from linkshilft.public import views
from linkshilft.public.site import PublicSite

OFFICE = "leipzig-plagwitz"  # counsels in de, uk, ru; district Leipzig; sample data


def _view(public, dataset):
    # PublicSite makes its views once, in German, when it starts; here one is made inside `active()`.
    return public._office_view(dataset.offices[OFFICE])


@pytest.fixture(scope="module")
def public(dataset):
    return PublicSite(dataset, {"site_url": "https://sprechstunden.example/"})


def test_an_office_in_ukrainian(public, dataset):
    german = _view(public, dataset)
    with languages.active("uk"):
        office = _view(public, dataset)
    assert (office.district_name, office.district_name_lang) == ("Лейпциг", None)
    first = dataset.offices[OFFICE].counselling.topics[0]
    assert office.topics[0] == views.TopicLink(first, dataset.topics[first].translations["uk"]["name"], None)
    assert office.languages == german.languages == ("Deutsch", "українська", "русский")
    assert office.language_codes == ("de", "uk", "ru")
    assert office.next_dates[0].start == german.next_dates[0].start
    weekday = ("понеділок", "вівторок", "середа", "четвер", "пʼятниця", "субота", "неділя")
    assert office.next_dates[0].day.split(",")[0] in weekday
    assert "Uhr" not in office.next_dates[0].time and "Uhr" in german.next_dates[0].time
    assert all(rhythm.startswith("по ") for rhythm in office.rhythms), office.rhythms


def test_german_stays_german_and_unmarked(public, dataset):
    office = _view(public, dataset)
    assert (office.district_name, office.district_name_lang) == ("Leipzig", None)
    assert all(topic.name_lang is None for topic in office.topics)
    assert {t.name for t in views.topic_counts(dataset, [office])} == {t.name for t in dataset.topics.values()}


def test_a_missing_translation_falls_back_to_german_marked_as_german(dataset):
    topic = next(iter(dataset.topics.values()))
    bare = dataclasses.replace(topic, translations={k: v for k, v in topic.translations.items() if k != "fa"})
    district = next(iter(dataset.districts.values()))
    bare_district = dataclasses.replace(district, translations={})
    with languages.active("fa"):
        assert views.topic_link(bare) == views.TopicLink(topic.id, topic.name, "de")
        assert views.district_name(bare_district) == (district.name, "de")
        assert views.district_name(district) == (district.translations["fa"]["name"], None)
        counted = views.topic_counts(dataclasses.replace(dataset, topics={topic.id: bare}), [])
    assert (counted[0].name, counted[0].name_lang, counted[0].description_lang) == (topic.name, "de", "de")


@pytest.mark.parametrize(
    ("code", "name"),
    [("uk", "українська"), ("ar", "العربية"), ("fa", "فارسی"), ("ru", "русский"), ("vi", "Tiếng Việt"), ("tr", "Türkçe")],
)
def test_languages_are_named_in_themselves(code, name):
    assert languages.endonym(code) == name
    with languages.active("ar"):
        assert languages.endonym(code) == name  # not in the page's language


def test_a_code_cldr_lacks_keeps_its_german_name():
    assert languages.endonym("xq", "Beispielsprache") == "Beispielsprache"
    assert languages.endonym("xq") == "xq"


def test_translated_district_topic_and_district_dates_pages_have_titles_in_their_language(dataset, monkeypatch):
    """Title and description (<title>, meta description, search engines) as the page body: the data's
    translation, German only where the data has none."""
    monkeypatch.setattr("linkshilft.public.site.FULL_LIST_MAX", 0)  # one page of dates per district
    settings = {"site_url": "https://sprechstunden.example/", "languages": ["de", "uk", "ar"]}
    pages = {page.src_uri: page for page in PublicSite(dataset, settings).pages()}
    leipzig, topic = dataset.districts["leipzig"], next(iter(dataset.topics.values()))
    uk, ar = leipzig.translations["uk"]["name"], topic.translations["ar"]
    district = pages["uk/kreise/leipzig.md"]
    assert district.title == uk and uk in district.description and "Leipzig" not in district.description
    dates = pages["uk/termine/leipzig.md"]
    assert uk in dates.title and uk in dates.description and "Leipzig" not in dates.title + dates.description
    assert (pages[f"ar/themen/{topic.id}.md"].title, pages[f"ar/themen/{topic.id}.md"].description) == (
        ar["name"],
        ar["description"],
    )
    german = pages[f"themen/{topic.id}.md"]
    assert (german.title, german.description) == (topic.name, topic.description)


def test_translated_district_and_topic_pages_have_their_heading_and_text_in_their_language(dataset):
    """The heading (and a topic's description) as the title: the data's translation, German marked lang="de"."""
    site = PublicSite(dataset, {"site_url": "https://sprechstunden.example/", "languages": ["de", "ar"]})
    pages = {page.src_uri: page for page in site.pages()}
    leipzig, topic = dataset.districts["leipzig"], next(iter(dataset.topics.values()))
    district = site.render(pages["ar/kreise/leipzig.md"], "ar/kreise/leipzig/")
    assert f"<h1>{leipzig.translations['ar']['name']}</h1>" in district
    html = site.render(pages[f"ar/themen/{topic.id}.md"], f"ar/themen/{topic.id}/")
    assert f"<h1>{topic.translations['ar']['name']}</h1>\n<p>{topic.translations['ar']['description']}</p>" in html
    assert f"<h1>{topic.name}</h1>" in site.render(pages[f"themen/{topic.id}.md"], f"themen/{topic.id}/")
    untranslated = dataclasses.replace(leipzig, translations={})
    dataset.districts["leipzig"] = untranslated
    try:
        assert '<h1 lang="de">Leipzig</h1>' in site.render(pages["ar/kreise/leipzig.md"], "ar/kreise/leipzig/")
    finally:
        dataset.districts["leipzig"] = leipzig
