"""The reminders that ask rather than remind of a dose: the day's check-ins, the
follow-ups after each logged dose, and the morning's sleep diary (DESIGN.md 4).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime, time, timedelta, tzinfo
from typing import Any

from desktop.core.model import SubstanceKind
from desktop.core.planning.day_times import at_local, clock_text, evening_bedtime, shift, wake_time
from desktop.core.planning.inputs import JournalView, PlanConfig
from desktop.core.planning.occurrence import Occurrence, ReminderKind, planned_key
from desktop.core.reasons import Reason
from desktop.core.times import localize

CHECKIN_WINDOW = timedelta(hours=2)
FOLLOWUP_WINDOW = timedelta(hours=1)
DIARY_UNTIL = time(12, 0)


def _asleep(config: PlanConfig, moment: datetime, zone: tzinfo) -> bool:
    """Inside the sleep window (between the evening's bedtime and the next wake time)."""
    local = moment.astimezone(zone)
    for evening in (local.date() - timedelta(days=1), local.date()):
        start = at_local(evening, evening_bedtime(config, evening), zone, night=True)
        end = at_local(evening + timedelta(days=1), wake_time(config, evening + timedelta(days=1)), zone)
        if start <= moment < end:
            return True
    return False


def plan_checkins(config: PlanConfig, day: date, zone: tzinfo) -> list[Occurrence]:
    result = []
    for clock in config.checkin_times:
        due = localize(datetime.combine(day, clock), zone)
        result.append(
            Occurrence(
                key=planned_key("checkin", day, clock.hour * 60 + clock.minute),
                kind=ReminderKind.CHECKIN,
                due=due,
                valid_until=shift(due, CHECKIN_WINDOW),
                substance=None,
                reason=Reason("checkin_time", {"time": clock_text(clock)}),
            )
        )
    return result


def plan_followups(config: PlanConfig, journal: JournalView, day: date, zone: tzinfo) -> list[Occurrence]:
    start = localize(datetime.combine(day, time()), zone)
    end = localize(datetime.combine(day + timedelta(days=1), time()), zone)
    relief = {s.name.casefold() for _, s in journal.substances if s.kind is not SubstanceKind.MELATONIN}
    result = []
    earliest = start - timedelta(minutes=max(config.followups_min, default=0))
    for dose in journal.doses:
        if dose.substance.casefold() not in relief or not earliest <= dose.at < end:
            continue
        for minutes in config.followups_min:
            due = shift(dose.at, timedelta(minutes=minutes))
            if not start <= due < end or _asleep(config, due, zone):
                continue
            result.append(
                Occurrence(
                    key=f"followup:{dose.uid}:{minutes}",
                    kind=ReminderKind.FOLLOWUP,
                    due=due.astimezone(zone),
                    valid_until=shift(due, FOLLOWUP_WINDOW),
                    substance=dose.substance,
                    reason=Reason(
                        "followup", {"minutes": minutes, "dose_time": f"{dose.at.astimezone(zone):%H:%M}"}
                    ),
                )
            )
    return result


def diary_night(reason_data: Mapping[str, Any]) -> date | None:
    """The night a morning diary reminder asks about (its reason's data says which)."""
    night = reason_data.get("night")
    return date.fromisoformat(night) if isinstance(night, str) else None


def plan_sleep_diary(config: PlanConfig, day: date, zone: tzinfo) -> list[Occurrence]:
    due = localize(datetime.combine(day, wake_time(config, day)), zone)
    until = localize(datetime.combine(day, DIARY_UNTIL), zone)
    if until <= due:
        until = shift(due, CHECKIN_WINDOW)
    return [
        Occurrence(
            key=f"sleep_diary:{day.isoformat()}",
            kind=ReminderKind.SLEEP_DIARY,
            due=due,
            valid_until=until,
            substance=None,
            reason=Reason("morning_diary", {"night": (day - timedelta(days=1)).isoformat()}),
        )
    ]
