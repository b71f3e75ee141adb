"""The scheduler's one timer, as a QTimer owned by the app (DESIGN.md section 8).

Stock QtScheduler creates a new single-shot timer on every wake-up; this host owns a
single QTimer and re-arms it, so no timers leak and jobs run on the Qt main thread.

The timer is Qt's default coarse kind. On Unix Qt rounds a coarse interval of 20 s or
more to whole seconds and shifts a shorter one by at most 5 % (under 1 s), so a reminder
fires within a second of its minute, and the system can batch wake-ups. A timer that
fires a little early finds no job due and is armed again for the rest.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer

# QTimer takes a signed 32-bit millisecond interval (about 24.8 days).
MAX_INTERVAL_MS = 2**31 - 1


class QtTimerHost(QObject):
    """Implements desktop.scheduling.ports.TimerHost with one single-shot QTimer."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._fire)
        self._callback: Callable[[], None] | None = None
        self.arms = 0

    def arm(self, delay_seconds: float, callback: Callable[[], None]) -> None:
        self._callback = callback
        self._timer.start(max(0, min(MAX_INTERVAL_MS, int(delay_seconds * 1000))))
        self.arms += 1

    def cancel(self) -> None:
        self._timer.stop()
        self._callback = None

    @property
    def remaining_ms(self) -> int:
        """Milliseconds until the timer fires (-1 when not armed)."""
        return self._timer.remainingTime() if self._timer.isActive() else -1

    def _fire(self) -> None:
        callback, self._callback = self._callback, None
        if callback is not None:
            callback()
