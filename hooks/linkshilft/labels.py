"""Display names for codes in the data (languages, legal qualifications) and the short texts
built from them: who guides the counselling, who counsels, a dialable phone link.

Shared by the pages, the open data exports, the change preview and the internal site.
"""

from __future__ import annotations

from linkshilft.languages import Domain
from linkshilft.records import model as m

_ = Domain("seiten").gettext
ngettext = Domain("seiten").ngettext

LANGUAGE_NAMES = {
    "de": "Deutsch",
    "en": "Englisch",
    "fr": "Französisch",
    "ru": "Russisch",
    "uk": "Ukrainisch",
    "ar": "Arabisch",
    "fa": "Persisch (Farsi)",
    "tr": "Türkisch",
    "pl": "Polnisch",
    "cs": "Tschechisch",
    "vi": "Vietnamesisch",
    "es": "Spanisch",
    "it": "Italienisch",
    "ro": "Rumänisch",
    "bg": "Bulgarisch",
    "ku": "Kurdisch",
    "ps": "Paschtu",
    "ti": "Tigrinya",
    "so": "Somali",
    "hsb": "Obersorbisch",
    "dsb": "Niedersorbisch",
    "sq": "Albanisch",
    "sr": "Serbisch",
    "hr": "Kroatisch",
    "hu": "Ungarisch",
    "el": "Griechisch",
    "zh": "Chinesisch",
    "pt": "Portugiesisch",
    "ka": "Georgisch",
    "hy": "Armenisch",
}
QUALIFICATION_LABELS = {
    "rechtsanwaeltin": "Rechtsanwältin",
    "rechtsanwalt": "Rechtsanwalt",
    "volljuristin": "Volljuristin",
    "volljurist": "Volljurist",
}


def legal_note(lawyer: m.Lawyer | None) -> str:
    """Who guides the counselling (RDG § 6 Abs. 2): named only with consent, else by qualification.
    In the active language (catalog `seiten`): a whole sentence per qualification, as grammar wants."""
    if lawyer is not None and lawyer.public_name:
        named = {
            "rechtsanwaeltin": _(
                "Die Beratung erfolgt unter Anleitung von Rechtsanwältin %(name)s (§ 6 Abs. 2 Rechtsdienstleistungsgesetz)."
            ),
            "rechtsanwalt": _(
                "Die Beratung erfolgt unter Anleitung von Rechtsanwalt %(name)s (§ 6 Abs. 2 Rechtsdienstleistungsgesetz)."
            ),
            "volljuristin": _(
                "Die Beratung erfolgt unter Anleitung von Volljuristin %(name)s (§ 6 Abs. 2 Rechtsdienstleistungsgesetz)."
            ),
            "volljurist": _(
                "Die Beratung erfolgt unter Anleitung von Volljurist %(name)s (§ 6 Abs. 2 Rechtsdienstleistungsgesetz)."
            ),
        }
        return named[lawyer.qualification] % {"name": lawyer.public_name}
    if lawyer is not None and lawyer.qualification.startswith("volljurist"):
        # Not every person qualified for judicial office is an attorney; "anwaltlich" would be wrong.
        return _(
            "Die Beratung erfolgt unter Anleitung einer Volljuristin oder eines Volljuristen "
            "nach § 6 Rechtsdienstleistungsgesetz."
        )
    return _("Die Beratung erfolgt unter anwaltlicher Anleitung nach § 6 Rechtsdienstleistungsgesetz.")


def phone_uri(number: str) -> str:
    """ "0341 1234567" -> "tel:+493411234567": international form works from any phone."""
    digits = "".join(ch for ch in number if ch.isdigit() or ch == "+")
    return "tel:" + ("+49" + digits[1:] if digits.startswith("0") else digits)


def counsellors_text(named: list[str], unnamed: int) -> str | None:
    """Names only of those who consented; the others are counted, never named."""
    if not named and not unnamed:
        return None
    if not named:
        return _("Es beraten geschulte ehrenamtliche Beraterinnen und Berater.")
    names = named[0] if len(named) == 1 else _("%(first)s und %(last)s") % {"first": ", ".join(named[:-1]), "last": named[-1]}
    if unnamed == 1:
        return _("Es beraten %(names)s und eine weitere Person.") % {"names": names}
    if unnamed:  # two or more: the singular is for languages whose forms differ past 1 (21 in Ukrainian)
        more = ngettext(
            "Es beraten %(names)s und %(num)d weitere Person.", "Es beraten %(names)s und %(num)d weitere Personen.", unnamed
        )
        return more % {"names": names, "num": unnamed}
    return (_("Es berät %(names)s.") if len(named) == 1 else _("Es beraten %(names)s.")) % {"names": names}
