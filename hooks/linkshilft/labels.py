"""Display names for codes in the data (languages, legal qualifications) and the short texts
built from them: who guides the counselling, who counsels, a dialable phone link.

Shared by the pages, the open data exports, the change preview and the internal site.
"""

from __future__ import annotations

from linkshilft.records import model as m

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
    """Who guides the counselling (RDG § 6 Abs. 2): named only with consent, else by qualification."""
    if lawyer is not None and lawyer.public_name:
        return (
            f"Die Beratung erfolgt unter Anleitung von {QUALIFICATION_LABELS[lawyer.qualification]} {lawyer.public_name} "
            "(§ 6 Abs. 2 Rechtsdienstleistungsgesetz)."
        )
    if lawyer is not None and lawyer.qualification.startswith("volljurist"):
        # Not every person qualified for judicial office is an attorney; "anwaltlich" would be wrong.
        return (
            "Die Beratung erfolgt unter Anleitung einer Volljuristin oder eines Volljuristen "
            "nach § 6 Rechtsdienstleistungsgesetz."
        )
    return "Die Beratung erfolgt unter anwaltlicher Anleitung nach § 6 Rechtsdienstleistungsgesetz."


def phone_uri(number: str) -> str:
    """ "0341 1234567" -> "tel:+493411234567": international form works from any phone."""
    digits = "".join(ch for ch in number if ch.isdigit() or ch == "+")
    return "tel:" + ("+49" + digits[1:] if digits.startswith("0") else digits)


def counsellors_text(named: list[str], unnamed: int) -> str | None:
    """Names only of those who consented; the others are counted, never named."""
    if not named and not unnamed:
        return None
    if not named:
        return "Es beraten geschulte ehrenamtliche Beraterinnen und Berater."
    others = {0: "", 1: " und eine weitere Person"}.get(unnamed, f" und {unnamed} weitere Personen")
    names = named[0] if len(named) == 1 else f"{', '.join(named[:-1])} und {named[-1]}"
    verb = "berät" if len(named) == 1 and not unnamed else "beraten"
    return f"Es {verb} {names}{others}."
