"""Validation of free text and names.

Bidirectional controls and other control characters (C0/C1, unassigned, surrogates)
are refused in every field: in a journal that a clinician reads they can make text display in a different
order from the one stored ("Trojan Source", CVE-2021-42574). SQL-looking text is just
text: it is stored verbatim (every query is parameterised). Zero-width joiners stay
allowed: emoji sequences and Persian/Indic scripts need them.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable

from desktop.core.errors import QT_TRANSLATE_NOOP, ValidationError

MAX_NAME_LENGTH = 60
MAX_TEXT_LENGTH = 10_000

# Explicit bidi embeddings, overrides and isolates, plus marks that are invisible.
_BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c")


def _describe(value: str) -> str:
    shown = value if len(value) <= 40 else value[:37] + "..."
    return ascii(shown)


def _check_characters(field: str, value: str, *, multiline: bool) -> None:
    for char in value:
        if char in _BIDI_CONTROLS:
            raise ValidationError(
                field,
                QT_TRANSLATE_NOOP(
                    "Errors", "{value} contains the bidirectional control character U+{char:04X}; remove it"
                ),
                value=_describe(value),
                char=ord(char),
            )
        if multiline and char in "\n\t":
            continue
        category = unicodedata.category(char)
        if category in ("Cc", "Cs", "Co", "Cn") or char in "\u2028\u2029":
            raise ValidationError(
                field,
                QT_TRANSLATE_NOOP(
                    "Errors",
                    "{value} contains the control character U+{char:04X}; only printable text is allowed",
                ),
                value=_describe(value),
                char=ord(char),
            )


def clean_text(field: str, value: str, *, max_length: int = MAX_TEXT_LENGTH) -> str:
    """Validate free text (notes, batches, locations). Returns it with outer space trimmed."""
    if not isinstance(value, str):
        raise ValidationError(field, QT_TRANSLATE_NOOP("Errors", "{value!r} is not text"), value=value)
    # Windows and old Mac line ends become "\n", so a CRLF file imports cleanly.
    value = value.replace("\r\n", "\n").replace("\r", "\n").strip()
    if len(value) > max_length:
        raise ValidationError(
            field,
            QT_TRANSLATE_NOOP("Errors", "is {count} characters long; at most {max_length} are allowed"),
            count=len(value),
            max_length=max_length,
        )
    _check_characters(field, value, multiline=True)
    return value


def clean_name(field: str, value: str, *, max_length: int = MAX_NAME_LENGTH) -> str:
    """Validate a short single-line name (substance, side effect, tag)."""
    if not isinstance(value, str):
        raise ValidationError(field, QT_TRANSLATE_NOOP("Errors", "{value!r} is not text"), value=value)
    value = value.strip()
    if not value:
        raise ValidationError(
            field, QT_TRANSLATE_NOOP("Errors", "is empty; give a name of 1 to 60 characters")
        )
    if len(value) > max_length:
        raise ValidationError(
            field,
            QT_TRANSLATE_NOOP(
                "Errors", "{value} is {count} characters long; at most {max_length} are allowed"
            ),
            value=_describe(value),
            count=len(value),
            max_length=max_length,
        )
    _check_characters(field, value, multiline=False)
    return value


def parse_choice(field: str, value: object, allowed: Iterable[str]) -> str:
    """One of the ``allowed`` words, ignoring case and surrounding spaces."""
    options = tuple(allowed)
    text = value.strip().lower() if isinstance(value, str) else value
    if not isinstance(text, str) or text not in options:
        raise ValidationError(
            field,
            QT_TRANSLATE_NOOP("Errors", "{value!a} is not one of: {options}"),
            value=value,
            options=", ".join(options),
        )
    return text
