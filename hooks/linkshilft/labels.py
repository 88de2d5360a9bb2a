"""Display names for codes in the data: languages (ISO 639) and legal qualifications.

Shared by the pages, the open data exports, the change preview and the internal site.
"""

from __future__ import annotations

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
