"""First-run set-up: what Ebb is and is not, substances with the user's own limits,
sleep times, check-ins, discreet mode and a test notification.

Nothing is saved until Finish; each page's fields are checked by the core when Next is
pressed, and a page with an invalid field does not let the user go on. The wizard saves
through the callables it was given, like the settings window.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from desktop.core.errors import ValidationError
from desktop.core.model import Substance
from desktop.ui.dialogs.base import StatusLine
from desktop.ui.settings_window import (
    SAVE_ERRORS,
    AddSubstance,
    SaveSetting,
    SettingFields,
    SubstanceDialog,
    SubstanceList,
    add_checkin_rows,
    add_discreet_row,
    add_reminder_window_row,
    add_sleep_rows,
    form_layout,
    hint_label,
)

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
        layout = QVBoxLayout(self)
        self.list = SubstanceList()
        caption = QLabel(self.tr("Added s&o far"))
        caption.setBuddy(self.list)
        self.add_button = QPushButton(self.tr("A&dd a substance…"))
        self.remove_button = QPushButton(self.tr("&Remove"))
        self.add_button.clicked.connect(self.add_substance)
        self.remove_button.clicked.connect(self.remove_substance)
        self.list.currentItemChanged.connect(lambda *_: self._enable_remove())
        row = QHBoxLayout()
        row.addWidget(self.add_button)
        row.addWidget(self.remove_button)
        row.addStretch(1)
        layout.addWidget(caption)
        layout.addWidget(self.list, 1)
        layout.addLayout(row)
        layout.addWidget(hint_label(self.tr("Nothing is saved until you press Finish.")))
        self._enable_remove()

    def add_substance(self) -> None:
        dialog = SubstanceDialog(self._keep, parent=self)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.substance_dialog = dialog
        dialog.show()

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


class NotificationTestPage(SettingsPage):
    """A button that sends a test notification, a line saying what happened, and the
    choice of Ebb's own reminder window for a desktop that swallows notifications
    silently (Ebb cannot tell that from here)."""

    def __init__(self, send_test: SendTest, defaults: Mapping[str, str]) -> None:
        super().__init__("", "", defaults)
        self._send_test = send_test
        self.setTitle(self.tr("Try a reminder"))
        self.setSubTitle(self.tr("See how Ebb's reminders look on this computer."))
        self.send_button = QPushButton(self.tr("Send a &test notification"))
        self.send_button.clicked.connect(self.send)
        row = QHBoxLayout()
        row.addWidget(self.send_button)
        row.addStretch(1)
        self.box.addLayout(row)
        self.result = QLabel()
        self.result.setWordWrap(True)
        self.box.addWidget(self.result)
        self.box.addSpacing(12)
        add_reminder_window_row(self.fields, self.box)
        self.box.addWidget(hint_label(self.tr("You can change all of this later in Settings.")))
        self.finish()

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
        self.test = NotificationTestPage(send_test, defaults)
        self.setting_pages = [self.sleep, self.checkins, self.discreet, self.test]
        for page in (self.welcome, self.substances, *self.setting_pages):
            self.addPage(page)
        # Wide enough for the widest page, so the window does not jump from page to page.
        self.resize(self.fontMetrics().averageCharWidth() * 104, self.fontMetrics().height() * 30)

    def accept(self) -> None:
        """Save everything, then close; on a failure stay open with what is left to save."""
        self.test.error.clear()
        what = self.tr("your settings")
        try:
            changes = {key: value for page in self.setting_pages for key, value in page.changes().items()}
            for substance in list(self.substances.substances):
                what = substance.name
                self._add_substance(substance)
                self.substances.substances.remove(substance)  # saved: not again on a retry
            for page in self.setting_pages:
                for key in page.fields.fields:
                    if key in changes:
                        what = page.fields.fields[key].name
                        self._save_setting(key, changes[key])
                        page.fields.saved[key] = changes[key]
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
