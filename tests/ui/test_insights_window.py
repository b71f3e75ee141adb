"""The insights window on a demo journal: sentences with their numbers, the charts, the
period selector, the empty state and the report button's file; the relief curve on a
synthetic journal whose truth is known."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from desktop.cli.main import main
from desktop.reports.clinician import analyse_period, build_report
from desktop.reports.entries import ReportInput, report_input
from desktop.storage.database import open_journal
from desktop.storage.journal import Journal

SCREENSHOTS = Path(__file__).resolve().parents[2] / "screenshots" / "insights"


@pytest.fixture(scope="module")
def demo_journal(tmp_path_factory: pytest.TempPathFactory) -> Journal:
    data = tmp_path_factory.mktemp("insights") / "data"
    assert main(["--data-dir", str(data), "demo", "--days", "120", "--seed", "5"]) == 0
    return Journal(open_journal(data / "journal.db"))


def make_window(qtbot, journal: Journal):
    from desktop.ui.windows.insights_window import InsightsWindow

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


def test_the_window_shows_sentences_with_numbers_and_six_charts(qtbot, demo_journal: Journal) -> None:
    window = make_window(qtbot, demo_journal)
    start, end = window.period_dates()
    assert (end - start).days == 89  # the default: the last 90 days
    cards = window.card_texts()
    assert any("nights with melatonin" in card and "95 % interval" in card for card in cards), cards
    assert any(card.startswith("Pain after doses") and "At +60 min" in card for card in cards)
    assert any(card.startswith("Pain of 7 or more: ") and "pain check-ins" in card for card in cards)
    assert any(card.startswith("Day-to-day change in pain: ") for card in cards)
    assert any(card.startswith("Kratom over the 8 h after a dose: ") for card in cards)
    titles = [ax.get_title(loc="left") for ax in window.figure.axes if ax.get_title(loc="left")]
    assert [t.split("  ")[0] for t in titles] == [
        "Mean pain by hour and weekday",
        "Change in pain after a dose",
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
    assert "No doses of a pain-relief substance in this period." in texts
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

    from desktop.ui.windows.journal_window import JournalWindow
    from desktop.ui.windows.main_window import MainWindow
    from desktop.ui.windows.today import TodayView

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


# ---- the relief curve on a journal whose truth is known --------------------------------


def truth_window(qtbot, **journal_options):
    from datetime import timedelta

    from desktop.ui.windows.insights_window import InsightsWindow
    from tests.core.pain_truth import gamma_relief, rises, truth_journal
    from tests.core.synthetic import BERLIN

    today = date(2026, 6, 9)
    journal = truth_journal(
        rises((11 * 60, 80, 3.2), floor=3.5),
        gamma_relief(3.0, 120),
        plan_day=today + timedelta(days=1),
        **journal_options,
    )
    records = [{"kind": "pain", "at": r.at.isoformat(), "score": r.score} for r in journal.readings]
    records += [
        {
            "kind": "dose",
            "at": d.at.isoformat(),
            "substance": "Kratom",
            "amount": 2,
            "pain_before": d.pain_before,
        }
        for d in journal.doses
    ]
    data = ReportInput(records, {"Kratom": "kratom"}, {"Kratom": "g"})
    window = InsightsWindow(
        lambda start, end: analyse_period(data, start, end, BERLIN), lambda: today, lambda: None, lambda *a: 0
    )
    qtbot.addWidget(window)
    window.show()
    window.tabs.setCurrentIndex(1)
    (ax,) = [
        a for a in window.figure.axes if a.get_title(loc="left").startswith("Change in pain after a dose")
    ]
    return window, ax, journal


def test_the_relief_curve_is_drawn_with_its_band_zero_line_and_n(qtbot) -> None:
    window, ax, journal = truth_window(qtbot, days=90)
    assert window.summary is not None and window.summary.insights is not None
    (curve,) = window.summary.insights.relief_curves.curves
    assert curve.enough_data and curve.n_doses == len(journal.doses)
    assert ax.get_title(loc="left") == (
        f"Change in pain after a dose  (n = {curve.n_doses} doses, {curve.n_readings} check-ins after them)"
    )
    (line,) = [line for line in ax.get_lines() if line.get_label().startswith("Kratom")]
    assert line.get_label() == f"Kratom ({curve.n_doses} doses, {curve.n_readings} check-ins)"
    hours, change = line.get_data()
    assert list(hours) == [m / 60 for m in range(0, 481, 30)]
    assert min(change) == pytest.approx(-3.0, abs=0.5)  # the truth's drop, at about 2 h
    assert hours[list(change).index(min(change))] == pytest.approx(2, abs=0.75)
    (band,) = ax.collections
    assert band.get_label() == "95 % interval"
    assert any(list(zero.get_ydata()) == [0, 0] for zero in ax.get_lines())  # the zero line: usual pain
    assert ax.get_xlim() == (0, 8) and ax.get_xticklabels()[2].get_text() == "2 h"
    window.canvas.grab().save(str(SCREENSHOTS / "insights-relief-curve.png"))


def test_doses_at_the_same_times_show_why_there_is_no_curve(qtbot) -> None:
    from tests.core.pain_truth import DosePlan

    _, ax, _ = truth_window(qtbot, days=60, doses=DosePlan(((9 * 60 + 30, 9 * 60 + 31, 1.0),)))
    assert not ax.get_lines() and not ax.collections
    (text,) = [t.get_text() for t in ax.texts]
    assert text.startswith(
        "Kratom: not enough data yet — your doses were nearly always at the same times of day"
    )
