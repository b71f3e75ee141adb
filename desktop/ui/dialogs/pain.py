"""Pain check-in: a score on the 0–10 numeric rating scale, by mouse or one key press."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import tzinfo
from typing import Any

from PySide6.QtGui import QKeyEvent, QPalette
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from desktop.core.errors import ValidationError
from desktop.core.model import PainCheckin, PainSource
from desktop.core.validation import validate_pain
from desktop.ui.dialogs.base import EntryDialog, NowCallback, SaveCallback
from desktop.ui.dialogs.choices import ChoiceRow
from desktop.ui.dialogs.words import WordsEdit

# Keys 0-9 choose their score; 10 is "1" then "0" typed quickly, or "T" (for ten).
SCORE_KEYS = {**{str(n): n for n in range(10)}, "10": 10, "t": 10}


class PainDialog(EntryDialog):
    """Log a pain check-in. ``source`` says what asked for it: "manual", "scheduled",
    "follow-up" (after a dose) or "with-dose". ``one_tap``: a click on a score saves."""

    def __init__(
        self,
        save: SaveCallback,
        now: NowCallback,
        zone: tzinfo,
        *,
        source: str = PainSource.MANUAL,
        one_tap: bool = False,
        suggestions: Mapping[str, Sequence[str]] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(save, now, zone, parent)
        self._source = source
        words = suggestions or {}
        self.setWindowTitle(self.tr("Pain check-in"))
        self.add_text(self.tr("How strong is your pain right now?"))
        self.score = ChoiceRow([(n, str(n)) for n in range(11)], SCORE_KEYS)
        self.score.buttons[0].setToolTip(self.tr("0 — no pain"))
        self.score.buttons[10].setToolTip(self.tr("10 — worst pain imaginable"))
        self.score.setToolTip(self.tr("Keys 0–9 choose a score; for 10 type 1 then 0 quickly, or press T"))
        self.add_field("score", self.tr("Pain s&core"), self.score, row=self._scale(self.score))
        self.locations = WordsEdit(words.get("location", ()), several=True)
        self.locations.setPlaceholderText(self.tr("optional, e.g. lower back, left knee"))
        self.add_field("location", self.tr("Wh&ere"), self.locations, aliases=("locations",))
        self.qualities = WordsEdit(words.get("quality", ()), several=True)
        self.qualities.setPlaceholderText(self.tr("optional, e.g. aching, burning, stabbing"))
        self.add_field("quality", self.tr("Feels &like"), self.qualities, aliases=("qualities",))
        self.note = QLineEdit()
        self.add_field("note", self.tr("&Note"), self.note)
        self.add_when_field()
        self.finish()
        self.score.setFocus()
        if one_tap:
            # From a reminder: clicking a score saves at once. Keys still choose and
            # Enter saves, so that "1" then "0" can reach 10.
            self.score.group.idClicked.connect(lambda _score: self.submit())

    def load(self, record: dict[str, Any]) -> None:
        """Open as an edit of a journal record; its source is kept as it was."""
        self.begin_edit(record, self.tr("Edit pain check-in"))
        self.score.set_value(int(record["score"]))
        self.locations.set_words(record.get("locations"))
        self.qualities.set_words(record.get("qualities"))
        self.note.setText(record.get("note") or "")
        self._source = record.get("source") or PainSource.MANUAL

    def _scale(self, row: ChoiceRow) -> QWidget:
        legend = QHBoxLayout()
        legend.addWidget(QLabel(self.tr("0 no pain")))
        legend.addStretch(1)
        legend.addWidget(QLabel(self.tr("10 worst imaginable")))
        hint = QLabel(self.tr("Keys 0–9 choose a score, T chooses 10."))
        hint.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        hint.setWordWrap(True)
        scale = QWidget()
        layout = QVBoxLayout(scale)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(row)
        layout.addLayout(legend)
        layout.addWidget(hint)
        return scale

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Digits typed anywhere but in a text field reach the dialog: they choose the score.
        if not self.score.handle_key(event):
            super().keyPressEvent(event)

    def build_value(self) -> PainCheckin:
        score = self.score.value()
        if score is None:
            raise ValidationError(
                "score", self.tr("none chosen; choose 0 (no pain) to 10 (worst imaginable)")
            )
        return validate_pain(
            score,
            self.when(),
            self.now(),
            locations=self.locations.words(),
            qualities=self.qualities.words(),
            note=self.note.text(),
            source=self._source,
        )
