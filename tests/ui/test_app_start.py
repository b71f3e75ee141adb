"""Start-up in two steps: the shell (icon, or the window) before the journal, then the
journal and the reminders from the running event loop (DESIGN.md section 8)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

import desktop.start
from desktop.app import EbbApp
from desktop.services.tray import STARTING
from desktop.start import run_app
from desktop.storage.database import open_journal
from desktop.storage.journal import Journal
from desktop.system.paths import Paths


def close_windows() -> None:
    for window in QApplication.topLevelWidgets():
        if window.isVisible():
            window.close()


def test_before_the_journal_is_attached_the_shell_shows_that_it_is_starting(qtbot, tmp_path: Path) -> None:
    ebb = EbbApp(QApplication.instance(), Paths(tmp_path))
    try:
        assert not ebb.ready and ebb.views.tray_status() is STARTING
        ebb.views.show_first()  # offscreen: no tray, so the window
        assert ebb.views.window.isVisible()
        assert ebb.views.window.today.as_of.text() == "Opening your journal…"
        ebb.attach(Journal(open_journal(tmp_path / "journal.db")))
        ebb.finish_start(minimized=False, first_run=False)
        assert ebb.ready and ebb.views.tray_status() is not STARTING
        assert ebb.views.window.today.heading.text().startswith("Today, ")
        assert all(action.isEnabled() for action in ebb.views.window._journal_actions)
    finally:
        close_windows()
        ebb.shutdown()


def test_a_failure_while_starting_stops_the_app_and_is_raised(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Qt would only print an exception raised in the event loop and leave an icon that
    never reminds; run_app stops and raises it instead, and lets go of its lock."""

    def broken(*_args: object) -> Journal:
        raise RuntimeError("the journal could not be opened for a reason nobody foresaw")

    monkeypatch.setattr(desktop.start, "open_journal_or_exit_code", broken)
    monkeypatch.setattr(desktop.start, "configure_logging", lambda: None)  # no log file left open
    try:
        with pytest.raises(RuntimeError, match="nobody foresaw"):
            run_app(Paths(tmp_path), smoke=True)
    finally:
        close_windows()
    assert not list(tmp_path.glob("*.lock"))
