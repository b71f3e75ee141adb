"""Dose times from the pain model: time the doses a person already takes (DESIGN.md 5).

Pure and free of numpy (the model's numbers come in as plain sequences). For one day:

- **how many**: at most the doses a day the user actually took over the last 14 days,
  on average, rounded up (or their own ``dose_reminders_per_day``), never above their
  maximum per 24 h. None logged and none set: no pattern reminders. Ebb never adds doses.
- **where**: the set of dose slots that minimises the predicted pain above the
  threshold, where predicted pain = untreated baseline + the relief curve of each
  planned dose (learned, or while it is not, the user's own onset and duration as a
  window in which the excess counts as covered). Exhaustive search over the half-hour
  grid within the user's limits (minimum interval, waking hours, no dose before bed).
- **whether**: a dose is kept only if it takes at least ``MIN_GAIN`` off the excess, so a
  low, flat day plans none, whatever the habit.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from desktop.core.pattern import SLOT_MIN, SLOTS
from desktop.core.reasons import Reason

# A dose is planned only if it takes at least this much excess pain away, in pain points
# x half-hour slots (2.0 = one point above the threshold for an hour).
MIN_GAIN = 2.0
RECENT_DAYS = 14
# Enumerating more combinations than this would be slow on a long waking day with a
# short minimum interval; the search then moves on the hour instead of the half hour.
MAX_COMBINATIONS = 200_000
# A learned relief curve "covers" the half hours where it lowers pain by this much
# (only for the wording of a reason; the plan uses the whole curve).
COVER_DROP = 0.5


@dataclass(frozen=True)
class DoseDecision:
    """The dose minutes for one substance on one day, a reason for each, and a summary
    for the day's rule (shown even when nothing is planned)."""

    minutes: tuple[int, ...]
    reasons: tuple[Reason, ...]
    summary: Reason


def recent_doses_per_day(
    doses: Sequence[datetime], first_record: datetime | None, day_start: datetime
) -> float:
    """Doses a day over the 14 days before ``day_start`` (fewer if the journal is younger)."""
    since = day_start - timedelta(days=RECENT_DAYS)
    count = sum(1 for at in doses if since <= at < day_start)
    if first_record is None or count == 0:
        return 0.0
    days = (day_start - max(since, first_record)).total_seconds() / 86400
    return count / max(1.0, min(float(RECENT_DAYS), math.ceil(days - 1e-9)))


def reminder_cap(recent: float, chosen: int | None, maximum: int | None) -> tuple[int, str]:
    """How many dose reminders a day at most, and where the number comes from
    (``recent`` use, the user's ``setting``, or their ``maximum``)."""
    cap, source = (chosen, "setting") if chosen is not None else (math.ceil(recent - 1e-9), "recent")
    if maximum is not None and cap > maximum:
        return maximum, "maximum"
    return cap, source


def _predicted(
    baseline: Sequence[float | None], effect: Sequence[float], doses: Sequence[int]
) -> list[float]:
    pain = [0.0 if b is None else b for b in baseline]
    for dose in doses:
        for k, change in enumerate(effect):
            if dose + k < SLOTS:
                pain[dose + k] += change
    return pain


def excess_after(
    baseline: Sequence[float | None], effect: Sequence[float], doses: Sequence[int], threshold: float
) -> float:
    """Predicted pain above ``threshold``, summed over the half hours of the day, with
    ``effect[k]`` the change ``k`` half hours after each dose (-inf: covered)."""
    pain = _predicted(baseline, effect, doses)
    return sum(max(0.0, p - threshold) for p, b in zip(pain, baseline, strict=True) if b is not None)


def _score(
    baseline: Sequence[float | None], effect: Sequence[float], doses: Sequence[int], threshold: float
) -> tuple[float, float, tuple[int, ...]]:
    """What the search minimises: the excess; then, among plans that leave the same
    excess (a long relief covers a rise from several start times), the pain left where
    the untreated pain rises, which lines the strongest relief up with the worst pain;
    then the earliest times, so that the plan is deterministic."""
    pain = _predicted(baseline, effect, doses)
    excess = sum(max(0.0, p - threshold) for p, b in zip(pain, baseline, strict=True) if b is not None)
    in_rise = sum(max(0.0, p) for p, b in zip(pain, baseline, strict=True) if b is not None and b > threshold)
    return round(excess, 9), round(in_rise, 9), tuple(doses)


def _combinations(
    candidates: Sequence[int], count: int, too_close: Callable[[int, int], bool]
) -> list[tuple[int, ...]]:
    result: list[tuple[int, ...]] = []

    def extend(chosen: tuple[int, ...], start: int) -> None:
        if len(chosen) == count:
            result.append(chosen)
            return
        for index in range(start, len(candidates)):
            slot = candidates[index]
            if chosen and too_close(chosen[-1], slot):
                continue
            extend((*chosen, slot), index + 1)
            if len(result) > MAX_COMBINATIONS:
                return

    extend((), 0)
    return result


def best_dose_slots(
    baseline: Sequence[float | None],
    effect: Sequence[float],
    *,
    threshold: float,
    candidates: Sequence[int],
    too_close: Callable[[int, int], bool],
    max_doses: int,
    min_gain: float = MIN_GAIN,
) -> list[int]:
    """The dose slots (at most ``max_doses``) that minimise :func:`excess_after`, found
    by trying every allowed combination; doses are added while each takes at least
    ``min_gain`` off. Ties keep the earliest times, so the plan is deterministic."""
    ordered = sorted(candidates)
    best = [_score(baseline, effect, (), threshold)]
    for count in range(1, max_doses + 1):
        options = _combinations(ordered, count, too_close)
        if len(options) > MAX_COMBINATIONS:
            options = _combinations(ordered[::2], count, too_close)
        if not options:
            break
        best.append(min(_score(baseline, effect, o, threshold) for o in options))
    chosen = 0
    while chosen + 1 < len(best) and best[chosen][0] - best[chosen + 1][0] >= min_gain - 1e-9:
        chosen += 1
    return list(best[chosen][2])


def coverage_effect(onset_min: int, duration_h: float) -> tuple[float, ...]:
    """The user's own onset and duration as an effect: the half hours whose middle lies
    in [onset, onset + duration) after the dose count as covered."""
    end = onset_min + duration_h * 60
    return tuple(-math.inf if onset_min <= k * SLOT_MIN + SLOT_MIN / 2 < end else 0.0 for k in range(SLOTS))


def curve_effect(change_at: Callable[[float], float]) -> tuple[float, ...]:
    """A learned relief curve at the middle of each half hour after a dose slot."""
    return tuple(change_at(k * SLOT_MIN + SLOT_MIN / 2) for k in range(17))


def covered_rise(
    baseline: Sequence[float | None], effect: Sequence[float], slot: int, threshold: float
) -> tuple[int, int, float] | None:
    """The rise a dose at ``slot`` is planned for: (first slot, end slot, highest untreated
    pain) of the run of untreated excess inside the dose's effect with the most excess,
    or None."""
    runs: list[list[int]] = []
    for k, change in enumerate(effect):
        j = slot + k
        value = baseline[j] if j < SLOTS else None
        if change <= -COVER_DROP and value is not None and value > threshold:
            if runs and runs[-1][-1] == j - 1:
                runs[-1].append(j)
            else:
                runs.append([j])
    if not runs:
        return None

    def excess(run: list[int]) -> float:
        return sum(max(0.0, (baseline[j] or 0.0) - threshold) for j in run)

    run = max(runs, key=excess)
    return run[0], run[-1] + 1, max(baseline[j] or 0.0 for j in run)
