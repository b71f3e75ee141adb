"""The journal list's table model: records as rows of (time, kind, description), newest
first, by instant."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QWidget

from desktop.storage.records import Record
from desktop.words.present import describe, show_time

_ModelIndex = QModelIndex | QPersistentModelIndex


def _newest_first(records: Sequence[Record]) -> list[Record]:
    # By instant, not by text: entries made in different UTC offsets sort correctly.
    return sorted(records, key=lambda r: (datetime.fromisoformat(r["at"]).timestamp(), r["id"]), reverse=True)


class EntryTableModel(QAbstractTableModel):
    """Journal records as rows of (time, kind, description), newest first."""

    TIME, KIND, DESCRIPTION = range(3)

    def __init__(self, kind_names: Mapping[str, str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._kind_names = kind_names
        self._records: list[Record] = []
        self._texts: list[tuple[str, str, str]] = []

    def set_records(self, records: Sequence[Record]) -> None:
        self.beginResetModel()
        self._records = _newest_first(records)
        self._texts = [
            (show_time(r["at"]), self._kind_names.get(r["kind"], r["kind"]), describe(r))
            for r in self._records
        ]
        self.endResetModel()

    def record(self, row: int) -> Record:
        return self._records[row]

    def row_of(self, entry_id: int) -> int | None:
        for row, record in enumerate(self._records):
            if record["id"] == entry_id:
                return row
        return None

    def rowCount(self, parent: _ModelIndex = QModelIndex()) -> int:  # noqa: B008 (Qt's own default)
        return 0 if parent.isValid() else len(self._records)

    def columnCount(self, parent: _ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 3

    def data(self, index: _ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._texts[index.row()][index.column()]
        if role == Qt.ItemDataRole.UserRole:
            return self._records[index.row()]["id"]
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return (self.tr("Time"), self.tr("Kind"), self.tr("What"))[section]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        return None
