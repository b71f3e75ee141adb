"""Why something is planned: a reason code and the figures its wording needs.

Core speaks in codes; desktop/words/present.py (and the UI's words) turn them into sentences.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Reason:
    """Why a reminder is planned (or why none is): a code and the figures its wording needs."""

    code: str
    data: Mapping[str, Any] = field(default_factory=dict)
