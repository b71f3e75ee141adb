"""The first-run set-up's pages but the dose-reminder question: the welcome, the
substances to add at Finish, a page of setting fields (sleep, check-ins, discreet mode)
and the test notification."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QLabel, QPushButton, QVBoxLayout, QWizardPage

from desktop.core.errors import ValidationError
from desktop.core.model import Substance
from desktop.ui.dialogs.base import StatusLine
from desktop.ui.settings.fields import SettingFields, button_row, form_layout, hint_label
from desktop.ui.settings.privacy import add_reminder_window_row
from desktop.ui.settings.substance_dialog import SubstanceDialog
from desktop.ui.settings.substance_list import SubstanceList, add_substance_list

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

    @classmethod
    def with_rows(
        cls,
        title: str,
        subtitle: str,
        defaults: Mapping[str, str],
        add_rows: Callable[[SettingsPage], object],
    ) -> SettingsPage:
        """A page of the rows ``add_rows`` puts on it (the ones shared with Settings)."""
        page = cls(title, subtitle, defaults)
        add_rows(page)
        page.finish()
        return page

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
        # Offered once, here: most people start Ebb from the menu, not a terminal.
        self.box.addSpacing(12)
        self.menu_entry = QCheckBox(self.tr("Add Ebb to the &applications menu"))
        self.menu_entry.setChecked(True)
        self.menu_entry.setVisible(False)  # shown where there is such a menu (offer_menu_entry)
        self.box.addWidget(self.menu_entry)
        self.box.addWidget(hint_label(self.tr("You can change all of this later in Settings.")))
        self.finish()

    def offer_menu_entry(self) -> None:
        self.menu_entry.setVisible(True)

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
