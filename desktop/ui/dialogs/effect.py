"""Log a side effect: a name (suggested or typed) and a severity 0–3."""

from __future__ import annotations

from datetime import tzinfo
from typing import Any

from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QComboBox, QLineEdit, QSizePolicy, QWidget

from desktop.core.errors import ValidationError
from desktop.core.model import SUGGESTED_SIDE_EFFECTS, SideEffect
from desktop.core.validation import validate_effect
from desktop.ui.dialogs.base import EntryDialog, NowCallback, SaveCallback
from desktop.ui.dialogs.choices import ChoiceRow


class EffectDialog(EntryDialog):
    """Log a side effect. Keys 0–3 choose the severity (outside the text fields)."""

    def __init__(
        self, save: SaveCallback, now: NowCallback, zone: tzinfo, *, parent: QWidget | None = None
    ) -> None:
        super().__init__(save, now, zone, parent)
        self.setWindowTitle(self.tr("Side effect"))
        self.name = QComboBox()
        self.name.setEditable(True)
        self.name.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.name.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)  # room to type
        self.name.addItems(list(SUGGESTED_SIDE_EFFECTS))
        self.name.setCurrentIndex(-1)
        line_edit = self.name.lineEdit()
        assert line_edit is not None  # the combo box is editable
        line_edit.setPlaceholderText(self.tr("choose or type"))
        self.add_field("name", self.tr("&Effect"), self.name)
        self.severity = ChoiceRow(
            [
                (0, self.tr("0 none")),
                (1, self.tr("1 mild")),
                (2, self.tr("2 moderate")),
                (3, self.tr("3 severe")),
            ],
            {str(n): n for n in range(4)},
            radio=True,
        )
        self.severity.setToolTip(self.tr("Keys 0–3 choose the severity"))
        self.add_field("severity", self.tr("Se&verity"), self.severity)
        self.note = QLineEdit()
        self.add_field("note", self.tr("&Note"), self.note)
        self.add_when_field()
        self.finish()
        self.name.setFocus()

    def load(self, record: dict[str, Any]) -> None:
        """Open as an edit of a journal record: name, severity, note and time."""
        self.begin_edit(record, self.tr("Edit side effect"))
        self.name.setCurrentText(record["name"])
        self.severity.set_value(int(record["severity"]))
        self.note.setText(record.get("note") or "")

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Digits typed anywhere but in a text field reach the dialog: they choose the severity.
        if not self.severity.handle_key(event):
            super().keyPressEvent(event)

    def build_value(self) -> SideEffect:
        severity = self.severity.value()
        if severity is None:
            raise ValidationError(
                "severity", self.tr("none chosen; choose 0 none, 1 mild, 2 moderate or 3 severe")
            )
        return validate_effect(
            self.name.currentText(), severity, self.when(), self.now(), note=self.note.text()
        )
