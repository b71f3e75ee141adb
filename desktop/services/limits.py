"""Where the user stands against their own limits just after logging a dose (no Qt)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta, tzinfo
from typing import TYPE_CHECKING

from desktop.core.safety import DAY, check_dose, probe_amount

if TYPE_CHECKING:
    from desktop.storage.journal import Journal


@dataclass(frozen=True)
class LimitNote:
    doses: int  # in the 24 hours up to now, the new one included
    total: float
    unit: str
    within_again_at: datetime | None  # in the user's zone; None: within now, or no time to name


def after_dose(journal: Journal, name: str, now: datetime, zone: tzinfo) -> LimitNote:
    substance = journal.substance(name).substance
    recent = journal.doses_of(substance.name, now - DAY, now + timedelta(seconds=1))
    verdict = check_dose(
        substance.limits, recent, now, probe_amount(substance.usual_amount, substance.limits)
    )
    again = verdict.next_ok_at if not verdict.ok else None
    return LimitNote(
        len(recent),
        sum(d.amount for d in recent),
        substance.unit,
        None if again is None else again.astimezone(zone),
    )
