"""The day's reminders, planned from the settings and the journal (DESIGN.md 4 and 5).

Pure: the day, its zone and the journal's data are inputs; the output is a list of
occurrences, each with a unique key (rule, local date, slot), an aware due time, a
validity window and a reason (a code plus data; the CLI and UI turn it into words).
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from enum import StrEnum
from typing import Any

from desktop.core.model import Substance, SubstanceKind
from desktop.core.pattern import (
    SLOT_MIN,
    SLOTS,
    PainProfile,
    PainReading,
    ReliefDose,
    Slot,
    profile_for_day,
)
from desktop.core.times import localize, parse_clock

DOSE_WINDOW = timedelta(hours=2)
CHECKIN_WINDOW = timedelta(hours=2)
FOLLOWUP_WINDOW = timedelta(hours=1)
MELATONIN_AFTER_BED = timedelta(hours=1)
DIARY_UNTIL = time(12, 0)
DIARY_NIGHTS, DIARY_MIN_NIGHTS = 14, 5
# Used only for timing (never for amounts) when the user has not set them.
DEFAULT_ONSET_MIN = 30
DEFAULT_DURATION_H = 4.0
# A dose is planned only if it covers at least this much excess pain, in pain points x
# half-hour slots (2.0 = one point above the threshold for an hour).
MIN_GAIN = 2.0
# What a slot that is usually under a dose (so has no untreated readings) is worth.
KEEP_EXCESS = 1.0


class ReminderKind(StrEnum):
    MELATONIN = "melatonin"
    DOSE = "dose"
    CHECKIN = "checkin"
    FOLLOWUP = "followup"
    SLEEP_DIARY = "sleep_diary"


@dataclass(frozen=True)
class Reason:
    """Why a reminder is planned: a code and the figures its wording needs."""

    code: str
    data: Mapping[str, Any] = field(default_factory=dict)


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
        )


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


@dataclass(frozen=True)
class DoseSlotPlan:
    """Chosen dose slots (start minute of the day) and the reasons for each."""

    minutes: tuple[int, ...]
    reasons: tuple[Reason, ...]


def _timing(substance: Substance) -> tuple[int, float]:
    onset = substance.onset_min if substance.onset_min is not None else DEFAULT_ONSET_MIN
    duration = substance.duration_h if substance.duration_h is not None else DEFAULT_DURATION_H
    return onset, duration


def relief_doses(journal: JournalView) -> list[ReliefDose]:
    """Logged doses of pain-relief substances (anything but melatonin) with timing."""
    timing = {
        s.name.casefold(): _timing(s) for _, s in journal.substances if s.kind is not SubstanceKind.MELATONIN
    }
    result = []
    for dose in journal.doses:
        found = timing.get(dose.substance.casefold())
        if found is not None:
            result.append(ReliefDose(dose.at, found[0], found[1], dose.pain_before))
    return result


def choose_dose_slots(
    excess: Sequence[float],
    *,
    candidates: Sequence[int],
    lead_slots: int,
    cover_slots: int,
    min_gap_slots: int,
    max_doses: int,
    min_gain: float = MIN_GAIN,
    elapsed: Sequence[float] | None = None,
) -> list[int]:
    """Exact dynamic programme: at most ``max_doses`` slots from ``candidates``, each
    >= ``min_gap_slots`` apart, maximising the excess covered by the union of their
    windows [s + lead, s + lead + cover). Doses are added while each adds >= min_gain.
    ``elapsed`` (real minutes from midnight for each slot) makes the gap real time.

    With equal-length windows in start order, a new window can only overlap the union
    of the earlier ones through the latest of them, so the DP over (count, last slot)
    is exact.
    """
    n = len(excess)
    prefix = [0.0]
    for amount in excess:
        prefix.append(prefix[-1] + amount)

    def covered(first: int, stop: int) -> float:
        first, stop = min(n, first), min(n, stop)
        return prefix[stop] - prefix[first] if first < stop else 0.0

    gain = {s: covered(s + lead_slots, s + lead_slots + cover_slots) for s in candidates}

    def overlap(p: int, s: int) -> float:
        # Windows have equal length and p <= s: the overlap is s's start to p's end.
        return covered(s + lead_slots, p + lead_slots + cover_slots)

    def too_close(p: int, s: int) -> bool:
        if elapsed is None:
            return p > s - min_gap_slots
        # Real minutes, so that a day with a DST change keeps the user's interval.
        return elapsed[s] - elapsed[p] < min_gap_slots * SLOT_MIN - 1e-9

    ordered = sorted(candidates)
    # value[k][s]: best covered excess with k doses, the last at s; back[k][s]: the dose
    # before it. Ties keep the earliest times, so the plan is deterministic.
    value: list[dict[int, float]] = [{}]
    back: list[dict[int, int]] = [{}]
    totals: list[tuple[float, int]] = [(0.0, -1)]
    for k in range(1, max_doses + 1):
        layer: dict[int, float] = {}
        pointers: dict[int, int] = {}
        for s in ordered:
            if k == 1:
                layer[s] = gain[s]
                continue
            best_value, best_p = -1.0, -1
            for p, previous in value[k - 1].items():
                if too_close(p, s):
                    continue
                total = previous + gain[s] - overlap(p, s)
                if total > best_value + 1e-12:
                    best_value, best_p = total, p
            if best_p >= 0:
                layer[s], pointers[s] = best_value, best_p
        if not layer:
            break
        value.append(layer)
        back.append(pointers)
        last = max(layer, key=lambda slot: (round(layer[slot], 9), -slot))
        totals.append((layer[last], last))
    chosen_k = 0
    while chosen_k + 1 < len(totals) and totals[chosen_k + 1][0] - totals[chosen_k][0] >= min_gain - 1e-9:
        chosen_k += 1
    chosen: list[int] = []
    slot = totals[chosen_k][1]
    for k in range(chosen_k, 0, -1):
        chosen.append(slot)
        slot = back[k].get(slot, -1)
    return sorted(chosen)


def slot_excess(slot: Slot, threshold: float) -> float:
    """Pain above the threshold; a slot under the user's usual dose counts at least
    KEEP_EXCESS, so the planner keeps that dose (DESIGN.md 5: no drift because it helped)."""
    excess = 0.0 if slot.pain is None else max(0.0, slot.pain - threshold)
    return max(excess, KEEP_EXCESS) if slot.treated else excess


def plan_pattern_slots(
    profile: PainProfile,
    substance: Substance,
    config: PlanConfig,
    day: date,
    zone: tzinfo | None = None,
) -> DoseSlotPlan:
    """Dose times for ``day`` from the pain profile (assumes enough data)."""
    onset, duration = _timing(substance)
    lead = math.ceil(onset / SLOT_MIN)
    cover = max(1, round(duration * 60 / SLOT_MIN))
    limits = substance.limits
    gap = (
        math.ceil(limits.min_interval.total_seconds() / 60 / SLOT_MIN)
        if limits.min_interval is not None
        else cover
    )
    wake = wake_time(config, day)
    bed = _evening_bedtime(config, day)
    wake_min = wake.hour * 60 + wake.minute
    bed_min = bed.hour * 60 + bed.minute + (1440 if bed < time(12, 0) else 0)
    last_start = min(bed_min - config.no_dose_before_bed_h * 60, 1440 - SLOT_MIN)
    candidates = [s for s in range(SLOTS) if wake_min <= s * SLOT_MIN <= last_start]
    excess = [slot_excess(slot, config.pain_threshold) for slot in profile.slots]
    assert limits.max_doses_per_24h is not None
    elapsed = None
    if zone is not None:
        midnight = localize(datetime.combine(day, time()), zone).timestamp()
        elapsed = [
            (localize(datetime.combine(day, time(m // 60, m % 60)), zone).timestamp() - midnight) / 60
            for m in range(0, 1440, SLOT_MIN)
        ]
    chosen = choose_dose_slots(
        excess,
        candidates=candidates,
        lead_slots=lead,
        cover_slots=cover,
        elapsed=elapsed,
        min_gap_slots=max(1, gap),
        max_doses=limits.max_doses_per_24h,
    )
    reasons = []
    for s in chosen:
        covered = [j for j in range(s + lead, min(SLOTS, s + lead + cover)) if excess[j] > 0]
        values = [v for j in covered if (v := profile.slots[j].pain) is not None]
        treated = any(profile.slots[j].treated for j in covered)
        reasons.append(
            Reason(
                "pattern_kept" if treated else "pattern_rise",
                {
                    "time": _minutes_text(s * SLOT_MIN),
                    "rise_start": _minutes_text(covered[0] * SLOT_MIN),
                    "rise_end": _minutes_text((covered[-1] + 1) * SLOT_MIN),
                    "avg": round(sum(values) / len(values), 1) if values else None,
                    "readings": profile.sufficiency.readings,
                    "days": profile.sufficiency.days,
                    "split": str(profile.split),
                },
            )
        )
    return DoseSlotPlan(tuple(s * SLOT_MIN for s in chosen), tuple(reasons))


def _fixed_slots(config: PlanConfig, why: Reason | None) -> DoseSlotPlan:
    minutes = tuple(t.hour * 60 + t.minute for t in config.dose_times)
    base = dict(why.data) if why else {}
    code = why.code if why else "fixed_time"
    return DoseSlotPlan(minutes, tuple(Reason(code, {**base, "time": _minutes_text(m)}) for m in minutes))


# Kept by the caller between plans: pain profiles and the dose slots planned from them.
ProfileCache = dict[tuple[Any, ...], Any]


CACHE_SIZE = 64


def _remember(cache: ProfileCache, key: tuple[Any, ...], value: Any) -> None:
    while len(cache) >= CACHE_SIZE:
        del cache[next(iter(cache))]  # the oldest entry
    cache[key] = value


def cached_profile(
    journal: JournalView, day: date, zone: tzinfo, window_days: int, cache: ProfileCache | None = None
) -> tuple[tuple[Any, ...], PainProfile]:
    """The profile for ``day`` and its cache key, reused from ``cache`` while its inputs
    are unchanged.

    A day's profile depends only on data from before that day, so today's stays valid
    all day and a new entry only costs tomorrow's.
    """
    day_start = localize(datetime.combine(day, time()), zone)
    first = (day_start - timedelta(days=window_days + 1)).timestamp()
    last = day_start.timestamp()
    pains = tuple(
        (r.at.timestamp(), r.at.utcoffset(), r.score)
        for r in journal.pains
        if first <= r.at.timestamp() < last
    )
    doses = relief_doses(journal)
    dose_key = tuple(
        (d.at.timestamp(), d.at.utcoffset(), d.onset_min, d.duration_h, d.pain_before)
        for d in doses
        if first <= d.at.timestamp() < last
    )
    # The inputs themselves (not their hash) are the key: a collision must not be possible.
    key = ("profile", day_start.timestamp(), window_days, pains, dose_key)
    if cache is not None and key in cache:
        found: PainProfile = cache[key]
        return key, found
    profile = profile_for_day(journal.pains, doses, day_start=day_start, window_days=window_days)
    if cache is not None:
        _remember(cache, key, profile)
    return key, profile


def dose_slots(
    config: PlanConfig,
    journal: JournalView,
    substance: Substance,
    day: date,
    zone: tzinfo,
    cache: ProfileCache | None = None,
) -> tuple[DoseSlotPlan, PainProfile | None]:
    """The dose minutes for one substance on ``day``, and the profile if one was used."""
    if config.dose_timing != "pattern":
        return _fixed_slots(config, None), None
    if substance.limits.max_doses_per_24h is None:
        return _fixed_slots(config, Reason("fixed_needs_max_doses")), None
    profile_key, profile = cached_profile(journal, day, zone, config.pattern_window_days, cache)
    if not profile.enough_data:
        missing = profile.sufficiency.missing
        return _fixed_slots(config, Reason("fixed_not_enough_data", dict(missing))), profile
    # The slots depend only on these (the profile object is reused from the cache while
    # its inputs are unchanged), so today's dynamic programme runs once a day.
    key = ("slots", profile_key, substance, config, day, str(zone))
    if cache is not None and key in cache:
        cached: DoseSlotPlan = cache[key]
        return cached, profile
    slots = plan_pattern_slots(profile, substance, config, day, zone)
    if cache is not None:
        _remember(cache, key, slots)
    return slots, profile


def plan_doses(
    config: PlanConfig, journal: JournalView, day: date, zone: tzinfo, cache: ProfileCache | None = None
) -> list[Occurrence]:
    result = []
    for uid, substance in journal.substances:
        if substance.kind is not SubstanceKind.KRATOM or not substance.active:
            continue
        slots, _ = dose_slots(config, journal, substance, day, zone, cache)
        dues: list[datetime] = []
        reasons: list[Reason] = []
        for minute, reason in zip(slots.minutes, slots.reasons, strict=True):
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
