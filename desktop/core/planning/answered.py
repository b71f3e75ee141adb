"""Re-planning a day that has begun: what the user already answered still counts.

A reminder is its rule, day and planned time (:func:`occurrence.planned_key`), so a
moved time is a new reminder with a state of its own. For a dose that alone could add
one: a dose taken at 08:00, then the times edited to 08:30 and 13:00, would be asked for
again at 08:30. So a dose reminder answered "taken" at a time the plan no longer holds
stands for the nearest new time of the same substance that day, and that one is not
planned. Editing times, or the pattern moving, never adds a dose to a day.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime

from desktop.core.planning.occurrence import Occurrence, ReminderKind


@dataclass(frozen=True)
class TakenDose:
    """A stored dose reminder the user answered "taken"."""

    key: str
    substance: str
    day: date  # the local date it was planned for
    due: datetime


def not_asked_again(
    planned: Sequence[Occurrence], taken: Iterable[TakenDose], answered_keys: Collection[str]
) -> list[Occurrence]:
    """``planned`` without the dose reminders that taken doses at other times stand for.

    ``answered_keys``: every stored reminder already answered (taken, skipped, missed…);
    a planned time with an answer of its own keeps it and stands for nothing else.
    """
    planned_keys = {o.key for o in planned}
    spoken_for: set[str] = set()
    for dose in sorted(taken, key=lambda t: t.due.astimezone(UTC)):
        if dose.key in planned_keys:
            continue  # still planned at its own time: its own row keeps "taken"
        candidates = [
            o
            for o in planned
            if o.kind is ReminderKind.DOSE
            and (o.substance or "").casefold() == dose.substance.casefold()
            and o.due.date() == dose.day
            and o.key not in answered_keys
            and o.key not in spoken_for
        ]
        if candidates:
            nearest = min(candidates, key=lambda o: abs((o.due - dose.due).total_seconds()))
            spoken_for.add(nearest.key)
    return [o for o in planned if o.key not in spoken_for]
