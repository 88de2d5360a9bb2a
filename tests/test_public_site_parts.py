"""The parts of the public site agree: every page has a context builder, every address comes from
urls.py wherever it is written, and a view that serves many pages cannot be changed by one."""

from __future__ import annotations

import dataclasses

import pytest
from linkshilft.exports import open_data
from linkshilft.public import background, counts, urls, views
from linkshilft.public.site import CONTEXTS, TEMPLATE_DIR, PublicSite

SITE_URL = "https://sprechstunden.example/"


@pytest.fixture(scope="module")
def public(dataset) -> PublicSite:
    return PublicSite(dataset, {"site_url": SITE_URL})


def test_every_generated_page_has_a_context_builder_and_a_template(public):
    templates = {page.template for page in public.pages()}
    assert templates - CONTEXTS.keys() == set()  # a page without a builder would stop the build with a KeyError
    assert sorted(name for name in CONTEXTS if not (TEMPLATE_DIR / name).is_file()) == []


def test_an_office_has_one_address_on_its_page_notice_calendar_and_in_the_open_data(public, dataset):
    calendar_files = {path for path, _ in background.CalendarJob(dataset, SITE_URL, 30, 7).files()}
    sources = {page.src_uri for page in public.pages()}
    for office in dataset.public_offices():
        record = open_data.office_record(public, office)
        assert record["url"] == f"{SITE_URL}stellen/{office.id}/" == urls.office_url(SITE_URL, office.id)
        assert record["calendar_url"].removeprefix(SITE_URL) in calendar_files
        assert record["poster_url"] == f"{SITE_URL}stellen/{office.id}/aushang/"
        # MkDocs makes "stellen/x.md" the page "stellen/x/", and "stellen/x/aushang.md" its notice "stellen/x/aushang/"
        assert {f"stellen/{office.id}.md", f"stellen/{office.id}/aushang.md"} <= sources
        notice = public.render(next(p for p in public.pages() if p.template == "poster.html" and p.key == office.id), "x/")
        assert f"<!-- linkshilft:qr {record['url']} -->" in notice  # the QR code leads to the same page


def _mutable_parts(value, where: str) -> list[str]:
    """Where a view holds a list, dict or set (jsonld excepted: it goes to json.dumps as it is)."""
    if isinstance(value, (list, dict, set)):
        return [where]
    if dataclasses.is_dataclass(value):
        return [
            found
            for field in dataclasses.fields(value)
            if field.name != "jsonld"
            for found in _mutable_parts(getattr(value, field.name), f"{where}.{field.name}")
        ]
    if isinstance(value, tuple):
        return [found for index, item in enumerate(value) for found in _mutable_parts(item, f"{where}[{index}]")]
    return []


def test_office_views_are_frozen_through_and_through(public):
    offices = list(public._offices.values())
    assert offices and all(isinstance(o, views.OfficeView) for o in offices)
    assert [where for o in offices for where in _mutable_parts(o, o.id)] == []
    with pytest.raises(dataclasses.FrozenInstanceError):
        offices[0].name = "anders"  # type: ignore[misc]


def test_an_office_card_shows_the_first_of_the_dates_its_page_lists(public):
    for office in public._offices.values():
        assert len(office.next_dates) <= counts.OFFICE_PAGE_DATES
        assert office.card_dates == office.next_dates[: counts.OFFICE_CARD_DATES]
