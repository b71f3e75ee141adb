"""The user's settings: each key, its default, and how a typed value is checked.

Values are stored as normalised text (e.g. "9:00" becomes "09:00"), so that
``settings show`` prints exactly what is in force.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from desktop.core.errors import QT_TRANSLATE_NOOP, ValidationError
from desktop.core.numbers import parse_bounded_float, parse_int
from desktop.core.text import parse_choice
from desktop.core.times import format_clock, parse_clock, zone_from_name


@dataclass(frozen=True)
class SettingSpec:
    """One setting: its key, default, help text and normaliser."""

    key: str
    default: str
    help: str
    normalise: Callable[[str, str], str]


def _clock(field: str, value: str) -> str:
    return format_clock(parse_clock(field, value))


def _clock_list(max_items: int, allow_empty: bool) -> Callable[[str, str], str]:
    def normalise(field: str, value: str) -> str:
        items = [v.strip() for v in value.split(",") if v.strip()]
        if not items and not allow_empty:
            raise ValidationError(
                field, QT_TRANSLATE_NOOP("Errors", "is empty; give times such as 09:00,14:00,20:00")
            )
        if len(items) > max_items:
            raise ValidationError(
                field,
                QT_TRANSLATE_NOOP("Errors", "has {count} times; at most {max_items} are allowed"),
                count=len(items),
                max_items=max_items,
            )
        times = sorted({parse_clock(field, v) for v in items})
        if len(times) != len(items):
            raise ValidationError(
                field, QT_TRANSLATE_NOOP("Errors", "{value!a} lists the same time twice"), value=value
            )
        return ",".join(format_clock(t) for t in times)

    return normalise


def _minutes_list(field: str, value: str) -> str:
    items = [v.strip() for v in value.split(",") if v.strip()]
    if len(items) > 6:
        raise ValidationError(
            field, QT_TRANSLATE_NOOP("Errors", "has {count} values; at most 6 are allowed"), count=len(items)
        )
    minutes = sorted({parse_int(field, v, 5, 720) for v in items})
    if len(minutes) != len(items):
        raise ValidationError(
            field, QT_TRANSLATE_NOOP("Errors", "{value!a} lists the same value twice"), value=value
        )
    return ",".join(str(m) for m in minutes)


def _choice(*options: str) -> Callable[[str, str], str]:
    def normalise(field: str, value: str) -> str:
        return parse_choice(field, value, options)

    return normalise


def _int_range(low: int, high: int) -> Callable[[str, str], str]:
    return lambda field, value: str(parse_int(field, value, low, high))


def _optional_int(low: int, high: int) -> Callable[[str, str], str]:
    def normalise(field: str, value: str) -> str:
        return "" if not value.strip() else str(parse_int(field, value, low, high))

    return normalise


def _float_range(low: float, high: float) -> Callable[[str, str], str]:
    return lambda field, value: f"{parse_bounded_float(field, value, low, high):g}"


def _zone(field: str, value: str) -> str:
    text = value.strip()
    if not text:
        return ""  # empty: use the system's zone
    zone_from_name(field, text)
    return text


def _bool(field: str, value: str) -> str:
    text = value.strip().lower()
    if text in ("true", "yes", "on", "1"):
        return "true"
    if text in ("false", "no", "off", "0"):
        return "false"
    raise ValidationError(
        field, QT_TRANSLATE_NOOP("Errors", "{value!a} is not one of: true, false"), value=value
    )


SPECS: dict[str, SettingSpec] = {
    spec.key: spec
    for spec in (
        SettingSpec("timezone", "", "IANA zone; empty means the system's zone", _zone),
        SettingSpec("wake_time", "07:00", "usual wake time on weekdays", _clock),
        SettingSpec("bedtime", "23:00", "usual bedtime on weekdays", _clock),
        SettingSpec("wake_time_weekend", "08:30", "usual wake time on weekends", _clock),
        SettingSpec("bedtime_weekend", "23:30", "usual bedtime on weekends", _clock),
        SettingSpec(
            "bedtime_mode",
            "fixed",
            "fixed | diary (median of recent diary nights)",
            _choice("fixed", "diary"),
        ),
        SettingSpec(
            "melatonin_lead_min",
            "60",
            "melatonin reminder this many minutes before bedtime (0-240)",
            _int_range(0, 240),
        ),
        SettingSpec(
            "checkin_times", "09:00,14:00,20:00", "times of the daily pain check-ins", _clock_list(12, True)
        ),
        SettingSpec(
            "followups_min", "60,120", "pain follow-ups this many minutes after a dose (5-720)", _minutes_list
        ),
        SettingSpec(
            "dose_timing",
            "fixed",
            "fixed | pattern (learned from your pain check-ins)",
            _choice("fixed", "pattern"),
        ),
        SettingSpec("dose_times", "", "your own dose reminder times in fixed mode", _clock_list(12, True)),
        SettingSpec(
            "dose_reminders_per_day",
            "",
            "most dose reminders a day with pattern timing; empty = as many as you took a day "
            "over the last 14 days (never above the substance's own maximum)",
            _optional_int(1, 12),
        ),
        SettingSpec("pain_threshold", "4", "pain level (0-10) that counts as a rise", _float_range(0, 10)),
        SettingSpec(
            "pattern_window_days",
            "28",
            "days of check-ins used for the pain pattern (7-365)",
            _int_range(7, 365),
        ),
        SettingSpec(
            "no_dose_before_bed_h",
            "0",
            "no dose reminders this many hours before bedtime (0-12)",
            _float_range(0, 12),
        ),
        SettingSpec("discreet", "false", "keep substance names out of notifications", _bool),
        SettingSpec(
            "reminder_window_only",
            "false",
            "show reminders in Ebb's own window instead of desktop notifications",
            _bool,
        ),
        SettingSpec(
            "repeat_every_min",
            "0",
            "repeat an unanswered reminder every N minutes (0 = off)",
            _int_range(0, 120),
        ),
        SettingSpec(
            "repeat_max", "3", "repeat an unanswered reminder at most this many times", _int_range(0, 10)
        ),
    )
}


def normalise_setting(key: str, value: str) -> str:
    """Check ``value`` for ``key`` and return its stored form."""
    spec = SPECS.get(key)
    if spec is None:
        raise ValidationError(
            "key",
            QT_TRANSLATE_NOOP("Errors", "{key!a} is not a setting; known keys: {known}"),
            key=key,
            known=", ".join(SPECS),
        )
    if not isinstance(value, str) or len(value) > 500:
        raise ValidationError(
            key, QT_TRANSLATE_NOOP("Errors", "value must be text of at most 500 characters")
        )
    return spec.normalise(key, value)


def effective_settings(stored: dict[str, str]) -> dict[str, str]:
    """Defaults overlaid with the stored values (unknown stored keys are ignored)."""
    return {key: stored.get(key, spec.default) for key, spec in SPECS.items()}
