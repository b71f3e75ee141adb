"""The insights window: what the journal shows for a period, as sentences with their
numbers, and the charts (pain heat map, the relief curve after a dose, daily pain /
sleep / dose trends, dose timeline) drawn by :mod:`desktop.reports.charts` — the same
functions as the clinician report.

matplotlib (and numpy) load with this module, which the app imports only when the window
first opens: the tray starts without them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import matplotlib
from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
from matplotlib.figure import Figure
from PySide6.QtCore import QDate, QEvent, Qt
from PySide6.QtGui import QAction, QKeySequence, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.core.insights.summary import PeriodSummary
from desktop.reports import charts

# (label, days back from today; None: since the first entry)
PERIODS: Sequence[tuple[str, int | None]] = (
    ("Last 30 days", 30),
    ("Last 90 days", 90),
    ("Last year", 365),
    ("Everything", None),
)
DEFAULT_PERIOD = 1  # 90 days: enough nights for the sleep comparisons to have a chance

Analyse = Callable[[date, date], tuple[PeriodSummary, list[str]]]
SaveReport = Callable[[date, date, Path, bool], int]


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _date(qdate: QDate) -> date:
    return date(qdate.year(), qdate.month(), qdate.day())


class InsightsWindow(QWidget):
    """``analyse(start, end)`` gives the period's summary and sentences; ``first_day()``
    the first journal day (for "Everything"); ``save_report`` writes the PDF."""

    def __init__(
        self,
        analyse: Analyse,
        today: Callable[[], date],
        first_day: Callable[[], date | None],
        save_report: SaveReport,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._analyse = analyse
        self._today = today
        self._first_day = first_day
        self._save_report = save_report
        self.summary: PeriodSummary | None = None
        self.lines: list[str] = []
        self.setWindowTitle(self.tr("Ebb — insights"))
        self.resize(980, 760)
        bar = self._build_bar()
        self._build_tabs()
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.status)
        self._build_shortcuts()
        self.period.setCurrentIndex(DEFAULT_PERIOD)
        self._apply_period(DEFAULT_PERIOD)
        self.period.activated.connect(self._apply_period)
        for edit in (self.start, self.end):
            edit.editingFinished.connect(self._custom_dates)
        self.report_button.clicked.connect(self.save_report)

    # ---- building -------------------------------------------------------------------

    def _build_bar(self) -> QHBoxLayout:
        """The period, its dates, the report's options and button; and the status line."""
        self.period = QComboBox()
        for label, _days in PERIODS:
            self.period.addItem(self.tr(label))
        self.period.addItem(self.tr("Custom"))
        period_label = QLabel(self.tr("&Period"))
        period_label.setBuddy(self.period)
        self.start = QDateEdit()
        self.end = QDateEdit()
        for edit in (self.start, self.end):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        to_label = QLabel(self.tr("to"))
        self.hide_names = QCheckBox(self.tr("&Hide substance names in the report"))
        self.report_button = QPushButton(self.tr("&Save clinician report…"))
        self.report_button.setToolTip(self.tr("A PDF of 1–3 pages for this period (Ctrl+S)"))
        self.status = QLabel()
        self.status.setForegroundRole(QPalette.ColorRole.PlaceholderText)

        bar = QHBoxLayout()
        for widget in (period_label, self.period, self.start, to_label, self.end):
            bar.addWidget(widget)
        bar.addStretch(1)
        bar.addWidget(self.hide_names)
        bar.addWidget(self.report_button)
        return bar

    def _build_tabs(self) -> None:
        """What it shows (the cards) and the charts, each in its own scroll area."""
        self.tabs = QTabWidget()
        self.cards = QWidget()
        self.cards_layout = QVBoxLayout(self.cards)
        self.cards_layout.setAlignment(Qt.AlignmentFlag.AlignTop)
        cards_scroll = QScrollArea()
        cards_scroll.setWidgetResizable(True)
        cards_scroll.setWidget(self.cards)
        self.tabs.addTab(cards_scroll, self.tr("&What it shows"))
        # Fixed margins, not "constrained" layout: that re-solves the layout on every draw
        # and took about a third of a re-open.
        self.figure = Figure(figsize=(9, 15.5))
        self.canvas = FigureCanvasQTAgg(self.figure)  # type: ignore[no-untyped-call]
        self.canvas.setMinimumHeight(1500)
        charts_scroll = QScrollArea()
        charts_scroll.setWidgetResizable(True)
        charts_scroll.setWidget(self.canvas)
        self.tabs.addTab(charts_scroll, self.tr("&Charts"))

    def _build_shortcuts(self) -> None:
        save = QAction(self)
        save.setShortcut(QKeySequence(QKeySequence.StandardKey.Save))
        save.triggered.connect(self.save_report)
        close = QAction(self)
        close.setShortcut(QKeySequence(QKeySequence.StandardKey.Close))
        close.triggered.connect(self.close)
        self.addActions([save, close])

    # ---- period ---------------------------------------------------------------------

    def _apply_period(self, index: int) -> None:
        if index >= len(PERIODS):
            return  # "Custom": the date fields decide
        today = self._today()
        days = PERIODS[index][1]
        first = self._first_day() if days is None else today - timedelta(days=days - 1)
        self.set_period(first or today, today, custom=False)

    def _custom_dates(self) -> None:
        start, end = _date(self.start.date()), _date(self.end.date())
        if start > end:
            return  # half-way through typing a range: wait for a valid one
        if self.summary is not None and (self.summary.start, self.summary.end) == (start, end):
            return
        self.period.setCurrentIndex(len(PERIODS))
        self.refresh()

    def set_period(self, start: date, end: date, *, custom: bool = True) -> None:
        if start > end:
            start, end = end, start
        for edit, day in ((self.start, start), (self.end, end)):
            edit.blockSignals(True)
            edit.setDate(_qdate(day))
            edit.blockSignals(False)
        if custom:
            self.period.setCurrentIndex(len(PERIODS))
        self.refresh()

    def period_dates(self) -> tuple[date, date]:
        start, end = _date(self.start.date()), _date(self.end.date())
        return (start, end) if start <= end else (end, start)

    # ---- content --------------------------------------------------------------------

    def refresh(self) -> None:
        start, end = self.period_dates()
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self.summary, self.lines = self._analyse(start, end)
        finally:
            QApplication.restoreOverrideCursor()
        self._show_cards()
        self._draw_charts()
        c = self.summary.counts
        self.status.setText(
            self.tr("{start} to {end}: {pain} pain check-ins, {doses} doses, {nights} sleep diaries").format(
                start=start, end=end, pain=c.get("pain", 0), doses=c.get("dose", 0), nights=c.get("sleep", 0)
            )
        )

    def _show_cards(self) -> None:
        while self.cards_layout.count():
            item = self.cards_layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        assert self.summary is not None
        heading = QLabel(self.tr("What your journal shows — your own data, not medical advice"))
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        font.setBold(True)
        heading.setFont(font)
        self.cards_layout.addWidget(heading)
        if self.summary.empty:
            self.cards_layout.addWidget(
                self._card(
                    self.tr(
                        "Nothing is logged in this period yet. Log pain check-ins (Ctrl+P), doses "
                        "(Ctrl+D) and a sleep diary each morning (Ctrl+L); each insight says how many "
                        "more entries it needs."
                    )
                )
            )
            return
        card_lines: list[str] = []
        for line in self.lines:
            if line.startswith("  ") and card_lines:
                card_lines[-1] += "\n" + line.strip()
            else:
                card_lines.append(line)
        for text in card_lines:
            self.cards_layout.addWidget(self._card(text))
        note = QLabel(
            self.tr(
                "Comparisons within your own entries, with how many each rests on and a 95 % interval. "
                "They are observational: they describe what happened, they do not prove cause."
            )
        )
        note.setWordWrap(True)
        note.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.cards_layout.addWidget(note)

    def _card(self, text: str) -> QFrame:
        frame = QFrame()
        frame.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QVBoxLayout(frame)
        label = QLabel(text)
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(label)
        return frame

    def card_texts(self) -> list[str]:
        """The cards' texts in order (for tests)."""
        texts = []
        for i in range(self.cards_layout.count()):
            item = self.cards_layout.itemAt(i)
            widget = item.widget() if item is not None else None
            label = widget.findChild(QLabel) if isinstance(widget, QFrame) else None
            if label is not None:
                texts.append(label.text())
        return texts

    def _draw_charts(self) -> None:
        assert self.summary is not None
        background, colours = self._chart_colours()
        self.figure.clear()
        with matplotlib.rc_context(colours):  # type: ignore[arg-type]
            self.figure.set_facecolor(background)
            self._draw_panels(self.summary)
        self.canvas.draw_idle()  # type: ignore[no-untyped-call]

    def _chart_colours(self) -> tuple[str, dict[str, Any]]:
        """The window's background, and matplotlib settings in the window's colours."""
        palette = self.palette()
        text, base = palette.color(QPalette.ColorRole.WindowText), palette.color(QPalette.ColorRole.Base)
        fg, bg = text.name(), base.name()
        # Grid lines a fifth of the way from the background to the text: faint on both themes.
        mixed = [
            round(b + (t - b) * 0.2)
            for t, b in zip(
                (text.red(), text.green(), text.blue()), (base.red(), base.green(), base.blue()), strict=True
            )
        ]
        grid_colour = "#{:02x}{:02x}{:02x}".format(*mixed)
        colours: dict[str, Any] = {
            "text.color": fg,
            "axes.labelcolor": fg,
            "axes.edgecolor": fg,
            "xtick.color": fg,
            "ytick.color": fg,
            "figure.facecolor": bg,
            "axes.facecolor": bg,
            "legend.labelcolor": fg,
            "grid.color": grid_colour,
        }
        return bg, colours

    def _draw_panels(self, summary: PeriodSummary) -> None:
        """Heat map, relief curve, then the four trends over the period's dates."""
        grid = self.figure.add_gridspec(
            6,
            1,
            height_ratios=[2.2, 1.9, 1.4, 1.4, 1.4, 1.6],
            left=0.08,
            right=0.97,
            top=0.98,
            bottom=0.04,
            hspace=0.45,
        )
        charts.draw_heat_map(self.figure.add_subplot(grid[0]), summary)
        charts.draw_relief_curve(self.figure.add_subplot(grid[1]), summary)
        axes: list[Any] = []
        for row, draw in enumerate(
            (
                charts.draw_pain_trend,
                charts.draw_sleep_trend,
                charts.draw_dose_counts,
                charts.draw_dose_timeline,
            ),
            start=2,
        ):
            ax = self.figure.add_subplot(grid[row])
            draw(ax, summary)
            axes.append(ax)
        with_data = [ax for ax in axes if ax.has_data()]
        for ax in with_data:
            ax.set_xlim(summary.start, summary.end)
        charts.format_dates(with_data)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and self.summary is not None:
            self._draw_charts()  # the system switched between light and dark

    # ---- report ---------------------------------------------------------------------

    def save_report(self) -> None:
        start, end = self.period_dates()
        default = Path.home() / f"ebb-report-{start}-to-{end}.pdf"
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save clinician report"), str(default), self.tr("PDF files (*.pdf)")
        )
        if name:
            self.write_report(Path(name))

    def write_report(self, path: Path) -> None:
        if path.suffix.casefold() != ".pdf":
            path = path.with_name(path.name + ".pdf")
        start, end = self.period_dates()
        self.status.setText(self.tr("Writing the report…"))
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        QApplication.processEvents()
        try:
            pages = self._save_report(start, end, path, self.hide_names.isChecked())
        except OSError as exc:
            self.status.setText(
                self.tr("The report could not be written: {why}").format(why=exc.strerror or exc)
            )
            return
        finally:
            QApplication.restoreOverrideCursor()
        self.status.setText(self.tr("Saved a {pages}-page report to {path}").format(pages=pages, path=path))
