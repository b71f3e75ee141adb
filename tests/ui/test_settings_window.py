"""The settings window (offscreen Qt, shown with show(), never exec()); every collaborator
is a fake or a recorder, so nothing here touches a journal."""

from __future__ import annotations

import sqlite3
from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QLineEdit, QWidget

from desktop.core.errors import ValidationError
from desktop.core.model import Limits, Substance, SubstanceKind
from desktop.core.planning.inputs import JournalView, PlanConfig
from desktop.core.planning.planner import dose_rules, plan_day
from desktop.core.settings import effective_settings
from desktop.services.preview import TomorrowPreview
from desktop.storage.backups import BackupInfo
from desktop.system.autostart import ForeignAutostartEntry
from desktop.ui.settings import privacy
from desktop.ui.settings.backups import BackupActions
from desktop.ui.settings.substance_dialog import SubstanceDialog
from desktop.ui.settings.window import SettingsWindow
from desktop.words.present import describe_reason
from tests.ui.palettes import dark_palette

BERLIN = ZoneInfo("Europe/Berlin")
TOMORROW = date(2026, 3, 3)
SCREENSHOTS = Path(__file__).resolve().parents[2] / "screenshots" / "settings"

KRATOM = Substance(
    "kratom",
    SubstanceKind.KRATOM,
    "g",
    usual_amount=2.5,
    limits=Limits(min_interval=timedelta(hours=4), max_doses_per_24h=3, max_amount_per_24h=8),
)
MELATONIN = Substance("melatonin", SubstanceKind.MELATONIN, "mg", active=False)
WHAT = {
    "melatonin": "melatonin",
    "dose": "dose",
    "checkin": "pain check-in",
    "followup": "pain follow-up",
    "sleep_diary": "sleep diary",
}


def plan_preview(settings: dict[str, str]) -> TomorrowPreview:
    """Tomorrow's plan and dose rules through the real planner, as the app would wire it
    (a journal with no doses logged)."""
    journal = JournalView(substances=[("k", KRATOM), ("m", MELATONIN)])
    config = PlanConfig.from_settings(settings)
    occurrences = plan_day(config, journal, TOMORROW, BERLIN)
    rows = [
        (
            f"{o.due:%H:%M}",
            f"{o.substance} dose" if o.substance else WHAT[o.kind],
            describe_reason(o.reason.code, dict(o.reason.data)),
        )
        for o in occurrences
    ]
    rules = [describe_reason(r.code, dict(r.data)) for r in dose_rules(config, journal, TOMORROW, BERLIN)]
    return TomorrowPreview(rows, rules)


class FakeAutostart:
    def __init__(self, enabled: bool = False, fail: Exception | None = None) -> None:
        self.enabled = enabled
        self.fail = fail
        self.calls: list[str] = []

    def is_enabled(self) -> bool:
        return self.enabled

    def enable(self) -> None:
        self.calls.append("enable")
        if self.fail is not None:
            raise self.fail
        self.enabled = True

    def disable(self) -> None:
        self.calls.append("disable")
        self.enabled = False

    def describe(self) -> str:
        return "~/.config/autostart/ebb.desktop"


class Fakes:
    """Records every call the window makes; ``fail_on`` makes save_setting raise for a key."""

    def __init__(self, tmp_path: Path) -> None:
        self.saved: list[tuple[str, str]] = []
        self.added: list[Substance] = []
        self.updated: list[tuple[str, Substance]] = []
        self.previewed: list[dict[str, str]] = []
        self.fail_on: dict[str, Exception] = {}
        self.add_fails: Exception | None = None
        self.restored: list[Path] = []
        self.exported: list[Path] = []
        self.folder = tmp_path / "backups"
        self.folder.mkdir()
        self.infos = [
            BackupInfo(
                self.folder / "journal-daily-2026-03-01.db", 81_920, datetime(2026, 3, 1, 8, 2, tzinfo=BERLIN)
            ),
            BackupInfo(
                self.folder / "journal-daily-2026-03-02.db", 84_992, datetime(2026, 3, 2, 8, 1, tzinfo=BERLIN)
            ),
        ]

    def save_setting(self, key: str, value: str) -> None:
        if key in self.fail_on:
            raise self.fail_on[key]
        self.saved.append((key, value))

    def add_substance(self, substance: Substance) -> None:
        if self.add_fails is not None:
            raise self.add_fails
        self.added.append(substance)

    def update_substance(self, name: str, substance: Substance) -> None:
        self.updated.append((name, substance))

    def preview(self, settings: dict[str, str]) -> TomorrowPreview:
        self.previewed.append(dict(settings))
        return plan_preview(settings)

    def backups(self) -> list[BackupInfo]:
        return list(self.infos)

    def back_up_now(self) -> Path:
        path = self.folder / "journal-manual-20260302T093000.db"
        self.infos.append(BackupInfo(path, 90_112, datetime(2026, 3, 2, 9, 30, tzinfo=BERLIN)))
        return path

    def restore(self, path: Path) -> Path:
        self.restored.append(path)
        kept = self.folder / "journal-before-restore-20260302T093000Z.db"
        self.infos.append(BackupInfo(kept, 90_112, datetime(2026, 3, 2, 9, 31, tzinfo=BERLIN)))
        return kept

    def export(self, path: Path) -> None:
        self.exported.append(path)


@pytest.fixture
def fakes(tmp_path: Path) -> Fakes:
    return Fakes(tmp_path)


def make(qtbot, fakes: Fakes, *, autostart=None, settings=None, substances=None) -> SettingsWindow:
    window = SettingsWindow(
        settings if settings is not None else effective_settings({}),
        substances if substances is not None else [KRATOM, MELATONIN],
        save_setting=fakes.save_setting,
        add_substance=fakes.add_substance,
        update_substance=fakes.update_substance,
        preview=fakes.preview,
        autostart=autostart,
        data_folder=Path("/home/alex/.local/share/ebb"),
        backups=BackupActions(fakes.backups, fakes.back_up_now, fakes.restore, fakes.export),
    )
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    return window


def field(window: SettingsWindow, key: str) -> QWidget:
    return window.fields.fields[key].widget


def type_into(qtbot, edit: QLineEdit, text: str) -> None:
    """Replace the text as a user would (textEdited fires, unlike setText)."""
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClicks(edit, text)


def open_add(qtbot, window: SettingsWindow) -> SubstanceDialog:
    window.substances_tab.add_button.click()
    dialog = window.substances_tab.substance_dialog
    qtbot.waitExposed(dialog)
    return dialog


def shown(widget: QWidget) -> bool:
    return widget.isVisibleTo(widget.window())


# --- Substances -----------------------------------------------------------------------------


def test_the_list_shows_each_substance_with_the_users_own_limits(qtbot, fakes) -> None:
    window = make(qtbot, fakes)
    rows = [
        [window.substances_tab.substance_list.topLevelItem(i).text(c) for c in range(4)]
        for i in range(window.substances_tab.substance_list.topLevelItemCount())
    ]
    assert rows == [
        ["kratom", "kratom", "2.5 g", "at least 4 h apart; at most 3 doses, 8 g per 24 h"],
        ["melatonin (not active)", "melatonin", "", "none set"],
    ]


def test_a_new_substance_form_prefills_and_suggests_no_amount_or_limit(qtbot, fakes) -> None:
    window = make(qtbot, fakes)  # kept: the form does not keep its window alive
    dialog = open_add(qtbot, window)
    numbers = [
        dialog.usual,
        dialog.min_interval,
        dialog.max_doses,
        dialog.daily_cap,
        dialog.onset,
        dialog.duration,
    ]
    assert all(edit.text() == "" for edit in numbers)
    assert [e.placeholderText() for e in (dialog.min_interval, dialog.max_doses, dialog.daily_cap)] == [
        "your own limit (optional)"
    ] * 3
    assert dialog.usual.placeholderText() == "your own amount (optional)"
    texts = [w.placeholderText() + w.text() for w in dialog.findChildren(QLineEdit)]
    assert not any(ch.isdigit() for text in texts for ch in text), texts


def fill(dialog: SubstanceDialog, **values: str) -> None:
    for name, text in values.items():
        getattr(dialog, name).setText(text)


def test_adding_a_valid_substance_calls_add_substance_with_the_validated_value(qtbot, fakes) -> None:
    window = make(qtbot, fakes)
    dialog = open_add(qtbot, window)
    fill(dialog, name=" Red kratom ", min_interval="4", max_doses="3", daily_cap="7,5", onset="20")
    dialog.kind.setCurrentIndex(dialog.kind.findData("kratom"))
    dialog.unit.setCurrentText("g")
    qtbot.keyClick(dialog.name, Qt.Key.Key_Return)
    assert fakes.added == [
        Substance(
            "Red kratom",
            SubstanceKind.KRATOM,
            "g",
            limits=Limits(min_interval=timedelta(hours=4), max_doses_per_24h=3, max_amount_per_24h=7.5),
            onset_min=20,
        )
    ]
    assert not dialog.isVisible()
    assert window.substances_tab.substance_list.current_substance() == fakes.added[0]


@pytest.mark.parametrize(
    ("values", "message"),
    [
        (
            {"max_doses": "2.5"},
            "Maximum doses in 24 hours: '2.5' is not a whole number; use a whole number 1-48",
        ),
        ({"usual": "-1"}, "Usual amount: '-1' is not allowed; an amount must be greater than 0"),
        (
            {"daily_cap": "0"},
            "Maximum total in 24 hours: '0' is not allowed; an amount must be greater than 0",
        ),
        ({"min_interval": "0"}, "Minimum time between doses: '0' is out of range; allowed above 0 up to 72"),
        ({"onset": "lots"}, "Starts working after: 'lots' is not a number"),
        ({"name": ""}, "Name:"),
    ],
)
def test_invalid_values_show_the_cores_message_and_save_nothing(qtbot, fakes, values, message) -> None:
    window = make(qtbot, fakes)
    dialog = open_add(qtbot, window)
    fill(dialog, **{"name": "kratom", **values})
    dialog.save_button.click()
    assert dialog.error.text().startswith(message), dialog.error.text()
    assert fakes.added == []
    assert dialog.isVisible()


def test_a_refused_add_keeps_the_form_open(qtbot, fakes) -> None:
    fakes.add_fails = ValidationError("name", "'kratom' already exists")
    window = make(qtbot, fakes)  # kept: the form does not keep its window alive
    dialog = open_add(qtbot, window)
    fill(dialog, name="kratom")
    dialog.save_button.click()
    assert dialog.error.text() == "Name: 'kratom' already exists"
    assert dialog.isVisible()


def test_editing_shows_the_users_own_values_and_calls_update_substance(qtbot, fakes) -> None:
    window = make(qtbot, fakes)
    window.substances_tab.substance_list.setCurrentItem(window.substances_tab.substance_list.topLevelItem(0))
    window.substances_tab.edit_button.click()
    dialog = window.substances_tab.substance_dialog
    assert (dialog.name.text(), dialog.usual.text(), dialog.min_interval.text()) == ("kratom", "2.5", "4")
    assert (dialog.max_doses.text(), dialog.daily_cap.text(), dialog.onset.text()) == ("3", "8", "")
    fill(dialog, daily_cap="6")
    dialog.save_button.click()
    assert fakes.updated == [
        ("kratom", Substance("kratom", SubstanceKind.KRATOM, "g", 2.5, Limits(timedelta(hours=4), 3, 6)))
    ]
    assert "6 g per 24 h" in window.substances_tab.substance_list.topLevelItem(0).text(3)


def test_edit_needs_a_chosen_substance(qtbot, fakes) -> None:
    window = make(qtbot, fakes, substances=[])
    assert not window.substances_tab.edit_button.isEnabled()


# --- Applying settings --------------------------------------------------------------------


def test_apply_with_one_invalid_field_saves_nothing_and_names_it(qtbot, fakes) -> None:
    window = make(qtbot, fakes)
    type_into(qtbot, field(window, "dose_times"), "9:00")
    type_into(qtbot, field(window, "bedtime"), "25:00")
    assert not window.apply()
    assert fakes.saved == []
    error = window.fields.fields["bedtime"].error
    assert error.text() == "Bedtime, weekdays: '25:00' is not a time of day; allowed 00:00-23:59"
    assert shown(error)
    assert window.tabs.currentIndex() == 1  # Sleep & reminders, where the field is
    assert QApplication.focusWidget() is field(window, "bedtime")
    assert window.status.text() == "Nothing was saved. Please correct: Bedtime, weekdays."


def test_an_error_goes_away_when_the_field_is_edited(qtbot, fakes) -> None:
    window = make(qtbot, fakes)
    type_into(qtbot, field(window, "bedtime"), "25:00")
    window.apply()
    type_into(qtbot, field(window, "bedtime"), "23:15")
    assert window.fields.fields["bedtime"].error.text() == ""


def test_enter_applies_changed_keys_only_with_normalised_values(qtbot, fakes) -> None:
    window = make(qtbot, fakes)
    applied = []
    window.applied.connect(applied.append)
    window.tabs.setCurrentIndex(1)
    type_into(qtbot, field(window, "wake_time"), "7:00")  # same time as saved: not a change
    type_into(qtbot, field(window, "checkin_times"), "20:00, 9:00")
    window.tabs.setCurrentIndex(3)
    field(window, "discreet").click()
    window.tabs.setCurrentIndex(2)
    type_into(qtbot, field(window, "dose_times"), "9:00")
    qtbot.keyClick(field(window, "dose_times"), Qt.Key.Key_Return)
    assert fakes.saved == [("checkin_times", "09:00,20:00"), ("dose_times", "09:00"), ("discreet", "true")]
    assert applied == [dict(fakes.saved)]
    assert field(window, "dose_times").text() == "09:00"
    assert field(window, "wake_time").text() == "07:00"
    assert window.status.text() == "Saved: Pain check-in times; Fixed dose times; Discreet mode: " + (
        "keep substance names out of notifications."
    )
    window.apply()
    assert len(fakes.saved) == 3
    assert window.status.text() == "No changes to save."


def test_a_failing_save_says_what_was_saved_and_keeps_the_rest(qtbot, fakes) -> None:
    fakes.fail_on["dose_times"] = sqlite3.OperationalError("disk I/O error")
    window = make(qtbot, fakes)
    type_into(qtbot, field(window, "wake_time"), "06:30")
    type_into(qtbot, field(window, "dose_times"), "10:00")
    assert not window.apply()
    assert fakes.saved == [("wake_time", "06:30")]
    assert window.status.text() == (
        "Could not save Fixed dose times: disk I/O error. Saved before that: Wake-up time, weekdays. "
        "The rest is still here to apply again."
    )
    assert field(window, "dose_times").text() == "10:00"
    del fakes.fail_on["dose_times"]
    assert window.apply()
    assert fakes.saved == [("wake_time", "06:30"), ("dose_times", "10:00")]


def test_an_edit_is_announced_as_not_saved_yet(qtbot, fakes) -> None:
    window = make(qtbot, fakes)
    type_into(qtbot, field(window, "repeat_every_min"), "10")
    assert window.status.text() == "Not saved yet: press Apply (Enter)."
    type_into(qtbot, field(window, "repeat_every_min"), "0")
    assert window.status.text() == ""


# --- Live preview -------------------------------------------------------------------------


def test_the_preview_plans_tomorrow_with_the_pending_settings(qtbot, fakes) -> None:
    window = make(qtbot, fakes)
    window.tabs.setCurrentIndex(2)
    assert fakes.previewed[-1] == effective_settings({})
    type_into(qtbot, field(window, "dose_times"), "9:30, 16:00")
    # Real timer: the preview waits for a pause in typing, then plans once.
    qtbot.waitUntil(lambda: fakes.previewed[-1]["dose_times"] == "09:30,16:00", timeout=2000)
    assert ("09:30", "kratom dose", "your dose time") in window.dose_tab.preview_rows()
    assert ("16:00", "kratom dose", "your dose time") in window.dose_tab.preview_rows()
    assert fakes.saved == []


def test_the_preview_says_why_there_is_no_dose_reminder(qtbot, fakes) -> None:
    window = make(qtbot, fakes)
    window.tabs.setCurrentIndex(2)
    assert not [row for row in window.dose_tab.preview_rows() if "dose" in row[1]]
    assert window.dose_tab.preview_rule_lines() == [
        "kratom: no dose reminders — you have not set any dose times"
    ]
    assert shown(window.dose_tab.preview_rules)

    field(window, "dose_timing").setCurrentIndex(1)  # my pain pattern
    qtbot.waitUntil(lambda: fakes.previewed[-1]["dose_timing"] == "pattern", timeout=2000)
    (line,) = window.dose_tab.preview_rule_lines()
    assert line.startswith("kratom: no dose reminders — you logged no doses in the last 14 days")

    field(window, "dose_timing").setCurrentIndex(0)
    type_into(qtbot, field(window, "dose_times"), "9:30")
    qtbot.waitUntil(lambda: fakes.previewed[-1]["dose_times"] == "09:30", timeout=2000)
    assert window.dose_tab.preview_rule_lines() == ["kratom: reminders at your own dose times (09:30)"]


def test_without_a_dose_reminded_substance_there_is_no_rule_line(qtbot, fakes) -> None:
    fakes.preview = lambda settings: TomorrowPreview([], [])  # type: ignore[method-assign]
    window = make(qtbot, fakes, substances=[MELATONIN])
    assert window.dose_tab.preview_rule_lines() == []
    assert not shown(window.dose_tab.preview_rules)
    assert window.dose_tab.preview_note.text() == "No reminders would be planned for tomorrow."


# --- The dose reminders a day -----------------------------------------------------------------


def test_dose_reminders_a_day_starts_empty_and_says_it_never_adds_doses(qtbot, fakes) -> None:
    window = make(qtbot, fakes)
    window.tabs.setCurrentIndex(2)
    edit = field(window, "dose_reminders_per_day")
    assert isinstance(edit, QLineEdit) and edit.text() == ""
    page = window.tabs.widget(2)
    text = " ".join(label.text() for label in page.findChildren(QLabel) if label.isVisibleTo(page))
    assert "as many as you took a day lately" in text
    assert "never reminds you of more doses than you take" in text
    assert "never of more than your own maximum" in text


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("0", "Dose reminders a day: '0' is out of range; allowed 1-12"),
        ("13", "Dose reminders a day: '13' is out of range; allowed 1-12"),
        ("two", "Dose reminders a day: 'two' is not a number"),
    ],
)
def test_dose_reminders_a_day_is_checked_by_the_core(qtbot, fakes, typed: str, message: str) -> None:
    window = make(qtbot, fakes)
    type_into(qtbot, field(window, "dose_reminders_per_day"), typed)
    assert not window.apply()
    assert fakes.saved == []
    assert window.fields.fields["dose_reminders_per_day"].error.text() == message
    assert window.tabs.currentIndex() == 2


def test_dose_reminders_a_day_saves_and_can_be_emptied_again(qtbot, fakes) -> None:
    window = make(qtbot, fakes)
    type_into(qtbot, field(window, "dose_reminders_per_day"), " 2 ")
    assert window.apply()
    assert fakes.saved == [("dose_reminders_per_day", "2")]
    assert field(window, "dose_reminders_per_day").text() == "2"
    field(window, "dose_reminders_per_day").clear()
    assert window.apply()
    assert fakes.saved == [("dose_reminders_per_day", "2"), ("dose_reminders_per_day", "")]


def test_an_invalid_field_is_left_out_of_the_preview_and_named(qtbot, fakes) -> None:
    window = make(qtbot, fakes)
    type_into(qtbot, field(window, "pain_threshold"), "11")
    qtbot.waitUntil(lambda: window.dose_tab.preview_note.text() != "", timeout=2000)
    assert fakes.previewed[-1]["pain_threshold"] == "4"
    assert (
        window.dose_tab.preview_note.text()
        == "Left out of the preview until corrected: Pain level that counts as a rise."
    )


# --- Privacy and start --------------------------------------------------------------------


def test_the_autostart_toggle_enables_and_disables(qtbot, fakes) -> None:
    autostart = FakeAutostart()
    window = make(qtbot, fakes, autostart=autostart)
    window.tabs.setCurrentIndex(3)
    window.privacy_tab.autostart_check.click()
    window.privacy_tab.autostart_check.click()
    assert autostart.calls == ["enable", "disable"]
    assert "~/.config/autostart/ebb.desktop" in window.privacy_tab.autostart_note.text()


def test_a_refused_autostart_says_why_and_shows_the_real_state(qtbot, fakes) -> None:
    autostart = FakeAutostart(fail=ForeignAutostartEntry("~/.config/autostart/ebb.desktop"))
    window = make(qtbot, fakes, autostart=autostart)
    window.privacy_tab.autostart_check.click()
    assert not window.privacy_tab.autostart_check.isChecked()
    assert "was not written by Ebb" in window.privacy_tab.autostart_status.text()


def test_without_autostart_the_toggle_is_hidden_and_explained(qtbot, fakes) -> None:
    window = make(qtbot, fakes, autostart=None)
    window.tabs.setCurrentIndex(3)
    assert not window.privacy_tab.autostart_check.isVisible()
    assert "not available on this system" in window.privacy_tab.autostart_note.text()


def test_copy_path_puts_the_data_folder_on_the_clipboard(qtbot, fakes, monkeypatch) -> None:
    monkeypatch.setattr(privacy, "COPIED_SHOWN_MS", 50)
    window = make(qtbot, fakes)
    window.tabs.setCurrentIndex(3)
    window.privacy_tab.copy_button.click()
    assert QGuiApplication.clipboard().text() == "/home/alex/.local/share/ebb"
    assert window.privacy_tab.copy_button.text() == "&Copied"
    qtbot.waitUntil(lambda: window.privacy_tab.copy_button.text() == "&Copy path", timeout=3000)  # real timer


def test_closing_right_after_copying_leaves_no_timer_behind(qtbot, fakes, monkeypatch) -> None:
    monkeypatch.setattr(privacy, "COPIED_SHOWN_MS", 50)
    window = make(qtbot, fakes)
    window.privacy_tab.copy_button.click()
    window.close()
    window.deleteLater()
    qtbot.wait(150)  # the "Copied" reset would fire into a deleted button


# --- Backups ------------------------------------------------------------------------------


def backup_rows(window: SettingsWindow) -> list[list[str]]:
    tree = window.backups_tab.backup_list
    return [[tree.topLevelItem(i).text(c) for c in range(3)] for i in range(tree.topLevelItemCount())]


def test_backups_are_listed_newest_first_and_back_up_now_adds_one(qtbot, fakes) -> None:
    window = make(qtbot, fakes)
    window.tabs.setCurrentIndex(4)
    assert backup_rows(window) == [
        ["2026-03-02 08:01", "83 kB", "daily"],
        ["2026-03-01 08:02", "80 kB", "daily"],
    ]
    window.backups_tab.backup_button.click()
    assert (
        window.backups_tab.backup_status.text()
        == f"Backup written to {fakes.folder / 'journal-manual-20260302T093000.db'}"
    )
    assert backup_rows(window)[0] == ["2026-03-02 09:30", "88 kB", "made by you"]


def test_a_failed_backup_says_why(qtbot, fakes) -> None:
    def fail() -> Path:
        raise OSError(28, "No space left on device")

    fakes.back_up_now = fail
    window = make(qtbot, fakes)
    window.backups_tab.backup_button.click()
    assert window.backups_tab.backup_status.text() == "The backup failed: No space left on device."


def test_restore_asks_first_then_brings_the_selected_copy_back_and_closes(qtbot, fakes, monkeypatch) -> None:
    from PySide6.QtWidgets import QMessageBox

    asked: list[str] = []

    def question(_parent, _title, text, *_args) -> QMessageBox.StandardButton:
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", question)
    monkeypatch.setattr(QMessageBox, "information", lambda *_args: QMessageBox.StandardButton.Ok)
    window = make(qtbot, fakes)
    tab = window.backups_tab
    assert not tab.restore_button.isEnabled()  # nothing selected yet
    tab.backup_list.setCurrentItem(tab.backup_list.topLevelItem(1))  # 1 March's
    assert tab.restore_button.isEnabled()
    with qtbot.waitSignal(window.rejected):  # stale fields are not saved over the copy
        tab.restore_button.click()
    assert fakes.restored == [fakes.folder / "journal-daily-2026-03-01.db"]
    assert "as it was on 2026-03-01 08:02" in asked[0] and "kept as a backup" in asked[0]


def test_restore_cancelled_changes_nothing(qtbot, fakes, monkeypatch) -> None:
    from PySide6.QtWidgets import QMessageBox

    monkeypatch.setattr(QMessageBox, "question", lambda *_args: QMessageBox.StandardButton.Cancel)
    window = make(qtbot, fakes)
    tab = window.backups_tab
    tab.backup_list.setCurrentItem(tab.backup_list.topLevelItem(0))
    tab.restore_button.click()
    assert fakes.restored == [] and window.isVisible()


def test_export_saves_where_the_user_chose(qtbot, fakes, monkeypatch, tmp_path: Path) -> None:
    from PySide6.QtWidgets import QFileDialog

    target = tmp_path / "for-my-doctor.json"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_args: (str(target), "JSON files (*.json)"))
    window = make(qtbot, fakes)
    window.backups_tab.export_button.click()
    assert fakes.exported == [target]
    assert window.backups_tab.backup_status.text() == f"Journal exported to {target}"


# --- Keyboard, looks ----------------------------------------------------------------------


def test_escape_closes_and_saves_nothing(qtbot, fakes) -> None:
    window = make(qtbot, fakes)
    type_into(qtbot, field(window, "bedtime"), "22:00")
    qtbot.keyClick(field(window, "bedtime"), Qt.Key.Key_Escape)
    assert not window.isVisible()
    assert fakes.saved == []


def mnemonic(text: str) -> str | None:
    plain = text.replace("&&", "")
    return plain.split("&", 1)[1][0].lower() if "&" in plain else None


def tab_mnemonics(window: SettingsWindow, index: int) -> list[str]:
    """Every mnemonic reachable while tab ``index`` is shown: tabs, the dialog's buttons and
    the page's labels, buttons and check boxes."""
    window.tabs.setCurrentIndex(index)
    tabs = [window.tabs.tabText(i) for i in range(window.tabs.count())]
    page = window.tabs.widget(index)
    widgets = [w for w in page.findChildren(QWidget) if w.isVisibleTo(page)]
    texts = [w.text() for w in widgets if isinstance(w, QLabel) and w.buddy() is not None]
    texts += [w.text() for w in widgets if isinstance(w, QAbstractButton)]
    texts += [window.apply_button.text(), window.close_button.text(), *tabs]
    return [key for key in map(mnemonic, texts) if key is not None]


@pytest.mark.parametrize("index", range(5))
def test_mnemonics_are_unique_on_every_tab(qtbot, fakes, index: int) -> None:
    keys = tab_mnemonics(make(qtbot, fakes, autostart=FakeAutostart()), index)
    assert len(keys) == len(set(keys)), sorted(keys)


@pytest.mark.parametrize("index", range(5))
def test_alt_mnemonics_reach_every_labelled_field(qtbot, fakes, index: int) -> None:
    window = make(qtbot, fakes, autostart=FakeAutostart())
    window.tabs.setCurrentIndex(index)
    page = window.tabs.widget(index)
    for label in page.findChildren(QLabel):
        if label.buddy() is None or not label.isVisibleTo(page):
            continue
        qtbot.keyClick(QApplication.focusWidget(), mnemonic(label.text()), Qt.KeyboardModifier.AltModifier)
        assert QApplication.focusWidget() is label.buddy(), label.text()


@pytest.mark.parametrize("index", range(5))
def test_tab_visits_the_page_in_order_then_the_buttons(qtbot, fakes, index: int) -> None:
    window = make(qtbot, fakes, autostart=FakeAutostart())
    window.tabs.setCurrentIndex(index)
    window.substances_tab.substance_list.setCurrentItem(
        window.substances_tab.substance_list.topLevelItem(0)
    )  # Edit… enabled
    page = window.tabs.widget(index)
    expected = [
        w
        for w in page.findChildren(QWidget)
        if w.isVisibleTo(page) and w.focusPolicy() & Qt.FocusPolicy.TabFocus and w.isEnabled()
    ]
    window.tabs.tabBar().setFocus()
    visited = []
    for _ in range(len(expected) + 3):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        visited.append(QApplication.focusWidget())
    assert visited == [*expected, window.apply_button, window.close_button, window.tabs.tabBar()]


def test_alt_letters_switch_tabs(qtbot, fakes) -> None:
    window = make(qtbot, fakes)
    for key, index in (("r", 1), ("t", 2), ("p", 3), ("b", 4), ("s", 0)):
        qtbot.keyClick(QApplication.focusWidget(), key, Qt.KeyboardModifier.AltModifier)
        assert window.tabs.currentIndex() == index


def test_every_substance_field_has_its_own_mnemonic(qtbot, fakes) -> None:
    window = make(qtbot, fakes)  # kept: the form does not keep its window alive
    dialog = open_add(qtbot, window)
    texts = [label.text() for label in dialog.findChildren(QLabel) if label.buddy() is not None]
    texts += [dialog.active.text(), dialog.save_button.text()]
    keys = [mnemonic(text) for text in texts]
    assert None not in keys
    assert len(keys) == len(set(keys)), keys


def test_no_colours_are_hard_coded(qtbot, fakes) -> None:
    window = make(qtbot, fakes)
    assert all(not w.styleSheet() for w in [window, *window.findChildren(QWidget)])


def save(widget: QWidget, name: str, qtbot) -> None:
    qtbot.wait(20)  # let posted layout requests run before grabbing
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    assert widget.grab().save(str(SCREENSHOTS / f"{name}.png"))
    squeezed = [
        (type(w).__name__, w.text())
        for w in widget.findChildren(QAbstractButton)
        if w.isVisible() and w.width() < w.minimumSizeHint().width()
    ]
    assert squeezed == [], name


def test_screenshots(qtbot, fakes) -> None:
    window = make(qtbot, fakes, autostart=FakeAutostart(enabled=True))
    names = ["substances", "sleep", "dose-timing", "privacy", "backups"]
    type_into(qtbot, field(window, "dose_times"), "9:30, 16:00")
    type_into(qtbot, field(window, "bedtime"), "24:30")
    type_into(qtbot, field(window, "followups_min"), "30, 60, 90, 120, 180, 240, 300")
    # the live preview plans again after a pause in typing
    qtbot.waitUntil(lambda: "Left out of the preview" in window.dose_tab.preview_note.text(), timeout=3000)
    for index, name in enumerate(names):
        window.tabs.setCurrentIndex(index)
        save(window, f"tab-{name}", qtbot)
    window.apply()
    save(window, "tab-sleep-error", qtbot)
    type_into(qtbot, field(window, "bedtime"), "23:00")
    window.tabs.setCurrentIndex(4)
    window.backups_tab.backup_button.click()
    save(window, "tab-backups-after-back-up-now", qtbot)
    dialog = open_add(qtbot, window)
    dialog.adjustSize()
    save(dialog, "substance-add", qtbot)
    fill(dialog, name="kratom", max_doses="2.5")
    dialog.save_button.click()
    dialog.adjustSize()
    save(dialog, "substance-add-error", qtbot)
    dialog.reject()
    pattern = make(qtbot, fakes)
    pattern.tabs.setCurrentIndex(2)
    field(pattern, "dose_timing").setCurrentIndex(1)  # no doses logged: why no dose reminder
    dose_tab = pattern.dose_tab
    qtbot.waitUntil(
        lambda: dose_tab.preview_rule_lines() != [] and "pattern" in fakes.previewed[-1]["dose_timing"]
    )
    save(pattern, "tab-dose-timing-pattern-no-doses", qtbot)

    app = QApplication.instance()
    before = app.palette()
    app.setPalette(dark_palette())
    try:
        dark = make(qtbot, fakes, autostart=None)
        dark.tabs.setCurrentIndex(3)
        save(dark, "tab-privacy-dark-no-autostart", qtbot)
        dark.tabs.setCurrentIndex(2)
        save(dark, "tab-dose-timing-dark", qtbot)
    finally:
        app.setPalette(before)
