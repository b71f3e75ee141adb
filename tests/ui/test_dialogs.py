"""The quick-entry dialogs (offscreen Qt, shown with show(), never exec())."""

from __future__ import annotations

import sqlite3
from datetime import date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import Qt, QTime
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QLineEdit, QWidget

from desktop.core.errors import ValidationError
from desktop.core.model import (
    Dose,
    Limits,
    Note,
    PainCheckin,
    SideEffect,
    SleepEntry,
    Substance,
    SubstanceKind,
)
from desktop.core.safety import LimitReason, Verdict
from desktop.ui.dialogs import DoseDialog, EffectDialog, EntryDialog, NoteDialog, PainDialog, SleepDialog
from desktop.ui.dialogs.base import error_colour, to_qdatetime
from tests.ui.palettes import dark_palette

BERLIN = ZoneInfo("Europe/Berlin")
NOW = datetime(2026, 3, 2, 9, 0, tzinfo=BERLIN)
SCREENSHOTS = Path(__file__).resolve().parents[2] / "screenshots" / "dialogs"

KRATOM = Substance(
    "kratom",
    SubstanceKind.KRATOM,
    "g",
    limits=Limits(min_interval=timedelta(hours=4), max_doses_per_24h=3, max_amount_per_24h=8),
)
MELATONIN = Substance("melatonin", SubstanceKind.MELATONIN, "mg", usual_amount=1.5)


class Recorder:
    """A ``save`` callback that records values, or raises ``fail`` instead."""

    def __init__(self, fail: Exception | None = None) -> None:
        self.values: list[object] = []
        self.fail = fail

    def __call__(self, value: object) -> None:
        if self.fail is not None:
            raise self.fail
        self.values.append(value)


def within_limits(substance: Substance, amount: float, at: datetime) -> Verdict:
    return Verdict(reasons=(), next_ok_at=at, used_count=0, used_amount=0.0)


def make(qtbot, cls, save=None, now: datetime = NOW, **options) -> EntryDialog:
    if cls is DoseDialog:
        options.setdefault("substances", [MELATONIN, KRATOM])
        options.setdefault("check_limits", within_limits)
    dialog = cls(save if save is not None else Recorder(), lambda: now, BERLIN, **options)
    qtbot.addWidget(dialog)
    dialog.show()
    # Shortcuts (mnemonics, Ctrl+Enter) and focus need the active window, as on a desktop.
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow, timeout=2000)
    return dialog


def press_enter(qtbot, widget: QWidget) -> None:
    qtbot.keyClick(widget, Qt.Key.Key_Return)


def set_when(dialog: EntryDialog, wall: datetime) -> None:
    dialog.when_edit.setDateTime(to_qdatetime(wall))


ALL_DIALOGS = [PainDialog, DoseDialog, SleepDialog, EffectDialog, NoteDialog]


# --- Shared behaviour -----------------------------------------------------------------


@pytest.mark.parametrize("cls", ALL_DIALOGS)
def test_escape_cancels_and_saves_nothing(qtbot, cls) -> None:
    save = Recorder()
    dialog = make(qtbot, cls, save)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    assert dialog.result() == EntryDialog.DialogCode.Rejected
    assert save.values == []


@pytest.mark.parametrize("cls", ALL_DIALOGS)
def test_every_field_has_a_label_with_its_own_mnemonic(qtbot, cls) -> None:
    dialog = make(qtbot, cls)
    keys = []
    for label in dialog.findChildren(QLabel):
        if label.buddy() is not None:
            assert "&" in label.text(), label.text()
            keys.append(label.text().split("&", 1)[1][0].lower())
    keys.append(dialog.save_button.text().split("&", 1)[1][0].lower())
    assert len(keys) == len(set(keys)), keys


def field_widgets(dialog: EntryDialog) -> list[QWidget]:
    """The form's input widgets in row order (what each row's label points to)."""
    rows = range(dialog.form.rowCount())
    buddies = [dialog.form.itemAt(row, dialog.form.ItemRole.LabelRole).widget().buddy() for row in rows]
    return [widget.focusProxy() or widget for widget in buddies]


@pytest.mark.parametrize("cls", ALL_DIALOGS)
def test_tab_visits_the_fields_in_form_order_then_the_buttons(qtbot, cls) -> None:
    dialog = make(qtbot, cls)
    expected = [*field_widgets(dialog), dialog.save_button, dialog.cancel_button]
    expected[0].setFocus()
    visited = [QApplication.focusWidget()]
    for _ in expected[1:]:
        # Tab first steps through the sections of a date or time (hours, minutes), then leaves.
        for _section in range(6):
            qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
            if QApplication.focusWidget() is not visited[-1]:
                break
        visited.append(QApplication.focusWidget())
    assert visited == expected


@pytest.mark.parametrize(
    ("cls", "first"),
    [
        (PainDialog, lambda d: d.score.buttons[0]),
        (DoseDialog, lambda d: d.amount),
        (SleepDialog, lambda d: d.in_bed),
        (EffectDialog, lambda d: d.name),
        (NoteDialog, lambda d: d.text),
    ],
)
def test_focus_starts_where_typing_begins(qtbot, cls, first) -> None:
    dialog = make(qtbot, cls)
    assert QApplication.focusWidget() is first(dialog)


@pytest.mark.parametrize("cls", ALL_DIALOGS)
def test_alt_mnemonics_reach_every_field(qtbot, cls) -> None:
    dialog = make(qtbot, cls)
    for label in dialog.findChildren(QLabel):
        if label.buddy() is None:
            continue
        key = label.text().split("&", 1)[1][0]
        qtbot.keyClick(QApplication.focusWidget(), key, Qt.KeyboardModifier.AltModifier)
        assert QApplication.focusWidget() is (label.buddy().focusProxy() or label.buddy()), label.text()


@pytest.mark.parametrize("cls", ALL_DIALOGS)
def test_no_colours_are_hard_coded_in_style_sheets(qtbot, cls) -> None:
    dialog = make(qtbot, cls)
    assert all(not w.styleSheet() for w in [dialog, *dialog.findChildren(QWidget)])


@pytest.mark.parametrize("window", ["#f5f5f5", "#202124"])
def test_error_text_reads_on_light_and_dark_backgrounds(window: str) -> None:
    palette = QPalette()
    palette.setColor(QPalette.ColorRole.Window, QColor(window))
    assert contrast(error_colour(palette), QColor(window)) >= 4.5  # WCAG AA for body text


def test_error_and_choice_colours_follow_a_palette_change(qtbot) -> None:
    dialog = make(qtbot, PainDialog, Recorder(fail=OSError(5, "Input/output error")))
    dialog.score.set_value(3)
    dialog.save_button.click()
    assert dialog.error.kind == "error"
    dialog.setPalette(dark_palette())
    label_colour = dialog.error.label.palette().color(QPalette.ColorRole.WindowText)
    assert label_colour == error_colour(dark_palette())
    chosen = dialog.score.buttons[3].palette().color(QPalette.ColorRole.Button)
    assert chosen == dark_palette().color(QPalette.ColorRole.Highlight)


def test_dose_dialog_suggests_no_amount_anywhere(qtbot) -> None:
    dialog = make(qtbot, DoseDialog, substances=[KRATOM])
    texts = [w.placeholderText() for w in dialog.findChildren(QLineEdit)] + [dialog.amount.text()]
    assert not any(ch.isdigit() for text in texts for ch in text)


def contrast(a: QColor, b: QColor) -> float:
    def luminance(colour: QColor) -> float:
        channels = [c / 255 for c in (colour.red(), colour.green(), colour.blue())]
        linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


# --- Pain -----------------------------------------------------------------------------


def test_pain_seven_then_enter_saves_score_seven(qtbot) -> None:
    save = Recorder()
    dialog = make(qtbot, PainDialog, save)
    qtbot.keyClick(dialog, "7")
    press_enter(qtbot, dialog)
    assert save.values == [PainCheckin(score=7, at=NOW, source="manual")]
    assert dialog.result() == EntryDialog.DialogCode.Accepted
    assert dialog.value == save.values[0]


@pytest.mark.parametrize(
    ("keys", "score"),
    [("0", 0), ("9", 9), ("10", 10), ("t", 10), ("T", 10), ("11", 1), ("45", 5)],
)
def test_pain_keys_choose_the_score(qtbot, keys: str, score: int) -> None:
    dialog = make(qtbot, PainDialog)
    qtbot.keyClicks(dialog, keys)
    assert dialog.score.value() == score


def test_pain_one_then_zero_slowly_is_zero(qtbot) -> None:
    dialog = make(qtbot, PainDialog)
    qtbot.keyClick(dialog, "1")
    qtbot.wait(QApplication.keyboardInputInterval() + 100)
    qtbot.keyClick(dialog, "0")
    assert dialog.score.value() == 0


def test_pain_digits_typed_in_the_note_stay_in_the_note(qtbot) -> None:
    dialog = make(qtbot, PainDialog)
    qtbot.keyClicks(dialog.note, "took 2")
    assert dialog.note.text() == "took 2"
    assert dialog.score.value() is None


def test_pain_arrow_keys_move_the_score_and_the_focus(qtbot) -> None:
    dialog = make(qtbot, PainDialog)
    qtbot.keyClick(dialog, "5")
    button = dialog.score.buttons[5]
    qtbot.keyClick(button, Qt.Key.Key_Right)
    assert dialog.score.value() == 6
    assert dialog.score.focusProxy() is dialog.score.buttons[6]
    qtbot.keyClick(dialog.score.buttons[6], Qt.Key.Key_End)
    assert dialog.score.value() == 10


def test_pain_enter_on_a_score_button_saves(qtbot) -> None:
    save = Recorder()
    dialog = make(qtbot, PainDialog, save)
    qtbot.mouseClick(dialog.score.buttons[3], Qt.MouseButton.LeftButton)
    press_enter(qtbot, dialog.score.buttons[3])
    assert [v.score for v in save.values] == [3]


def test_pain_note_when_and_source_reach_save(qtbot) -> None:
    save = Recorder()
    dialog = make(qtbot, PainDialog, save, source="follow-up")
    dialog.score.set_value(4)
    dialog.note.setText("  after the walk ")
    set_when(dialog, datetime(2026, 3, 2, 8, 15))
    dialog.save_button.click()
    assert save.values == [
        PainCheckin(
            score=4, at=datetime(2026, 3, 2, 8, 15, tzinfo=BERLIN), note="after the walk", source="follow-up"
        )
    ]


def test_when_in_the_spring_forward_gap_moves_forward_like_a_wall_clock(qtbot) -> None:
    save = Recorder()
    dialog = make(qtbot, PainDialog, save, now=datetime(2026, 3, 29, 9, 0, tzinfo=BERLIN))
    dialog.score.set_value(2)
    set_when(dialog, datetime(2026, 3, 29, 2, 30))  # 02:00-03:00 does not exist in Berlin that night
    assert dialog.when_edit.time() == QTime(2, 30)  # Qt applies no zone of its own
    dialog.save_button.click()
    assert save.values[0].at == datetime(2026, 3, 29, 3, 30, tzinfo=BERLIN)


def test_pain_without_a_score_says_so_and_stays_open(qtbot) -> None:
    save = Recorder()
    dialog = make(qtbot, PainDialog, save)
    dialog.note.setText("kept")
    press_enter(qtbot, dialog)
    assert save.values == []
    assert dialog.isVisible()
    assert dialog.error.text().startswith("Pain score: none chosen")
    assert dialog.note.text() == "kept"


def test_pain_in_the_far_future_shows_the_core_message_on_when(qtbot) -> None:
    save = Recorder()
    dialog = make(qtbot, PainDialog, save)
    dialog.score.set_value(5)
    set_when(dialog, datetime(2026, 3, 4, 9, 0))
    dialog.save_button.click()
    assert save.values == []
    assert dialog.error.text().startswith("When: 2026-03-04T09:00:00+01:00 is more than a day in the future")
    assert QApplication.focusWidget() is dialog.when_edit


@pytest.mark.parametrize(
    ("failure", "shown"),
    [
        (OSError(28, "No space left on device"), "Could not save: No space left on device. Nothing was lost"),
        (
            sqlite3.OperationalError("database is locked"),
            "Could not save: database is locked. Nothing was lost",
        ),
        (ValidationError("at", "overlaps an entry"), "When: overlaps an entry"),
    ],
)
def test_pain_failing_save_keeps_everything(qtbot, failure: Exception, shown: str) -> None:
    dialog = make(qtbot, PainDialog, Recorder(fail=failure))
    dialog.score.set_value(6)
    dialog.note.setText("knee")
    dialog.save_button.click()
    assert dialog.isVisible()
    assert dialog.error.text().startswith(shown)
    assert (dialog.score.value(), dialog.note.text()) == (6, "knee")
    assert dialog.result() != EntryDialog.DialogCode.Accepted


# --- Dose -----------------------------------------------------------------------------


def test_dose_uses_the_usual_amount_and_saves_every_field(qtbot) -> None:
    save = Recorder()
    dialog = make(qtbot, DoseDialog, save)
    assert (dialog.amount.text(), dialog.unit.text()) == ("1.5", "mg")
    dialog.pain.setCurrentIndex(dialog.pain.findData(6))
    dialog.batch.setText("B-12")
    dialog.note.setText("before bed")
    press_enter(qtbot, dialog.amount)
    assert save.values == [
        Dose("melatonin", 1.5, "mg", NOW, batch="B-12", pain_before=6, note="before bed", source="manual")
    ]
    assert not dialog.isVisible()  # the caller says what comes next ("next dose OK at …")
    assert dialog.result() == EntryDialog.DialogCode.Accepted


def test_dose_amount_is_empty_without_a_usual_amount(qtbot) -> None:
    dialog = make(qtbot, DoseDialog, selected="kratom")
    assert dialog.amount.text() == ""
    assert dialog.amount.placeholderText() == ""
    assert dialog.unit.text() == "g"


def test_dose_switching_substance_replaces_only_an_untouched_amount(qtbot) -> None:
    dialog = make(qtbot, DoseDialog)
    dialog.substance.setCurrentIndex(1)
    assert (dialog.amount.text(), dialog.unit.text()) == ("", "g")
    qtbot.keyClicks(dialog.amount, "2")
    dialog.substance.setCurrentIndex(0)
    assert (dialog.amount.text(), dialog.unit.text()) == ("2", "mg")


@pytest.mark.parametrize(
    ("typed", "shown"),
    [
        ("", "Amount: is empty; enter the amount you took"),
        ("abc", "Amount: 'abc' is not a number"),
        ("0", "Amount: '0' is not allowed; an amount must be greater than 0"),
        ("-1", "Amount: '-1' is not allowed"),
    ],
)
def test_dose_bad_amount_shows_the_message_and_saves_nothing(qtbot, typed: str, shown: str) -> None:
    save = Recorder()
    dialog = make(qtbot, DoseDialog, save, selected="kratom")
    dialog.amount.setText(typed)
    dialog.note.setFocus()
    press_enter(qtbot, dialog.note)
    assert save.values == []
    assert QApplication.focusWidget() is dialog.amount
    assert dialog.isVisible()
    assert dialog.error.text().startswith(shown)
    assert dialog.amount.text() == typed


def test_dose_reads_a_decimal_comma(qtbot) -> None:
    save = Recorder()
    dialog = make(qtbot, DoseDialog, save, selected="kratom")
    qtbot.keyClicks(dialog.amount, "2,5")
    press_enter(qtbot, dialog.amount)
    assert save.values[0].amount == 2.5


def test_dose_limit_warning_then_log_anyway(qtbot) -> None:
    calls = []

    def beyond(substance: Substance, amount: float, at: datetime) -> Verdict:
        calls.append((substance.name, amount, at))
        return Verdict(
            reasons=(LimitReason.MIN_INTERVAL, LimitReason.MAX_AMOUNT_24H),
            next_ok_at=datetime(2026, 3, 2, 13, 0, tzinfo=BERLIN),
            used_count=2,
            used_amount=6.0,
        )

    save = Recorder()
    dialog = make(qtbot, DoseDialog, save, selected="kratom", check_limits=beyond)
    qtbot.keyClicks(dialog.amount, "3")
    press_enter(qtbot, dialog.amount)
    assert save.values == []
    assert calls == [("kratom", 3.0, NOW)]
    warning = dialog.warning.text()
    assert "less than your minimum interval of 4 h since another dose" in warning
    assert "more than your daily cap of 8 g in 24 hours (6 g in the 24 h before)" in warning
    assert "Within your limits again from 13:00." in warning
    assert dialog.save_button.text() == "&Log anyway"
    press_enter(qtbot, dialog.amount)
    assert save.values == [Dose("kratom", 3.0, "g", NOW, warnings=("min_interval", "max_amount_24h"))]


def test_dose_warning_names_the_day_when_the_limit_clears_tomorrow(qtbot) -> None:
    def beyond(substance: Substance, amount: float, at: datetime) -> Verdict:
        return Verdict((LimitReason.MAX_DOSES_24H,), datetime(2026, 3, 3, 7, 30, tzinfo=BERLIN), 3, 6.0)

    dialog = make(qtbot, DoseDialog, selected="kratom", check_limits=beyond)
    dialog.amount.setText("2")
    dialog.save_button.click()
    assert "more doses in 24 hours than your maximum of 3 (3 in the 24 h before)" in dialog.warning.text()
    assert "Within your limits again from 2026-03-03 07:30." in dialog.warning.text()


def test_dose_editing_after_a_warning_checks_again(qtbot) -> None:
    verdicts = iter(
        [
            Verdict((LimitReason.MAX_AMOUNT_24H,), None, 1, 6.0),
            Verdict((), NOW, 1, 6.0),
        ]
    )
    save = Recorder()
    dialog = make(qtbot, DoseDialog, save, selected="kratom", check_limits=lambda s, a, t: next(verdicts))
    dialog.amount.setText("4")
    dialog.save_button.click()
    assert "Within your limits again" not in dialog.warning.text()  # no such time: amount alone too high
    qtbot.keyClick(dialog.amount, Qt.Key.Key_Backspace)
    qtbot.keyClicks(dialog.amount, "1")
    assert dialog.warning.text() == ""
    assert dialog.save_button.text() == "&Save"
    dialog.save_button.click()
    assert save.values == [Dose("kratom", 1.0, "g", NOW)]


def test_dose_failing_save_keeps_the_entry(qtbot) -> None:
    dialog = make(qtbot, DoseDialog, Recorder(fail=OSError(30, "Read-only file system")), selected="kratom")
    dialog.amount.setText("2")
    dialog.note.setText("with tea")
    dialog.save_button.click()
    assert dialog.isVisible()
    assert dialog.error.text() == (
        "Could not save: Read-only file system. Nothing was lost: your entry is still here."
    )
    assert (dialog.amount.text(), dialog.note.text()) == ("2", "with tea")


def test_dose_without_substances_says_what_to_do(qtbot) -> None:
    save = Recorder()
    dialog = make(qtbot, DoseDialog, save, substances=[])
    assert "Add one in Settings" in dialog.error.text()
    assert not dialog.save_button.isEnabled()
    press_enter(qtbot, dialog.amount)
    assert save.values == []


def test_dose_source_from_a_reminder(qtbot) -> None:
    save = Recorder()
    dialog = make(qtbot, DoseDialog, save, source="reminder")
    dialog.save_button.click()
    assert save.values[0].source == "reminder"


# --- Sleep ----------------------------------------------------------------------------


def fill_night(
    dialog: SleepDialog,
    *,
    in_bed="23:15",
    try_sleep="23:30",
    sol=20,
    awakenings=2,
    waso=30,
    final_wake="06:45",
    out_of_bed="07:00",
    quality: int | None = 4,
) -> None:
    for edit, text in (
        (dialog.in_bed, in_bed),
        (dialog.try_sleep, try_sleep),
        (dialog.final_wake, final_wake),
        (dialog.out_of_bed, out_of_bed),
    ):
        edit.setTime(QTime.fromString(text, "HH:mm"))
    dialog.sol.setValue(sol)
    dialog.awakenings.setValue(awakenings)
    dialog.waso.setValue(waso)
    if quality is not None:
        dialog.quality.set_value(quality)


def test_sleep_defaults_to_last_night_and_the_given_times(qtbot) -> None:
    dialog = make(qtbot, SleepDialog, bedtime=time(22, 30), wake_time=time(6, 15))
    assert dialog.night.date().toPython() == date(2026, 3, 1)
    assert dialog.in_bed.time() == QTime(22, 30)
    assert dialog.out_of_bed.time() == QTime(6, 15)


def test_sleep_valid_night_reaches_save(qtbot) -> None:
    save = Recorder()
    dialog = make(qtbot, SleepDialog, save)
    fill_night(dialog)
    dialog.note.setText("woke at 3")
    press_enter(qtbot, dialog.note)
    (entry,) = save.values
    assert isinstance(entry, SleepEntry)
    assert entry.night == date(2026, 3, 1)
    assert entry.in_bed == datetime(2026, 3, 1, 23, 15, tzinfo=BERLIN)
    assert entry.tried_sleep == datetime(2026, 3, 1, 23, 30, tzinfo=BERLIN)
    assert entry.final_wake == datetime(2026, 3, 2, 6, 45, tzinfo=BERLIN)
    assert entry.out_of_bed == datetime(2026, 3, 2, 7, 0, tzinfo=BERLIN)
    assert (entry.sol_min, entry.awakenings, entry.waso_min, entry.quality, entry.note) == (
        20,
        2,
        30,
        4,
        "woke at 3",
    )


def test_sleep_into_bed_after_midnight_is_the_next_morning(qtbot) -> None:
    save = Recorder()
    dialog = make(qtbot, SleepDialog, save)
    fill_night(dialog, in_bed="00:30", try_sleep="00:40", waso=0, awakenings=0)
    dialog.save_button.click()
    assert save.values[0].in_bed == datetime(2026, 3, 2, 0, 30, tzinfo=BERLIN)


def test_sleep_live_line_shows_time_in_bed_sleep_and_efficiency(qtbot) -> None:
    dialog = make(qtbot, SleepDialog)
    fill_night(dialog, quality=None)
    assert dialog.summary.text() == "In bed 7 h 45 min · asleep 6 h 25 min · efficiency 83 %"
    dialog.sol.setValue(50)
    assert dialog.summary.text() == "In bed 7 h 45 min · asleep 5 h 55 min · efficiency 76 %"
    assert dialog.summary.kind == "info"


def test_sleep_live_line_shows_why_a_night_is_impossible(qtbot) -> None:
    save = Recorder()
    dialog = make(qtbot, SleepDialog, save)
    fill_night(dialog, sol=500)
    assert dialog.summary.kind == "error"
    assert dialog.summary.text().startswith(
        "Minutes to fall asleep: 500 min is longer than the night (435 min"
    )
    dialog.save_button.click()
    assert save.values == []
    assert dialog.isVisible()
    assert dialog.sol.value() == 500
    assert dialog.error.text() == ""  # said once, by the live line
    assert QApplication.focusWidget() is dialog.sol


def test_sleep_wake_minutes_need_an_awakening(qtbot) -> None:
    save = Recorder()
    dialog = make(qtbot, SleepDialog, save)
    fill_night(dialog, awakenings=0, waso=30)
    assert dialog.summary.text() == "Awakenings: is 0 but WASO is 30 min; give at least 1"
    dialog.save_button.click()
    assert save.values == []


def test_sleep_without_quality_says_so(qtbot) -> None:
    save = Recorder()
    dialog = make(qtbot, SleepDialog, save)
    fill_night(dialog, quality=None)
    dialog.save_button.click()
    assert save.values == []
    assert dialog.error.text().startswith("Quality: none chosen")


def test_sleep_quality_keys(qtbot) -> None:
    dialog = make(qtbot, SleepDialog)
    qtbot.keyClick(dialog.quality.focusProxy(), "3")
    assert dialog.quality.value() == 3
    qtbot.keyClick(dialog.quality.focusProxy(), Qt.Key.Key_Right)
    assert dialog.quality.value() == 4


def test_sleep_night_already_logged_keeps_the_diary(qtbot) -> None:
    dialog = make(
        qtbot, SleepDialog, Recorder(fail=ValidationError("night", "2026-03-01 already has a sleep diary"))
    )
    fill_night(dialog)
    dialog.save_button.click()
    assert dialog.isVisible()
    assert dialog.error.text() == "Night of: 2026-03-01 already has a sleep diary"
    assert (dialog.sol.value(), dialog.quality.value()) == (20, 4)


# --- Side effect ----------------------------------------------------------------------


def test_effect_by_keyboard(qtbot) -> None:
    save = Recorder()
    dialog = make(qtbot, EffectDialog, save)
    qtbot.keyClicks(dialog.name.lineEdit(), "nausea")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is dialog.severity.buttons[0]
    qtbot.keyClick(QApplication.focusWidget(), "2")
    assert dialog.severity.value() == 2
    assert QApplication.focusWidget() is dialog.severity.buttons[2]
    assert dialog.severity.buttons[2].text() == "2 moderate"
    press_enter(qtbot, dialog)
    assert save.values == [SideEffect("nausea", 2, NOW)]


def test_effect_digit_typed_outside_text_fields_chooses_severity(qtbot) -> None:
    dialog = make(qtbot, EffectDialog)
    dialog.save_button.setFocus()
    qtbot.keyClick(dialog.save_button, "3")
    assert dialog.severity.value() == 3
    qtbot.keyClicks(dialog.name.lineEdit(), "3")
    assert (dialog.severity.value(), dialog.name.currentText()) == (3, "3")


def test_effect_free_text_name_and_note(qtbot) -> None:
    save = Recorder()
    dialog = make(qtbot, EffectDialog, save)
    dialog.name.setEditText("dry mouth")
    dialog.severity.set_value(1)
    dialog.note.setText("all morning")
    press_enter(qtbot, dialog.note)
    assert save.values == [SideEffect("dry mouth", 1, NOW, note="all morning")]
    assert dialog.name.count() == 10  # the typed name is not added to the suggestions


def test_effect_empty_name_shows_the_core_message(qtbot) -> None:
    save = Recorder()
    dialog = make(qtbot, EffectDialog, save)
    dialog.severity.set_value(1)
    dialog.save_button.click()
    assert save.values == []
    assert dialog.error.text() == "Effect: is empty; give a name of 1 to 60 characters"


def test_effect_without_severity_says_so(qtbot) -> None:
    dialog = make(qtbot, EffectDialog)
    dialog.name.setEditText("headache")
    dialog.save_button.click()
    assert dialog.error.text().startswith("Severity: none chosen")
    assert dialog.name.currentText() == "headache"


def test_effect_failing_save_keeps_the_entry(qtbot) -> None:
    dialog = make(qtbot, EffectDialog, Recorder(fail=sqlite3.DatabaseError("disk I/O error")))
    dialog.name.setEditText("dizziness")
    dialog.severity.set_value(3)
    dialog.save_button.click()
    assert dialog.error.text().startswith("Could not save: disk I/O error.")
    assert (dialog.name.currentText(), dialog.severity.value()) == ("dizziness", 3)


# --- Note -----------------------------------------------------------------------------


def test_note_with_tags_reaches_save(qtbot) -> None:
    save = Recorder()
    dialog = make(qtbot, NoteDialog, save)
    dialog.text.setPlainText("Cold front;\nknees worse")
    dialog.tags.setText("weather, knees")
    press_enter(qtbot, dialog.tags)
    assert save.values == [Note("Cold front;\nknees worse", NOW, ("weather", "knees"))]


def test_note_enter_makes_a_new_line_and_ctrl_enter_saves(qtbot) -> None:
    save = Recorder()
    dialog = make(qtbot, NoteDialog, save)
    qtbot.keyClicks(dialog.text, "one")
    press_enter(qtbot, dialog.text)
    qtbot.keyClicks(dialog.text, "two")
    assert save.values == []
    qtbot.keyClick(dialog.text, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert [v.text for v in save.values] == ["one\ntwo"]


def test_empty_note_shows_the_core_message(qtbot) -> None:
    save = Recorder()
    dialog = make(qtbot, NoteDialog, save)
    dialog.text.setPlainText("   ")
    dialog.save_button.click()
    assert save.values == []
    assert dialog.error.text() == "Text: is empty; write something to note"


def test_note_failing_save_keeps_the_text(qtbot) -> None:
    dialog = make(qtbot, NoteDialog, Recorder(fail=ValidationError("tags", "'x' is reserved")))
    dialog.text.setPlainText("long day")
    dialog.tags.setText("x")
    dialog.save_button.click()
    assert dialog.error.text() == "Tags: 'x' is reserved"
    assert (dialog.text.toPlainText(), dialog.tags.text()) == ("long day", "x")


# --- Screenshots (look at them: screenshots/dialogs/*.png) ------------------------------


def _screenshot_states(qtbot):
    pain = make(qtbot, PainDialog)
    qtbot.keyClick(pain, "7")
    pain.locations.setText("lower back")
    pain.note.setText("after sitting")
    yield "pain", pain

    pain_error = make(qtbot, PainDialog, Recorder(fail=OSError(28, "No space left on device")))
    pain_error.score.set_value(4)
    pain_error.save_button.click()
    yield "pain-save-failed", pain_error

    dose = make(qtbot, DoseDialog, selected="kratom")
    yield "dose-empty-amount", dose

    dose_warn = make(
        qtbot,
        DoseDialog,
        selected="kratom",
        check_limits=lambda s, a, t: Verdict(
            (LimitReason.MIN_INTERVAL, LimitReason.MAX_AMOUNT_24H), t + timedelta(hours=2, minutes=30), 2, 6.0
        ),
    )
    dose_warn.amount.setText("3")
    dose_warn.pain.setCurrentIndex(dose_warn.pain.findData(7))
    dose_warn.save_button.click()
    yield "dose-limit-warning", dose_warn

    sleep = make(qtbot, SleepDialog)
    fill_night(sleep)
    yield "sleep", sleep

    sleep_bad = make(qtbot, SleepDialog)
    fill_night(sleep_bad, sol=500, quality=None)
    yield "sleep-impossible", sleep_bad

    effect = make(qtbot, EffectDialog)
    effect.name.setEditText("stomach upset")
    effect.severity.set_value(2)
    yield "effect", effect

    note = make(qtbot, NoteDialog)
    note.text.setPlainText("Cold front came in. Knees worse than usual; skipped the walk.")
    note.tags.setText("weather, knees")
    yield "note", note

    note_error = make(qtbot, NoteDialog)
    note_error.save_button.click()
    yield "note-empty", note_error

    dark = make(qtbot, DoseDialog, selected="kratom")
    dark.setPalette(dark_palette())
    dark.amount.setText("0")
    dark.save_button.click()
    yield "dose-dark-error", dark


def test_screenshots(qtbot) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for name, dialog in _screenshot_states(qtbot):
        dialog.adjustSize()
        qtbot.wait(10)
        path = SCREENSHOTS / f"{name}.png"
        assert dialog.grab().save(str(path)), path
        squeezed = [
            (type(w).__name__, w.text(), w.width(), w.minimumSizeHint().width())
            for w in dialog.findChildren(QAbstractButton)
            if w.isVisible() and w.width() < w.minimumSizeHint().width()
        ]
        assert squeezed == [], name


def test_pain_prompt_from_a_reminder_saves_with_one_click(qtbot) -> None:
    from datetime import datetime
    from zoneinfo import ZoneInfo

    from desktop.ui.dialogs import PainDialog

    saved = []
    now = datetime(2026, 3, 2, 9, 0, tzinfo=ZoneInfo("Europe/Berlin"))
    dialog = PainDialog(saved.append, lambda: now, now.tzinfo, source="follow-up", one_tap=True)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.score.buttons[6].click()
    assert [(v.score, str(v.source)) for v in saved] == [(6, "follow-up")]
    assert dialog.result() == dialog.DialogCode.Accepted


# ---- editing: a journal record loads into the dialog ----------------------------------


def as_record(value, entry_id: int = 7) -> dict:
    """The journal's record of ``value`` (as JournalWindow.edit_requested hands it over)."""
    from desktop.storage.records import entry_record

    record = entry_record(value, zone="Europe/Berlin", uid="abc123", recorded="2026-03-01T08:00:00Z")
    return {**record, "id": entry_id}


def edit(qtbot, cls, value, **options) -> tuple[EntryDialog, Recorder]:
    save = Recorder()
    dialog = make(qtbot, cls, save, **options)
    dialog.load(as_record(value))
    return dialog, save


def test_edit_pain_loads_the_record_and_saves_it_unchanged(qtbot) -> None:
    from desktop.core.validation import validate_pain

    # Written in UTC: the dialog shows it in its own zone (Berlin, UTC+1 in March).
    at = datetime(2026, 3, 1, 20, 30, tzinfo=ZoneInfo("UTC"))
    value = validate_pain(
        5, at, NOW, locations=["knee"], qualities=["dull"], note="after walk", source="follow-up"
    )
    dialog, save = edit(qtbot, PainDialog, value)
    assert dialog.windowTitle() == "Edit pain check-in"
    assert dialog.score.value() == 5
    assert dialog.note.text() == "after walk"
    assert dialog.when_edit.dateTime() == to_qdatetime(datetime(2026, 3, 1, 21, 30))
    dialog.submit()
    assert save.values == [value]  # the same instant, locations, qualities and source
    assert save.values[0].at.isoformat() == "2026-03-01T21:30:00+01:00"  # now in the dialog's zone


def test_edit_dose_loads_the_record_and_keeps_its_warnings_when_the_dose_is_unchanged(qtbot) -> None:
    from desktop.core.validation import validate_dose

    value = validate_dose(
        KRATOM,
        "2.5",
        datetime(2026, 3, 1, 18, 5, tzinfo=BERLIN),
        NOW,
        pain_before=0,
        form="powder",
        product="red",
        batch="L-42",
        note="with food",
        source="reminder",
        warnings=("max_doses_24h",),
    )

    def never(substance: Substance, amount: float, at: datetime) -> Verdict:
        raise AssertionError("an edit that keeps substance, amount and time needs no new check")

    dialog, save = edit(qtbot, DoseDialog, value, check_limits=never)
    assert dialog.windowTitle() == "Edit dose"
    assert dialog.substance.currentText() == "kratom"
    assert dialog.amount.text() == "2.5"
    assert dialog.unit.text() == "g"
    assert dialog.pain.currentData() == 0
    assert (dialog.batch.text(), dialog.note.text()) == ("L-42", "with food")
    assert dialog.when_edit.dateTime() == to_qdatetime(datetime(2026, 3, 1, 18, 5))
    dialog.submit()
    assert save.values == [value]
    assert dialog.warning.text() == ""


def test_edit_dose_without_pain_before_shows_not_given(qtbot) -> None:
    from desktop.core.validation import validate_dose

    value = validate_dose(MELATONIN, 3, datetime(2026, 3, 1, 22, 0, tzinfo=BERLIN), NOW)
    dialog, save = edit(qtbot, DoseDialog, value)
    assert dialog.pain.currentData() is None
    assert dialog.amount.text() == "3"
    dialog.submit()
    assert save.values == [value]


def test_edit_sleep_loads_the_record_and_saves_it_unchanged(qtbot) -> None:
    from desktop.core.validation import validate_sleep

    value = validate_sleep(
        date(2026, 2, 27),
        datetime(2026, 2, 28, 0, 40, tzinfo=BERLIN),
        datetime(2026, 2, 28, 0, 50, tzinfo=BERLIN),
        25,
        3,
        45,
        datetime(2026, 2, 28, 8, 10, tzinfo=BERLIN),
        datetime(2026, 2, 28, 8, 30, tzinfo=BERLIN),
        2,
        NOW,
        note="noisy",
    )
    dialog, save = edit(qtbot, SleepDialog, value)
    assert dialog.windowTitle() == "Edit sleep diary"
    assert dialog.night.date().toPython() == date(2026, 2, 27)
    assert [e.time() for e in (dialog.in_bed, dialog.try_sleep, dialog.final_wake, dialog.out_of_bed)] == [
        QTime(0, 40),
        QTime(0, 50),
        QTime(8, 10),
        QTime(8, 30),
    ]
    assert (dialog.sol.value(), dialog.awakenings.value(), dialog.waso.value()) == (25, 3, 45)
    assert (dialog.quality.value(), dialog.note.text()) == (2, "noisy")
    dialog.submit()
    assert save.values == [value]


def test_edit_effect_loads_the_record_and_saves_it_unchanged(qtbot) -> None:
    from desktop.core.validation import validate_effect

    value = validate_effect("ringing ears", 2, datetime(2026, 3, 2, 7, 45, tzinfo=BERLIN), NOW, note="brief")
    dialog, save = edit(qtbot, EffectDialog, value)
    assert dialog.windowTitle() == "Edit side effect"
    assert (dialog.name.currentText(), dialog.severity.value(), dialog.note.text()) == (
        "ringing ears",
        2,
        "brief",
    )
    assert dialog.when_edit.dateTime() == to_qdatetime(datetime(2026, 3, 2, 7, 45))
    dialog.submit()
    assert save.values == [value]


def test_edit_note_loads_the_record_and_saves_it_unchanged(qtbot) -> None:
    from desktop.core.validation import validate_note

    value = validate_note(
        "line one\nline two", datetime(2026, 3, 2, 8, 0, tzinfo=BERLIN), NOW, tags=["weather", "work"]
    )
    dialog, save = edit(qtbot, NoteDialog, value)
    assert dialog.windowTitle() == "Edit note"
    assert dialog.text.toPlainText() == "line one\nline two"
    assert dialog.tags.text() == "weather, work"
    dialog.submit()
    assert save.values == [value]


# ---- locations, qualities, product and form: optional words with completion ----------


def test_pain_saves_locations_and_qualities_typed_with_commas(qtbot) -> None:
    save = Recorder()
    dialog = make(qtbot, PainDialog, save)
    dialog.score.set_value(6)
    dialog.locations.setText("lower back,  left knee, ")
    dialog.qualities.setText("aching")
    dialog.submit()
    assert (save.values[0].locations, save.values[0].qualities) == (("lower back", "left knee"), ("aching",))


def test_a_bad_location_is_named_and_focused(qtbot) -> None:
    save = Recorder()
    dialog = make(qtbot, PainDialog, save)
    dialog.show()
    dialog.score.set_value(6)
    dialog.locations.setText("knee, x\u202eevil")
    dialog.submit()
    assert save.values == []
    assert dialog.error.text().startswith("Where:"), dialog.error.text()
    assert QApplication.focusWidget() is dialog.locations


def test_locations_complete_the_last_word_from_earlier_ones(qtbot) -> None:
    dialog = make(qtbot, PainDialog, suggestions={"location": ["lower back", "left knee", "neck"]})
    dialog.show()
    dialog.locations.setFocus()
    qtbot.keyClicks(dialog.locations, "neck, lo")
    completer = dialog.locations.completer()
    assert completer.completionCount() == 1  # only the part after the comma is matched
    assert completer.currentCompletion() == "neck, lower back"  # the earlier words are kept


def test_dose_saves_product_and_form_and_an_edit_shows_them(qtbot) -> None:
    save = Recorder()
    dialog = make(qtbot, DoseDialog, save, selected="kratom", suggestions={"product": ["Red Bali"]})
    dialog.amount.setText("2")
    dialog.product.setText("Red Bali")
    dialog.form_edit.setText("powder")
    dialog.submit()
    value = save.values[0]
    assert (value.product, value.form) == ("Red Bali", "powder")
    again, _ = edit(qtbot, DoseDialog, value)
    assert (again.product.text(), again.form_edit.text()) == ("Red Bali", "powder")
