"""The day's reminders, planned from the settings and the journal (DESIGN.md 4 and 5).

Pure: the day, its zone and the journal's data are inputs; the output is a list of
occurrences, each with a unique key (rule, local date, slot), an aware due time, a
validity window and a reason (a code plus data; the CLI and UI turn it into words).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from desktop.core.model import Substance, SubstanceKind
from desktop.core.numbers import format_number
from desktop.core.planning.dose_timing import (
    DoseDecision,
    best_dose_slots,
    coverage_effect,
    covered_rise,
    curve_effect,
    recent_doses_per_day,
    reminder_cap,
)
from desktop.core.planning.pattern import SLOT_MIN, SLOTS, PainReading
from desktop.core.reasons import Reason
from desktop.core.times import localize, parse_clock

if TYPE_CHECKING:  # numpy: loaded only when pattern timing plans (never at tray start-up)
    from desktop.core.planning.pain_model import ModelDose, PainModel


DOSE_WINDOW = timedelta(hours=2)
CHECKIN_WINDOW = timedelta(hours=2)
FOLLOWUP_WINDOW = timedelta(hours=1)
MELATONIN_AFTER_BED = timedelta(hours=1)
DIARY_UNTIL = time(12, 0)
DIARY_NIGHTS, DIARY_MIN_NIGHTS = 14, 5
# Used only for timing (never for amounts) when the user has not set them.
DEFAULT_ONSET_MIN = 30
DEFAULT_DURATION_H = 4.0
# What the planner reads before the day: the pattern window, 14 diary nights and 14 days
# of dose use (the "never add doses" cap), and a day of doses for follow-ups.
EXTRA_LOOKBACK = timedelta(days=16)


class ReminderKind(StrEnum):
    MELATONIN = "melatonin"
    DOSE = "dose"
    CHECKIN = "checkin"
    FOLLOWUP = "followup"
    SLEEP_DIARY = "sleep_diary"


@dataclass(frozen=True)
class Occurrence:
    """One planned reminder: what, when, until when it is still worth showing, and why."""

    key: str
    kind: ReminderKind
    due: datetime
    valid_until: datetime
    substance: str | None
    reason: Reason


@dataclass(frozen=True)
class LoggedDose:
    """A dose already in the journal, as the planner reads it."""

    uid: str
    substance: str
    at: datetime
    pain_before: int | None = None


@dataclass(frozen=True)
class JournalView:
    """What the planner reads from the journal (active substances only)."""

    substances: Sequence[tuple[str, Substance]] = ()
    pains: Sequence[PainReading] = ()
    doses: Sequence[LoggedDose] = ()
    sleep_onsets: Sequence[tuple[date, datetime]] = ()  # (night, tried to sleep)


@dataclass(frozen=True)
class PlanConfig:
    """The settings that shape a day's plan (the user's times and timing mode)."""

    wake: time = time(7, 0)
    bed: time = time(23, 0)
    wake_weekend: time = time(8, 30)
    bed_weekend: time = time(23, 30)
    bedtime_mode: str = "fixed"
    melatonin_lead_min: int = 60
    checkin_times: tuple[time, ...] = (time(9), time(14), time(20))
    followups_min: tuple[int, ...] = (60, 120)
    dose_timing: str = "fixed"
    dose_times: tuple[time, ...] = ()
    pain_threshold: float = 4.0
    pattern_window_days: int = 28
    no_dose_before_bed_h: float = 0.0
    dose_reminders_per_day: int | None = None  # None: follow recent use

    @classmethod
    def from_settings(cls, settings: Mapping[str, str]) -> PlanConfig:
        """From effective (validated, normalised) settings."""

        def clocks(key: str) -> tuple[time, ...]:
            return tuple(parse_clock(key, v) for v in settings[key].split(",") if v)

        return cls(
            wake=parse_clock("wake_time", settings["wake_time"]),
            bed=parse_clock("bedtime", settings["bedtime"]),
            wake_weekend=parse_clock("wake_time_weekend", settings["wake_time_weekend"]),
            bed_weekend=parse_clock("bedtime_weekend", settings["bedtime_weekend"]),
            bedtime_mode=settings["bedtime_mode"],
            melatonin_lead_min=int(settings["melatonin_lead_min"]),
            checkin_times=clocks("checkin_times"),
            followups_min=tuple(int(v) for v in settings["followups_min"].split(",") if v),
            dose_timing=settings["dose_timing"],
            dose_times=clocks("dose_times"),
            pain_threshold=float(settings["pain_threshold"]),
            pattern_window_days=int(settings["pattern_window_days"]),
            no_dose_before_bed_h=float(settings["no_dose_before_bed_h"]),
            dose_reminders_per_day=int(settings["dose_reminders_per_day"])
            if settings["dose_reminders_per_day"]
            else None,
        )

    def lookback_start(self, day_start: datetime) -> datetime:
        """The earliest moment the plan of the day starting at ``day_start`` reads: one
        look-back for the CLI, the service and the windows alike."""
        return day_start - timedelta(days=self.pattern_window_days) - EXTRA_LOOKBACK


def shift(moment: datetime, delta: timedelta) -> datetime:
    """``moment`` + ``delta`` in real (elapsed) time, shown in the same zone.

    Plain arithmetic on a ZoneInfo datetime is wall-clock arithmetic, an hour off
    across a DST change (and it can land on a time that does not exist).
    """
    return (moment.astimezone(UTC) + delta).astimezone(moment.tzinfo)


def _instant(moment: datetime) -> float:
    return moment.timestamp()


def _clock_text(t: time) -> str:
    return f"{t.hour:02d}:{t.minute:02d}"


def _minutes_text(minute: int) -> str:
    minute %= 24 * 60
    return f"{minute // 60:02d}:{minute % 60:02d}"


def _is_weekend(day: date) -> bool:
    return day.weekday() >= 5


def wake_time(config: PlanConfig, day: date) -> time:
    return config.wake_weekend if _is_weekend(day) else config.wake


def _evening_bedtime(config: PlanConfig, day: date) -> time:
    # The night from Friday to Saturday is a weekend night, and so is Saturday's.
    return config.bed_weekend if day.weekday() in (4, 5) else config.bed


def at_local(day: date, clock: time, zone: tzinfo, *, night: bool = False) -> datetime:
    """``clock`` on ``day`` in ``zone``; with ``night``, a clock before noon is after
    midnight (a bedtime of 00:30 belongs to the next calendar day)."""
    if night and clock < time(12, 0):
        day = day + timedelta(days=1)
    return localize(datetime.combine(day, clock), zone)


# ---- melatonin ---------------------------------------------------------------------


def _median(values: Sequence[int]) -> float:
    # Not statistics.median: importing statistics (with fractions and decimal) cost
    # about 3 ms of every app start.
    ordered = sorted(values)
    middle = len(ordered) // 2
    return ordered[middle] if len(ordered) % 2 else (ordered[middle - 1] + ordered[middle]) / 2


def diary_bedtime(onsets: Sequence[tuple[date, datetime]], day: date) -> tuple[time | None, int]:
    """Median "tried to sleep" clock time of the 14 nights before ``day`` (None if fewer
    than 5). Times are measured from noon so that 23:30 and 00:30 average to midnight."""
    recent = [at for night, at in onsets if day - timedelta(days=DIARY_NIGHTS) <= night < day]
    if len(recent) < DIARY_MIN_NIGHTS:
        return None, len(recent)
    from_noon = [((at.hour * 60 + at.minute) - 720) % 1440 for at in recent]
    minute = round(_median(from_noon)) + 720
    minute %= 1440
    return time(minute // 60, minute % 60), len(recent)


def _bedtime(config: PlanConfig, journal: JournalView, day: date) -> tuple[time, Reason]:
    fixed = _evening_bedtime(config, day)
    if config.bedtime_mode == "diary":
        found, nights = diary_bedtime(journal.sleep_onsets, day)
        if found is not None:
            return found, Reason("bedtime_diary", {"bedtime": _clock_text(found), "nights": nights})
        return fixed, Reason(
            "bedtime_diary_short",
            {"bedtime": _clock_text(fixed), "nights": nights, "needed": DIARY_MIN_NIGHTS},
        )
    return fixed, Reason("bedtime_fixed", {"bedtime": _clock_text(fixed)})


def plan_melatonin(config: PlanConfig, journal: JournalView, day: date, zone: tzinfo) -> list[Occurrence]:
    bed_clock, bed_reason = _bedtime(config, journal, day)
    bed = at_local(day, bed_clock, zone, night=True)
    due = shift(bed, -timedelta(minutes=config.melatonin_lead_min))
    result = []
    for uid, substance in journal.substances:
        if substance.kind is SubstanceKind.MELATONIN and substance.active:
            data = {**bed_reason.data, "lead_min": config.melatonin_lead_min, "time": f"{due:%H:%M}"}
            result.append(
                Occurrence(
                    key=f"melatonin:{uid}:{day.isoformat()}",
                    kind=ReminderKind.MELATONIN,
                    due=due,
                    valid_until=shift(bed, MELATONIN_AFTER_BED),
                    substance=substance.name,
                    reason=Reason(bed_reason.code, data),
                )
            )
    return result


# ---- doses -------------------------------------------------------------------------


def _timing(substance: Substance) -> tuple[int, float]:
    onset = substance.onset_min if substance.onset_min is not None else DEFAULT_ONSET_MIN
    duration = substance.duration_h if substance.duration_h is not None else DEFAULT_DURATION_H
    return onset, duration


def relief_substances(journal: JournalView) -> list[str]:
    """The pain-relief substances (anything but melatonin) the model learns a curve for."""
    return [s.name for _, s in journal.substances if s.kind is not SubstanceKind.MELATONIN]


def model_doses(journal: JournalView) -> list[ModelDose]:
    """Logged doses of pain-relief substances, as the pain model reads them."""
    from desktop.core.planning.pain_model import ModelDose

    relief = {name.casefold() for name in relief_substances(journal)}
    return [
        ModelDose(d.at, d.substance, d.pain_before) for d in journal.doses if d.substance.casefold() in relief
    ]


# Kept by the caller between plans: pain models and the dose decisions made from them.
ProfileCache = dict[tuple[Any, ...], Any]


CACHE_SIZE = 64


def _remember(cache: ProfileCache, key: tuple[Any, ...], value: Any) -> None:
    while len(cache) >= CACHE_SIZE:
        del cache[next(iter(cache))]  # the oldest entry
    cache[key] = value


def cached_model(
    journal: JournalView, day: date, zone: tzinfo, window_days: int, cache: ProfileCache | None = None
) -> tuple[tuple[Any, ...], PainModel]:
    """The pain model for ``day`` and its cache key, reused from ``cache`` while its
    inputs are unchanged.

    A day's model depends only on data from before that day, so today's stays valid
    all day and a new entry only costs tomorrow's.
    """
    from desktop.core.planning.pain_model import RELIEF_SPAN_MIN, fit_pain_model

    day_start = localize(datetime.combine(day, time()), zone)
    first = (day_start - timedelta(days=window_days, minutes=RELIEF_SPAN_MIN + 60)).timestamp()
    last = day_start.timestamp()
    pains = tuple(
        (r.at.timestamp(), r.at.utcoffset(), r.score)
        for r in journal.pains
        if first <= r.at.timestamp() < last
    )
    doses = model_doses(journal)
    substances = tuple(relief_substances(journal))
    dose_key = tuple(
        (d.at.timestamp(), d.at.utcoffset(), d.substance.casefold(), d.pain_before)
        for d in doses
        if first <= d.at.timestamp() < last
    )
    # The inputs themselves (not their hash) are the key: a collision must not be possible.
    key = ("model", day_start.timestamp(), window_days, substances, pains, dose_key)
    if cache is not None and key in cache:
        found: PainModel = cache[key]
        return key, found
    model = fit_pain_model(journal.pains, doses, substances, day_start=day_start, window_days=window_days)
    if cache is not None:
        _remember(cache, key, model)
    return key, model


def _fixed_slots(config: PlanConfig, why: Reason, summary: Reason) -> DoseDecision:
    minutes = tuple(t.hour * 60 + t.minute for t in config.dose_times)
    reasons = tuple(Reason(why.code, {**why.data, "time": _minutes_text(m)}) for m in minutes)
    times = ", ".join(_minutes_text(m) for m in minutes)
    return DoseDecision(minutes, reasons, Reason(summary.code, {**summary.data, "times": times}))


def _first_record(journal: JournalView) -> datetime | None:
    moments = [r.at for r in journal.pains] + [d.at for d in journal.doses]
    return min(moments, key=_instant) if moments else None


def _clearly_above(model: PainModel, threshold: float) -> list[float | None]:
    """The untreated baseline for planning: a half hour counts as above the threshold
    only where its whole 95 % interval is (pain first: noise around the threshold plans
    no dose)."""
    return [
        p.pain
        if p.pain is None or p.pain <= threshold or (p.low is not None and p.low > threshold)
        else threshold
        for p in model.baseline
    ]


def plan_pattern_doses(
    model: PainModel,
    substance: Substance,
    config: PlanConfig,
    day: date,
    zone: tzinfo,
    cap: int,
    cap_data: Mapping[str, Any],
    min_interval: timedelta | None = None,
) -> DoseDecision:
    """Dose times for ``day`` from the model (assumes the baseline has enough data).
    ``min_interval`` is the strictest of the user's own intervals for every product the
    reminders stand for (default: this substance's)."""
    onset, duration = _timing(substance)
    relief = model.relief_for(substance.name)
    learned = relief is not None and relief.enough_data
    effect = curve_effect(relief.change_at) if learned and relief else coverage_effect(onset, duration)
    baseline = _clearly_above(model, config.pain_threshold)
    interval = min_interval if min_interval is not None else substance.limits.min_interval
    # Without a minimum interval of the user's, doses are at least their effect apart.
    gap = interval.total_seconds() / 60 if interval is not None else onset + duration * 60
    candidates, too_close = _dose_slots_allowed(config, day, zone, max(float(SLOT_MIN), gap))
    chosen = best_dose_slots(
        baseline,
        effect,
        threshold=config.pain_threshold,
        candidates=candidates,
        too_close=too_close,
        max_doses=cap,
    )
    highest = max((p.pain for p in model.baseline if p.pain is not None), default=None)
    common = {
        "readings": model.sufficiency.readings,
        "days": model.sufficiency.days,
        "split": str(model.split),
        "threshold": format_number(config.pain_threshold),
        "relief": "learned" if learned else "settings",
        "onset_min": relief.onset_min if learned and relief else onset,
        "duration_h": format_number(duration),
    }
    if not chosen:
        code = (
            "pattern_low_pain" if highest is None or highest <= config.pain_threshold else "pattern_no_gain"
        )
        data = {**common, **cap_data, "highest": None if highest is None else round(highest)}
        return DoseDecision((), (), Reason(code, data))
    reasons = []
    for s in chosen:
        rise = covered_rise(baseline, effect, s, config.pain_threshold)
        first, end, peak = rise if rise is not None else (s, s + 1, highest or 0.0)
        reasons.append(
            Reason(
                # "as" rather than "before" when the rise has begun by the dose's time
                "pattern_rise" if first > s else "pattern_rising",
                {
                    **common,
                    "time": _minutes_text(s * SLOT_MIN),
                    "rise_start": _minutes_text(first * SLOT_MIN),
                    "rise_end": _minutes_text(end * SLOT_MIN),
                    "untreated": round(peak),
                },
            )
        )
    summary = Reason("pattern_planned", {**common, **cap_data, "count": len(chosen)})
    return DoseDecision(tuple(s * SLOT_MIN for s in chosen), tuple(reasons), summary)


def _dose_slots_allowed(
    config: PlanConfig, day: date, zone: tzinfo, gap_min: float
) -> tuple[list[int], Callable[[int, int], bool]]:
    """The slots a dose may be planned at (waking hours, not too near bed) and the test
    for two slots closer than ``gap_min`` real minutes (a DST day keeps the interval)."""
    wake = wake_time(config, day)
    bed = _evening_bedtime(config, day)
    wake_min = wake.hour * 60 + wake.minute
    bed_min = bed.hour * 60 + bed.minute + (1440 if bed < time(12, 0) else 0)
    last_start = min(bed_min - config.no_dose_before_bed_h * 60, 1440 - SLOT_MIN)
    candidates = [s for s in range(SLOTS) if wake_min <= s * SLOT_MIN <= last_start]
    midnight = localize(datetime.combine(day, time()), zone).timestamp()
    elapsed = [
        (localize(datetime.combine(day, time(m // 60, m % 60)), zone).timestamp() - midnight) / 60
        for m in range(0, 1440, SLOT_MIN)
    ]

    def too_close(p: int, s: int) -> bool:
        return elapsed[s] - elapsed[p] < gap_min - 1e-9

    return candidates, too_close


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
    name = {"substance": substance.name}
    if config.dose_timing != "pattern":
        code = "fixed_times" if config.dose_times else "fixed_none"
        return _fixed_slots(config, Reason("fixed_time"), Reason(code, name)), None
    fixed = {"fixed": len(config.dose_times)}
    day_start = localize(datetime.combine(day, time()), zone)
    group = _dose_group(journal, substance)
    use = _recent_use(journal, group, day_start)
    lead = min(group, key=lambda s: (-use[s.name], s.name.casefold()))
    if lead.name != substance.name:
        return DoseDecision((), (), Reason("pattern_with_other", {**name, "other": lead.name})), None
    recent = sum(use.values())
    maximum, min_interval = _strictest(group)
    cap, source = reminder_cap(recent, config.dose_reminders_per_day, maximum)
    cap_data = {**name, "cap": cap, "cap_source": source, "recent": round(recent, 1)}
    if cap == 0:
        # Ebb never adds doses: none lately (or only now and then), none reminded, not
        # even at the fixed times (a person who stopped, or is stopping, is not reminded
        # to start again; the user's own number in Settings brings reminders back).
        code = "pattern_no_recent_doses" if recent == 0 else "pattern_occasional"
        days = _days_with_doses(journal, group, day_start)
        return DoseDecision((), (), Reason(code, {**cap_data, "dose_days": days})), None
    model_key, model = cached_model(journal, day, zone, config.pattern_window_days, cache)
    if not model.enough_data:
        missing = dict(model.sufficiency.missing)
        why = Reason("fixed_not_enough_data", missing)
        return _fixed_slots(config, why, Reason("pattern_short", {**name, **missing, **fixed})), model
    relief = model.relief_for(substance.name)
    if relief is not None and relief.reason == "same_times":
        # The untreated pain under the usual doses was never seen: Ebb cannot tell whether
        # that time needs a dose, so it neither drops nor moves it.
        why = Reason("fixed_same_times")
        return _fixed_slots(config, why, Reason("pattern_same_times", {**name, **fixed})), model
    if relief is not None and relief.enough_data and relief.onset_min is None:
        # The journal shows no drop of a point after these doses: a reminder would time
        # something the data do not show to help. None, and the plan says why.
        return DoseDecision((), (), Reason("pattern_no_clear_relief", {**cap_data})), model
    # The decision depends only on these (the model object is reused from the cache while
    # its inputs are unchanged), so today's search runs once a day.
    key = ("doses", model_key, substance, config, day, str(zone), cap, source, min_interval)
    if cache is not None and key in cache:
        cached: DoseDecision = cache[key]
        return cached, model
    decision = plan_pattern_doses(model, substance, config, day, zone, cap, cap_data, min_interval)
    if cache is not None:
        _remember(cache, key, decision)
    return decision, model


def _days_with_doses(journal: JournalView, group: Sequence[Substance], day_start: datetime) -> int:
    names = {s.name.casefold() for s in group}
    since = day_start - timedelta(days=14)
    return len(
        {d.at.date() for d in journal.doses if d.substance.casefold() in names and since <= d.at < day_start}
    )


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
        for minute, reason in zip(decision.minutes, decision.reasons, strict=True):
            due = localize(datetime.combine(day, time(minute // 60, minute % 60)), zone)
            # Two times in a DST gap can become one instant (02:30 and 03:30 -> 03:30):
            # one reminder, not two at once.
            if all(_instant(due) != _instant(d) for d in dues):
                dues.append(due)
                reasons.append(reason)
        for index, (due, reason) in enumerate(zip(dues, reasons, strict=True)):
            # The next dose in time, not in list order: a time in a DST gap moves forward
            # past the one after it (02:30 -> 03:30 passes 03:00). Compared as instants:
            # datetimes sharing a ZoneInfo compare by wall clock, blind to the fold.
            following = min((d for d in dues if _instant(d) > _instant(due)), key=_instant, default=None)
            until = shift(due, DOSE_WINDOW)
            if following is not None:
                until = min(until, following, key=_instant)
            result.append(
                Occurrence(
                    key=f"dose:{uid}:{day.isoformat()}:{index}",
                    kind=ReminderKind.DOSE,
                    due=due,
                    valid_until=until,
                    substance=substance.name,
                    reason=reason,
                )
            )
    return result


def dose_rules(
    config: PlanConfig, journal: JournalView, day: date, zone: tzinfo, cache: ProfileCache | None = None
) -> list[Reason]:
    """One summary per dose-reminded substance: what the dose rule does on ``day`` and
    why, also (above all) when it plans nothing."""
    return [
        decide_doses(config, journal, substance, day, zone, cache)[0].summary
        for _, substance in journal.substances
        if substance.kind is SubstanceKind.KRATOM and substance.active
    ]


# ---- check-ins, follow-ups, the morning diary ---------------------------------------


def _asleep(config: PlanConfig, moment: datetime, zone: tzinfo) -> bool:
    """Inside the sleep window (between the evening's bedtime and the next wake time)."""
    local = moment.astimezone(zone)
    for evening in (local.date() - timedelta(days=1), local.date()):
        start = at_local(evening, _evening_bedtime(config, evening), zone, night=True)
        end = at_local(evening + timedelta(days=1), wake_time(config, evening + timedelta(days=1)), zone)
        if start <= moment < end:
            return True
    return False


def plan_checkins(config: PlanConfig, day: date, zone: tzinfo) -> list[Occurrence]:
    result = []
    for index, clock in enumerate(config.checkin_times):
        due = localize(datetime.combine(day, clock), zone)
        result.append(
            Occurrence(
                key=f"checkin:{day.isoformat()}:{index}",
                kind=ReminderKind.CHECKIN,
                due=due,
                valid_until=shift(due, CHECKIN_WINDOW),
                substance=None,
                reason=Reason("checkin_time", {"time": _clock_text(clock)}),
            )
        )
    return result


def plan_followups(config: PlanConfig, journal: JournalView, day: date, zone: tzinfo) -> list[Occurrence]:
    start = localize(datetime.combine(day, time()), zone)
    end = localize(datetime.combine(day + timedelta(days=1), time()), zone)
    relief = {s.name.casefold() for _, s in journal.substances if s.kind is not SubstanceKind.MELATONIN}
    result = []
    earliest = start - timedelta(minutes=max(config.followups_min, default=0))
    for dose in journal.doses:
        if dose.substance.casefold() not in relief or not earliest <= dose.at < end:
            continue
        for minutes in config.followups_min:
            due = shift(dose.at, timedelta(minutes=minutes))
            if not start <= due < end or _asleep(config, due, zone):
                continue
            result.append(
                Occurrence(
                    key=f"followup:{dose.uid}:{minutes}",
                    kind=ReminderKind.FOLLOWUP,
                    due=due.astimezone(zone),
                    valid_until=shift(due, FOLLOWUP_WINDOW),
                    substance=dose.substance,
                    reason=Reason(
                        "followup", {"minutes": minutes, "dose_time": f"{dose.at.astimezone(zone):%H:%M}"}
                    ),
                )
            )
    return result


def plan_sleep_diary(config: PlanConfig, day: date, zone: tzinfo) -> list[Occurrence]:
    due = localize(datetime.combine(day, wake_time(config, day)), zone)
    until = localize(datetime.combine(day, DIARY_UNTIL), zone)
    if until <= due:
        until = shift(due, CHECKIN_WINDOW)
    return [
        Occurrence(
            key=f"sleep_diary:{day.isoformat()}",
            kind=ReminderKind.SLEEP_DIARY,
            due=due,
            valid_until=until,
            substance=None,
            reason=Reason("morning_diary", {"night": (day - timedelta(days=1)).isoformat()}),
        )
    ]


def plan_day(
    config: PlanConfig,
    journal: JournalView,
    day: date,
    zone: tzinfo,
    cache: ProfileCache | None = None,
) -> list[Occurrence]:
    """Every reminder of local ``day`` in ``zone``, sorted by due time. ``cache`` (a
    dict kept by the caller) saves recomputing unchanged pain profiles."""
    occurrences = [
        *plan_sleep_diary(config, day, zone),
        *plan_checkins(config, day, zone),
        *plan_doses(config, journal, day, zone, cache),
        *plan_followups(config, journal, day, zone),
        *plan_melatonin(config, journal, day, zone),
    ]
    # By instant: datetimes sharing a ZoneInfo compare by wall clock, so 01:30 EST would
    # sort before 01:30 EDT in the repeated hour of a fall-back.
    return sorted(occurrences, key=lambda o: (_instant(o.due), o.key))
