"""The Today summary: what is due, what was taken, where the user stands against their
own limits, today's pain, last night's sleep and tomorrow's reminders, read from the
journal at one moment in one zone (no Qt). ``desktop/ui/windows/today.py`` shows it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, tzinfo

from desktop.core.model import Substance, minutes_between
from desktop.core.planning.occurrence import ReminderKind
from desktop.core.planning.pattern_doses import ProfileCache
from desktop.core.planning.planner import dose_rules, plan_day
from desktop.core.safety import probe_amount
from desktop.core.times import localize
from desktop.storage.journal import Journal
from desktop.storage.planning import plan_inputs
from desktop.storage.records import Record
from desktop.storage.reminders import Reminders, StoredOccurrence
from desktop.words.present import describe_reason

# describe_reason() starts most reasons with the time ("09:30 — your dose time"); the
# view shows the time in its own column.
_LEADING_TIME = re.compile(r"^\d{2}:\d{2} — ")


@dataclass(frozen=True)
class ReminderLine:
    """A reminder as the view shows it: when, what, and why in words."""

    kind: str  # planner ReminderKind value: melatonin, dose, checkin, followup, sleep_diary
    substance: str | None
    due: datetime  # in the summary's zone
    reason: str


@dataclass(frozen=True)
class DoseRuleLine:
    """Why a substance has no dose reminder on a day, in words."""

    substance: str
    reason: str


@dataclass(frozen=True)
class DoseTotal:
    """Today's doses of one substance: how many and how much."""

    substance: str
    count: int
    total: float
    unit: str


@dataclass(frozen=True)
class LimitStatus:
    """One substance against the user's own limits, for the 24 hours up to ``now``."""

    substance: str
    unit: str
    used_count: int
    used_amount: float
    max_doses: int | None
    daily_cap: float | None
    min_interval_h: float | None
    usual_amount: float | None  # None: checked by count, interval and a used-up cap only
    next_ok: datetime | None  # earliest time within the limits; None: never (usual > cap)
    ok_now: bool


@dataclass(frozen=True)
class PainPoint:
    """One of today's pain scores."""

    at: datetime
    score: int


@dataclass(frozen=True)
class SleepNight:
    """Last night's diary with the Consensus Sleep Diary measures."""

    night: date
    total_sleep_min: float
    time_in_bed_min: float
    efficiency: float  # percent
    quality: int  # 1 very poor ... 5 very good
    sol_min: int
    awakenings: int


@dataclass(frozen=True)
class TodaySummary:
    """Everything the Today view shows, computed for one moment in one zone."""

    now: datetime  # in the summary's zone
    has_substances: bool
    due_now: tuple[ReminderLine, ...]
    next_reminder: ReminderLine | None
    paused_until: datetime | None
    doses: tuple[DoseTotal, ...]
    limits: tuple[LimitStatus, ...]
    pains: tuple[PainPoint, ...]  # today's, oldest first
    sleep: SleepNight | None
    tomorrow_plan: tuple[ReminderLine, ...]
    # One line per dose-reminded substance that has no dose reminder tomorrow, saying why.
    tomorrow_without_doses: tuple[DoseRuleLine, ...] = ()

    @property
    def today(self) -> date:
        return self.now.date()

    @property
    def tomorrow(self) -> date:
        return self.today + timedelta(days=1)


def _day_start(day: date, zone: tzinfo) -> datetime:
    return localize(datetime.combine(day, time()), zone)


def _reason_words(code: str, data: dict[str, object]) -> str:
    return _LEADING_TIME.sub("", describe_reason(code, data))


def _stored_line(occurrence: StoredOccurrence, zone: tzinfo) -> ReminderLine:
    return ReminderLine(
        occurrence.kind,
        occurrence.substance,
        occurrence.due.astimezone(zone),
        _reason_words(occurrence.reason_code, occurrence.reason_data),
    )


def _limit_status(journal: Journal, substance: Substance, now: datetime, zone: tzinfo) -> LimitStatus:
    limits = substance.limits
    verdict = journal.limit_verdict(substance, probe_amount(substance.usual_amount, limits), now)
    interval = limits.min_interval
    return LimitStatus(
        substance=substance.name,
        unit=substance.unit,
        used_count=verdict.used_count,
        used_amount=verdict.used_amount,
        max_doses=limits.max_doses_per_24h,
        daily_cap=limits.max_amount_per_24h,
        min_interval_h=None if interval is None else interval.total_seconds() / 3600,
        usual_amount=substance.usual_amount,
        next_ok=None if verdict.next_ok_at is None else verdict.next_ok_at.astimezone(zone),
        ok_now=verdict.ok,
    )


def _dose_totals(records: Sequence[Record]) -> tuple[DoseTotal, ...]:
    totals: dict[str, DoseTotal] = {}
    for record in records:
        name, amount, unit = str(record["substance"]), float(record["amount"]), str(record["unit"])
        old = totals.get(name)
        totals[name] = (
            DoseTotal(name, 1, amount, unit)
            if old is None
            else DoseTotal(name, old.count + 1, old.total + amount, unit)
        )
    return tuple(sorted(totals.values(), key=lambda t: t.substance.casefold()))


def _last_night(journal: Journal, today: date, zone: tzinfo) -> SleepNight | None:
    night = today - timedelta(days=1)
    # A diary is listed at "into bed": the evening of its night or the small hours after.
    for record in journal.entries(
        kind="sleep",
        start=_day_start(night - timedelta(days=1), zone),
        end=_day_start(today + timedelta(1), zone),
    ):
        if record["night"] != night.isoformat():
            continue
        times = {
            k: datetime.fromisoformat(record[k]) for k in ("in_bed", "try_sleep", "final_wake", "out_of_bed")
        }
        tst = (
            minutes_between(times["try_sleep"], times["final_wake"]) - record["sol_min"] - record["waso_min"]
        )
        tib = minutes_between(times["in_bed"], times["out_of_bed"])
        return SleepNight(
            night=night,
            total_sleep_min=tst,
            time_in_bed_min=tib,
            efficiency=0.0 if tib <= 0 else tst / tib * 100,
            quality=record["quality"],
            sol_min=record["sol_min"],
            awakenings=record["awakenings"],
        )
    return None


def _tomorrow_plan(
    journal: Journal, tomorrow: date, zone: tzinfo
) -> tuple[tuple[ReminderLine, ...], tuple[DoseRuleLine, ...]]:
    """Tomorrow's reminders, and why a substance has no dose reminder among them."""
    inputs = plan_inputs(journal, tomorrow, zone)
    config, view = inputs.config, inputs.view
    cache: ProfileCache = {}  # the plan and the dose rules share one pain model
    plan = plan_day(config, view, tomorrow, zone, cache)
    lines = tuple(
        ReminderLine(
            str(o.kind),
            o.substance,
            o.due.astimezone(zone),
            _reason_words(o.reason.code, dict(o.reason.data)),
        )
        for o in plan
    )
    reminded = {o.substance for o in plan if o.kind is ReminderKind.DOSE}
    without = []
    for rule in dose_rules(config, view, tomorrow, zone, cache):
        name = str(rule.data.get("substance", ""))
        if name not in reminded:
            words = describe_reason(rule.code, dict(rule.data)).removeprefix(f"{name}: ")
            without.append(DoseRuleLine(name, words))
    return lines, tuple(without)


def today_summary(journal: Journal, reminders: Reminders, now: datetime, zone: tzinfo) -> TodaySummary:
    """Everything the Today view shows, read from the journal at ``now`` in ``zone``."""
    local_now = now.astimezone(zone)
    today = local_now.date()
    start, end = _day_start(today, zone), _day_start(today + timedelta(days=1), zone)
    yesterday = (today - timedelta(days=1)).isoformat()
    # A reminder delivered but not answered stays "due"; once its window has passed it
    # is no longer something to do now (never a stale "take your dose now").
    due = [
        _stored_line(o, zone)
        for o in reminders.on_dates([yesterday, today.isoformat()])
        if o.state == "due" and o.valid_until > now
    ]
    upcoming = [o for o in reminders.pending() if o.fire_at > now]
    substances = [s.substance for s in journal.substances()]
    tomorrow_plan, without_doses = _tomorrow_plan(journal, today + timedelta(days=1), zone)
    return TodaySummary(
        now=local_now,
        has_substances=bool(substances),
        due_now=tuple(due),
        next_reminder=_stored_line(upcoming[0], zone) if upcoming else None,
        paused_until=_paused(reminders, now, zone),
        doses=_dose_totals(journal.entries(kind="dose", start=start, end=end)),
        limits=tuple(_limit_status(journal, s, now, zone) for s in substances if s.active and s.limits.any),
        pains=tuple(
            PainPoint(datetime.fromisoformat(r["at"]).astimezone(zone), r["score"])
            for r in journal.entries(kind="pain", start=start, end=min(end, now + timedelta(seconds=1)))
        ),
        sleep=_last_night(journal, today, zone),
        tomorrow_plan=tomorrow_plan,
        tomorrow_without_doses=without_doses,
    )


def _paused(reminders: Reminders, now: datetime, zone: tzinfo) -> datetime | None:
    until = reminders.paused_until()
    return None if until is None or until <= now else until.astimezone(zone)
