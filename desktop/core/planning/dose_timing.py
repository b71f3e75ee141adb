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

from desktop.core.planning.pattern import SLOT_MIN, SLOTS
from desktop.core.reasons import Reason

# A dose is planned only if it takes at least this much excess pain away, in pain points
# x half-hour slots (2.0 = one point above the threshold for an hour).
MIN_GAIN = 2.0
RECENT_DAYS = 14
# Below this many doses a day on average, use is occasional: no daily reminder from it.
OCCASIONAL = 0.5
# Trying more combinations than this would be slow (about 10 µs each) on a long waking
# day with a short minimum interval and many doses; the search then moves on the hour
# instead of the half hour.
MAX_COMBINATIONS = 50_000
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
    (``recent`` use, the user's ``setting``, or their ``maximum``).

    Recent use is rounded up (1.2 a day: 2 reminders), but below half a dose a day it
    gives none: rounding one dose in 14 days up to a daily reminder would remind of
    fourteen times what the person takes (a departure from "rounded up" that only
    ever plans fewer)."""
    if chosen is not None:
        cap, source = chosen, "setting"
    else:
        cap, source = (math.ceil(recent - 1e-9) if recent >= OCCASIONAL else 0), "recent"
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


# What the search minimises, in order: excess, pain left in the rises, the dose slots.
_Score = tuple[float, float, tuple[int, ...]]


class _TooMany(Exception):
    """The search met more combinations than :data:`MAX_COMBINATIONS`."""


@dataclass(frozen=True)
class _Day:
    """What the search plans a day's doses on: the untreated pain of each half hour
    (``None``: unknown), ``effect[k]`` the change ``k`` half hours after each dose, the
    threshold, and whether two dose slots (earlier first) are too close."""

    baseline: Sequence[float | None]
    effect: Sequence[float]
    threshold: float
    too_close: Callable[[int, int], bool]

    def excess_after(self, doses: Sequence[int]) -> float:
        return excess_after(self.baseline, self.effect, doses, self.threshold)


class _Sums:
    """The two sums the search minimises over a day's known half hours: the predicted
    pain above the threshold, and the predicted pain left where the untreated pain rises
    above it. Adding a dose updates both over only the half hours that dose reaches."""

    def __init__(self, day: _Day) -> None:
        self._baseline = day.baseline
        self._reach = [(k, change) for k, change in enumerate(day.effect) if change]
        known = [b is not None for b in day.baseline]
        rising = [b is not None and b > day.threshold for b in day.baseline]
        threshold = day.threshold

        # A closure, not a method: it runs twice per half hour a dose reaches, in every
        # combination, and reading its enclosing variables is measurably faster than
        # reading attributes (about 5 % of the search).
        def parts(value: float, j: int) -> tuple[float, float]:
            if not known[j]:
                return 0.0, 0.0
            return max(0.0, value - threshold), max(0.0, value) if rising[j] else 0.0

        self._parts = parts

    def untreated(self) -> tuple[list[float], float, float]:
        """The predicted pain with no dose, and its two sums."""
        pain = [0.0 if b is None else b for b in self._baseline]
        excess = sum(self._parts(v, j)[0] for j, v in enumerate(pain))
        rise = sum(self._parts(v, j)[1] for j, v in enumerate(pain))
        return pain, excess, rise

    def with_dose(
        self, pain: list[float], excess: float, rise: float, slot: int
    ) -> tuple[list[float], float, float]:
        """``pain`` and its sums with one more dose at ``slot`` (``pain`` is left as it was)."""
        after = list(pain)
        parts = self._parts
        for k, change in self._reach:
            j = slot + k
            if j >= SLOTS:
                break
            old_e, old_r = parts(after[j], j)
            after[j] += change
            e, r = parts(after[j], j)
            excess += e - old_e
            rise += r - old_r
        return after, excess, rise


def _keep_if_better(best: list[_Score], found: _Score) -> None:
    """``found`` as the best for its number of doses, if it is the first or beats it."""
    count = len(found[2])
    if len(best) <= count:
        best.append(found)
    elif found < best[count]:
        best[count] = found


def _search(day: _Day, candidates: Sequence[int], max_doses: int) -> list[_Score]:
    """The best score (excess, pain left where the untreated pain rises, the times) for
    each number of doses 0 … ``max_doses``, over every allowed combination.

    Depth first; each step adds one dose's effect to the predicted pain and updates both
    sums over only the half hours that dose reaches, so a combination costs one effect.
    The second sum breaks ties of the first: a long relief covers a rise from several
    start times, and the one that lines the strongest relief up with the worst pain is
    the better; then the earliest times, so that the plan is deterministic."""
    sums = _Sums(day)
    pain, excess, rise = sums.untreated()
    best: list[_Score] = [(round(excess, 9), round(rise, 9), ())]
    visited = 0

    def visit(chosen: tuple[int, ...], pain: list[float], excess: float, rise: float, first: int) -> None:
        nonlocal visited
        for index in range(first, len(candidates)):
            slot = candidates[index]
            if chosen and day.too_close(chosen[-1], slot):
                continue
            visited += 1
            if visited > MAX_COMBINATIONS:
                raise _TooMany
            after, new_excess, new_rise = sums.with_dose(pain, excess, rise, slot)
            doses = (*chosen, slot)
            _keep_if_better(best, (round(new_excess, 9), round(new_rise, 9), doses))
            if len(doses) < max_doses:
                visit(doses, after, new_excess, new_rise, index + 1)

    if max_doses > 0:
        visit((), pain, excess, rise, 0)
    return best


def _deepest(day: _Day, ordered: Sequence[int], depth: int, shallower: list[_Score]) -> list[_Score]:
    """:func:`_search` to ``depth`` doses on the half-hour grid, else on the hour; and
    where even that is too many combinations (many doses, a short interval), the best
    one more dose can add to the plan found for one fewer (greedy: no longer exact, but
    never more doses and never outside the limits)."""
    for grid in (ordered, ordered[::2]):
        try:
            return _search(day, grid, depth)
        except _TooMany:
            continue
    previous = shallower[-1][2] if shallower else ()
    options = [
        tuple(sorted((*previous, slot)))
        for slot in ordered
        if slot not in previous and all(not day.too_close(*sorted((slot, other))) for other in previous)
    ]
    if not options:
        return shallower
    excess = {o: day.excess_after(o) for o in options}
    best = min(options, key=lambda o: (round(excess[o], 9), o))
    return [*shallower, (round(excess[best], 9), 0.0, best)]


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
    ``min_gain`` off. The search deepens one dose at a time and stops where one more
    dose would not take ``min_gain`` off: more doses are never looked at, let alone
    planned."""
    day = _Day(baseline, effect, threshold, too_close)
    ordered = sorted(candidates)
    chosen: list[_Score] = []
    for depth in range(0, max_doses + 1):
        best = _deepest(day, ordered, depth, chosen)
        if len(best) <= depth:  # no room for another dose within the limits
            break
        if depth and best[depth - 1][0] - best[depth][0] < min_gain - 1e-9:
            break
        chosen = best
    return list(chosen[-1][2]) if chosen else []


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
