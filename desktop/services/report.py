"""The entries of a period for the insights and the clinician report, read the same way
for the window, `ebb insights` and `ebb report`."""

from __future__ import annotations

from datetime import date, tzinfo
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from desktop.reports.clinician import ReportInput
    from desktop.storage.journal import Journal


def report_data(journal: Journal, start: date, end: date, zone: tzinfo) -> ReportInput:
    """The local days ``start``..``end`` (read with a day's margin either side: the exact
    cut is by local date, in desktop.reports.clinician) and every substance's kind and unit."""
    from desktop.reports.clinician import period_bounds, report_input  # matplotlib's module, on use

    since, until = period_bounds(start, end, zone)
    return report_input(lambda: journal.entries(start=since, end=until), journal.substances())
