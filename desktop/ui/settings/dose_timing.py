"""Settings' Dose timing tab: fixed dose times or timing from the pain pattern, and a
live preview of tomorrow's reminders with the settings as typed (nothing is saved)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QFormLayout, QLabel, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from desktop.core.errors import ValidationError
from desktop.services.preview import TomorrowPreview
from desktop.ui.settings.fields import SettingFields, form_layout, hint_label
from desktop.words.errors import error_message

Preview = Callable[[dict[str, str]], TomorrowPreview]

PREVIEW_DELAY_MS = 150  # wait for a pause in typing before planning tomorrow again


class DoseTimingTab(QWidget):
    """The dose timing fields over the preview; ``preview(pending)`` plans tomorrow with
    the settings in force and every valid edit, after a pause in typing in any tab."""

    def __init__(self, fields: SettingFields, preview: Preview, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._fields = fields
        self._preview = preview
        layout = QVBoxLayout(self)
        layout.addLayout(self._timing_form())
        self._add_preview(layout)
        self._preview_timer = QTimer(self)
        self._preview_timer.setSingleShot(True)
        self._preview_timer.setInterval(PREVIEW_DELAY_MS)
        self._preview_timer.timeout.connect(self.refresh_preview)
        fields.edited.connect(lambda _key: self._preview_timer.start())

    def _timing_form(self) -> QFormLayout:
        form = form_layout()
        self._fields.choice(
            form,
            "dose_timing",
            self.tr("&Choose dose times from"),
            [("fixed", self.tr("my own fixed times")), ("pattern", self.tr("my pain pattern"))],
        )
        self._fields.line(
            form,
            "dose_times",
            self.tr("&Fixed dose times"),
            chars=22,
            suffix=self.tr("separated by commas"),
            tip=self.tr("Your own reminder times, such as 09:00, 15:00; empty for no dose reminders"),
        )
        self._fields.line(
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
        for key, label, suffix in (
            ("pain_threshold", self.tr("Pain &level that counts as a rise"), self.tr("on the 0–10 scale")),
            ("pattern_window_days", self.tr("Pattern &window"), self.tr("days of check-ins (7–365)")),
            (
                "no_dose_before_bed_h",
                self.tr("&No dose reminders within"),
                self.tr("hours before bedtime (0–12)"),
            ),
        ):
            self._fields.line(form, key, label, suffix=suffix)
        return form

    def _add_preview(self, layout: QVBoxLayout) -> None:
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

    def refresh_preview(self) -> None:
        """Plan tomorrow with the pending settings (valid edits applied, nothing saved)."""
        values, invalid = self._fields.pending()
        self.preview_list.clear()
        try:
            preview = self._preview(values)
        except ValidationError as exc:
            preview = TomorrowPreview([], [])
            invalid.append(error_message(exc))
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
