"""Settings' Substances tab: the user's substances with their own limits, added and
edited through the substance form; each is saved as soon as its form is."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtWidgets import QPushButton, QVBoxLayout, QWidget

from desktop.core.model import Substance
from desktop.ui.settings.substance_dialog import SubstanceDialog
from desktop.ui.settings.substance_list import SubstanceList, add_substance_list

AddSubstance = Callable[[Substance], None]
UpdateSubstance = Callable[[str, Substance], None]


class SubstancesTab(QWidget):
    """The substance list with Add… and Edit…; ``add_substance`` and ``update_substance``
    save a substance (the app wires them to the journal)."""

    def __init__(
        self,
        substances: Sequence[Substance],
        add_substance: AddSubstance,
        update_substance: UpdateSubstance,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._add_substance = add_substance
        self._update_substance = update_substance
        self.substance_list = SubstanceList()
        self.substance_list.show_substances(substances)
        self.add_button = QPushButton(self.tr("A&dd…"))
        self.edit_button = QPushButton(self.tr("&Edit…"))
        self.add_button.clicked.connect(self.add_substance)
        self.edit_button.clicked.connect(self.edit_substance)
        self.substance_list.itemDoubleClicked.connect(lambda *_: self.edit_substance())
        self.substance_list.currentItemChanged.connect(lambda *_: self._enable_edit())
        add_substance_list(
            QVBoxLayout(self),
            self.substance_list,
            self.tr("&Your substances"),
            [self.add_button, self.edit_button],
            self.tr(
                "Every amount and limit is your own, ideally agreed with your clinician; Ebb never "
                "suggests one. A substance is saved as soon as you save its form."
            ),
        )
        self._enable_edit()

    def _enable_edit(self) -> None:
        self.edit_button.setEnabled(self.substance_list.current_substance() is not None)

    def add_substance(self) -> None:
        def save(substance: Substance) -> None:
            self._add_substance(substance)
            self.substance_list.show_substances([*self.substance_list.substances, substance], substance.name)

        self.substance_dialog = SubstanceDialog(save, parent=self.window()).open_window_modal()

    def edit_substance(self) -> None:
        original = self.substance_list.current_substance()
        if original is None:
            return

        def save(substance: Substance) -> None:
            self._update_substance(original.name, substance)
            others = [s for s in self.substance_list.substances if s.name != original.name]
            self.substance_list.show_substances([*others, substance], substance.name)

        self.substance_dialog = SubstanceDialog(save, original, parent=self.window()).open_window_modal()
