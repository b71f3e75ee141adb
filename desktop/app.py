"""Composition root of the desktop app: the Qt shell, the journal and the reminder engine,
wired together (DESIGN.md sections 2, 8 and 9). It builds the parts and connects them;
what each request does lives in :mod:`desktop.ui.controllers`.

:mod:`desktop.start` makes it in two steps: the shell (icon, or the window) before the
journal is read, then :meth:`EbbApp.attach` from the running event loop, so the Today
view is built once, from the fresh plan.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from desktop.system.paths import Paths, resource

if TYPE_CHECKING:
    from PySide6.QtCore import QObject
    from PySide6.QtWidgets import QApplication

    from desktop.scheduling.clock_watch import ClockWatcher
    from desktop.storage.journal import Journal
    from desktop.storage.outside_writes import OutsideWrites
    from desktop.ui.shell.journal_watch import JournalFileWatch
    from desktop.ui.shell.reminder_window import ReminderWindow
    from desktop.ui.windows.journal_window import JournalWindow
    from desktop.ui.windows.main_window import MainWindow

log = logging.getLogger("desktop.app")


class EbbApp:
    """The running app: owns the journal connection, the scheduler and the windows.

    Made in two steps so that the icon shows before the journal is read: the shell (icon,
    tray, the window on demand) at once; the journal, the reminder engine and the
    controllers with :meth:`attach` (at once when a journal is given)."""

    def __init__(self, app: QApplication, paths: Paths, journal: Journal | None = None) -> None:
        from desktop.ui.controllers.views import ShellViews
        from desktop.ui.windows.entry_dialogs import OpenWindows

        self.app = app
        self.paths = paths
        self.windows = OpenWindows()  # dialogs and windows shown without blocking
        self.views = ShellViews(app, self._make_journal_view, self._connect_window)
        self.tray = self.views.tray
        # While starting, the tray offers only these two; attach() connects the rest.
        self.tray.open_main.connect(self.views.show_window)
        self.tray.quit.connect(self.views.quit)  # asks first once the journal is open
        self.watcher: ClockWatcher | None = None
        self.outside_writes: OutsideWrites | None = None
        self.file_watch: JournalFileWatch | None = None
        self.resume_listener: QObject | None = None
        if journal is not None:
            self.attach(journal)

    @property
    def ready(self) -> bool:
        """The journal is attached: the reminder engine and the controllers exist."""
        return self.views.ready

    def attach(self, journal: Journal) -> None:
        """The journal, the reminder engine (not started yet: :meth:`start_reminders`)
        and the controllers the tray, the window and the notifications talk to."""
        from desktop.scheduling.scheduler import HostedScheduler
        from desktop.scheduling.service import ReminderService
        from desktop.storage.reminders import Reminders
        from desktop.ui.controllers.clock import JournalClock
        from desktop.ui.shell.notifications import DesktopNotifications, ShellNotifier
        from desktop.ui.shell.timer_host import QtTimerHost

        self.journal = journal
        self.reminders = Reminders(journal.db)
        self.clock = JournalClock(journal)
        self.host = QtTimerHost()
        self.scheduler = HostedScheduler(self.host)
        self.notifications = DesktopNotifications("Ebb", resource("icons", "ebb.svg"))
        self.notifier = ShellNotifier(self.notifications, _reminder_window, self._window_only)
        self.views.notify_plain = lambda title, body: self.notifications.send("ebb:note", title, body, [])
        self.service = ReminderService(
            journal,
            self.reminders,
            self.scheduler,
            self.notifier,
            clock=lambda: datetime.now(UTC),
            zone=self.clock.zone,
        )
        self._build_controllers(journal)
        self._connect_tray()
        self.notifier.action.connect(self.answers.on_action)
        self.notifier.delivered.connect(lambda _key: self.views.refresh())  # "Due now" at once
        self.notifier.summary_unshown.connect(self.views.show_summary)
        self.views.attach(journal, self.reminders, self.clock)

    def _build_controllers(self, journal: Journal) -> None:
        from desktop.services.daily_backup import DailyBackup
        from desktop.ui.controllers.answers import ReminderAnswers
        from desktop.ui.controllers.changes import JournalChanges
        from desktop.ui.controllers.first_run import FirstRunController
        from desktop.ui.controllers.insights import InsightsController
        from desktop.ui.controllers.pausing import PauseController
        from desktop.ui.controllers.settings import SettingsController
        from desktop.ui.windows.entry_dialogs import EntryDialogs

        clock, refresh = self.clock, self.views.refresh
        self.daily_backup = DailyBackup(journal, self.paths.backups, clock.today)
        self.changes = JournalChanges(journal, self.service, clock, refresh, self.daily_backup.take)
        self.entry_dialogs = EntryDialogs(
            journal, self.windows, self.changes.save, self.changes.replace, clock.zone, clock.today
        )
        self.answers = ReminderAnswers(
            journal, self.reminders, self.service, self.entry_dialogs, clock, self.views.tell, refresh
        )
        self.pausing = PauseController(journal, self.service, clock, refresh)
        self.settings = SettingsController(
            journal, self.paths, self.windows, clock, self.changes.after_change
        )
        self.first_run = FirstRunController(
            journal, self.reminders, self.notifications, self.windows, self.settings
        )
        self.insights = InsightsController(journal, clock)

    def _connect_tray(self) -> None:
        tray = self.tray
        tray.log_dose.connect(lambda: self.entry_dialogs.dose())
        tray.log_pain.connect(lambda: self.entry_dialogs.pain())
        tray.log_sleep.connect(lambda: self.entry_dialogs.sleep())
        tray.open_settings.connect(self.settings.open)
        tray.open_insights.connect(self.insights.open)
        tray.pause_for.connect(self.pausing.pause_for)
        tray.pause_until_tomorrow.connect(self.pausing.pause_until_tomorrow)
        tray.resume.connect(self.pausing.resume)

    def _connect_window(self, window: MainWindow) -> None:
        from desktop.ui.windows.help import show_about

        window.about_requested.connect(lambda: show_about(window, self.paths.data_dir))
        # Without a tray the window is built before attach(): its actions stay off until then.
        window.log_dose.connect(lambda: self.entry_dialogs.dose())
        window.log_pain.connect(lambda: self.entry_dialogs.pain())
        window.log_sleep.connect(lambda: self.entry_dialogs.sleep())
        window.log_effect.connect(lambda: self.entry_dialogs.effect())
        window.log_note.connect(lambda: self.entry_dialogs.note())
        window.settings_requested.connect(lambda: self.settings.open())
        window.insights_requested.connect(lambda: self.insights.open())

    def _make_journal_view(self) -> JournalWindow:
        from desktop.ui.windows.journal_window import JournalWindow

        view = JournalWindow(
            lambda kind: self.journal.entries(kind=kind),
            self.changes.delete,
            self.changes.undo,
            today=self.clock.today,
        )
        view.edit_requested.connect(self.entry_dialogs.edit_or_warn)
        return view

    def _window_only(self) -> bool:
        return self.service.settings()["reminder_window_only"] == "true"

    # ---- start and stop ---------------------------------------------------------------

    def finish_start(self, minimized: bool, *, first_run: bool = True) -> None:
        """The rest of start-up, once the journal is attached: the reminders, then the
        window (unless minimized to a tray) and the set-up on a first start."""
        self.start_reminders()
        if not minimized or not self.views.has_tray:
            self.views.show_window()
        if first_run and self.first_run.needed():
            self.first_run.open()

    def start_reminders(self) -> None:
        """The scheduler, the clock and resume watchers, and the first plan."""
        from desktop.scheduling.clock_watch import ClockWatcher, read_clock
        from desktop.storage.outside_writes import OutsideWrites
        from desktop.ui.shell.journal_watch import JournalFileWatch
        from desktop.ui.shell.resume import listen_for_resume

        self.scheduler.start()
        self.watcher = ClockWatcher(self.service.on_clock_change, lambda: read_clock(self.clock.zone_name))
        self.service.add_watchdog(self.on_watchdog)
        # `ebb log …` or `ebb settings set …` in a terminal: heard through the journal's
        # files at once, and by the watchdog where file events do not come (a network
        # folder); either way the plan is made again from what is now in the journal.
        # Watched before the first plan, so nothing written meanwhile goes unheard.
        self.outside_writes = OutsideWrites(self.journal.db)
        self.file_watch = JournalFileWatch(self.paths.journal)
        self.file_watch.touched.connect(self.notice_outside_writes)
        self.service.replan()
        self.resume_listener = listen_for_resume(self.watcher)
        self.views.refresh()
        self.daily_backup.take()  # GUI-only users get the day's copy as the CLI makes it
        log.info("started; %d reminders pending", len(self.reminders.pending()))

    def notice_outside_writes(self) -> None:
        if self.outside_writes is not None and self.outside_writes.happened():
            log.info("the journal was changed by another program: planning again")
            self.changes.after_change()

    def on_watchdog(self) -> None:
        if self.watcher is not None:
            self.watcher.check()
        self.notice_outside_writes()
        self.views.check_tray()  # a tray that came after Ebb (autostart before the panel)
        self.views.refresh()

    def shutdown(self) -> None:
        if self.file_watch is not None:
            self.file_watch.stop()
        self.outside_writes = None
        if self.ready:
            self.scheduler.shutdown()
            # A notification that failed on its thread just now must not reach a closed
            # journal through a queued signal.
            for signal in (self.notifier.action, self.notifier.delivered, self.notifier.summary_unshown):
                signal.disconnect()
            self.notifications.stop()
            self.journal.db.conn.close()
        self.tray.hide()
        log.info("stopped")


def _reminder_window() -> ReminderWindow:
    from desktop.ui.shell.reminder_window import ReminderWindow

    return ReminderWindow()
