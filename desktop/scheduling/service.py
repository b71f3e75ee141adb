"""The reminder service: plan, fire, check safety, record the state, notify.

The database is the truth (DESIGN.md 1.5): jobs are rebuilt from the occurrences
table at start, after re-planning, on resume and on clock or zone changes.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta, tzinfo
from typing import TYPE_CHECKING, Any

from desktop.core.errors import QT_TRANSLATE_NOOP, ValidationError
from desktop.core.planning.answered import OpenReminder, TakenDose, answered_by_entries, not_asked_again
from desktop.core.planning.checkins import diary_night
from desktop.core.planning.inputs import JournalView
from desktop.core.planning.occurrence import Occurrence
from desktop.core.planning.pattern_doses import ProfileCache
from desktop.core.planning.planner import plan_day
from desktop.core.safety import probe_amount
from desktop.core.settings import effective_settings
from desktop.scheduling.scheduler import HostedScheduler
from desktop.storage.journal import Journal
from desktop.storage.planning import plan_inputs
from desktop.storage.reminders import OPEN_STATES, Reminders, StoredOccurrence, SyncResult

if TYPE_CHECKING:  # made on first delivery: a quiet start loads none of them
    from desktop.scheduling.ports import MissedItem, Notifier

log = logging.getLogger(__name__)

REPLAN_JOB = "ebb:replan-daily"
WATCHDOG_JOB = "ebb:watchdog"
WATCHDOG_SECONDS = 60
SNOOZE_CHOICES = (10, 30, 60)


class ReminderService:
    """Plans occurrences into the database, turns them into scheduler jobs, and handles
    each one when it fires: missed, suppressed or moved by the user's limits, or
    delivered through the :class:`Notifier`."""

    def __init__(
        self,
        journal: Journal,
        reminders: Reminders,
        scheduler: HostedScheduler,
        notifier: Notifier,
        *,
        clock: Callable[[], datetime],
        zone: Callable[[], tzinfo],
    ) -> None:
        self.journal = journal
        self.reminders = reminders
        self.scheduler = scheduler
        self.notifier = notifier
        self.clock = clock
        self.zone = zone
        self._profiles: ProfileCache = {}

    # ---- planning -------------------------------------------------------------------

    def settings(self) -> dict[str, str]:
        return effective_settings(self.journal.stored_settings())

    def plan_dates(self, now: datetime) -> list[date]:
        today = now.astimezone(self.zone()).date()
        return [today, today + timedelta(days=1)]

    def replan(self) -> SyncResult:
        """Re-plan today and tomorrow in the current zone, sweep missed, rebuild jobs."""
        now = self.clock()
        zone = self.zone()
        dates = self.plan_dates(now)
        inputs = plan_inputs(self.journal, dates[0], zone)
        occurrences = [
            o for day in dates for o in plan_day(inputs.config, inputs.view, day, zone, self._profiles)
        ]
        local_dates = [d.isoformat() for d in dates]
        occurrences = self._without_doses_already_taken(local_dates, occurrences)
        result = self.reminders.sync_plan(local_dates, occurrences)
        self._close_answered(local_dates, inputs.view)
        self.sweep()
        self.rebuild_jobs()
        return result

    def _without_doses_already_taken(
        self, local_dates: list[str], planned: list[Occurrence]
    ) -> list[Occurrence]:
        """A dose taken at a time the plan no longer holds is not asked for again at a
        new time that day (desktop.core.planning.answered)."""
        stored = self.reminders.on_dates(local_dates)
        taken = [
            TakenDose(o.key, o.substance, date.fromisoformat(o.local_date), o.due)
            for o in stored
            if o.kind == "dose" and o.state == "taken" and o.substance is not None
        ]
        answered = {o.key for o in stored if o.state != "planned"}
        return not_asked_again(planned, taken, answered)

    def _close_answered(self, local_dates: list[str], view: JournalView) -> None:
        """Reminders already answered by what is in the journal are done, however it was
        logged (the tray, the journal window, the command line, an import): a morning
        diary whose night is logged, a dose or a pain score logged around a reminder's
        time. They are not asked for, and one on screen goes."""
        still_open = [o for o in self.reminders.on_dates(local_dates) if o.state in OPEN_STATES]
        for occurrence in still_open:
            if occurrence.kind == "sleep_diary":
                self.close_if_logged(occurrence)
        reminders = [OpenReminder(o.key, o.kind, o.substance, o.due, o.valid_until) for o in still_open]
        for key in answered_by_entries(reminders, view, self.clock()):
            self._close(key, {})

    def close_if_logged(self, occurrence: StoredOccurrence) -> bool:
        """Done ("taken", code "logged") when the diary's night is in the journal."""
        night = diary_night(occurrence.reason_data)
        if night is None or self.journal.night_record(night) is None:
            return False
        self._close(occurrence.key, {"night": night.isoformat()})
        return True

    def _close(self, key: str, data: dict[str, str]) -> None:
        self.reminders.set_state(key, "taken", code="logged", data=data, acted=True)
        self._remove_jobs(key)
        self.notifier.withdraw(key)

    def sweep(self) -> list[StoredOccurrence]:
        """Record every occurrence whose window passed as missed, and show them once."""
        self.reminders.mark_missed(self.clock())
        missed = self.reminders.unsummarised_missed()
        if missed:
            self.notifier.summarise_missed([self._missed_item(o) for o in missed])
            self.reminders.mark_summarised([o.key for o in missed])
        return missed

    def rebuild_jobs(self) -> None:
        """Jobs = pending occurrences (+ the daily re-plan and the watchdog)."""
        wanted = {self._fire_job_id(o.key, o.fire_at): o for o in self.reminders.pending()}
        for job in self.scheduler.jobs():
            if job.id in wanted:
                del wanted[job.id]  # already scheduled for the same occurrence and time
            elif job.id not in (WATCHDOG_JOB, REPLAN_JOB) and "#" not in job.id:  # #repeat, #end
                self.scheduler.remove(job.id)
        for occurrence in wanted.values():
            self._schedule_fire(occurrence.key, occurrence.fire_at)
        self.scheduler.daily(REPLAN_JOB, 0, 1, self.zone(), self.replan)

    def add_watchdog(self, check: Callable[[], Any]) -> None:
        self.scheduler.every(WATCHDOG_JOB, timedelta(seconds=WATCHDOG_SECONDS), check)

    # ---- firing ---------------------------------------------------------------------

    def fire(self, key: str, scheduled_for: datetime | None = None) -> None:
        """An occurrence's time has come (possibly late, after a wake-up). A job made for
        another time than the occurrence's own (``scheduled_for``; it was moved or
        re-planned since, and has a job of its own for its new time) does nothing."""
        occurrence = self.reminders.get(key)
        now = self.clock()
        if occurrence is None or occurrence.state not in ("planned", "snoozed"):
            return  # already handled: a repeated wake-up never delivers twice
        if scheduled_for is not None and abs((occurrence.fire_at - scheduled_for).total_seconds()) >= 1:
            return
        if now >= occurrence.valid_until:
            self.sweep()
            return
        paused = self.reminders.paused_until()
        if paused is not None and now < paused:
            self.reminders.set_state(key, "suppressed", code="paused", data={"until": paused.isoformat()})
            return
        if occurrence.kind == "sleep_diary" and self.close_if_logged(occurrence):
            return
        dose = occurrence.kind == "dose" and occurrence.substance is not None
        if dose and not self._dose_allowed(occurrence, now):
            return
        self._deliver(occurrence, repeat=0)

    def _dose_allowed(self, occurrence: StoredOccurrence, now: datetime) -> bool:
        stored = self.journal.substance(occurrence.substance or "")
        amount = probe_amount(stored.substance.usual_amount, stored.substance.limits)
        verdict = self.journal.limit_verdict(stored.substance, amount, now)
        if verdict.ok:
            return True
        reasons = [str(r) for r in verdict.reasons]
        later = verdict.next_ok_at
        if later is not None and later < occurrence.valid_until:
            self.reminders.set_state(
                occurrence.key,
                "planned",
                code="moved_by_limit",
                data={"reasons": reasons, "to": later.astimezone(UTC).isoformat()},
                fire_at=later,
            )
            self._schedule_fire(occurrence.key, later)
        else:
            self.reminders.set_state(occurrence.key, "suppressed", code="limit", data={"reasons": reasons})
        return False

    def _deliver(self, occurrence: StoredOccurrence, *, repeat: int) -> None:
        from desktop.scheduling.ports import Delivery  # on first use: most starts deliver nothing

        self.reminders.set_state(
            occurrence.key, "due", code=occurrence.state_code, data=occurrence.state_data, delivered=True
        )
        self.notifier.deliver(
            Delivery(
                key=occurrence.key,
                kind=occurrence.kind,
                due=occurrence.due,
                valid_until=occurrence.valid_until,
                substance=self._shown_name(occurrence.substance),
                reason_code=occurrence.reason_code,
                reason_data=occurrence.reason_data,
                repeat=repeat,
            )
        )
        self._schedule_repeat(occurrence.key, repeat)
        if repeat == 0:
            # Unanswered, it stays "due" (the Today view lists it), but its notification
            # or window goes when its time is over: buttons that do nothing are not shown.
            self.scheduler.at(
                f"{occurrence.key}#end", occurrence.valid_until, self.window_ended, occurrence.key
            )

    def window_ended(self, key: str) -> None:
        occurrence = self.reminders.get(key)
        if occurrence is not None and occurrence.state == "due":
            self.notifier.withdraw(key)

    def _schedule_repeat(self, key: str, repeat: int) -> None:
        settings = self.settings()
        every = int(settings["repeat_every_min"])
        if every <= 0 or repeat >= int(settings["repeat_max"]):
            return
        occurrence = self.reminders.get(key)
        assert occurrence is not None
        when = self.clock() + timedelta(minutes=every)
        if when < occurrence.valid_until:
            self.scheduler.at(f"{key}#repeat{repeat + 1}", when, self.repeat, key, repeat + 1)

    def repeat(self, key: str, repeat: int) -> None:
        """Deliver an unanswered reminder again (still showing its original time)."""
        occurrence = self.reminders.get(key)
        if occurrence is None or occurrence.state != "due" or self.clock() >= occurrence.valid_until:
            return
        self._deliver(occurrence, repeat=repeat)

    # ---- the user's answers ---------------------------------------------------------

    def taken(self, key: str) -> None:
        self._acted(key, "taken")

    def skipped(self, key: str) -> None:
        self._acted(key, "skipped")

    def _acted(self, key: str, state: str) -> None:
        occurrence = self._existing(key)
        self.reminders.set_state(key, state, acted=True)
        self._remove_jobs(key)
        self.notifier.withdraw(occurrence.key)

    def snooze(self, key: str, minutes: int) -> datetime:
        """Snooze for ``minutes``; never past the reminder's window. Returns the new time."""
        occurrence = self._existing(key)
        now = self.clock()
        if minutes <= 0:
            raise ValidationError(
                "minutes",
                QT_TRANSLATE_NOOP("Errors", "{minutes} is not a positive number of minutes"),
                minutes=minutes,
            )
        until = min(now + timedelta(minutes=minutes), occurrence.valid_until - timedelta(minutes=1))
        if until <= now:
            raise ValidationError(
                "snooze",
                QT_TRANSLATE_NOOP("Errors", "this reminder's window ends at {end:%H:%M}"),
                end=occurrence.valid_until.astimezone(self.zone()),
            )
        self.reminders.set_state(key, "snoozed", code="snoozed", data={"minutes": minutes}, fire_at=until)
        self._remove_jobs(key)
        self._schedule_fire(key, until)
        self.notifier.withdraw(key)
        return until

    def pause(self, until: datetime) -> None:
        self.reminders.set_paused_until(until)

    def resume(self) -> None:
        self.reminders.set_paused_until(None)

    def _existing(self, key: str) -> StoredOccurrence:
        occurrence = self.reminders.get(key)
        if occurrence is None:
            raise ValidationError("key", QT_TRANSLATE_NOOP("Errors", "{key!r} is not a reminder"), key=key)
        return occurrence

    def _schedule_fire(self, key: str, when: datetime) -> None:
        # The id names the occurrence and the time: stable when rebuilt from the same
        # row, so a rebuild leaves an unchanged reminder's job alone.
        self.scheduler.at(self._fire_job_id(key, when), when, self.fire, key, when)

    @staticmethod
    def _fire_job_id(key: str, when: datetime) -> str:
        return f"{key}@{when.astimezone(UTC).isoformat()}"

    def _remove_jobs(self, key: str) -> None:
        for job in self.scheduler.jobs():
            if job.id.startswith((f"{key}@", f"{key}#")):
                self.scheduler.remove(job.id)

    # ---- clock changes --------------------------------------------------------------

    def on_clock_change(self, reason: str) -> None:
        """After a resume, a clock jump or a zone change: re-plan (in the zone now in
        force), record what was missed, rebuild the jobs and wake the scheduler."""
        log.info("clock change (%s): re-planning", reason)
        self.replan()
        self.scheduler.wakeup()

    def _shown_name(self, name: str | None) -> str | None:
        """The substance name a notification may show: in discreet mode the user's own
        alias when they set one, else none at all."""
        if name is None or self.settings()["discreet"] != "true":
            return name
        try:
            return self.journal.substance(name).substance.alias
        except ValidationError:
            return None

    def _missed_item(self, occurrence: StoredOccurrence) -> MissedItem:
        from desktop.scheduling.ports import MissedItem

        return MissedItem(
            occurrence.key, occurrence.kind, occurrence.due, self._shown_name(occurrence.substance)
        )
