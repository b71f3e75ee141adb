"""The pain insights from check-ins alone: the share of readings in severe pain, and
how much the day's mean pain changes from one day to the next.

Days are those the user lived (each reading's own UTC offset).
"""

from __future__ import annotations

import itertools
import statistics
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from datetime import date

from desktop.core.insights.records import Pain
from desktop.core.insights.results import Insight, Status, shortfall
from desktop.core.insights.stats import block_mean, wilson

# 7-10 is "severe" on the 0-10 scale (Serlin et al., Pain 1995;61:277-284).
HIGH_PAIN = 7
MIN_HIGH_PAIN_CHECKINS = 20  # as many readings as the pain pattern needs (DESIGN.md 5)
MIN_PAIN_DAYS = 7  # day-to-day change: days with check-ins …
MIN_DAY_PAIRS = 6  # … and pairs of consecutive such days (a week gives six)


def daily_pain(pains: Iterable[Pain]) -> dict[date, float]:
    """The mean pain of each day with readings, by the day the user lived, in date order.
    Worked out once: a 10-year journal holds 100 000 readings."""
    by_day: dict[date, list[int]] = defaultdict(list)
    for reading in pains:
        by_day[reading.at.date()].append(reading.score)
    return {day: statistics.fmean(by_day[day]) for day in sorted(by_day)}


def high_pain(pains: Sequence[Pain]) -> Insight:
    """The share of pain readings of 7 or more, with its Wilson interval."""
    counts = {"checkins": len(pains)}
    needed = shortfall(counts, MIN_HIGH_PAIN_CHECKINS)
    if needed:
        return Insight("high_pain", Status.NOT_ENOUGH_DATA, counts, needed)
    high = sum(p.score >= HIGH_PAIN for p in pains)
    return Insight("high_pain", Status.OK, counts, {}, {"share": wilson(high, len(pains))})


def day_to_day(daily: Mapping[date, float]) -> Insight:
    """How much the day's mean pain changes from one day to the next: the mean absolute
    difference between consecutive days that both have readings (in points, 0-10);
    ``daily`` is :func:`daily_pain`."""
    days = list(daily)
    changes = [abs(daily[b] - daily[a]) for a, b in itertools.pairwise(days) if (b - a).days == 1]
    counts = {"pain_days": len(days), "day_pairs": len(changes)}
    # Days first: "need 3 more days with check-ins" is the plainer ask of the two.
    needed = shortfall({"pain_days": len(days)}, MIN_PAIN_DAYS) or shortfall(
        {"day_pairs": len(changes)}, MIN_DAY_PAIRS
    )
    if needed:
        return Insight("day_to_day", Status.NOT_ENOUGH_DATA, counts, needed)
    return Insight("day_to_day", Status.OK, counts, {}, {"mean_abs_change": block_mean(changes)})
