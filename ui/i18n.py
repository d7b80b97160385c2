"""UI language: Qt translators for the widgets, the domain catalog for service messages.

Sources are written in English; ``resources/translations/centaur_ru.qm`` makes Russian the
default. Rebuild it after editing strings:
``pyside6-lupdate -no-obsolete ui/*.py -ts resources/translations/centaur_ru.ts``, then
``python -m resources.translations.ru_strings`` (fills the Russian texts), then
``pyside6-lrelease resources/translations/centaur_ru.ts``.
"""

from __future__ import annotations

from importlib import resources

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from app.domain import messages

LANGUAGES = ("ru", "en")
# Each language named in itself, as language menus do: someone who cannot read the current
# language must still find their own.
NATIVE_NAMES = {"ru": "Русский", "en": "English"}
_installed: list[QTranslator] = []
_current = "ru"


def current() -> str:
    return _current


def install(language: str) -> str:
    """Install the translators of ``language`` (ru or en) and return the language used."""
    global _current
    language = language if language in LANGUAGES else "ru"
    _current = language
    app = QCoreApplication.instance()
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    messages.set_language(language)
    if language == "ru":
        ours = QTranslator(app)
        qm = resources.files("resources") / "translations" / "centaur_ru.qm"
        with resources.as_file(qm) as path:
            loaded = ours.load(str(path))
        if loaded:
            app.installTranslator(ours)
            _installed.append(ours)
        qt = QTranslator(app)
        if qt.load(QLocale("ru"), "qtbase", "_", QLibraryInfo.path(QLibraryInfo.TranslationsPath)):
            app.installTranslator(qt)
            _installed.append(qt)
    QLocale.setDefault(QLocale(QLocale.Russian if language == "ru" else QLocale.English))
    return language
