"""Clean quit on SIGTERM and SIGINT without polling.

Python runs signal handlers only when the interpreter gets control, which a Qt event
loop may not give it for hours. A socket pair registered with signal.set_wakeup_fd()
wakes a QSocketNotifier instead (no timer, so idle stays idle).
"""

from __future__ import annotations

import signal
import socket
from collections.abc import Callable

from PySide6.QtCore import QObject, QSocketNotifier


class SignalWatcher(QObject):
    def __init__(
        self, on_signal: Callable[[int], None], signals: tuple[int, ...] = (signal.SIGTERM, signal.SIGINT)
    ):
        super().__init__()
        self._reader, self._writer = socket.socketpair()
        self._reader.setblocking(False)
        self._writer.setblocking(False)
        self._previous_fd = signal.set_wakeup_fd(self._writer.fileno())
        for number in signals:
            signal.signal(number, lambda n, _frame: None)  # the wake-up fd carries the number
        self._on_signal = on_signal
        self._notifier = QSocketNotifier(self._reader.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._read)

    def _read(self) -> None:
        try:
            data = self._reader.recv(64)
        except BlockingIOError:
            return
        for number in data:
            self._on_signal(number)

    def close(self) -> None:
        self._notifier.setEnabled(False)
        signal.set_wakeup_fd(self._previous_fd)
        self._reader.close()
        self._writer.close()
