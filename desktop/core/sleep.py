"""Resolving the clock times of a sleep diary across midnight."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta, tzinfo

from desktop.core.times import localize, parse_clock, parse_datetime

# A diary night "of date D" starts in the evening of D; an into-bed clock time before
# noon therefore belongs to the early morning of D + 1.
NIGHT_STARTS = time(12, 0)


def resolve_night_times(night: date, texts: dict[str, str], zone: tzinfo) -> dict[str, datetime]:
    """Turn the diary's times into aware datetimes.

    ``texts`` maps field names in diary order (``in_bed``, ``try_sleep``,
    ``final_wake``, ``out_of_bed``) to either "HH:MM" or full ISO-8601 text. A bare
    clock time is the first such wall time at or after the previous field's time
    (into bed: in the evening of ``night``, or after midnight if before noon).
    """
    resolved: dict[str, datetime] = {}
    previous: datetime | None = None
    for field, text in texts.items():
        if isinstance(text, str) and ":" in text and "-" not in text.strip()[:5]:
            clock = parse_clock(field, text)
            if previous is None:
                day = night if clock >= NIGHT_STARTS else night + timedelta(days=1)
                moment = localize(datetime.combine(day, clock), zone)
            else:
                local_prev = previous.astimezone(zone)
                day = local_prev.date()
                moment = localize(datetime.combine(day, clock), zone)
                if _utc(moment) < _utc(previous):
                    # In a repeated (fall-back) hour the second occurrence may still lie ahead.
                    second = moment.replace(fold=1)
                    if _utc(second) >= _utc(previous):
                        moment = second
                    else:
                        moment = localize(datetime.combine(day + timedelta(days=1), clock), zone)
        else:
            moment = parse_datetime(field, text, zone)
        resolved[field] = moment
        previous = moment
    return resolved


def _utc(moment: datetime) -> datetime:
    # Datetimes sharing one ZoneInfo compare by wall clock, ignoring fold; compare in UTC.
    return moment.astimezone(UTC)
