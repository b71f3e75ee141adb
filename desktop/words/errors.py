"""A refused input's message in the user's language: core writes each message as an
English template marked for the translation file, with the values kept apart, so the
translated template gets the same values (the command line keeps the English message)."""

from __future__ import annotations

from desktop.core.errors import ValidationError
from desktop.words.translate import translate


def error_message(error: ValidationError) -> str:
    """``error``'s message, translated ("Errors" context) and filled in."""
    text = translate("Errors", error.template)
    return text.format(**error.values) if error.values else text
