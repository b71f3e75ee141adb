"""Resume after suspend: logind's PrepareForSleep(false) on the system bus."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtCore import QObject

    from desktop.scheduling.clock_watch import ClockWatcher

log = logging.getLogger(__name__)


def listen_for_resume(watcher: ClockWatcher) -> QObject:
    """logind's PrepareForSleep(false) on the system bus means "just resumed". Where
    there is no system bus (or no logind) the 60 s watchdog notices the gap instead."""
    from PySide6.QtCore import SLOT, QObject, Slot
    from PySide6.QtDBus import QDBusConnection

    class ResumeListener(QObject):
        @Slot(bool)
        def prepare_for_sleep(self, going_to_sleep: bool) -> None:
            if not going_to_sleep:
                watcher.resumed()

    listener = ResumeListener()
    bus = QDBusConnection.systemBus()
    if not bus.isConnected():
        log.info("no system D-Bus: resume is detected by the watchdog only")
        return listener
    connected = bus.connect(
        "org.freedesktop.login1",
        "/org/freedesktop/login1",
        "org.freedesktop.login1.Manager",
        "PrepareForSleep",
        listener,
        SLOT("prepare_for_sleep(bool)").encode(),  # Qt's SLOT(): a "1" prefix, as bytes
    )
    log.info("listening for logind PrepareForSleep: %s", connected)
    return listener
