"""The job scheduler on its own, with an explicit clock and the fake timer host."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.scheduling.scheduler import MAX_WAIT_SECONDS, Daily, HostedScheduler

BERLIN = ZoneInfo("Europe/Berlin")
T0 = datetime(2026, 3, 2, 12, 0, tzinfo=UTC)


class Host:
    """One timer whose deadline is read against the test's own clock."""

    def __init__(self, clock: list[datetime]) -> None:
        self.clock = clock
        self.deadline: datetime | None = None
        self.callback = None
        self.waits: list[float] = []

    def arm(self, delay_seconds: float, callback) -> None:
        self.waits.append(delay_seconds)
        self.deadline = self.clock[0] + timedelta(seconds=delay_seconds)
        self.callback = callback

    def cancel(self) -> None:
        self.deadline = self.callback = None

    def run_until(self, moment: datetime, *, awake: bool = True) -> None:
        """Let time pass to ``moment``; asleep, nothing fires until then."""
        for _ in range(10_000):
            if self.deadline is None or self.deadline > moment:
                break
            if awake:
                self.clock[0] = max(self.clock[0], self.deadline)
            else:
                self.clock[0] = moment
            callback, self.deadline, self.callback = self.callback, None, None
            callback()
        else:
            raise AssertionError("the timer keeps re-arming for the past")
        self.clock[0] = moment


def make() -> tuple[HostedScheduler, Host, list[datetime]]:
    clock = [T0]
    host = Host(clock)
    scheduler = HostedScheduler(host, clock=lambda: clock[0])
    scheduler.start()
    host.run_until(T0)
    return scheduler, host, clock


def test_a_one_shot_job_runs_once_at_its_time_and_leaves_the_table() -> None:
    scheduler, host, _ = make()
    ran: list[str] = []
    scheduler.at("a", T0 + timedelta(minutes=5), ran.append, "a")
    host.run_until(T0 + timedelta(minutes=4, seconds=59))
    assert ran == []
    host.run_until(T0 + timedelta(hours=1))
    assert ran == ["a"] and scheduler.jobs() == []
    assert host.deadline is None  # nothing left: no timer armed


def test_the_same_id_replaces_the_job() -> None:
    scheduler, host, _ = make()
    ran: list[str] = []
    scheduler.at("a", T0 + timedelta(minutes=5), ran.append, "first")
    scheduler.at("a", T0 + timedelta(minutes=10), ran.append, "second")
    host.run_until(T0 + timedelta(hours=1))
    assert ran == ["second"]


def test_a_job_that_schedules_its_own_id_again_keeps_the_new_one() -> None:
    scheduler, host, _ = make()
    ran: list[datetime] = []

    def again() -> None:
        ran.append(host.clock[0])
        if len(ran) < 3:
            scheduler.at("self", host.clock[0] + timedelta(minutes=1), again)

    scheduler.at("self", T0 + timedelta(minutes=1), again)
    host.run_until(T0 + timedelta(hours=1))
    assert ran == [T0 + timedelta(minutes=n) for n in (1, 2, 3)]


def test_late_jobs_all_run_once_in_time_order_after_a_suspend() -> None:
    scheduler, host, _ = make()
    ran: list[str] = []
    scheduler.at("b", T0 + timedelta(hours=2), ran.append, "b")
    scheduler.at("a", T0 + timedelta(hours=1), ran.append, "a")
    scheduler.every("tick", timedelta(minutes=1), ran.append, "tick")
    host.run_until(T0 + timedelta(hours=5), awake=False)
    assert ran == ["tick", "a", "b"]  # by due time; the minute tick once, not 300 times
    assert scheduler.job("tick").next_run == T0 + timedelta(hours=5, minutes=1)


def test_a_failing_job_is_logged_and_the_others_still_run(caplog) -> None:
    scheduler, host, _ = make()
    ran: list[str] = []

    def boom() -> None:
        raise RuntimeError("boom")

    scheduler.at("boom", T0 + timedelta(minutes=1), boom)
    scheduler.at("ok", T0 + timedelta(minutes=1), ran.append, "ok")
    host.run_until(T0 + timedelta(minutes=2), awake=False)
    assert ran == ["ok"]
    assert "job boom failed" in caplog.text


def test_a_job_removed_by_an_earlier_one_in_the_same_run_does_not_run() -> None:
    scheduler, host, _ = make()
    ran: list[str] = []
    scheduler.at("first", T0 + timedelta(minutes=1), lambda: scheduler.remove("second"))
    scheduler.at("second", T0 + timedelta(minutes=2), ran.append, "second")
    host.run_until(T0 + timedelta(minutes=3), awake=False)
    assert ran == []


def test_the_timer_waits_at_most_a_day_and_then_looks_again() -> None:
    scheduler, host, _ = make()
    ran: list[str] = []
    scheduler.at("far", T0 + timedelta(days=40), ran.append, "far")
    host.run_until(T0 + timedelta(days=39))
    assert ran == [] and max(host.waits) <= MAX_WAIT_SECONDS
    host.run_until(T0 + timedelta(days=41))
    assert ran == ["far"]


def test_nothing_runs_before_start_or_after_shutdown() -> None:
    clock = [T0]
    host = Host(clock)
    scheduler = HostedScheduler(host, clock=lambda: clock[0])
    ran: list[str] = []
    scheduler.at("a", T0, ran.append, "a")
    assert host.deadline is None
    scheduler.start()
    scheduler.shutdown()
    host.run_until(T0 + timedelta(hours=1))
    assert ran == [] and host.deadline is None


def test_a_naive_time_is_refused() -> None:
    scheduler, _, _ = make()
    with pytest.raises(ValueError, match="timezone-aware"):
        scheduler.at("a", datetime(2026, 3, 2, 12, 0), print)


@pytest.mark.parametrize(
    ("zone", "after", "expected_local"),
    [
        # Berlin's spring change (02:00 → 03:00) and autumn change leave 00:01 alone.
        ("Europe/Berlin", datetime(2026, 3, 28, 23, 30), datetime(2026, 3, 29, 0, 1)),
        ("Europe/Berlin", datetime(2026, 3, 29, 0, 1), datetime(2026, 3, 30, 0, 1)),
        ("Europe/Berlin", datetime(2026, 10, 25, 0, 5), datetime(2026, 10, 26, 0, 1)),
        # Santiago skips 00:00–01:00 on 2026-09-06: 00:01 moves forward by the gap, as
        # every planned time does (core.times.localize).
        ("America/Santiago", datetime(2026, 9, 5, 23, 0), datetime(2026, 9, 6, 1, 1)),
    ],
)
def test_daily_runs_at_the_local_wall_time_across_dst(zone: str, after: datetime, expected_local) -> None:
    tz = ZoneInfo(zone)
    rule = Daily(0, 1, tz)
    got = rule.next_after(after.replace(tzinfo=tz))
    assert got.astimezone(tz).replace(tzinfo=None) == expected_local


@given(st.datetimes(min_value=datetime(2000, 1, 1), max_value=datetime(2040, 1, 1), timezones=st.just(UTC)))
def test_daily_next_run_is_later_and_within_a_day_and_an_hour(moment: datetime) -> None:
    got = Daily(0, 1, BERLIN).next_after(moment)
    assert moment < got <= moment + timedelta(hours=25)
