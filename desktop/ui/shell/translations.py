"""Translations for the system language: Qt's own (standard buttons and dialogs) and
Ebb's, when a file for that language exists. Strings are written in English; anything
untranslated stays English.

Ebb's translations are read straight from ``resources/translations/ebb_<lang>.ts`` (the
file translators edit in Qt Linguist; tools/translations.py keeps it in step with the
code). A string is looked up by its context and text, then by its text alone: PySide's
``tr()`` takes its context from the object's class at run time, so a string written in a
base class (EntryDialog) is asked for under the subclass (PainDialog), while lupdate
files it under the base class.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QObject, QTranslator

from desktop.system.paths import resource


class TsTranslator(QTranslator):
    """A translator over one .ts file's finished translations."""

    def __init__(self, path: Path, parent: QObject | None = None) -> None:
        import xml.etree.ElementTree as ElementTree  # only when a translation file exists

        super().__init__(parent)
        self.by_context: dict[tuple[str, str], str] = {}
        self.by_text: dict[str, str] = {}
        root = ElementTree.parse(path).getroot()
        for context in root.iter("context"):
            name = context.findtext("name") or ""
            for message in context.iter("message"):
                source = message.findtext("source")
                translation = message.find("translation")
                if source is None or translation is None or not translation.text:
                    continue
                if translation.get("type") in ("unfinished", "obsolete", "vanished"):
                    continue
                self.by_context[(name, source)] = translation.text
                self.by_text.setdefault(source, translation.text)

    def translate(
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str | None:
        # None (a null QString) tells Qt "not here": it then tries the next translator
        # and finally keeps the source. An empty string would count as a translation.
        return self.by_context.get((context, source)) or self.by_text.get(source)

    def isEmpty(self) -> bool:
        return not self.by_text


def install_translations(
    app: QCoreApplication, locale: QLocale | None = None, folder: Path | None = None
) -> list[str]:
    """Install the translations for ``locale`` (default: the system's); returns which
    were found. The translators are parented to ``app`` and live as long as it does."""
    locale = locale or QLocale.system()
    folder = folder or resource("translations")
    loaded = []
    qt = QTranslator(app)
    if qt.load(locale, "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
        loaded.append("qtbase")
    for language in locale.uiLanguages():  # e.g. "de-AT", "de"
        path = folder / f"ebb_{language.replace('-', '_')}.ts"
        if path.exists():
            app.installTranslator(TsTranslator(path, app))
            loaded.append(path.name)
            break
    return loaded
