"""ClockWatcher: resume, clock jumps both ways and zone changes, from injected readings."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from desktop.scheduling.clock_watch import ClockReading, ClockWatcher

T0 = datetime(2026, 3, 2, 12, 0, tzinfo=UTC)


class FakeClock:
    def __init__(self) -> None:
        self.wall = T0
        self.mono = 1000.0
        self.zone = "Europe/Berlin"
        self.offset = timedelta(hours=1)

    def read(self) -> ClockReading:
        return ClockReading(self.wall, self.mono, self.zone, self.offset)

    def run(self, seconds: float) -> None:
        self.wall += timedelta(seconds=seconds)
        self.mono += seconds


@pytest.fixture
def clock_and_watcher():
    clock = FakeClock()
    seen: list[str] = []
    return clock, ClockWatcher(seen.append, clock.read), seen


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        (lambda c: c.run(60), None),  # a normal minute
        (lambda c: (c.run(60), setattr(c, "wall", c.wall + timedelta(seconds=90))), None),  # NTP slew
        (lambda c: setattr(c, "wall", c.wall + timedelta(hours=9)), "jump_forward"),  # suspended 9 h
        (lambda c: setattr(c, "wall", c.wall + timedelta(hours=3)), "jump_forward"),  # clock set forward
        (lambda c: setattr(c, "wall", c.wall - timedelta(hours=1)), "jump_back"),  # clock set back
        (lambda c: setattr(c, "zone", "America/New_York"), "zone_change"),  # travel
        (lambda c: setattr(c, "offset", timedelta(hours=2)), "zone_change"),  # DST
    ],
    ids=["minute", "slew", "suspend", "forward", "back", "travel", "dst"],
)
def test_the_watcher_reports_what_changed(clock_and_watcher, change, reason) -> None:
    clock, watcher, seen = clock_and_watcher
    change(clock)
    assert watcher.check() == reason
    assert seen == ([reason] if reason else [])
    # The next check starts from the new reading: nothing is reported twice.
    clock.run(60)
    assert watcher.check() is None


def test_a_resume_signal_is_reported_and_resets_the_baseline(clock_and_watcher) -> None:
    clock, watcher, seen = clock_and_watcher
    clock.wall += timedelta(hours=5)
    watcher.resumed()
    assert seen == ["resume"]
    assert watcher.check() is None
