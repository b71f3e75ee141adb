"""Synthetic journals with a known pain shape, for the pattern and planner tests.

Everything is deterministic: times are explicit, noise comes from ``random.Random(seed)``.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterable, Sequence
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from typing import Any
from zoneinfo import ZoneInfo

from desktop.core.model import Substance
from desktop.core.planning.inputs import JournalView, LoggedDose, PlanConfig
from desktop.core.planning.occurrence import Occurrence, ReminderKind
from desktop.core.planning.pattern import SLOT_MIN, PainProfile, PainReading
from desktop.core.times import localize
from desktop.core.validation import validate_substance

BERLIN = ZoneInfo("Europe/Berlin")
KRATOM_UID = "k1"
MELATONIN_UID = "m1"

Shape = Callable[[date, int], float]  # (local day, minute of the day) -> typical pain


def kratom(
    *,
    max_per_day: Any = 3,
    min_interval_h: Any = 4,
    onset_min: Any = 30,
    duration_h: Any = 3,
    name: str = "Kratom",
) -> Substance:
    return validate_substance(
        name,
        "kratom",
        "g",
        max_per_day=max_per_day,
        min_interval_h=min_interval_h,
        onset_min=onset_min,
        duration_h=duration_h,
    )


def melatonin() -> Substance:
    return validate_substance("Melatonin", "melatonin", "mg")


def block(*peaks: tuple[str, str, float], low: float = 2.0) -> Shape:
    """A shape that is ``low`` except inside the given ("HH:MM", "HH:MM", level) blocks."""
    spans = [(_minute(a), _minute(b), level) for a, b, level in peaks]

    def shape(day: date, minute: int) -> float:
        for first, last, level in spans:
            if first <= minute < last:
                return level
        return low

    return shape


def weekdays_only(shape: Shape, *, low: float = 2.0) -> Shape:
    """``shape`` on Monday to Friday, flat ``low`` on weekends."""

    def weekday_shape(day: date, minute: int) -> float:
        return low if day.weekday() >= 5 else shape(day, minute)

    return weekday_shape


def _minute(text: str) -> int:
    hours, minutes = text.split(":")
    return int(hours) * 60 + int(minutes)


def clock_minute(moment: datetime, zone: tzinfo) -> int:
    local = moment.astimezone(zone)
    return local.hour * 60 + local.minute


def local_dt(day: date, clock: str | time, zone: tzinfo = BERLIN) -> datetime:
    if isinstance(clock, str):
        clock = time(*map(int, clock.split(":")))
    return localize(datetime.combine(day, clock), zone)


def days_before(day: date, count: int) -> list[date]:
    """The ``count`` days before ``day``, oldest first."""
    return [day - timedelta(days=offset) for offset in range(count, 0, -1)]


def score(value: float) -> int:
    return max(0, min(10, round(value)))


def readings_for(
    shape: Shape,
    days: Iterable[date],
    *,
    seed: int = 1,
    zone: tzinfo = BERLIN,
    first: str = "07:00",
    last: str = "22:00",
    per_day: tuple[int, int] = (4, 6),
    noise: Sequence[int] = (-1, 0, 0, 0, 1),
) -> list[PainReading]:
    """4-6 check-ins a day spread over [first, last): one at a random minute inside each
    of n equal parts of the span, so every part of the day is sampled."""
    rng = random.Random(seed)
    start, end = _minute(first), _minute(last)
    result = []
    for day in days:
        count = rng.randint(*per_day)
        width = (end - start) / count
        for part in range(count):
            minute = int(start + part * width + rng.random() * width)
            at = localize(datetime.combine(day, time(minute // 60, minute % 60)), zone)
            result.append(PainReading(at, score(shape(day, minute) + rng.choice(noise))))
    return result


def journal(
    pains: Sequence[PainReading] = (),
    doses: Sequence[LoggedDose] = (),
    *,
    substances: Sequence[tuple[str, Substance]] | None = None,
    sleep_onsets: Sequence[tuple[date, datetime]] = (),
) -> JournalView:
    return JournalView(
        substances=[(KRATOM_UID, kratom())] if substances is None else substances,
        pains=pains,
        doses=doses,
        sleep_onsets=sleep_onsets,
    )


def pattern_config(**overrides: Any) -> PlanConfig:
    values: dict[str, Any] = {
        "dose_timing": "pattern",
        "pain_threshold": 4,
        "dose_times": (time(8), time(16)),
        "checkin_times": (),
        "followups_min": (),
    }
    values.update(overrides)
    return PlanConfig(**values)


def dose_occurrences(plan: Sequence[Occurrence]) -> list[Occurrence]:
    return [o for o in plan if o.kind is ReminderKind.DOSE]


def covered_slots(plan: Sequence[Occurrence], zone: tzinfo, onset_min: int, duration_h: float) -> set[int]:
    """Slots whose whole half hour lies in some dose's [due + onset, due + onset + duration)."""
    covered = set()
    for occurrence in dose_occurrences(plan):
        begin = clock_minute(occurrence.due, zone) + onset_min
        end = begin + duration_h * 60
        covered |= {s for s in range(48) if begin <= s * SLOT_MIN and (s + 1) * SLOT_MIN <= end}
    return covered


def slots_above(profile: PainProfile, threshold: float) -> set[int]:
    return {i for i, slot in enumerate(profile.slots) if slot.pain is not None and slot.pain > threshold}


def utc(moment: datetime) -> datetime:
    return moment.astimezone(UTC)
