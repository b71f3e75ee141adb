"""The one error type that bad input raises, everywhere in Ebb."""

from __future__ import annotations


class ValidationError(ValueError):
    """Input that Ebb refuses. ``field`` names what was wrong; ``message`` says why.

    The message should name the value and the allowed range, so that a one-line error
    is enough for the user to fix the input.
    """

    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message
