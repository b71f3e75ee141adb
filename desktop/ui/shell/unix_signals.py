"""Clean quit on SIGTERM and SIGINT without polling.

Python runs signal handlers only when the interpreter gets control, which a Qt event
loop may not give it for hours. A pipe registered with signal.set_wakeup_fd() wakes a
QSocketNotifier instead (no timer, so idle stays idle). A pipe rather than a socket
pair: the socket module costs a few milliseconds of every start.
"""

from __future__ import annotations

import os
import signal
from collections.abc import Callable

from PySide6.QtCore import QObject, QSocketNotifier


class SignalWatcher(QObject):
    def __init__(
        self, on_signal: Callable[[int], None], signals: tuple[int, ...] = (signal.SIGTERM, signal.SIGINT)
    ):
        super().__init__()
        self._reader, self._writer = os.pipe()
        os.set_blocking(self._reader, False)
        os.set_blocking(self._writer, False)
        self._previous_fd = signal.set_wakeup_fd(self._writer)
        for number in signals:
            signal.signal(number, lambda n, _frame: None)  # the wake-up fd carries the number
        self._on_signal = on_signal
        self._notifier = QSocketNotifier(self._reader, QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._read)

    def _read(self) -> None:
        try:
            data = os.read(self._reader, 64)
        except BlockingIOError:
            return
        for number in data:
            self._on_signal(number)

    def close(self) -> None:
        self._notifier.setEnabled(False)
        signal.set_wakeup_fd(self._previous_fd)
        os.close(self._reader)
        os.close(self._writer)
