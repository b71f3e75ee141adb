"""Log a dose: the user's own amount, checked against the user's own limits before saving.

Ebb never suggests an amount: the field starts with the usual amount the user set for
the substance, or empty. A dose beyond a limit can still be logged (a journal records
what happened) after the warning has been read and "Log anyway" pressed; it then
carries the limit's reason codes.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from datetime import datetime, timedelta, tzinfo
from typing import Any

from PySide6.QtWidgets import QComboBox, QDateTimeEdit, QHBoxLayout, QLabel, QLineEdit, QWidget

from desktop.core.errors import ValidationError
from desktop.core.model import Dose, DoseSource, Substance
from desktop.core.safety import LimitReason, Verdict
from desktop.core.validation import validate_dose
from desktop.ui.dialogs.base import EntryDialog, NowCallback, SaveCallback, StatusLine
from desktop.ui.dialogs.words import WordsEdit
from desktop.words.present import fmt

CheckLimits = Callable[[Substance, float, datetime], Verdict]


class DoseDialog(EntryDialog):
    """Log a dose of one of ``substances``; ``check_limits`` judges it before it is saved."""

    def __init__(
        self,
        save: SaveCallback,
        now: NowCallback,
        zone: tzinfo,
        *,
        substances: Sequence[Substance],
        check_limits: CheckLimits,
        selected: str | None = None,
        source: str = DoseSource.MANUAL,
        suggestions: Mapping[str, Sequence[str]] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(save, now, zone, parent)
        self._substances = list(substances)
        self._check_limits = check_limits
        self._source = source
        self._warned_for: tuple[str, float, datetime] | None = None
        self._filled_amount = ""
        self.setWindowTitle(self.tr("Log a dose"))
        self._build_dose_fields()
        self._build_detail_fields(suggestions or {})
        when = self.add_when_field()
        self.finish()
        self._start(selected, when)

    def _build_dose_fields(self) -> None:
        """Substance, amount (with its unit beside it) and the pain before the dose."""
        self.substance = QComboBox()
        self.substance.addItems([s.name for s in self._substances])
        self.add_field("substance", self.tr("S&ubstance"), self.substance)
        self.amount = QLineEdit()
        self.unit = QLabel()
        amount_row = QWidget()
        row = QHBoxLayout(amount_row)
        row.setContentsMargins(0, 0, 0, 0)
        self.amount.setMaximumWidth(self.amount.fontMetrics().averageCharWidth() * 14)
        row.addWidget(self.amount)
        row.addWidget(self.unit)
        row.addStretch(1)
        self.add_field("amount", self.tr("&Amount"), self.amount, row=amount_row)
        self.pain = QComboBox()
        self.pain.addItem(self.tr("not given"), None)
        for score in range(11):
            self.pain.addItem(str(score), score)
        self.pain.setToolTip(self.tr("0 no pain … 10 worst imaginable; type the number"))
        self.add_field("pain_before", self.tr("&Pain right now"), self.pain)

    def _build_detail_fields(self, words: Mapping[str, Sequence[str]]) -> None:
        """The optional product, form, batch and note (``words``: earlier products and forms)."""
        self.product = WordsEdit(words.get("product", ()))
        self.product.setPlaceholderText(self.tr("optional, e.g. the brand or strain"))
        self.add_field("product", self.tr("P&roduct"), self.product)
        self.form_edit = WordsEdit(words.get("form", ()))
        self.form_edit.setPlaceholderText(self.tr("optional, e.g. powder, capsule, tea"))
        self.add_field("form", self.tr("F&orm"), self.form_edit)
        self.batch = QLineEdit()
        self.batch.setToolTip(self.tr("Product batch or lot, if you track it"))
        self.add_field("batch", self.tr("&Batch"), self.batch)
        self.note = QLineEdit()
        self.add_field("note", self.tr("&Note"), self.note)

    def _start(self, selected: str | None, when: QDateTimeEdit) -> None:
        """The selected substance and its usual amount; any change forgets a warning."""
        if selected is not None and selected in self.substance_names():
            self.substance.setCurrentIndex(self.substance_names().index(selected))
        self._fill_amount()
        self.substance.currentIndexChanged.connect(self._fill_amount)
        for signal in (
            self.substance.currentIndexChanged,
            self.amount.textEdited,
            when.dateTimeChanged,
        ):
            signal.connect(self._forget_warning)
        if not self._substances:
            self.error.show_message(
                StatusLine.INFO,
                self.tr("No substances yet. Add one in Settings first, with your own limits."),
            )
            self.save_button.setEnabled(False)
        self.amount.setFocus()

    def load(self, record: dict[str, Any]) -> None:
        """Open as an edit of a journal record. Its source is kept.
        ``check_limits`` must leave this very dose out of the history (the app passes
        one that does), so a changed dose is judged as if logged in its place."""
        self.begin_edit(record, self.tr("Edit dose"))
        names = [name.casefold() for name in self.substance_names()]
        name = str(record["substance"]).casefold()
        if name in names:
            self.substance.setCurrentIndex(names.index(name))
        else:
            self.error.show_message(
                StatusLine.ERROR,
                self.tr("The substance {name} is no longer in your list.").format(name=record["substance"]),
            )
        self.amount.setText(fmt(record["amount"]))
        self._filled_amount = ""
        pain_before = record.get("pain_before")
        self.pain.setCurrentIndex(0 if pain_before is None else int(pain_before) + 1)  # 0: not given
        self.product.setText(record.get("product") or "")
        self.form_edit.setText(record.get("form") or "")
        self.batch.setText(record.get("batch") or "")
        self.note.setText(record.get("note") or "")
        self._source = record.get("source") or DoseSource.MANUAL

    def substance_names(self) -> list[str]:
        return [s.name for s in self._substances]

    def current_substance(self) -> Substance | None:
        index = self.substance.currentIndex()
        return self._substances[index] if index >= 0 else None

    def _fill_amount(self) -> None:
        """Put the substance's usual amount in the field (or nothing), unless the user typed."""
        substance = self.current_substance()
        self.unit.setText(substance.unit if substance else "")
        if self.amount.text() != self._filled_amount:
            return
        usual = substance.usual_amount if substance else None
        self._filled_amount = "" if usual is None else fmt(usual)
        self.amount.setText(self._filled_amount)

    def amount_text(self) -> str:
        """The typed amount; a decimal comma ("2,5", as many keyboards type it) reads as a point."""
        text = self.amount.text().strip()
        return text.replace(",", ".") if text.count(",") == 1 and "." not in text else text

    def build_value(self) -> Dose:
        substance = self.current_substance()
        if substance is None:
            raise ValidationError("substance", self.tr("none to choose; add one in Settings first"))
        if not self.amount_text():
            raise ValidationError("amount", self.tr("is empty; enter the amount you took"))
        return validate_dose(
            substance,
            self.amount_text(),
            self.when(),
            self.now(),
            pain_before=self.pain.currentData(),
            form=self.form_edit.text(),
            product=self.product.text(),
            batch=self.batch.text(),
            note=self.note.text(),
            source=self._source,
        )

    def review(self, value: Dose) -> Dose | None:
        """Within the limits: save. Beyond them: warn first; log it with the reasons when
        the user presses "Log anyway" for the same substance, amount and time. An edit
        that leaves substance, amount and time alone keeps the warnings the entry was
        logged with; one that changes them is judged again like a new dose."""
        if self.record is not None and self._unchanged_dose(value):
            return replace(value, warnings=tuple(self.record.get("warnings") or ()))
        substance = self.current_substance()
        assert substance is not None
        verdict = self._check_limits(substance, value.amount, value.at)
        if verdict.ok:
            return value
        key = (value.substance, value.amount, value.at)
        if self._warned_for == key:
            return replace(value, warnings=tuple(str(reason) for reason in verdict.reasons))
        self._warned_for = key
        self.warning.show_message(StatusLine.WARNING, self.limit_warning(substance, value, verdict))
        self.save_button.setText(self.tr("&Log anyway") if self.record is None else self.tr("&Save anyway"))
        return None

    def _unchanged_dose(self, value: Dose) -> bool:
        assert self.record is not None
        before = self.record
        return (
            str(before["substance"]).casefold() == value.substance.casefold()
            and float(before["amount"]) == value.amount
            and datetime.fromisoformat(before["at"]) == value.at
        )

    def _forget_warning(self) -> None:
        self._warned_for = None
        self.warning.clear()
        self.save_button.setText(self.tr("&Save"))

    def limit_warning(self, substance: Substance, dose: Dose, verdict: Verdict) -> str:
        """The verdict in words, with when the same dose would be within the limits again."""
        limits, unit = substance.limits, substance.unit
        templates = {
            LimitReason.MIN_INTERVAL: self.tr(
                "less than your minimum interval of {hours} h since another dose"
            ),
            LimitReason.MAX_DOSES_24H: self.tr(
                "more doses in 24 hours than your maximum of {most} ({count} in the 24 h before)"
            ),
            LimitReason.MAX_AMOUNT_24H: self.tr(
                "more than your daily cap of {cap} {unit} in 24 hours ({amount} {unit} in the 24 h before)"
            ),
        }
        values = {
            "hours": fmt(limits.min_interval / timedelta(hours=1)) if limits.min_interval else "",
            "most": limits.max_doses_per_24h,
            "count": verdict.used_count,
            "cap": fmt(limits.max_amount_per_24h or 0),
            "amount": fmt(verdict.used_amount),
            "unit": unit,
        }
        lines = [self.tr("This dose would be beyond your own limits:")]
        lines += [
            "• " + (templates[r].format(**values) if r in templates else str(r)) for r in verdict.reasons
        ]
        after = self.tr("You can still log it; it will be marked as beyond your limits.")
        if verdict.next_ok_at is not None:
            after = (
                self.tr("Within your limits again from {time}.").format(
                    time=self._clock(verdict.next_ok_at, dose.at)
                )
                + " "
                + after
            )
        return "\n".join([*lines, after])

    def _clock(self, moment: datetime, reference: datetime) -> str:
        local, day = moment.astimezone(self.zone), reference.astimezone(self.zone).date()
        return f"{local:%H:%M}" if local.date() == day else f"{local:%Y-%m-%d %H:%M}"
