"""The pain model: untreated baseline + relief curves, fitted together (issue 12).

Synthetic journals with a known truth (tests/core/pain_truth.py): the model must recover
the stated baseline and relief curve within stated tolerances, say "not enough data"
with the right reason when the data cannot support a number, and never depend on the
order of its inputs.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.core.planning.pain_model import fit_pain_model
from desktop.core.planning.pain_model_values import MIN_RELIEF_DOSES, RELIEF_SPAN_MIN, ModelDose
from desktop.core.planning.pattern import PainReading, Split
from tests.core.pain_truth import DosePlan, flat, gamma_relief, help_span, no_relief, rises, truth_journal
from tests.core.synthetic import days_before, local_dt

PLAN_DAY = date(2026, 6, 10)  # a Wednesday
DAY_START = local_dt(PLAN_DAY, "00:00")
BASELINE = rises((11 * 60, 80, 3.2), (20 * 60, 70, 1.2), floor=3.5)
RELIEF = gamma_relief(3.0, 120)
# Tolerances the model meets on these journals (four weeks of 5 check-ins a day, ~1.1
# doses a day at varied times, noise SD 0.7), each stated once.
ONSET_TOL, PEAK_MIN_TOL, PEAK_TOL, DURATION_TOL, BASELINE_TOL = 15, 45, 0.5, 60, 0.8


def fit(journal, *, window_days=28, day_start=DAY_START, substances=("Kratom",)):
    return fit_pain_model(
        journal.readings,
        journal.model_doses(),
        list(substances),
        day_start=day_start,
        window_days=window_days,
    )


def baseline_at(model, clock: str) -> float:
    hours, minutes = map(int, clock.split(":"))
    (point,) = [p for p in model.baseline if p.start_min == hours * 60 + minutes]
    assert point.pain is not None
    return point.pain


@pytest.mark.parametrize("seed", [1, 2, 3, 4])
def test_the_stated_relief_curve_and_baseline_are_recovered(seed: int) -> None:
    model = fit(truth_journal(BASELINE, RELIEF, plan_day=PLAN_DAY, seed=seed))
    (relief,) = model.relief
    onset, peak_min, duration, peak = help_span(RELIEF)
    assert model.enough_data and relief.enough_data, relief.reason
    assert relief.onset_min is not None and abs(relief.onset_min - onset) <= ONSET_TOL
    assert relief.peak_min is not None and abs(relief.peak_min - peak_min) <= PEAK_MIN_TOL
    assert relief.peak_change is not None and abs(relief.peak_change - peak) <= PEAK_TOL
    assert relief.duration_min is not None and abs(relief.duration_min - duration) <= DURATION_TOL
    # the interval at the peak is honest: it holds the truth (with rounding to 0.1)
    assert relief.peak_low - 0.1 <= peak <= relief.peak_high + 0.1
    # the untreated pain at the peak of the rise (usually under a dose) and off it
    for clock in ("10:30", "11:00", "16:00", "20:00"):
        hours, minutes = map(int, clock.split(":"))
        assert abs(baseline_at(model, clock) - BASELINE(hours * 60 + minutes + 15)) <= BASELINE_TOL, clock


def test_the_curve_has_a_point_every_30_minutes_and_the_baseline_48_half_hours() -> None:
    model = fit(truth_journal(BASELINE, RELIEF, plan_day=PLAN_DAY))
    (relief,) = model.relief
    assert [c.after_min for c in relief.curve] == list(range(0, RELIEF_SPAN_MIN + 1, 30))
    assert relief.curve[0].change == 0.0  # nothing changes at the moment of the dose
    assert all(c.low <= c.change <= c.high for c in relief.curve)
    assert [p.start_min for p in model.baseline] == list(range(0, 1440, 30))
    for point in model.baseline:
        if point.pain is not None:
            assert 0 <= point.low <= point.pain <= point.high <= 10


def test_doses_that_do_nothing_show_no_relief_and_say_so_honestly() -> None:
    model = fit(truth_journal(flat(4.0), no_relief, plan_day=PLAN_DAY, seed=5))
    (relief,) = model.relief
    assert relief.enough_data
    assert relief.onset_min is None and relief.duration_min is None  # never a drop of 1 point
    assert relief.peak_low <= 0.1 and abs(relief.peak_change) < 0.6


@pytest.mark.parametrize("seed", [1, 2, 3])
@pytest.mark.parametrize("window", [(9 * 60 + 30, 9 * 60 + 31, 1.0), (9 * 60 + 15, 9 * 60 + 45, 1.0)])
def test_doses_always_at_the_same_time_are_not_over_claimed(window, seed: int) -> None:
    journal = truth_journal(BASELINE, RELIEF, plan_day=PLAN_DAY, doses=DosePlan((window,)), seed=seed)
    (relief,) = fit(journal).relief
    assert not relief.enough_data
    assert relief.reason == "same_times"
    assert relief.onset_min is relief.peak_change is relief.duration_min is None
    assert all(c.change is None for c in relief.curve)


def test_too_few_doses_say_how_many_more_are_needed() -> None:
    journal = truth_journal(BASELINE, RELIEF, plan_day=PLAN_DAY, doses=DosePlan(((8 * 60, 18 * 60, 0.15),)))
    (relief,) = fit(journal).relief
    assert relief.reason == "few_doses"
    assert relief.needed == {"doses": MIN_RELIEF_DOSES - relief.n_doses}


def test_no_readings_at_all_gives_an_empty_model() -> None:
    model = fit_pain_model([], [], ["Kratom"], day_start=DAY_START, window_days=28)
    assert not model.enough_data
    assert all(p.pain is None for p in model.baseline)
    assert model.relief[0].reason == "few_doses" and not model.relief[0].enough_data


def test_only_the_window_is_used() -> None:
    recent = truth_journal(flat(3.0), no_relief, plan_day=PLAN_DAY, days=28, seed=2)
    old = truth_journal(flat(9.0), no_relief, plan_day=PLAN_DAY - timedelta(days=28), days=28, seed=3)
    model = fit_pain_model(
        old.readings + recent.readings, [], ["Kratom"], day_start=DAY_START, window_days=28
    )
    assert 2.5 <= baseline_at(model, "14:00") <= 3.5
    assert model.first_day == PLAN_DAY - timedelta(days=28)


def test_a_pain_before_already_told_by_a_reading_is_not_counted_twice() -> None:
    days = days_before(PLAN_DAY, 10)
    readings = [PainReading(local_dt(d, c), 5) for d in days for c in ("08:00", "13:00", "18:00", "21:00")]
    told = [ModelDose(local_dt(d, "08:10"), "Kratom", 5) for d in days]  # a reading 10 min before
    untold = [ModelDose(local_dt(d, "15:00"), "Kratom", 5) for d in days]
    base = fit_pain_model(readings, [], ["Kratom"], day_start=DAY_START, window_days=28)
    with_told = fit_pain_model(readings, told, ["Kratom"], day_start=DAY_START, window_days=28)
    with_untold = fit_pain_model(readings, untold, ["Kratom"], day_start=DAY_START, window_days=28)
    assert with_told.sufficiency.readings == base.sufficiency.readings
    assert with_untold.sufficiency.readings == base.sufficiency.readings + len(days)


def test_weekday_and_weekend_baselines_only_when_both_have_enough_data() -> None:
    weekday_heavy = truth_journal(BASELINE, RELIEF, plan_day=PLAN_DAY, seed=7)
    # weekends: flat 2 and no doses (a different day at the weekend)
    readings = [r if r.at.weekday() < 5 else PainReading(r.at, 2) for r in weekday_heavy.readings]
    doses = [d for d in weekday_heavy.doses if d.at.weekday() < 5]
    journal = type(weekday_heavy)(readings=readings, doses=doses)
    wednesday = fit(journal)
    saturday = fit(journal, day_start=local_dt(date(2026, 6, 13), "00:00"))
    assert wednesday.split is Split.WEEKDAY and saturday.split is Split.WEEKEND
    assert baseline_at(wednesday, "11:00") - baseline_at(saturday, "11:00") > 2
    few = [r for r in readings if r.at.weekday() < 5 or r.at.date() > PLAN_DAY - timedelta(days=5)]
    pooled = fit(type(journal)(readings=few, doses=journal.doses))
    assert pooled.split is Split.POOLED


@settings(max_examples=25, deadline=None)
@given(seed=st.integers(0, 10_000))
def test_the_model_is_deterministic_and_independent_of_input_order(seed: int) -> None:
    journal = truth_journal(BASELINE, RELIEF, plan_day=PLAN_DAY, days=30, seed=seed % 50)
    first = fit(journal)
    rng = random.Random(seed)
    readings, doses = list(journal.readings), list(journal.doses)
    rng.shuffle(readings)
    rng.shuffle(doses)
    second = fit(type(journal)(readings=readings, doses=doses))
    assert first == second
    assert fit(journal) == first


def _fixed_routine(seed: int, dose: str = "08:00", checkins=("08:45", "13:00", "18:00", "21:00")):
    """A dose every day at exactly ``dose`` (with pain before and follow-ups at +60 and
    +120 min) and check-ins at fixed times: a routine that never shows the untreated
    pain under the dose (the reviewer's case: a check-in 45 min after the dose once
    passed the check because it shared a clock hour with the pain before)."""
    rng = random.Random(seed)
    readings, doses = [], []
    for day in days_before(PLAN_DAY, 56):
        dose_at = local_dt(day, dose)

        def truth(moment, dose_at=dose_at) -> int:
            minute = moment.hour * 60 + moment.minute
            value = BASELINE(minute) + (
                RELIEF((moment - dose_at).total_seconds() / 60) if moment > dose_at else 0
            )
            return max(0, min(10, round(value + rng.gauss(0, 0.7))))

        doses.append(ModelDose(dose_at, "Kratom", truth(dose_at)))
        for moment in [dose_at + timedelta(minutes=m) for m in (60, 120)] + [
            local_dt(day, c) for c in checkins
        ]:
            readings.append(PainReading(moment, truth(moment)))
    return readings, doses


@pytest.mark.parametrize("seed", [1, 2, 3, 4])
def test_a_fixed_daily_routine_is_not_over_claimed_and_hides_the_unseen_baseline(seed: int) -> None:
    readings, doses = _fixed_routine(seed)
    model = fit_pain_model(readings, doses, ["Kratom"], day_start=DAY_START, window_days=28)
    (relief,) = model.relief
    assert relief.reason == "same_times" and relief.contrast < 1
    # the untreated pain under the usual dose (09:00-13:00) was never seen: no number
    for clock in ("09:30", "10:00", "11:00", "12:00"):
        (point,) = [p for p in model.baseline if p.start == clock]
        assert point.pain is None and point.low is None, clock
    assert baseline_at(model, "21:00") is not None


def test_the_peak_is_never_the_moment_of_the_dose() -> None:
    # doses that, if anything, raise pain a little: the "largest drop" is not at 0 min
    model = fit(truth_journal(flat(4.0), lambda after: 0.3 if after > 0 else 0.0, plan_day=PLAN_DAY, seed=6))
    (relief,) = model.relief
    assert relief.enough_data and relief.peak_min >= 30
    assert relief.peak_high > relief.peak_low  # an interval the data earned, not [0, 0]


def test_too_few_days_give_no_interval() -> None:
    journal = truth_journal(BASELINE, RELIEF, plan_day=PLAN_DAY, days=3)
    model = fit(journal)
    assert not model.enough_data
    assert any(p.pain is not None for p in model.baseline)
    assert all(p.low is None and p.high is None for p in model.baseline)


def test_two_doses_logged_at_one_moment_tell_one_pain_before() -> None:
    days = days_before(PLAN_DAY, 10)
    readings = [PainReading(local_dt(d, c), 5) for d in days for c in ("08:00", "13:00", "18:00", "21:00")]
    pair = [ModelDose(local_dt(d, "15:00"), name, 6) for d in days for name in ("Kratom", "Red kratom")]
    base = fit_pain_model(readings, [], ["Kratom"], day_start=DAY_START, window_days=28)
    both = fit_pain_model(readings, pair, ["Kratom", "Red kratom"], day_start=DAY_START, window_days=28)
    assert both.sufficiency.readings == base.sufficiency.readings + len(days)
