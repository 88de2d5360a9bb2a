"""The schedule's wording in every language of the site: the rhythm sentences from the catalog "termine",
dates, times, weekdays and distances from CLDR.

The expected texts are written by hand; weekday and month names in them were checked against CLDR
(Ukrainian "середа", Russian "среда", Arabic "الأربعاء", Persian "چهارشنبه", Vietnamese "Thứ Tư").
German is tested in test_schedule.py and must not change; here it is only the control that outside
`languages.active()` nothing changed.

CLDR puts narrow no-break spaces (U+202F) where a line must not break ("9:00 AM", "2026 р.") and
thin spaces (U+2009) around the dash of a span; `marked` shows them as "_" and "^" so the expected
texts stay readable.
"""

from __future__ import annotations

import datetime as dt

import pytest
from babel.dates import get_day_names
from linkshilft import geo, languages
from linkshilft.records.model import HourRule
from linkshilft.schedule import wording

D = dt.date
T = dt.time

SECOND_AND_FOURTH_WEDNESDAY = HourRule(start=T(9), end=T(12, 30), weekdays=("wednesday",), weeks_of_month=(4, 2))
LAST_THURSDAY = HourRule(start=T(14), end=T(16), weekdays=("thursday",), weeks_of_month=("last",), walk_in=False)
TUESDAY_AND_THURSDAY = HourRule(start=T(10), end=T(12), weekdays=("thursday", "tuesday"))
EVERY_OTHER_MONDAY = HourRule(start=T(10), end=T(12), weekdays=("monday",), every_weeks=2, valid_from=D(2027, 1, 1))
EVERY_THIRD_FRIDAY = HourRule(
    start=T(10), end=T(12), weekdays=("friday",), every_weeks=3,
    valid_from=D(2027, 1, 1), valid_until=D(2027, 3, 31), on_holidays=True,
)  # fmt: skip
ONCE = HourRule(start=T(10), end=T(12), date=D(2026, 12, 9))
RULES = (SECOND_AND_FOURTH_WEDNESDAY, LAST_THURSDAY, TUESDAY_AND_THURSDAY, EVERY_OTHER_MONDAY, EVERY_THIRD_FRIDAY, ONCE)

EXPECTED = {
    "en": (
        "every 2nd and 4th Wednesday of the month, 9:00_AM^–^12:30_PM, no appointment needed",
        "every last Thursday of the month, 2:00^–^4:00_PM, by appointment only",
        "every Tuesday and Thursday, 10:00_AM^–^12:00_PM, no appointment needed",
        "every other Monday (every 2 weeks), 10:00_AM^–^12:00_PM, no appointment needed, from January 1, 2027",
        "every 3 weeks on Friday, 10:00_AM^–^12:00_PM, no appointment needed, from January 1, 2027 to March 31, 2027, "
        "also on public holidays",
        "once only, on Wednesday, December 9, 2026, 10:00_AM^–^12:00_PM, no appointment needed",
    ),
    "uk": (
        "по середах на 2-му і 4-му тижні місяця, 09:00–12:30, без попереднього запису",
        "по четвергах на останньому тижні місяця, 14:00–16:00, лише за попереднім записом",
        "по вівторках і четвергах, 10:00–12:00, без попереднього запису",
        "по понеділках, раз на два тижні, 10:00–12:00, без попереднього запису, з 1 січня 2027_р.",
        "по пʼятницях, раз на 3 тижні, 10:00–12:00, без попереднього запису, з 1 січня 2027_р. до 31 березня 2027_р., "
        "також у святкові дні",
        "одноразово: середа, 9 грудня 2026_р., 10:00–12:00, без попереднього запису",
    ),
    "ru": (
        "по средам на 2-й и 4-й неделе месяца, 09:00—12:30, без предварительной записи",
        "по четвергам на последней неделе месяца, 14:00—16:00, только по предварительной записи",
        "по вторникам и четвергам, 10:00—12:00, без предварительной записи",
        "по понедельникам, раз в две недели, 10:00—12:00, без предварительной записи, с 1 января 2027_г.",
        "по пятницам, раз в 3 недели, 10:00—12:00, без предварительной записи, с 1 января 2027_г. по 31 марта 2027_г., "
        "в том числе в праздничные дни",
        "однократно: среда, 9 декабря 2026_г., 10:00—12:00, без предварительной записи",
    ),
    "ar": (
        "يوم الأربعاء الثاني والرابع من كل شهر، 9:00 ص^–^12:30 م، دون موعد مسبق",
        "يوم الخميس الأخير من كل شهر، 2:00–4:00 م، بموعد مسبق فقط",
        "كل يوم الثلاثاء والخميس، 10:00 ص^–^12:00 م، دون موعد مسبق",
        "يوم الاثنين كل أسبوعين، 10:00 ص^–^12:00 م، دون موعد مسبق، ابتداءً من 1 يناير 2027",
        "يوم الجمعة كل 3 أسابيع، 10:00 ص^–^12:00 م، دون موعد مسبق، من 1 يناير 2027 حتى 31 مارس 2027، "
        "في أيام العطل الرسمية أيضًا",
        "مرة واحدة فقط: الأربعاء، 9 ديسمبر 2026، 10:00 ص^–^12:00 م، دون موعد مسبق",
    ),
    "fa": (
        "چهارشنبه در هفتهٔ دوم و چهارم هر ماه، 9:00 تا 12:30، بدون وقت قبلی",
        "پنجشنبه در هفتهٔ آخر هر ماه، 14:00 تا 16:00، فقط با وقت قبلی",
        "هر سه\u200cشنبه و پنجشنبه، 10:00 تا 12:00، بدون وقت قبلی",
        "دوشنبه، هر دو هفته یک بار، 10:00 تا 12:00، بدون وقت قبلی، از 1 ژانویه 2027",
        "جمعه، هر 3 هفته یک بار، 10:00 تا 12:00، بدون وقت قبلی، از 1 ژانویه 2027 تا 31 مارس 2027، "
        "در روزهای تعطیل رسمی هم",
        "فقط یک بار: چهارشنبه 9 دسامبر 2026، 10:00 تا 12:00، بدون وقت قبلی",
    ),
    "vi": (
        "Thứ Tư của tuần thứ 2 và thứ 4 trong tháng, 09:00–12:30, không cần hẹn trước",
        "Thứ Năm của tuần cuối trong tháng, 14:00–16:00, chỉ khi đã hẹn trước",
        "Thứ Ba và Thứ Năm hằng tuần, 10:00–12:00, không cần hẹn trước",
        "Thứ Hai, hai tuần một lần, 10:00–12:00, không cần hẹn trước, từ 1 tháng 1, 2027",
        "Thứ Sáu, 3 tuần một lần, 10:00–12:00, không cần hẹn trước, từ 1 tháng 1, 2027 đến 31 tháng 3, 2027, kể cả ngày lễ",
        "một lần duy nhất vào Thứ Tư, 9 tháng 12, 2026, 10:00–12:00, không cần hẹn trước",
    ),
}
CODES = sorted(EXPECTED)


def marked(text: str) -> str:
    return text.replace("\u202f", "_").replace("\u2009", "^")


@pytest.mark.parametrize("code", CODES)
def test_rules_in_words(code):
    with languages.active(code):
        assert tuple(marked(wording.describe_rule(rule)) for rule in RULES) == EXPECTED[code]


def test_outside_a_language_the_words_stay_german():
    assert wording.describe_rule(SECOND_AND_FOURTH_WEDNESDAY) == (
        "jeden 2. und 4. Mittwoch im Monat, 9:00–12:30 Uhr, ohne Anmeldung"
    )
    with languages.active("uk"):
        assert wording.format_day_short(D(2026, 12, 9)) == "ср, 9 груд."
    assert wording.format_day_short(D(2026, 12, 9)) == "Mi, 9. Dez."


@pytest.mark.parametrize(
    ("code", "weeks", "expected"),
    [
        ("uk", 5, "по пʼятницях, раз на 5 тижнів"),
        ("uk", 21, "по пʼятницях, раз на 21 тиждень"),
        ("ru", 5, "по пятницам, раз в 5 недель"),
        ("ru", 22, "по пятницам, раз в 22 недели"),
        ("ar", 12, "يوم الجمعة كل 12 أسبوعًا"),
        ("en", 4, "every 4 weeks on Friday"),
    ],
)
def test_every_few_weeks_takes_the_plural_of_the_language(code, weeks, expected):
    rule = HourRule(start=T(10), end=T(12), weekdays=("friday",), every_weeks=weeks)
    with languages.active(code):
        assert wording.describe_rule(rule).startswith(f"{expected}{'،' if code == 'ar' else ','} ")


@pytest.mark.parametrize(
    ("code", "full", "short", "date"),
    [
        ("en", "Wednesday, December 9, 2026", "Wed, Dec 9", "December 9, 2026"),
        ("uk", "середа, 9 грудня 2026_р.", "ср, 9 груд.", "9 грудня 2026_р."),
        ("ru", "среда, 9 декабря 2026_г.", "ср, 9 дек.", "9 декабря 2026_г."),
        ("ar", "الأربعاء، 9 ديسمبر 2026", "الأربعاء، 9 ديسمبر", "9 ديسمبر 2026"),
        ("fa", "چهارشنبه 9 دسامبر 2026", "چهارشنبه 9 دسامبر", "9 دسامبر 2026"),
        ("vi", "Thứ Tư, 9 tháng 12, 2026", "Thứ 4, 9 thg 12", "9 tháng 12, 2026"),
    ],
)
def test_days_come_from_cldr(code, full, short, date):
    day = D(2026, 12, 9)  # a Wednesday
    with languages.active(code):
        found = (wording.format_day(day), wording.format_day_short(day), wording.format_date(day))
        assert tuple(map(marked, found)) == (full, short, date)


@pytest.mark.parametrize(
    ("code", "today", "tomorrow", "holiday", "distances"),
    [
        ("de", "Heute", "Morgen", "Feiertag (Neujahr)", ("3,2 km", "12 km")),
        ("en", "Today", "Tomorrow", "public holiday (Neujahr)", ("3.2 km", "12 km")),
        ("uk", "Сьогодні", "Завтра", "святковий день (Neujahr)", ("3,2 км", "12 км")),
        ("ru", "Сегодня", "Завтра", "праздничный день (Neujahr)", ("3,2 км", "12 км")),
        ("ar", "اليوم", "غدًا", "عطلة رسمية (Neujahr)", ("3.2 كم", "12 كم")),
        ("fa", "امروز", "فردا", "تعطیل رسمی (Neujahr)", ("3.2 کیلومتر", "12 کیلومتر")),
        ("vi", "Hôm nay", "Ngày mai", "ngày lễ (Neujahr)", ("3,2 km", "12 km")),
    ],
)
def test_short_words_and_distances(code, today, tomorrow, holiday, distances):
    day = D(2026, 12, 9)
    with languages.active(code):
        assert wording.relative_day(day, day) == today
        assert wording.relative_day(day + dt.timedelta(days=1), day) == tomorrow
        assert wording.relative_day(day + dt.timedelta(days=2), day) is None
        assert wording.cancellation_reason("holiday", "Feiertag (Neujahr)", "Neujahr") == holiday
        assert wording.cancellation_reason("closure", "Umzug") == "Umzug"  # the editor's German text
        new_year = wording.cancellation_reason("holiday", "Feiertag (Neujahr)", "Neujahr", D(2027, 1, 1))
        assert new_year == {"en": "public holiday (New Year's Day)", "uk": "святковий день (Новий рік)"}.get(code, holiday)
        assert (geo.format_km(3.249), geo.format_km(11.5)) == distances


@pytest.mark.parametrize("code", ["en", "ar", "fa", "vi"])
def test_where_the_sentence_takes_the_nominative_the_weekday_is_cldrs(code):
    """The catalog's weekdays in rhythm sentences match CLDR wherever the language needs no other case."""
    names = get_day_names("wide", "format", code)
    context = "Wochentag im Rhythmus"
    german = ("Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag")
    with languages.active(code):
        assert [languages.Domain("termine").pgettext(context, g) for g in german] == [names[i] for i in range(7)]


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("de", "Miete, Schulden, Bürgergeld"),  # the German pages' list as it always was
        ("ar", "Miete وSchulden وBürgergeld"),  # Arabic joins with "و", not a Latin comma
        ("fa", "Miete،\u200f Schulden، و Bürgergeld"),  # Persian comma
        ("uk", "Miete, Schulden і Bürgergeld"),
        ("en", "Miete, Schulden, and Bürgergeld"),
    ],
)
def test_topics_and_languages_are_listed_as_the_language_lists_them(code, expected):
    with languages.active(code):
        assert wording.list_words(["Miete", "Schulden", "Bürgergeld"]) == expected
