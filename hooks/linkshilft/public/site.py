"""The public site's generated pages: which exist, and their HTML.

Python computes everything a page shows (the view models of views.py); the Jinja
templates in site_overrides/linkshilft/ only lay it out. CONTEXTS says, for each
template, which view models its page gets. Autoescaping is on and no data
value is ever marked safe. Links inside generated HTML are relative to the page, so
the site works from any base path and from the file system.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

from linkshilft import geo, languages, package_files
from linkshilft.exports import calendars
from linkshilft.labels import LANGUAGE_NAMES
from linkshilft.public import (
    background,
    counts,
    dates_page,
    dates_texts,
    finder,
    finder_texts,
    poster,
    qr,
    resting,
    search_index,
    translated,
    urls,
    views,
)
from linkshilft.records import model as m
from linkshilft.schedule import dates, wording
from linkshilft.sinks import script_json, theme_html

TEMPLATE_DIR = package_files.folder("templates")
_ = languages.Domain("seiten").gettext
FULL_LIST_MAX = 200  # longer lists (start page, topic pages) become a list of districts: a phone must load it


@dataclass(frozen=True)
class GeneratedPage:
    src_uri: str  # e.g. "stellen/leipzig-plagwitz.md" → /stellen/leipzig-plagwitz/
    title: str
    description: str
    template: str
    key: str = ""  # the record the page is about
    front_matter: tuple[tuple[str, object], ...] = ()  # more page meta, e.g. (("search", {"exclude": True}),)
    language: str = languages.SOURCE  # rendered inside languages.active(language)

    @property
    def markdown(self) -> str:
        # The theme prints title and description unescaped, so page meta holds them as HTML (sinks.py).
        # JSON strings are valid YAML scalars: titles with colons or quotes stay intact.
        title, description = (json.dumps(theme_html(text), ensure_ascii=False) for text in (self.title, self.description))
        more = "".join(f"{key}: {json.dumps(value, ensure_ascii=False)}\n" for key, value in self.front_matter)
        return f"---\ntitle: {title}\ndescription: {description}\n{more}---\n"


def template_environment(template_dir: Path = TEMPLATE_DIR) -> Environment:
    """Jinja for generated pages: everything escaped, unknown names are errors, not blanks.
    Texts are marked with Jinja's i18n extension and looked up in the catalog `seiten` in the active
    language (languages.py); newstyle: placeholders are escaped, the catalog's own markup is trusted."""
    env = Environment(
        loader=FileSystemLoader(template_dir),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        extensions=["jinja2.ext.i18n"],
    )
    env.policies["ext.i18n.trimmed"] = True  # a {% trans %} over several lines is one sentence in the catalog
    pages = languages.Domain("seiten")
    env.install_gettext_callables(pages.gettext, pages.ngettext, newstyle=True, pgettext=pages.pgettext)
    env.filters["script_json"] = script_json  # JSON inside <script>: the one way (sinks.py)
    env.filters["ltr"] = translated.ltr  # postcodes, phones, times: left to right inside right-to-left text
    env.filters["isolated"] = translated.isolated  # distances: their own direction inside right-to-left text
    env.filters["german"] = translated.german_text  # editors' notes inside translated sentences
    env.filters["words"] = wording.list_words  # topics and languages as a list in the page's language
    env.globals.update(de=translated.german, ltr_attr=translated.ltr_attribute)
    env.globals["dates_texts"] = dates_texts.texts  # linkshilft.js's words in the page's language
    return env


class PublicSite:
    def __init__(self, dataset: m.Dataset, settings: dict | None = None, template_dir: Path = TEMPLATE_DIR):
        self.data = dataset
        self.settings = settings or {}
        self.env = template_environment(template_dir)
        last_day = dataset.today + dt.timedelta(days=counts.CALENDAR_DAYS)
        self._calendar = {
            o.id: dates.occurrences(o.counselling, dataset.closures, dataset.today, last_day) for o in dataset.public_offices()
        }
        # Offices without coordinates stand at the centre of their postcode area (office.html says so).
        self._locations = {o.id: geo.office_location(o, geo.postcode_centroids()) for o in dataset.public_offices()}
        self._nearby = geo.nearest_others({key: loc.point for key, loc in self._locations.items() if loc}, counts.NEARBY_OFFICES)
        # The internal site (extra.linkshilft.internal) is for the coordination: German pages only. Its
        # `languages` stay the public site's, inherited: the shared data's translations are checked against them.
        self.languages = languages.site_languages(self.settings)[: 1 if self.settings.get("internal") else None]
        self._views: dict[str, dict[str, views.OfficeView]] = {}  # per language: _offices
        self._resting_views: dict[str, dict[str, views.RestingOfficeView]] = {}
        self._jsonld: dict[str, dict] = {}  # each office's schema.org data, the same in every language
        self.background = background.Background()  # calendars and QR codes: start_background()

    @property
    def _offices(self) -> dict[str, views.OfficeView]:
        """The office views in the active language (their rhythms and dates are text in it), made once each."""
        code = languages.current().code
        if code not in self._views:
            self._views[code] = {o.id: self._office_view(o) for o in self.data.public_offices()}
        return self._views[code]

    @property
    def _resting(self) -> dict[str, views.RestingOfficeView]:
        """Resting offices: a page only, offered nowhere (resting.py); in the active language."""
        code = languages.current().code
        if code not in self._resting_views:
            self._resting_views[code] = resting.office_views(self.data, self._locations, self._edit_url)
        return self._resting_views[code]

    def pages(self) -> list[GeneratedPage]:
        """The German pages with their notices, then the same pages in each other language (translated.py)."""
        pages = self._language_pages() + self._poster_pages()
        for language in self.languages[1:]:
            with languages.active(language.code):
                # with the finder: main.html asks for its scripts and stylesheet from the <head> (content.FINDER_META)
                finder_meta = (("linkshilft_finder", True),)
                start = GeneratedPage("index.md", *translated.start_texts(), translated.START_TEMPLATE, front_matter=finder_meta)
                summaries = [GeneratedPage(*texts) for texts in translated.summaries()]
                pages += translated.pages_in(language, [start, *summaries, *self._language_pages()])
        return pages

    def _language_pages(self) -> list[GeneratedPage]:
        """The pages that exist in every language, made in the active one (titles and descriptions)."""
        pages = [
            GeneratedPage(
                urls.DISTRICTS_SOURCE,
                _("Beratung in den Kreisen"),
                _("Sozialsprechstunden nach Landkreisen und kreisfreien Städten in Sachsen."),
                "districts.html",
            ),
            GeneratedPage(
                urls.dates_source(),
                _("Alle Termine der nächsten vier Wochen"),
                _("Alle Sozialsprechstunden in Sachsen in den nächsten vier Wochen, nach Tagen geordnet."),
                "dates.html",
            ),
            GeneratedPage(
                urls.TOPICS_SOURCE,
                _("Beratungsthemen"),
                _("Worum es in der Sozialberatung geht: alle Themen mit ihren Beratungsstellen."),
                "topics.html",
            ),
        ]
        if len(self._offices) > FULL_LIST_MAX:  # "Alle Termine" would be megabytes: one page per district
            for district in self.data.districts.values():
                where = translated.in_district(views.district_name(district)[0], poster.district_heading(district))
                title = _("Termine %(where)s") % {"where": where}
                description = _("Alle Sozialsprechstunden %(where)s in den nächsten vier Wochen.") % {"where": where}
                pages.append(GeneratedPage(urls.dates_source(district.id), title, description, "dates.html", district.id))
        for office in self._offices.values():
            where = {"town": office.address.town, "hours": office.rhythm_summary}
            pages.append(
                GeneratedPage(
                    urls.office_source(office.id),
                    office.name,
                    _("Kostenlose Sozialsprechstunde in %(town)s: %(hours)s") % where,
                    "office.html",
                    office.id,
                    (("search", {"exclude": True}),),  # one entry per office instead: search_index.py
                )
            )
        for key, view in self._resting.items():
            meta = (("search", {"exclude": True}),)
            source = urls.office_source(key)
            pages.append(GeneratedPage(source, view.name, resting.description(view), resting.TEMPLATE, key, meta))
        for district in self.data.districts.values():
            name = views.district_name(district)[0]  # German where the data has no translation
            pages.append(
                GeneratedPage(
                    urls.district_source(district.id),
                    name,
                    _("Sozialsprechstunden im Kreis %(district)s.") % {"district": name},
                    "district.html",
                    district.id,
                )
            )
        for topic in self.data.topics.values():
            description = languages.localized(topic.description, topic.translations, "description")[0]
            name = views.topic_link(topic).name
            pages.append(GeneratedPage(urls.topic_source(topic.id), name, description, "topic.html", topic.id))
        return pages

    def _poster_pages(self) -> list[GeneratedPage]:
        """The printable notices: out of the search index, without sidebars, with the print stylesheet."""
        meta = (("template", "aushang.html"), ("search", {"exclude": True}), ("hide", ["navigation", "toc"]))
        pages = [
            GeneratedPage(
                urls.office_poster_source(office.id),
                f"Aushang: {office.name}",
                f"Aushang zum Ausdrucken (A4) mit QR-Code: Kostenlose Sozialsprechstunde in {office.address.town}.",
                "poster.html",
                office.id,
                meta,
            )
            for office in self._offices.values()
        ]
        pages += [
            GeneratedPage(
                urls.district_poster_source(district.id),
                f"Aushang: {district.name}",
                f"Aushang zum Ausdrucken (A4) mit allen Sozialsprechstunden {poster.district_heading(district)}.",
                "district_poster.html",
                district.id,
                meta,
            )
            for district in self._districts_with_offices()
        ]
        return pages

    def _districts_with_offices(self) -> list[m.District]:
        """The districts that get a notice (and so a QR code)."""
        return [district for district in self.data.districts.values() if self._offices_in(district.id)]

    # --- calendars and the notices' QR codes: made in other processes while pages render ---
    def start_background(self, site_dir: Path) -> None:
        """Starts the calendar files (into `site_dir`) and the notices' QR codes; see background.py."""
        site_url = self._site_url()
        codes = tuple(language.code for language in self.languages)
        job = background.CalendarJob(self.data, site_url, counts.CALENDAR_DAYS, counts.DATES_PAGE_DAYS, self._calendar, codes)
        pages = [urls.office_url(site_url, key) for key in self._offices]
        pages += [urls.district_url(site_url, district.id) for district in self._districts_with_offices()]
        self.background.start(site_dir, job, pages)

    def render(self, page: GeneratedPage, page_url: str) -> str:
        with languages.active(page.language):
            today = views.day(self.data.today)
            context = {**translated.roots(page_url, self.languages), "today": today, "settings": self.settings}
            context.update(CONTEXTS[page.template](self, page.key, today))
            return self.env.get_template(page.template).render(context)

    # Each takes the page's key (the record it is about) and the build day; CONTEXTS below names them.
    def _office_context(self, key: str, today: views.Day) -> dict:
        return {"office": self._offices.get(key) or self._resting[key]}

    def _district_context(self, key: str, today: views.Day) -> dict:
        name, name_lang = views.district_name(self.data.districts[key])
        return {"district": self.data.districts[key], "name": name, "name_lang": name_lang, "offices": self._offices_in(key)}

    def _topic_context(self, key: str, today: views.Day) -> dict:
        offering = [o for o in self._offices.values() if key in o.topic_ids]
        topic = self.data.topics[key]  # name and description in the page's language, else German (lang="de")
        description, description_lang = languages.localized(topic.description, topic.translations, "description")
        texts = {"topic": views.topic_link(topic), "description": description, "description_lang": description_lang}
        return {**texts, **self._list_or_districts(offering)}

    def _districts_context(self, key: str, today: views.Day) -> dict:
        return {"districts": views.district_counts(self.data, self._offices.values())}

    def _topics_context(self, key: str, today: views.Day) -> dict:
        return {"topics": views.topic_counts(self.data, list(self._offices.values()))}

    def _poster_context(self, key: str, today: views.Day) -> dict:
        return {"poster": poster.office_poster(self._offices[key], self._site_url(), today, qr.placeholder)}

    def _district_poster_context(self, key: str, today: views.Day) -> dict:
        district, offices = self.data.districts[key], self._offices_in(key)
        return {"poster": poster.district_poster(district, offices, self._site_url(), today, qr.placeholder)}

    def _dates_context(self, key: str, today: views.Day) -> dict:
        """All dates, or past FULL_LIST_MAX offices the districts (and then one page of dates each)."""
        district = self.data.districts.get(key)
        if district is None and len(self._offices) > FULL_LIST_MAX:
            return {"days": [], "district": None, "districts": views.district_counts(self.data, self._offices.values())}
        ids = [o.id for o in self._offices_in(key)] if district else None
        days = dates_page.dates_by_day(self._calendar, self._offices, self.data.today, counts.DATES_PAGE_DAYS, ids)
        where = translated.in_district(views.district_name(district)[0], poster.district_heading(district)) if district else None
        return {"days": days, "district": where, "districts": []}

    def search_entries(self) -> dict[str, list[dict]]:
        """The offices' search entries of each language, by its prefix ("" German, "uk/"): one index each."""
        entries = {}
        for language in self.languages:
            with languages.active(language.code):
                entries[language.prefix] = [search_index.office_entry(o, language.prefix) for o in self._offices.values()]
        return entries

    def static_files(self) -> list[tuple[str, bytes]]:
        """Files beside the pages that the build's own process writes: the finder's data.
        The calendars are written by start_background() and background.finish()."""
        return self.finder_data.files

    @functools.cached_property
    def finder_data(self) -> finder.FinderData:
        held = {office_id: taking_place for office_id, (taking_place, _) in self._calendar.items()}
        return finder.finder_files(self.data, held, self._locations, geo.postcode_centroids())

    def render_finder(self, page_url: str, hints_page: bool) -> str:
        """The start page's finder form in the active language; finder.js shows it and fills in the results
        (no JavaScript: hidden)."""
        context = {**translated.roots(page_url, self.languages), **self._finder_context(hints_page)}
        return self.env.get_template("finder.html").render(context)

    def _finder_context(self, hints_page: bool) -> dict:
        """Languages are named in their own script (CLDR), as the visitor looks for hers; the finder's own
        words come as data in the active language (finder_texts.py), with how many offices counsel in it."""
        code = languages.current().code
        own = None if code == languages.SOURCE else {"code": code, "name": languages.current().name}
        return {
            "versions": self.finder_data.versions,
            "topics": [views.topic_link(t) for t in self.data.topics.values()],
            "languages": finder.languages_offered(self.data, _endonyms(self.data)),
            "texts": finder_texts.texts(code, own and {**own, "count": finder.counselling_in(self.data, code)}),
            "hints_page": hints_page,
        }

    def render_office_list(self, page_url: str) -> str:
        """The start page's list by district, what people without JavaScript get: every office, or the districts."""
        context = {**translated.roots(page_url, self.languages), "today": views.day(self.data.today)}
        context.update(self._list_or_districts(list(self._offices.values())))
        return self.env.get_template("office_list.html").render(context)

    def _start_context(self, key: str, today: views.Day) -> dict:
        """A translated start page (translated.py): the finder and the office list, as on the German one."""
        return {**self._finder_context(hints_page=True), **self._list_or_districts(list(self._offices.values()))}

    # --- view models ---------------------------------------------------------------
    def _offices_in(self, district_id: str) -> list[views.OfficeView]:
        return [o for o in self._offices.values() if o.district_id == district_id]

    def _list_or_districts(self, offices: list[views.OfficeView]) -> dict:
        """Every office by district, or, past FULL_LIST_MAX, the districts with their counts."""
        if len(offices) > FULL_LIST_MAX:
            return {"groups": [], "districts": views.district_counts(self.data, offices)}
        return {"groups": views.district_groups(self.data, offices), "districts": []}

    def _office_view(self, office: m.Office) -> views.OfficeView:
        if office.id not in self._jsonld:  # German data for the German page: once, not once per language
            german_url = urls.office_url(self._site_url(), office.id)
            self._jsonld[office.id] = calendars.event_schedule_jsonld(office, self._calendar[office.id][1], german_url)
        return views.office_view(
            self.data,
            office,
            self._calendar[office.id],
            nearby=self._nearby.get(office.id, ()),
            # the page in the active language: its calendar files (webcal) lie beside it
            page_url=urls.absolute(self._site_url(), languages.current().prefix + urls.office(office.id)),
            edit_url=self._edit_url(office),
            jsonld=self._jsonld[office.id],
        )

    def _site_url(self) -> str:
        return urls.site_url(self.settings)

    @property
    def calendar(self) -> dict[str, tuple[list[dates.Occurrence], list[dates.Cancellation]]]:
        """Each public office's held and cancelled hours from today on, counts.CALENDAR_DAYS ahead (for the downloads)."""
        return self._calendar

    def _edit_url(self, office: m.Office) -> str | None:
        base = self.settings.get("edit_base")
        return f"{base.rstrip('/')}/{office.source.path}" if base else None


def _endonyms(dataset: m.Dataset) -> dict[str, str]:
    """Each counselling language's name in its own script (CLDR): "українська", "العربية"."""
    codes = {code for office in dataset.public_offices() for code in office.counselling.languages}
    return {code: languages.endonym(code, LANGUAGE_NAMES.get(code)) for code in codes}  # as office pages name them (views.py)


# Which view models each template's page gets: one entry per template of GeneratedPage.
CONTEXTS: dict[str, Callable[[PublicSite, str, views.Day], dict]] = {
    "office.html": PublicSite._office_context,
    resting.TEMPLATE: PublicSite._office_context,
    "district.html": PublicSite._district_context,
    "topic.html": PublicSite._topic_context,
    "districts.html": PublicSite._districts_context,
    "topics.html": PublicSite._topics_context,
    "dates.html": PublicSite._dates_context,
    "poster.html": PublicSite._poster_context,
    "district_poster.html": PublicSite._district_poster_context,
    translated.START_TEMPLATE: PublicSite._start_context,
    translated.HINTS_TEMPLATE: lambda site, key, today: {},
    translated.PRIVACY_TEMPLATE: lambda site, key, today: {},
}
