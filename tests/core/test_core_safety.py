"""The user's own limits: desktop/core/safety.py.

A proposed dose is checked against the minimum interval (on either side, so that a
dose logged afterwards between two earlier ones counts), the number of doses and the
total amount in every rolling 24 hours that contains it. ``next_ok_at`` is the first
time at or after the proposed one at which the same amount breaks no limit.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.core.model import Limits
from desktop.core.safety import DAY, LimitReason, PastDose, Verdict, check_dose, next_allowed_time

NEW_YORK = ZoneInfo("America/New_York")
T0 = datetime(2026, 3, 10, 8, 0, tzinfo=UTC)
MIN_INTERVAL = LimitReason.MIN_INTERVAL
MAX_DOSES = LimitReason.MAX_DOSES_24H
MAX_AMOUNT = LimitReason.MAX_AMOUNT_24H


def h(hours: float) -> datetime:
    """``hours`` after T0."""
    return T0 + timedelta(hours=hours)


def doses(*items: tuple[float, float]) -> list[PastDose]:
    return [PastDose(h(at), amount) for at, amount in items]


EVERY_4H = Limits(min_interval=timedelta(hours=4))
THREE_A_DAY = Limits(max_doses_per_24h=3)
TEN_A_DAY = Limits(max_amount_per_24h=10.0)


@pytest.mark.parametrize(
    ("limits", "history", "at", "amount", "reasons", "next_ok"),
    [
        # No limits: always within them.
        (Limits(), doses((0, 5), (0.1, 5), (0.2, 500)), 0.3, 1000, (), 0.3),
        (Limits(), [], 0, 1, (), 0),
        # Minimum interval, after an earlier dose.
        (EVERY_4H, doses((0, 1)), 3, 1, (MIN_INTERVAL,), 4),
        (EVERY_4H, doses((0, 1)), 4, 1, (), 4),
        (EVERY_4H, doses((0, 1)), 5, 1, (), 5),
        (EVERY_4H, doses((0, 1)), 0, 1, (MIN_INTERVAL,), 4),
        # ... and before a later one (a dose logged afterwards between two earlier ones).
        (EVERY_4H, doses((0, 1), (6, 1)), 3, 1, (MIN_INTERVAL,), 10),
        (EVERY_4H, doses((0, 1), (8, 1)), 4, 1, (), 4),
        (EVERY_4H, doses((6, 1)), 3, 1, (MIN_INTERVAL,), 10),
        (EVERY_4H, doses((6, 1)), 2, 1, (), 2),
        # Doses per rolling 24 h.
        (THREE_A_DAY, doses((0, 1), (4, 1), (8, 1)), 12, 1, (MAX_DOSES,), 24),
        (THREE_A_DAY, doses((0, 1), (4, 1)), 12, 1, (), 12),
        (THREE_A_DAY, doses((0, 1), (4, 1), (8, 1)), 24, 1, (), 24),
        (THREE_A_DAY, doses((-30, 1), (-25, 1), (0, 1)), 1, 1, (), 1),
        # A retro-logged dose between two earlier doses fills a window that started before it.
        (Limits(max_doses_per_24h=2), doses((0, 1), (20, 1)), 10, 1, (MAX_DOSES,), 24),
        (Limits(max_doses_per_24h=2), doses((20, 1)), 10, 1, (), 10),
        # ... or a window that starts at it and reaches the later doses.
        (Limits(max_doses_per_24h=2), doses((14, 1), (30, 1)), 10, 1, (MAX_DOSES,), 38),
        # Amount per rolling 24 h.
        (TEN_A_DAY, doses((0, 4), (6, 4)), 12, 3, (MAX_AMOUNT,), 24),
        (TEN_A_DAY, doses((0, 4), (6, 4)), 12, 2, (), 12),
        (TEN_A_DAY, doses((0, 5), (20, 5)), 10, 3, (MAX_AMOUNT,), 24),
        # The amount alone is above the cap: there is no time at which it fits.
        (TEN_A_DAY, [], 0, 11, (MAX_AMOUNT,), None),
        (TEN_A_DAY, doses((0, 1)), 48, 10.5, (MAX_AMOUNT,), None),
        # 3 x 0.1 against a 0.3 cap is within it (float sums).
        (Limits(max_amount_per_24h=0.3), doses((0, 0.1), (1, 0.1)), 2, 0.1, (), 2),
        # Several limits at once.
        (
            Limits(min_interval=timedelta(hours=4), max_doses_per_24h=2, max_amount_per_24h=4.0),
            doses((0, 2), (6, 2)),
            8,
            1,
            (MIN_INTERVAL, MAX_DOSES, MAX_AMOUNT),
            24,
        ),
    ],
)
def test_check_dose_against_the_users_limits(
    limits: Limits,
    history: list[PastDose],
    at: float,
    amount: float,
    reasons: tuple[LimitReason, ...],
    next_ok: float | None,
) -> None:
    verdict = check_dose(limits, history, h(at), amount)
    assert verdict.reasons == reasons
    assert verdict.ok is (not reasons)
    assert verdict.next_ok_at == (None if next_ok is None else h(next_ok))


@pytest.mark.parametrize(
    ("limits", "history", "at"),
    [
        (Limits(max_doses_per_24h=1), doses((0, 1)), 24),
        (Limits(max_amount_per_24h=1.0), doses((0, 1)), 24),
        (Limits(min_interval=timedelta(hours=24)), doses((0, 1)), 24),
    ],
)
def test_exactly_24_hours_or_the_interval_later_is_allowed(
    limits: Limits, history: list[PastDose], at: float
) -> None:
    assert check_dose(limits, history, h(at), 1).ok
    assert not check_dose(limits, history, h(at) - timedelta(microseconds=1), 1).ok


def test_used_count_and_amount_cover_the_24_hours_up_to_the_dose() -> None:
    history = doses((-24, 7), (-23.5, 1), (-1, 2), (0, 3), (1, 100))
    verdict = check_dose(Limits(), history, h(0), 1)
    assert (verdict.used_count, verdict.used_amount) == (3, 6)


def test_the_24_hours_are_real_hours_on_the_day_the_clocks_go_forward() -> None:
    # 08:00 EST on 2026-03-07 to 08:00 EDT on 2026-03-08 is only 23 hours.
    history = [PastDose(datetime(2026, 3, 7, 13, 0, tzinfo=UTC), 1)]
    at = datetime(2026, 3, 8, 8, 0, tzinfo=NEW_YORK)
    verdict = check_dose(Limits(max_doses_per_24h=1), history, at, 1)
    assert verdict.reasons == (MAX_DOSES,)
    assert verdict.used_count == 1
    assert verdict.next_ok_at is not None
    assert verdict.next_ok_at.astimezone(UTC) == datetime(2026, 3, 8, 13, 0, tzinfo=UTC)


def test_the_24_hours_are_real_hours_on_the_day_the_clocks_go_back() -> None:
    # 08:00 EDT on 2026-10-31 to 07:30 EST on 2026-11-01 is 24.5 hours.
    history = [PastDose(datetime(2026, 10, 31, 12, 0, tzinfo=UTC), 1)]
    at = datetime(2026, 11, 1, 7, 30, tzinfo=NEW_YORK)
    verdict = check_dose(Limits(max_doses_per_24h=1, max_amount_per_24h=1.0), history, at, 1)
    assert verdict.ok
    assert verdict.used_count == 0


def test_the_interval_is_real_time_inside_the_repeated_hour() -> None:
    # 01:30 EDT, then 01:10 EST: 40 minutes later although the wall clock went back.
    first = datetime(2026, 11, 1, 1, 30, tzinfo=NEW_YORK)
    second = datetime(2026, 11, 1, 1, 10, tzinfo=NEW_YORK, fold=1)
    limits = Limits(min_interval=timedelta(minutes=30))
    assert check_dose(limits, [PastDose(first, 1)], second, 1).ok
    assert not check_dose(Limits(min_interval=timedelta(minutes=45)), [PastDose(first, 1)], second, 1).ok


# ---- properties ----------------------------------------------------------------------

LIMITS = st.builds(
    Limits,
    min_interval=st.one_of(st.none(), st.integers(1, 72 * 60).map(lambda m: timedelta(minutes=m))),
    max_doses_per_24h=st.one_of(st.none(), st.integers(1, 6)),
    max_amount_per_24h=st.one_of(st.none(), st.integers(1, 40).map(float)),
)
# Whole minutes, so that nudging a time by a microsecond never crosses another dose.
OFFSETS = st.integers(-48 * 60, 48 * 60).map(lambda m: T0 + timedelta(minutes=m))
AMOUNTS = st.integers(1, 20).map(float)
HISTORY = st.lists(st.builds(PastDose, OFFSETS, AMOUNTS), max_size=8)


def reference_reasons(
    limits: Limits, history: list[PastDose], at: datetime, amount: float
) -> set[LimitReason]:
    """A slow, direct reading of the rules, to check the real code against."""
    reasons = set()
    if limits.min_interval is not None and any(abs(d.at - at) < limits.min_interval for d in history):
        reasons.add(MIN_INTERVAL)
    # Every window [s, s + 24 h) containing ``at``: the doses inside change only where s
    # passes a dose or a dose minus 24 h, so look at each such point and just after it.
    tick = timedelta(microseconds=1)
    edges = [at - DAY + tick, at]
    for d in history:
        edges += [d.at, d.at + tick, d.at - DAY, d.at - DAY + tick]
    for start in (s for s in edges if at - DAY < s <= at):
        inside = [d for d in history if start <= d.at < start + DAY]
        if limits.max_doses_per_24h is not None and len(inside) + 1 > limits.max_doses_per_24h:
            reasons.add(MAX_DOSES)
        if (
            limits.max_amount_per_24h is not None
            and sum(d.amount for d in inside) + amount > limits.max_amount_per_24h
        ):
            reasons.add(MAX_AMOUNT)
    return reasons


@settings(deadline=None)
@given(limits=LIMITS, history=HISTORY, at=OFFSETS, amount=AMOUNTS)
def test_check_dose_agrees_with_a_direct_reading_of_the_rules(
    limits: Limits, history: list[PastDose], at: datetime, amount: float
) -> None:
    verdict = check_dose(limits, history, at, amount)
    assert set(verdict.reasons) == reference_reasons(limits, history, at, amount)
    assert verdict.ok is (not verdict.reasons)
    assert len(set(verdict.reasons)) == len(verdict.reasons)


@settings(deadline=None)
@given(limits=LIMITS, history=HISTORY, at=OFFSETS, amount=AMOUNTS, fraction=st.floats(0, 1, exclude_max=True))
def test_next_ok_at_is_the_first_time_at_or_after_the_dose_that_is_within_limits(
    limits: Limits, history: list[PastDose], at: datetime, amount: float, fraction: float
) -> None:
    verdict = check_dose(limits, history, at, amount)
    if verdict.next_ok_at is None:
        # Only an amount above the 24-hour cap can never fit.
        assert limits.max_amount_per_24h is not None
        assert amount > limits.max_amount_per_24h
        return
    assert verdict.next_ok_at >= at
    assert check_dose(limits, history, verdict.next_ok_at, amount).ok
    assert next_allowed_time(limits, history, at, amount) == verdict.next_ok_at
    if verdict.ok:
        assert verdict.next_ok_at == at
    else:
        # Nothing earlier would do: any time between ``at`` and next_ok_at breaks a limit.
        span = (verdict.next_ok_at - at) // timedelta(microseconds=1)
        between = at + timedelta(microseconds=min(int(span * fraction), span - 1))
        assert not check_dose(limits, history, between, amount).ok
        assert not check_dose(limits, history, verdict.next_ok_at - timedelta(microseconds=1), amount).ok


@given(
    interval=st.integers(1, 72 * 60).map(lambda m: timedelta(minutes=m)),
    previous=OFFSETS,
    amount=AMOUNTS,
)
def test_a_dose_exactly_the_minimum_interval_after_the_previous_is_ok(
    interval: timedelta, previous: datetime, amount: float
) -> None:
    limits = Limits(min_interval=interval)
    history = [PastDose(previous, amount)]
    assert check_dose(limits, history, previous + interval, amount).ok
    assert check_dose(limits, history, previous + interval - timedelta(microseconds=1), amount).reasons == (
        MIN_INTERVAL,
    )


@settings(deadline=None)
@given(
    limits=LIMITS, history=HISTORY, extra=st.builds(PastDose, OFFSETS, AMOUNTS), at=OFFSETS, amount=AMOUNTS
)
def test_another_dose_in_the_log_never_makes_a_dose_more_allowed(
    limits: Limits, history: list[PastDose], extra: PastDose, at: datetime, amount: float
) -> None:
    before = check_dose(limits, history, at, amount)
    after = check_dose(limits, [*history, extra], at, amount)
    assert set(before.reasons) <= set(after.reasons)
    if after.next_ok_at is not None:
        assert before.next_ok_at is not None
        assert after.next_ok_at >= before.next_ok_at


@given(history=HISTORY, at=OFFSETS, amount=st.floats(0.001, 1e6))
def test_without_limits_every_dose_is_ok(history: list[PastDose], at: datetime, amount: float) -> None:
    verdict = check_dose(Limits(), history, at, amount)
    assert verdict == Verdict(
        reasons=(),
        next_ok_at=at,
        used_count=sum(1 for d in history if at - DAY < d.at <= at),
        used_amount=sum(d.amount for d in history if at - DAY < d.at <= at),
    )


@given(limits=LIMITS, history=HISTORY, at=OFFSETS, amount=AMOUNTS)
def test_the_order_of_the_log_does_not_matter(
    limits: Limits, history: list[PastDose], at: datetime, amount: float
) -> None:
    assert check_dose(limits, history, at, amount) == check_dose(limits, history[::-1], at, amount)
