"""One translation file (Qt Linguist's .ts) read into plain lookups, without Qt.

Both the app (through a QTranslator, desktop/ui/shell/translations.py) and the command
line (English plural forms, desktop/words/translate.py) read translations this way, so a
word and its plural forms come from one place. Only finished translations count.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

_SKIPPED = ("unfinished", "obsolete", "vanished")


def plural_form(language: str, n: int, forms: int) -> int:
    """Which of a message's ``forms`` numerus forms is used for ``n`` in ``language``
    (the order Qt Linguist gives them). Languages not listed use the English rule."""
    base = language.split("_")[0].split("-")[0].lower()
    if base in ("ja", "zh", "ko", "vi", "th", "id", "ms"):
        index = 0
    elif base in ("fr", "pt") and language.lower() != "pt_pt":
        index = 0 if n <= 1 else 1
    elif base in ("ru", "uk", "be", "sr", "hr", "bs"):
        if n % 10 == 1 and n % 100 != 11:
            index = 0
        elif 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14:
            index = 1
        else:
            index = 2
    elif base == "pl":
        index = 0 if n == 1 else 1 if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14 else 2
    elif base in ("cs", "sk"):
        index = 0 if n == 1 else 1 if 2 <= n <= 4 else 2
    else:
        index = 0 if n == 1 else 1
    return min(index, max(forms - 1, 0))


@dataclass
class Catalog:
    """A .ts file's finished translations, by (context, source) and by source alone:
    PySide's ``tr()`` takes its context from the object's class at run time, so a string
    written in a base class is asked for under the subclass, while lupdate files it under
    the base class."""

    language: str = "en"
    by_context: dict[tuple[str, str], tuple[str, ...]] = field(default_factory=dict)
    by_text: dict[str, tuple[str, ...]] = field(default_factory=dict)

    @classmethod
    def read(cls, path: Path) -> Catalog:
        import xml.etree.ElementTree as ElementTree  # only when a translation file is read

        root = ElementTree.parse(path).getroot()
        catalog = cls(language=root.get("language") or "en")
        for context in root.iter("context"):
            name = context.findtext("name") or ""
            for message in context.iter("message"):
                source = message.findtext("source")
                translation = message.find("translation")
                if source is None or translation is None or translation.get("type") in _SKIPPED:
                    continue
                forms = [form.text or "" for form in translation.iter("numerusform")]
                texts = tuple(forms) if message.get("numerus") == "yes" else (translation.text or "",)
                if not all(texts):
                    continue
                catalog.by_context[(name, source)] = texts
                catalog.by_text.setdefault(source, texts)
        return catalog

    def lookup(self, context: str, source: str, n: int = -1) -> str | None:
        """The translation, with the plural form for ``n`` (``%n`` is left in), or None."""
        texts = self.by_context.get((context, source)) or self.by_text.get(source)
        if not texts:
            return None
        return texts[plural_form(self.language, n, len(texts)) if n >= 0 else 0]

    def __bool__(self) -> bool:
        return bool(self.by_text)
