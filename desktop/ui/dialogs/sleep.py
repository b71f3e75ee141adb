"""Morning sleep diary: the items of the Consensus Sleep Diary (Carney et al., SLEEP 2012,
https://doi.org/10.5665/sleep.1642), with time in bed, total sleep time and sleep
efficiency shown live as the times are entered."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta, tzinfo
from typing import Any

from PySide6.QtCore import QDate, QTime
from PySide6.QtWidgets import QDateEdit, QLineEdit, QSpinBox, QTimeEdit, QWidget

from desktop.core.errors import ValidationError
from desktop.core.model import SleepEntry
from desktop.core.sleep import resolve_night_times
from desktop.core.validation import validate_sleep
from desktop.ui.dialogs.base import EntryDialog, NowCallback, SaveCallback, StatusLine
from desktop.ui.dialogs.choices import ChoiceRow

MAX_MINUTES = 24 * 60


class SleepDialog(EntryDialog):
    """Log one night. ``bedtime`` and ``wake_time`` (the user's settings) pre-fill the
    clock times, which the user then corrects; the night defaults to last night."""

    def __init__(
        self,
        save: SaveCallback,
        now: NowCallback,
        zone: tzinfo,
        *,
        bedtime: time = time(23, 0),
        wake_time: time = time(7, 0),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(save, now, zone, parent)
        self.setWindowTitle(self.tr("Sleep diary"))
        self._build_night_fields(bedtime, wake_time)
        self._build_rating_fields()
        self.summary = StatusLine()
        self._layout.addWidget(self.summary)
        self.finish()

        for edit in (self.in_bed, self.try_sleep, self.final_wake, self.out_of_bed):
            edit.timeChanged.connect(self.update_summary)
        for spin in (self.sol, self.awakenings, self.waso):
            spin.valueChanged.connect(self.update_summary)
        self.night.dateChanged.connect(self.update_summary)
        self.update_summary()
        self.in_bed.setFocus()

    def _build_night_fields(self, bedtime: time, wake_time: time) -> None:
        """The night, and its times and minutes in the diary's order, bed to getting up."""
        last_night = self.now().astimezone(self.zone).date() - timedelta(days=1)
        self.night = QDateEdit(QDate(last_night.year, last_night.month, last_night.day))
        self.night.setDisplayFormat("ddd yyyy-MM-dd")
        self.night.setCalendarPopup(True)
        self.night.setToolTip(self.tr("The date of the evening the night began"))
        self.add_field("night", self.tr("&Night of"), self.night)
        self.in_bed = self._clock(bedtime, self.tr("What time did you get into bed?"))
        self.add_field("in_bed", self.tr("Into &bed"), self.in_bed)
        self.try_sleep = self._clock(bedtime, self.tr("What time did you try to go to sleep?"))
        self.add_field("try_sleep", self.tr("&Tried to sleep"), self.try_sleep)
        self.sol = self._minutes(self.tr("How long did it take you to fall asleep?"))
        self.add_field("sol", self.tr("&Minutes to fall asleep"), self.sol)
        self.awakenings = QSpinBox()
        self.awakenings.setRange(0, 100)
        self.awakenings.setToolTip(
            self.tr("How many times did you wake up, not counting your final awakening?")
        )
        self.add_field("awakenings", self.tr("&Awakenings"), self.awakenings)
        self.waso = self._minutes(self.tr("In total, how long did these awakenings last?"))
        self.add_field("waso", self.tr("Minutes awa&ke in the night"), self.waso)
        self.final_wake = self._clock(wake_time, self.tr("What time was your final awakening?"))
        self.add_field("final_wake", self.tr("&Final awakening"), self.final_wake)
        self.out_of_bed = self._clock(wake_time, self.tr("What time did you get out of bed for the day?"))
        self.add_field("out_of_bed", self.tr("Out of be&d"), self.out_of_bed)

    def _build_rating_fields(self) -> None:
        self.quality = ChoiceRow(
            [
                (1, self.tr("1 very poor")),
                (2, self.tr("2 poor")),
                (3, self.tr("3 fair")),
                (4, self.tr("4 good")),
                (5, self.tr("5 very good")),
            ],
            {str(n): n for n in range(1, 6)},
            radio=True,
        )
        self.quality.setToolTip(self.tr("How would you rate the quality of your sleep? Keys 1–5 choose."))
        self.add_field("quality", self.tr("&Quality"), self.quality)
        self.note = QLineEdit()
        self.add_field("note", self.tr("N&ote"), self.note)

    def load(self, record: dict[str, Any]) -> None:
        """Open as an edit of a journal record: the night, its clock times (in the
        dialog's zone), the numbers, quality and note."""
        self.begin_edit(record, self.tr("Edit sleep diary"))
        night = date.fromisoformat(record["night"])
        self.night.setDate(QDate(night.year, night.month, night.day))
        for field, edit in (
            ("in_bed", self.in_bed),
            ("try_sleep", self.try_sleep),
            ("final_wake", self.final_wake),
            ("out_of_bed", self.out_of_bed),
        ):
            clock = datetime.fromisoformat(record[field]).astimezone(self.zone)
            edit.setTime(QTime(clock.hour, clock.minute))
        self.sol.setValue(int(record["sol_min"]))
        self.awakenings.setValue(int(record["awakenings"]))
        self.waso.setValue(int(record["waso_min"]))
        self.quality.set_value(int(record["quality"]))
        self.note.setText(record.get("note") or "")
        self.update_summary()

    def _clock(self, value: time, question: str) -> QTimeEdit:
        edit = QTimeEdit(QTime(value.hour, value.minute))
        edit.setDisplayFormat("HH:mm")
        edit.setWrapping(True)
        edit.setToolTip(question)
        return edit

    def _minutes(self, question: str) -> QSpinBox:
        spin = QSpinBox()
        spin.setRange(0, MAX_MINUTES)
        spin.setSingleStep(5)
        spin.setSuffix(self.tr(" min"))
        spin.setToolTip(question)
        return spin

    def _entry(self, quality: object, note: object) -> SleepEntry:
        day = self.night.date()
        night = date(day.year(), day.month(), day.day())
        times = resolve_night_times(
            night,
            {
                field: edit.time().toString("HH:mm")
                for field, edit in (
                    ("in_bed", self.in_bed),
                    ("try_sleep", self.try_sleep),
                    ("final_wake", self.final_wake),
                    ("out_of_bed", self.out_of_bed),
                )
            },
            self.zone,
        )
        return validate_sleep(
            night,
            times["in_bed"],
            times["try_sleep"],
            self.sol.value(),
            self.awakenings.value(),
            self.waso.value(),
            times["final_wake"],
            times["out_of_bed"],
            quality,
            self.now(),
            note=note,
        )

    def build_value(self) -> SleepEntry:
        quality = self.quality.value()
        if quality is None:
            raise ValidationError("quality", self.tr("none chosen; choose 1 (very poor) to 5 (very good)"))
        return self._entry(quality, self.note.text())

    def update_summary(self) -> None:
        """Time in bed, total sleep and efficiency, or what makes the night impossible."""
        try:
            # Quality does not enter TIB, TST or SE; 1 stands in until it is chosen.
            entry = self._entry(self.quality.value() or 1, None)
        except ValidationError as exc:
            self.summary.show_message(StatusLine.ERROR, self.field_message(exc))
            return
        self.summary.show_message(
            StatusLine.INFO,
            self.tr("In bed {tib} · asleep {tst} · efficiency {se} %").format(
                tib=self._duration(entry.time_in_bed_min),
                tst=self._duration(entry.total_sleep_min),
                se=f"{entry.sleep_efficiency:.0f}",
            ),
        )

    def _duration(self, minutes: float) -> str:
        hours, rest = divmod(round(minutes), 60)
        if not hours:
            return self.tr("{minutes} min").format(minutes=rest)
        return self.tr("{hours} h {minutes} min").format(hours=hours, minutes=rest)

    def show_error(self, exc: ValidationError) -> None:
        super().show_error(exc)
        if self.error.text() == self.summary.text():  # already said by the live line
            self.error.clear()
