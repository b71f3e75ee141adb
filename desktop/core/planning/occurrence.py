"""One planned reminder, the unit of every day's plan (DESIGN.md 4).

Its own module because the planner makes occurrences and storage, the scheduler and the
services keep, fire and show them: each reads this small type without the planning.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

from desktop.core.reasons import Reason


class ReminderKind(StrEnum):
    MELATONIN = "melatonin"
    DOSE = "dose"
    CHECKIN = "checkin"
    FOLLOWUP = "followup"
    SLEEP_DIARY = "sleep_diary"


def planned_key(rule: str, day: date, minute: int) -> str:
    """A reminder's identity: its rule, its day and the wall-clock time it was planned
    for (minutes after midnight), e.g. ``checkin:2026-03-02@09:00``.

    The time is part of it because a moved or new time is a new reminder: it must not
    inherit the state (taken, skipped, suppressed) of whatever stood at that place in
    the list before. Only the same rule at the same planned time keeps its state.
    """
    return f"{rule}:{day.isoformat()}@{minute // 60:02d}:{minute % 60:02d}"


@dataclass(frozen=True)
class Occurrence:
    """One planned reminder: what, when, until when it is still worth showing, and why."""

    key: str
    kind: ReminderKind
    due: datetime
    valid_until: datetime
    substance: str | None
    reason: Reason
