"""The journal window: every entry, newest first, with filters, delete, undo and edit.

It reads and writes only through injected callables (``load``, ``delete``, ``undo``),
so it can be tested without the app; the app opens the edit dialog when
:attr:`JournalWindow.edit_requested` fires. Deleting asks for no confirmation because
every delete can be undone (Ctrl+Z).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

from PySide6.QtCore import QItemSelectionModel, QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QPalette, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.core.errors import ValidationError
from desktop.storage.journal_edits import UndoResult
from desktop.storage.records import Record
from desktop.ui.windows.journal_model import EntryTableModel
from desktop.words.errors import error_message
from desktop.words.present import describe, show_time

Loader = Callable[[str | None], Sequence[Record]]
KINDS = ("dose", "pain", "sleep", "effect", "note")


class JournalWindow(QMainWindow):
    """Lists, filters, deletes, undoes and asks to edit journal entries.

    ``load(kind)`` returns live records of one kind (or all for None); ``delete(id)``
    deletes one undoably; ``undo()`` undoes the latest delete or edit and returns what
    it undid (None if there was nothing). ``today`` gives the local date, so that the
    status line can say "at 09:00" for today's entries.
    """

    edit_requested = Signal(dict)

    def __init__(
        self,
        load: Loader,
        delete: Callable[[int], object],
        undo: Callable[[], UndoResult | None],
        *,
        today: Callable[[], date] = date.today,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._load, self._delete, self._undo, self._today = load, delete, undo, today
        self.setWindowTitle(self.tr("Ebb — Journal"))
        self.resize(820, 560)
        self.kind_names = {
            "dose": self.tr("Dose"),
            "pain": self.tr("Pain"),
            "sleep": self.tr("Sleep"),
            "effect": self.tr("Side effect"),
            "note": self.tr("Note"),
        }
        self.model = EntryTableModel(self.kind_names, self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterKeyColumn(-1)  # match time, kind and description
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self._stale = False
        self._build_widgets()
        self._build_actions()
        self.reload()

    # ---- building ---------------------------------------------------------------------

    def _build_widgets(self) -> None:
        show_label = self._build_filters()
        self._build_table()
        self.empty_label = QLabel()
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        self.empty_label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.table)
        self.stack.addWidget(self.empty_label)
        self._build_buttons()
        self._lay_out(show_label)
        self._connect_widgets()

    def _build_filters(self) -> QLabel:
        """The kind and text filters; returns the "Show:" label (its buddy: the kind)."""
        self.kind_filter = QComboBox()
        self.kind_filter.addItem(self.tr("All kinds"), None)
        for kind in KINDS:
            self.kind_filter.addItem(self.kind_names[kind], kind)
        self.kind_filter.setAccessibleName(self.tr("Kind of entry"))
        self.text_filter = QLineEdit()
        self.text_filter.setPlaceholderText(self.tr("Filter (Ctrl+F) — e.g. kratom, nausea, 2026-03"))
        self.text_filter.setClearButtonEnabled(True)
        self.text_filter.setAccessibleName(self.tr("Filter text"))
        show_label = QLabel(self.tr("&Show:"))
        show_label.setBuddy(self.kind_filter)
        return show_label

    def _build_table(self) -> None:
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setShowGrid(False)
        self.table.setWordWrap(False)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table, to the buttons
        self.table.verticalHeader().hide()
        # One line of text per row (the style's default row is roomier than a journal needs).
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 10)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(EntryTableModel.TIME, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(EntryTableModel.KIND, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(EntryTableModel.DESCRIPTION, QHeaderView.ResizeMode.Stretch)
        self.table.setAccessibleName(self.tr("Journal entries"))

    def _build_buttons(self) -> None:
        self.edit_button = QPushButton(self.tr("&Edit…"))
        self.delete_button = QPushButton(self.tr("&Delete"))
        self.undo_button = QPushButton(self.tr("&Undo"))
        self.edit_button.setToolTip(self.tr("Edit the selected entry (Enter)"))
        self.delete_button.setToolTip(self.tr("Delete the selected entry (Del); Undo brings it back"))
        self.undo_button.setToolTip(self.tr("Undo the last delete or edit (Ctrl+Z)"))

    def _lay_out(self, show_label: QLabel) -> None:
        """Filters above the list, buttons below (the tab order follows)."""
        filters = QHBoxLayout()
        filters.addWidget(show_label)
        filters.addWidget(self.kind_filter)
        filters.addWidget(self.text_filter, 1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for button in (self.edit_button, self.delete_button, self.undo_button):
            buttons.addWidget(button)
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.addLayout(filters)
        layout.addWidget(self.stack, 1)
        layout.addLayout(buttons)
        self.setCentralWidget(central)
        self.count_label = QLabel()
        self.statusBar().addPermanentWidget(self.count_label)

    def _connect_widgets(self) -> None:
        self.kind_filter.currentIndexChanged.connect(self.reload)
        self.text_filter.textChanged.connect(self._apply_text_filter)
        self.table.activated.connect(lambda _index: self.request_edit())
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.edit_button.clicked.connect(self.request_edit)
        self.delete_button.clicked.connect(self.delete_selected)
        self.undo_button.clicked.connect(self.undo)

    def _build_actions(self) -> None:
        def action(
            text: str, key: QKeySequence | QKeySequence.StandardKey, slot: Callable[[], None], owner: QWidget
        ) -> QAction:
            made = QAction(text, owner)
            made.setShortcut(key)
            made.setShortcutContext(
                Qt.ShortcutContext.WidgetShortcut
                if owner is self.table
                else Qt.ShortcutContext.WindowShortcut
            )
            made.triggered.connect(slot)
            owner.addAction(made)
            return made

        # Del belongs to the table only: in the filter box it deletes characters.
        self.delete_action = action(
            self.tr("Delete"), QKeySequence(QKeySequence.StandardKey.Delete), self.delete_selected, self.table
        )
        self.undo_action = action(
            self.tr("Undo"), QKeySequence(QKeySequence.StandardKey.Undo), self.undo, self
        )
        self.find_action = action(
            self.tr("Filter"), QKeySequence(QKeySequence.StandardKey.Find), self.focus_filter, self
        )
        self.clear_action = action(
            self.tr("Clear filter"), QKeySequence(Qt.Key.Key_Escape), self.clear_filter, self
        )
        self.reload_action = action(
            self.tr("Reload"), QKeySequence(QKeySequence.StandardKey.Refresh), self.reload, self
        )
        self.edit_action = action(self.tr("Edit"), QKeySequence("Ctrl+E"), self.request_edit, self)

    # ---- state ------------------------------------------------------------------------

    def kind(self) -> str | None:
        """The kind shown (None: all kinds)."""
        data = self.kind_filter.currentData()
        return None if data is None else str(data)

    def reload(self, *_args: object, select_id: int | None = None) -> None:
        """Read the entries again (after a change elsewhere), keeping the selection."""
        self._stale = False
        keep = select_id if select_id is not None else self.selected_id()
        self.model.set_records(self._load(self.kind()))
        self._after_change(keep)

    def reload_when_shown(self) -> None:
        """Reload now if the list is on screen, else when it next shows. The app calls this
        every minute and after each change; reading a 10-year journal for a hidden tab
        would cost a second each time."""
        if self.isVisible():
            self.reload()
        else:
            self._stale = True

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.reload()

    def _apply_text_filter(self, text: str) -> None:
        keep = self.selected_id()
        self.proxy.setFilterFixedString(text.strip())
        self._after_change(keep)

    def _after_change(self, keep: int | None, fallback_row: int = 0) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        if shown:
            self.stack.setCurrentWidget(self.table)
        else:
            self.empty_label.setText(self._empty_text(total))
            self.stack.setCurrentWidget(self.empty_label)
        if total == shown:
            self.count_label.setText(self.tr("{count} entries").format(count=total))
        else:
            self.count_label.setText(self.tr("{shown} of {total} entries").format(shown=shown, total=total))
        self._select(keep, fallback_row)
        self._update_buttons()

    def _empty_text(self, total: int) -> str:
        if total and self.text_filter.text().strip():
            return self.tr("No entries match “{text}”. Esc clears the filter.").format(
                text=self.text_filter.text().strip()
            )
        kind = self.kind()
        if kind is not None:
            return self.tr("No {kind} entries yet. Esc shows all kinds.").format(
                kind=self.kind_names[kind].lower()
            )
        return self.tr("Nothing logged yet. Use the tray menu or `ebb log pain 5`.")

    def _select(self, entry_id: int | None, fallback_row: int = 0) -> None:
        row = None if entry_id is None else self.model.row_of(entry_id)
        proxy_row = -1
        if row is not None:
            proxy_row = self.proxy.mapFromSource(self.model.index(row, 0)).row()
        if proxy_row < 0 and self.proxy.rowCount():
            proxy_row = min(max(fallback_row, 0), self.proxy.rowCount() - 1)
        if proxy_row < 0:
            self.table.clearSelection()
            return
        index = self.proxy.index(proxy_row, 0)
        self.table.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        )
        self.table.scrollTo(index)

    def _update_buttons(self, *_args: object) -> None:
        has = self.selected_record() is not None
        self.edit_button.setEnabled(has)
        self.delete_button.setEnabled(has)

    def selected_record(self) -> Record | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows or self.stack.currentWidget() is not self.table:
            return None
        return self.model.record(self.proxy.mapToSource(rows[0]).row())

    def selected_id(self) -> int | None:
        record = self.selected_record()
        return None if record is None else int(record["id"])

    # ---- words ------------------------------------------------------------------------

    def _what(self, record: Record) -> str:
        text = describe(record)
        if len(text) > 70:
            text = text[:69] + "…"
        if record["kind"] == "sleep":
            return self.tr("sleep diary, {what}").format(what=text)
        if record["kind"] == "note":
            return self.tr("note “{what}”").format(what=text)
        if record["kind"] == "effect":
            return self.tr("side effect {what}").format(what=text)
        return text

    def _when(self, record: Record) -> str:
        shown = show_time(record["at"])
        return shown[11:] if shown[:10] == self._today().isoformat() else shown

    def _status(self, text: str) -> None:
        self.statusBar().showMessage(text)

    # ---- actions ----------------------------------------------------------------------

    def focus_filter(self) -> None:
        self.text_filter.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.text_filter.selectAll()

    def clear_filter(self) -> None:
        """Esc: clear the text filter; pressed again, show all kinds."""
        if self.text_filter.text():
            self.text_filter.clear()
        elif self.kind_filter.currentIndex() != 0:
            self.kind_filter.setCurrentIndex(0)
        if self.stack.currentWidget() is self.table:
            self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def set_editing_available(self, available: bool) -> None:
        """Hide Edit where no edit dialog is wired up yet (no button that does nothing)."""
        self._editing = available
        self.edit_button.setVisible(available)
        self.edit_action.setEnabled(available)

    def request_edit(self) -> None:
        record = self.selected_record()
        if record is not None and getattr(self, "_editing", True):
            self.edit_requested.emit(dict(record))

    def delete_selected(self) -> None:
        record = self.selected_record()
        if record is None:
            self._status(self.tr("Select an entry to delete."))
            return
        row = self.table.selectionModel().selectedRows()[0].row()
        try:
            self._delete(int(record["id"]))
        except ValidationError as error:
            self._status(self.tr("Could not delete: {error}").format(error=error_message(error)))
            self.reload()
            return
        self.model.set_records(self._load(self.kind()))
        self._after_change(None, fallback_row=row)  # the next entry, so Del can go on
        self._status(
            self.tr("Deleted {what} at {when} — Ctrl+Z to undo").format(
                what=self._what(record), when=self._when(record)
            )
        )

    def undo(self) -> None:
        try:
            result = self._undo()
        except ValidationError as error:
            self._status(self.tr("Could not undo: {error}").format(error=error_message(error)))
            return
        if result is None:
            self._status(self.tr("Nothing to undo."))
            return
        self.reload(select_id=result.entry_id)
        row = self.model.row_of(result.entry_id)
        if row is None:  # hidden by the kind filter
            found = [r for r in self._load(None) if r["id"] == result.entry_id]
            if not found:
                self._status(self.tr("Undone."))
                return
            record = found[0]
        else:
            record = self.model.record(row)
        template = (
            self.tr("Restored {what} at {when}")
            if result.action == "delete"
            else self.tr("Undid the edit: {what} at {when} is back as it was")
        )
        self._status(template.format(what=self._what(record), when=self._when(record)))
