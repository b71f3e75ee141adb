from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import time_machine

from desktop.core.validation import validate_substance
from desktop.scheduling.ports import Delivery, MissedItem
from desktop.scheduling.scheduler import HostedScheduler
from desktop.scheduling.service import ReminderService
from desktop.storage.database import open_journal
from desktop.storage.journal import Journal
from desktop.storage.reminders import Reminders


class FakeTimerHost:
    """The one timer, as a deadline on the (time-machine) wall clock."""

    def __init__(self) -> None:
        self.deadline: datetime | None = None
        self.callback: Callable[[], None] | None = None
        self.arms = 0

    def arm(self, delay_seconds: float, callback: Callable[[], None]) -> None:
        self.deadline = datetime.now(UTC) + timedelta(seconds=delay_seconds)
        self.callback = callback
        self.arms += 1

    def cancel(self) -> None:
        self.deadline = None
        self.callback = None

    def run_due(self, limit: int = 1000) -> None:
        """Fire the timer while its deadline has passed (late, as after a suspend)."""
        for _ in range(limit):
            if self.deadline is None or self.deadline > datetime.now(UTC) or self.callback is None:
                return
            callback, self.deadline, self.callback = self.callback, None, None
            callback()
        raise AssertionError("the timer keeps re-arming for the past: a busy loop")


@dataclass
class FakeNotifier:
    delivered: list[Delivery] = field(default_factory=list)
    withdrawn: list[str] = field(default_factory=list)
    summaries: list[list[MissedItem]] = field(default_factory=list)

    def deliver(self, delivery: Delivery) -> None:
        self.delivered.append(delivery)

    def withdraw(self, key: str) -> None:
        self.withdrawn.append(key)

    def summarise_missed(self, missed) -> None:
        self.summaries.append(list(missed))

    def delivered_keys(self) -> list[str]:
        return [d.key for d in self.delivered]


@dataclass
class Rig:
    service: ReminderService
    host: FakeTimerHost
    notifier: FakeNotifier
    journal: Journal
    reminders: Reminders
    traveller: time_machine.Coordinates
    zone_box: list[ZoneInfo]

    def move_to(self, moment: datetime) -> None:
        """Time passes with the machine awake: every timer fires at its deadline."""
        while self.host.deadline is not None and self.host.deadline <= moment:
            self.traveller.move_to(max(self.host.deadline, datetime.now(UTC)))
            self.host.run_due()
        self.traveller.move_to(moment)
        self.host.run_due()

    def sleep_until(self, moment: datetime) -> None:
        """The machine is suspended: nothing runs until ``moment``."""
        self.traveller.move_to(moment)


START = datetime(2026, 3, 2, 6, 0, tzinfo=ZoneInfo("Europe/Berlin"))  # a Monday


def fake_service(
    journal: Journal, zone: Callable[[], ZoneInfo], notifier: FakeNotifier | None = None
) -> tuple[ReminderService, HostedScheduler, FakeTimerHost]:
    """The reminder service over ``journal`` on the fake timer host, started, on the
    (time-machine) wall clock."""
    host = FakeTimerHost()
    scheduler = HostedScheduler(host)
    service = ReminderService(
        journal,
        Reminders(journal.db),
        scheduler,
        notifier or FakeNotifier(),
        clock=lambda: datetime.now(UTC),
        zone=zone,
    )
    scheduler.start()
    return service, scheduler, host


@pytest.fixture
def rig(tmp_path: Path) -> Iterator[Rig]:
    with time_machine.travel(START, tick=False) as traveller:
        zone_box = [ZoneInfo("Europe/Berlin")]
        journal = Journal(open_journal(tmp_path / "journal.db"))
        journal.set_setting("timezone", "Europe/Berlin")
        journal.set_setting("dose_times", "09:30,15:00")
        journal.add_substance(
            validate_substance(
                "Kratom", "kratom", "g", usual_amount=2, min_interval_h=4, max_per_day=3, daily_cap=8
            )
        )
        journal.add_substance(validate_substance("Melatonin", "melatonin", "mg", usual_amount=1))
        notifier = FakeNotifier()
        service, scheduler, host = fake_service(journal, lambda: zone_box[0], notifier)
        service.replan()
        host.run_due()
        yield Rig(service, host, notifier, journal, service.reminders, traveller, zone_box)
        scheduler.shutdown()
        journal.db.conn.close()


def at(day: int, hour: int, minute: int = 0, zone: str = "Europe/Berlin") -> datetime:
    return datetime(2026, 3, day, hour, minute, tzinfo=ZoneInfo(zone))
