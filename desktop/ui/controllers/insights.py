"""The insights window and the clinician report, over any period of the journal
(matplotlib loads when the window first opens, not at start-up)."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from desktop.core.insights.summary import PeriodSummary
    from desktop.reports.entries import ReportInput
    from desktop.storage.journal import Journal
    from desktop.ui.controllers.clock import JournalClock
    from desktop.ui.windows.insights_window import InsightsWindow


class InsightsController:
    def __init__(self, journal: Journal, clock: JournalClock) -> None:
        self._journal = journal
        self._clock = clock
        self._window: InsightsWindow | None = None

    def open(self) -> None:
        """The insights window (matplotlib loads now, on first use, not at start-up)."""
        if self._window is None:
            from desktop.ui.windows.insights_window import InsightsWindow

            self._window = InsightsWindow(
                self.analyse_period, self._clock.today, self._first_day, self.save_report
            )
        else:
            self._window.refresh()  # entries may have changed since it was last open
        self._window.show()
        self._window.raise_()
        self._window.activateWindow()

    def _report_data(self, start: date, end: date) -> ReportInput:
        from desktop.services.report import report_data

        return report_data(self._journal, start, end, self._clock.zone())

    def analyse_period(self, start: date, end: date) -> tuple[PeriodSummary, list[str]]:
        from desktop.reports.clinician import analyse_period

        return analyse_period(self._report_data(start, end), start, end, self._clock.zone())

    def _first_day(self) -> date | None:
        first = self._journal.first_entry_time()
        return None if first is None else first.astimezone(self._clock.zone()).date()

    def save_report(self, start: date, end: date, path: Path, hidden: bool) -> int:
        from desktop.reports.clinician import build_report

        return build_report(
            self._report_data(start, end),
            path,
            start,
            end,
            self._clock.zone(),
            generated=self._clock.today(),
            hidden=hidden,
        )
