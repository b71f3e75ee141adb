"""Settings' live preview of tomorrow, on a real journal at an explicit day: the dose
rule of each substance says why there is no dose reminder."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from desktop.core.validation import validate_dose, validate_substance
from desktop.services.preview import tomorrow_preview
from desktop.storage.database import open_journal
from desktop.storage.journal import Journal

NOW = datetime(2026, 3, 10, 14, 0, tzinfo=UTC)
TOMORROW = date(2026, 3, 11)


def test_the_preview_gives_the_dose_rules_of_tomorrow(tmp_path: Path) -> None:
    journal = Journal(open_journal(tmp_path / "journal.db"))
    try:
        journal.add_substance(validate_substance("Kratom", "kratom", "g", max_per_day=3))
        pending = {"dose_timing": "pattern", "timezone": "UTC"}

        preview = tomorrow_preview(journal, TOMORROW, UTC, pending)
        assert preview.rows and not [row for row in preview.rows if "dose" in row[1]]
        (line,) = preview.dose_rules
        assert line.startswith("Kratom: no dose reminders — you logged no doses in the last 14 days")

        kratom = journal.substance("Kratom").substance
        for days_ago in (1, 2, 3):  # a dose a day lately: pattern timing would time one
            journal.add_entry(validate_dose(kratom, 2, NOW - timedelta(days=days_ago), NOW), zone="UTC")
        (line,) = tomorrow_preview(journal, TOMORROW, UTC, pending).dose_rules
        assert line.startswith("Kratom: no pattern timing yet — it needs"), line
        assert tomorrow_preview(journal, TOMORROW, UTC, {}).dose_rules == [
            "Kratom: no dose reminders — you have not set any dose times"
        ]
    finally:
        journal.db.close()
