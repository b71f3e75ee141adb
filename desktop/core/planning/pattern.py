"""The user's reported pain by time of day, as check-ins show it (DESIGN.md 5).

48 half-hour slots; each slot's value is a weighted mean of every reading, the weight
being a circular Gaussian kernel on time of day (sigma 60 min) times recency (half-life
14 days). This is what the user *reported*, doses and all; the untreated pain and the
relief of doses are told apart by the pain model (desktop/core/planning/pain_model.py), which
uses the same readings and the same "enough data" rule defined here.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from enum import StrEnum

SLOTS = 48
SLOT_MIN = 30
DAY_MIN = 24 * 60
SIGMA_MIN = 60.0
HALF_LIFE_DAYS = 14.0
# A reading within this many minutes after a dose still counts as "with the dose".
WITH_DOSE_MIN = 5
# "Pain before" a dose: the dose's own field, or a reading at most this long before it.
BEFORE_DOSE_MIN = 30
# Below this much kernel weight a slot has no estimate of its own.
MIN_SLOT_WEIGHT = 0.5
MIN_READINGS, MIN_DAYS, MIN_BLOCKS = 20, 7, 4
BLOCK_MIN = 4 * 60

_KERNEL = [math.exp(-0.5 * (d / SIGMA_MIN) ** 2) for d in range(DAY_MIN // 2 + 1)]


class Split(StrEnum):
    POOLED = "pooled"
    WEEKDAY = "weekday"
    WEEKEND = "weekend"


@dataclass(frozen=True)
class PainReading:
    """One logged pain score, as the pattern reads it."""

    at: datetime  # aware, in the offset the user lived
    score: int


@dataclass(frozen=True)
class Slot:
    """One time-of-day slot of the pain profile: its smoothed pain and how much data backs it."""

    start_min: int
    pain: float | None
    support: float  # effective number of recent readings at this time of day

    @property
    def start(self) -> str:
        return f"{self.start_min // 60:02d}:{self.start_min % 60:02d}"


@dataclass(frozen=True)
class Sufficiency:
    """Whether readings suffice for a pattern: >= 20 readings on >= 7 days covering
    >= 4 of the six 4-hour blocks of the day."""

    readings: int
    days: int
    blocks: int

    @property
    def enough(self) -> bool:
        return self.readings >= MIN_READINGS and self.days >= MIN_DAYS and self.blocks >= MIN_BLOCKS

    @property
    def missing(self) -> dict[str, int]:
        """How many more readings, days and blocks are needed (only the short ones)."""
        short = {
            "readings": MIN_READINGS - self.readings,
            "days": MIN_DAYS - self.days,
            "blocks": MIN_BLOCKS - self.blocks,
        }
        return {k: v for k, v in short.items() if v > 0}


@dataclass(frozen=True)
class PainProfile:
    """The user's pain by time of day over the recent window, and whether data suffice."""

    slots: tuple[Slot, ...]
    split: Split
    sufficiency: Sufficiency
    window_days: int
    first_day: date
    last_day: date

    @property
    def enough_data(self) -> bool:
        return self.sufficiency.enough


def minute_of_day(at: datetime) -> int:
    """Local minute of the day in the offset the moment carries."""
    return at.hour * 60 + at.minute


def _circular_distance(a: float, b: float) -> int:
    d = abs(a - b) % DAY_MIN
    return round(min(d, DAY_MIN - d))


def sufficiency(readings: Sequence[PainReading]) -> Sufficiency:
    days = {r.at.date() for r in readings}
    blocks = {minute_of_day(r.at) // BLOCK_MIN for r in readings}
    return Sufficiency(len(readings), len(days), len(blocks))


# Kernel weights below this are left out (beyond ~4.3 sigma); it changes no slot by
# more than a hundredth of a pain point and makes a profile three times faster.
_KERNEL_CUTOFF = 1e-4


@functools.cache
def _kernel_row(minute: int) -> tuple[tuple[int, float], ...]:
    """(slot, kernel weight) of a reading at ``minute`` of the day, for the slots whose
    centres are near enough to matter."""
    row = ((s, _KERNEL[_circular_distance(minute, s * SLOT_MIN + SLOT_MIN / 2)]) for s in range(SLOTS))
    return tuple((s, k) for s, k in row if k >= _KERNEL_CUTOFF)


@dataclass
class _Sums:
    """Per-slot sums for one group of days (weekdays or weekend days)."""

    sums: list[float] = field(default_factory=lambda: [0.0] * SLOTS)
    weights: list[float] = field(default_factory=lambda: [0.0] * SLOTS)
    kernel_mass: list[float] = field(default_factory=lambda: [0.0] * SLOTS)
    readings: list[PainReading] = field(default_factory=list)

    def __add__(self, other: _Sums) -> _Sums:
        def add(a: list[float], b: list[float]) -> list[float]:
            return [x + y for x, y in zip(a, b, strict=True)]

        return _Sums(
            sums=add(self.sums, other.sums),
            weights=add(self.weights, other.weights),
            kernel_mass=add(self.kernel_mass, other.kernel_mass),
            readings=self.readings + other.readings,
        )


def _accumulate(readings: Sequence[PainReading], start: datetime, end: datetime) -> dict[bool, _Sums]:
    """One pass over the window: sums for weekdays (False) and weekend days (True)."""
    groups = {False: _Sums(), True: _Sums()}
    first, last = start.timestamp(), end.timestamp()
    # Timestamps once: comparing aware datetimes of different zones is slow.
    # Ties (two readings at one moment) by score, so the input order never matters.
    stamped = sorted(
        ((stamp, r) for r in readings if first <= (stamp := r.at.timestamp()) < last),
        key=lambda pair: (pair[0], pair[1].score),
    )
    for stamp, reading in stamped:
        group = groups[reading.at.weekday() >= 5]
        group.readings.append(reading)
        recency = float(0.5 ** (max(0.0, last - stamp) / 86400 / HALF_LIFE_DAYS))
        weighted_score = recency * reading.score
        for slot, kernel in _kernel_row(minute_of_day(reading.at)):
            group.sums[slot] += kernel * weighted_score
            group.weights[slot] += kernel * recency
            group.kernel_mass[slot] += kernel
    return groups


def _finish(sums: _Sums, split: Split, window_days: int, start: datetime, end: datetime) -> PainProfile:
    slots = []
    for s in range(SLOTS):
        pain = sums.sums[s] / sums.weights[s] if sums.kernel_mass[s] >= MIN_SLOT_WEIGHT else None
        slots.append(Slot(s * SLOT_MIN, pain, sums.weights[s]))
    return PainProfile(
        slots=tuple(slots),
        split=split,
        sufficiency=sufficiency(sums.readings),
        window_days=window_days,
        first_day=start.date(),
        last_day=(end - timedelta(microseconds=1)).date(),
    )


def _pick(groups: dict[bool, _Sums], split: Split) -> _Sums:
    if split is Split.POOLED:
        return groups[False] + groups[True]
    return groups[split is Split.WEEKEND]


def build_profile(
    readings: Sequence[PainReading],
    *,
    end: datetime,
    window_days: int,
    split: Split = Split.POOLED,
) -> PainProfile:
    """The profile from readings in [end - window_days, end) of the given split."""
    start = end - timedelta(days=window_days)
    groups = _accumulate(readings, start, end)
    return _finish(_pick(groups, split), split, window_days, start, end)


def profile_for_day(
    readings: Sequence[PainReading],
    *,
    day_start: datetime,
    window_days: int,
) -> PainProfile:
    """The profile to plan ``day_start``'s day with: the weekday or weekend profile when
    both have enough data, otherwise the pooled one. Uses data before ``day_start``."""
    start = day_start - timedelta(days=window_days)
    groups = _accumulate(readings, start, day_start)
    pooled = _finish(_pick(groups, Split.POOLED), Split.POOLED, window_days, start, day_start)
    if not pooled.enough_data:
        return pooled
    weekday = _finish(groups[False], Split.WEEKDAY, window_days, start, day_start)
    weekend = _finish(groups[True], Split.WEEKEND, window_days, start, day_start)
    if weekday.enough_data and weekend.enough_data:
        return weekend if day_start.weekday() >= 5 else weekday
    return pooled
