"""Answering a reminder through the app: the entry and the reminder's "taken" are one
transaction, so a failure (or a crash) never leaves a logged dose whose reminder would
still ask for it."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import time_machine
from PySide6.QtWidgets import QApplication, QLabel

from desktop.app import EbbApp
from desktop.core.validation import validate_substance
from desktop.storage.database import open_journal
from desktop.storage.journal import Journal
from desktop.system.paths import Paths

# Midday on a fixed date (the clock runs on from there): a dose two minutes ahead is
# always today's, never tomorrow's as it would be near midnight on the real clock.
MIDDAY = datetime(2026, 3, 10, 12, 0, tzinfo=UTC)


@pytest.fixture
def ebb(qtbot, tmp_path: Path) -> Iterator[EbbApp]:
    with time_machine.travel(MIDDAY, tick=True):
        yield from _ebb(tmp_path)


def _ebb(tmp_path: Path) -> Iterator[EbbApp]:
    journal = Journal(open_journal(tmp_path / "journal.db"))
    journal.set_setting("timezone", "UTC")
    soon = datetime.now(UTC) + timedelta(minutes=2)
    journal.set_setting("dose_times", f"{soon:%H:%M}")
    journal.set_setting("checkin_times", "")
    journal.add_substance(validate_substance("Kratom", "kratom", "g", usual_amount=2))
    app = EbbApp(QApplication.instance(), Paths(tmp_path), journal)
    app.service.replan()
    yield app
    # Every window the app opened (dialogs, the main window, reminder windows): one left
    # on screen would cover the next test's windows (offscreen places them all at the
    # same spot) and take their pointer events.
    for window in QApplication.topLevelWidgets():
        if window.isVisible():
            window.close()
    app.shutdown()


def dose_reminder(ebb: EbbApp) -> str:
    return next(o.key for o in ebb.reminders.pending() if o.kind == "dose")


def test_taken_opens_the_dose_dialog_and_saving_marks_the_reminder_taken(ebb: EbbApp) -> None:
    key = dose_reminder(ebb)
    ebb.answers.taken(key)
    (dialog,) = ebb.windows.open
    assert dialog.amount.text() == "2"  # the usual amount, editable
    dialog.submit()
    assert [(r["amount"], r["source"]) for r in ebb.journal.entries(kind="dose")] == [(2.0, "reminder")]
    assert ebb.reminders.get(key).state == "taken"


def test_if_marking_taken_fails_the_dose_is_not_stored_either(ebb: EbbApp, monkeypatch) -> None:
    key = dose_reminder(ebb)
    ebb.answers.taken(key)
    (dialog,) = ebb.windows.open

    def crash(_key: str) -> None:
        raise OSError("disk I/O error")

    monkeypatch.setattr(ebb.service, "taken", crash)
    dialog.submit()
    assert ebb.journal.entries(kind="dose") == []
    assert ebb.reminders.get(key).state in ("planned", "due")
    assert dialog.isVisible()  # the entry stays in the open dialog, with the error shown
    assert dialog.error.text()


def test_a_delivered_reminder_shows_under_due_now_at_once(ebb: EbbApp) -> None:
    ebb.views.show_window()
    assert ebb.views.today_view.sections["due"].texts()[0].startswith("Nothing due right now.")
    ebb.service.fire(dose_reminder(ebb))  # as the scheduler does at its time
    rows = ebb.views.today_view.sections["due"].texts()
    assert "Kratom" in rows, rows  # not a minute later, at the next refresh


def test_pausing_and_skipping_show_in_today_at_once(ebb: EbbApp) -> None:
    ebb.views.show_window()
    ebb.pausing.pause(datetime.now(UTC) + timedelta(hours=1))
    assert "paused until" in ebb.views.today_view.sections["due"].texts()[0]
    ebb.pausing.resume()
    key = dose_reminder(ebb)
    ebb.service.fire(key)
    ebb.answers.on_action(key, "skip")
    assert "Kratom" not in ebb.views.today_view.sections["due"].texts()


def test_fill_in_on_a_night_already_logged_opens_that_diary_to_correct(ebb: EbbApp) -> None:
    from desktop.core.validation import validate_sleep

    def on_10_march(hour: int, minute: int = 0, day: int = 10) -> datetime:
        return datetime(2026, 3, day, hour, minute, tzinfo=UTC)

    night = validate_sleep(
        on_10_march(0, day=9).date(),
        on_10_march(22, 30, day=9),
        on_10_march(23, 0, day=9),
        15,
        1,
        10,
        on_10_march(6, 30),
        on_10_march(6, 45),
        4,
        on_10_march(11),
    )
    entry_id = ebb.journal.add_entry(night, zone="UTC")  # e.g. from the command line
    ebb.answers.taken("sleep_diary:2026-03-10")  # "Fill in" on the morning diary
    (dialog,) = ebb.windows.open
    assert dialog.record is not None and dialog.record["id"] == entry_id  # editing, not blank
    diary = ebb.reminders.get("sleep_diary:2026-03-10")
    assert (diary.state, diary.state_code) == ("taken", "logged")


def test_a_gui_only_user_gets_the_days_backup_after_a_change(ebb: EbbApp, tmp_path: Path) -> None:
    assert not list((tmp_path / "backups").glob("journal-daily-*.db"))
    ebb.answers.taken(dose_reminder(ebb))
    (dialog,) = ebb.windows.open
    dialog.submit()  # the day's first change
    assert [p.name for p in (tmp_path / "backups").glob("journal-daily-*.db")] == [
        "journal-daily-2026-03-10.db"
    ]


# ---- without a tray, or with one that comes later (issue 15, item 6) -------------------


def test_without_a_tray_closing_the_window_keeps_ebb_running_and_says_so_once(ebb: EbbApp) -> None:
    told: list[str] = []
    ebb.views.notify_plain = lambda title, _body: told.append(title)
    assert not ebb.views.has_tray  # offscreen: no tray host
    assert not QApplication.instance().quitOnLastWindowClosed()
    ebb.views.show_window()
    assert "Closing it keeps Ebb running" in ebb.views.window.statusBar().findChildren(QLabel)[0].text()
    for _ in range(2):
        ebb.views.window.close()
        ebb.views.show_window()  # "start Ebb again" asks the running one to show it
    assert told == ["Ebb keeps running"]  # once, and remembered in the journal
    assert ebb.reminders.app_value("told_running_in_background") == "yes"


def test_a_tray_that_appears_later_gets_the_icon(ebb: EbbApp, monkeypatch) -> None:
    from PySide6.QtWidgets import QSystemTrayIcon

    ebb.views.show_window()
    ebb.views.check_tray()
    assert not ebb.views.tray.icon.isVisible()  # still none
    monkeypatch.setattr(QSystemTrayIcon, "isSystemTrayAvailable", staticmethod(lambda: True))
    ebb.on_watchdog()  # the minute's check (a StatusNotifierWatcher appearing does the same)
    assert ebb.views.has_tray and ebb.views.tray.icon.isVisible()
    assert "&Quit" in ebb.views.tray.action_texts()
    assert not ebb.views.window.statusBar().findChildren(QLabel)[0].isVisible()  # the note goes


# ---- Quit asks first: reminders stop (issue 16, item 2) ----------------------------------


@pytest.mark.parametrize(
    ("answer", "quits", "asks_next_time"),
    [((False, False), False, True), ((True, False), True, True), ((True, True), True, False)],
)
def test_quit_says_reminders_stop_and_can_be_told_not_to_ask(
    ebb: EbbApp, monkeypatch, answer: tuple[bool, bool], quits: bool, asks_next_time: bool
) -> None:
    from desktop.ui.windows import quit_check

    asked: list[int] = []
    quitted: list[int] = []

    def ask(_parent) -> tuple[bool, bool]:
        asked.append(1)
        return answer

    monkeypatch.setattr(quit_check, "ask_to_quit", ask)
    monkeypatch.setattr(ebb.views._app, "quit", lambda: quitted.append(1))
    ebb.tray.quit.emit()  # the tray's Quit (the window's Ctrl+Q goes the same way)
    assert (len(asked), bool(quitted)) == (1, quits)
    ebb.views.quit()
    assert len(asked) == (2 if asks_next_time else 1)
