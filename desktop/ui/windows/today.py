"""The Today view: shows a :class:`~desktop.services.today.TodaySummary` (what is due,
what was taken, where the user stands against their own limits, today's pain, last
night's sleep and tomorrow's reminders). The view never touches the database, so the app
decides when to refresh it; it is built (and shown while the journal opens) before the
journal and the planner are imported. Discreet mode applies to notifications, not to this
window, but substance names stay out of the window title.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QLocale
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QScrollArea, QVBoxLayout, QWidget

from desktop.words.present import fmt

if TYPE_CHECKING:
    from desktop.services.today import LimitStatus, ReminderLine, TodaySummary


# ---- the widget -------------------------------------------------------------------------


class _Section(QFrame):
    """A titled block of rows (each a list of cells) or a muted empty-state line."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        outer = QVBoxLayout(self)
        self.title = QLabel(title)
        font = self.title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.1)
        self.title.setFont(font)
        outer.addWidget(self.title)
        self._body = QWidget()
        self._grid = QGridLayout(self._body)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setHorizontalSpacing(16)
        outer.addWidget(self._body)
        self._labels: list[QLabel] = []

    def _clear(self) -> None:
        for label in self._labels:
            self._grid.removeWidget(label)
            label.deleteLater()
        self._labels = []

    def show_rows(self, rows: Sequence[Sequence[str]], *, muted_last: bool = False) -> None:
        """One grid row per entry; the last cell of a row takes the spare width."""
        self._clear()
        width = max((len(r) for r in rows), default=1)
        for row_index, row in enumerate(rows):
            for column, text in enumerate(row):
                label = self._label(text)
                last = column == len(row) - 1
                if muted_last and last and len(row) > 1:
                    label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
                span = width - column if last else 1
                self._grid.addWidget(label, row_index, column, 1, span)
        self._grid.setColumnStretch(width - 1, 1)

    def show_empty(self, text: str) -> None:
        self._clear()
        label = self._label(text)
        # The palette's muted text colour works in light and dark schemes alike.
        label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self._grid.addWidget(label, 0, 0, 1, max(1, self._grid.columnCount()))

    def _label(self, text: str) -> QLabel:
        # Imported here, not above: PySide6 builds the whole Qt namespace (about 20 ms)
        # on first access, and the view is shown while the journal opens, before any row.
        from PySide6.QtCore import Qt

        label = QLabel(text)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self._labels.append(label)
        return label

    def texts(self) -> list[str]:
        """The shown texts, row by row (for tests and accessibility checks)."""
        return [label.text() for label in self._labels]


class TodayView(QWidget):
    """Shows a :class:`TodaySummary`; call :meth:`refresh` with a new one to update."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Ebb — Today"))
        self.resize(640, 760)
        self.heading = QLabel()
        font = self.heading.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.5)
        self.heading.setFont(font)
        self.as_of = QLabel()
        self.as_of.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.sections = {
            "due": _Section(self.tr("Due now")),
            "doses": _Section(self.tr("Doses today")),
            "limits": _Section(self.tr("Your limits (last 24 hours)")),
            "pain": _Section(self.tr("Pain today")),
            "sleep": _Section(self.tr("Last night's sleep")),
            "tomorrow": _Section(self.tr("Tomorrow's reminders")),
        }
        content = QWidget()
        column = QVBoxLayout(content)
        column.addWidget(self.heading)
        column.addWidget(self.as_of)
        for section in self.sections.values():
            column.addWidget(section)
        column.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(content)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)

    # ---- words ----------------------------------------------------------------------

    def _clock(self, moment: datetime, today: date) -> str:
        if moment.date() == today:
            return f"{moment:%H:%M}"
        if moment.date() == today + timedelta(days=1):
            return self.tr("tomorrow {time}").format(time=f"{moment:%H:%M}")
        return f"{moment:%Y-%m-%d %H:%M}"

    def _what(self, line: ReminderLine) -> str:
        words = {
            "melatonin": self.tr("Melatonin"),
            "dose": self.tr("Dose"),
            "checkin": self.tr("Pain check-in"),
            "followup": self.tr("Pain follow-up"),
            "sleep_diary": self.tr("Sleep diary"),
        }
        word = words.get(line.kind, line.kind)
        if line.substance and line.kind in ("melatonin", "dose"):
            return line.substance
        return word

    def _why(self, line: ReminderLine) -> str:
        """The reason without repeating what the reminder is ("pain check-in")."""
        what = self._what(line)
        if line.reason.casefold().startswith(what.casefold()):
            return line.reason[len(what) :].strip()
        return line.reason

    def _doses_word(self, count: int) -> str:
        return self.tr("1 dose") if count == 1 else self.tr("{count} doses").format(count=count)

    def _used_line(self, status: LimitStatus) -> str:
        parts = []
        if status.max_doses is not None:
            parts.append(
                self.tr("{used} of {limit} doses").format(used=status.used_count, limit=status.max_doses)
            )
        if status.daily_cap is not None:
            parts.append(
                self.tr("{used} of {cap} {unit}").format(
                    used=fmt(round(status.used_amount, 3)), cap=fmt(status.daily_cap), unit=status.unit
                )
            )
        if not parts:
            parts.append(self._doses_word(status.used_count))
        return self.tr("{used} in the last 24 h").format(used=" · ".join(parts))

    def _next_line(self, status: LimitStatus, today: date) -> str:
        if status.next_ok is None:
            return self.tr(
                "Your usual amount ({usual} {unit}) is above your own 24-hour cap ({cap} {unit})."
            ).format(usual=fmt(status.usual_amount or 0), cap=fmt(status.daily_cap or 0), unit=status.unit)
        if status.ok_now:
            text = self.tr("Within your limits now")
        else:
            text = self.tr("Next dose within your limits from {time}").format(
                time=self._clock(status.next_ok, today)
            )
        notes = []
        if status.min_interval_h is not None:
            notes.append(self.tr("at least {hours} h between doses").format(hours=fmt(status.min_interval_h)))
        if status.usual_amount is None:
            notes.append(self.tr("no usual amount set, so counted by doses and interval"))
        if notes:
            text += " (" + "; ".join(notes) + ")"
        return text + "."

    def _hours(self, minutes: float) -> str:
        whole = max(0, round(minutes))
        return self.tr("{hours} h {minutes} min").format(hours=whole // 60, minutes=f"{whole % 60:02d}")

    def _awakenings(self, count: int) -> str:
        if count == 0:
            return self.tr("not during the night")
        if count == 1:
            return self.tr("once during the night")
        return self.tr("{count} times during the night").format(count=count)

    def _quality(self, quality: int) -> str:
        words = (
            self.tr("very poor"),
            self.tr("poor"),
            self.tr("fair"),
            self.tr("good"),
            self.tr("very good"),
        )
        return words[quality - 1] if 1 <= quality <= 5 else str(quality)

    # ---- sections -------------------------------------------------------------------

    def show_starting(self) -> None:
        """What the view says in the moment before the journal is open."""
        self.heading.setText(self.tr("Today"))
        self.as_of.setText(self.tr("Opening your journal…"))
        for section in self.sections.values():
            section.hide()

    def refresh(self, summary: TodaySummary) -> None:
        """Show ``summary`` (computed by :func:`~desktop.services.today.today_summary`)."""
        for section in self.sections.values():
            section.show()
        today = summary.today
        locale = QLocale()
        day_text = locale.toString(QDate(today.year, today.month, today.day), "dddd d MMMM")
        self.heading.setText(self.tr("Today, {day}").format(day=day_text))
        self.as_of.setText(self.tr("As of {time}").format(time=f"{summary.now:%H:%M}"))
        self._show_due(summary)
        self._show_doses(summary)
        self._show_limits(summary)
        self._show_pain(summary)
        self._show_sleep(summary)
        self._show_tomorrow(summary)

    def _show_due(self, summary: TodaySummary) -> None:
        section = self.sections["due"]
        if summary.due_now:
            section.show_rows(
                [[self._clock(r.due, summary.today), self._what(r), self._why(r)] for r in summary.due_now],
                muted_last=True,
            )
            return
        text = self.tr("Nothing due right now.")
        if summary.paused_until is not None:
            text += " " + self.tr("Reminders are paused until {time}.").format(
                time=self._clock(summary.paused_until, summary.today)
            )
        elif summary.next_reminder is not None:
            line = summary.next_reminder
            text += " " + self.tr("Next: {what} at {time}.").format(
                what=self._what(line), time=self._clock(line.due, summary.today)
            )
        section.show_empty(text)

    def _show_doses(self, summary: TodaySummary) -> None:
        section = self.sections["doses"]
        if not summary.doses:
            section.show_empty(self.tr("No doses logged today."))
            return
        section.show_rows(
            [
                [t.substance, f"{self._doses_word(t.count)} · {fmt(round(t.total, 3))} {t.unit}"]
                for t in summary.doses
            ]
        )

    def _show_limits(self, summary: TodaySummary) -> None:
        section = self.sections["limits"]
        if not summary.limits:
            section.show_empty(
                self.tr(
                    "No limits set. You can set your own (ideally with your clinician) for each "
                    "substance: minimum hours between doses, doses per 24 h, amount per 24 h."
                )
                if summary.has_substances
                else self.tr("No substances yet — add one with your own limits in Settings (Ctrl+,)")
            )
            return
        rows = []
        for status in summary.limits:
            rows.append([status.substance, self._used_line(status)])
            rows.append(["", self._next_line(status, summary.today)])
        section.show_rows(rows)

    def _show_pain(self, summary: TodaySummary) -> None:
        section = self.sections["pain"]
        if not summary.pains:
            section.show_empty(
                # The window's own Log menu: there may be no tray at all (GNOME, weston).
                self.tr(
                    "No pain check-ins today — log one with Log → Pain check-in (Ctrl+P), or: ebb log pain 5"
                )
            )
            return
        latest = summary.pains[-1]
        rows = [
            [
                self.tr("Latest"),
                self.tr("{score}/10 at {time}").format(score=latest.score, time=f"{latest.at:%H:%M}"),
            ]
        ]
        if len(summary.pains) > 1:
            rows.append(
                [
                    self.tr("All today"),
                    " · ".join(
                        self.tr("{score} at {time}").format(score=p.score, time=f"{p.at:%H:%M}")
                        for p in summary.pains
                    ),
                ]
            )
        section.show_rows(rows)

    def _show_sleep(self, summary: TodaySummary) -> None:
        section = self.sections["sleep"]
        night = summary.sleep
        if night is None:
            section.show_empty(
                self.tr(
                    "No sleep diary for last night — log it with Log → Sleep diary (Ctrl+L), or: "
                    "ebb log sleep --night {night} …"
                ).format(night=(summary.today - timedelta(days=1)).isoformat())
            )
            return
        section.show_rows(
            [
                [
                    self.tr("Slept"),
                    self.tr("{asleep} of {in_bed} in bed").format(
                        asleep=self._hours(night.total_sleep_min), in_bed=self._hours(night.time_in_bed_min)
                    ),
                ],
                [
                    self.tr("Sleep efficiency"),
                    self.tr("{percent} %").format(percent=f"{night.efficiency:.0f}"),
                ],
                [
                    self.tr("Quality"),
                    self.tr("{quality}/5 ({words})").format(
                        quality=night.quality, words=self._quality(night.quality)
                    ),
                ],
                [self.tr("Fell asleep"), self.tr("after {minutes} min").format(minutes=night.sol_min)],
                [self.tr("Woke up"), self._awakenings(night.awakenings)],
            ]
        )

    def _show_tomorrow(self, summary: TodaySummary) -> None:
        section = self.sections["tomorrow"]
        rows = [[f"{r.due:%H:%M}", self._what(r), self._why(r)] for r in summary.tomorrow_plan]
        # A substance without a dose reminder says why ("no dose reminders — you logged
        # no doses in the last 14 days …"), not just nothing.
        rows += [["", line.substance, line.reason] for line in summary.tomorrow_without_doses]
        if not rows:
            section.show_empty(
                self.tr(
                    "No reminders planned for tomorrow. Set check-in times, bedtime and dose times "
                    "in Settings."
                )
            )
            return
        section.show_rows(rows, muted_last=True)
