"""Validation of numbers typed by the user (amounts, scores, minutes, counts)."""

from __future__ import annotations

import math

from desktop.core.errors import QT_TRANSLATE_NOOP, ValidationError

# Amounts are the user's own; this bound only catches typing accidents (an extra
# row of zeros) and values that would overflow sums.
MAX_AMOUNT = 1_000_000.0


def parse_float(field: str, value: object) -> float:
    """A finite float from text or a number; bools and non-numbers are refused."""
    if isinstance(value, bool):
        raise ValidationError(field, QT_TRANSLATE_NOOP("Errors", "{value!r} is not a number"), value=value)
    if isinstance(value, (int, float)):
        try:
            number = float(value)
        except OverflowError:  # an int beyond the float range, e.g. 10**400
            raise ValidationError(
                field, QT_TRANSLATE_NOOP("Errors", "{value} is too large a number"), value=_shown(value)
            ) from None
    elif isinstance(value, str):
        text = value.strip()
        try:
            number = float(text)
        except ValueError:
            raise ValidationError(
                field, QT_TRANSLATE_NOOP("Errors", "{value} is not a number"), value=_shown(value)
            ) from None
    else:
        raise ValidationError(field, QT_TRANSLATE_NOOP("Errors", "{value!r} is not a number"), value=value)
    if not math.isfinite(number):
        raise ValidationError(
            field, QT_TRANSLATE_NOOP("Errors", "{value} is not a finite number"), value=_shown(value)
        )
    return number


def parse_int(field: str, value: object, low: int, high: int) -> int:
    """A whole number in [low, high]; "5.0" is accepted as 5, "5.5" is refused."""
    number = parse_float(field, value)
    if not number.is_integer():
        raise ValidationError(
            field,
            QT_TRANSLATE_NOOP("Errors", "{value} is not a whole number; use a whole number {low}-{high}"),
            value=_shown(value),
            low=low,
            high=high,
        )
    if not low <= number <= high:
        raise ValidationError(
            field,
            QT_TRANSLATE_NOOP("Errors", "{value} is out of range; allowed {low}-{high}"),
            value=_shown(value),
            low=low,
            high=high,
        )
    return int(number)


def parse_bounded_float(
    field: str, value: object, low: float, high: float, *, low_inclusive: bool = True
) -> float:
    """A finite float in [low, high] (or (low, high] when ``low_inclusive`` is false)."""
    number = parse_float(field, value)
    too_low = number < low if low_inclusive else number <= low
    if too_low or number > high:
        bracket = "from" if low_inclusive else "above"
        raise ValidationError(
            field,
            QT_TRANSLATE_NOOP("Errors", "{value} is out of range; allowed {bracket} {low} up to {high}"),
            value=_shown(value),
            bracket=bracket,
            low=format_number(low),
            high=format_number(high),
        )
    return number


def parse_amount(field: str, value: object) -> float:
    """A dose amount: finite and greater than zero."""
    number = parse_float(field, value)
    if number <= 0:
        raise ValidationError(
            field,
            QT_TRANSLATE_NOOP("Errors", "{value} is not allowed; an amount must be greater than 0"),
            value=_shown(value),
        )
    if number > MAX_AMOUNT:
        raise ValidationError(
            field,
            QT_TRANSLATE_NOOP("Errors", "{value} is too large; at most {most} is allowed"),
            value=_shown(value),
            most=format_number(MAX_AMOUNT),
        )
    return number


def parse_pain_score(field: str, value: object) -> int:
    """A pain score on the 0-10 numeric rating scale (whole numbers only)."""
    return parse_int(field, value, 0, 10)


def format_number(number: float) -> str:
    """A number without trailing zeros: 2.0 -> "2", 0.25 -> "0.25"."""
    return f"{number:g}"


def _shown(value: object) -> str:
    text = value if isinstance(value, str) else repr(value)
    return ascii(text if len(text) <= 40 else text[:37] + "...")
