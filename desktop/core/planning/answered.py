"""Re-planning a day that has begun: what the user already answered, or already logged,
still counts.

A reminder is its rule, day and planned time (:func:`occurrence.planned_key`), so a
moved time is a new reminder with a state of its own. For a dose that alone could add
one: a dose taken at 08:00, then the times edited to 08:30 and 13:00, would be asked for
again at 08:30. So a dose reminder answered "taken" at a time the plan no longer holds
stands for the nearest new time of the same substance that day, and that one is not
planned. Editing times, or the pattern moving, never adds a dose to a day.

And an entry answers a reminder however it was logged (the tray, the journal, the
command line): a dose or a pain score logged around a reminder's time closes it.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from desktop.core.planning.inputs import JournalView
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


# An entry logged this long before a reminder is due already answers it: a pain score
# just before a check-in, a dose just before its reminder (which must not then ask for
# another).
ANSWER_AHEAD = timedelta(minutes=30)


@dataclass(frozen=True)
class OpenReminder:
    """A stored reminder not answered yet (planned, due or snoozed)."""

    key: str
    kind: str
    substance: str | None
    due: datetime
    valid_until: datetime


def answered_by_entries(reminders: Sequence[OpenReminder], view: JournalView, now: datetime) -> list[str]:
    """The keys of open reminders that a logged entry already answers: a dose of the
    reminder's substance, or a pain score for a check-in or follow-up, logged from
    ``ANSWER_AHEAD`` before it is due until the end of its window (or now). Each entry
    answers one reminder and each reminder takes one entry, the nearest pairs first."""
    pairs = []
    for reminder in reminders:
        start, end = reminder.due - ANSWER_AHEAD, min(reminder.valid_until, now)
        for entry, at in _answers(reminder, view):
            if start <= at <= end:
                pairs.append((abs((at - reminder.due).total_seconds()), reminder, entry))
    used: set[object] = set()
    answered: list[OpenReminder] = []
    for _, reminder, entry in sorted(pairs, key=lambda pair: pair[0]):
        if entry not in used and reminder not in answered:
            used.add(entry)
            answered.append(reminder)
    return [r.key for r in sorted(answered, key=lambda r: r.due.astimezone(UTC))]


def _answers(reminder: OpenReminder, view: JournalView) -> list[tuple[object, datetime]]:
    """The entries that could answer ``reminder``, each with a stable identity."""
    if reminder.kind == ReminderKind.DOSE and reminder.substance is not None:
        name = reminder.substance.casefold()
        return [(("dose", d.uid), d.at) for d in view.doses if d.substance.casefold() == name]
    if reminder.kind in (ReminderKind.CHECKIN, ReminderKind.FOLLOWUP):
        return [(("pain", p.at, p.score), p.at) for p in view.pains]
    return []
