"""What every quick-entry dialog shares: a form, a "when" field, one error line naming the
field, and a save that never loses what the user typed.

A dialog builds its value with the core validators (``desktop.core.validation``) and hands it
to the ``save`` callback it was given. Bad input (from the validators or from ``save``, e.g.
"night already has a sleep diary") is shown under the form and the offending widget gets the
focus; a failing disk or database is reported with the promise the dialog keeps: nothing
typed is lost, the dialog stays open. The dialogs only check that something was *chosen or
typed* where a widget can be left blank; every check of a value is the core's.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import datetime, tzinfo
from typing import Any, ClassVar

from PySide6.QtCore import QDate, QDateTime, QEvent, Qt, QTime, QTimeZone
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import (
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from desktop.core.errors import ValidationError
from desktop.core.times import localize
from desktop.words.errors import error_message

SaveCallback = Callable[[Any], object]
NowCallback = Callable[[], datetime]

DATE_TIME_FORMAT = "yyyy-MM-dd HH:mm"


def to_qdatetime(wall: datetime) -> QDateTime:
    """A wall-clock time carried in a UTC ``QDateTime``.

    Qt would apply the *system* zone's DST rules to a local-time QDateTime (and move a time
    in a spring-forward gap); in UTC nothing moves. The dialog's own zone is applied when
    the value is read back (:meth:`EntryDialog.when`).
    """
    return QDateTime(QDate(wall.year, wall.month, wall.day), QTime(wall.hour, wall.minute), QTimeZone.utc())


def from_qdatetime(value: QDateTime) -> datetime:
    """The naive wall-clock time shown by a widget fed with :func:`to_qdatetime`."""
    day, clock = value.date(), value.time()
    return datetime(day.year(), day.month(), day.day(), clock.hour(), clock.minute())


def plain_label(text: str) -> str:
    """A label's text without its mnemonic marker: "&When" -> "When", "A && B" -> "A & B"."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def error_colour(palette: QPalette) -> QColor:
    """Red that reads on the palette's background: dark red on light, light red on dark."""
    dark = palette.color(QPalette.ColorRole.Window).lightness() < 128
    return QColor("#ff8a80" if dark else "#b00020")


class StatusLine(QWidget):
    """One line of feedback under a form: an error (red text and an icon), a warning (icon)
    or information (plain text). Hidden while empty."""

    ERROR, WARNING, INFO = "error", "warning", "info"
    _ICONS: ClassVar[dict[str, QStyle.StandardPixmap]] = {
        ERROR: QStyle.StandardPixmap.SP_MessageBoxCritical,
        WARNING: QStyle.StandardPixmap.SP_MessageBoxWarning,
    }

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = ""
        self.icon = QLabel()
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.PlainText)  # messages quote user input
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.icon, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.label, 1)
        self.hide()

    def text(self) -> str:
        return "" if self.isHidden() else self.label.text()

    def show_message(self, kind: str, text: str) -> None:
        self.kind = kind
        self.label.setText(text)
        self.setAccessibleName(text)
        standard = self._ICONS.get(kind)
        if standard is None:
            self.icon.hide()
        else:
            size = self.style().pixelMetric(QStyle.PixelMetric.PM_SmallIconSize)
            self.icon.setPixmap(self.style().standardIcon(standard).pixmap(size, size))
            self.icon.show()
        self._apply_colour()
        self.show()

    def clear(self) -> None:
        self.kind = ""
        self.label.clear()
        self.hide()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:  # light/dark switch while shown
            self._apply_colour()

    def _apply_colour(self) -> None:
        palette = QPalette(self.palette())
        if self.kind == self.ERROR:
            palette.setColor(QPalette.ColorRole.WindowText, error_colour(self.palette()))
        self.label.setPalette(palette)


class EntryDialog(QDialog):
    """Base of the quick-entry dialogs.

    Subclasses add their rows with :meth:`add_field` (and :meth:`add_when_field`), call
    :meth:`finish` at the end of ``__init__``, and implement :meth:`build_value`. The
    saved value is kept in :attr:`value` after ``accept()``.
    """

    def __init__(
        self, save: SaveCallback, now: NowCallback, zone: tzinfo, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._save = save
        self._now = now
        self.zone = zone
        self.value: Any = None
        self._fields: dict[str, tuple[str, QWidget]] = {}
        self._layout = QVBoxLayout(self)
        self.form = QFormLayout()
        # Text fields take the width; times, numbers and lists keep their natural size.
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self._form_added = False
        self.when_edit: QDateTimeEdit | None = None
        self.record: dict[str, Any] | None = None  # the journal record being edited, if any

    # Building the form -------------------------------------------------------------

    def now(self) -> datetime:
        return self._now()

    def add_text(self, text: str, *, hint: bool = False) -> QLabel:
        """A paragraph of explanation (above the form, or below it once rows exist)."""
        label = QLabel(text)
        label.setWordWrap(True)
        if hint:
            label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self._layout.addWidget(label)
        return label

    def add_field(
        self,
        field: str,
        label: str,
        widget: QWidget,
        *,
        row: QWidget | None = None,
        aliases: tuple[str, ...] = (),
    ) -> QLabel:
        """A form row; ``field`` is the core's field name, so its errors focus ``widget``."""
        if not self._form_added:
            self._layout.addLayout(self.form)
            self._form_added = True
        caption = QLabel(label)
        caption.setBuddy(widget)
        self.form.addRow(caption, row or widget)
        for name in (field, *aliases):
            self._fields[name] = (plain_label(label), widget)
        return caption

    def add_when_field(self) -> QDateTimeEdit:
        """The "When" field, defaulting to now (to the minute) in the dialog's zone."""
        edit = QDateTimeEdit()
        edit.setTimeZone(QTimeZone.utc())  # see to_qdatetime
        edit.setDisplayFormat(DATE_TIME_FORMAT)
        edit.setCalendarPopup(True)
        edit.setDateTime(to_qdatetime(self.now().astimezone(self.zone)))
        edit.setToolTip(self.tr("Date and time of the entry; type over the numbers or press Alt+Down"))
        self.add_field("at", self.tr("&When"), edit)
        self.when_edit = edit
        return edit

    def show_moment(self, edit: QDateTimeEdit, moment: str) -> None:
        """Show a record's ISO time (with its offset) as wall-clock time in the dialog's zone."""
        edit.setDateTime(to_qdatetime(datetime.fromisoformat(moment).astimezone(self.zone)))

    def begin_edit(self, record: dict[str, Any], title: str) -> None:
        """Common part of a subclass's ``load``: remember the record, retitle, show its time."""
        self.record = dict(record)
        self.setWindowTitle(title)
        if self.when_edit is not None:
            self.show_moment(self.when_edit, record["at"])

    @property
    def editing(self) -> bool:
        return self.record is not None

    def when(self) -> datetime:
        assert self.when_edit is not None
        return localize(from_qdatetime(self.when_edit.dateTime()), self.zone)

    def finish(self) -> None:
        """Add the message lines and the Save / Cancel buttons after the subclass's rows
        (so that they also come last in the Tab order)."""
        self.warning = StatusLine()
        self.error = StatusLine()
        self._layout.addWidget(self.warning)
        self._layout.addWidget(self.error)
        self.buttons = QDialogButtonBox()
        self.save_button = QPushButton(self.tr("&Save"))
        self.save_button.setDefault(True)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setToolTip(self.tr("Close without saving (Esc)"))
        self.buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        self._layout.addWidget(self.buttons)
        # Wide enough that a message under the form wraps into a few lines, not a column.
        # (On the button row, not the dialog: a dialog's own minimum would override its
        # layout's and let wide rows be squeezed.)
        self.buttons.setMinimumWidth(self.fontMetrics().averageCharWidth() * 68)

    # Saving --------------------------------------------------------------------------

    def build_value(self) -> Any:
        """The journal value from the widgets, through the core validators."""
        raise NotImplementedError

    def review(self, value: Any) -> Any | None:
        """A last look before saving; return the value to save, or None to stop here."""
        return value

    def submit(self) -> None:
        """Validate, save, close; or say what went wrong and keep everything as typed."""
        self.error.clear()
        try:
            value = self.review(self.build_value())
            if value is None:
                return
            self._save(value)
        except ValidationError as exc:
            self.show_error(exc)
            return
        except (OSError, sqlite3.Error) as exc:
            self.show_save_failure(exc)
            return
        self.value = value
        self.accept()

    def field_message(self, exc: ValidationError) -> str:
        """ "Amount: 'abc' is not a number" — the form's label for the core's field name."""
        label = self._fields.get(exc.field, (exc.field, None))[0]
        return self.tr("{field}: {message}").format(field=label, message=error_message(exc))

    def show_error(self, exc: ValidationError) -> None:
        self.error.show_message(StatusLine.ERROR, self.field_message(exc))
        widget = self._fields.get(exc.field, (None, None))[1]
        if widget is not None:
            widget.setFocus(Qt.FocusReason.OtherFocusReason)

    def show_save_failure(self, exc: OSError | sqlite3.Error) -> None:
        reason = (exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)).rstrip(".")
        self.error.show_message(
            StatusLine.ERROR,
            self.tr("Could not save: {reason}. Nothing was lost: your entry is still here.").format(
                reason=reason or type(exc).__name__
            ),
        )
