"""The scheduler on its own: APScheduler 3 on the fake timer host, the clock moved by
time-machine (APScheduler reads the real clock)."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine

from desktop.scheduling.scheduler import MAX_WAIT_SECONDS, HostedScheduler, next_run
from tests.scheduling.conftest import FakeTimerHost

BERLIN = ZoneInfo("Europe/Berlin")
T0 = datetime(2026, 3, 2, 12, 0, tzinfo=UTC)


class Clock:
    """The fake host's timer on a time-machine clock."""

    def __init__(self, traveller: time_machine.Coordinates, host: FakeTimerHost) -> None:
        self.traveller = traveller
        self.host = host
        self.waits: list[float] = []
        arm = host.arm

        def recording_arm(delay: float, callback) -> None:
            self.waits.append(delay)
            arm(delay, callback)

        host.arm = recording_arm  # type: ignore[method-assign]

    def run_until(self, moment: datetime, *, awake: bool = True) -> None:
        """Let time pass to ``moment``: awake, each timer fires at its deadline; asleep,
        nothing fires until then (and then everything late fires at once)."""
        if awake:
            while self.host.deadline is not None and self.host.deadline <= moment:
                self.traveller.move_to(max(self.host.deadline, datetime.now(UTC)))
                self.host.run_due()
        self.traveller.move_to(moment)
        self.host.run_due()


@contextmanager
def scheduler_at(moment: datetime, *, started: bool = True) -> Iterator[tuple[HostedScheduler, Clock]]:
    """A scheduler on the fake host with the clock at ``moment`` (started, or not yet)."""
    with time_machine.travel(moment, tick=False) as traveller:
        host = FakeTimerHost()
        clock = Clock(traveller, host)
        scheduler = HostedScheduler(host)
        if started:
            scheduler.start()
            clock.run_until(moment)
        yield scheduler, clock
        if scheduler.running:
            scheduler.shutdown()


@pytest.fixture
def rig() -> Iterator[tuple[HostedScheduler, Clock]]:
    with scheduler_at(T0) as pair:
        yield pair


def test_a_one_shot_job_runs_once_at_its_time_and_leaves_the_table(rig) -> None:
    scheduler, clock = rig
    ran: list[str] = []
    scheduler.at("a", T0 + timedelta(minutes=5), ran.append, "a")
    clock.run_until(T0 + timedelta(minutes=4))
    assert ran == []
    clock.run_until(T0 + timedelta(hours=1))
    assert ran == ["a"] and scheduler.jobs() == []


def test_the_same_id_replaces_the_job(rig) -> None:
    scheduler, clock = rig
    ran: list[str] = []
    scheduler.at("a", T0 + timedelta(minutes=5), ran.append, "first")
    scheduler.at("a", T0 + timedelta(minutes=10), ran.append, "second")
    clock.run_until(T0 + timedelta(hours=1))
    assert ran == ["second"]


def test_a_date_job_that_schedules_its_own_id_again_keeps_the_new_one(rig) -> None:
    # APScheduler 3.11 removes a date job by its id when its run returns: done inside
    # the run, the new job would go with the old one.
    scheduler, clock = rig
    ran: list[datetime] = []

    def again() -> None:
        ran.append(datetime.now(UTC))
        if len(ran) < 3:
            scheduler.at("self", datetime.now(UTC) + timedelta(minutes=1), again)

    scheduler.at("self", T0 + timedelta(minutes=1), again)
    clock.run_until(T0 + timedelta(hours=1))
    assert ran == [T0 + timedelta(minutes=m) for m in (1, 2, 3)]


def test_a_daily_job_replaced_from_inside_its_run_takes_its_new_time(rig) -> None:
    # APScheduler 3.11 writes a cron job back with its old trigger after its run: done
    # inside the run, the new time would be lost.
    scheduler, clock = rig
    ran: list[str] = []

    def move() -> None:
        ran.append(f"{datetime.now(UTC).astimezone(BERLIN):%d %H:%M}")
        scheduler.daily("d", 18, 30, BERLIN, move)

    scheduler.daily("d", 14, 0, BERLIN, move)
    clock.run_until(T0 + timedelta(days=2))
    assert ran == ["02 14:00", "02 18:30", "03 18:30"]


def test_the_daily_job_re_added_at_its_own_minute_does_not_run_again(rig) -> None:
    # A cron trigger's first run is the earliest match at or after now: re-adding the
    # same daily job inside its run at 00:01:00 sharp must not make it due at once.
    scheduler, clock = rig
    ran: list[str] = []

    def replan() -> None:
        ran.append(f"{datetime.now(UTC).astimezone(BERLIN):%d %H:%M}")
        scheduler.daily("replan", 0, 1, BERLIN, replan)

    scheduler.daily("replan", 0, 1, BERLIN, replan)
    clock.run_until(T0 + timedelta(days=3))
    assert ran == ["03 00:01", "04 00:01", "05 00:01"]


def test_a_job_that_removes_itself_during_its_run_breaks_nothing(rig) -> None:
    scheduler, clock = rig
    ran: list[str] = []

    def done() -> None:
        ran.append("self")
        scheduler.remove("self")

    scheduler.at("self", T0 + timedelta(minutes=1), done)
    scheduler.at("next", T0 + timedelta(minutes=2), ran.append, "next")
    clock.run_until(T0 + timedelta(hours=1))
    assert ran == ["self", "next"] and scheduler.jobs() == []


def test_late_jobs_all_run_once_in_time_order_after_a_suspend(rig) -> None:
    scheduler, clock = rig
    ran: list[str] = []
    scheduler.at("b", T0 + timedelta(hours=2), ran.append, "b")
    scheduler.at("a", T0 + timedelta(hours=1), ran.append, "a")
    scheduler.every("tick", timedelta(minutes=1), ran.append, "tick")
    clock.run_until(T0 + timedelta(hours=5), awake=False)
    assert sorted(ran) == ["a", "b", "tick"]  # coalesced: the missed ticks run once
    assert ran.index("a") < ran.index("b")
    job = scheduler.job("tick")
    assert job is not None and next_run(job) == T0 + timedelta(hours=5, minutes=1)


def test_a_failing_job_is_logged_and_the_others_still_run(rig, caplog) -> None:
    scheduler, clock = rig
    ran: list[str] = []

    def boom() -> None:
        raise RuntimeError("boom")

    scheduler.at("boom", T0 + timedelta(minutes=1), boom)
    scheduler.at("ok", T0 + timedelta(minutes=1), ran.append, "ok")
    with caplog.at_level(logging.ERROR):
        clock.run_until(T0 + timedelta(minutes=5))
    assert ran == ["ok"]
    assert any("raised an exception" in r.getMessage() and r.exc_info for r in caplog.records)


def test_a_job_removed_by_an_earlier_one_in_the_same_run_does_not_run(rig) -> None:
    scheduler, clock = rig
    ran: list[str] = []
    scheduler.at("first", T0 + timedelta(minutes=1), lambda: scheduler.remove("second"))
    scheduler.at("second", T0 + timedelta(minutes=2), ran.append, "second")
    clock.run_until(T0 + timedelta(minutes=5), awake=False)
    assert ran == [] and scheduler.jobs() == []


def test_the_timer_never_waits_longer_than_qt_can_and_then_looks_again(rig) -> None:
    scheduler, clock = rig
    ran: list[str] = []
    scheduler.at("far", T0 + timedelta(days=40), ran.append, "far")
    clock.run_until(T0 + timedelta(days=39))
    assert ran == [] and max(clock.waits) <= MAX_WAIT_SECONDS < 2**31 / 1000
    clock.run_until(T0 + timedelta(days=41))
    assert ran == ["far"]


def test_nothing_runs_before_start_or_after_shutdown() -> None:
    with scheduler_at(T0, started=False) as (scheduler, clock):
        host = clock.host
        ran: list[str] = []
        scheduler.at("a", T0, ran.append, "a")
        assert host.deadline is None and [j.id for j in scheduler.jobs()] == ["a"]
        scheduler.start()
        scheduler.shutdown()
        clock.run_until(T0 + timedelta(hours=1))
        assert ran == [] and host.deadline is None


def test_a_naive_time_is_refused(rig) -> None:
    scheduler, _ = rig
    with pytest.raises(ValueError, match="timezone-aware"):
        scheduler.at("a", datetime(2026, 3, 2, 12, 0), print)


@pytest.mark.parametrize(
    ("zone", "after", "expected_local"),
    [
        # Berlin's spring change (02:00 → 03:00) and autumn change leave 00:01 alone.
        ("Europe/Berlin", datetime(2026, 3, 28, 23, 30), datetime(2026, 3, 29, 0, 1)),
        ("Europe/Berlin", datetime(2026, 3, 29, 0, 2), datetime(2026, 3, 30, 0, 1)),
        ("Europe/Berlin", datetime(2026, 10, 25, 0, 5), datetime(2026, 10, 26, 0, 1)),
    ],
)
def test_daily_runs_at_the_local_wall_time_across_dst(zone: str, after: datetime, expected_local) -> None:
    tz = ZoneInfo(zone)
    start = after.replace(tzinfo=tz)
    with scheduler_at(start) as (scheduler, clock):
        ran: list[datetime] = []
        scheduler.daily("d", 0, 1, tz, lambda: ran.append(datetime.now(UTC)))
        clock.run_until(start + timedelta(hours=30))
        scheduler.shutdown()
    assert ran and ran[0].astimezone(tz).replace(tzinfo=None) == expected_local


@pytest.mark.parametrize(
    ("zone", "now", "expected"),
    [
        # APScheduler #606: a 23-hour day made the cron trigger skip the next day.
        ("Europe/Berlin", datetime(2026, 3, 29, 0, 2), datetime(2026, 3, 30, 0, 1)),
        ("America/New_York", datetime(2026, 3, 8, 0, 2), datetime(2026, 3, 9, 0, 1)),
        ("Europe/Berlin", datetime(2026, 10, 25, 0, 2), datetime(2026, 10, 26, 0, 1)),
        ("Europe/Berlin", datetime(2026, 6, 1, 0, 1), datetime(2026, 6, 1, 0, 1)),  # at or after now
        # Santiago skips 00:00-01:00 on 2026-09-06: 00:01 that day is the instant an hour
        # on (01:01 -03), as every planned time in a gap moves forward (core.times.localize).
        ("America/Santiago", datetime(2026, 9, 5, 23, 0), datetime(2026, 9, 6, 0, 1)),
    ],
)
def test_the_daily_trigger_never_skips_a_day_after_a_dst_change(zone: str, now: datetime, expected) -> None:
    from desktop.scheduling.scheduler import DailyTrigger

    tz = ZoneInfo(zone)
    found = DailyTrigger(0, 1, tz).get_next_fire_time(None, now.replace(tzinfo=tz))
    assert found is not None and found.timestamp() == expected.replace(tzinfo=tz).timestamp()


def test_shutting_down_a_scheduler_that_never_started_is_fine() -> None:
    host = FakeTimerHost()
    scheduler = HostedScheduler(host)
    scheduler.shutdown()  # the app quits before its reminders started
    assert host.deadline is None and not scheduler.running


@pytest.mark.parametrize(
    ("zone", "start", "days"),
    [
        ("Europe/Berlin", datetime(2026, 3, 27, 12, 0), 5),  # spring forward on the 29th
        ("America/New_York", datetime(2026, 3, 6, 12, 0), 5),  # on the 8th
        ("Europe/Berlin", datetime(2026, 10, 23, 12, 0), 5),  # fall back on the 25th
        ("America/Havana", datetime(2026, 10, 30, 12, 0), 4),  # 00:01 happens twice on 1 November
        ("Atlantic/Azores", datetime(2026, 10, 23, 12, 0), 4),  # 00:01 happens twice on the 25th
        ("America/Santiago", datetime(2026, 9, 4, 12, 0), 4),  # 00:01 does not exist on 6 September
    ],
)
def test_a_running_daily_job_runs_once_on_every_local_day_across_dst(
    zone: str, start: datetime, days: int
) -> None:
    # Chained as the scheduler chains it (each next time from the previous run): the cron
    # trigger of 3.11 skipped a day here (#606) or hung on a repeated 00:01 (#1021).
    tz = ZoneInfo(zone)
    begin = start.replace(tzinfo=tz)
    with scheduler_at(begin) as (scheduler, clock):
        ran: list[datetime] = []
        scheduler.daily("d", 0, 1, tz, lambda: ran.append(datetime.now(UTC).astimezone(tz)))
        clock.run_until(begin + timedelta(days=days))
        scheduler.shutdown()
    dates = [moment.date() for moment in ran]
    first = begin.date() + timedelta(days=1)
    assert dates == [first + timedelta(days=n) for n in range(days)], ran


def test_a_job_added_twice_and_removed_before_start_is_gone() -> None:
    with scheduler_at(T0, started=False) as (scheduler, clock):
        host = clock.host
        ran: list[str] = []
        scheduler.every("w", timedelta(minutes=1), ran.append, "w")
        scheduler.every("w", timedelta(minutes=1), ran.append, "w")
        scheduler.remove("w")
        scheduler.start()
        clock.run_until(T0 + timedelta(minutes=5))
        assert scheduler.get_jobs() == [] and ran == [] and host.deadline is None
        scheduler.shutdown()
