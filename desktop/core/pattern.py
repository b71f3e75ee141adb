"""The user's typical pain by time of day, learned from their own check-ins (DESIGN.md 5).

48 half-hour slots; each slot's value is a weighted mean of readings, the weight being a
circular Gaussian kernel on time of day (sigma 60 min) times recency (half-life 14
days). Readings taken while a pain-relief dose was working are left out (they describe
the dose, not the untreated pain); readings taken with or just before a dose count.
Slots whose readings were mostly left out that way are "treated": their value is the
pain the user reported just before those doses (None if never reported), and the
planner keeps a dose over them, so that a dose that works is not planned away. A dose
taken before a rise shows little pain before it and little after it; only keeping it
avoids the drift.
"""

from __future__ import annotations

import bisect
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
class ReliefDose:
    """A logged dose of a pain-relief substance and its user-set timing."""

    at: datetime
    onset_min: int
    duration_h: float
    pain_before: int | None = None

    @property
    def effect_end(self) -> datetime:
        return self.at + timedelta(minutes=self.onset_min) + timedelta(hours=self.duration_h)


@dataclass(frozen=True)
class Slot:
    """One time-of-day slot of the pain profile: its smoothed pain and how much data backs it."""

    start_min: int
    pain: float | None
    support: float  # effective number of recent readings at this time of day
    treated: bool = False

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


def _merged_windows(doses: Sequence[ReliefDose]) -> list[list[float]]:
    """Effect windows (dose + 5 min, effect end) as merged [start, end] timestamps."""
    merged: list[list[float]] = []
    for start, end in sorted(
        ((d.at + timedelta(minutes=WITH_DOSE_MIN)).timestamp(), d.effect_end.timestamp()) for d in doses
    ):
        if merged and start < merged[-1][1]:  # open windows: touching ones stay apart
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return merged


def _inside(merged: list[list[float]], starts: list[float], moment: float) -> bool:
    index = bisect.bisect_left(starts, moment) - 1
    return index >= 0 and merged[index][0] < moment < merged[index][1]


def split_readings(
    readings: Sequence[PainReading], doses: Sequence[ReliefDose]
) -> tuple[list[PainReading], list[PainReading]]:
    """(eligible, excluded): excluded readings fall inside a dose's effect window,
    (dose + 5 min, dose + onset + duration)."""
    merged = _merged_windows(doses)
    starts = [m[0] for m in merged]
    eligible: list[PainReading] = []
    excluded: list[PainReading] = []
    for reading in readings:
        (excluded if _inside(merged, starts, reading.at.timestamp()) else eligible).append(reading)
    return eligible, excluded


def sufficiency(readings: Sequence[PainReading]) -> Sufficiency:
    days = {r.at.date() for r in readings}
    blocks = {minute_of_day(r.at) // BLOCK_MIN for r in readings}
    return Sufficiency(len(readings), len(days), len(blocks))


def _pain_before(dose: ReliefDose, readings: Sequence[PainReading], times: Sequence[float]) -> int | None:
    """The dose's own "pain before", else the latest reading from 30 min before to 5 min
    after it. ``readings`` are sorted by time and ``times`` are their timestamps."""
    if dose.pain_before is not None:
        return dose.pain_before
    moment = dose.at.timestamp()
    last = bisect.bisect_right(times, moment + WITH_DOSE_MIN * 60) - 1
    if last >= 0 and times[last] >= moment - BEFORE_DOSE_MIN * 60:
        return readings[last].score
    return None


# Kernel weights below this are left out (beyond ~4.3 sigma); it changes no slot by
# more than a hundredth of a pain point and makes a profile three times faster.
_KERNEL_CUTOFF = 1e-4


@functools.cache
def _kernel_row(minute: int) -> tuple[tuple[int, float], ...]:
    """(slot, kernel weight) of a reading at ``minute`` of the day, for the slots whose
    centres are near enough to matter."""
    row = ((s, _KERNEL[_circular_distance(minute, s * SLOT_MIN + SLOT_MIN / 2)]) for s in range(SLOTS))
    return tuple((s, k) for s, k in row if k >= _KERNEL_CUTOFF)


def _recency(at: datetime, end: datetime) -> float:
    age_days = max(0.0, (end - at).total_seconds() / 86400)
    return float(0.5 ** (age_days / HALF_LIFE_DAYS))


@dataclass
class _Sums:
    """Per-slot sums for one group of days (weekdays or weekend days)."""

    sums: list[float] = field(default_factory=lambda: [0.0] * SLOTS)
    weights: list[float] = field(default_factory=lambda: [0.0] * SLOTS)
    kernel_mass: list[float] = field(default_factory=lambda: [0.0] * SLOTS)
    excluded_mass: list[float] = field(default_factory=lambda: [0.0] * SLOTS)
    before_sums: list[float] = field(default_factory=lambda: [0.0] * SLOTS)
    before_weights: list[float] = field(default_factory=lambda: [0.0] * SLOTS)
    dose_cover: list[float] = field(default_factory=lambda: [0.0] * SLOTS)  # doses working then
    eligible: list[PainReading] = field(default_factory=list)

    def __add__(self, other: _Sums) -> _Sums:
        def add(a: list[float], b: list[float]) -> list[float]:
            return [x + y for x, y in zip(a, b, strict=True)]

        return _Sums(
            sums=add(self.sums, other.sums),
            weights=add(self.weights, other.weights),
            kernel_mass=add(self.kernel_mass, other.kernel_mass),
            excluded_mass=add(self.excluded_mass, other.excluded_mass),
            before_sums=add(self.before_sums, other.before_sums),
            before_weights=add(self.before_weights, other.before_weights),
            dose_cover=add(self.dose_cover, other.dose_cover),
            eligible=self.eligible + other.eligible,
        )


def _accumulate(
    readings: Sequence[PainReading], doses: Sequence[ReliefDose], start: datetime, end: datetime
) -> dict[bool, _Sums]:
    """One pass over the window: sums for weekdays (False) and weekend days (True)."""
    groups = {False: _Sums(), True: _Sums()}
    first, last = start.timestamp(), end.timestamp()
    # Timestamps once: comparing aware datetimes of different zones is slow.
    # Ties (two readings at one moment) by score, so the input order never matters.
    stamped = sorted(
        ((stamp, r) for r in readings if first <= (stamp := r.at.timestamp()) < last),
        key=lambda pair: (pair[0], pair[1].score),
    )
    times = [stamp for stamp, _ in stamped]
    in_window = [r for _, r in stamped]
    window_doses = [d for d in doses if first - 86400 <= d.at.timestamp() < last]
    merged = _merged_windows(window_doses)
    starts = [m[0] for m in merged]
    for stamp, reading in stamped:
        group = groups[reading.at.weekday() >= 5]
        row = _kernel_row(minute_of_day(reading.at))
        if _inside(merged, starts, stamp):
            for slot, kernel in row:
                group.excluded_mass[slot] += kernel
            continue
        group.eligible.append(reading)
        recency = float(0.5 ** (max(0.0, last - stamp) / 86400 / HALF_LIFE_DAYS))
        weighted_score = recency * reading.score
        for slot, kernel in row:
            group.sums[slot] += kernel * weighted_score
            group.weights[slot] += kernel * recency
            group.kernel_mass[slot] += kernel
    for dose in window_doses:
        if not start <= dose.at < end:
            continue
        before = _pain_before(dose, in_window, times)
        group = groups[dose.at.weekday() >= 5]
        recency = _recency(dose.at, end)
        first = minute_of_day(dose.at) + WITH_DOSE_MIN
        last = first + dose.onset_min + int(dose.duration_h * 60)
        for slot in range(SLOTS):
            centre = slot * SLOT_MIN + SLOT_MIN / 2
            if first <= centre < last or first <= centre + DAY_MIN < last:
                group.dose_cover[slot] += 1
                if before is not None:
                    group.before_sums[slot] += recency * before
                    group.before_weights[slot] += recency
    return groups


def _finish(sums: _Sums, split: Split, window_days: int, start: datetime, end: datetime) -> PainProfile:
    slots = []
    for s in range(SLOTS):
        # Treated: doses were working at this time of day and most readings near it were
        # taken while they did (kernel spill-over next to an effect window does not count).
        treated = (
            sums.dose_cover[s] > 0
            and sums.excluded_mass[s] >= MIN_SLOT_WEIGHT
            and sums.excluded_mass[s] > sums.kernel_mass[s]
        )
        if treated and sums.before_weights[s] > 0:
            pain: float | None = sums.before_sums[s] / sums.before_weights[s]
        elif sums.kernel_mass[s] >= MIN_SLOT_WEIGHT:
            pain = sums.sums[s] / sums.weights[s]
        else:
            pain = None
        slots.append(Slot(s * SLOT_MIN, pain, sums.weights[s], treated))
    return PainProfile(
        slots=tuple(slots),
        split=split,
        sufficiency=sufficiency(sums.eligible),
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
    doses: Sequence[ReliefDose],
    *,
    end: datetime,
    window_days: int,
    split: Split = Split.POOLED,
) -> PainProfile:
    """The profile from readings in [end - window_days, end) of the given split."""
    start = end - timedelta(days=window_days)
    groups = _accumulate(readings, doses, start, end)
    return _finish(_pick(groups, split), split, window_days, start, end)


def profile_for_day(
    readings: Sequence[PainReading],
    doses: Sequence[ReliefDose],
    *,
    day_start: datetime,
    window_days: int,
) -> PainProfile:
    """The profile to plan ``day_start``'s day with: the weekday or weekend profile when
    both have enough data, otherwise the pooled one. Uses data before ``day_start``."""
    start = day_start - timedelta(days=window_days)
    groups = _accumulate(readings, doses, start, day_start)
    pooled = _finish(_pick(groups, Split.POOLED), Split.POOLED, window_days, start, day_start)
    if not pooled.enough_data:
        return pooled
    weekday = _finish(groups[False], Split.WEEKDAY, window_days, start, day_start)
    weekend = _finish(groups[True], Split.WEEKEND, window_days, start, day_start)
    if weekday.enough_data and weekend.enough_data:
        return weekend if day_start.weekday() >= 5 else weekday
    return pooled
