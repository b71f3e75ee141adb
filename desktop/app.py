"""Composition root of the desktop app: the Qt shell, the journal and the reminder engine,
wired together (DESIGN.md sections 2, 8 and 9). :mod:`desktop.start` makes it in two
steps: the shell (icon, or the window) before the journal is read, then :meth:`EbbApp.attach`
from the running event loop, so the Today view is built once, from the fresh plan.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime, timedelta, tzinfo
from typing import TYPE_CHECKING, Any

from desktop.system.paths import Paths, resource

if TYPE_CHECKING:
    from desktop.services.preview import TomorrowPreview
    from desktop.storage.journal import Journal

log = logging.getLogger("desktop.app")


class EbbApp:
    """The running app: owns the journal connection, the scheduler and the windows.

    Made in two steps so that the icon shows before the journal is read: the shell (icon,
    tray, the window on demand) at once, the journal and the reminder engine with
    :meth:`attach` (at once when a journal is given)."""

    def __init__(self, app: Any, paths: Paths, journal: Journal | None = None) -> None:
        from PySide6.QtGui import QIcon
        from PySide6.QtWidgets import QSystemTrayIcon

        from desktop.ui.shell.tray import Tray
        from desktop.ui.windows.entry_dialogs import OpenWindows

        self.app = app
        self.paths = paths
        self.ready = False
        self.icon = QIcon(str(resource("icons", "ebb.svg")))
        app.setWindowIcon(self.icon)
        self.has_tray = QSystemTrayIcon.isSystemTrayAvailable()
        self._window: Any = None  # built when first shown: the tray alone starts faster
        self._insights: Any = None
        self.windows = OpenWindows()  # dialogs and windows shown without blocking
        self.tray = Tray(self.tray_status)
        self.tray.open_main.connect(self.show_window)
        self.tray.log_dose.connect(lambda: self.open_dose_dialog())
        self.tray.log_pain.connect(lambda: self.open_pain_dialog())
        self.tray.log_sleep.connect(lambda: self.open_sleep_dialog())
        self.tray.open_settings.connect(self.open_settings)
        self.tray.open_insights.connect(self.open_insights)
        self.tray.quit.connect(app.quit)
        self.tray.pause_for.connect(
            lambda minutes: self.pause(datetime.now(UTC) + timedelta(minutes=minutes))
        )
        self.tray.pause_until_tomorrow.connect(self.pause_until_tomorrow)
        self.tray.resume.connect(self.resume)
        self.watcher: Any = None
        self.resume_listener: Any = None
        if not self.has_tray:
            app.setQuitOnLastWindowClosed(True)
        if journal is not None:
            self.attach(journal)

    def attach(self, journal: Journal) -> None:
        """The journal and the reminder engine (not started yet: :meth:`start_reminders`)."""
        from desktop.scheduling.scheduler import HostedScheduler
        from desktop.scheduling.service import ReminderService
        from desktop.storage.reminders import Reminders
        from desktop.ui.shell.notifications import DesktopNotifications, ShellNotifier
        from desktop.ui.shell.timer_host import QtTimerHost
        from desktop.ui.windows.entry_dialogs import EntryDialogs

        self.journal = journal
        self.reminders = Reminders(journal.db)
        self.entry_dialogs = EntryDialogs(
            journal, self.windows, self._save, self._replace, self.zone, self.today
        )
        self.host = QtTimerHost()
        self.scheduler = HostedScheduler(self.host)
        self.notifications = DesktopNotifications("Ebb", resource("icons", "ebb.svg"))
        self.notifier = ShellNotifier(self.notifications, _reminder_window, self._window_only)
        self.service = ReminderService(
            journal,
            self.reminders,
            self.scheduler,
            self.notifier,
            clock=lambda: datetime.now(UTC),
            zone=self.zone,
        )
        self.notifier.action.connect(self.on_reminder_action)
        self.notifier.delivered.connect(lambda _key: self.refresh_views())  # "Due now" at once
        self.notifier.summary_unshown.connect(self.show_summary)
        self.ready = True
        if self._window is not None:
            self._window.set_starting(False)
        if self.tray.icon.isVisible():
            self.tray.rebuild_menu()

    @property
    def window(self) -> Any:
        """The main window (Today and Journal tabs), built on first use."""
        if self._window is None:
            from desktop.ui.windows.main_window import MainWindow
            from desktop.ui.windows.today import TodayView

            note = (
                ""
                if self.has_tray
                else self.app.tr(
                    "No system tray was found, so this window is Ebb's home. Closing it quits Ebb."
                )
            )
            self.today_view = TodayView()
            window = MainWindow(self.today_view, self._make_journal_view, self.icon, note)
            window.log_dose.connect(lambda: self.open_dose_dialog())
            window.log_pain.connect(lambda: self.open_pain_dialog())
            window.log_sleep.connect(lambda: self.open_sleep_dialog())
            window.log_effect.connect(self.open_effect_dialog)
            window.log_note.connect(self.open_note_dialog)
            window.quit_requested.connect(self.app.quit)
            window.settings_requested.connect(self.open_settings)
            window.insights_requested.connect(self.open_insights)
            window.set_starting(not self.ready)
            self._window = window
        return self._window

    def _make_journal_view(self) -> Any:
        from desktop.ui.windows.journal_window import JournalWindow

        view = JournalWindow(
            lambda kind: self.journal.entries(kind=kind), self._delete_entry, self._undo, today=self.today
        )
        view.edit_requested.connect(self.edit_entry)
        return view

    def _window_only(self) -> bool:
        return self.service.settings()["reminder_window_only"] == "true"

    # ---- start and stop ---------------------------------------------------------------

    def show_first(self) -> None:
        """The first thing start-up shows: the tray icon, or without a tray the window."""
        if self.has_tray:
            self.tray.show()
        else:
            self.show_window()

    def finish_start(self, minimized: bool, *, first_run: bool = True) -> None:
        """The rest of start-up, once the journal is attached: the reminders, then the
        window (unless minimized to a tray) and the set-up on a first start."""
        self.start_reminders()
        if not minimized or not self.has_tray:
            self.show_window()
        if first_run and self.needs_first_run():
            self.open_first_run()

    def start_reminders(self) -> None:
        """The scheduler, the clock and resume watchers, and the first plan."""
        from desktop.scheduling.clock_watch import ClockWatcher, read_clock
        from desktop.ui.shell.resume import listen_for_resume

        self.scheduler.start()
        self.watcher = ClockWatcher(self.service.on_clock_change, lambda: read_clock(self.zone_name))
        self.service.add_watchdog(self.on_watchdog)
        self.service.replan()
        self.resume_listener = listen_for_resume(self.watcher)
        self.refresh_views()
        log.info("started; %d reminders pending", len(self.reminders.pending()))

    def shutdown(self) -> None:
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

    # ---- time ---------------------------------------------------------------------------

    def _configured_zone(self) -> str:
        from desktop.core.settings import effective_settings

        return str(effective_settings(self.journal.stored_settings())["timezone"])

    def zone(self) -> tzinfo:
        from desktop.system.zone import zone

        return zone(self._configured_zone())

    def zone_name(self) -> str:
        from desktop.system.zone import zone_name

        return zone_name(self._configured_zone()) or "local"

    def on_watchdog(self) -> None:
        if self.watcher is not None:
            self.watcher.check()
        self.refresh_views()

    # ---- tray ---------------------------------------------------------------------------

    def tray_status(self) -> Any:
        from desktop.core.settings import effective_settings
        from desktop.services.tray import STARTING, tray_status

        if not self.ready:
            return STARTING
        discreet = effective_settings(self.journal.stored_settings())["discreet"] == "true"
        return tray_status(self.reminders, datetime.now(UTC), self.zone(), discreet=discreet)

    def refresh_views(self) -> None:
        """Tray, Today and the journal list, after anything changed (and each minute)."""
        self.tray.refresh()
        if not self.ready:
            return
        from desktop.services.today import today_summary

        if self._window is not None and self._window.isVisible():
            self.today_view.refresh(
                today_summary(self.journal, self.reminders, datetime.now(UTC), self.zone())
            )
            if self._window.journal_built():
                self._window.journal.reload_when_shown()

    def today(self) -> Any:
        return datetime.now(UTC).astimezone(self.zone()).date()

    # ---- entries and dialogs --------------------------------------------------------------

    def _delete_entry(self, entry_id: int) -> Any:
        record = self.journal.delete_entry(entry_id)
        self.after_change()
        return record

    def _undo(self) -> Any:
        result = self.journal.undo()
        self.after_change()
        return result

    def after_change(self) -> None:
        """A journal change can move reminders (follow-ups, pattern, limits)."""
        self.service.replan()
        self.refresh_views()

    def _save(self, value: Any, *, answers: str | None = None) -> int:
        """Store a new entry. ``answers``: the reminder the entry answers, marked taken
        in the same transaction, so that a crash can never leave a logged dose whose
        reminder would still ask for it."""
        from desktop.storage.transactions import write_transaction

        with write_transaction(self.journal.db):
            entry_id = self.journal.add_entry(value, zone=self.zone_name())
            if answers is not None:
                self.service.taken(answers)
        self.after_change()
        return int(entry_id)

    def _replace(self, entry_id: int, value: Any) -> None:
        self.journal.replace_entry(entry_id, value, zone=self.zone_name())
        self.after_change()

    def _open(self, dialog: Any, on_saved: Any = None) -> None:
        self.windows.show(dialog, on_saved)

    def open_pain_dialog(self, **how: Any) -> None:
        self.entry_dialogs.pain(**how)

    def open_dose_dialog(self, **how: Any) -> None:
        self.entry_dialogs.dose(**how)

    def open_sleep_dialog(self, **how: Any) -> None:
        self.entry_dialogs.sleep(**how)

    def open_effect_dialog(self) -> None:
        self.entry_dialogs.effect()

    def open_note_dialog(self) -> None:
        self.entry_dialogs.note()

    def edit_entry(self, record: dict[str, Any]) -> None:
        if not self.entry_dialogs.edit(record):
            log.warning("cannot edit an entry of kind %r", record["kind"])

    # ---- insights and the clinician report ---------------------------------------------

    def open_insights(self) -> None:
        """The insights window (matplotlib loads now, on first use, not at start-up)."""
        if self._insights is None:
            from desktop.ui.windows.insights_window import InsightsWindow

            self._insights = InsightsWindow(
                self.analyse_period, self.today, self._first_day, self.save_report
            )
        else:
            self._insights.refresh()  # entries may have changed since it was last open
        self._insights.show()
        self._insights.raise_()
        self._insights.activateWindow()

    def _report_data(self, start: Any, end: Any) -> Any:
        from desktop.services.report import report_data

        return report_data(self.journal, start, end, self.zone())

    def analyse_period(self, start: Any, end: Any) -> Any:
        from desktop.reports.clinician import analyse_period

        return analyse_period(self._report_data(start, end), start, end, self.zone())

    def _first_day(self) -> Any:
        first = self.journal.first_entry_time()
        return None if first is None else first.astimezone(self.zone()).date()

    def save_report(self, start: Any, end: Any, path: Any, hidden: bool) -> int:
        from desktop.reports.clinician import build_report

        return build_report(
            self._report_data(start, end),
            path,
            start,
            end,
            self.zone(),
            generated=self.today(),
            hidden=hidden,
        )

    # ---- settings and first run -----------------------------------------------------------

    def save_setting(self, key: str, value: str) -> None:
        from desktop.core.settings import normalise_setting

        self.journal.set_setting(key, normalise_setting(key, value))

    def settings_applied(self) -> None:
        # A changed zone, bedtime or timing moves reminders: re-plan (the daily job is
        # rebuilt in the zone now in force).
        self.after_change()

    def preview_tomorrow(self, pending: dict[str, str]) -> TomorrowPreview:
        from desktop.services.preview import tomorrow_preview

        return tomorrow_preview(self.journal, self.today() + timedelta(days=1), self.zone(), pending)

    def add_substance(self, substance: Any) -> None:
        self.journal.add_substance(substance)

    def open_settings(self) -> None:
        from desktop.core.settings import effective_settings
        from desktop.storage.backups import backup_to, list_backups
        from desktop.system.autostart import UnsupportedPlatform, autostart_for
        from desktop.ui.settings.window import SettingsWindow

        try:
            autostart: Any = autostart_for()
        except UnsupportedPlatform:
            autostart = None

        def back_up_now() -> Any:
            stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
            return backup_to(self.journal.db, self.paths.backups / f"journal-manual-{stamp}.db")

        window = SettingsWindow(
            effective_settings(self.journal.stored_settings()),
            [s.substance for s in self.journal.substances()],
            save_setting=self.save_setting,
            add_substance=self.add_substance,
            update_substance=self.journal.update_substance,
            preview=self.preview_tomorrow,
            autostart=autostart,
            data_folder=self.paths.data_dir,
            backups=lambda: list_backups(self.paths.backups),
            back_up_now=back_up_now,
        )
        window.applied.connect(lambda _settings: self.settings_applied())
        self._open(window)

    def needs_first_run(self) -> bool:
        empty = (
            not self.journal.substances()
            and not self.journal.db.execute("SELECT 1 FROM entries LIMIT 1").fetchone()
        )
        return empty and self.reminders.app_value("setup_done") is None

    def open_first_run(self) -> None:
        from desktop.core.settings import effective_settings
        from desktop.ui.windows.first_run import FirstRunWizard

        def send_test() -> None:
            self.notifications.send(
                "ebb:test",
                self.app.tr("Ebb test notification"),
                self.app.tr("Reminders will look like this."),
                [],
            )

        wizard = FirstRunWizard(
            save_setting=self.save_setting,
            add_substance=self.add_substance,
            send_test=send_test,
            defaults=effective_settings({}),
        )

        def finished() -> None:
            self.reminders.set_app_value("setup_done", datetime.now(UTC).isoformat())
            self.settings_applied()

        self._open(wizard, finished)

    def pause(self, until: datetime) -> None:
        self.service.pause(until)
        self.refresh_views()

    def pause_until_tomorrow(self) -> None:
        from desktop.core.planning.planner import PlanConfig, wake_time
        from desktop.core.settings import effective_settings
        from desktop.core.times import localize

        zone = self.zone()
        tomorrow = datetime.now(UTC).astimezone(zone).date() + timedelta(days=1)
        config = PlanConfig.from_settings(effective_settings(self.journal.stored_settings()))
        self.pause(localize(datetime.combine(tomorrow, wake_time(config, tomorrow)), zone))

    def resume(self) -> None:
        self.service.resume()
        self.refresh_views()

    def show_summary(self, title: str, body: str) -> None:
        """The "while you were away" summary when no notification service shows it."""
        if self.has_tray:
            self.tray.icon.showMessage(title, body)
        self.window.statusBar().showMessage(f"{title}: {body.replace(chr(10), '; ')}")

    def show_window(self) -> None:
        log.info("showing the main window")
        self.window.show()
        self.refresh_views()
        self.window.raise_()
        self.window.activateWindow()

    # ---- reminders ------------------------------------------------------------------------

    def on_reminder_action(self, key: str, what: str) -> None:
        """Taken / Snooze / Skip from a notification or the reminder window."""
        from desktop.core.errors import ValidationError
        from desktop.words.errors import error_message

        try:
            if what == "skip":
                self.service.skipped(key)
            elif what.startswith("snooze"):
                minutes = int(what.partition(":")[2] or 30)
                self.service.snooze(key, minutes)
            elif what == "taken":
                self.taken(key)
        except ValidationError as exc:
            log.info("reminder %s: %s", key, exc)
            self.tray.icon.showMessage("Ebb", error_message(exc))
        self.refresh_views()

    def taken(self, key: str) -> None:
        """The first button of a reminder opens what it asks for: the dose dialog (the
        usual amount filled in when the user set one, editable; otherwise empty), the
        0-10 pain prompt, or the sleep diary. The reminder counts as taken once the
        entry is saved; closing the dialog leaves the reminder as it was."""
        occurrence = self.reminders.get(key)
        if occurrence is None:
            return

        # Saving the entry marks the reminder taken in the same transaction (_save).
        if occurrence.kind in ("checkin", "followup"):
            source = "follow-up" if occurrence.kind == "followup" else "scheduled"
            self.open_pain_dialog(source=source, answers=key)
        elif occurrence.kind == "sleep_diary":
            self.open_sleep_dialog(answers=key)
        elif occurrence.substance is None:
            self.service.taken(key)
            self.refresh_views()
        else:
            name = occurrence.substance
            self.open_dose_dialog(
                selected=name, source="reminder", on_saved=lambda: self.tell_limits(name), answers=key
            )

    def tell_limits(self, name: str) -> None:
        """After a dose: where the user stands against their own limits."""
        from desktop.services.limits import after_dose

        note = after_dose(self.journal, name, datetime.now(UTC), self.zone())
        used = self.app.tr("%n dose(s), {total} {unit} in the last 24 h", None, note.doses).format(
            total=f"{note.total:g}", unit=note.unit
        )
        if note.within_again_at is not None:
            message = self.app.tr("Logged. Within your limits again from {time} · {used}").format(
                time=f"{note.within_again_at:%H:%M}", used=used
            )
        else:
            message = self.app.tr("Logged · {used}").format(used=used)
        self.tray.icon.showMessage("Ebb", message)
        log.info("dose logged; limits told")


def _reminder_window() -> Any:
    from desktop.ui.shell.reminder_window import ReminderWindow

    return ReminderWindow()
