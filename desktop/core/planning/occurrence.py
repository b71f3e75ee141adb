"""One planned reminder, the unit of every day's plan (DESIGN.md 4).

Its own module because the planner makes occurrences and storage, the scheduler and the
services keep, fire and show them: each reads this small type without the planning.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from desktop.core.reasons import Reason


class ReminderKind(StrEnum):
    MELATONIN = "melatonin"
    DOSE = "dose"
    CHECKIN = "checkin"
    FOLLOWUP = "followup"
    SLEEP_DIARY = "sleep_diary"


@dataclass(frozen=True)
class Occurrence:
    """One planned reminder: what, when, until when it is still worth showing, and why."""

    key: str
    kind: ReminderKind
    due: datetime
    valid_until: datetime
    substance: str | None
    reason: Reason
