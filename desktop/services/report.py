"""The entries of a period for the insights and the clinician report, read the same way
for the window, `ebb insights` and `ebb report`."""

from __future__ import annotations

from datetime import date, tzinfo
from typing import TYPE_CHECKING

from desktop.reports.entries import ReportInput, period_bounds, report_input

if TYPE_CHECKING:
    from desktop.storage.journal import Journal


def report_data(journal: Journal, start: date, end: date, zone: tzinfo) -> ReportInput:
    """The local days ``start``..``end`` (read with a day's margin either side: the exact
    cut is by local date, desktop.reports.entries.in_period) and every substance's kind and unit."""
    since, until = period_bounds(start, end, zone)
    return report_input(lambda: journal.entries(start=since, end=until), journal.substances())
