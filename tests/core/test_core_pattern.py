"""The reported pain by time of day: desktop/core/planning/pattern.py (DESIGN.md 5).

48 half-hour slots, circular Gaussian kernel (sigma 60 min) x recency (half-life 14
days) over every reading (readings under a dose included: the pain model, not this
profile, tells untreated pain from relief); "enough data" is >= 20 readings on >= 7
days in >= 4 of the six 4-hour blocks; weekday/weekend profiles only when both have
enough data.
"""

from __future__ import annotations

import math
import random
from datetime import date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.core.planning.pattern import (
    PainReading,
    Split,
    Sufficiency,
    build_profile,
    minute_of_day,
    profile_for_day,
    sufficiency,
)
from tests.core.synthetic import BERLIN, block, days_before, local_dt, readings_for, weekdays_only

PLAN_DAY = date(2026, 6, 10)  # a Wednesday, far from a DST change in Berlin
SATURDAY = date(2026, 6, 13)
END = local_dt(PLAN_DAY, "00:00")


def slot_index(clock: str) -> int:
    hours, minutes = map(int, clock.split(":"))
    return (hours * 60 + minutes) // 30


def profile(readings, *, end=END, window_days=28, split=Split.POOLED):
    return build_profile(readings, end=end, window_days=window_days, split=split)


def every_day_at(clocks, score, days, zone=BERLIN):
    return [PainReading(local_dt(day, clock, zone), score) for day in days for clock in clocks]


# ---- slots ---------------------------------------------------------------------------


def test_profile_has_48_half_hour_slots_from_midnight() -> None:
    readings = readings_for(block(("10:00", "13:00", 7)), days_before(PLAN_DAY, 28))
    result = profile(readings)
    assert len(result.slots) == 48
    assert [s.start for s in result.slots[:3]] == ["00:00", "00:30", "01:00"]
    assert result.slots[-1].start == "23:30"
    assert [s.start_min for s in result.slots] == list(range(0, 1440, 30))
    assert len({s.start for s in result.slots}) == 48
    assert result.window_days == 28
    assert result.first_day == date(2026, 5, 13) and result.last_day == date(2026, 6, 9)


def test_a_constant_score_gives_that_score_wherever_there_is_data() -> None:
    result = profile(every_day_at(["08:00", "12:00", "16:00", "20:00"], 5, days_before(PLAN_DAY, 10)))
    known = [s.pain for s in result.slots if s.pain is not None]
    assert len(known) > 20
    assert all(p == pytest.approx(5.0) for p in known)


def test_the_profile_follows_a_known_shape() -> None:
    result = profile(readings_for(block(("10:00", "13:00", 7)), days_before(PLAN_DAY, 28), noise=(0,)))
    assert result.slots[slot_index("11:30")].pain > 6
    assert result.slots[slot_index("16:00")].pain < 3
    assert result.slots[slot_index("08:00")].pain < 3


# ---- weights -------------------------------------------------------------------------


@pytest.mark.parametrize(("old", "new"), [(8, 2), (2, 8)])
def test_recent_readings_outweigh_old_ones(old: int, new: int) -> None:
    days = days_before(PLAN_DAY, 28)
    readings = every_day_at(["12:00"], old, days[:7]) + every_day_at(["12:00"], new, days[-7:])
    pain = profile(readings).slots[slot_index("12:00")].pain
    # the same number of readings each way: a plain mean would sit at 5
    assert abs(pain - new) < abs(pain - old)
    assert abs(pain - new) < 2.5


def test_recency_halves_the_weight_every_14_days() -> None:
    # one reading 14 days before the end and one 28 days before: weights 1/2 and 1/4
    readings = [PainReading(END - timedelta(days=14), 9), PainReading(END - timedelta(days=28), 3)]
    pain = profile(readings, window_days=29).slots[0].pain
    assert pain == pytest.approx((0.5 * 9 + 0.25 * 3) / 0.75)


def test_the_kernel_is_circular_a_late_reading_raises_the_first_slot() -> None:
    days = days_before(PLAN_DAY, 10)
    base = every_day_at(["12:00"], 1, days)
    late = every_day_at(["23:50"], 9, days)
    result = profile(base + late)
    assert result.slots[0].pain is not None and result.slots[0].pain > 8
    assert result.slots[0].support > result.slots[slot_index("02:00")].support
    early = every_day_at(["00:10"], 9, days)
    assert profile(base + early).slots[47].pain > 8


def test_the_kernel_weight_falls_off_with_distance_with_sigma_60_minutes() -> None:
    # one reading at 12:15 (a slot centre), 11.75 h before the end: support is the
    # kernel weight times the recency weight 1/2 ** (11.75 h / 14 days)
    reading = PainReading(local_dt(PLAN_DAY - timedelta(days=1), "12:15"), 5)
    support = {s.start: s.support for s in profile([reading]).slots}
    recency = 0.5 ** ((11.75 / 24) / 14)
    assert support["12:00"] == pytest.approx(recency)
    assert support["13:00"] == pytest.approx(math.exp(-0.5) * recency, rel=1e-9)  # one sigma away
    assert support["11:00"] == pytest.approx(support["13:00"])
    assert support["14:00"] == pytest.approx(math.exp(-2) * recency, rel=1e-9)


def test_support_is_higher_where_readings_are_dense() -> None:
    days = days_before(PLAN_DAY, 14)
    readings = every_day_at(["08:50", "09:00", "09:10", "09:20"], 5, days) + every_day_at(["18:00"], 5, days)
    slots = profile(readings).slots
    assert slots[slot_index("09:00")].support > 3 * slots[slot_index("18:00")].support
    assert slots[slot_index("18:00")].support > slots[slot_index("22:00")].support


def test_slots_far_from_any_reading_have_no_pain() -> None:
    readings = every_day_at(["08:30", "10:00", "11:30"], 6, days_before(PLAN_DAY, 14))
    slots = profile(readings).slots
    for clock in ("16:00", "20:00", "00:00", "03:00"):
        assert slots[slot_index(clock)].pain is None, clock
    assert slots[slot_index("10:00")].pain == pytest.approx(6.0)


def test_readings_outside_the_window_are_ignored() -> None:
    inside = every_day_at(["12:00"], 3, days_before(PLAN_DAY, 5))
    later = every_day_at(["12:00"], 9, [PLAN_DAY, PLAN_DAY + timedelta(days=1)])
    older = [PainReading(END - timedelta(days=28, minutes=1), 9)]
    result = profile(inside + later + older)
    assert result.slots[slot_index("12:00")].pain == pytest.approx(3.0)
    assert result.sufficiency.readings == 5


def test_time_of_day_is_the_local_time_the_user_lived() -> None:
    # the same instant (10:00 UTC) read in two offsets lands in two different slots
    days = days_before(PLAN_DAY, 3)
    at_home = [PainReading(datetime(d.year, d.month, d.day, 12, 0, tzinfo=BERLIN), 7) for d in days]
    travelling = [PainReading(r.at.astimezone(timezone(timedelta(hours=-4))), 7) for r in at_home]
    assert [minute_of_day(r.at) for r in travelling] == [6 * 60] * 3
    assert profile(at_home).slots[slot_index("12:00")].pain == pytest.approx(7.0)
    assert profile(travelling).slots[slot_index("12:00")].pain is None
    assert profile(travelling).slots[slot_index("06:00")].pain == pytest.approx(7.0)


# ---- sufficiency ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("readings", "days", "blocks", "enough", "missing"),
    [
        (20, 7, 4, True, {}),
        (19, 7, 4, False, {"readings": 1}),
        (20, 6, 4, False, {"days": 1}),
        (20, 7, 3, False, {"blocks": 1}),
        (10, 3, 1, False, {"readings": 10, "days": 4, "blocks": 3}),
        (0, 0, 0, False, {"readings": 20, "days": 7, "blocks": 4}),
        (200, 28, 6, True, {}),
    ],
)
def test_sufficiency_rules(
    readings: int, days: int, blocks: int, enough: bool, missing: dict[str, int]
) -> None:
    result = Sufficiency(readings, days, blocks)
    assert result.enough is enough
    assert result.missing == missing


def test_sufficiency_counts_readings_days_and_four_hour_blocks() -> None:
    days = days_before(PLAN_DAY, 7)
    clocks = ["00:00", "03:59", "04:00", "12:30", "23:59"]  # blocks 0, 0, 1, 3, 5
    assert sufficiency(every_day_at(clocks, 3, days)) == Sufficiency(35, 7, 4)
    assert sufficiency([]) == Sufficiency(0, 0, 0)


@pytest.mark.parametrize(
    ("readings", "missing"),
    [
        # 10 readings on 10 days over the day
        (
            [
                PainReading(local_dt(d, c), 3)
                for d, c in zip(
                    days_before(PLAN_DAY, 10), ["07:00", "11:00", "15:00", "19:00", "22:00"] * 2, strict=True
                )
            ],
            {"readings": 10},
        ),
        # 30 readings all in one 4-hour block
        (every_day_at(["08:10", "10:00", "11:50"], 3, days_before(PLAN_DAY, 10)), {"blocks": 3}),
        # 25 readings on 3 days
        (readings_for(block(), days_before(PLAN_DAY, 3), per_day=(9, 9))[:25], {"days": 4}),
    ],
    ids=["10-readings", "one-block", "three-days"],
)
def test_too_little_data_says_what_is_missing(readings, missing) -> None:
    result = profile(readings)
    assert not result.enough_data
    assert result.sufficiency.missing == missing


def test_weekday_and_weekend_profiles_when_both_have_enough_data() -> None:
    shape = weekdays_only(block(("10:00", "13:00", 8)))
    readings = readings_for(shape, days_before(PLAN_DAY, 28), seed=3)
    wednesday = profile_for_day(readings, day_start=END, window_days=28)
    saturday = profile_for_day(readings, day_start=local_dt(SATURDAY, "00:00"), window_days=28)
    assert wednesday.split is Split.WEEKDAY and saturday.split is Split.WEEKEND
    assert wednesday.slots[slot_index("11:30")].pain > 6
    assert saturday.slots[slot_index("11:30")].pain < 3
    assert saturday.sufficiency.days == 8  # four weekends in the 28 days
    pooled = profile_for_day(readings[:0], day_start=END, window_days=28)
    assert pooled.split is Split.POOLED


def test_pooled_when_the_weekend_has_too_little_data() -> None:
    days = days_before(PLAN_DAY, 28)
    weekdays = [d for d in days if d.weekday() < 5]
    weekends = [d for d in days if d.weekday() >= 5]
    readings = readings_for(block(("10:00", "13:00", 8)), weekdays, seed=4)
    readings += every_day_at(["09:00", "15:00"], 2, weekends)  # 16 readings: too few
    for day in (PLAN_DAY, SATURDAY):
        result = profile_for_day(readings, day_start=local_dt(day, "00:00"), window_days=28)
        assert result.split is Split.POOLED
        assert result.enough_data


def test_pooled_when_the_weekdays_have_too_little_data() -> None:
    days = days_before(SATURDAY, 28)
    weekends = [d for d in days if d.weekday() >= 5]
    weekdays = [d for d in days if d.weekday() < 5][:6]  # only six weekdays
    readings = readings_for(block(), weekends, seed=5) + readings_for(block(), weekdays, seed=6)
    result = profile_for_day(readings, day_start=local_dt(SATURDAY, "00:00"), window_days=28)
    assert result.enough_data and result.split is Split.POOLED


def test_the_split_profile_uses_only_its_own_days() -> None:
    days = days_before(PLAN_DAY, 14)
    readings = every_day_at(["12:00"], 8, [d for d in days if d.weekday() >= 5])
    readings += every_day_at(["12:00"], 2, [d for d in days if d.weekday() < 5])
    weekend = profile(readings, split=Split.WEEKEND)
    weekday = profile(readings, split=Split.WEEKDAY)
    assert weekend.slots[slot_index("12:00")].pain == pytest.approx(8.0)
    assert weekday.slots[slot_index("12:00")].pain == pytest.approx(2.0)
    assert weekend.sufficiency.readings == 4 and weekday.sufficiency.readings == 10


@settings(max_examples=40, deadline=None)
@given(
    entries=st.lists(st.tuples(st.integers(0, 28 * 48 - 1), st.integers(0, 10)), min_size=0, max_size=80),
    seed=st.integers(0, 1000),
)
def test_the_profile_does_not_depend_on_the_order_of_its_inputs(entries, seed) -> None:
    start = END - timedelta(days=28)
    readings = [PainReading(start + timedelta(minutes=30 * slot), score) for slot, score in entries]
    shuffled = list(readings)
    random.Random(seed).shuffle(shuffled)
    first = profile(readings)
    second = profile(shuffled)
    assert first.sufficiency == second.sufficiency
    for a, b in zip(first.slots, second.slots, strict=True):
        assert (a.pain is None) == (b.pain is None)
        if a.pain is not None:
            assert a.pain == pytest.approx(b.pain, abs=1e-9)
        assert a.support == pytest.approx(b.support, abs=1e-9)


def test_zone_of_new_york_is_handled_like_any_other() -> None:
    zone = ZoneInfo("America/New_York")
    readings = readings_for(block(("10:00", "13:00", 8)), days_before(PLAN_DAY, 28), zone=zone, noise=(0,))
    result = profile(readings, end=local_dt(PLAN_DAY, "00:00", zone))
    assert result.enough_data
    assert result.slots[slot_index("11:30")].pain > 6


def test_two_readings_at_the_same_moment_give_the_same_profile_in_either_order() -> None:
    days = days_before(PLAN_DAY, 10)
    readings = every_day_at(["14:00", "16:00", "20:00"], 2, days)
    readings += every_day_at(["10:40", "11:00", "11:20", "11:40"], 1, days)
    pair = [PainReading(local_dt(days[-1], "09:50"), 3), PainReading(local_dt(days[-1], "09:50"), 8)]
    first = profile([*readings, *pair])
    second = profile([*readings, *reversed(pair)])
    assert first == second
