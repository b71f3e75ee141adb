"""First-run set-up: what Ebb is and is not, substances with the user's own limits,
whether to be reminded of the pain-relief ones, sleep times, check-ins, discreet mode and
a test notification.

Nothing is saved until Finish; each page's fields are checked by the core when Next is
pressed, and a page with an invalid field does not let the user go on. The wizard saves
through the callables it was given, like the settings window. The pages are in
first_run_pages.py and, for the dose-reminder question, first_run_doses.py.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QWidget, QWizard

from desktop.core.errors import ValidationError
from desktop.core.model import SubstanceKind
from desktop.ui.dialogs.base import StatusLine
from desktop.ui.settings.fields import SAVE_ERRORS, SaveSetting
from desktop.ui.settings.privacy import add_discreet_row
from desktop.ui.settings.sleep_reminders import add_checkin_rows, add_sleep_rows
from desktop.ui.settings.substances import AddSubstance
from desktop.ui.windows.first_run_doses import DoseRemindersPage
from desktop.ui.windows.first_run_pages import (
    NotificationTestPage,
    SendTest,
    SettingsPage,
    SubstancesPage,
    WelcomePage,
)
from desktop.words.errors import error_message


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
        install_menu_entry: Callable[[], None] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._save_setting = save_setting
        self._add_substance = add_substance
        self._install_menu_entry = install_menu_entry
        self.setWindowTitle(self.tr("Set up Ebb"))
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage)
        self.welcome = WelcomePage()
        self.substances = SubstancesPage()
        self.doses = DoseRemindersPage(self.reminded_substances, defaults)
        self.sleep = SettingsPage.with_rows(
            self.tr("Sleep"),
            self.tr("Your usual times on the 24-hour clock, such as 07:00 and 23:00."),
            defaults,
            lambda page: add_sleep_rows(page.fields, page.form),
        )
        self.checkins = SettingsPage.with_rows(
            self.tr("Pain check-ins"),
            self.tr("Short check-ins build the picture of when your pain usually rises."),
            defaults,
            lambda page: add_checkin_rows(page.fields, page.form),
        )
        self.discreet = SettingsPage.with_rows(
            self.tr("Discreet mode"),
            self.tr("For when other people can see your screen."),
            defaults,
            lambda page: add_discreet_row(page.fields, page.box),
        )
        self.test = NotificationTestPage(send_test, defaults, self.doses.summary)
        if install_menu_entry is not None:
            self.test.offer_menu_entry()
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
            self._failed(what, error_message(exc))
            return
        except SAVE_ERRORS as exc:
            self._failed(what, exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc))
            return
        if self._install_menu_entry is not None and self.test.menu_entry.isChecked():
            self._install_menu_entry()  # a failure is logged there: the set-up is done anyway
        super().accept()

    def _failed(self, what: str, reason: str) -> None:
        self.substances.list.show_substances(self.substances.substances)
        self.test.error.show_message(
            StatusLine.ERROR,
            self.tr(
                "Could not save {what}: {reason}. What is not saved yet is still here; try Finish again."
            ).format(what=what, reason=reason.rstrip(".")),
        )
