"""A 10-year synthetic journal for benchmarks: >= 100 000 pain check-ins with a
circadian shape, >= 20 000 doses, 3 650 sleep diaries."""

from __future__ import annotations

import math
import random
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from desktop.core.validation import validate_dose, validate_pain, validate_sleep, validate_substance
from desktop.storage.database import open_journal
from desktop.storage.journal import Journal
from desktop.storage.records import new_uid

ZONE = ZoneInfo("Europe/Berlin")
DAYS = 3650
NOW = datetime(2026, 11, 23, tzinfo=UTC)


def _synthetic_entries(rng: random.Random, kratom, melatonin, start: date):
    stamp = "2026-11-23T00:00:00.000000Z"
    for n in range(DAYS):
        day = start + timedelta(days=n)
        # Up to five doses at varied times (a day without one now and then), and pain
        # that is lower for a few hours after each, as the pain model expects.
        doses = [h * 60 + rng.randrange(-60, 60) for h in (8, 11, 14, 17, 20) if rng.random() < 0.9]
        for minute in sorted(rng.sample(range(7 * 60, 23 * 60), 28)):
            at = datetime(day.year, day.month, day.day, minute // 60, minute % 60, tzinfo=ZONE)
            relief = sum(2 * math.exp(-(((minute - d - 90) / 60) ** 2)) for d in doses if d < minute)
            score = round(3 + 3 * math.exp(-(((minute - 660) / 120) ** 2)) - relief + rng.gauss(0, 1))
            yield validate_pain(max(0, min(10, score)), at, NOW), "Europe/Berlin", new_uid(), stamp
        for minute in doses:
            at = datetime(day.year, day.month, day.day, minute // 60, minute % 60, tzinfo=ZONE)
            yield validate_dose(kratom, 2.0, at, NOW), "Europe/Berlin", new_uid(), stamp
        at = datetime(day.year, day.month, day.day, 22, 0, tzinfo=ZONE)
        yield validate_dose(melatonin, 1.0, at, NOW), "Europe/Berlin", new_uid(), stamp
        evening = datetime(day.year, day.month, day.day, 23, 0, tzinfo=ZONE)
        yield (
            validate_sleep(
                day,
                evening,
                evening + timedelta(minutes=15),
                20,
                1,
                15,
                evening + timedelta(hours=8),
                evening + timedelta(hours=8, minutes=20),
                3,
                NOW,
            ),
            "Europe/Berlin",
            new_uid(),
            stamp,
        )


def build_big_journal(path: Path) -> tuple[Journal, float]:
    """Create the journal at ``path``; returns it and the bulk insert time in seconds."""
    journal = Journal(open_journal(path))
    kratom = validate_substance(
        "Kratom", "kratom", "g", usual_amount=2, min_interval_h=2, max_per_day=6, onset_min=30, duration_h=1
    )
    melatonin = validate_substance("Melatonin", "melatonin", "mg")
    start_time = time.perf_counter()
    journal.import_all(
        [(new_uid(), kratom), (new_uid(), melatonin)],
        _synthetic_entries(random.Random(1), kratom, melatonin, date(2016, 11, 1)),
    )
    elapsed = time.perf_counter() - start_time
    return journal, elapsed
