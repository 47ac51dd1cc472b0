"""The window's language. Pathways' own strings come from ``resources/translations/
pathways_<code>.qm`` (kept with ``scripts/translations``); Qt's standard buttons and text menus
from Qt's ``qtbase_<code>.qm``, or from ours when Qt ships none (it has no Welsh). Translators are
installed before a window is built: Qt widgets do not re-translate themselves."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from typing import TypeVar

from PySide6.QtCore import (
    QCoreApplication,
    QDate,
    QDateTime,
    QLibraryInfo,
    QLocale,
    QSettings,
    QTime,
    QTranslator,
)

from app.config import RESOURCES

#: Module-level text goes through this (lupdate knows the name); classes use ``self.tr``.
translate = QCoreApplication.translate

TRANSLATIONS = RESOURCES / "translations"
ENGLISH = "en"
#: QSettings key: the language this desktop last showed, so the sign-in opens in it.
SETTING = "ui/language"

T = TypeVar("T")

_installed: list[QTranslator] = []
_system_locale: list[QLocale] = []
#: Days already written out, by format, in the window's language (a case's timeline writes
#: hundreds, and the same days recur from case to case); emptied when the language changes.
_day_texts: dict[tuple[date, str], str] = {}


def current_language() -> str:
    return str(QSettings().value(SETTING, ENGLISH) or ENGLISH)


def use_language(code: str) -> bool:
    """Show text in ``code`` from now on (English: the source text). False, and English, when
    there is no compiled translation for it: a missing file never stops the app starting."""
    app = QCoreApplication.instance()
    assert app is not None
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    _day_texts.clear()
    if not _system_locale:
        _system_locale.append(QLocale())
    ours = QTranslator()
    if code == ENGLISH or not ours.load(str(TRANSLATIONS / f"pathways_{code}.qm")):
        QLocale.setDefault(_system_locale[0])
        return code == ENGLISH
    qt = QTranslator()
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if qt.load(f"qtbase_{code}", qt_dir) or qt.load(str(TRANSLATIONS / f"qtbase_{code}.qm")):
        app.installTranslator(qt)
        _installed.append(qt)
    app.installTranslator(ours)
    _installed.append(ours)
    QLocale.setDefault(QLocale(code))
    return True


def remember_language(code: str) -> None:
    """Keep ``code`` as this desktop's language for the next start's sign-in."""
    QSettings().setValue(SETTING, code)


def translated(context: str, pairs: Sequence[tuple[str, T]]) -> list[tuple[str, T]]:
    """(text, value) pairs declared with QT_TRANSLATE_NOOP in ``context``, in the window's
    language: module constants are made before any translator is installed."""
    return [(translate(context, text), value) for text, value in pairs]


def _dates(d: date | datetime, strftime: str, qt: str) -> str:
    """``d`` in English with ``strftime`` (whatever the desktop's locale, as before), or with
    the month and day names of the window's language (Qt's CLDR data) when it is not English."""
    if isinstance(d, datetime):
        return _written(d, strftime, qt)
    text = _day_texts.get((d, strftime))
    if text is None:
        text = _day_texts[(d, strftime)] = _written(d, strftime, qt)
    return text


def _written(d: date | datetime, strftime: str, qt: str) -> str:
    if not _installed:
        return d.strftime(strftime)
    if isinstance(d, datetime):
        moment = QDateTime(QDate(d.year, d.month, d.day), QTime(d.hour, d.minute))
        return QLocale().toString(moment, qt)
    return QLocale().toString(QDate(d.year, d.month, d.day), qt)


def long_day(d: date) -> str:
    """03 Dec 2026."""
    return _dates(d, "%d %b %Y", "dd MMM yyyy")


def week_day(d: date) -> str:
    """Thu 03 Dec 2026."""
    return _dates(d, "%a %d %b %Y", "ddd dd MMM yyyy")


def day_time(moment: datetime, weekday: bool = False) -> str:
    """(Thu) 03 Dec 2026 14:30."""
    if weekday:
        return _dates(moment, "%a %d %b %Y %H:%M", "ddd dd MMM yyyy HH:mm")
    return _dates(moment, "%d %b %Y %H:%M", "dd MMM yyyy HH:mm")


def month_year(d: date) -> str:
    """December 2026."""
    return _dates(d, "%B %Y", "MMMM yyyy")


def weekday_name(d: date, short: bool = True) -> str:
    """Thu, or Thursday."""
    return _dates(d, "%a" if short else "%A", "ddd" if short else "dddd")


def own_name(code: str) -> str:
    """A language in its own name ("Cymraeg"), as a language chooser shows it."""
    from app.services import languages

    found = next((lang for lang in languages.LANGUAGES if lang.code == code), None)
    return found.own_name if found is not None else languages.name(code)
