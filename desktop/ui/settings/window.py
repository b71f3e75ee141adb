"""Settings: substances and the user's own limits, sleep and reminders, dose timing with a
live preview of tomorrow, privacy and start-up, backups.

The window never touches the journal: what it shows is passed in, and every change goes
through the callables it was given (the app wires them to the Journal). Each setting is
checked by the core (``normalise_setting``); Apply saves every changed setting or, when any
field is invalid, none of them. Substances are saved by their own form (Add…, Edit…).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path

from PySide6.QtCore import QLocale, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QBoxLayout,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.core.errors import ValidationError
from desktop.core.model import Substance
from desktop.services.preview import TomorrowPreview
from desktop.storage.backups import BackupInfo
from desktop.system.autostart import Autostart, ForeignAutostartEntry
from desktop.ui.dialogs.base import StatusLine
from desktop.ui.settings.fields import (
    SAVE_ERRORS,
    SaveSetting,
    SettingFields,
    align_labels,
    form_layout,
    hint_label,
)
from desktop.ui.settings.substance_dialog import SubstanceDialog
from desktop.ui.settings.substances import AddSubstance, SubstanceList, UpdateSubstance

Preview = Callable[[dict[str, str]], TomorrowPreview]

PREVIEW_DELAY_MS = 150  # wait for a pause in typing before planning tomorrow again
COPIED_SHOWN_MS = 2000  # how long "Copied" replaces "Copy path"


# The rows the settings window and the first-run set-up share.


def add_sleep_rows(fields: SettingFields, form: QFormLayout) -> None:
    tr = fields.tr
    fields.line(form, "wake_time", tr("&Wake-up time, weekdays"), tip=tr("24-hour clock, such as 07:00"))
    fields.line(form, "bedtime", tr("Be&dtime, weekdays"), tip=tr("24-hour clock, such as 23:00"))
    fields.line(form, "wake_time_weekend", tr("Wake-up time, wee&kends"), tip=tr("Saturday and Sunday"))
    fields.line(form, "bedtime_weekend", tr("Bedt&ime, weekends"), tip=tr("Friday and Saturday nights"))
    fields.line(
        form,
        "melatonin_lead_min",
        tr("&Melatonin reminder"),
        suffix=tr("minutes before bedtime"),
        tip=tr("0–240; 0 reminds you at bedtime"),
    )


def add_checkin_rows(fields: SettingFields, form: QFormLayout) -> None:
    tr = fields.tr
    fields.line(
        form,
        "checkin_times",
        tr("Pain &check-in times"),
        chars=22,
        suffix=tr("separated by commas"),
        tip=tr("Up to 12 times a day, such as 09:00, 14:00, 20:00; empty for none"),
    )
    fields.line(
        form,
        "followups_min",
        tr("Fo&llow-ups after a dose"),
        chars=22,
        suffix=tr("minutes after, separated by commas"),
        tip=tr("How is the pain after a dose? Up to 6 values, 5–720 minutes; empty for none"),
    )


def add_discreet_row(fields: SettingFields, layout: QBoxLayout) -> None:
    fields.checkbox(
        layout, "discreet", fields.tr("&Discreet mode: keep substance names out of notifications")
    )
    layout.addWidget(
        hint_label(
            fields.tr(
                "Notifications, the reminder window and the tray menu then say “Reminder” instead of "
                "naming a substance, for when others can see your screen."
            )
        )
    )


def add_reminder_window_row(fields: SettingFields, layout: QBoxLayout) -> None:
    fields.checkbox(
        layout,
        "reminder_window_only",
        fields.tr("Show reminders in Ebb's own &window instead of desktop notifications"),
    )
    layout.addWidget(
        hint_label(
            fields.tr(
                "For desktops whose notifications do not appear or vanish too soon. Ebb already "
                "uses its window when no notification service answers."
            )
        )
    )


# --- The window ----------------------------------------------------------------------------


class SettingsWindow(QDialog):
    """Ebb's settings in five tabs. ``applied`` carries the settings just saved."""

    applied = Signal(dict)

    def __init__(
        self,
        settings: dict[str, str],
        substances: list[Substance],
        *,
        save_setting: SaveSetting,
        add_substance: AddSubstance,
        update_substance: UpdateSubstance,
        preview: Preview,
        autostart: Autostart | None,
        data_folder: Path,
        backups: Callable[[], list[BackupInfo]],
        back_up_now: Callable[[], Path],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Ebb settings"))
        self._save_setting = save_setting
        self._add_substance = add_substance
        self._update_substance = update_substance
        self._preview = preview
        self._autostart = autostart
        self._backups = backups
        self._back_up_now = back_up_now
        self.fields = SettingFields(settings, self)
        self.tabs = QTabWidget()
        self.tabs.addTab(self._substances_tab(substances), self.tr("&Substances"))
        self.tabs.addTab(self._sleep_tab(), self.tr("Sleep && &reminders"))
        self.tabs.addTab(self._dose_tab(), self.tr("Dose &timing"))
        self.tabs.addTab(self._privacy_tab(data_folder), self.tr("&Privacy && start"))
        self.tabs.addTab(self._backups_tab(), self.tr("&Backups"))
        self.status = StatusLine()
        self.apply_button = QPushButton(self.tr("&Apply"))
        self.apply_button.setToolTip(self.tr("Save the changed settings (Enter)"))
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.setToolTip(self.tr("Close; settings not applied are dropped (Esc)"))
        buttons = QDialogButtonBox()
        buttons.addButton(self.apply_button, QDialogButtonBox.ButtonRole.ApplyRole)
        buttons.addButton(self.close_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.apply_button.clicked.connect(self.apply)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        self.apply_button.setDefault(True)  # after it is in the dialog, or Qt ignores it
        self._preview_timer = QTimer(self)
        self._preview_timer.setSingleShot(True)
        self._preview_timer.setInterval(PREVIEW_DELAY_MS)
        self._preview_timer.timeout.connect(self.refresh_preview)
        self.fields.edited.connect(self._on_edited)
        self.refresh_preview()
        self.refresh_backups()
        self.resize(self.fontMetrics().averageCharWidth() * 120, self.fontMetrics().height() * 38)

    # Tabs ---------------------------------------------------------------------------------

    def _page(self) -> tuple[QWidget, QVBoxLayout]:
        page = QWidget()
        layout = QVBoxLayout(page)
        return page, layout

    def _substances_tab(self, substances: list[Substance]) -> QWidget:
        page, layout = self._page()
        self.substance_list = SubstanceList()
        self.substance_list.show_substances(substances)
        caption = QLabel(self.tr("&Your substances"))
        caption.setBuddy(self.substance_list)
        layout.addWidget(caption)
        layout.addWidget(self.substance_list, 1)
        self.add_button = QPushButton(self.tr("A&dd…"))
        self.edit_button = QPushButton(self.tr("&Edit…"))
        self.add_button.clicked.connect(self.add_substance)
        self.edit_button.clicked.connect(self.edit_substance)
        self.substance_list.itemDoubleClicked.connect(lambda *_: self.edit_substance())
        self.substance_list.currentItemChanged.connect(lambda *_: self._enable_edit())
        row = QHBoxLayout()
        row.addWidget(self.add_button)
        row.addWidget(self.edit_button)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addWidget(
            hint_label(
                self.tr(
                    "Every amount and limit is your own, ideally agreed with your clinician; Ebb never "
                    "suggests one. A substance is saved as soon as you save its form."
                )
            )
        )
        self._enable_edit()
        return page

    def _sleep_tab(self) -> QWidget:
        page, layout = self._page()
        sleep = QGroupBox(self.tr("Sleep"))
        form = form_layout()
        self.fields.choice(
            form,
            "bedtime_mode",
            self.tr("&Use bedtimes from"),
            [("fixed", self.tr("the times below")), ("diary", self.tr("my sleep diary (recent nights)"))],
        )
        add_sleep_rows(self.fields, form)
        sleep.setLayout(form)
        checkins = QGroupBox(self.tr("Pain check-ins"))
        form = form_layout()
        add_checkin_rows(self.fields, form)
        checkins.setLayout(form)
        repeat = QGroupBox(self.tr("Reminders you have not answered"))
        form = form_layout()
        self.fields.line(
            form,
            "repeat_every_min",
            self.tr("Repeat e&very"),
            suffix=self.tr("minutes (0 = do not repeat)"),
            tip=self.tr("0–120 minutes"),
        )
        self.fields.line(form, "repeat_max", self.tr("Repeat at m&ost"), suffix=self.tr("times"), tip="0–10")
        repeat.setLayout(form)
        for group in (sleep, checkins, repeat):
            layout.addWidget(group)
        align_labels(sleep, checkins, repeat)
        layout.addStretch(1)
        return page

    def _dose_tab(self) -> QWidget:
        page, layout = self._page()
        form = form_layout()
        self.fields.choice(
            form,
            "dose_timing",
            self.tr("&Choose dose times from"),
            [("fixed", self.tr("my own fixed times")), ("pattern", self.tr("my pain pattern"))],
        )
        self.fields.line(
            form,
            "dose_times",
            self.tr("&Fixed dose times"),
            chars=22,
            suffix=self.tr("separated by commas"),
            tip=self.tr("Your own reminder times, such as 09:00, 15:00; empty for no dose reminders"),
        )
        self.fields.line(
            form,
            "dose_reminders_per_day",
            self.tr("&Dose reminders a day"),
            suffix=self.tr("at most, with timing from your pain pattern (1–12)"),
            tip=self.tr("Empty: as many as you took a day over the last 14 days"),
            hint=self.tr(
                "Leave it empty for as many as you took a day lately. Ebb never reminds you of "
                "more doses than you take, and never of more than your own maximum per 24 hours."
            ),
        )
        self.fields.line(
            form,
            "pain_threshold",
            self.tr("Pain &level that counts as a rise"),
            suffix=self.tr("on the 0–10 scale"),
        )
        self.fields.line(
            form,
            "pattern_window_days",
            self.tr("Pattern &window"),
            suffix=self.tr("days of check-ins (7–365)"),
        )
        self.fields.line(
            form,
            "no_dose_before_bed_h",
            self.tr("&No dose reminders within"),
            suffix=self.tr("hours before bedtime (0–12)"),
        )
        layout.addLayout(form)
        caption = QLabel(self.tr("T&omorrow with these settings (a preview; nothing is saved)"))
        self.preview_list = QTreeWidget()
        self.preview_list.setHeaderLabels([self.tr("Time"), self.tr("Reminder"), self.tr("Why")])
        self.preview_list.setRootIsDecorated(False)
        self.preview_list.setWordWrap(True)
        caption.setBuddy(self.preview_list)
        # What each substance's dose rule does tomorrow, and why: the list alone cannot say
        # why a dose reminder is missing.
        self.preview_rules = QLabel()
        self.preview_rules.setWordWrap(True)
        self.preview_rules.setTextFormat(Qt.TextFormat.PlainText)
        self.preview_note = hint_label("")
        layout.addWidget(caption)
        layout.addWidget(self.preview_list, 1)
        layout.addWidget(self.preview_rules)
        layout.addWidget(self.preview_note)
        return page

    def _privacy_tab(self, data_folder: Path) -> QWidget:
        page, layout = self._page()
        add_discreet_row(self.fields, layout)
        layout.addSpacing(12)
        add_reminder_window_row(self.fields, layout)
        layout.addSpacing(12)
        self.autostart_check = QCheckBox(self.tr("Start Ebb when I &log in"))
        self.autostart_status = StatusLine()
        layout.addWidget(self.autostart_check)
        if self._autostart is None:
            self.autostart_check.hide()
            self.autostart_note = hint_label(
                self.tr(
                    "Starting Ebb at login is not available on this system; "
                    "start it from your applications menu instead."
                )
            )
        else:
            self.autostart_check.setChecked(self._autostart.is_enabled())
            self.autostart_check.toggled.connect(self.set_autostart)
            self.autostart_note = hint_label(
                self.tr("Takes effect at your next login. Entry: {where}").format(
                    where=self._autostart.describe()
                )
            )
        layout.addWidget(self.autostart_note)
        layout.addWidget(self.autostart_status)
        layout.addSpacing(12)
        self.folder_edit = QLineEdit(str(data_folder))
        self.folder_edit.setReadOnly(True)
        self.folder_edit.setCursorPosition(0)
        caption = QLabel(self.tr("Data &folder"))
        caption.setBuddy(self.folder_edit)
        self.copy_button = QPushButton(self.tr("&Copy path"))
        self.copy_button.clicked.connect(self.copy_folder)
        row = QHBoxLayout()
        row.addWidget(self.folder_edit, 1)
        row.addWidget(self.copy_button)
        layout.addWidget(caption)
        layout.addLayout(row)
        layout.addWidget(
            hint_label(self.tr("Your journal and its backups stay in this folder, on this computer only."))
        )
        layout.addStretch(1)
        return page

    def _backups_tab(self) -> QWidget:
        page, layout = self._page()
        self.backup_list = QTreeWidget()
        self.backup_list.setHeaderLabels([self.tr("Date"), self.tr("Size"), self.tr("Kind")])
        self.backup_list.setRootIsDecorated(False)
        self.backup_list.setAllColumnsShowFocus(True)
        caption = QLabel(self.tr("Copies of your &journal, newest first"))
        caption.setBuddy(self.backup_list)
        self.backup_button = QPushButton(self.tr("Back &up now"))
        self.backup_button.clicked.connect(self.back_up_now)
        self.backup_status = StatusLine()
        row = QHBoxLayout()
        row.addWidget(self.backup_button)
        row.addStretch(1)
        layout.addWidget(caption)
        layout.addWidget(self.backup_list, 1)
        layout.addLayout(row)
        layout.addWidget(self.backup_status)
        layout.addWidget(
            hint_label(
                self.tr(
                    "Ebb copies the journal every day and keeps the last 7 days plus one copy a week for "
                    "4 weeks. Copies made here are kept until you delete them. To restore one, quit Ebb "
                    "and run: ebb restore FILE"
                )
            )
        )
        return page

    # Substances -----------------------------------------------------------------------------

    def _enable_edit(self) -> None:
        self.edit_button.setEnabled(self.substance_list.current_substance() is not None)

    def _open(self, dialog: SubstanceDialog) -> None:
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.substance_dialog = dialog
        dialog.show()

    def add_substance(self) -> None:
        def save(substance: Substance) -> None:
            self._add_substance(substance)
            self.substance_list.show_substances([*self.substance_list.substances, substance], substance.name)

        self._open(SubstanceDialog(save, parent=self))

    def edit_substance(self) -> None:
        original = self.substance_list.current_substance()
        if original is None:
            return

        def save(substance: Substance) -> None:
            self._update_substance(original.name, substance)
            others = [s for s in self.substance_list.substances if s.name != original.name]
            self.substance_list.show_substances([*others, substance], substance.name)

        self._open(SubstanceDialog(save, original, parent=self))

    # Settings -------------------------------------------------------------------------------

    def _on_edited(self, _key: str) -> None:
        self._preview_timer.start()
        # Any earlier summary is out of date now; the fields keep their own messages.
        if self.fields.is_edited():
            self.status.show_message(StatusLine.INFO, self.tr("Not saved yet: press Apply (Enter)."))
        else:
            self.status.clear()

    def apply(self) -> bool:
        """Save every changed setting, or none when any field is invalid."""
        self.status.clear()
        values, invalid = self.fields.check()
        if invalid:
            self._focus(invalid[0].widget)
            self.status.show_message(
                StatusLine.ERROR,
                self.tr("Nothing was saved. Please correct: {names}.").format(
                    names="; ".join(field.name for field in invalid)
                ),
            )
            return False
        changes = self.fields.changes(values)
        saved: dict[str, str] = {}
        try:
            for key, value in changes.items():
                self._save_setting(key, value)
                self.fields.mark_saved(key, value)
                saved[key] = value
        except (ValidationError, *SAVE_ERRORS) as exc:
            self._save_failed(key, exc, saved)
            return False
        finally:
            if saved:
                self.applied.emit(saved)
        for key, value in values.items():
            self.fields.fields[key].write(value)  # shown as stored: "9:00" becomes "09:00"
        names = [self.fields.fields[key].name for key in changes]
        text = (
            self.tr("Saved: {names}.").format(names="; ".join(names))
            if names
            else self.tr("No changes to save.")
        )
        self.status.show_message(StatusLine.INFO, text)
        return True

    def _save_failed(self, key: str, exc: Exception, saved: Mapping[str, str]) -> None:
        field = self.fields.fields[key]
        if isinstance(exc, ValidationError):
            reason = exc.message
        else:
            reason = (exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)) or type(
                exc
            ).__name__
        text = self.tr("Could not save {field}: {reason}.").format(
            field=field.name, reason=reason.rstrip(".")
        )
        if saved:
            done = "; ".join(self.fields.fields[k].name for k in saved)
            text += " " + self.tr("Saved before that: {names}.").format(names=done)
        text += " " + self.tr("The rest is still here to apply again.")
        self.status.show_message(StatusLine.ERROR, text)
        self._focus(field.widget)

    def _focus(self, widget: QWidget) -> None:
        for index in range(self.tabs.count()):
            page = self.tabs.widget(index)
            if page is not None and page.isAncestorOf(widget):
                self.tabs.setCurrentIndex(index)
        widget.setFocus(Qt.FocusReason.OtherFocusReason)

    def refresh_preview(self) -> None:
        """Plan tomorrow with the pending settings (valid edits applied, nothing saved)."""
        values, invalid = self.fields.pending()
        self.preview_list.clear()
        try:
            preview = self._preview(values)
        except ValidationError as exc:
            preview = TomorrowPreview([], [])
            invalid.append(exc.message)
        rows = preview.rows
        for when, what, why in rows:
            why = why.removeprefix(f"{when} — ")  # the reason's words start with the time shown
            why = "" if why == what else why  # "pain check-in" twice says nothing more
            item = QTreeWidgetItem([when, what, why])
            item.setToolTip(2, why)
            self.preview_list.addTopLevelItem(item)
        for column in range(2):
            self.preview_list.resizeColumnToContents(column)
        self.preview_rules.setText("\n".join(preview.dose_rules))
        self.preview_rules.setVisible(bool(preview.dose_rules))
        notes = []
        if not rows:
            notes.append(self.tr("No reminders would be planned for tomorrow."))
        if invalid:
            notes.append(
                self.tr("Left out of the preview until corrected: {names}.").format(names="; ".join(invalid))
            )
        self.preview_note.setText(" ".join(notes))
        self.preview_note.setVisible(bool(notes))

    def preview_rows(self) -> list[tuple[str, str, str]]:
        items = (self.preview_list.topLevelItem(i) for i in range(self.preview_list.topLevelItemCount()))
        return [(item.text(0), item.text(1), item.text(2)) for item in items if item is not None]

    def preview_rule_lines(self) -> list[str]:
        text = self.preview_rules.text()
        return text.split("\n") if text else []

    # Privacy, start and backups ---------------------------------------------------------

    def set_autostart(self, on: bool) -> None:
        assert self._autostart is not None
        self.autostart_status.clear()
        try:
            self._autostart.enable() if on else self._autostart.disable()
        except (ForeignAutostartEntry, OSError) as exc:
            self.autostart_status.show_message(StatusLine.ERROR, str(exc))
            self.autostart_check.blockSignals(True)
            self.autostart_check.setChecked(self._autostart.is_enabled())
            self.autostart_check.blockSignals(False)

    def copy_folder(self) -> None:
        QGuiApplication.clipboard().setText(self.folder_edit.text())
        self.copy_button.setText(self.tr("&Copied"))
        # The button as context: the timer dies with the window instead of firing into it.
        QTimer.singleShot(
            COPIED_SHOWN_MS, self.copy_button, lambda: self.copy_button.setText(self.tr("&Copy path"))
        )

    def refresh_backups(self) -> None:
        self.backup_list.clear()
        kinds = {
            "journal-daily-": self.tr("daily"),
            "journal-manual-": self.tr("made by you"),
            "journal-pre-migration-": self.tr("before an update"),
        }
        locale = QLocale()
        for info in sorted(self._backups(), key=lambda b: b.modified, reverse=True):
            kind = next((text for prefix, text in kinds.items() if info.path.name.startswith(prefix)), "")
            precision = 1 if info.size >= 1 << 20 else 0  # "84 kB", "1.2 MB"
            size = locale.formattedDataSize(
                info.size, precision, QLocale.DataSizeFormat.DataSizeTraditionalFormat
            )
            item = QTreeWidgetItem([f"{info.modified:%Y-%m-%d %H:%M}", size, kind])
            item.setTextAlignment(1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            item.setToolTip(0, str(info.path))
            self.backup_list.addTopLevelItem(item)
        if not self.backup_list.topLevelItemCount():
            self.backup_list.addTopLevelItem(QTreeWidgetItem([self.tr("No backups yet")]))
        for column in range(3):
            self.backup_list.resizeColumnToContents(column)

    def back_up_now(self) -> None:
        self.backup_status.clear()
        try:
            path = self._back_up_now()
        except SAVE_ERRORS as exc:
            reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
            self.backup_status.show_message(
                StatusLine.ERROR, self.tr("The backup failed: {reason}.").format(reason=reason)
            )
            return
        self.backup_status.show_message(
            StatusLine.INFO, self.tr("Backup written to {path}").format(path=path)
        )
        self.refresh_backups()
