"""The languages a person may ask to be written to in, as ISO 639 codes.

A person's language is a choice from this list, not free text, so that a letter can find its
template (``resources/templates/NAME.CODE.json``) and a report can count people by language.
The list is the languages most asked for by people in contact with justice services in England
and Wales; British Sign Language is there for interpreters (no letter template).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Language:
    code: str
    name: str  # in English
    own_name: str  # the language's name for itself

    @property
    def label(self) -> str:
        return self.name if self.own_name == self.name else f"{self.name} ({self.own_name})"


ENGLISH = "en"
WELSH = "cy"
NOT_KNOWN = "und"

LANGUAGES: tuple[Language, ...] = (
    Language("en", "English", "English"),
    Language("cy", "Welsh", "Cymraeg"),
    Language("pl", "Polish", "Polski"),
    Language("ro", "Romanian", "Română"),
    Language("pa", "Punjabi", "ਪੰਜਾਬੀ"),
    Language("ur", "Urdu", "اردو"),
    Language("bn", "Bengali", "বাংলা"),
    Language("gu", "Gujarati", "ગુજરાતી"),
    Language("ar", "Arabic", "العربية"),
    Language("pt", "Portuguese", "Português"),
    Language("es", "Spanish", "Español"),
    Language("lt", "Lithuanian", "Lietuvių"),
    Language("lv", "Latvian", "Latviešu"),
    Language("tr", "Turkish", "Türkçe"),
    Language("so", "Somali", "Soomaali"),
    Language("ta", "Tamil", "தமிழ்"),
    Language("it", "Italian", "Italiano"),
    Language("fr", "French", "Français"),
    Language("zh", "Chinese", "中文"),
    Language("vi", "Vietnamese", "Tiếng Việt"),
    Language("ku", "Kurdish", "Kurdî"),
    Language("fa", "Persian (Farsi)", "فارسی"),
    Language("ps", "Pashto", "پښتو"),
    Language("ti", "Tigrinya", "ትግርኛ"),
    Language("uk", "Ukrainian", "Українська"),
    Language("ru", "Russian", "Русский"),
    Language("bg", "Bulgarian", "Български"),
    Language("hu", "Hungarian", "Magyar"),
    Language("sk", "Slovak", "Slovenčina"),
    Language("cs", "Czech", "Čeština"),
    Language("sq", "Albanian", "Shqip"),
    Language("ga", "Irish", "Gaeilge"),
    Language("gd", "Scottish Gaelic", "Gàidhlig"),
    Language("bfi", "British Sign Language", "British Sign Language"),
    Language(NOT_KNOWN, "Not known", "Not known"),
)
BY_CODE = {lang.code: lang for lang in LANGUAGES}


def name(code: str) -> str:
    """The language's English name for a code (an unknown code is shown as it is)."""
    lang = BY_CODE.get(code)
    return lang.name if lang else code


def code_for(text: str | None) -> str | None:
    """The code for a code or a language's name in either language, case and spacing folded;
    None when the text names no language on the list."""
    if text is None:
        return None
    folded = " ".join(text.split()).casefold()
    if not folded:
        return None
    for lang in LANGUAGES:
        if folded in (lang.code, lang.name.casefold(), lang.own_name.casefold()):
            return lang.code
    return None
