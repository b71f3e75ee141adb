"""APScheduler 3 driven by an injected timer host (DESIGN.md section 8).

Stock ``QtScheduler`` creates a new single-shot timer on every ``wakeup()`` (leaking
them under PySide6) and runs jobs on a thread pool. This scheduler owns no timer: it
asks the host to arm its one timer, and runs jobs inline (the ``debug`` executor) on
the host's thread, which in the app is the Qt main thread that owns the database.
"""

from __future__ import annotations

from datetime import tzinfo
from typing import Any

from apscheduler.executors.debug import DebugExecutor
from apscheduler.schedulers.base import STATE_STOPPED, BaseScheduler

from desktop.scheduling.ports import TimerHost

# Timers cannot be armed for longer than about 24.8 days (2^31 ms in Qt); a longer
# wait is cut short, and the scheduler simply looks again.
MAX_WAIT_SECONDS = 24 * 3600.0

JOB_DEFAULTS = {
    # None: never drop a late job; the occurrence's validity window decides between
    # delivering late and recording it as missed.
    "misfire_grace_time": None,
    "coalesce": True,
    "max_instances": 1,
}


class HostedScheduler(BaseScheduler):  # type: ignore[misc]
    """A BaseScheduler whose wake-ups go through :class:`TimerHost`."""

    def __init__(self, host: TimerHost, *, timezone: tzinfo, **options: Any) -> None:
        self._host = host
        self._wakeup_pending = False
        super().__init__(timezone=timezone, job_defaults=dict(JOB_DEFAULTS), **options)

    def shutdown(self, wait: bool = True) -> None:
        super().shutdown(wait)
        self._host.cancel()

    def wakeup(self) -> None:
        # Deferred, never inline: add_job() calls wakeup(), and a job that adds jobs
        # would otherwise re-enter _process_jobs() from inside itself. Many wake-ups
        # (a rebuild adds dozens of jobs) arm the timer once.
        if not self._wakeup_pending:
            self._wakeup_pending = True
            self._host.arm(0, self._process)

    def _process(self) -> None:
        self._wakeup_pending = False
        if self.state == STATE_STOPPED:
            return
        wait_seconds = self._process_jobs()
        if wait_seconds is None:
            self._host.cancel()
        else:
            self._host.arm(min(wait_seconds, MAX_WAIT_SECONDS), self._process)

    def _create_default_executor(self) -> DebugExecutor:
        return DebugExecutor()
