"""The one translation hook for words written outside Qt (reasons, insight sentences,
the report, the command line's messages).

Strings are written in English and marked the way Qt's lupdate finds them, so one
template (resources/translations/ebb.ts) holds them all:

    translate("Reasons", "{time} — your dose time")
    translate("Insights", "%n more night(s)", None, nights)   # plural: n is positional

and tables of strings are marked with ``QT_TRANSLATE_NOOP("Context", "text")`` and
translated where they are used. The app installs Qt's ``QCoreApplication.translate``
here at start-up (desktop/ui/shell/translations.py), so these words follow the
system language like every window. Without Qt (the command line) the words stay English,
with English plural forms read from resources/translations/ebb_en.ts ("1 more night",
"3 more nights"); the file is read only when a plural is first asked for.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache

from desktop.core.errors import QT_TRANSLATE_NOOP
from desktop.system.paths import resource
from desktop.words.catalog import Catalog

Translator = Callable[[str, str, str | None, int], str]


@cache
def _english() -> Catalog:
    path = resource("translations") / "ebb_en.ts"
    return Catalog.read(path) if path.exists() else Catalog()


def english(context: str, source: str, disambiguation: str | None = None, n: int = -1) -> str:
    """The source text itself, in its English plural form for ``n``, with ``%n`` filled."""
    if n < 0:
        return source
    text = _english().lookup(context, source, n) or source
    return text.replace("%n", str(n))


_translator: Translator = english


def install(translator: Translator | None) -> None:
    """Send every ``translate`` call to ``translator`` (None: back to English)."""
    global _translator
    _translator = translator or english


def translate(context: str, source: str, disambiguation: str | None = None, n: int = -1) -> str:
    """``source`` in the user's language; ``n`` (positional, so lupdate sees a plural)
    picks the plural form and fills ``%n``."""
    return _translator(context, source, disambiguation, n)


__all__ = ["QT_TRANSLATE_NOOP", "english", "install", "translate"]
