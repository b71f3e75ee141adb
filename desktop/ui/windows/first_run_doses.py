"""The first-run question whether to be reminded of the pain-relief doses just added."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QButtonGroup, QRadioButton, QStyle, QVBoxLayout, QWidget

from desktop.core.errors import ValidationError
from desktop.core.settings import normalise_setting
from desktop.ui.dialogs.base import StatusLine
from desktop.ui.settings.fields import form_layout, hint_label
from desktop.ui.windows.first_run_pages import SettingsPage


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
        times = self._times_row()
        self.box.addWidget(self.none)
        self.box.addWidget(self.fixed)
        self.box.addWidget(self._indented(times))
        self.box.addWidget(self.pattern)
        self.box.addWidget(
            self._indented(
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

    def _times_row(self) -> QWidget:
        """The dose times field, on a form of its own (to be indented under its choice)."""
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
        return times

    def _indented(self, *widgets: QWidget) -> QWidget:
        """``widgets`` in a column that starts where a radio button's text does."""
        style = self.style()
        indent = style.pixelMetric(QStyle.PixelMetric.PM_ExclusiveIndicatorWidth) + style.pixelMetric(
            QStyle.PixelMetric.PM_RadioButtonLabelSpacing
        )
        block = QWidget()
        column = QVBoxLayout(block)
        column.setContentsMargins(indent, 0, 0, 0)
        for widget in widgets:
            column.addWidget(widget)
        return block

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
