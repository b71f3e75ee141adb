"""Insights from the user's own journal (DESIGN.md 6): n-of-1 comparisons, each with its
n, an effect, a 95 % interval and an explicit "not enough data" state.

Records in (the dicts :meth:`Journal.entries` returns, times as ISO-8601 with offsets),
values and reason codes out; a presenter turns them into words. Intervals are percentile
bootstraps with a fixed seed (or exact, Wilson, for shares), so the same journal always
gives the same numbers, whatever the order of its records. This module is pure Python:
importing it (the command line does) loads no numpy.

Local clock times and dates are those of each record's own UTC offset (the day the user
lived); ``zone`` only reads a time written without an offset. Records dated after
``today`` are left out.
"""

from __future__ import annotations

import bisect
import itertools
import json
import math
import random
import statistics
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, tzinfo
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from desktop.core.model import minutes_between
from desktop.core.planning.pattern import BEFORE_DOSE_MIN, WITH_DOSE_MIN

if TYPE_CHECKING:  # numpy: the pain model loads only when compute_insights runs
    from desktop.core.planning.pain_model import ReliefCurve

SEED = 2008  # any fixed value: the same journal always gives the same intervals
RESAMPLES = 2000
Z_95 = 1.959963984540054
# From this many values on, intervals are computed exactly (normal theory) instead of by
# bootstrap: the two agree closely there, and a bootstrap over years of data takes
# seconds in pure Python.
LARGE_SAMPLE = 100

MIN_NIGHTS = 7  # per group, for the sleep comparisons
MIN_RELIEF_DOSES = 5
MIN_PAIRED_DAYS = 10

# A drop of >= 30 % is "moderately important" (IMMPACT: Dworkin et al., J Pain 2008;9:105-121).
RELIEF_DROP = 0.30
# Follow-ups: (nominal minute, earliest, latest) after the dose.
FOLLOW_UPS: tuple[tuple[int, int, int], ...] = ((60, 45, 75), (120, 105, 135))

MELATONIN_EVENING = time(16, 0)
KRATOM_EVENING = time(18, 0)
NIGHT_ENDS = time(4, 0)  # a dose before this belongs to the previous evening

RECENT_AMOUNT_DAYS, BASELINE_AMOUNT_DAYS = 7, 28
RECENT_GAP_DAYS, BASELINE_GAP_DAYS = 14, 28
RELIEF_TREND_DAYS = 28
CHANGE_FLAG = 0.25  # +25 % amount, -25 % gaps, -25 % share with relief

# 7-10 is "severe" on the 0-10 scale (Serlin et al., Pain 1995;61:277-284).
HIGH_PAIN = 7
MIN_HIGH_PAIN_CHECKINS = 20  # as many readings as the pain pattern needs (DESIGN.md 5)
MIN_PAIN_DAYS = 7  # day-to-day change: days with check-ins …
MIN_DAY_PAIRS = 6  # … and pairs of consecutive such days (a week gives six)


class Status(StrEnum):
    OK = "ok"
    NOT_ENOUGH_DATA = "not_enough_data"


@dataclass(frozen=True)
class Estimate:
    """A point estimate and its 95 % interval."""

    value: float
    low: float
    high: float


@dataclass(frozen=True)
class Insight:
    """A comparison or correlation. ``estimates`` is empty unless status is OK;
    ``needed`` says how many more of each count are needed (only the short ones)."""

    code: str
    status: Status
    n: Mapping[str, int]
    needed: Mapping[str, int] = field(default_factory=dict)
    estimates: Mapping[str, Estimate] = field(default_factory=dict)


@dataclass(frozen=True)
class ReliefSummary:
    """Relief of a group of doses with a known pain before and at least one follow-up.

    ``change_pct`` maps the follow-up minute (60, 120) to the mean change from pain
    before, in percent of it (negative: less pain); ``n_follow_up`` to its n.
    """

    n_doses: int
    change_pct: Mapping[int, Estimate]
    n_follow_up: Mapping[int, int]
    relief_share: Estimate  # share with a >= 30 % drop at either follow-up (Wilson)
    median_min_to_relief: float | None  # first follow-up with that drop, responders only


@dataclass(frozen=True)
class ReliefGroup:
    """One substance (``product`` and ``batch`` None), or one product/batch of it."""

    substance: str
    product: str | None
    batch: str | None
    summary: ReliefSummary


@dataclass(frozen=True)
class MonthShare:
    month: str  # YYYY-MM
    n: int
    share: float


@dataclass(frozen=True)
class ReliefInsight:
    code: str
    status: Status
    n: Mapping[str, int]
    needed: Mapping[str, int] = field(default_factory=dict)
    overall: ReliefSummary | None = None
    groups: tuple[ReliefGroup, ...] = ()
    months: tuple[MonthShare, ...] = ()


@dataclass(frozen=True)
class SubstanceTrend:
    """Use of one substance up to ``today``; ``codes`` are neutral flags such as
    ``amount_up_25pct``. A None value means its windows hold too little to compare."""

    substance: str
    kind: str
    recent_daily_amount: float  # mean per day, the 7 days ending today
    baseline_daily_amount: float  # mean per day, the 28 days before those
    amount_change_pct: float | None
    run_days: int  # consecutive days with use, ending today (or yesterday)
    recent_median_gap_h: float | None  # the 14 days ending today
    baseline_median_gap_h: float | None  # the 28 days before those
    recent_relief: Estimate | None  # share with >= 30 % drop, the 28 days ending today
    baseline_relief: Estimate | None  # the 28 days before those
    codes: tuple[str, ...]


@dataclass(frozen=True)
class EscalationInsight:
    code: str
    status: Status
    n: Mapping[str, int]
    needed: Mapping[str, int] = field(default_factory=dict)
    substances: tuple[SubstanceTrend, ...] = ()


@dataclass(frozen=True)
class ReliefCurveInsight:
    """The relief curve of each pain-relief substance with doses in ``first_day`` ..
    ``last_day``, from the pain model (DESIGN.md 5): the estimated change in pain 0-8 h
    after a dose against the untreated pain at that time of day. OK when at least one
    curve is learned; each curve carries its own reason code and what it still needs.
    ``shortened``: the journal spans more than :data:`relief_curves.MAX_DAYS`, so only
    its last days were fitted (older days weigh next to nothing in the model anyway)."""

    code: str
    status: Status
    n: Mapping[str, int]
    needed: Mapping[str, int] = field(default_factory=dict)
    curves: tuple[ReliefCurve, ...] = ()
    first_day: date | None = None
    last_day: date | None = None
    shortened: bool = False


@dataclass(frozen=True)
class Insights:
    today: date
    melatonin_sleep: Insight
    relief_per_dose: ReliefInsight
    evening_kratom_sleep: Insight
    sleep_vs_next_day_pain: Insight
    escalation: EscalationInsight
    high_pain: Insight
    day_to_day: Insight
    relief_curves: ReliefCurveInsight


# ---- reading records ----------------------------------------------------------------


@dataclass(frozen=True)
class _Dose:
    at: datetime  # aware, in the record's offset
    substance: str
    kind: str
    amount: float
    product: str | None
    batch: str | None
    pain_before: int | None


@dataclass(frozen=True)
class _Pain:
    at: datetime
    score: int


@dataclass(frozen=True)
class _Night:
    night: date
    sol_min: float
    waso_min: float
    tst_min: float
    se_pct: float
    quality: float


@dataclass
class _Journal:
    doses: list[_Dose] = field(default_factory=list)
    pains: list[_Pain] = field(default_factory=list)
    nights: list[_Night] = field(default_factory=list)


def _moment(value: Any, zone: tzinfo) -> datetime:
    # ISO text (records, exports) or an aware datetime (Journal.analysis_records).
    moment = value if isinstance(value, datetime) else datetime.fromisoformat(value)
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=zone)


def _number(value: Any) -> float:
    if isinstance(value, bool):
        raise TypeError("a bool is not a number")
    number = float(value)
    if not math.isfinite(number):
        raise ValueError("not finite")
    return number


def _text(value: Any) -> str | None:
    return value if isinstance(value, str) and value else None


def _canonical(record: Mapping[str, Any]) -> str:
    return json.dumps(record, sort_keys=True, default=str)


def _read(
    records: Iterable[Mapping[str, Any]], kinds: Mapping[str, str], today: date, zone: tzinfo
) -> _Journal:
    """Doses of known substances, pain readings and one diary per night, in time order.

    A record that cannot be read is left out: insights describe what can be read.
    """
    kind_of = {name.casefold(): str(kind) for name, kind in kinds.items()}
    journal = _Journal()
    nights: dict[date, tuple[_Night, Mapping[str, Any]]] = {}
    # No sort of the records themselves (serialising 100 000 of them took most of the
    # time): every list below is sorted on all its fields afterwards, and two diaries
    # for one night (the journal refuses that; an import might not) resolve by content.
    for record in records:
        try:
            at = _moment(record["at"], zone)
            if at.date() > today:
                continue
            if record["kind"] == "dose":
                name = record["substance"]
                kind = kind_of.get(name.casefold()) if isinstance(name, str) else None
                if kind is None:
                    continue
                before = record.get("pain_before")
                journal.doses.append(
                    _Dose(
                        at=at,
                        substance=name,
                        kind=kind,
                        amount=_number(record["amount"]),
                        product=_text(record.get("product")),
                        batch=_text(record.get("batch")),
                        pain_before=None if before is None else int(_number(before)),
                    )
                )
            elif record["kind"] == "pain":
                journal.pains.append(_Pain(at, int(_number(record["score"]))))
            elif record["kind"] == "sleep":
                night = night_measures(record, zone)
                other = nights.get(night.night)
                if other is None or _canonical(record) > _canonical(other[1]):
                    nights[night.night] = (night, record)
        except (KeyError, TypeError, ValueError, AttributeError, OverflowError):
            continue
    journal.doses.sort(
        key=lambda d: (
            d.at.timestamp(),
            d.at.isoformat(),
            d.substance,
            d.amount,
            d.product or "",
            d.batch or "",
            -1 if d.pain_before is None else d.pain_before,
            d.kind,
        )
    )
    journal.pains.sort(key=lambda p: (p.at.timestamp(), p.score))
    journal.nights = [nights[day][0] for day in sorted(nights)]
    return journal


def night_measures(record: Mapping[str, Any], zone: tzinfo) -> _Night:
    """The Consensus Sleep Diary measures (Carney et al., SLEEP 2012) of one record."""
    sol, waso = _number(record["sol_min"]), _number(record["waso_min"])
    tst = (
        minutes_between(_moment(record["try_sleep"], zone), _moment(record["final_wake"], zone)) - sol - waso
    )
    tib = minutes_between(_moment(record["in_bed"], zone), _moment(record["out_of_bed"], zone))
    return _Night(
        night=date.fromisoformat(record["night"]),
        sol_min=sol,
        waso_min=waso,
        tst_min=tst,
        se_pct=0.0 if tib <= 0 else tst / tib * 100,
        quality=_number(record["quality"]),
    )


# ---- statistics -----------------------------------------------------------------------


def _percentile(ordered: Sequence[float], q: float) -> float:
    position = q * (len(ordered) - 1)
    low = math.floor(position)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


def bootstrap(value: float, statistic: Callable[[random.Random], float | None]) -> Estimate:
    """``value`` with a 95 % percentile-bootstrap interval of ``statistic``, which draws
    one resample from the generator it is given (None: undefined on that resample)."""
    rng = random.Random(SEED)
    draws = sorted(v for _ in range(RESAMPLES) if (v := statistic(rng)) is not None)
    if not draws:
        return Estimate(value, value, value)
    return Estimate(value, _percentile(draws, 0.025), _percentile(draws, 0.975))


def _normal(value: float, standard_error: float) -> Estimate:
    return Estimate(value, value - Z_95 * standard_error, value + Z_95 * standard_error)


def mean_difference(first: Sequence[float], second: Sequence[float]) -> Estimate:
    """mean(first) - mean(second): bootstrap resampling each group on its own, or the
    Welch interval once both groups are large."""
    if min(len(first), len(second)) >= LARGE_SAMPLE:
        error = math.sqrt(statistics.variance(first) / len(first) + statistics.variance(second) / len(second))
        return _normal(statistics.fmean(first) - statistics.fmean(second), error)

    def resample(rng: random.Random) -> float:
        a = rng.choices(first, k=len(first))
        b = rng.choices(second, k=len(second))
        return statistics.fmean(a) - statistics.fmean(b)

    return bootstrap(statistics.fmean(first) - statistics.fmean(second), resample)


def mean_estimate(values: Sequence[float]) -> Estimate:
    """The mean with a bootstrap interval, or the normal-theory one for large samples."""
    if len(values) >= LARGE_SAMPLE:
        return _normal(statistics.fmean(values), statistics.stdev(values) / math.sqrt(len(values)))
    return bootstrap(
        statistics.fmean(values), lambda rng: statistics.fmean(rng.choices(values, k=len(values)))
    )


def block_mean(values: Sequence[float]) -> Estimate:
    """The mean of a series in time order with a moving-block bootstrap interval (Künsch,
    Ann Stat 1989): neighbours are not independent (two successive day-to-day changes
    share a day), so runs of about n^(1/3) neighbours are resampled together. From
    :data:`LARGE_SAMPLE` values on, the normal interval with the Bartlett-window variance
    that this bootstrap approximates (the same block length) replaces it."""
    length = min(len(values), max(2, round(len(values) ** (1 / 3))))
    if len(values) >= LARGE_SAMPLE:
        return _normal(statistics.fmean(values), math.sqrt(bartlett_variance(values, length) / len(values)))
    sums = list(itertools.accumulate(values, initial=0.0))
    blocks = [(sums[i + length] - sums[i]) / length for i in range(len(values) - length + 1)]
    count = math.ceil(len(values) / length)
    return bootstrap(statistics.fmean(values), lambda rng: statistics.fmean(rng.choices(blocks, k=count)))


def bartlett_variance(values: Sequence[float], length: int) -> float:
    """The long-run variance of a series: its autocovariances up to lag ``length - 1``
    with Bartlett weights 1 - lag/length (Newey & West, Econometrica 1987)."""
    mean = statistics.fmean(values)
    centred = [v - mean for v in values]

    def covariance(lag: int) -> float:
        return sum(a * b for a, b in zip(centred, centred[lag:], strict=False)) / len(values)

    weighted = covariance(0) + 2 * sum((1 - lag / length) * covariance(lag) for lag in range(1, length))
    return max(0.0, weighted)


def wilson(successes: int, n: int) -> Estimate:
    """The share and its Wilson score 95 % interval (exact enough, also near 0 and 1)."""
    share = successes / n
    denominator = 1 + Z_95**2 / n
    centre = (share + Z_95**2 / (2 * n)) / denominator
    half = Z_95 * math.sqrt(share * (1 - share) / n + Z_95**2 / (4 * n * n)) / denominator
    return Estimate(share, max(0.0, centre - half), min(1.0, centre + half))


def _spearman_interval(rho: float, n: int) -> Estimate:
    """Fisher z interval for Spearman's rho with the Fieller, Hartley & Pearson (1957)
    standard error 1.06 / sqrt(n - 3)."""
    clipped = max(-0.999999, min(0.999999, rho))
    z, error = math.atanh(clipped), 1.06 / math.sqrt(n - 3)
    return Estimate(rho, math.tanh(z - Z_95 * error), math.tanh(z + Z_95 * error))


def _ranks(values: Sequence[float]) -> list[float]:
    order = sorted(range(len(values)), key=lambda i: values[i])
    ranks = [0.0] * len(values)
    start = 0
    while start < len(order):
        end = start
        while end + 1 < len(order) and values[order[end + 1]] == values[order[start]]:
            end += 1
        for i in order[start : end + 1]:
            ranks[i] = (start + end) / 2 + 1  # ties share their mean rank
        start = end + 1
    return ranks


def spearman(x: Sequence[float], y: Sequence[float]) -> float | None:
    """Spearman's rank correlation; None when either side does not vary."""
    rx, ry = _ranks(x), _ranks(y)
    mx, my = statistics.fmean(rx), statistics.fmean(ry)
    sxy = sum((a - mx) * (b - my) for a, b in zip(rx, ry, strict=True))
    sxx = sum((a - mx) ** 2 for a in rx)
    syy = sum((b - my) ** 2 for b in ry)
    if sxx == 0 or syy == 0:
        return None
    return max(-1.0, min(1.0, sxy / math.sqrt(sxx * syy)))


def _needed(counts: Mapping[str, int], minimum: int) -> dict[str, int]:
    return {key: minimum - count for key, count in counts.items() if count < minimum}


# ---- sleep ------------------------------------------------------------------------------

SLEEP_METRICS = ("sol_min", "waso_min", "tst_min", "se_pct", "quality")


def _dosed_nights(doses: Iterable[_Dose], kind: str, evening: time) -> set[date]:
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


def _compare_nights(
    code: str, nights: Sequence[_Night], marked: set[date], label: str, metrics: Sequence[str]
) -> Insight:
    """Nights in ``marked`` minus the others: difference in means of each metric."""
    with_dose = [n for n in nights if n.night in marked]
    without = [n for n in nights if n.night not in marked]
    counts = {f"{label}_nights": len(with_dose), "other_nights": len(without)}
    needed = _needed(counts, MIN_NIGHTS)
    if needed:
        return Insight(code, Status.NOT_ENOUGH_DATA, counts, needed)
    estimates = {
        metric: mean_difference(
            [getattr(n, metric) for n in with_dose], [getattr(n, metric) for n in without]
        )
        for metric in metrics
    }
    return Insight(code, Status.OK, counts, {}, estimates)


def _daily_pain(pains: Iterable[_Pain]) -> dict[date, float]:
    """The mean pain of each day with readings, by the day the user lived, in date order.
    Worked out once: a 10-year journal holds 100 000 readings."""
    by_day: dict[date, list[int]] = defaultdict(list)
    for reading in pains:
        by_day[reading.at.date()].append(reading.score)
    return {day: statistics.fmean(by_day[day]) for day in sorted(by_day)}


def _sleep_vs_next_day_pain(nights: Sequence[_Night], daily: Mapping[date, float]) -> Insight:
    """Spearman's rho of TST and of quality with the mean pain of the day after the night."""
    pairs = [(n, daily[n.night + timedelta(days=1)]) for n in nights if n.night + timedelta(days=1) in daily]
    counts = {"days": len(pairs)}
    needed = _needed(counts, MIN_PAIRED_DAYS)
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
            estimates[metric] = _spearman_interval(rho, len(pairs))
            continue

        def resample(rng: random.Random, sleep: list[float] = sleep) -> float | None:
            picks = rng.choices(range(len(pain)), k=len(pain))
            return spearman([sleep[i] for i in picks], [pain[i] for i in picks])

        estimates[metric] = bootstrap(rho, resample)
    return Insight("sleep_vs_next_day_pain", Status.OK, counts, {}, estimates)


# ---- pain itself --------------------------------------------------------------------------


def _high_pain(pains: Sequence[_Pain]) -> Insight:
    """The share of pain readings of 7 or more, with its Wilson interval."""
    counts = {"checkins": len(pains)}
    needed = _needed(counts, MIN_HIGH_PAIN_CHECKINS)
    if needed:
        return Insight("high_pain", Status.NOT_ENOUGH_DATA, counts, needed)
    high = sum(p.score >= HIGH_PAIN for p in pains)
    return Insight("high_pain", Status.OK, counts, {}, {"share": wilson(high, len(pains))})


def _day_to_day(daily: Mapping[date, float]) -> Insight:
    """How much the day's mean pain changes from one day to the next: the mean absolute
    difference between consecutive days that both have readings (in points, 0-10);
    ``daily`` is :func:`_daily_pain`."""
    days = list(daily)
    changes = [abs(daily[b] - daily[a]) for a, b in itertools.pairwise(days) if (b - a).days == 1]
    counts = {"pain_days": len(days), "day_pairs": len(changes)}
    # Days first: "need 3 more days with check-ins" is the plainer ask of the two.
    needed = _needed({"pain_days": len(days)}, MIN_PAIN_DAYS) or _needed(
        {"day_pairs": len(changes)}, MIN_DAY_PAIRS
    )
    if needed:
        return Insight("day_to_day", Status.NOT_ENOUGH_DATA, counts, needed)
    return Insight("day_to_day", Status.OK, counts, {}, {"mean_abs_change": block_mean(changes)})


# ---- relief per dose ----------------------------------------------------------------------


@dataclass(frozen=True)
class _Outcome:
    dose: _Dose
    before: int
    change_pct: Mapping[int, float]  # follow-up minute -> % change from before
    min_to_relief: float | None


def _closest(
    pains: Sequence[_Pain], times: Sequence[float], moment: float, window: tuple[int, int, int]
) -> _Pain | None:
    """The reading in the follow-up window nearest its nominal minute (ties: the earlier)."""
    target, low, high = window
    first = bisect.bisect_left(times, moment + low * 60)
    last = bisect.bisect_right(times, moment + high * 60)
    if first >= last:
        return None
    return min(
        pains[first:last], key=lambda p: (abs(p.at.timestamp() - moment - target * 60), p.at.timestamp())
    )


def _outcome(dose: _Dose, pains: Sequence[_Pain], times: Sequence[float]) -> _Outcome | None:
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
    return _Outcome(dose, before, changes, relief) if changes else None


def _relief_summary(outcomes: Sequence[_Outcome]) -> ReliefSummary:
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


def _relief_outcomes(journal: _Journal) -> list[_Outcome]:
    times = [p.at.timestamp() for p in journal.pains]
    outcomes = (_outcome(d, journal.pains, times) for d in journal.doses if d.kind != "melatonin")
    return [o for o in outcomes if o is not None]


def _relief_per_dose(outcomes: Sequence[_Outcome]) -> ReliefInsight:
    """Overall, per substance and per product/batch (groups of >= 5), and by month."""
    counts = {"doses": len(outcomes)}
    needed = _needed(counts, MIN_RELIEF_DOSES)
    if needed:
        return ReliefInsight("relief_per_dose", Status.NOT_ENOUGH_DATA, counts, needed)
    grouped: dict[tuple[str, str | None, str | None], list[_Outcome]] = defaultdict(list)
    by_month: dict[str, list[_Outcome]] = defaultdict(list)
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


# ---- escalation --------------------------------------------------------------------------


def _days(today: date, first_ago: int, count: int) -> tuple[date, date]:
    """[today - first_ago - count + 1, today - first_ago] as (first, last) dates."""
    last = today - timedelta(days=first_ago)
    return last - timedelta(days=count - 1), last


def _within(moment: datetime, span: tuple[date, date]) -> bool:
    return span[0] <= moment.date() <= span[1]


def _median_gap_h(doses: Sequence[_Dose]) -> float | None:
    stamps = [d.at.timestamp() for d in doses]
    gaps = [(b - a) / 3600 for a, b in itertools.pairwise(stamps)]
    return statistics.median(gaps) if gaps else None


def _relief_share(outcomes: Sequence[_Outcome]) -> Estimate | None:
    if len(outcomes) < MIN_RELIEF_DOSES:
        return None
    return wilson(sum(o.min_to_relief is not None for o in outcomes), len(outcomes))


def _pct_change(recent: float | None, baseline: float | None) -> float | None:
    if recent is None or baseline is None or baseline <= 0:
        return None
    return (recent - baseline) / baseline * 100


def _substance_trend(doses: Sequence[_Dose], outcomes: Sequence[_Outcome], today: date) -> SubstanceTrend:
    """Escalation watch for one substance's doses (in time order) relative to ``today``."""
    recent_amount = _days(today, 0, RECENT_AMOUNT_DAYS)
    baseline_amount = _days(today, RECENT_AMOUNT_DAYS, BASELINE_AMOUNT_DAYS)
    recent_daily = sum(d.amount for d in doses if _within(d.at, recent_amount)) / RECENT_AMOUNT_DAYS
    baseline_daily = sum(d.amount for d in doses if _within(d.at, baseline_amount)) / BASELINE_AMOUNT_DAYS
    amount_change = _pct_change(recent_daily, baseline_daily)

    used = {d.at.date() for d in doses}
    day = today if today in used else today - timedelta(days=1)  # today may not be over yet
    run = 0
    while day in used:
        run, day = run + 1, day - timedelta(days=1)

    recent_gap = _median_gap_h([d for d in doses if _within(d.at, _days(today, 0, RECENT_GAP_DAYS))])
    baseline_gap = _median_gap_h(
        [d for d in doses if _within(d.at, _days(today, RECENT_GAP_DAYS, BASELINE_GAP_DAYS))]
    )
    gap_change = _pct_change(recent_gap, baseline_gap)

    recent_relief = _relief_share(
        [o for o in outcomes if _within(o.dose.at, _days(today, 0, RELIEF_TREND_DAYS))]
    )
    baseline_relief = _relief_share(
        [o for o in outcomes if _within(o.dose.at, _days(today, RELIEF_TREND_DAYS, RELIEF_TREND_DAYS))]
    )
    codes = []
    if amount_change is not None and amount_change >= CHANGE_FLAG * 100:
        codes.append("amount_up_25pct")
    if gap_change is not None and gap_change <= -CHANGE_FLAG * 100:
        codes.append("gaps_shorter_25pct")
    if (
        recent_relief is not None
        and baseline_relief is not None
        and baseline_relief.value > 0
        and recent_relief.value <= baseline_relief.value * (1 - CHANGE_FLAG)
    ):
        codes.append("relief_share_down_25pct")
    return SubstanceTrend(
        substance=doses[0].substance,
        kind=doses[0].kind,
        recent_daily_amount=recent_daily,
        baseline_daily_amount=baseline_daily,
        amount_change_pct=amount_change,
        run_days=run,
        recent_median_gap_h=recent_gap,
        baseline_median_gap_h=baseline_gap,
        recent_relief=recent_relief,
        baseline_relief=baseline_relief,
        codes=tuple(codes),
    )


def _escalation(doses: Sequence[_Dose], outcomes: Sequence[_Outcome], today: date) -> EscalationInsight:
    """A trend for each substance used in the longest window (56 days ending today)."""
    horizon = _days(today, 0, 2 * RELIEF_TREND_DAYS)
    by_substance: dict[str, list[_Dose]] = defaultdict(list)
    for dose in doses:
        if _within(dose.at, horizon):
            by_substance[dose.substance.casefold()].append(dose)
    counts = {"substances": len(by_substance)}
    if not by_substance:
        return EscalationInsight("escalation", Status.NOT_ENOUGH_DATA, counts, {"doses": 1})
    trends = tuple(
        _substance_trend(
            members,
            [o for o in outcomes if o.dose.substance.casefold() == key and _within(o.dose.at, horizon)],
            today,
        )
        for key, members in sorted(by_substance.items())
    )
    return EscalationInsight("escalation", Status.OK, counts, {}, trends)


# ---- entry point -------------------------------------------------------------------------


def compute_insights(
    records: Iterable[Mapping[str, Any]], substance_kinds: Mapping[str, str], today: date, zone: tzinfo
) -> Insights:
    """All insights of the journal's records up to ``today``.

    ``substance_kinds`` maps a substance name (any case) to "melatonin", "kratom" or
    "other"; doses of other names are left out. The result does not depend on the
    order of ``records``.
    """
    # numpy, through the pain model: loaded here, not with this module (see its docstring).
    from desktop.core.insights.relief_curves import relief_curves

    journal = _read(records, substance_kinds, today, zone)
    outcomes = _relief_outcomes(journal)
    daily = _daily_pain(journal.pains)
    return Insights(
        today=today,
        melatonin_sleep=_compare_nights(
            "melatonin_sleep",
            journal.nights,
            _dosed_nights(journal.doses, "melatonin", MELATONIN_EVENING),
            "melatonin",
            SLEEP_METRICS,
        ),
        relief_per_dose=_relief_per_dose(outcomes),
        evening_kratom_sleep=_compare_nights(
            "evening_kratom_sleep",
            journal.nights,
            _dosed_nights(journal.doses, "kratom", KRATOM_EVENING),
            "kratom",
            ("tst_min", "quality"),
        ),
        sleep_vs_next_day_pain=_sleep_vs_next_day_pain(journal.nights, daily),
        escalation=_escalation(journal.doses, outcomes, today),
        high_pain=_high_pain(journal.pains),
        day_to_day=_day_to_day(daily),
        relief_curves=relief_curves(journal.pains, journal.doses, substance_kinds, today, zone),
    )
