"""The internal site's section "Intern": which pages and files exist, and their HTML.

Only hooks/internal.py (mkdocs.internal.yml) and `linkshilft validate --internal` use this
module; the public build never imports it. Python computes every value (measures*.py,
report.py); the Jinja templates in site_overrides/linkshilft/intern/ only lay them out, with
autoescaping on. The charts are the one exception to "no Markup": charts.py escapes every text.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from linkshilft import languages
from linkshilft.internal.measures import Measure, day, make_table
from linkshilft.internal.records import internal_dir, load_internal
from linkshilft.internal.report import Report, build_report, csv_bytes, figures_yaml
from linkshilft.problems import DataError
from linkshilft.public.site import TEMPLATE_DIR, GeneratedPage, template_environment
from linkshilft.public.urls import relative_root
from linkshilft.records import conditions
from linkshilft.records.pipeline import build_date, data_dir, findings

SECTION = "intern"
NAV_TITLES = {
    "erhebung": "1 Erhebung",
    "buergerbueros": "2 Bürgerbüros",
    "gewinnung": "3 Gewinnung",
    "qualifizierung": "4 Qualifizierung",
    "uebergang": "5 Übergangslösungen",
    "anleitung": "6 Anleitung",
    "abdeckung": "Abdeckung",
    "datenpflege": "Datenpflege",
}
DESCRIPTION = "Interne Seite der Koordination von Links.hilft – nicht veröffentlichen."
ROBOTS = b"# Interne Seite: nichts davon gehoert in eine Suchmaschine.\nUser-agent: *\nDisallow: /\n"


@dataclass(frozen=True)
class InternalPage(GeneratedPage):
    @property
    def markdown(self) -> str:
        # Wide tables need the room of the table of contents, which generated pages do not fill anyway.
        return super().markdown.replace("---\n", "---\nhide: [toc]\n", 1)


def prepare_internal(project_dir: Path, settings: dict | None = None, today: dt.date | None = None) -> InternalSite:
    """Load and check the public and the internal records. Raises DataError with every problem."""
    today = today or build_date()
    dataset, problems, found = findings(data_dir(project_dir), today, languages.translated(settings or {}))
    if dataset is None:
        raise DataError(problems)
    internal, problems = load_internal(internal_dir(project_dir), dataset, project_dir)
    if internal is None:
        raise DataError(problems)
    return InternalSite(build_report(dataset, internal), settings, care=care_measure(found))


def care_measure(found: list[conditions.Condition]) -> Measure:
    """What time brought to the public data: the list of `linkshilft outdated` and of the issue
    "Daten brauchen Pflege", as a page of the internal site."""
    rows = [(conditions.KINDS[c.kind], c.subject, f"{c.problem.path}:{c.problem.line}", c.problem.message) for c in found]
    resting = sum(c.kind == "guidance-ended" for c in found)
    return Measure(
        0,
        "datenpflege",
        "Daten brauchen Pflege",
        "Was hat die Zeit an den öffentlichen Daten verändert, und was ist deshalb zu tun?",
        f"{len(found)} {'Eintrag' if len(found) == 1 else 'Einträge'}, davon {resting} ruhende "
        f"{'Stelle' if resting == 1 else 'Stellen'}. Dieselbe Liste zeigt „linkshilft outdated“ und das Issue "
        "„Daten brauchen Pflege“ nach jeder nächtlichen Veröffentlichung.",
        tables=(
            make_table(
                "datenpflege",
                "Was Pflege braucht",
                ("Art", "Kennung", "Datei", "Hinweis"),
                rows,
                [c.kind in ("guidance-ended", "hours-ended") for c in found],
            ),
        ),
    )


class InternalSite:
    def __init__(
        self, report: Report, settings: dict | None = None, template_dir: Path = TEMPLATE_DIR, care: Measure | None = None
    ):
        self.report = report
        self.care = care or care_measure([])
        self.settings = settings or {}
        self.env = template_environment(template_dir)

    # --- which pages and files exist ---------------------------------------------------------
    def pages(self) -> list[InternalPage]:
        pages = [InternalPage(f"{SECTION}/index.md", "Intern: Stand der Maßnahmen", DESCRIPTION, "intern/overview.html")]
        for measure in self.report.measures:
            pages.append(
                InternalPage(f"{SECTION}/{measure.slug}.md", _title(measure), DESCRIPTION, "intern/measure.html", measure.slug)
            )
        pages.append(InternalPage(f"{SECTION}/bericht.md", "Bericht an den Landesvorstand", DESCRIPTION, "intern/report.html"))
        care = self.care
        pages.append(InternalPage(f"{SECTION}/{care.slug}.md", care.title, DESCRIPTION, "intern/measure.html", care.slug))
        return pages

    def nav(self) -> list[dict[str, str]]:
        """The section's navigation, in the order of the board decision; the report comes last."""
        entries = [{"Übersicht": f"{SECTION}/index.md"}]
        entries += [{NAV_TITLES[m.slug]: f"{SECTION}/{m.slug}.md"} for m in self.report.measures]
        entries.append({"7 Bericht an den Landesvorstand": f"{SECTION}/bericht.md"})
        entries.append({NAV_TITLES["datenpflege"]: f"{SECTION}/datenpflege.md"})
        return entries

    def static_files(self) -> list[tuple[str, bytes]]:
        """A CSV file per table, today's figures for the next report, and a robots.txt that keeps crawlers out."""
        files = [(self.csv_path(table.key), csv_bytes(table)) for table in (*self.report.tables, *self.care.tables)]
        files.append((self.figures_path, figures_yaml(self.report).encode("utf-8")))
        files.append(("robots.txt", ROBOTS))
        return files

    @staticmethod
    def csv_path(key: str) -> str:
        return f"{SECTION}/csv/{key}.csv"

    @property
    def figures_path(self) -> str:
        return f"{SECTION}/kennzahlen-{self.report.today.isoformat()}.yaml"

    # --- HTML --------------------------------------------------------------------------------
    def render(self, page: GeneratedPage, page_url: str) -> str:
        report = self.report
        context = {
            "root": relative_root(page_url),
            "today": {"iso": report.today.isoformat(), "text": day(report.today)},
            "report": report,
            "section": SECTION,
            "titles": NAV_TITLES,
        }
        if page.template == "intern/measure.html":
            context["measure"] = self.care if page.key == self.care.slug else report.measure(page.key)
            context["title"] = _title(context["measure"])
        elif page.template == "intern/report.html":
            context["figures_file"] = self.figures_path.removeprefix(f"{SECTION}/")
            context["previous"] = (
                {"date": day(report.previous.date), "iso": report.previous.date.isoformat(), "occasion": report.previous.occasion}
                if report.previous
                else None
            )
        return self.env.get_template(page.template).render(context)


def _title(measure: Measure) -> str:
    return f"{measure.number}. {measure.title}" if measure.number else measure.title
