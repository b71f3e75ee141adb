"""Noticing suspend/resume, clock changes and time-zone changes (DESIGN.md section 8).

A timer does not notice any of them. A wall-clock gap larger than the elapsed
monotonic time means the machine slept or the clock was set forward; a negative gap
means it was set back; a different zone name or UTC offset means a zone change (DST
or travel). The watcher is polled by the scheduler's watchdog job (every 60 s) and can
also be told about a resume directly (logind's PrepareForSleep on Linux).
"""

from __future__ import annotations

import time as _time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

TOLERANCE = timedelta(minutes=2)


@dataclass(frozen=True)
class ClockReading:
    """Wall clock, monotonic clock and zone read together, to notice jumps and zone changes."""

    wall: datetime
    monotonic: float
    zone: str
    offset: timedelta


def read_clock(zone_name: Callable[[], str]) -> ClockReading:
    wall = datetime.now(UTC)
    offset = wall.astimezone().utcoffset() or timedelta()
    return ClockReading(wall, _time.monotonic(), zone_name(), offset)


class ClockWatcher:
    """Calls ``on_change(reason)`` with "jump_forward" (includes resume), "jump_back",
    "zone_change" or "resume"."""

    def __init__(
        self,
        on_change: Callable[[str], None],
        read: Callable[[], ClockReading],
        tolerance: timedelta = TOLERANCE,
    ) -> None:
        self.on_change = on_change
        self.read = read
        self.tolerance = tolerance
        self.last = read()

    def check(self) -> str | None:
        """Compare with the last reading; report at most one reason."""
        now = self.read()
        expected = self.last.wall + timedelta(seconds=now.monotonic - self.last.monotonic)
        gap = now.wall - expected
        reason = None
        if now.zone != self.last.zone or now.offset != self.last.offset:
            reason = "zone_change"
        elif gap > self.tolerance:
            reason = "jump_forward"
        elif gap < -self.tolerance:
            reason = "jump_back"
        self.last = now
        if reason is not None:
            self.on_change(reason)
        return reason

    def resumed(self) -> None:
        """The system says it woke up."""
        self.last = self.read()
        self.on_change("resume")
