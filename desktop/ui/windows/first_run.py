"""First-run set-up: what Ebb is and is not, substances with the user's own limits,
whether to be reminded of the pain-relief ones, sleep times, check-ins, discreet mode and
a test notification.

Nothing is saved until Finish; each page's fields are checked by the core when Next is
pressed, and a page with an invalid field does not let the user go on. The wizard saves
through the callables it was given, like the settings window.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QLabel,
    QPushButton,
    QRadioButton,
    QStyle,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from desktop.core.errors import ValidationError
from desktop.core.model import Substance, SubstanceKind
from desktop.core.settings import normalise_setting
from desktop.ui.dialogs.base import StatusLine
from desktop.ui.settings.fields import (
    SAVE_ERRORS,
    SaveSetting,
    SettingFields,
    button_row,
    form_layout,
    hint_label,
)
from desktop.ui.settings.privacy import add_discreet_row, add_reminder_window_row
from desktop.ui.settings.sleep_reminders import add_checkin_rows, add_sleep_rows
from desktop.ui.settings.substance_dialog import SubstanceDialog
from desktop.ui.settings.substance_list import SubstanceList, add_substance_list
from desktop.ui.settings.substances import AddSubstance

SendTest = Callable[[], bool | None]


def paragraph(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.RichText)
    return label


class WelcomePage(QWizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.setTitle(self.tr("Welcome to Ebb"))
        layout = QVBoxLayout(self)
        self.texts = [
            self.tr(
                "Ebb is a <b>private reminder and journal</b> for your melatonin, kratom, pain and sleep. "
                "It reminds you at the times you choose, and keeps a record that you, and your "
                "clinician, can look back on."
            ),
            self.tr(
                "<b>What Ebb is not</b><ul>"
                "<li>It is not medical advice.</li>"
                "<li>It never suggests amounts. Every amount and every limit is yours, ideally agreed "
                "with your clinician.</li>"
                "<li>Its reminders never prompt a dose beyond the limits you set.</li></ul>"
            ),
            self.tr("Your data stays on this computer. Ebb never uses the network."),
            self.tr(
                "The next pages set up your substances, sleep times, check-ins and reminders. "
                "You can change all of it later in Settings."
            ),
        ]
        layout.setSpacing(self.fontMetrics().height() // 2)
        for text in self.texts:
            layout.addWidget(paragraph(text))
        layout.addStretch(1)


class SubstancesPage(QWizardPage):
    """Substances to add at Finish; none is fine (they can be added in Settings later)."""

    def __init__(self) -> None:
        super().__init__()
        self.setTitle(self.tr("Your substances"))
        self.setSubTitle(self.tr("Add what you take, with your own limits. You can skip this for now."))
        self.substances: list[Substance] = []
        self.list = SubstanceList()
        self.add_button = QPushButton(self.tr("A&dd a substance…"))
        self.remove_button = QPushButton(self.tr("&Remove"))
        self.add_button.clicked.connect(self.add_substance)
        self.remove_button.clicked.connect(self.remove_substance)
        self.list.currentItemChanged.connect(lambda *_: self._enable_remove())
        add_substance_list(
            QVBoxLayout(self),
            self.list,
            self.tr("Added s&o far"),
            [self.add_button, self.remove_button],
            self.tr("Nothing is saved until you press Finish."),
        )
        self._enable_remove()

    def add_substance(self) -> None:
        self.substance_dialog = SubstanceDialog(self._keep, parent=self).open_window_modal()

    def _keep(self, substance: Substance) -> None:
        if any(s.name.casefold() == substance.name.casefold() for s in self.substances):
            raise ValidationError(
                "name", self.tr("{name!a} is already in the list").format(name=substance.name)
            )
        self.substances.append(substance)
        self.list.show_substances(self.substances, substance.name)

    def remove_substance(self) -> None:
        substance = self.list.current_substance()
        if substance is not None:
            self.substances.remove(substance)
            self.list.show_substances(self.substances)
            self._enable_remove()

    def _enable_remove(self) -> None:
        self.remove_button.setEnabled(self.list.current_substance() is not None)


class SettingsPage(QWizardPage):
    """A page of setting fields; Next checks them all and stops at the first invalid one."""

    def __init__(self, title: str, subtitle: str, defaults: Mapping[str, str]) -> None:
        super().__init__()
        self.setTitle(title)
        self.setSubTitle(subtitle)
        self.fields = SettingFields(defaults, self)
        self.box = QVBoxLayout(self)
        self.form = form_layout()
        self.box.addLayout(self.form)
        self.error = StatusLine()

    def finish(self) -> None:
        self.box.addStretch(1)
        self.box.addWidget(self.error)

    def validatePage(self) -> bool:
        self.error.clear()
        _values, invalid = self.fields.check()
        if invalid:
            invalid[0].widget.setFocus(Qt.FocusReason.OtherFocusReason)
            self.error.show_message(
                StatusLine.ERROR, self.tr("Please correct the field marked above to go on.")
            )
            return False
        return True

    def changes(self) -> dict[str, str]:
        values, invalid = self.fields.check()
        if invalid:
            raise ValidationError(invalid[0].key, invalid[0].error.text())
        return self.fields.changes(values)

    def name_of(self, key: str) -> str:
        """The words for ``key`` in a message: its field's label, or the page's title."""
        field = self.fields.fields.get(key)
        return field.name if field is not None else self.title()


class DoseRemindersPage(SettingsPage):
    """Whether Ebb reminds the user to take the pain-relief substances just added: no
    dose reminders (the default), at times the user types, or timed to the pain pattern.
    Nothing is suggested: no time is filled in, and only "no dose reminders" is chosen.

    Shown only when a substance Ebb can remind of was added (the wizard skips it
    otherwise, and then it changes nothing). The choice is one for all of them: the dose
    timing settings are not per substance.
    """

    NONE, FIXED, PATTERN = "none", "fixed", "pattern"

    def __init__(self, reminded: Callable[[], list[str]], defaults: Mapping[str, str]) -> None:
        super().__init__("", "", defaults)
        self._reminded = reminded
        self.setTitle(self.tr("Dose reminders"))
        self.none = QRadioButton(self.tr("N&o dose reminders"))
        self.fixed = QRadioButton(self.tr("At fixed &times I type"))
        self.pattern = QRadioButton(self.tr("When my &pain pattern is known"))
        self.group = QButtonGroup(self)
        for button in (self.none, self.fixed, self.pattern):
            self.group.addButton(button)
        self.none.setChecked(True)
        style = self.style()
        indent = style.pixelMetric(QStyle.PixelMetric.PM_ExclusiveIndicatorWidth) + style.pixelMetric(
            QStyle.PixelMetric.PM_RadioButtonLabelSpacing
        )

        def indented(*widgets: QWidget) -> QWidget:
            block = QWidget()
            column = QVBoxLayout(block)
            column.setContentsMargins(indent, 0, 0, 0)
            for widget in widgets:
                column.addWidget(widget)
            return block

        times = QWidget()
        times_form = form_layout()
        times_form.setContentsMargins(0, 0, 0, 0)
        times.setLayout(times_form)
        # Empty, with no example inside the field: the times are the user's own.
        self.times = self.fields.line(
            times_form,
            "dose_times",
            self.tr("Dose t&imes"),
            chars=22,
            suffix=self.tr("24-hour clock, separated by commas"),
            tip=self.tr("Your own times, such as 09:00, 15:00"),
        )
        self.times.setText("")
        self.times.textEdited.connect(lambda _text: self.fixed.setChecked(True))  # typing chooses it
        self.box.addWidget(self.none)
        self.box.addWidget(self.fixed)
        self.box.addWidget(indented(times))
        self.box.addWidget(self.pattern)
        self.box.addWidget(
            indented(
                hint_label(
                    self.tr(
                        "Ebb learns when your pain usually rises from your pain check-ins (it needs "
                        "at least 20 of them, over a week or more and at different times of day). It "
                        "then times only the doses you "
                        "already take: never more a day than you took lately, and never more than "
                        "your own maximum. Until then there are no dose reminders."
                    )
                )
            )
        )
        self.box.addSpacing(12)
        self.box.addWidget(
            hint_label(
                self.tr(
                    "A dose reminder never names an amount, and it is held back when a dose would "
                    "go beyond your own limits. You can change this later in Settings → Dose timing."
                )
            )
        )
        self.finish()

    def initializePage(self) -> None:
        names = self._reminded()
        self.setSubTitle(
            self.tr("Would you like reminders for your doses of {names}?").format(names=", ".join(names))
        )

    def choice(self) -> str:
        if self.fixed.isChecked():
            return self.FIXED
        return self.PATTERN if self.pattern.isChecked() else self.NONE

    def _times(self) -> str:
        """The typed dose times, normalised by the core; at least one is needed."""
        times = normalise_setting("dose_times", self.times.text())
        if not times:
            raise ValidationError(
                "dose_times", self.tr("type at least one time, such as 09:00, or choose no dose reminders")
            )
        return times

    def validatePage(self) -> bool:
        self.error.clear()
        field = self.fields.fields["dose_times"]
        field.error.clear()
        if self.choice() != self.FIXED:
            return True  # the times field is not used: nothing in it can stop the user
        try:
            self._times()
        except ValidationError as exc:
            field.error.show_message(StatusLine.ERROR, self.fields.message(field, exc))
            self.times.setFocus(Qt.FocusReason.OtherFocusReason)
            self.error.show_message(
                StatusLine.ERROR, self.tr("Please correct the field marked above to go on.")
            )
            return False
        return True

    def chosen(self) -> dict[str, str]:
        """The dose timing settings the choice stands for."""
        choice = self.choice()
        return {
            "dose_timing": "pattern" if choice == self.PATTERN else "fixed",
            "dose_times": self._times() if choice == self.FIXED else "",
        }

    def changes(self) -> dict[str, str]:
        if not self._reminded():
            return {}  # the page was skipped: nothing to remind of
        return {key: value for key, value in self.chosen().items() if value != self.fields.saved[key]}

    def summary(self) -> str:
        """What the user will get, in a sentence for the last page."""
        names = ", ".join(self._reminded())
        choice = self.choice() if names else self.NONE
        if choice == self.FIXED:
            try:
                times = self._times()
            except ValidationError:
                choice = self.NONE
            else:
                return self.tr("Dose reminders for {names}: at {times}.").format(
                    names=names, times=times.replace(",", ", ")
                )
        if choice == self.PATTERN:
            return self.tr(
                "Dose reminders for {names}: once Ebb knows your pain pattern from your check-ins, "
                "and only for doses you already take. Until then there are none."
            ).format(names=names)
        return self.tr("Dose reminders are off; you can turn them on in Settings → Dose timing.")


class NotificationTestPage(SettingsPage):
    """A button that sends a test notification, a line saying what happened, and the
    choice of Ebb's own reminder window for a desktop that swallows notifications
    silently (Ebb cannot tell that from here)."""

    def __init__(
        self, send_test: SendTest, defaults: Mapping[str, str], dose_summary: Callable[[], str]
    ) -> None:
        super().__init__("", "", defaults)
        self._send_test = send_test
        self._dose_summary = dose_summary
        self.setTitle(self.tr("Try a reminder"))
        self.setSubTitle(self.tr("See how Ebb's reminders look on this computer."))
        self.send_button = QPushButton(self.tr("Send a &test notification"))
        self.send_button.clicked.connect(self.send)
        self.box.addLayout(button_row(self.send_button))
        self.result = QLabel()
        self.result.setWordWrap(True)
        self.box.addWidget(self.result)
        self.box.addSpacing(12)
        add_reminder_window_row(self.fields, self.box)
        self.box.addSpacing(12)
        # Said plainly at the end: dose reminders are off unless the user chose otherwise.
        self.dose_note = paragraph("")
        self.dose_note.setTextFormat(Qt.TextFormat.PlainText)
        self.box.addWidget(self.dose_note)
        self.box.addWidget(hint_label(self.tr("You can change all of this later in Settings.")))
        self.finish()

    def initializePage(self) -> None:
        self.dose_note.setText(self._dose_summary())

    def send(self) -> None:
        self.error.clear()
        try:
            delivered = self._send_test()
        except OSError as exc:
            self.error.show_message(StatusLine.ERROR, self.tr("Could not send: {reason}").format(reason=exc))
            delivered = False
        self.show_result(delivered)

    def show_result(self, delivered: bool | None) -> None:
        """``delivered``: True shown by the desktop, False not, None not known yet. The app
        may call this again when the notification service answers."""
        tick = self.tr("If you did not see it, tick the box below to use Ebb's own reminder window.")
        if delivered is True:
            text = self.tr("Your desktop says it showed the test notification.") + " " + tick
        elif delivered is False:
            text = self.tr(
                "Your desktop did not show the notification, so Ebb will use its own reminder window."
            )
        else:
            text = self.tr("A test notification was sent.") + " " + tick
        self.result.setText(text)


class FirstRunWizard(QWizard):
    """Set Ebb up; on Finish the substances and changed settings are saved, or, if any
    fails, the wizard stays open and says what happened."""

    def __init__(
        self,
        *,
        save_setting: SaveSetting,
        add_substance: AddSubstance,
        send_test: SendTest,
        defaults: dict[str, str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._save_setting = save_setting
        self._add_substance = add_substance
        self.setWindowTitle(self.tr("Set up Ebb"))
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage)
        self.welcome = WelcomePage()
        self.substances = SubstancesPage()
        self.doses = DoseRemindersPage(self.reminded_substances, defaults)
        self.sleep = SettingsPage(
            self.tr("Sleep"),
            self.tr("Your usual times on the 24-hour clock, such as 07:00 and 23:00."),
            defaults,
        )
        add_sleep_rows(self.sleep.fields, self.sleep.form)
        self.sleep.finish()
        self.checkins = SettingsPage(
            self.tr("Pain check-ins"),
            self.tr("Short check-ins build the picture of when your pain usually rises."),
            defaults,
        )
        add_checkin_rows(self.checkins.fields, self.checkins.form)
        self.checkins.finish()
        self.discreet = SettingsPage(
            self.tr("Discreet mode"), self.tr("For when other people can see your screen."), defaults
        )
        add_discreet_row(self.discreet.fields, self.discreet.box)
        self.discreet.finish()
        self.test = NotificationTestPage(send_test, defaults, self.doses.summary)
        self.setting_pages = [self.doses, self.sleep, self.checkins, self.discreet, self.test]
        ids = {id(page): self.addPage(page) for page in (self.welcome, self.substances, *self.setting_pages)}
        self._sleep_id = ids[id(self.sleep)]
        # Wide enough for the widest page, so the window does not jump from page to page.
        self.resize(self.fontMetrics().averageCharWidth() * 104, self.fontMetrics().height() * 30)

    def reminded_substances(self) -> list[str]:
        """The added substances Ebb can remind the user to take (the pain-relief kind)."""
        return [s.name for s in self.substances.substances if s.kind is SubstanceKind.KRATOM and s.active]

    def nextId(self) -> int:
        # Nothing to remind of: no question about dose reminders.
        if self.currentPage() is self.substances and not self.reminded_substances():
            return self._sleep_id
        return super().nextId()

    def accept(self) -> None:
        """Save everything, then close; on a failure stay open with what is left to save."""
        self.test.error.clear()
        what = self.tr("your settings")
        try:
            changes = [(page, page.changes()) for page in self.setting_pages]
            for substance in list(self.substances.substances):
                what = substance.name
                self._add_substance(substance)
                self.substances.substances.remove(substance)  # saved: not again on a retry
            for page, page_changes in changes:
                for key, value in page_changes.items():
                    what = page.name_of(key)
                    self._save_setting(key, value)
                    page.fields.saved[key] = value  # saved: not again on a retry
        except ValidationError as exc:
            self._failed(what, exc.message)
            return
        except SAVE_ERRORS as exc:
            self._failed(what, exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc))
            return
        super().accept()

    def _failed(self, what: str, reason: str) -> None:
        self.substances.list.show_substances(self.substances.substances)
        self.test.error.show_message(
            StatusLine.ERROR,
            self.tr(
                "Could not save {what}: {reason}. What is not saved yet is still here; try Finish again."
            ).format(what=what, reason=reason.rstrip(".")),
        )
