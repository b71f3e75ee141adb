"""A 10-year synthetic journal: bulk insert, listing one month, full CSV export, size;
the list and the export against plain sqlite3 (and csv) reading the same rows."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from desktop.storage.exchange import export_csv
from desktop.storage.journal import Journal
from tests.perf.baselines import raw_csv, raw_entries
from tests.perf.bigjournal import ZONE, build_big_journal
from tests.perf.conftest import ratio, record, summary, timings

pytestmark = pytest.mark.perf
LIST_RATIO = 2.5  # 1.6x on 2026-12-04
EXPORT_RATIO = 3.0  # 2.2x on 2026-12-04


@pytest.fixture(scope="module")
def big_journal(tmp_path_factory: pytest.TempPathFactory) -> tuple[Journal, Path, float]:
    path = tmp_path_factory.mktemp("big") / "journal.db"
    journal, elapsed = build_big_journal(path)
    return journal, path, elapsed


def test_ten_year_journal(big_journal) -> None:
    journal, path, insert_seconds = big_journal
    counts = dict(journal.db.execute("SELECT kind, count(*) FROM entries GROUP BY kind").fetchall())
    assert counts["pain"] >= 100_000 and counts["dose"] >= 20_000 and counts["sleep"] >= 3650
    month_start = datetime(2021, 6, 1, tzinfo=ZONE)
    month_end = datetime(2021, 7, 1, tzinfo=ZONE)
    listing = timings(lambda: journal.entries(start=month_start, end=month_end), 20)
    raw_listing = timings(lambda: raw_entries(path, month_start, month_end), 20)
    export = timings(lambda: export_csv(journal), 3)
    raw_export = timings(lambda: raw_csv(path), 3)
    journal.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    size_mb = path.stat().st_size / 1e6
    print()
    print(f"entries: {counts}")
    print(f"bulk insert (validate + one transaction): {insert_seconds:.1f} s")
    print(summary("list one month (in-process)", listing))
    print(summary("  sqlite3 reading the same rows", raw_listing))
    print(summary("full CSV export", export))
    print(summary("  sqlite3 + csv, the same rows", raw_export))
    print(f"database size: {size_mb:.1f} MB")
    record("10-year journal: bulk insert (validate + one transaction)", [insert_seconds], unit="s", scale=1)
    record(
        "10-year journal: list one month",
        listing,
        baseline=("sqlite3, the same rows", raw_listing),
        target=f"<= {LIST_RATIO}x baseline",
    )
    record(
        "10-year journal: full CSV export",
        export,
        unit="s",
        scale=1,
        baseline=("sqlite3 + csv, the same rows", raw_export),
        target=f"<= {EXPORT_RATIO}x baseline",
    )
    record("10-year journal: database size", [size_mb], unit="MB", scale=1)
    assert ratio(listing, raw_listing) <= LIST_RATIO
    assert ratio(export, raw_export) <= EXPORT_RATIO
