"""The melatonin reminder: a set time before the night's bedtime, the fixed one or the
one the sleep diary shows (DESIGN.md 4).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, time, timedelta, tzinfo

from desktop.core.model import SubstanceKind
from desktop.core.planning.day_times import at_local, clock_text, evening_bedtime, shift
from desktop.core.planning.inputs import JournalView, PlanConfig
from desktop.core.planning.occurrence import Occurrence, ReminderKind
from desktop.core.reasons import Reason

MELATONIN_AFTER_BED = timedelta(hours=1)
DIARY_NIGHTS, DIARY_MIN_NIGHTS = 14, 5


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
    fixed = evening_bedtime(config, day)
    if config.bedtime_mode == "diary":
        found, nights = diary_bedtime(journal.sleep_onsets, day)
        if found is not None:
            return found, Reason("bedtime_diary", {"bedtime": clock_text(found), "nights": nights})
        return fixed, Reason(
            "bedtime_diary_short",
            {"bedtime": clock_text(fixed), "nights": nights, "needed": DIARY_MIN_NIGHTS},
        )
    return fixed, Reason("bedtime_fixed", {"bedtime": clock_text(fixed)})


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
