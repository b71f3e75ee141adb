"""What the settings window and the first-run set-up build their fields from: a setting's
editor checked by the core (:class:`SettingFields`), and the small widgets around it (a
muted hint, a narrow line edit, a unit after a field, a form, labels that line up).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QBoxLayout,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.core.errors import ValidationError
from desktop.core.settings import normalise_setting
from desktop.ui.dialogs.base import StatusLine
from desktop.words.errors import error_message

SaveSetting = Callable[[str, str], None]
SAVE_ERRORS = (OSError, sqlite3.Error)


def decimal_text(text: str) -> str:
    """A decimal comma ("2,5", as many keyboards type it) read as a point."""
    text = text.strip()
    return text.replace(",", ".") if text.count(",") == 1 and "." not in text else text


def hint_label(text: str) -> QLabel:
    """A short explanation in the palette's muted text colour (light and dark alike)."""
    label = QLabel(text)
    label.setWordWrap(True)
    label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
    return label


def line_edit(chars: int, placeholder: str = "") -> QLineEdit:
    """A line edit about ``chars`` characters wide (times and numbers need no full row)."""
    edit = QLineEdit()
    edit.setPlaceholderText(placeholder)
    metrics = edit.fontMetrics()
    width = max(metrics.averageCharWidth() * chars, metrics.horizontalAdvance(placeholder))
    edit.setFixedWidth(width + 4 * metrics.averageCharWidth())  # room for the frame and cursor
    return edit


def with_suffix(widget: QWidget, suffix: QWidget | str) -> QWidget:
    """``widget`` followed by a unit or a few words on the same line."""
    row = QWidget()
    layout = QHBoxLayout(row)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(widget)
    layout.addWidget(suffix if isinstance(suffix, QWidget) else QLabel(suffix))
    layout.addStretch(1)
    return row


def align_labels(*groups: QWidget) -> None:
    """One label width for the forms of several groups, so their fields line up."""
    captions = [label for group in groups for label in group.findChildren(QLabel) if label.buddy()]
    width = max(label.sizeHint().width() for label in captions)
    for label in captions:
        label.setMinimumWidth(width)


def button_row(*buttons: QWidget) -> QHBoxLayout:
    """Buttons side by side at the start of a line."""
    row = QHBoxLayout()
    for button in buttons:
        row.addWidget(button)
    row.addStretch(1)
    return row


def form_layout() -> QFormLayout:
    form = QFormLayout()
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
    form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft)
    return form


@dataclass
class SettingField:
    """One setting's editor: ``read``/``write`` its text; errors show in ``error``."""

    key: str
    name: str  # the label's words, for messages
    widget: QWidget
    error: StatusLine
    read: Callable[[], str]
    write: Callable[[str], None]


class SettingFields(QObject):
    """Editors for some of the settings, each checked by the core when asked.

    ``saved`` holds the values in force; :meth:`check` says what changed and shows the
    core's message under every invalid field.
    """

    edited = Signal(str)

    def __init__(self, values: Mapping[str, str], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.saved = dict(values)
        self.fields: dict[str, SettingField] = {}

    def line(
        self,
        form: QFormLayout,
        key: str,
        label: str,
        *,
        suffix: str = "",
        chars: int = 7,
        tip: str = "",
        hint: str = "",
    ) -> QLineEdit:
        """A line edit for ``key``; ``hint``: a muted explanation under it."""
        edit = line_edit(chars)
        edit.setText(self.saved[key])
        edit.setToolTip(tip)
        edit.textEdited.connect(lambda _text: self._edited(key))
        row = with_suffix(edit, suffix) if suffix else edit
        self._add(form, key, label, edit, row, edit.text, edit.setText, hint)
        return edit

    def choice(
        self, form: QFormLayout, key: str, label: str, options: Sequence[tuple[str, str]]
    ) -> QComboBox:
        box = QComboBox()
        for value, text in options:
            box.addItem(text, value)
        box.setCurrentIndex(max(0, box.findData(self.saved[key])))
        box.currentIndexChanged.connect(lambda _index: self._edited(key))

        def write(value: str) -> None:
            box.setCurrentIndex(max(0, box.findData(value)))

        self._add(form, key, label, box, with_suffix(box, ""), lambda: str(box.currentData()), write)
        return box

    def checkbox(self, layout: QBoxLayout, key: str, text: str) -> QCheckBox:
        box = QCheckBox(text)
        box.setChecked(self.saved[key] == "true")
        box.toggled.connect(lambda _on: self._edited(key))
        error = StatusLine()
        layout.addWidget(box)
        layout.addWidget(error)

        def read() -> str:
            return "true" if box.isChecked() else "false"

        self.fields[key] = SettingField(
            key, box.text().replace("&", ""), box, error, read, lambda v: box.setChecked(v == "true")
        )
        return box

    def _add(
        self,
        form: QFormLayout,
        key: str,
        label: str,
        widget: QWidget,
        row: QWidget,
        read: Callable[[], str],
        write: Callable[[str], None],
        hint: str = "",
    ) -> None:
        caption = QLabel(label)
        caption.setBuddy(widget)
        error = StatusLine()
        cell = QWidget()
        column = QVBoxLayout(cell)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(row)
        if hint:
            column.addWidget(hint_label(hint))
        column.addWidget(error)
        form.addRow(caption, cell)
        self.fields[key] = SettingField(key, label.replace("&", ""), widget, error, read, write)

    def _edited(self, key: str) -> None:
        self.fields[key].error.clear()  # the message was about the old text
        self.edited.emit(key)

    def message(self, field: SettingField, exc: ValidationError) -> str:
        return self.tr("{field}: {message}").format(field=field.name, message=error_message(exc))

    def _normalised(self, field: SettingField) -> str:
        raw = field.read()
        return raw if raw == self.saved[field.key] else normalise_setting(field.key, raw)

    def check(self) -> tuple[dict[str, str], list[SettingField]]:
        """(normalised value of every valid field, the invalid fields); shows the errors."""
        values: dict[str, str] = {}
        invalid: list[SettingField] = []
        for field in self.fields.values():
            field.error.clear()
            try:
                values[field.key] = self._normalised(field)
            except ValidationError as exc:
                field.error.show_message(StatusLine.ERROR, self.message(field, exc))
                invalid.append(field)
        return values, invalid

    def changes(self, values: Mapping[str, str]) -> dict[str, str]:
        return {key: value for key, value in values.items() if value != self.saved[key]}

    def pending(self) -> tuple[dict[str, str], list[str]]:
        """The saved settings with every valid edit applied, and the names of the invalid
        fields (left at their saved values); shows no errors."""
        values = dict(self.saved)
        invalid = []
        for field in self.fields.values():
            try:
                values[field.key] = self._normalised(field)
            except ValidationError:
                invalid.append(field.name)
        return values, invalid

    def is_edited(self) -> bool:
        return any(field.read() != self.saved[field.key] for field in self.fields.values())

    def mark_saved(self, key: str, value: str) -> None:
        self.saved[key] = value
        self.fields[key].write(value)
