"""Relief per dose: how much pain dropped at the follow-ups 1 h and 2 h after each dose
with a known pain before, overall, per substance and product/batch, and by month.

Melatonin is left out (it is not taken for pain). Each dose's :class:`Outcome` is also
what the escalation watch reads for its relief share.
"""

from __future__ import annotations

import bisect
import statistics
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from desktop.core.insights.records import Dose, Entries, Pain
from desktop.core.insights.results import (
    Estimate,
    MonthShare,
    ReliefGroup,
    ReliefInsight,
    ReliefSummary,
    Status,
    shortfall,
)
from desktop.core.insights.stats import mean_estimate, wilson
from desktop.core.planning.pattern import BEFORE_DOSE_MIN, WITH_DOSE_MIN

MIN_RELIEF_DOSES = 5

# A drop of >= 30 % is "moderately important" (IMMPACT: Dworkin et al., J Pain 2008;9:105-121).
RELIEF_DROP = 0.30
# Follow-ups: (nominal minute, earliest, latest) after the dose.
FOLLOW_UPS: tuple[tuple[int, int, int], ...] = ((60, 45, 75), (120, 105, 135))


@dataclass(frozen=True)
class Outcome:
    dose: Dose
    before: int
    change_pct: Mapping[int, float]  # follow-up minute -> % change from before
    min_to_relief: float | None


def _closest(
    pains: Sequence[Pain], times: Sequence[float], moment: float, window: tuple[int, int, int]
) -> Pain | None:
    """The reading in the follow-up window nearest its nominal minute (ties: the earlier)."""
    target, low, high = window
    first = bisect.bisect_left(times, moment + low * 60)
    last = bisect.bisect_right(times, moment + high * 60)
    if first >= last:
        return None
    return min(
        pains[first:last], key=lambda p: (abs(p.at.timestamp() - moment - target * 60), p.at.timestamp())
    )


def _outcome(dose: Dose, pains: Sequence[Pain], times: Sequence[float]) -> Outcome | None:
    """The dose's relief, or None when there is no pain before (> 0) or no follow-up.

    ``pains`` are in time order and ``times`` are their timestamps.
    """
    moment = dose.at.timestamp()
    before = dose.pain_before
    if before is None:
        # As in the pain pattern: the latest reading from 30 min before to 5 min after.
        last = bisect.bisect_right(times, moment + WITH_DOSE_MIN * 60) - 1
        if last >= 0 and times[last] >= moment - BEFORE_DOSE_MIN * 60:
            before = pains[last].score
    if before is None or before <= 0:
        return None
    changes: dict[int, float] = {}
    relief: float | None = None
    for window in FOLLOW_UPS:
        reading = _closest(pains, times, moment, window)
        if reading is None:
            continue
        changes[window[0]] = (reading.score - before) / before * 100
        if relief is None and reading.score <= before * (1 - RELIEF_DROP):
            relief = (reading.at.timestamp() - moment) / 60
    return Outcome(dose, before, changes, relief) if changes else None


def _relief_summary(outcomes: Sequence[Outcome]) -> ReliefSummary:
    change: dict[int, Estimate] = {}
    counts: dict[int, int] = {}
    for target, _, _ in FOLLOW_UPS:
        values = [o.change_pct[target] for o in outcomes if target in o.change_pct]
        counts[target] = len(values)
        if values:
            change[target] = mean_estimate(values)
    times = [o.min_to_relief for o in outcomes if o.min_to_relief is not None]
    return ReliefSummary(
        n_doses=len(outcomes),
        change_pct=change,
        n_follow_up=counts,
        relief_share=wilson(len(times), len(outcomes)),
        median_min_to_relief=statistics.median(times) if times else None,
    )


def relief_outcomes(entries: Entries) -> list[Outcome]:
    """The outcome of each dose but melatonin's that has one (see :func:`_outcome`)."""
    times = [p.at.timestamp() for p in entries.pains]
    outcomes = (_outcome(d, entries.pains, times) for d in entries.doses if d.kind != "melatonin")
    return [o for o in outcomes if o is not None]


def relief_per_dose(outcomes: Sequence[Outcome]) -> ReliefInsight:
    """Overall, per substance and per product/batch (groups of >= 5), and by month."""
    counts = {"doses": len(outcomes)}
    needed = shortfall(counts, MIN_RELIEF_DOSES)
    if needed:
        return ReliefInsight("relief_per_dose", Status.NOT_ENOUGH_DATA, counts, needed)
    grouped: dict[tuple[str, str | None, str | None], list[Outcome]] = defaultdict(list)
    by_month: dict[str, list[Outcome]] = defaultdict(list)
    for o in outcomes:
        grouped[(o.dose.substance, None, None)].append(o)
        if o.dose.product is not None or o.dose.batch is not None:
            grouped[(o.dose.substance, o.dose.product, o.dose.batch)].append(o)
        by_month[o.dose.at.strftime("%Y-%m")].append(o)
    groups = tuple(
        ReliefGroup(substance, product, batch, _relief_summary(members))
        for (substance, product, batch), members in sorted(
            grouped.items(), key=lambda item: _group_key(item[0])
        )
        if len(members) >= MIN_RELIEF_DOSES
    )
    months = tuple(
        MonthShare(month, len(members), sum(o.min_to_relief is not None for o in members) / len(members))
        for month, members in sorted(by_month.items())
    )
    return ReliefInsight("relief_per_dose", Status.OK, counts, {}, _relief_summary(outcomes), groups, months)


def _group_key(key: tuple[str, str | None, str | None]) -> tuple[str, str, str]:
    substance, product, batch = key
    return (substance, product or "", batch or "")
