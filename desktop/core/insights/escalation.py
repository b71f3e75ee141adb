"""The escalation watch: for each substance used in the last 56 days, its amount per
day, its run of days with use, the gaps between doses and the share of doses with
relief, recent against a baseline just before, with neutral flags where they changed
by a quarter or more.
"""

from __future__ import annotations

import itertools
import statistics
from collections import defaultdict
from collections.abc import Sequence
from datetime import date, datetime, timedelta

from desktop.core.insights.records import Dose
from desktop.core.insights.relief import MIN_RELIEF_DOSES, Outcome
from desktop.core.insights.results import EscalationInsight, Estimate, Status, SubstanceTrend
from desktop.core.insights.stats import wilson

RECENT_AMOUNT_DAYS, BASELINE_AMOUNT_DAYS = 7, 28
RECENT_GAP_DAYS, BASELINE_GAP_DAYS = 14, 28
RELIEF_TREND_DAYS = 28
CHANGE_FLAG = 0.25  # +25 % amount, -25 % gaps, -25 % share with relief


def _days(today: date, first_ago: int, count: int) -> tuple[date, date]:
    """[today - first_ago - count + 1, today - first_ago] as (first, last) dates."""
    last = today - timedelta(days=first_ago)
    return last - timedelta(days=count - 1), last


def _within(moment: datetime, span: tuple[date, date]) -> bool:
    return span[0] <= moment.date() <= span[1]


def _median_gap_h(doses: Sequence[Dose]) -> float | None:
    stamps = [d.at.timestamp() for d in doses]
    gaps = [(b - a) / 3600 for a, b in itertools.pairwise(stamps)]
    return statistics.median(gaps) if gaps else None


def _relief_share(outcomes: Sequence[Outcome]) -> Estimate | None:
    if len(outcomes) < MIN_RELIEF_DOSES:
        return None
    return wilson(sum(o.min_to_relief is not None for o in outcomes), len(outcomes))


def _pct_change(recent: float | None, baseline: float | None) -> float | None:
    if recent is None or baseline is None or baseline <= 0:
        return None
    return (recent - baseline) / baseline * 100


def _substance_trend(doses: Sequence[Dose], outcomes: Sequence[Outcome], today: date) -> SubstanceTrend:
    """Escalation watch for one substance's doses (in time order) relative to ``today``."""
    recent_daily, baseline_daily = _daily_amounts(doses, today)
    amount_change = _pct_change(recent_daily, baseline_daily)
    recent_gap, baseline_gap = _median_gaps(doses, today)
    gap_change = _pct_change(recent_gap, baseline_gap)
    recent_relief, baseline_relief = _relief_shares(outcomes, today)
    return SubstanceTrend(
        substance=doses[0].substance,
        kind=doses[0].kind,
        recent_daily_amount=recent_daily,
        baseline_daily_amount=baseline_daily,
        amount_change_pct=amount_change,
        run_days=_run_days(doses, today),
        recent_median_gap_h=recent_gap,
        baseline_median_gap_h=baseline_gap,
        recent_relief=recent_relief,
        baseline_relief=baseline_relief,
        codes=_trend_codes(amount_change, gap_change, recent_relief, baseline_relief),
    )


def _daily_amounts(doses: Sequence[Dose], today: date) -> tuple[float, float]:
    """The mean amount per day: the 7 days ending today, and the 28 days before those."""
    recent_amount = _days(today, 0, RECENT_AMOUNT_DAYS)
    baseline_amount = _days(today, RECENT_AMOUNT_DAYS, BASELINE_AMOUNT_DAYS)
    recent_daily = sum(d.amount for d in doses if _within(d.at, recent_amount)) / RECENT_AMOUNT_DAYS
    baseline_daily = sum(d.amount for d in doses if _within(d.at, baseline_amount)) / BASELINE_AMOUNT_DAYS
    return recent_daily, baseline_daily


def _run_days(doses: Sequence[Dose], today: date) -> int:
    """Consecutive days with use, ending today, or yesterday when today has none yet."""
    used = {d.at.date() for d in doses}
    day = today if today in used else today - timedelta(days=1)  # today may not be over yet
    run = 0
    while day in used:
        run, day = run + 1, day - timedelta(days=1)
    return run


def _median_gaps(doses: Sequence[Dose], today: date) -> tuple[float | None, float | None]:
    """The median hours between doses: the 14 days ending today, and the 28 days before."""
    recent_gap = _median_gap_h([d for d in doses if _within(d.at, _days(today, 0, RECENT_GAP_DAYS))])
    baseline_gap = _median_gap_h(
        [d for d in doses if _within(d.at, _days(today, RECENT_GAP_DAYS, BASELINE_GAP_DAYS))]
    )
    return recent_gap, baseline_gap


def _relief_shares(outcomes: Sequence[Outcome], today: date) -> tuple[Estimate | None, Estimate | None]:
    """The share of doses with relief: the 28 days ending today, and the 28 days before."""
    recent_relief = _relief_share(
        [o for o in outcomes if _within(o.dose.at, _days(today, 0, RELIEF_TREND_DAYS))]
    )
    baseline_relief = _relief_share(
        [o for o in outcomes if _within(o.dose.at, _days(today, RELIEF_TREND_DAYS, RELIEF_TREND_DAYS))]
    )
    return recent_relief, baseline_relief


def _trend_codes(
    amount_change: float | None,
    gap_change: float | None,
    recent_relief: Estimate | None,
    baseline_relief: Estimate | None,
) -> tuple[str, ...]:
    """The flags of the changes of :data:`CHANGE_FLAG` or more (in the worrying direction)."""
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
    return tuple(codes)


def escalation(doses: Sequence[Dose], outcomes: Sequence[Outcome], today: date) -> EscalationInsight:
    """A trend for each substance used in the longest window (56 days ending today)."""
    horizon = _days(today, 0, 2 * RELIEF_TREND_DAYS)
    by_substance: dict[str, list[Dose]] = defaultdict(list)
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
