"""A small job scheduler driven by an injected timer host (DESIGN.md section 8).

Ebb began on APScheduler 3 (a ``BaseScheduler`` subclass with this same host). Importing
it costs about 70 ms and 16 MB at every start (it scans every installed package's entry
points and pulls in asyncio), more than the tray's whole start-up budget allows, while
Ebb used three of its triggers and none of its stores or executors. This module keeps
exactly what Ebb relied on:

- one-shot jobs (``at``), repeating jobs (``every``) and a daily wall-clock job
  (``daily``, right across DST changes: 00:01 local is 00:01 local on both sides);
- a job id replaces the job of that id; a one-shot job leaves the table *before* it runs,
  so a job that schedules its own id again keeps the new one;
- late jobs are never dropped and run once however late (coalesced): the occurrence's
  validity window, not the scheduler, decides between delivering late and "missed";
- jobs run inline on the host's thread (in the app, the Qt main thread that owns the
  database); a job that raises is logged and the others still run;
- the host's one timer is armed for the earliest job, at most a day ahead (Qt timers
  cannot wait longer than about 24.8 days; the scheduler simply looks again).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta, tzinfo
from typing import TYPE_CHECKING, Any

from desktop.core.times import localize

if TYPE_CHECKING:
    from desktop.scheduling.ports import TimerHost

log = logging.getLogger(__name__)

MAX_WAIT_SECONDS = 24 * 3600.0

Clock = Callable[[], datetime]


@dataclass(frozen=True)
class Daily:
    """Every day at ``hour:minute`` wall-clock time in ``zone`` (a time that a DST change
    skips moves forward by the gap, as every planned time does: core.times.localize)."""

    hour: int
    minute: int
    zone: tzinfo

    def next_after(self, moment: datetime) -> datetime:
        local = moment.astimezone(self.zone)
        day = local.date()
        while True:
            candidate = localize(datetime(day.year, day.month, day.day, self.hour, self.minute), self.zone)
            if candidate > moment:
                return candidate.astimezone(UTC)
            day += timedelta(days=1)


@dataclass
class Job:
    """A scheduled call: one-shot, repeating every ``interval``, or daily at a wall-clock time."""

    id: str
    func: Callable[..., Any]
    args: tuple[Any, ...]
    next_run: datetime  # aware, UTC
    interval: timedelta | None = None  # ``every`` jobs
    daily: Daily | None = None  # ``daily`` jobs
    _order: int = field(default=0, repr=False)

    def following(self, now: datetime) -> datetime | None:
        """When a repeating job runs next after running at ``now`` (None: one-shot)."""
        if self.interval is not None:
            return now + self.interval
        if self.daily is not None:
            return self.daily.next_after(now)
        return None


class HostedScheduler:
    """Jobs by id, woken by one :class:`TimerHost` timer."""

    def __init__(self, host: TimerHost, *, clock: Clock | None = None) -> None:
        self._host = host
        self._clock = clock or (lambda: datetime.now(UTC))
        self._jobs: dict[str, Job] = {}
        self._added = 0
        self._wakeup_pending = False
        self.running = False

    # ---- jobs ----------------------------------------------------------------------

    def at(self, job_id: str, when: datetime, func: Callable[..., Any], *args: Any) -> Job:
        """Run ``func(*args)`` once at ``when`` (at once if that has passed)."""
        if when.tzinfo is None:
            raise ValueError("a job time must be timezone-aware")
        return self._add(Job(job_id, func, args, when.astimezone(UTC)))

    def every(self, job_id: str, interval: timedelta, func: Callable[..., Any], *args: Any) -> Job:
        """Run ``func(*args)`` every ``interval``, the first time one interval from now."""
        if interval <= timedelta(0):
            raise ValueError("an interval must be positive")
        return self._add(Job(job_id, func, args, self._clock() + interval, interval=interval))

    def daily(
        self, job_id: str, hour: int, minute: int, zone: tzinfo, func: Callable[..., Any], *args: Any
    ) -> Job:
        """Run ``func(*args)`` every day at ``hour:minute`` local time in ``zone``."""
        rule = Daily(hour, minute, zone)
        return self._add(Job(job_id, func, args, rule.next_after(self._clock()), daily=rule))

    def jobs(self) -> list[Job]:
        """The scheduled jobs, earliest first."""
        return sorted(self._jobs.values(), key=lambda job: (job.next_run, job._order))

    def job(self, job_id: str) -> Job | None:
        return self._jobs.get(job_id)

    def remove(self, job_id: str) -> None:
        self._jobs.pop(job_id, None)

    def _add(self, job: Job) -> Job:
        self._added += 1
        job._order = self._added
        self._jobs[job.id] = job  # replaces the job of the same id
        if self.running:
            self.wakeup()
        return job

    # ---- running -------------------------------------------------------------------

    def start(self) -> None:
        self.running = True
        self.wakeup()

    def shutdown(self) -> None:
        self.running = False
        self._host.cancel()

    def wakeup(self) -> None:
        """Look at the jobs soon. Deferred, never inline: a job that adds jobs must not
        re-enter the run from inside itself, and many additions arm the timer once."""
        if self.running and not self._wakeup_pending:
            self._wakeup_pending = True
            self._host.arm(0, self._process)

    def _process(self) -> None:
        self._wakeup_pending = False
        if not self.running:
            return
        now = self._clock()
        for job in [job for job in self.jobs() if job.next_run <= now]:
            if self._jobs.get(job.id) is not job:
                continue  # removed or replaced by a job that ran before it
            following = job.following(now)
            if following is None:
                del self._jobs[job.id]
            else:
                job.next_run = following
            try:
                job.func(*job.args)
            except Exception:
                log.exception("job %s failed", job.id)
            if not self.running:
                return
        self._arm()

    def _arm(self) -> None:
        if self._wakeup_pending:
            return  # a job added another; that wake-up arms the timer
        jobs = self.jobs()
        if not jobs:
            self._host.cancel()
            return
        wait = (jobs[0].next_run - self._clock()).total_seconds()
        self._host.arm(min(max(wait, 0.0), MAX_WAIT_SECONDS), self._process)
