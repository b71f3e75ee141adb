"""APScheduler 3 driven by an injected timer host (DESIGN.md section 8).

:class:`HostedScheduler` is a ``BaseScheduler`` as APScheduler means it to be
subclassed: ``wakeup()`` asks the host (one ``QTimer`` in the app, a fake in the tests)
to call back at once, and each call runs ``_process_jobs()`` and re-arms the host for the
wait it returns. The parts Ebb chooses:

- the inline ``DebugExecutor``: jobs run on the host's thread (in the app the Qt main
  thread that owns the database), one after another; a job that raises is logged by
  APScheduler and the others still run;
- the memory job store: the database is the truth and jobs are rebuilt from it;
- ``misfire_grace_time=None`` and ``coalesce=True``: a late job is never dropped and runs
  once however late; the occurrence's validity window, not the scheduler, decides
  between delivering late and "missed";
- triggers: ``DateTrigger`` (``at``), ``IntervalTrigger`` (``every``) and
  ``CronTrigger(timezone=…)`` (``daily``, a wall-clock time across DST changes; see
  :class:`DailyTrigger` for the one workaround).

Two behaviours of APScheduler 3.11 shape the rest. After a due job's run,
``_process_jobs`` removes a date job by its id, and writes an interval or cron job back
with its own next run time. So a job that adds a job of its own id from inside its run
would lose it (the date job) or keep its old trigger (the cron job), and one that removes
itself makes the removal fail. Every add and remove made while jobs run is therefore
applied after the run, through the host at 0 s; and a job removed or replaced during a
run does not run later in that run (each job carries a token that must still be live).
"""

from __future__ import annotations

import contextlib
import itertools
import logging
from collections.abc import Callable
from datetime import UTC, datetime, time, timedelta, tzinfo
from typing import TYPE_CHECKING, Any

import apscheduler
from apscheduler.executors.debug import DebugExecutor
from apscheduler.job import Job
from apscheduler.jobstores.base import JobLookupError
from apscheduler.jobstores.memory import MemoryJobStore
from apscheduler.schedulers.base import STATE_RUNNING, STATE_STOPPED, BaseScheduler
from apscheduler.triggers.base import BaseTrigger
from apscheduler.triggers.cron import CronTrigger
from apscheduler.triggers.date import DateTrigger
from apscheduler.triggers.interval import IntervalTrigger

from desktop.core.times import localize

if TYPE_CHECKING:
    from desktop.scheduling.ports import TimerHost

log = logging.getLogger(__name__)

# QTimer takes its interval as a signed 32-bit number of milliseconds (about 24.8 days);
# a longer wait is cut short, and the scheduler simply looks again.
MAX_WAIT_SECONDS = (2**31 - 1) / 1000 - 1


class DailyTrigger(BaseTrigger):  # type: ignore[misc]
    """Every day at ``hour:minute`` wall-clock time in ``zone``: a time that a DST change
    skips moves forward by the gap, an ambiguous one fires once (the first), as every
    planned time does (core.times.localize).

    WORKAROUND for APScheduler 3.x (3.11.3 here), in place of
    ``CronTrigger(hour=…, minute=…, timezone=…)``: after a 23-hour day the cron trigger
    steps a day by adding 24 hours and skips the next day
    (https://github.com/agronholm/apscheduler/issues/606, #529), and at a repeated
    wall-clock time it can return the same past time for ever, which hangs
    ``_process_jobs`` (#1021: 00:01 repeats in Havana and the Azores). Fixed in 4.x,
    whose triggers are rewritten; ``_CRON_IS_SAFE`` chooses the cron trigger there.
    """

    def __init__(self, hour: int, minute: int, zone: tzinfo) -> None:
        self.hour, self.minute, self.zone = hour, minute, zone

    def get_next_fire_time(self, previous_fire_time: datetime | None, now: datetime) -> datetime | None:
        start = now.timestamp()
        if previous_fire_time is not None:  # strictly after the last run: never twice
            start = max(start, previous_fire_time.timestamp() + 1e-6)
        first = datetime.fromtimestamp(start, self.zone).date() - timedelta(days=1)
        for offset in range(4):
            day = first + timedelta(days=offset)
            candidate = localize(datetime.combine(day, time(self.hour, self.minute)), self.zone)
            if candidate.timestamp() >= start:
                return candidate
        return None  # pragma: no cover - a day always has the time or the instant after its gap

    def __repr__(self) -> str:
        return f"<DailyTrigger (hour={self.hour}, minute={self.minute}, timezone={self.zone!s})>"


def _version(text: str) -> tuple[int, ...]:
    return tuple(int(part) for part in text.split(".")[:3] if part.isdigit())


# The bugs above are open in every 3.x release so far.
_CRON_IS_SAFE = _version(apscheduler.__version__) >= (4,)


def next_run(job: Job) -> datetime | None:
    """When ``job`` runs next (None before the scheduler starts, or when it never will)."""
    return getattr(job, "next_run_time", None)


class HostedScheduler(BaseScheduler):  # type: ignore[misc]  # APScheduler 3 has no type hints
    """APScheduler on one :class:`TimerHost` timer, with Ebb's three kinds of job."""

    def __init__(self, host: TimerHost) -> None:
        super().__init__(
            executors={"default": DebugExecutor()},
            jobstores={"default": MemoryJobStore()},
            job_defaults={"misfire_grace_time": None, "coalesce": True},
            timezone=UTC,
        )
        self._host = host
        self._wakeup_pending = False
        self._in_run = False
        self._after_run: list[Callable[[], None]] = []
        self._live: dict[str, int] = {}  # job id -> the token of its current job
        self._tokens = itertools.count(1)

    # ---- jobs ----------------------------------------------------------------------

    def at(self, job_id: str, when: datetime, func: Callable[..., Any], *args: Any) -> None:
        """Run ``func(*args)`` once at ``when`` (at once if that has passed)."""
        if when.tzinfo is None:
            raise ValueError("a job time must be timezone-aware")
        self._put(job_id, DateTrigger(run_date=when.astimezone(UTC)), func, args)

    def every(self, job_id: str, interval: timedelta, func: Callable[..., Any], *args: Any) -> None:
        """Run ``func(*args)`` every ``interval``, the first time one interval from now."""
        if interval <= timedelta(0):
            raise ValueError("an interval must be positive")
        self._put(job_id, IntervalTrigger(seconds=interval.total_seconds(), timezone=UTC), func, args)

    def daily(
        self, job_id: str, hour: int, minute: int, zone: tzinfo, func: Callable[..., Any], *args: Any
    ) -> None:
        """Run ``func(*args)`` every day at ``hour:minute`` wall-clock time in ``zone``."""
        trigger = (
            CronTrigger(hour=hour, minute=minute, timezone=zone)
            if _CRON_IS_SAFE
            else DailyTrigger(hour, minute, zone)
        )
        self._put(job_id, trigger, func, args, keep_same=True)

    def jobs(self) -> list[Job]:
        """The scheduled jobs (not those removed or replaced during a run), earliest first."""
        live = [job for job in self.get_jobs() if self._live.get(job.id) == job.args[1]]
        far = datetime.max.replace(tzinfo=UTC)
        return sorted(live, key=lambda job: next_run(job) or far)

    def job(self, job_id: str) -> Job | None:
        return next((job for job in self.jobs() if job.id == job_id), None)

    def remove(self, job_id: str) -> None:
        """Remove the job of ``job_id`` (nothing if there is none)."""
        self._live.pop(job_id, None)

        def remove() -> None:
            # Already gone is fine: a date job that ran, or one removed twice. Before
            # start, APScheduler keeps every pending add of an id and removes one at a time.
            with contextlib.suppress(JobLookupError):
                while True:
                    self.remove_job(job_id)

        self._now_or_after_run(remove)

    def _put(
        self,
        job_id: str,
        trigger: BaseTrigger,
        func: Callable[..., Any],
        args: tuple[Any, ...],
        *,
        keep_same: bool = False,
    ) -> None:
        """Add the job, replacing the one of that id. With ``keep_same``, a live job of
        the same id, trigger and call is kept as it is: a cron trigger's first run is
        the earliest match at or after *now*, so re-adding the daily job inside its own
        run, at 00:01:00 on the dot, would make it due again at once, for ever."""
        existing = self.get_job(job_id) if keep_same else None
        if (
            existing is not None
            and self._live.get(job_id) == existing.args[1]
            and repr(existing.trigger) == repr(trigger)
            and existing.args[2:] == (func, args)
        ):
            return
        token = next(self._tokens)
        self._live[job_id] = token

        def add() -> None:
            if self._live.get(job_id) != token:
                return  # removed or replaced before it was applied
            self.add_job(
                self._run,
                trigger,
                args=(job_id, token, func, args),
                id=job_id,
                name=job_id,
                replace_existing=True,
            )

        self._now_or_after_run(add)

    def _now_or_after_run(self, change: Callable[[], None]) -> None:
        if self._in_run:
            self._after_run.append(change)
            self.wakeup()
        else:
            change()

    def _run(self, job_id: str, token: int, func: Callable[..., Any], args: tuple[Any, ...]) -> None:
        if self._live.get(job_id) != token:
            return  # removed or replaced earlier in this run
        func(*args)

    # ---- running -------------------------------------------------------------------

    def shutdown(self, wait: bool = True) -> None:
        """Stop (also when never started: the app may quit before its reminders start)."""
        if self.state != STATE_STOPPED:
            super().shutdown(wait)
        self._host.cancel()

    def wakeup(self) -> None:
        """Look at the jobs soon: deferred, never inline, so that a job that adds jobs
        never re-enters the run from inside itself, and many additions arm the timer once."""
        if self.state == STATE_RUNNING and not self._wakeup_pending:
            self._wakeup_pending = True
            self._host.arm(0, self._process)

    def _process(self) -> None:
        self._wakeup_pending = False
        if self.state != STATE_RUNNING:
            return
        self._in_run = True
        try:
            wait = self._process_jobs()
        finally:
            self._in_run = False
        changes, self._after_run = self._after_run, []
        for change in changes:
            change()
        if self._wakeup_pending or self.state != STATE_RUNNING:
            return  # a change (or a job) asked for another look at once
        if wait is None:
            self._host.cancel()
        else:
            self._host.arm(min(wait, MAX_WAIT_SECONDS), self._process)
