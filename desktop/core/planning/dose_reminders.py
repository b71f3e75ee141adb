"""The dose reminders of a day: the dose rule of each substance (the user's fixed times,
or pattern timing with its "never add doses" cap) and the reminders it plans (DESIGN.md 5).

All active kratom products share one rule; the times themselves come from
desktop/core/planning/pattern_doses.py when the pain model can plan them.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, tzinfo
from typing import Any

from desktop.core.model import Substance, SubstanceKind
from desktop.core.planning.day_times import instant, minutes_text, shift
from desktop.core.planning.dose_timing import DoseDecision, recent_doses_per_day, reminder_cap
from desktop.core.planning.inputs import JournalView, PlanConfig
from desktop.core.planning.occurrence import Occurrence, ReminderKind, planned_key
from desktop.core.planning.pain_model_values import PainModel
from desktop.core.planning.pattern_doses import ProfileCache, cached_model, plan_pattern_doses, remember
from desktop.core.reasons import Reason
from desktop.core.times import localize

DOSE_WINDOW = timedelta(hours=2)


def _fixed_slots(config: PlanConfig, why: Reason, summary: Reason) -> DoseDecision:
    minutes = tuple(t.hour * 60 + t.minute for t in config.dose_times)
    reasons = tuple(Reason(why.code, {**why.data, "time": minutes_text(m)}) for m in minutes)
    times = ", ".join(minutes_text(m) for m in minutes)
    return DoseDecision(minutes, reasons, Reason(summary.code, {**summary.data, "times": times}))


def _first_record(journal: JournalView) -> datetime | None:
    moments = [r.at for r in journal.pains] + [d.at for d in journal.doses]
    return min(moments, key=instant) if moments else None


# ---- the kratom products' shared rule ----------------------------------------------


def _dose_group(journal: JournalView, substance: Substance) -> list[Substance]:
    """The active kratom products reminded together with ``substance`` (itself included):
    dose reminders are one rule across products, so two products never double them."""
    if substance.kind is not SubstanceKind.KRATOM:
        return [substance]
    return [s for _, s in journal.substances if s.kind is SubstanceKind.KRATOM and s.active] or [substance]


def _recent_use(journal: JournalView, group: Sequence[Substance], day_start: datetime) -> dict[str, float]:
    """Doses a day of the group's products over the last 14 days, per product."""
    first = _first_record(journal)
    return {
        s.name: recent_doses_per_day(
            [d.at for d in journal.doses if d.substance.casefold() == s.name.casefold()], first, day_start
        )
        for s in group
    }


def _strictest(group: Sequence[Substance]) -> tuple[int | None, timedelta | None]:
    """The smallest maximum per 24 h and the longest minimum interval of the group."""
    maxima = [s.limits.max_doses_per_24h for s in group if s.limits.max_doses_per_24h is not None]
    intervals = [s.limits.min_interval for s in group if s.limits.min_interval is not None]
    return (min(maxima) if maxima else None), (max(intervals) if intervals else None)


def _days_with_doses(journal: JournalView, group: Sequence[Substance], day_start: datetime) -> int:
    names = {s.name.casefold() for s in group}
    since = day_start - timedelta(days=14)
    return len(
        {d.at.date() for d in journal.doses if d.substance.casefold() in names and since <= d.at < day_start}
    )


@dataclass(frozen=True)
class _GroupCap:
    """How many dose reminders the group may have on the day and where the number comes
    from (``count``, ``source``), its recent use, what the reasons show of them (``data``)
    and the longest minimum interval of its products."""

    count: int
    source: str
    recent: float
    data: Mapping[str, Any]
    min_interval: timedelta | None


def _group_cap(
    config: PlanConfig, substance: Substance, group: Sequence[Substance], use: Mapping[str, float]
) -> _GroupCap:
    recent = sum(use.values())
    maximum, min_interval = _strictest(group)
    cap, source = reminder_cap(recent, config.dose_reminders_per_day, maximum)
    data = {"substance": substance.name, "cap": cap, "cap_source": source, "recent": round(recent, 1)}
    return _GroupCap(cap, source, recent, data, min_interval)


# ---- one substance's decision ------------------------------------------------------


def decide_doses(
    config: PlanConfig,
    journal: JournalView,
    substance: Substance,
    day: date,
    zone: tzinfo,
    cache: ProfileCache | None = None,
) -> tuple[DoseDecision, PainModel | None]:
    """The dose minutes for one substance on ``day`` with their reasons and the day's
    summary, and the pain model if one was used.

    With pattern timing, all active kratom products share one rule: the reminders go to
    the product taken most over the last 14 days (the others say so), their number is
    capped by the combined recent use and the smallest maximum, and they keep the
    longest minimum interval of them all."""
    if config.dose_timing != "pattern":
        code = "fixed_times" if config.dose_times else "fixed_none"
        return _fixed_slots(config, Reason("fixed_time"), Reason(code, {"substance": substance.name})), None
    day_start = localize(datetime.combine(day, time()), zone)
    group = _dose_group(journal, substance)
    use = _recent_use(journal, group, day_start)
    lead = min(group, key=lambda s: (-use[s.name], s.name.casefold()))
    if lead.name != substance.name:
        other = Reason("pattern_with_other", {"substance": substance.name, "other": lead.name})
        return DoseDecision((), (), other), None
    cap = _group_cap(config, substance, group, use)
    if cap.count == 0:
        return _not_reminded(journal, group, day_start, cap), None
    return _decide_from_model(config, journal, substance, day, zone, cache, cap)


def _not_reminded(
    journal: JournalView, group: Sequence[Substance], day_start: datetime, cap: _GroupCap
) -> DoseDecision:
    # Ebb never adds doses: none lately (or only now and then), none reminded, not
    # even at the fixed times (a person who stopped, or is stopping, is not reminded
    # to start again; the user's own number in Settings brings reminders back).
    code = "pattern_no_recent_doses" if cap.recent == 0 else "pattern_occasional"
    days = _days_with_doses(journal, group, day_start)
    return DoseDecision((), (), Reason(code, {**cap.data, "dose_days": days}))


def _decide_from_model(
    config: PlanConfig,
    journal: JournalView,
    substance: Substance,
    day: date,
    zone: tzinfo,
    cache: ProfileCache | None,
    cap: _GroupCap,
) -> tuple[DoseDecision, PainModel]:
    """The pattern decision from the day's pain model, reused from ``cache`` while its
    inputs are unchanged."""
    model_key, model = cached_model(journal, day, zone, config.pattern_window_days, cache)
    unplannable = _model_cannot_plan(config, model, substance, cap)
    if unplannable is not None:
        return unplannable, model
    # The decision depends only on these (the model object is reused from the cache while
    # its inputs are unchanged), so today's search runs once a day.
    key = ("doses", model_key, substance, config, day, str(zone), cap.count, cap.source, cap.min_interval)
    if cache is not None and key in cache:
        cached: DoseDecision = cache[key]
        return cached, model
    decision = plan_pattern_doses(model, substance, config, day, zone, cap.count, cap.data, cap.min_interval)
    if cache is not None:
        remember(cache, key, decision)
    return decision, model


def _model_cannot_plan(
    config: PlanConfig, model: PainModel, substance: Substance, cap: _GroupCap
) -> DoseDecision | None:
    """The decision when the model cannot time the doses (None when it can): too little
    data, doses always at the same times, or no clear relief after them."""
    name = {"substance": substance.name}
    fixed = {"fixed": len(config.dose_times)}
    if not model.enough_data:
        missing = dict(model.sufficiency.missing)
        why = Reason("fixed_not_enough_data", missing)
        return _fixed_slots(config, why, Reason("pattern_short", {**name, **missing, **fixed}))
    relief = model.relief_for(substance.name)
    if relief is not None and relief.reason == "same_times":
        # The untreated pain under the usual doses was never seen: Ebb cannot tell whether
        # that time needs a dose, so it neither drops nor moves it.
        why = Reason("fixed_same_times")
        return _fixed_slots(config, why, Reason("pattern_same_times", {**name, **fixed}))
    if relief is not None and relief.enough_data and relief.onset_min is None:
        # The journal shows no drop of a point after these doses: a reminder would time
        # something the data do not show to help. None, and the plan says why.
        return DoseDecision((), (), Reason("pattern_no_clear_relief", {**cap.data}))
    return None


# ---- the day's dose reminders ------------------------------------------------------


def plan_doses(
    config: PlanConfig, journal: JournalView, day: date, zone: tzinfo, cache: ProfileCache | None = None
) -> list[Occurrence]:
    result = []
    for uid, substance in journal.substances:
        if substance.kind is not SubstanceKind.KRATOM or not substance.active:
            continue
        decision, _ = decide_doses(config, journal, substance, day, zone, cache)
        dues: list[datetime] = []
        reasons: list[Reason] = []
        keys: list[str] = []
        for minute, reason in zip(decision.minutes, decision.reasons, strict=True):
            due = localize(datetime.combine(day, time(minute // 60, minute % 60)), zone)
            # Two times in a DST gap can become one instant (02:30 and 03:30 -> 03:30):
            # one reminder, not two at once.
            if all(instant(due) != instant(d) for d in dues):
                dues.append(due)
                reasons.append(reason)
                keys.append(planned_key(f"dose:{uid}", day, minute))
        for key, due, reason in zip(keys, dues, reasons, strict=True):
            # The next dose in time, not in list order: a time in a DST gap moves forward
            # past the one after it (02:30 -> 03:30 passes 03:00). Compared as instants:
            # datetimes sharing a ZoneInfo compare by wall clock, blind to the fold.
            following = min((d for d in dues if instant(d) > instant(due)), key=instant, default=None)
            until = shift(due, DOSE_WINDOW)
            if following is not None:
                until = min(until, following, key=instant)
            result.append(
                Occurrence(
                    key=key,
                    kind=ReminderKind.DOSE,
                    due=due,
                    valid_until=until,
                    substance=substance.name,
                    reason=reason,
                )
            )
    return result
