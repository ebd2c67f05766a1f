"""The language of the window: Qt translators for FaxDesk's own strings and for Qt's.

Call `install_translations(app, settings.language)` once, after the QApplication exists and
before any widget is built (widgets translate their texts when they are created). An empty
language follows the system (`QLocale.system()`); "en" or "zh_CN" override it. Qt's own strings
(standard dialog buttons, context menus of line edits) come from the qtbase catalogue shipped with
PySide6, loaded for the same language so one window never mixes two languages.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from faxdesk.resources import data_path

log = logging.getLogger(__name__)

#: The language the strings are written in (no catalogue needed to show it).
SOURCE_LANGUAGE = "en"
CATALOGUE = "faxdesk"

# Translators currently installed by us; kept referenced (Qt does not own them) and replaced on
# a second call.
_installed: list[QTranslator] = []


def translations_dir() -> Path:
    return data_path("translations")


def available_languages() -> list[str]:
    """Languages with a catalogue, e.g. ["en", "zh_CN"] (the source language always)."""
    try:
        found = {p.stem.removeprefix(f"{CATALOGUE}_")
                 for p in translations_dir().glob(f"{CATALOGUE}_*.qm")}
    except FileNotFoundError:
        found = set()
    return sorted(found | {SOURCE_LANGUAGE})


def language_name(language: str) -> str:
    """The language's own name for a settings menu: "English", "简体中文"."""
    if language == SOURCE_LANGUAGE:
        return "English"  # not "American English": the texts are not region-specific
    name = QLocale(language).nativeLanguageName()
    return name or language


def resolve_locale(language: str) -> QLocale:
    """The locale for a `Settings.language` value ("" = the system's)."""
    if not language:
        return QLocale.system()
    locale = QLocale(language)
    if locale.language() == QLocale.Language.C:
        log.warning("unknown language %r in the settings; following the system", language)
        return QLocale.system()
    return locale


def install_translations(app: QCoreApplication, language: str = "") -> str:
    """Install the translators for `language` ("" = system) and return the language used
    ("zh_CN", or "en" when the texts stay in the source language)."""
    remove_translations(app)
    locale = resolve_locale(language)
    QLocale.setDefault(locale)  # numbers and dates follow the locale asked for
    ours = QTranslator(app)
    # load(locale, ...) tries each of the locale's UI languages in turn: zh_Hans_CN, zh_CN, zh...
    # Without a catalogue for it, the source language's own (its plural forms: "1 fax").
    if not (_load_catalogue(ours, locale) or _load_catalogue(ours, QLocale(SOURCE_LANGUAGE))):
        return SOURCE_LANGUAGE
    app.installTranslator(ours)
    _installed.append(ours)
    used = Path(ours.filePath()).stem.removeprefix(f"{CATALOGUE}_")

    # Qt's own strings in the same language as ours ("OK", "Cancel", "Copy"...).
    if used != SOURCE_LANGUAGE:
        qt = QTranslator(app)
        if any(qt.load(QLocale(used), "qtbase", "_", d) for d in _qt_translation_dirs()):
            app.installTranslator(qt)
            _installed.append(qt)
        else:
            log.info("no Qt translation for %s in %s", used, _qt_translation_dirs())
    return used


def remove_translations(app: QCoreApplication) -> None:
    """Back to the source language (what install_translations installed is removed)."""
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()


def _qt_translation_dirs() -> list[str]:
    # Where Qt says its translations are, and beside PySide6 (a frozen bundle keeps the wheel's
    # layout under its own directory while QLibraryInfo may still name the build machine's).
    import PySide6

    return [QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath),
            str(Path(PySide6.__file__).parent / "Qt" / "translations")]


def _load_catalogue(translator: QTranslator, locale: QLocale) -> bool:
    try:
        directory = str(translations_dir())
    except FileNotFoundError:
        log.warning("no translations shipped; the window stays in English")
        return False
    return translator.load(locale, CATALOGUE, "_", directory)
