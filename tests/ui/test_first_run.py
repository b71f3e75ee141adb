"""The first-run set-up (offscreen Qt, shown with show(), never exec())."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QWidget, QWizard

from desktop.core.errors import ValidationError
from desktop.core.model import Limits, Substance, SubstanceKind
from desktop.core.settings import effective_settings
from desktop.ui.settings.substance_dialog import SubstanceDialog
from desktop.ui.windows.first_run import FirstRunWizard

SCREENSHOTS = Path(__file__).resolve().parents[2] / "screenshots" / "settings"


class Recorder:
    def __init__(self) -> None:
        self.saved: list[tuple[str, str]] = []
        self.added: list[Substance] = []
        self.tests = 0
        self.menu_entries = 0
        self.add_fails: Exception | None = None
        self.delivered: bool | None = None

    def save_setting(self, key: str, value: str) -> None:
        self.saved.append((key, value))

    def add_substance(self, substance: Substance) -> None:
        if self.add_fails is not None:
            raise self.add_fails
        self.added.append(substance)

    def send_test(self) -> bool | None:
        self.tests += 1
        return self.delivered

    def install_menu_entry(self) -> None:
        self.menu_entries += 1


@pytest.fixture
def calls() -> Recorder:
    return Recorder()


def make(qtbot, calls: Recorder, *, menu: bool = True) -> FirstRunWizard:
    wizard = FirstRunWizard(
        save_setting=calls.save_setting,
        add_substance=calls.add_substance,
        send_test=calls.send_test,
        defaults=effective_settings({}),
        install_menu_entry=calls.install_menu_entry if menu else None,
    )
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.activateWindow()
    qtbot.waitUntil(wizard.isActiveWindow, timeout=2000)
    return wizard


def edit(wizard: FirstRunWizard, key: str):
    for page in wizard.setting_pages:
        if key in page.fields.fields:
            return page.fields.fields[key].widget
    raise KeyError(key)


def add_kratom(qtbot, wizard: FirstRunWizard) -> SubstanceDialog:
    wizard.substances.add_button.click()
    dialog = wizard.substances.substance_dialog
    qtbot.waitExposed(dialog)
    dialog.name.setText("kratom")
    dialog.kind.setCurrentIndex(dialog.kind.findData("kratom"))
    dialog.unit.setCurrentText("g")
    dialog.min_interval.setText("4")
    dialog.max_doses.setText("3")
    dialog.save_button.click()
    return dialog


KRATOM = Substance(
    "kratom", SubstanceKind.KRATOM, "g", limits=Limits(min_interval=timedelta(hours=4), max_doses_per_24h=3)
)


def test_the_welcome_page_says_what_ebb_is_and_is_not(qtbot, calls) -> None:
    wizard = make(qtbot, calls)
    assert wizard.currentPage() is wizard.welcome
    text = " ".join(label.text() for label in wizard.welcome.findChildren(QLabel))
    for words in (
        "private reminder and journal",
        "not medical advice",
        "never suggests amounts",
        "Every amount and every limit is yours",
        "clinician",
        "stays on this computer",
    ):
        assert words in text


def test_walking_through_and_skipping_everything_saves_nothing(qtbot, calls) -> None:
    wizard = make(qtbot, calls)
    pages = [wizard.currentPage()]
    for _ in range(5):
        wizard.next()
        pages.append(wizard.currentPage())
    assert pages == [
        wizard.welcome,
        wizard.substances,
        wizard.sleep,
        wizard.checkins,
        wizard.discreet,
        wizard.test,
    ]
    wizard.button(QWizard.WizardButton.FinishButton).click()
    assert wizard.result() == QWizard.DialogCode.Accepted
    assert (calls.saved, calls.added) == ([], [])


def test_finish_adds_the_substances_and_saves_the_changed_settings(qtbot, calls) -> None:
    wizard = make(qtbot, calls)
    wizard.next()
    dialog = add_kratom(qtbot, wizard)
    assert not dialog.isVisible()
    assert calls.added == []  # nothing is saved before Finish
    wizard.next()
    assert wizard.currentPage() is wizard.doses
    wizard.next()
    assert wizard.currentPage() is wizard.sleep
    edit(wizard, "bedtime").setText("0:30")
    edit(wizard, "wake_time").setText("07:00")  # unchanged
    edit(wizard, "melatonin_lead_min").setText("45")
    wizard.next()
    edit(wizard, "checkin_times").setText("10:00, 18:00")
    wizard.next()
    edit(wizard, "discreet").click()
    wizard.next()
    wizard.button(QWizard.WizardButton.FinishButton).click()
    assert calls.added == [KRATOM]
    assert calls.saved == [
        ("bedtime", "00:30"),
        ("melatonin_lead_min", "45"),
        ("checkin_times", "10:00,18:00"),
        ("discreet", "true"),
    ]
    assert wizard.result() == QWizard.DialogCode.Accepted


def test_an_invalid_bedtime_blocks_next_with_the_cores_message(qtbot, calls) -> None:
    wizard = make(qtbot, calls)
    wizard.next()
    wizard.next()
    edit(wizard, "bedtime").setText("25:00")
    edit(wizard, "melatonin_lead_min").setText("300")
    wizard.next()
    assert wizard.currentPage() is wizard.sleep
    fields = wizard.sleep.fields.fields
    assert (
        fields["bedtime"].error.text()
        == "Bedtime, weekdays: '25:00' is not a time of day; allowed 00:00-23:59"
    )
    assert (
        fields["melatonin_lead_min"].error.text()
        == "Melatonin reminder: '300' is out of range; allowed 0-240"
    )
    assert wizard.sleep.error.text() == "Please correct the field marked above to go on."
    assert QApplication.focusWidget() is edit(wizard, "bedtime")
    edit(wizard, "bedtime").setText("23:00")
    edit(wizard, "melatonin_lead_min").setText("60")
    wizard.next()
    assert wizard.currentPage() is wizard.checkins
    assert calls.saved == []


def test_enter_goes_to_the_next_page(qtbot, calls) -> None:
    wizard = make(qtbot, calls)
    wizard.next()
    wizard.next()
    qtbot.keyClick(edit(wizard, "bedtime"), Qt.Key.Key_Return)
    assert wizard.currentPage() is wizard.checkins


def test_a_substance_can_be_removed_before_finish(qtbot, calls) -> None:
    wizard = make(qtbot, calls)
    wizard.next()
    add_kratom(qtbot, wizard)
    wizard.substances.list.setCurrentItem(wizard.substances.list.topLevelItem(0))
    wizard.substances.remove_button.click()
    assert wizard.substances.substances == []


def test_the_same_name_twice_is_refused_in_the_form(qtbot, calls) -> None:
    wizard = make(qtbot, calls)
    wizard.next()
    add_kratom(qtbot, wizard)
    dialog = add_kratom(qtbot, wizard)
    assert dialog.isVisible()
    assert dialog.error.text() == "Name: 'kratom' is already in the list"


def test_the_substance_form_suggests_no_amount(qtbot, calls) -> None:
    wizard = make(qtbot, calls)
    wizard.next()
    wizard.substances.add_button.click()
    dialog = wizard.substances.substance_dialog
    for widget in (dialog.usual, dialog.min_interval, dialog.max_doses, dialog.daily_cap):
        assert widget.text() == ""
        assert not any(ch.isdigit() for ch in widget.placeholderText())


def test_a_failed_finish_stays_open_and_does_not_add_twice(qtbot, calls) -> None:
    wizard = make(qtbot, calls)
    wizard.next()
    add_kratom(qtbot, wizard)
    for _ in range(5):
        wizard.next()
    assert wizard.currentPage() is wizard.test
    calls.add_fails = ValidationError("name", "'kratom' already exists")
    wizard.button(QWizard.WizardButton.FinishButton).click()
    assert wizard.isVisible()
    assert wizard.test.error.text() == (
        "Could not save kratom: 'kratom' already exists. "
        "What is not saved yet is still here; try Finish again."
    )
    calls.add_fails = None
    wizard.button(QWizard.WizardButton.FinishButton).click()
    assert calls.added == [KRATOM]
    assert wizard.result() == QWizard.DialogCode.Accepted


# --- Dose reminders ---------------------------------------------------------------------------


def to_doses_page(qtbot, wizard: FirstRunWizard) -> None:
    wizard.next()
    add_kratom(qtbot, wizard)
    wizard.next()
    assert wizard.currentPage() is wizard.doses


def to_last_page(wizard: FirstRunWizard) -> None:
    while wizard.currentPage() is not wizard.test:
        page = wizard.currentPage()
        wizard.next()
        assert wizard.currentPage() is not page, page.title()


def dose_note(wizard: FirstRunWizard) -> str:
    assert wizard.test.dose_note.isVisibleTo(wizard)
    return wizard.test.dose_note.text()


OFF = "Dose reminders are off; you can turn them on in Settings → Dose timing."


def test_the_dose_page_asks_about_the_substance_and_suggests_nothing(qtbot, calls) -> None:
    wizard = make(qtbot, calls)
    to_doses_page(qtbot, wizard)
    page = wizard.doses
    assert page.subTitle() == "Would you like reminders for your doses of kratom?"
    assert page.none.isChecked() and not page.fixed.isChecked() and not page.pattern.isChecked()
    assert page.times.text() == ""
    assert not any(ch.isdigit() for ch in page.times.placeholderText())
    to_last_page(wizard)
    assert dose_note(wizard) == OFF
    wizard.accept()
    assert calls.saved == []  # "no dose reminders" is the default: nothing to change
    assert wizard.result() == QWizard.DialogCode.Accepted


def test_fixed_times_the_user_types_are_saved_normalised(qtbot, calls) -> None:
    wizard = make(qtbot, calls)
    to_doses_page(qtbot, wizard)
    qtbot.keyClicks(wizard.doses.times, "15:00, 9:00")  # typing chooses fixed times
    assert wizard.doses.fixed.isChecked()
    to_last_page(wizard)
    assert dose_note(wizard) == "Dose reminders for kratom: at 09:00, 15:00."
    wizard.accept()
    assert calls.saved == [("dose_times", "09:00,15:00")]


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("9:00, 25:00", "Dose times: '25:00' is not a time of day; allowed 00:00-23:59"),
        ("9:00, 9:00", "Dose times: '9:00, 9:00' lists the same time twice"),
        ("", "Dose times: type at least one time, such as 09:00, or choose no dose reminders"),
    ],
)
def test_fixed_times_are_checked_by_the_core_before_next(qtbot, calls, typed: str, message: str) -> None:
    wizard = make(qtbot, calls)
    to_doses_page(qtbot, wizard)
    wizard.doses.fixed.click()
    wizard.doses.times.setText(typed)
    wizard.next()
    assert wizard.currentPage() is wizard.doses
    assert wizard.doses.fields.fields["dose_times"].error.text() == message
    assert wizard.doses.error.text() == "Please correct the field marked above to go on."
    assert QApplication.focusWidget() is wizard.doses.times
    wizard.doses.none.click()  # the times are not used then: nothing stops the user
    wizard.next()
    assert wizard.currentPage() is wizard.sleep
    to_last_page(wizard)
    assert dose_note(wizard) == OFF
    wizard.accept()
    assert calls.saved == []


def test_the_pain_pattern_choice_sets_pattern_timing_and_no_time(qtbot, calls) -> None:
    wizard = make(qtbot, calls)
    to_doses_page(qtbot, wizard)
    wizard.doses.times.setText("09:00")  # typed, then another choice made
    wizard.doses.pattern.click()
    to_last_page(wizard)
    assert dose_note(wizard).startswith("Dose reminders for kratom: once Ebb knows your pain pattern")
    wizard.accept()
    assert calls.saved == [("dose_timing", "pattern")]


def test_without_a_pain_relief_substance_there_is_no_dose_question(qtbot, calls) -> None:
    wizard = make(qtbot, calls)
    wizard.next()
    wizard.substances.add_button.click()
    dialog = wizard.substances.substance_dialog
    qtbot.waitExposed(dialog)
    dialog.name.setText("melatonin")
    dialog.kind.setCurrentIndex(dialog.kind.findData("melatonin"))
    dialog.save_button.click()
    assert [s.name for s in wizard.substances.substances] == ["melatonin"]
    wizard.next()
    assert wizard.currentPage() is wizard.sleep
    to_last_page(wizard)
    assert dose_note(wizard) == OFF
    wizard.accept()
    assert calls.saved == []


def test_a_dose_choice_is_dropped_with_the_substance(qtbot, calls) -> None:
    wizard = make(qtbot, calls)
    to_doses_page(qtbot, wizard)
    wizard.doses.pattern.click()
    wizard.back()
    wizard.substances.list.setCurrentItem(wizard.substances.list.topLevelItem(0))
    wizard.substances.remove_button.click()
    wizard.next()
    assert wizard.currentPage() is wizard.sleep
    to_last_page(wizard)
    assert dose_note(wizard) == OFF
    wizard.accept()
    assert calls.saved == []


@pytest.mark.parametrize(
    ("delivered", "first"),
    [
        (True, "Your desktop says it showed the test notification. If you did not see it, tick the box"),
        (False, "Your desktop did not show the notification, so Ebb will use its own reminder window."),
        (None, "A test notification was sent. If you did not see it, tick the box"),
    ],
)
def test_the_test_button_calls_send_test_and_says_what_happened(qtbot, calls, delivered, first) -> None:
    calls.delivered = delivered
    wizard = make(qtbot, calls)
    for _ in range(5):
        wizard.next()
    wizard.test.send_button.click()
    assert calls.tests == 1
    assert wizard.test.result.text().startswith(first)


def test_a_silent_desktop_can_choose_ebbs_own_reminder_window(qtbot, calls) -> None:
    wizard = make(qtbot, calls)
    for _ in range(5):
        wizard.next()
    box = wizard.test.fields.fields["reminder_window_only"].widget
    box.setChecked(True)
    wizard.accept()
    assert ("reminder_window_only", "true") in calls.saved


def test_escape_cancels_and_saves_nothing(qtbot, calls) -> None:
    wizard = make(qtbot, calls)
    wizard.next()
    wizard.next()
    edit(wizard, "bedtime").setText("22:00")
    qtbot.keyClick(edit(wizard, "bedtime"), Qt.Key.Key_Escape)
    assert not wizard.isVisible()
    assert calls.saved == []


def mnemonic(text: str) -> str | None:
    plain = text.replace("&&", "")
    return plain.split("&", 1)[1][0].lower() if "&" in plain else None


@pytest.mark.parametrize("index", range(7))
def test_mnemonics_are_unique_on_every_page(qtbot, calls, index: int) -> None:
    wizard = make(qtbot, calls)
    for _ in range(index):
        if wizard.currentPage() is wizard.substances:
            add_kratom(qtbot, wizard)  # so that the dose reminders page is shown
        wizard.next()
    page = wizard.currentPage()
    assert page is [wizard.welcome, wizard.substances, *wizard.setting_pages][index]
    widgets = [w for w in wizard.findChildren(QWidget) if w.isVisible()]
    texts = [w.text() for w in widgets if isinstance(w, QLabel) and w.buddy() is not None]
    texts += [w.text() for w in widgets if isinstance(w, QAbstractButton)]
    keys = [key for key in map(mnemonic, texts) if key is not None]
    assert len(keys) == len(set(keys)), (page.title(), sorted(keys))
    for label in page.findChildren(QLabel):
        if label.buddy() is not None:
            qtbot.keyClick(
                QApplication.focusWidget(), mnemonic(label.text()), Qt.KeyboardModifier.AltModifier
            )
            assert QApplication.focusWidget() is label.buddy(), label.text()


def test_screenshots(qtbot, calls) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    wizard = make(qtbot, calls)
    names = ["welcome", "substances", "doses", "sleep", "checkins", "discreet", "test"]
    for index, name in enumerate(names):
        if name == "substances":
            add_kratom(qtbot, wizard)
        if name == "doses":
            qtbot.wait(20)
            assert wizard.grab().save(str(SCREENSHOTS / f"wizard-{index + 1}-{name}.png"))
            qtbot.keyClicks(wizard.doses.times, "9:00, 25:00")
            wizard.next()
            qtbot.wait(20)
            assert wizard.grab().save(str(SCREENSHOTS / f"wizard-{index + 1}-{name}-error.png"))
            wizard.doses.none.click()
            wizard.next()
            continue
        if name == "test":
            wizard.test.send_button.click()
        qtbot.wait(20)
        assert wizard.grab().save(str(SCREENSHOTS / f"wizard-{index + 1}-{name}.png"))
        if name == "sleep":
            edit(wizard, "bedtime").setText("25:00")
            wizard.next()
            qtbot.wait(20)
            assert wizard.grab().save(str(SCREENSHOTS / f"wizard-{index + 1}-{name}-error.png"))
            edit(wizard, "bedtime").setText("23:00")
        wizard.next()


@pytest.mark.parametrize("ticked", [True, False])
def test_the_set_up_offers_the_applications_menu_once(qtbot, calls, ticked: bool) -> None:
    wizard = make(qtbot, calls)
    while wizard.currentPage() is not wizard.test:
        wizard.next()
    assert wizard.test.menu_entry.isVisible() and wizard.test.menu_entry.isChecked()  # on by default
    wizard.test.menu_entry.setChecked(ticked)
    wizard.accept()
    assert calls.menu_entries == (1 if ticked else 0)


def test_without_an_applications_menu_nothing_is_offered(qtbot, calls) -> None:
    wizard = make(qtbot, calls, menu=False)
    while wizard.currentPage() is not wizard.test:
        wizard.next()
    assert not wizard.test.menu_entry.isVisible()
    wizard.accept()
    assert calls.menu_entries == 0
