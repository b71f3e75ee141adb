"""Realistic synthetic journals for trying Ebb out and for demos (``ebb demo``).

The data are invented: a circadian pain pattern with a morning rise, a smaller evening
one and a weekly rhythm; kratom doses (with the pain before them and follow-ups that
are usually lower afterwards); melatonin on some evenings with sleep diaries in which
falling asleep tends to be quicker on those nights; some side effects, notes and a few
doses logged beyond the demo user's own limits. Nothing here is advice or a claim.
"""

from __future__ import annotations

import math
import random
from collections.abc import Iterator
from datetime import date, datetime, time, timedelta, tzinfo

from desktop.core.model import Substance
from desktop.core.safety import PastDose, check_dose
from desktop.core.times import localize
from desktop.core.validation import (
    validate_dose,
    validate_effect,
    validate_note,
    validate_pain,
    validate_sleep,
    validate_substance,
)
from desktop.storage.records import Entry

NOTES = (
    "long walk in the afternoon",
    "rainy and cold",
    "busy day at work",
    "physio session",
    "slept in the afternoon",
    "stressful phone call",
    "gentle yoga",
)


def demo_substances() -> list[Substance]:
    """The demo user's substances, with limits that the demo user chose."""
    return [
        validate_substance(
            "Kratom",
            "kratom",
            "g",
            usual_amount=2,
            min_interval_h=4,
            max_per_day=3,
            daily_cap=8,
            onset_min=30,
            duration_h=4,
        ),
        validate_substance("Melatonin", "melatonin", "mg", usual_amount=1, onset_min=30, duration_h=8),
    ]


def _pain_level(minute: float, weekday: int) -> float:
    morning = 3.2 * math.exp(-(((minute - 11 * 60) / 80) ** 2))
    evening = 1.2 * math.exp(-(((minute - 20 * 60) / 70) ** 2))
    return 2.5 + morning + evening + (0.4 if weekday < 5 else -0.3)


def _at(day: date, minute: float, zone: tzinfo) -> datetime:
    minute = max(0, min(24 * 60 - 1, int(minute)))
    return localize(datetime.combine(day, time(minute // 60, minute % 60)), zone)


def _score(value: float) -> int:
    return max(0, min(10, round(value)))


def demo_entries(days: int, seed: int, last_day: date, zone: tzinfo, now: datetime) -> Iterator[Entry]:
    """Entries for the ``days`` days ending with ``last_day`` (deterministic per seed)."""
    rng = random.Random(seed)
    # A stream of its own, so that adding evening doses left the rest of a seed's journal
    # as it was.
    evening = random.Random(seed + 7919)
    kratom, melatonin = demo_substances()
    history: list[PastDose] = []
    for offset in range(days - 1, -1, -1):
        day = last_day - timedelta(days=offset)
        weekday = day.weekday()
        relief_until = -1.0
        relief_factor = 1.0
        dose_minutes: list[float] = []
        if rng.random() < 0.85:
            dose_minutes.append(9 * 60 + 30 + rng.gauss(0, 20))
        if rng.random() < 0.35:
            dose_minutes.append(15 * 60 + rng.gauss(0, 30))
        if rng.random() < 0.04:  # now and then a dose too soon after another
            dose_minutes.append((dose_minutes[-1] if dose_minutes else 12 * 60) + 90)
        if evening.random() < 0.15:  # some evenings a dose after 18:00
            dose_minutes.append(19 * 60 + 30 + evening.gauss(0, 30))
        for minute in sorted(dose_minutes):
            at = _at(day, minute, zone)
            before = _score(_pain_level(minute, weekday) + rng.gauss(0, 0.8))
            amount = rng.choice((1.5, 2.0, 2.0, 2.5))
            verdict = check_dose(kratom.limits, history, at, amount)
            dose = validate_dose(
                kratom,
                amount,
                at,
                now,
                pain_before=before,
                batch=f"B{1 + offset // 30}",
                warnings=tuple(str(r) for r in verdict.reasons),
            )
            history.append(PastDose(at, amount))
            yield dose
            relief_until = minute + 30 + 240
            relief_factor = rng.uniform(0.45, 0.75)
            for follow in (60, 120):
                if rng.random() < 0.8:
                    level = _pain_level(minute + follow, weekday) * relief_factor + rng.gauss(0, 0.6)
                    yield validate_pain(
                        _score(level), _at(day, minute + follow, zone), now, source="follow-up"
                    )
            if rng.random() < 0.06:
                name, severity = rng.choice(
                    (("nausea", 1), ("constipation", 1), ("drowsiness", 1), ("itching", 1))
                )
                yield validate_effect(name, severity, _at(day, minute + 90, zone), now)
        for checkin in (9 * 60, 14 * 60, 20 * 60):
            if rng.random() < 0.9:
                minute = checkin + rng.gauss(0, 15)
                level = _pain_level(minute, weekday)
                if minute < relief_until and dose_minutes and minute > min(dose_minutes):
                    level *= relief_factor
                yield validate_pain(
                    _score(level + rng.gauss(0, 0.9)), _at(day, minute, zone), now, source="scheduled"
                )
        took_melatonin = rng.random() < 0.55
        if took_melatonin and offset > 0:
            yield validate_dose(melatonin, 1, _at(day, 22 * 60 + rng.gauss(0, 15), zone), now)
        if offset > 0 and rng.random() < 0.9:
            yield _night(rng, day, zone, now, took_melatonin)
        if rng.random() < 0.08:
            yield validate_note(rng.choice(NOTES), _at(day, 21 * 60 + 30, zone), now)


def _night(rng: random.Random, day: date, zone: tzinfo, now: datetime, melatonin: bool) -> Entry:
    in_bed = _at(day, 22 * 60 + 50 + rng.gauss(0, 20), zone)
    tried = in_bed + timedelta(minutes=max(0, rng.gauss(12, 6)))
    sol = max(2, round(rng.gauss(17 if melatonin else 33, 9)))
    awakenings = rng.choice((0, 1, 1, 2, 2, 3))
    waso = 0 if awakenings == 0 else max(5, round(rng.gauss(15 * awakenings, 8)))
    final = tried + timedelta(minutes=rng.gauss(7.6 * 60, 30))
    out = final + timedelta(minutes=max(0, rng.gauss(12, 6)))
    tst = (final - tried).total_seconds() / 60 - sol - waso
    quality = max(1, min(5, round(1 + (tst - 270) / 60 + rng.gauss(0, 0.6))))
    return validate_sleep(day, in_bed, tried, sol, awakenings, waso, final, out, quality, now)
