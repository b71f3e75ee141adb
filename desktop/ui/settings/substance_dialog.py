"""The form that adds or edits a substance with the user's own limits."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QCheckBox, QComboBox, QLabel, QLineEdit, QWidget

from desktop.core.model import UNITS, Substance
from desktop.core.planning.pattern_doses import DEFAULT_DURATION_H, DEFAULT_ONSET_MIN
from desktop.core.validation import validate_substance
from desktop.ui.dialogs.base import EntryDialog
from desktop.ui.settings.fields import decimal_text, line_edit, with_suffix
from desktop.ui.settings.substance_list import kind_words
from desktop.words.present import fmt


class SubstanceDialog(EntryDialog):
    """Add or edit a substance with the user's own limits. No amount or limit is ever
    filled in or suggested: a new substance starts with every one of them empty."""

    def __init__(
        self,
        save: Callable[[Substance], object],
        substance: Substance | None = None,
        parent: QWidget | None = None,
    ) -> None:
        # A substance has no time of its own: the base class's clock and zone go unused.
        super().__init__(save, lambda: datetime.now(UTC), UTC, parent)
        self.original = substance
        if substance is None:
            self.setWindowTitle(self.tr("Add a substance"))
        else:
            self.setWindowTitle(self.tr("Edit {name}").format(name=substance.name))
        self.add_text(
            self.tr(
                "Every amount and limit here is your own, ideally agreed with your clinician. "
                "Ebb never suggests one, and its reminders never prompt a dose beyond your limits."
            )
        )
        self._layout.addSpacing(self.fontMetrics().height() // 2)
        self._add_substance_rows()
        self._add_limit_rows()
        self._add_timing_rows()
        self._add_privacy_rows()
        self.finish()
        self.unit.currentTextChanged.connect(self._show_unit)
        if substance is not None:
            self._fill(substance)
        self._show_unit(self.unit.currentText())
        self.name.setFocus()

    def open_window_modal(self) -> SubstanceDialog:
        """Show it over its parent's window, which it blocks without blocking the caller;
        it is deleted when closed."""
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.show()
        return self

    def _add_substance_rows(self) -> None:
        self.name = QLineEdit()
        self.add_field("name", self.tr("&Name"), self.name)
        self.kind = QComboBox()
        for kind, text in kind_words().items():
            self.kind.addItem(text, kind)
        self.add_field("kind", self.tr("&Kind"), self.kind)
        self.unit = QComboBox()
        self.unit.addItems(list(UNITS))
        self.add_field("unit", self.tr("&Unit"), self.unit)
        self.usual_unit, self.cap_unit = QLabel(), QLabel()
        self.usual = self._number(
            "amount", self.tr("Usual &amount"), self.tr("your own amount (optional)"), self.usual_unit
        )

    def _add_limit_rows(self) -> None:
        self.form.addRow(self._heading(self.tr("Your own limits")))
        limit = self.tr("your own limit (optional)")
        self.min_interval = self._number(
            "min_interval", self.tr("&Minimum time between doses"), limit, self.tr("hours")
        )
        self.max_doses = self._number(
            "max_per_day", self.tr("Ma&ximum doses in 24 hours"), limit, self.tr("doses")
        )
        self.daily_cap = self._number(
            "daily_cap", self.tr("Maximum &total in 24 hours"), limit, self.cap_unit
        )

    def _add_timing_rows(self) -> None:
        self.form.addRow(self._heading(self.tr("Timing of dose reminders")))
        self.onset = self._number(
            "onset",
            self.tr("Starts &working after"),
            self.tr("optional"),
            self.tr("minutes"),
            tip=self.tr(
                "Used only to time reminders before your pain usually rises; empty means {n} minutes."
            ).format(n=DEFAULT_ONSET_MIN),
        )
        self.duration = self._number(
            "duration",
            self.tr("&Lasts about"),
            self.tr("optional"),
            self.tr("hours"),
            tip=self.tr("Used only to time reminders; empty means {n} hours.").format(
                n=fmt(DEFAULT_DURATION_H)
            ),
        )

    def _add_privacy_rows(self) -> None:
        self.form.addRow(self._heading(self.tr("Privacy and use")))
        self.alias = QLineEdit()
        self.alias.setPlaceholderText(self.tr("optional"))
        self.alias.setToolTip(self.tr("A name only you recognise, for discreet mode"))
        self.add_field("alias", self.tr("Al&ias for discreet mode"), self.alias)
        self.active = QCheckBox(self.tr("Acti&ve: remind me of it and offer it when logging"))
        self.active.setChecked(True)
        self.form.addRow("", self.active)

    def _number(
        self, field: str, label: str, placeholder: str, suffix: QWidget | str, *, tip: str = ""
    ) -> QLineEdit:
        """A short line edit for one of the user's own numbers, its unit after it."""
        edit = line_edit(12, placeholder)
        if tip:
            edit.setToolTip(tip)
        self.add_field(field, label, edit, row=with_suffix(edit, suffix))
        return edit

    def _heading(self, text: str) -> QLabel:
        label = QLabel(text)
        font = QFont(label.font())
        font.setBold(True)
        label.setFont(font)
        label.setContentsMargins(0, 8, 0, 0)
        return label

    def _show_unit(self, unit: str) -> None:
        self.usual_unit.setText(unit)
        self.cap_unit.setText(unit)

    def _fill(self, substance: Substance) -> None:
        """The user's own stored values (editing shows what they set, nothing else)."""

        def text(value: float | None) -> str:
            return "" if value is None else fmt(value)

        limits = substance.limits
        self.name.setText(substance.name)
        self.kind.setCurrentIndex(max(0, self.kind.findData(substance.kind.value)))
        self.unit.setCurrentIndex(max(0, self.unit.findText(substance.unit)))
        self.usual.setText(text(substance.usual_amount))
        interval = limits.min_interval / timedelta(hours=1) if limits.min_interval else None
        self.min_interval.setText(text(interval))
        self.max_doses.setText(text(limits.max_doses_per_24h))
        self.daily_cap.setText(text(limits.max_amount_per_24h))
        self.onset.setText(text(substance.onset_min))
        self.duration.setText(text(substance.duration_h))
        self.alias.setText(substance.alias or "")
        self.active.setChecked(substance.active)

    def build_value(self) -> Substance:
        return validate_substance(
            self.name.text(),
            self.kind.currentData(),
            self.unit.currentText(),
            usual_amount=decimal_text(self.usual.text()),
            min_interval_h=decimal_text(self.min_interval.text()),
            max_per_day=decimal_text(self.max_doses.text()),
            daily_cap=decimal_text(self.daily_cap.text()),
            onset_min=decimal_text(self.onset.text()),
            duration_h=decimal_text(self.duration.text()),
            alias=self.alias.text(),
            active=self.active.isChecked(),
        )
