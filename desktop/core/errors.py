"""The one error type that bad input raises, everywhere in Ebb."""

from __future__ import annotations


def QT_TRANSLATE_NOOP(context: str, source: str) -> str:  # the name Qt's lupdate knows
    """Marks ``source`` for the translation template without translating it here: core
    writes its error messages in English, and the app shows them in the user's language
    (desktop/words/errors.py)."""
    return source


class ValidationError(ValueError):
    """Input that Ebb refuses. ``field`` names what was wrong; ``message`` says why.

    The message should name the value and the allowed range, so that a one-line error
    is enough for the user to fix the input. It is written as a ``template`` marked with
    ``QT_TRANSLATE_NOOP("Errors", …)`` and its ``values``, so the app can translate the
    template and fill in the same values; ``message`` is the English text.
    """

    def __init__(self, field: str, message: str, **values: object) -> None:
        self.field = field
        self.template = message
        self.values = values
        self.message = message.format(**values) if values else message
        super().__init__(f"{field}: {self.message}")
