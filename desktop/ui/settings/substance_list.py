"""Substances in words and in a list: their kind, their usual amount and the user's own
limits, one row each."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import timedelta

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QAbstractItemView, QLabel, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from desktop.core.model import Substance, SubstanceKind
from desktop.ui.settings.fields import button_row, hint_label
from desktop.words.present import fmt


def _tr(text: str) -> str:
    return QCoreApplication.translate("Settings", text)


def kind_words() -> dict[str, str]:
    """The kinds of substance in words, by their stored value."""
    return {
        SubstanceKind.MELATONIN.value: _tr("melatonin"),
        SubstanceKind.KRATOM.value: _tr("kratom"),
        SubstanceKind.OTHER.value: _tr("other"),
    }


def describe_limits(substance: Substance) -> str:
    """ "at least 4 h apart; at most 3 doses, 8 g per 24 h", or "none set"."""
    limits, parts, caps = substance.limits, [], []
    if limits.min_interval is not None:
        parts.append(_tr("at least {h} h apart").format(h=fmt(limits.min_interval / timedelta(hours=1))))
    if limits.max_doses_per_24h is not None:
        caps.append(_tr("{n} doses").format(n=limits.max_doses_per_24h))
    if limits.max_amount_per_24h is not None:
        caps.append(f"{fmt(limits.max_amount_per_24h)} {substance.unit}")
    if caps:
        parts.append(_tr("at most {caps} per 24 h").format(caps=", ".join(caps)))
    return "; ".join(parts) or _tr("none set")


class SubstanceList(QTreeWidget):
    """Substances with their usual amount and limits, one row each."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.substances: list[Substance] = []
        self.setHeaderLabels(
            [self.tr("Name"), self.tr("Kind"), self.tr("Usual amount"), self.tr("Your limits")]
        )
        self.setRootIsDecorated(False)
        self.setUniformRowHeights(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setAllColumnsShowFocus(True)

    def show_substances(self, substances: Sequence[Substance], selected: str | None = None) -> None:
        self.substances = sorted(substances, key=lambda s: s.name.casefold())
        self.clear()
        for substance in self.substances:
            name = (
                substance.name
                if substance.active
                else self.tr("{name} (not active)").format(name=substance.name)
            )
            usual = (
                "" if substance.usual_amount is None else f"{fmt(substance.usual_amount)} {substance.unit}"
            )
            kind = kind_words().get(substance.kind.value, substance.kind.value)
            item = QTreeWidgetItem([name, kind, usual, describe_limits(substance)])
            item.setToolTip(3, item.text(3))
            if not substance.active:
                for column in range(self.columnCount()):
                    item.setForeground(column, self.palette().brush(QPalette.ColorRole.PlaceholderText))
            self.addTopLevelItem(item)
            if substance.name == selected:
                self.setCurrentItem(item)
        for column in range(self.columnCount() - 1):
            self.resizeColumnToContents(column)

    def current_substance(self) -> Substance | None:
        item = self.currentItem()
        index = -1 if item is None else self.indexOfTopLevelItem(item)
        return self.substances[index] if index >= 0 else None


def add_substance_list(
    layout: QVBoxLayout, substances: SubstanceList, caption: str, buttons: Sequence[QWidget], hint: str
) -> None:
    """``substances`` under its caption (whose mnemonic reaches it), a row of ``buttons``
    under the list and a hint: the Substances tab's and the first-run page's layout."""
    label = QLabel(caption)
    label.setBuddy(substances)
    layout.addWidget(label)
    layout.addWidget(substances, 1)
    layout.addLayout(button_row(*buttons))
    layout.addWidget(hint_label(hint))
