"""Text fields that offer the words the user has written before.

A dose's form and product take one word each; a pain check-in's locations and qualities
take several, separated by commas, and each of them is completed on its own.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QStringListModel, Qt
from PySide6.QtWidgets import QCompleter, QLineEdit, QWidget


class _LastWordCompleter(QCompleter):
    """Completes the text after the last comma and keeps what comes before it."""

    def __init__(self, words: Sequence[str], edit: QLineEdit) -> None:
        super().__init__(edit)
        # Parented to the completer: Qt owns the model (an unowned one would be
        # collected by Python and the completer would silently offer nothing).
        self.setModel(QStringListModel(list(words), self))
        self._edit = edit

    def splitPath(self, path: str) -> list[str]:
        return [path.rsplit(",", 1)[-1].strip()]

    def pathFromIndex(self, index: QModelIndex | QPersistentModelIndex) -> str:
        head, comma, _ = self._edit.text().rpartition(",")
        word = str(index.data())
        return f"{head}, {word}" if comma else word


class WordsEdit(QLineEdit):
    """A line edit completing from ``suggestions``; ``several``: a comma-separated list."""

    def __init__(
        self, suggestions: Sequence[str], *, several: bool = False, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.several = several
        completer = _LastWordCompleter(suggestions, self) if several else QCompleter(list(suggestions), self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchStartsWith)
        self.setCompleter(completer)

    def words(self) -> list[str]:
        """The typed words (empty ones dropped); the core validates each."""
        if not self.several:
            text = self.text().strip()
            return [text] if text else []
        return [word.strip() for word in self.text().split(",") if word.strip()]

    def set_words(self, words: Sequence[str] | None) -> None:
        self.setText(", ".join(words or ()))
