"""Translations for the system language: Qt's own (standard buttons and dialogs) and
Ebb's, when a file for that language exists. Strings are written in English; anything
untranslated stays English, with English plural forms from ``ebb_en.ts``.

Ebb's translations are read straight from ``resources/translations/ebb_<lang>.ts`` (the
file translators edit in Qt Linguist; tools/translations.py keeps it in step with the
code) through desktop/words/catalog.py, which the command line shares. Words written
outside Qt (desktop/words, the report) reach these translators through the hook in
desktop/words/translate.py, which this module points at Qt.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QObject, QTranslator

from desktop.system.paths import resource
from desktop.words import translate as words
from desktop.words.catalog import Catalog


class TsTranslator(QTranslator):
    """A translator over one .ts file's finished translations, plural forms included."""

    def __init__(self, path: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.catalog = Catalog.read(path)

    def translate(
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str | None:
        # None (a null QString) tells Qt "not here": it then tries the next translator
        # and finally keeps the source. An empty string would count as a translation.
        # Qt fills in %n itself.
        return self.catalog.lookup(context, source, n)

    def isEmpty(self) -> bool:
        return not self.catalog


def translate_with_qt(context: str, source: str, disambiguation: str | None = None, n: int = -1) -> str:
    """The words hook while the app runs: Qt's translators, then English plural forms
    for what none of them has (so a removed translator never leaves "1 more night(s)")."""
    text = QCoreApplication.translate(context, source, disambiguation, n)
    untranslated = source.replace("%n", str(n)) if n >= 0 else source
    return words.english(context, source, disambiguation, n) if text == untranslated else text


def install_translations(
    app: QCoreApplication, locale: QLocale | None = None, folder: Path | None = None
) -> list[str]:
    """Install the translations for ``locale`` (default: the system's); returns which
    were found for it. English plural forms are installed beneath them in any case, and
    the words written outside Qt are sent through Qt from now on. The translators are
    parented to ``app`` and live as long as it does."""
    locale = locale or QLocale.system()
    folder = folder or resource("translations")
    loaded = []
    english = resource("translations", "ebb_en.ts")
    if english.exists():  # first installed, last asked: the fallback for plural forms
        app.installTranslator(TsTranslator(english, app))
    qt = QTranslator(app)
    if qt.load(locale, "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
        loaded.append("qtbase")
    for language in locale.uiLanguages():  # e.g. "de-AT", "de"
        path = folder / f"ebb_{language.replace('-', '_')}.ts"
        if path.exists():
            if path.resolve() != english.resolve():
                app.installTranslator(TsTranslator(path, app))
            loaded.append(path.name)
            break
    words.install(translate_with_qt)
    return loaded
