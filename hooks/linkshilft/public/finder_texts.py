"""The finder's words in one language: the JSON finder.js reads from the start page.

finder.js marks its messages `_("…")`/`ngettext("…", "…", n)` with the German text (catalog
"finder", locale/finder.cfg). The start page carries, as a JSON data block (no script the
browser runs, so nothing for the CSP to allow), what the page's language needs:

- `messages`: the catalog's translations, a list of forms for a plural message; German (the
  source) has none and goes the same way, its texts being the keys.
- `plural`: which form a number 0..199 takes, one digit each, computed here from the catalog's
  Plural-Forms. The browser evaluates no formula (the CSP forbids eval), and from 100 on the rules
  of the site's languages repeat every 100 numbers (`plural_table` checks that, up to 10,000).
- `dates`, `km`: weekday and month names, the order of day and time, clock, "heute"/"morgen",
  decimal sign and unit, from CLDR through Babel; the browser's Intl would write Persian dates in
  the Persian calendar and its CLDR may differ from Babel's. German keeps the forms of
  schedule/wording.py (the source text of every page). The hour cycle is the pages' (wording.
  clock_skeleton): 12 hours in English and Arabic, so a card writes a time as the office page does;
  a span has two forms, `span` and `spanPeriods` (CLDR writes "9:00 – 11:00 AM" but "9:00 AM – 1:00 PM").
- `prefix`: where the language's pages start ("uk/"), for the links to the office pages.
"""

from __future__ import annotations

import copy
import datetime as dt
import functools
import gettext

from babel import Locale
from babel.dates import format_time
from babel.numbers import get_decimal_symbol
from babel.units import format_unit

from linkshilft import languages
from linkshilft.schedule import wording

BLOCK_ID = "lh-finder-texte"  # the data block's id in finder.html, read by finder.js and finder-early.js
PLURAL_NUMBERS = 200  # the plural table's length: 0..199
PLURAL_CHECKED = 10_000  # the table's rule (n ≥ 200 as 100 + n % 100) holds up to here
DAY_SKELETON = "MMMEd"  # CLDR: "Mi., 25. Nov."; times: wording.clock_skeleton
# CLDR pattern letters → the placeholders finder.js fills (`fill`): weekday, day, month; hour, minute.
_DATE_FIELDS = {"E": "{E}", "EE": "{E}", "EEE": "{E}", "ccc": "{E}", "d": "{d}", "dd": "{dd}", "MMM": "{M}", "LLL": "{M}"}
_TIME_FIELDS = {"H": "{H}", "HH": "{HH}", "h": "{h}", "hh": "{hh}", "mm": "{mm}", "a": "{a}"}


def texts(code: str, own: dict | None = None) -> dict:
    """What finder.js needs in language `code`; `own`: the offices counselling in it (start page)."""
    found = copy.deepcopy(_texts(code))  # the cached words stay as read, whatever a caller does with these
    if own:
        found["own"] = own
    return found


@functools.cache
def _texts(code: str) -> dict:
    language = languages.language(code)
    return {
        "lang": code,
        "prefix": language.prefix,
        "messages": messages(code),
        "plural": plural_table(code),
        "dates": date_words(code),
        "km": km_words(code),
    }


def messages(code: str) -> dict[str, str | list[str]]:
    """msgid → translation (plural: msgid of the singular → forms); untranslated or fuzzy entries stay out."""
    if code == languages.SOURCE:
        return {}
    found: dict[str, str | list[str]] = {}
    for message in languages.read_catalog(code, "finder"):
        if not message.id or message.fuzzy:
            continue
        if isinstance(message.id, tuple | list):
            if all(message.string):
                found[message.id[0]] = list(message.string)
        elif message.string:
            found[message.id] = message.string
    return found


def plural_table(code: str) -> str:
    """The catalog's plural form of 0..199 as digits ("" for one form or German, the source)."""
    if code == languages.SOURCE:
        return ""
    catalog = languages.read_catalog(code, "finder")
    if catalog.num_plurals == 1:
        return ""
    form = gettext.c2py(catalog.plural_expr)
    table = "".join(str(form(n)) for n in range(PLURAL_NUMBERS))
    wrong = next((n for n in range(PLURAL_NUMBERS, PLURAL_CHECKED) if form(n) != form(100 + n % 100)), None)
    if catalog.num_plurals > 10 or wrong is not None:
        raise ValueError(f"{code}/finder.po: Plural-Forms passen nicht in die Tabelle von finder.js (Zahl {wrong})")
    return table


def date_words(code: str) -> dict:
    """Names and patterns for "Heute, Mi, 25. Nov., 9:00–11:00 Uhr" in language `code`."""
    locale = Locale.parse(code)
    periods = [format_time(dt.time(hour), "a", locale=locale) for hour in (9, 15)]  # "AM", "PM"; "ص", "م"
    relative = locale._data["date_fields"]["day"]["relative"]  # CLDR's "heute", "morgen"
    today, tomorrow = (_capitalised(relative[n]) for n in (0, 1))
    if code == languages.SOURCE:
        return {
            "days": [wording.DAY_ABBREVIATIONS[(n + 6) % 7] for n in range(7)],  # Sunday first, as Date.getUTCDay
            "months": [locale.months["format"]["abbreviated"][n] for n in range(1, 13)],  # CLDR, as wording.format_day_short
            "day": "{E}, {d}. {M}",
            "clock": "{H}:{mm}",
            "span": "{H0}:{mm0}–{H1}:{mm1} Uhr",
            "spanPeriods": "{H0}:{mm0}–{H1}:{mm1} Uhr",
            "periods": periods,
            "join": "{1}, {0}",
            "today": today,
            "tomorrow": tomorrow,
        }
    day = locale.datetime_skeletons[DAY_SKELETON].pattern
    context = "stand-alone" if "c" in day else "format"
    month_context = "stand-alone" if "L" in day else "format"
    days = locale.days[context]["abbreviated"]
    skeleton = wording.clock_skeleton(code)
    intervals = locale.interval_formats[skeleton]
    same = intervals[skeleton[0]]  # the hours differ ("h", "H"); only the minutes ("m") must read the same
    if list(intervals.get("m", same)) != list(same):
        raise ValueError(f"CLDR-Intervall „{skeleton}“ in {code}: Minuten anders als Stunden")
    return {
        "days": [days[(n + 6) % 7] for n in range(7)],
        "months": [locale.months[month_context]["abbreviated"][n] for n in range(1, 13)],
        "day": _template(day, _DATE_FIELDS),
        "clock": _template(locale.time_formats["short"].pattern, _TIME_FIELDS),  # as wording.format_clock
        "span": _interval(same),
        "spanPeriods": _interval(intervals.get("a", same)),  # before and after noon
        "periods": periods,
        "join": str(locale.datetime_formats["medium"]),  # {1} the day, {0} the time
        "today": today,
        "tomorrow": tomorrow,
    }


def km_words(code: str) -> dict:
    """Decimal sign and the unit around the number ("{0} km", "{0} км") in language `code`."""
    decimal = get_decimal_symbol(code)
    written = format_unit(2.5, "length-kilometer", length="short", format="0.0", locale=code)
    return {"decimal": decimal, "unit": written.replace(f"2{decimal}5", "{0}", 1)}


def _capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


def _template(pattern: str, fields: dict[str, str]) -> str:
    """A CLDR date pattern as a template of finder.js: letters → placeholders, quoted text as it is."""
    parts = []
    for is_field, token in _tokens(pattern):
        if is_field and token not in fields:
            raise ValueError(f"CLDR-Muster „{pattern}“: „{token}“ kennt finder.js nicht")
        parts.append(fields[token] if is_field else token)
    return "".join(parts)


def _tokens(pattern: str) -> list[tuple[bool, str]]:
    """A CLDR pattern's parts: (True, "MMM") for a run of one letter, (False, text) else, quotes undone."""
    found, i = [], 0
    while i < len(pattern):
        char = pattern[i]
        if pattern.startswith("''", i):
            found.append((False, "'"))
            i += 2
        elif char == "'":
            end = pattern.find("'", i + 1)
            end = len(pattern) if end < 0 else end
            found.append((False, pattern[i + 1 : end]))
            i = end + 1
        elif char.isascii() and char.isalpha():
            end = i
            while end < len(pattern) and pattern[end] == char:
                end += 1
            found.append((True, pattern[i:end]))
            i = end
        else:
            found.append((False, char))
            i += 1
    return found


def _interval(halves: list[str]) -> str:
    """A CLDR time interval as a template of finder.js: the first time's fields end in 0 ("{h0}"), the second's in 1."""
    return "".join(
        _template(half, {token: field.replace("}", f"{side}}}") for token, field in _TIME_FIELDS.items()})
        for side, half in enumerate(halves)
    )
