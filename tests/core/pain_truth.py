"""Synthetic journals whose truth is known: a stated untreated baseline and a stated
relief curve, for the pain model and the planner (issue 12).

Pain at a moment = baseline(minute of the day) + the sum of relief(minutes after) over
earlier doses + Gaussian noise, rounded and clipped to 0-10, exactly as the model
assumes. Dose times vary (or not, where a test says so). Deterministic per seed.
"""

from __future__ import annotations

import math
import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, tzinfo

from desktop.core.planning.inputs import LoggedDose
from desktop.core.planning.pain_model_values import ModelDose
from desktop.core.planning.pattern import PainReading
from desktop.core.times import localize
from tests.core.synthetic import BERLIN, days_before

Baseline = Callable[[float], float]  # minute of the day -> untreated pain
Relief = Callable[[float], float]  # minutes after a dose -> change in pain (negative = relief)


def rises(*peaks: tuple[float, float, float], floor: float = 2.5) -> Baseline:
    """``floor`` plus Gaussian bumps (centre minute, width minutes, height)."""

    def baseline(minute: float) -> float:
        return floor + sum(h * math.exp(-(((minute - c) / w) ** 2)) for c, w, h in peaks)

    return baseline


def flat(level: float) -> Baseline:
    return lambda minute: level


def gamma_relief(peak_drop: float = 3.0, peak_min: float = 120.0, shape: float = 2.0) -> Relief:
    """A drop that builds to ``peak_drop`` points at ``peak_min`` and fades (a gamma shape)."""

    def relief(after: float) -> float:
        if after <= 0:
            return 0.0
        x = after / peak_min
        return -peak_drop * x**shape * math.exp(shape * (1 - x))

    return relief


def no_relief(after: float) -> float:
    return 0.0


def help_span(relief: Relief, drop: float = 1.0) -> tuple[int, int, int, float]:
    """(onset, peak minute, duration, peak change) of ``relief`` on a 5-min grid, as the
    model defines them."""
    grid = [(m, relief(m)) for m in range(0, 481, 5)]
    helping = [m for m, v in grid if v <= -drop]
    peak_min, peak = min(grid, key=lambda pair: pair[1])
    return helping[0], peak_min, helping[-1], peak


@dataclass(frozen=True)
class DosePlan:
    """When the synthetic person doses: (earliest minute, latest minute, chance a day)."""

    windows: Sequence[tuple[int, int, float]] = ((7 * 60 + 30, 12 * 60, 0.7), (13 * 60, 18 * 60, 0.4))


@dataclass
class TruthJournal:
    readings: list[PainReading] = field(default_factory=list)
    doses: list[LoggedDose] = field(default_factory=list)

    def model_doses(self) -> list[ModelDose]:
        return [ModelDose(d.at, d.substance, d.pain_before) for d in self.doses]


def _at(day: date, minute: float, zone: tzinfo) -> datetime:
    minute = max(0, min(24 * 60 - 1, int(minute)))
    return localize(datetime.combine(day, time(minute // 60, minute % 60)), zone)


def truth_journal(
    baseline: Baseline,
    relief: Relief,
    *,
    plan_day: date,
    days: int = 56,
    doses: DosePlan = DosePlan(),
    checkins: int = 5,
    followups: Sequence[int] = (60, 120),
    noise: float = 0.7,
    seed: int = 1,
    substance: str = "Kratom",
    zone: tzinfo = BERLIN,
) -> TruthJournal:
    """``days`` days before ``plan_day`` of check-ins at random times 07:00-22:00,
    doses per ``doses`` (with pain before and follow-ups), pain drawn from the truth."""
    rng = random.Random(seed)
    journal = TruthJournal()
    uid = 0
    for day in days_before(plan_day, days):
        dose_minutes = sorted(
            rng.uniform(first, last) for first, last, chance in doses.windows if rng.random() < chance
        )
        dose_moments = [_at(day, m, zone) for m in dose_minutes]

        def truth(moment: datetime, dose_moments: list[datetime] = dose_moments) -> int:
            local = moment.astimezone(zone)
            minute = local.hour * 60 + local.minute
            value = baseline(minute) + sum(
                relief((moment - d).total_seconds() / 60) for d in dose_moments if d < moment
            )
            return max(0, min(10, round(value + rng.gauss(0, noise))))

        for moment in dose_moments:
            uid += 1
            journal.doses.append(LoggedDose(f"d{uid}", substance, moment, truth(moment)))
            for after in followups:
                later = moment + timedelta(minutes=after)
                if later.date() == day and rng.random() < 0.85:
                    journal.readings.append(PainReading(later, truth(later)))
        span = (22 * 60 - 7 * 60) / checkins
        for part in range(checkins):
            moment = _at(day, 7 * 60 + part * span + rng.random() * span, zone)
            journal.readings.append(PainReading(moment, truth(moment)))
    journal.readings.sort(key=lambda r: r.at)
    return journal
