"""Parsing and checking the times the user types.

Times are stored as UTC plus the offset (and IANA zone when known) in force when the
entry was made, so that "time of day" always means the local time the user lived.
"""

from __future__ import annotations

import functools
import re
from datetime import UTC, date, datetime, time, timedelta, timezone, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from desktop.core.errors import QT_TRANSLATE_NOOP, ValidationError

# Entries before this are almost certainly typing mistakes (a year of 0026 or 1026).
EARLIEST = datetime(1970, 1, 1, tzinfo=UTC)
# Entries may be logged a little ahead (a dose about to be taken) but not further.
MAX_AHEAD = timedelta(days=1)

_ISO_RE = re.compile(
    r"^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,6}))?)?)?"
    r"(Z|[+-]\d{2}:?\d{2})?$",
    re.ASCII,  # only 0-9: no Arabic-Indic or full-width digits
)
# What people type for a time of day: "21:30", "9", "21.30", "9am", "9:30 pm".
_CLOCK_RE = re.compile(r"^(\d{1,2})(?:[:.](\d{2}))?\s*(?:([ap])\.?m\.?)?$", re.ASCII | re.IGNORECASE)


def zone_from_name(field: str, name: str) -> ZoneInfo:
    """An IANA zone such as "Europe/Berlin"; unknown names are refused."""
    if not isinstance(name, str) or not name or len(name) > 64 or name.startswith("/"):
        raise ValidationError(
            field, QT_TRANSLATE_NOOP("Errors", "{name!a} is not an IANA time zone name"), name=name
        )
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        raise ValidationError(
            field,
            QT_TRANSLATE_NOOP("Errors", "{name!a} is not a known IANA time zone (e.g. Europe/Berlin)"),
            name=name,
        ) from None


def parse_datetime(field: str, text: str, zone: tzinfo) -> datetime:
    """An aware datetime from ISO-8601 text; times without an offset are local to ``zone``.

    A local time that does not exist (skipped by a DST change) moves forward by the
    size of the gap, as a wall clock would show it.
    """
    if not isinstance(text, str):
        raise ValidationError(field, QT_TRANSLATE_NOOP("Errors", "{text!r} is not a time"), text=text)
    match = _ISO_RE.match(text.strip())
    if not match:
        raise ValidationError(
            field,
            QT_TRANSLATE_NOOP("Errors", "{text} is not an ISO-8601 time such as 2026-03-08T21:30"),
            text=_shown(text),
        )
    naive = _calendar_time(field, text, match)
    offset = match.group(8)
    if offset is None:
        try:
            return localize(naive, zone)
        except OverflowError:  # e.g. 0001-01-01T00:00 in a zone east of UTC
            raise ValidationError(
                field,
                QT_TRANSLATE_NOOP("Errors", "{text} is too far in the past or future"),
                text=_shown(text),
            ) from None
    return naive.replace(tzinfo=_utc_offset(field, text, offset))


def _calendar_time(field: str, text: str, match: re.Match[str]) -> datetime:
    """The naive datetime the matched ISO text names; 31 February and the like are refused."""
    year, month, day, hour, minute, second, frac = (match.group(i) or "0" for i in range(1, 8))
    try:
        return datetime(
            int(year), int(month), int(day), int(hour), int(minute), int(second), int(frac.ljust(6, "0"))
        )
    except ValueError as exc:
        raise ValidationError(
            field,
            QT_TRANSLATE_NOOP("Errors", "{text} is not a real calendar time ({exc})"),
            text=_shown(text),
            exc=exc,
        ) from None


def _utc_offset(field: str, text: str, offset: str) -> tzinfo:
    """``Z``, ``+02:00`` or ``-0530`` as a fixed zone; offsets past 23:59 are refused."""
    if offset == "Z":
        return UTC
    sign = -1 if offset[0] == "-" else 1
    digits = offset[1:].replace(":", "")
    hours, minutes = int(digits[:2]), int(digits[2:])
    if hours > 23 or minutes > 59:
        raise ValidationError(
            field, QT_TRANSLATE_NOOP("Errors", "{text} has an impossible UTC offset"), text=_shown(text)
        )
    return timezone(sign * timedelta(hours=hours, minutes=minutes))


def localize(naive: datetime, zone: tzinfo) -> datetime:
    """Attach ``zone`` to a wall-clock time; nonexistent times move forward, ambiguous
    times take the first (earlier) occurrence."""
    aware = naive.replace(tzinfo=zone, fold=0)
    round_trip = aware.astimezone(UTC).astimezone(zone)
    if round_trip.replace(tzinfo=None) != naive:
        # In a gap: one of the two folds maps the wall time to the instant the same
        # distance past the gap; take whichever lands later.
        later = naive.replace(tzinfo=zone, fold=1).astimezone(UTC).astimezone(zone)
        return max(later, round_trip)
    return aware


def check_entry_time(field: str, at: datetime, now: datetime) -> datetime:
    """Refuse times before 1970 or more than a day after ``now``."""
    if at.tzinfo is None or now.tzinfo is None:
        raise TypeError("check_entry_time needs aware datetimes")
    if at < EARLIEST:
        raise ValidationError(
            field,
            QT_TRANSLATE_NOOP("Errors", "{at} is too far in the past; the earliest allowed is 1970-01-01"),
            at=at.isoformat(),
        )
    if at > now + MAX_AHEAD:
        raise ValidationError(
            field,
            QT_TRANSLATE_NOOP(
                "Errors", "{at} is more than a day in the future; the latest allowed is {latest}"
            ),
            at=at.isoformat(),
            latest=(now + MAX_AHEAD).isoformat(timespec="minutes"),
        )
    return at


def parse_entry_time(field: str, text: str, zone: tzinfo, now: datetime) -> datetime:
    """Parse a user-typed entry time and check it is plausible for a journal."""
    return check_entry_time(field, parse_datetime(field, text, zone), now)


def parse_date(field: str, text: str) -> date:
    """A calendar date YYYY-MM-DD (Feb 30 refused), between 1970 and 9998."""
    if not isinstance(text, str) or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text.strip(), re.ASCII):
        raise ValidationError(
            field,
            QT_TRANSLATE_NOOP("Errors", "{text} is not a date such as 2026-03-08"),
            text=_shown(str(text)),
        )
    try:
        value = date.fromisoformat(text.strip())
    except ValueError as exc:
        raise ValidationError(
            field,
            QT_TRANSLATE_NOOP("Errors", "{text} is not a real calendar date ({exc})"),
            text=_shown(text),
            exc=exc,
        ) from None
    if value.year < 1970 or value.year > 9998:
        raise ValidationError(
            field,
            QT_TRANSLATE_NOOP("Errors", "{text} is out of range; allowed 1970-01-01 to 9998-12-31"),
            text=text,
        )
    return value


def parse_clock(field: str, text: str) -> time:
    """A wall-clock time of day as people type it: "21:30" or "21.30", a bare hour
    ("9" is 09:00), or on the 12-hour clock ("9am", "9:30 pm"; 12am is midnight)."""
    if not isinstance(text, str):
        raise ValidationError(field, QT_TRANSLATE_NOOP("Errors", "{text!r} is not a time of day"), text=text)
    match = _CLOCK_RE.match(text.strip())
    if not match:
        raise ValidationError(
            field,
            QT_TRANSLATE_NOOP("Errors", "{text} is not a time of day such as 21:30, 9.30 or 9pm"),
            text=_shown(text),
        )
    hour, minute = int(match.group(1)), int(match.group(2) or 0)
    if match.group(3) is not None:  # the 12-hour clock: 1-12 only
        if not 1 <= hour <= 12:
            raise ValidationError(
                field,
                QT_TRANSLATE_NOOP("Errors", "{text} is not a time of day; with am or pm the hour is 1-12"),
                text=_shown(text),
            )
        hour = hour % 12 + (12 if match.group(3).lower() == "p" else 0)
    if hour > 23 or minute > 59:
        raise ValidationError(
            field,
            QT_TRANSLATE_NOOP("Errors", "{text} is not a time of day; allowed 00:00-23:59"),
            text=_shown(text),
        )
    return time(hour, minute)


def format_clock(value: time) -> str:
    """ "HH:MM" for a time of day."""
    return f"{value.hour:02d}:{value.minute:02d}"


def to_utc_text(at: datetime) -> str:
    """Sortable UTC text, fixed width: 2026-03-08T20:30:00.000000Z."""
    utc = at.astimezone(UTC)
    # strftime's %Y does not zero-pad years before 1000 on glibc; pad it by hand.
    return f"{utc.year:04d}-{utc:%m-%dT%H:%M:%S.%f}Z"


def from_utc_text(text: str) -> datetime:
    """Inverse of :func:`to_utc_text`."""
    return datetime.fromisoformat(text)  # 3.11 reads the "Z" suffix; much faster than strptime


def offset_minutes(at: datetime) -> int:
    """The UTC offset of an aware datetime, in whole minutes."""
    offset = at.utcoffset()
    if offset is None:
        raise TypeError("offset_minutes needs an aware datetime")
    return int(offset.total_seconds() // 60)


@functools.cache
def _fixed_zone(minutes: int) -> timezone:
    return timezone(timedelta(minutes=minutes))


def from_stored(utc_text: str, minutes: int) -> datetime:
    """An instant stored as :func:`to_utc_text` shown in the fixed UTC offset stored
    beside it (:func:`offset_minutes`). One call a row: reads go through many thousand."""
    return datetime.fromisoformat(utc_text).astimezone(_fixed_zone(minutes))


def _shown(text: str) -> str:
    return ascii(text if len(text) <= 40 else text[:37] + "...")
