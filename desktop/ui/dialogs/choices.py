"""A row of mutually exclusive buttons that the keyboard drives as well as the mouse."""

from __future__ import annotations

import time
from collections.abc import Mapping, Sequence

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent, QPalette
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QButtonGroup,
    QHBoxLayout,
    QRadioButton,
    QSizePolicy,
    QToolButton,
    QWidget,
)

_MODIFIERS = (
    Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.MetaModifier
)


class ChoiceRow(QWidget):
    """Exclusive choices shown as a row of toggle buttons or radio buttons.

    Keyboard: only one button is in the Tab chain (the checked one, else the first), so
    Tab enters and leaves the row in one step, as in a radio group; arrows, Home and End
    move the choice. ``keys`` maps typed text to a value; text typed in quick succession
    combines like a list's type-ahead, so with a "10" key, typing 1 then 0 chooses 10.
    """

    def __init__(
        self,
        choices: Sequence[tuple[int, str]],
        keys: Mapping[str, int],
        *,
        radio: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._keys = {text.lower(): value for text, value in keys.items()}
        self._typed, self._typed_at = "", 0.0
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        self.buttons: list[QAbstractButton] = []
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4 if not radio else 12)
        for value, text in choices:
            button: QAbstractButton = QRadioButton(text) if radio else self._toggle_button(text)
            button.installEventFilter(self)
            self.group.addButton(button, value)
            self.buttons.append(button)
            layout.addWidget(button)
        if radio:
            layout.addStretch(1)
        self.group.idToggled.connect(self._toggled)
        # The row itself takes focus (a label's mnemonic needs a focusable buddy) and hands
        # it to its focus proxy, the one button in the Tab chain; Tab skips the row itself.
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self._rove(self.buttons[0])

    @staticmethod
    def _toggle_button(text: str) -> QToolButton:
        button = QToolButton()
        button.setText(text)
        button.setCheckable(True)
        button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        height = button.sizeHint().height()
        button.setMinimumSize(round(height * 1.2), round(height * 1.2))
        return button

    def value(self) -> int | None:
        checked = self.group.checkedId()
        return None if checked == -1 else checked

    def set_value(self, value: int) -> None:
        button = self.group.button(value)
        had_focus = self._has_focus()
        button.setChecked(True)
        if had_focus:
            button.setFocus(Qt.FocusReason.OtherFocusReason)

    def handle_key(self, event: QKeyEvent) -> bool:
        """Choose by typed text; True if the key chose something."""
        text = event.text().lower()
        if not text or event.modifiers() & _MODIFIERS:
            return False
        now = time.monotonic()
        quick = now - self._typed_at <= QApplication.keyboardInputInterval() / 1000
        for candidate in ((self._typed + text) if quick else None, text):
            if candidate is not None and candidate in self._keys:
                self._typed, self._typed_at = candidate, now
                self.set_value(self._keys[candidate])
                return True
        return False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            step = {
                Qt.Key.Key_Left: -1,
                Qt.Key.Key_Up: -1,
                Qt.Key.Key_Right: 1,
                Qt.Key.Key_Down: 1,
                Qt.Key.Key_Home: -len(self.buttons),
                Qt.Key.Key_End: len(self.buttons),
            }.get(Qt.Key(event.key()))
            if step is not None and not event.modifiers() & _MODIFIERS:
                self._step(step)
                return True
            if self.handle_key(event):
                return True
        return super().eventFilter(watched, event)

    def _step(self, step: int) -> None:
        start = self.buttons.index(self._current)
        if self.value() is None and step > 0:
            start = -1  # nothing chosen yet: Right and End count from before the first button
        index = max(0, min(len(self.buttons) - 1, start + step))
        button = self.buttons[index]
        button.setChecked(True)
        button.setFocus(Qt.FocusReason.TabFocusReason)

    def _has_focus(self) -> bool:
        return any(button.hasFocus() for button in self.buttons)

    def _toggled(self, value: int, checked: bool) -> None:
        self._mark_checked()
        if checked:
            self._rove(self.group.button(value))

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:  # light/dark switch
            self._mark_checked()

    def _mark_checked(self) -> None:
        """Show the chosen toggle button in the palette's highlight colours: a checked tool
        button is only a shade darker in most styles, too faint to see at a glance."""
        for button in self.buttons:
            if isinstance(button, QRadioButton):
                continue
            palette = QPalette(self.palette())
            if button.isChecked():
                palette.setColor(
                    QPalette.ColorRole.Button, self.palette().color(QPalette.ColorRole.Highlight)
                )
                palette.setColor(
                    QPalette.ColorRole.ButtonText, self.palette().color(QPalette.ColorRole.HighlightedText)
                )
            button.setPalette(palette)

    def _rove(self, current: QAbstractButton) -> None:
        for button in self.buttons:
            policy = Qt.FocusPolicy.StrongFocus if button is current else Qt.FocusPolicy.ClickFocus
            button.setFocusPolicy(policy)
        self._current = current
        self.setFocusProxy(current)
