"""The values the insights are made of (DESIGN.md 6): each insight's reason code, its
status, its counts, what it still needs, and its estimates with 95 % intervals.

Only values: the presenters (desktop/words, desktop/reports) read these without the
computation behind them, which lives in the sibling modules and is composed by
:func:`desktop.core.insights.compute.compute_insights`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from desktop.core.planning.pain_model_values import ReliefCurve


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


def shortfall(counts: Mapping[str, int], minimum: int) -> dict[str, int]:
    """How many more of each count reach ``minimum`` (only the counts short of it)."""
    return {key: minimum - count for key, count in counts.items() if count < minimum}


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
