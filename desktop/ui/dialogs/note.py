"""Log a free-text note with optional tags."""

from __future__ import annotations

from datetime import tzinfo
from typing import Any

from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QWidget

from desktop.core.model import Note
from desktop.core.validation import validate_note
from desktop.ui.dialogs.base import EntryDialog, NowCallback, SaveCallback


class NoteDialog(EntryDialog):
    """Log a note. Enter starts a new line in the text; Ctrl+Enter saves from anywhere."""

    def __init__(
        self, save: SaveCallback, now: NowCallback, zone: tzinfo, *, parent: QWidget | None = None
    ) -> None:
        super().__init__(save, now, zone, parent)
        self.setWindowTitle(self.tr("Note"))
        self.text = QPlainTextEdit()
        self.text.setTabChangesFocus(True)
        self.text.setMinimumHeight(self.text.fontMetrics().lineSpacing() * 6)
        self.add_field("text", self.tr("&Text"), self.text)
        self.tags = QLineEdit()
        self.tags.setPlaceholderText(self.tr("comma-separated, e.g. weather, work"))
        self.add_field("tags", self.tr("T&ags"), self.tags)
        self.add_when_field()
        self.add_text(self.tr("Ctrl+Enter saves."), hint=True)
        self.finish()
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, self.submit)
        self.text.setFocus()

    def load(self, record: dict[str, Any]) -> None:
        """Open as an edit of a journal record: text, tags and time."""
        self.begin_edit(record, self.tr("Edit note"))
        self.text.setPlainText(record.get("note") or "")
        self.tags.setText(", ".join(record.get("tags") or ()))

    def build_value(self) -> Note:
        return validate_note(self.text.toPlainText(), self.when(), self.now(), tags=self.tags.text())
