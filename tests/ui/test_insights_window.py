"""The insights window on a demo journal: sentences with their numbers, the charts, the
period selector, the empty state and the report button's file."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from desktop.cli import main
from desktop.report import analyse_period, build_report, report_input
from desktop.storage.database import open_journal
from desktop.storage.repository import Journal

SCREENSHOTS = Path(__file__).resolve().parents[2] / "screenshots" / "insights"


@pytest.fixture(scope="module")
def demo_journal(tmp_path_factory: pytest.TempPathFactory) -> Journal:
    data = tmp_path_factory.mktemp("insights") / "data"
    assert main(["--data-dir", str(data), "demo", "--days", "120", "--seed", "5"]) == 0
    return Journal(open_journal(data / "journal.db"))


def make_window(qtbot, journal: Journal):
    from desktop.ui.insights_window import InsightsWindow

    today = datetime.now(UTC).date()

    def analyse(start: date, end: date):
        return analyse_period(report_input(journal.entries, journal.substances()), start, end, UTC)

    def save(start: date, end: date, path: Path, hidden: bool) -> int:
        data = report_input(journal.entries, journal.substances())
        return build_report(data, path, start, end, UTC, generated=today, hidden=hidden)

    first = journal.first_entry_time()
    window = InsightsWindow(analyse, lambda: today, lambda: first.date() if first else None, save)
    qtbot.addWidget(window)
    window.show()
    return window


def test_the_window_shows_sentences_with_numbers_and_five_charts(qtbot, demo_journal: Journal) -> None:
    window = make_window(qtbot, demo_journal)
    start, end = window.period_dates()
    assert (end - start).days == 89  # the default: the last 90 days
    cards = window.card_texts()
    assert any("nights with melatonin" in card and "95 % interval" in card for card in cards), cards
    assert any(card.startswith("Pain after doses") and "At +60 min" in card for card in cards)
    titles = [ax.get_title(loc="left") for ax in window.figure.axes if ax.get_title(loc="left")]
    assert [t.split("  ")[0] for t in titles] == [
        "Mean pain by hour and weekday",
        "Daily mean pain",
        "Total sleep time",
        "Doses per day",
        "Dose times",
    ]
    assert "pain check-ins" in window.status.text()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    window.resize(1000, 800)
    window.grab().save(str(SCREENSHOTS / "insights-cards.png"))
    window.tabs.setCurrentIndex(1)
    qtbot.wait(50)
    window.grab().save(str(SCREENSHOTS / "insights-charts.png"))
    window.canvas.grab().save(str(SCREENSHOTS / "insights-charts-full.png"))


def test_choosing_a_period_recomputes(qtbot, demo_journal: Journal) -> None:
    window = make_window(qtbot, demo_journal)
    window.period.setCurrentIndex(0)
    window.period.activated.emit(0)
    start, end = window.period_dates()
    assert (end - start).days == 29 and window.summary is not None and window.summary.days == 30
    window.period.setCurrentIndex(3)
    window.period.activated.emit(3)  # everything: from the first entry
    assert window.summary is not None and window.summary.days >= 120


def test_an_empty_period_says_what_to_log(qtbot, demo_journal: Journal) -> None:
    window = make_window(qtbot, demo_journal)
    window.set_period(date(2001, 1, 1), date(2001, 1, 31))
    assert window.period.currentText() == "Custom"
    cards = window.card_texts()
    assert len(cards) == 1 and "Nothing is logged in this period yet" in cards[0] and "Ctrl+P" in cards[0]
    texts = " ".join(t.get_text() for ax in window.figure.axes for t in ax.texts)
    assert "No pain check-ins in this period yet" in texts
    window.grab().save(str(SCREENSHOTS.parent / "insights" / "insights-empty.png"))


def test_the_report_button_writes_the_pdf_and_says_where(
    qtbot, demo_journal: Journal, tmp_path: Path
) -> None:
    window = make_window(qtbot, demo_journal)
    window.hide_names.setChecked(True)
    window.write_report(tmp_path / "visit")
    written = tmp_path / "visit.pdf"
    assert written.read_bytes().startswith(b"%PDF")
    assert window.status.text() == f"Saved a 3-page report to {written}"


def test_a_report_that_cannot_be_written_says_why(qtbot, demo_journal: Journal, tmp_path: Path) -> None:
    window = make_window(qtbot, demo_journal)
    blocked = tmp_path / "file"
    blocked.write_text("not a folder")
    window.write_report(blocked / "visit.pdf")
    assert window.status.text().startswith("The report could not be written")


def test_the_view_menu_opens_insights_with_ctrl_i(qtbot) -> None:
    from PySide6.QtGui import QIcon

    from desktop.ui.journal_window import JournalWindow
    from desktop.ui.main_window import MainWindow
    from desktop.ui.today import TodayView

    journal = JournalWindow(lambda kind: [], lambda i: None, lambda: None)
    window = MainWindow(TodayView(), lambda: journal, QIcon())
    qtbot.addWidget(window)
    view = window.menuBar().actions()[1]
    assert view.text() == "&View"
    (action,) = view.menu().actions()
    assert (action.text(), action.shortcut().toString()) == ("&Insights and clinician report…", "Ctrl+I")
    with qtbot.waitSignal(window.insights_requested, timeout=1000):
        action.trigger()


def test_charts_follow_a_dark_palette(qtbot, demo_journal: Journal) -> None:
    from matplotlib.colors import to_hex
    from PySide6.QtGui import QColor, QPalette

    window = make_window(qtbot, demo_journal)
    palette = window.palette()
    palette.setColor(QPalette.ColorRole.Base, QColor("#1e1e1e"))
    palette.setColor(QPalette.ColorRole.WindowText, QColor("#e8e8e8"))
    window.setPalette(palette)  # as when the system switches to dark: no refresh needed
    assert to_hex(window.figure.get_facecolor()) == "#1e1e1e"
    heat_map = window.figure.axes[0]
    assert to_hex(heat_map.title.get_color()) == "#e8e8e8"
    window.tabs.setCurrentIndex(1)
    window.canvas.grab().save(str(SCREENSHOTS / "insights-charts-dark.png"))
