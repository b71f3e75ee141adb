"""The moments a day's plan is made of: the user's wake and bed times on a day, local
times in a zone, real-time shifts across DST, and clock times as reasons show them.

Shared by every kind of reminder, so each planning module reads time the same way.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta, tzinfo

from desktop.core.planning.inputs import PlanConfig
from desktop.core.times import localize


def shift(moment: datetime, delta: timedelta) -> datetime:
    """``moment`` + ``delta`` in real (elapsed) time, shown in the same zone.

    Plain arithmetic on a ZoneInfo datetime is wall-clock arithmetic, an hour off
    across a DST change (and it can land on a time that does not exist).
    """
    return (moment.astimezone(UTC) + delta).astimezone(moment.tzinfo)


def instant(moment: datetime) -> float:
    return moment.timestamp()


def clock_text(t: time) -> str:
    return f"{t.hour:02d}:{t.minute:02d}"


def minutes_text(minute: int) -> str:
    minute %= 24 * 60
    return f"{minute // 60:02d}:{minute % 60:02d}"


def _is_weekend(day: date) -> bool:
    return day.weekday() >= 5


def wake_time(config: PlanConfig, day: date) -> time:
    return config.wake_weekend if _is_weekend(day) else config.wake


def evening_bedtime(config: PlanConfig, day: date) -> time:
    # The night from Friday to Saturday is a weekend night, and so is Saturday's.
    return config.bed_weekend if day.weekday() in (4, 5) else config.bed


def at_local(day: date, clock: time, zone: tzinfo, *, night: bool = False) -> datetime:
    """``clock`` on ``day`` in ``zone``; with ``night``, a clock before noon is after
    midnight (a bedtime of 00:30 belongs to the next calendar day)."""
    if night and clock < time(12, 0):
        day = day + timedelta(days=1)
    return localize(datetime.combine(day, clock), zone)
