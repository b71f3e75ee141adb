"""The sleep insights: nights after an evening dose of melatonin or of kratom against
the other nights, and how a night's sleep goes with the next day's pain.

A night is named by its evening's date; a dose counts for the night when it is taken
from the evening's hour to 04:00 the next morning (local clock of its record).
"""

from __future__ import annotations

import random
from collections.abc import Iterable, Mapping, Sequence
from datetime import date, time, timedelta

from desktop.core.insights.records import Dose, Night
from desktop.core.insights.results import Estimate, Insight, Status, shortfall
from desktop.core.insights.stats import LARGE_SAMPLE, bootstrap, mean_difference, spearman, spearman_interval

MIN_NIGHTS = 7  # per group, for the sleep comparisons
MIN_PAIRED_DAYS = 10

MELATONIN_EVENING = time(16, 0)
KRATOM_EVENING = time(18, 0)
NIGHT_ENDS = time(4, 0)  # a dose before this belongs to the previous evening

SLEEP_METRICS = ("sol_min", "waso_min", "tst_min", "se_pct", "quality")


def dosed_nights(doses: Iterable[Dose], kind: str, evening: time) -> set[date]:
    """Nights (by their evening's date) with a dose of ``kind`` from ``evening`` to 04:00."""
    nights = set()
    for dose in doses:
        if dose.kind != kind:
            continue
        clock = dose.at.timetz().replace(tzinfo=None)
        if clock >= evening:
            nights.add(dose.at.date())
        elif clock < NIGHT_ENDS:
            nights.add(dose.at.date() - timedelta(days=1))
    return nights


def compare_nights(
    code: str, nights: Sequence[Night], marked: set[date], label: str, metrics: Sequence[str]
) -> Insight:
    """Nights in ``marked`` minus the others: difference in means of each metric."""
    with_dose = [n for n in nights if n.night in marked]
    without = [n for n in nights if n.night not in marked]
    counts = {f"{label}_nights": len(with_dose), "other_nights": len(without)}
    needed = shortfall(counts, MIN_NIGHTS)
    if needed:
        return Insight(code, Status.NOT_ENOUGH_DATA, counts, needed)
    estimates = {
        metric: mean_difference(
            [getattr(n, metric) for n in with_dose], [getattr(n, metric) for n in without]
        )
        for metric in metrics
    }
    return Insight(code, Status.OK, counts, {}, estimates)


def sleep_vs_next_day_pain(nights: Sequence[Night], daily: Mapping[date, float]) -> Insight:
    """Spearman's rho of TST and of quality with the mean pain of the day after the night;
    ``daily`` is :func:`desktop.core.insights.pain.daily_pain`."""
    pairs = [(n, daily[n.night + timedelta(days=1)]) for n in nights if n.night + timedelta(days=1) in daily]
    counts = {"days": len(pairs)}
    needed = shortfall(counts, MIN_PAIRED_DAYS)
    if needed:
        return Insight("sleep_vs_next_day_pain", Status.NOT_ENOUGH_DATA, counts, needed)
    estimates: dict[str, Estimate] = {}
    pain = [p for _, p in pairs]
    for metric in ("tst_min", "quality"):
        sleep: list[float] = [getattr(n, metric) for n, _ in pairs]
        rho = spearman(sleep, pain)
        if rho is None:
            continue

        if len(pairs) >= LARGE_SAMPLE:
            estimates[metric] = spearman_interval(rho, len(pairs))
            continue

        def resample(rng: random.Random, sleep: list[float] = sleep) -> float | None:
            picks = rng.choices(range(len(pain)), k=len(pain))
            return spearman([sleep[i] for i in picks], [pain[i] for i in picks])

        estimates[metric] = bootstrap(rho, resample)
    return Insight("sleep_vs_next_day_pain", Status.OK, counts, {}, estimates)
