"""A 10-year synthetic journal: bulk insert, listing one month, full CSV export, size."""

from __future__ import annotations

import math
import random
import time
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from desktop.core.validation import validate_dose, validate_pain, validate_sleep, validate_substance
from desktop.storage.database import open_journal
from desktop.storage.exchange import export_csv
from desktop.storage.records import new_uid
from desktop.storage.repository import Journal
from tests.perf.conftest import summary, timings

pytestmark = pytest.mark.perf
ZONE = ZoneInfo("Europe/Berlin")
DAYS = 3650
NOW = datetime(2026, 11, 23, tzinfo=timezone.utc)


def _synthetic_entries(rng: random.Random, kratom, melatonin, start: date):
    stamp = "2026-11-23T00:00:00.000000Z"
    for n in range(DAYS):
        day = start + timedelta(days=n)
        for minute in sorted(rng.sample(range(7 * 60, 23 * 60), 28)):
            at = datetime(day.year, day.month, day.day, minute // 60, minute % 60, tzinfo=ZONE)
            score = round(3 + 3 * math.exp(-(((minute - 660) / 120) ** 2)) + rng.gauss(0, 1))
            yield validate_pain(max(0, min(10, score)), at, NOW), "Europe/Berlin", new_uid(), stamp
        for hour in (8, 11, 14, 17, 20):
            at = datetime(day.year, day.month, day.day, hour, rng.randrange(60), tzinfo=ZONE)
            yield validate_dose(kratom, 2.0, at, NOW), "Europe/Berlin", new_uid(), stamp
        at = datetime(day.year, day.month, day.day, 22, 0, tzinfo=ZONE)
        yield validate_dose(melatonin, 1.0, at, NOW), "Europe/Berlin", new_uid(), stamp
        evening = datetime(day.year, day.month, day.day, 23, 0, tzinfo=ZONE)
        yield (validate_sleep(day, evening, evening + timedelta(minutes=15), 20, 1, 15,
                              evening + timedelta(hours=8), evening + timedelta(hours=8, minutes=20), 3, NOW),
               "Europe/Berlin", new_uid(), stamp)


@pytest.fixture(scope="module")
def big_journal(tmp_path_factory: pytest.TempPathFactory) -> tuple[Journal, Path, float]:
    path = tmp_path_factory.mktemp("big") / "journal.db"
    journal = Journal(open_journal(path))
    kratom = validate_substance("Kratom", "kratom", "g", usual_amount=2, min_interval_h=2, max_per_day=6)
    melatonin = validate_substance("Melatonin", "melatonin", "mg")
    start_time = time.perf_counter()
    journal.import_all(
        [(new_uid(), kratom), (new_uid(), melatonin)],
        _synthetic_entries(random.Random(1), kratom, melatonin, date(2016, 11, 1)),
    )
    elapsed = time.perf_counter() - start_time
    return journal, path, elapsed


def test_ten_year_journal(big_journal) -> None:
    journal, path, insert_seconds = big_journal
    counts = dict(journal.db.execute("SELECT kind, count(*) FROM entries GROUP BY kind").fetchall())
    assert counts["pain"] >= 100_000 and counts["dose"] >= 20_000 and counts["sleep"] >= 3650
    month_start = datetime(2021, 6, 1, tzinfo=ZONE)
    month_end = datetime(2021, 7, 1, tzinfo=ZONE)
    listing = timings(lambda: journal.entries(start=month_start, end=month_end), 20)
    export = timings(lambda: export_csv(journal), 3)
    journal.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    size_mb = path.stat().st_size / 1e6
    print()
    print(f"entries: {counts}")
    print(f"bulk insert (validate + one transaction): {insert_seconds:.1f} s")
    print(summary("list one month (in-process)", listing))
    print(summary("full CSV export", export))
    print(f"database size: {size_mb:.1f} MB")
    assert min(listing) < 0.050
    assert min(export) < 3.0
