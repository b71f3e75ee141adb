"""Insights from the journal: desktop/core/insights/ (compute.py composes them; DESIGN.md 6).

Each insight has n, an effect, a 95 % interval (seeded percentile bootstrap, Wilson for
shares) and a "not enough data" state naming how many more are needed: >= 7 nights in
each group, >= 5 doses with a usable pain pair, >= 10 nights paired with next-day pain.
Synthetic journals with a known effect must give it back.
"""

from __future__ import annotations

import math
import random
from datetime import date, datetime, time, timedelta, timezone
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.core.insights.compute import compute_insights
from desktop.core.insights.relief_curves import MAX_DAYS
from desktop.core.insights.results import Status
from desktop.core.insights.stats import block_mean, mean_estimate, spearman, wilson
from desktop.core.planning.pain_model import fit_pain_model
from tests.core.pain_truth import DosePlan, gamma_relief, help_span, rises, truth_journal
from tests.core.synthetic import BERLIN, local_dt

ZONE = timezone(timedelta(hours=2))
KINDS = {"Melatonin": "melatonin", "Kratom": "kratom", "Ibuprofen": "other"}
START = date(2026, 3, 2)
TODAY = date(2026, 6, 30)


def at(day: date, clock: str) -> datetime:
    return datetime.combine(day, time.fromisoformat(clock), ZONE)


def dose(
    when: datetime,
    substance: str = "Melatonin",
    amount: float = 1.0,
    *,
    pain_before: int | None = None,
    product: str | None = None,
    batch: str | None = None,
) -> dict[str, Any]:
    return {
        "kind": "dose",
        "at": when.isoformat(),
        "substance": substance,
        "amount": amount,
        "unit": "mg",
        "product": product,
        "batch": batch,
        "pain_before": pain_before,
    }


def pain(when: datetime, score: int) -> dict[str, Any]:
    return {"kind": "pain", "at": when.isoformat(), "score": score}


def sleep(
    night: date, *, sol: int = 20, waso: int = 10, quality: int = 3, wake: str = "07:00"
) -> dict[str, Any]:
    morning = night + timedelta(days=1)
    return {
        "kind": "sleep",
        "at": at(night, "22:30").isoformat(),
        "night": night.isoformat(),
        "in_bed": at(night, "22:30").isoformat(),
        "try_sleep": at(night, "23:00").isoformat(),
        "sol_min": sol,
        "awakenings": 1,
        "waso_min": waso,
        "final_wake": at(morning, wake).isoformat(),
        "out_of_bed": at(morning, "07:30").isoformat(),
        "quality": quality,
    }


def run(records: list[dict[str, Any]], today: date = TODAY) -> Any:
    return compute_insights(records, KINDS, today, ZONE)


def melatonin_nights(n_with: int, n_without: int, effect: float, seed: int = 1) -> list[dict[str, Any]]:
    """Alternating nights; SOL ~ normal(35, 8), shortened by ``effect`` on melatonin nights."""
    rng = random.Random(seed)
    records = []
    for i in range(n_with + n_without):
        night = START + timedelta(days=i)
        taken = i % 2 == 0 if i < 2 * min(n_with, n_without) else n_with > n_without
        mean = 35 - effect if taken else 35
        records.append(sleep(night, sol=max(0, round(rng.gauss(mean, 8)))))
        if taken:
            records.append(dose(at(night, "21:30")))
    return records


# ---- melatonin nights vs nights without ---------------------------------------------


def test_melatonin_shortening_sol_by_15_min_is_recovered() -> None:
    insight = run(melatonin_nights(20, 20, effect=15)).melatonin_sleep
    assert insight.status == Status.OK
    assert insight.n == {"melatonin_nights": 20, "other_nights": 20}
    sol = insight.estimates["sol_min"]
    assert sol.low <= -15 <= sol.high
    assert sol.high < 0
    assert set(insight.estimates) == {"sol_min", "waso_min", "tst_min", "se_pct", "quality"}
    # A shorter SOL is a longer TST here (same bed times), by the same minutes.
    assert insight.estimates["tst_min"].value == pytest.approx(-sol.value)


def test_no_effect_gives_an_interval_containing_zero() -> None:
    sol = run(melatonin_nights(20, 20, effect=0)).melatonin_sleep.estimates["sol_min"]
    assert sol.low <= 0 <= sol.high


def test_a_dose_after_midnight_counts_for_the_evening_before() -> None:
    records = [sleep(START + timedelta(days=i)) for i in range(14)]
    records += [dose(at(START + timedelta(days=i + 1), "01:30")) for i in range(0, 14, 2)]
    records += [dose(at(START + timedelta(days=i), "12:00")) for i in range(1, 14, 2)]  # noon: not evening
    assert run(records).melatonin_sleep.n == {"melatonin_nights": 7, "other_nights": 7}


@pytest.mark.parametrize(
    ("n_with", "n_without", "needed"),
    [
        (5, 9, {"melatonin_nights": 2}),
        (9, 5, {"other_nights": 2}),
        (0, 3, {"melatonin_nights": 7, "other_nights": 4}),
    ],
)
def test_too_few_nights_say_how_many_more(n_with: int, n_without: int, needed: dict[str, int]) -> None:
    insight = run(melatonin_nights(n_with, n_without, effect=15)).melatonin_sleep
    assert insight.status == Status.NOT_ENOUGH_DATA
    assert insight.n == {"melatonin_nights": n_with, "other_nights": n_without}
    assert insight.needed == needed
    assert insight.estimates == {}


def test_evening_kratom_counts_only_doses_after_18() -> None:
    records = [sleep(START + timedelta(days=i), quality=2 if i % 2 == 0 else 4) for i in range(16)]
    records += [dose(at(START + timedelta(days=i), "20:00"), "Kratom", 2) for i in range(0, 16, 2)]
    records += [dose(at(START + timedelta(days=i), "17:00"), "Kratom", 2) for i in range(1, 16, 2)]
    insight = run(records).evening_kratom_sleep
    assert insight.status == Status.OK
    assert insight.n == {"kratom_nights": 8, "other_nights": 8}
    assert insight.estimates["quality"].value == pytest.approx(-2)
    assert set(insight.estimates) == {"tst_min", "quality"}


# ---- relief per dose ----------------------------------------------------------------


def relief_doses(n: int, *, drop: float = 0.4, product: str | None = "Red") -> list[dict[str, Any]]:
    records = []
    for i in range(n):
        moment = at(START + timedelta(days=i), "10:00")
        records.append(dose(moment, "Kratom", 2, pain_before=10, product=product))
        after = round(10 * (1 - drop))
        records += [pain(moment + timedelta(minutes=60), after), pain(moment + timedelta(minutes=120), after)]
    return records


def test_a_known_40_percent_drop_is_recovered() -> None:
    insight = run(relief_doses(8)).relief_per_dose
    assert insight.status == Status.OK
    assert insight.n == {"doses": 8}
    overall = insight.overall
    assert overall is not None
    assert overall.relief_share.value == pytest.approx(1.0)
    assert overall.relief_share.low > 0.6  # Wilson, 8 of 8
    assert overall.change_pct[60].value == pytest.approx(-40)
    assert overall.change_pct[120].value == pytest.approx(-40)
    assert overall.n_follow_up == {60: 8, 120: 8}
    assert overall.median_min_to_relief == pytest.approx(60)
    assert [(g.substance, g.product) for g in insight.groups] == [("Kratom", None), ("Kratom", "Red")]
    assert [(m.month, m.n, m.share) for m in insight.months] == [("2026-03", 8, 1.0)]


def test_a_small_drop_is_not_relief_and_pain_before_comes_from_a_reading() -> None:
    records = []
    for i in range(6):
        moment = at(START + timedelta(days=i), "10:00")
        records += [
            dose(moment, "Ibuprofen", 400),
            pain(moment - timedelta(minutes=20), 10),
            pain(moment + timedelta(minutes=130), 8),
        ]
    overall = run(records).relief_per_dose.overall
    assert overall is not None
    assert overall.relief_share.value == 0
    assert overall.median_min_to_relief is None
    assert overall.change_pct[120].value == pytest.approx(-20)
    assert 60 not in overall.change_pct


def test_melatonin_doses_and_doses_without_pain_pairs_do_not_count() -> None:
    records = [*relief_doses(4), dose(at(START, "21:00"), "Melatonin", pain_before=8)]
    records.append(dose(at(START, "15:00"), "Kratom", 2, pain_before=6))  # no follow-up
    insight = run(records).relief_per_dose
    assert insight.status == Status.NOT_ENOUGH_DATA
    assert insight.needed == {"doses": 1}


def test_wilson_interval_matches_a_published_value() -> None:
    # Newcombe (1998) table I: 81 of 263 -> 0.2553 to 0.3662.
    share = wilson(81, 263)
    assert (round(share.low, 4), round(share.high, 4)) == (0.2553, 0.3662)


# ---- sleep vs next-day pain -----------------------------------------------------------


def test_spearman_on_a_monotone_relation_is_minus_one() -> None:
    records = []
    for i in range(12):
        night = START + timedelta(days=i)
        records.append(sleep(night, wake=f"{5 + i // 6:02d}:{(i % 6) * 10:02d}", quality=1 + i // 3))
        day = night + timedelta(days=1)  # mean pain 10, 9.5, 9, ... strictly falling
        records += [pain(at(day, "09:00"), 10 - i // 2), pain(at(day, "18:00"), 10 - (i + 1) // 2)]
    insight = run(records).sleep_vs_next_day_pain
    assert insight.status == Status.OK
    assert insight.n == {"days": 12}
    assert insight.estimates["tst_min"].value == pytest.approx(-1)
    assert insight.estimates["tst_min"].high == pytest.approx(-1)
    assert insight.estimates["quality"].value < -0.9


def test_sleep_vs_pain_needs_ten_paired_days() -> None:
    records = [sleep(START + timedelta(days=i)) for i in range(8)]
    records += [pain(at(START + timedelta(days=i + 1), "09:00"), 4) for i in range(8)]
    insight = run(records).sleep_vs_next_day_pain
    assert (insight.status, insight.needed) == (Status.NOT_ENOUGH_DATA, {"days": 2})


def test_spearman_is_none_without_variation() -> None:
    assert spearman([1, 2, 3], [4, 4, 4]) is None
    assert spearman([1, 2, 3, 4], [1, 3, 2, 4]) == pytest.approx(0.8)


# ---- escalation ---------------------------------------------------------------------------


def daily_use(recent: float, baseline: float = 2.0) -> list[dict[str, Any]]:
    """One kratom dose a day: ``baseline`` g for the 28 days before the last 7, then ``recent``."""
    records = []
    for ago in range(35):
        amount = recent if ago < 7 else baseline
        records.append(dose(at(TODAY - timedelta(days=ago), "09:00"), "Kratom", amount))
    return records


@pytest.mark.parametrize(
    ("recent", "flagged"),
    [(2.5, True), (2.6, True), (2.4, False), (2.0, False), (1.0, False)],
)
def test_an_amount_rise_of_25_percent_is_flagged(recent: float, flagged: bool) -> None:
    insight = run(daily_use(recent)).escalation
    assert insight.status == Status.OK
    (trend,) = insight.substances
    assert trend.amount_change_pct == pytest.approx((recent - 2) / 2 * 100)
    assert ("amount_up_25pct" in trend.codes) is flagged
    assert trend.run_days == 35


def test_shrinking_gaps_and_the_run_of_days() -> None:
    records = [dose(at(TODAY - timedelta(days=ago), "09:00"), "Kratom") for ago in range(14, 42)]
    for ago in range(2, 14):  # twice a day lately, 12 h apart; nothing yesterday
        records += [dose(at(TODAY - timedelta(days=ago), c), "Kratom") for c in ("08:00", "20:00")]
    records.append(dose(at(TODAY, "08:00"), "Kratom"))
    (trend,) = run(records).escalation.substances
    assert trend.baseline_median_gap_h == pytest.approx(24)
    assert trend.recent_median_gap_h == pytest.approx(12)
    assert "gaps_shorter_25pct" in trend.codes
    assert trend.run_days == 1


def test_falling_relief_per_dose_is_flagged() -> None:
    records = []
    for ago in range(0, 56, 4):  # 7 doses in each 28-day window
        moment = at(TODAY - timedelta(days=ago), "10:00")
        after = 9 if ago < 28 else 5  # a 10 % drop lately, 50 % before
        records += [dose(moment, "Kratom", 2, pain_before=10), pain(moment + timedelta(minutes=60), after)]
    (trend,) = run(records).escalation.substances
    assert trend.recent_relief is not None and trend.baseline_relief is not None
    assert (trend.recent_relief.value, trend.baseline_relief.value) == (0.0, 1.0)
    assert "relief_share_down_25pct" in trend.codes


def test_escalation_without_doses_is_not_enough_data() -> None:
    insight = run([sleep(START)]).escalation
    assert (insight.status, insight.needed, insight.substances) == (Status.NOT_ENOUGH_DATA, {"doses": 1}, ())


# ---- determinism and robustness ------------------------------------------------------------


def rich_journal() -> list[dict[str, Any]]:
    return melatonin_nights(20, 20, effect=15) + relief_doses(8) + daily_use(2.6)


def test_shuffling_the_records_changes_nothing() -> None:
    records = rich_journal()
    first = run(records)
    shuffled = records[:]
    random.Random(3).shuffle(shuffled)
    assert run(shuffled) == first
    assert run(records) == first  # and no hidden state between calls


def test_records_after_today_and_unknown_substances_are_left_out() -> None:
    records = relief_doses(8)
    extra = [dose(at(TODAY + timedelta(days=1), "09:00"), "Kratom", pain_before=5)]
    extra.append(dose(at(START, "09:00"), "Mystery", pain_before=5))
    assert run(records + extra) == run(records)


MOMENTS = st.datetimes(min_value=datetime(2026, 5, 1), max_value=datetime(2026, 7, 2)).map(
    lambda d: d.replace(tzinfo=ZONE)
)


@st.composite
def records_strategy(draw: st.DrawFn) -> dict[str, Any]:
    kind = draw(st.sampled_from(["dose", "pain", "sleep", "note"]))
    moment = draw(MOMENTS)
    if kind == "dose":
        return dose(
            moment,
            draw(st.sampled_from(["Melatonin", "Kratom", "Ibuprofen", "kratom", "Unknown"])),
            draw(st.floats(0, 50)),
            pain_before=draw(st.none() | st.integers(0, 10)),
            product=draw(st.none() | st.sampled_from(["Red", ""])),
            batch=draw(st.none() | st.just("B1")),
        )
    if kind == "pain":
        return pain(moment, draw(st.integers(0, 10)))
    if kind == "sleep":
        record = sleep(
            moment.date(),
            sol=draw(st.integers(0, 180)),
            waso=draw(st.integers(0, 600)),
            quality=draw(st.integers(1, 5)),
            wake=draw(st.sampled_from(["04:00", "07:00", "09:30"])),
        )
        return record
    return {"kind": "note", "at": moment.isoformat(), "note": "x"}


@settings(max_examples=80, deadline=None)
@given(st.lists(records_strategy(), max_size=40), st.randoms(use_true_random=False))
def test_compute_insights_never_raises_and_ignores_order(
    records: list[dict[str, Any]], rnd: random.Random
) -> None:
    result = run(records, today=date(2026, 7, 1))
    shuffled = records[:]
    rnd.shuffle(shuffled)
    assert run(shuffled, today=date(2026, 7, 1)) == result


def test_large_samples_use_an_exact_interval_that_agrees_with_the_bootstrap() -> None:
    import random as _random
    import statistics as _statistics

    from desktop.core.insights import stats as ins

    rng = _random.Random(5)
    values = [rng.gauss(-20, 15) for _ in range(ins.LARGE_SAMPLE + 50)]
    exact = ins.mean_estimate(values)
    boot = ins.bootstrap(
        _statistics.fmean(values), lambda r: _statistics.fmean(r.choices(values, k=len(values)))
    )
    assert abs(exact.low - boot.low) < 0.1 * (boot.high - boot.low)
    assert abs(exact.high - boot.high) < 0.1 * (boot.high - boot.low)


# ---- time in high pain --------------------------------------------------------------------


def pain_days(daily: list[list[int]], first: date = START) -> list[dict[str, Any]]:
    """Readings at 09:00, 13:00, 17:00 … of consecutive days (an empty list: no check-in)."""
    return [
        pain(at(first + timedelta(days=i), f"{9 + 4 * j:02d}:00"), score)
        for i, scores in enumerate(daily)
        for j, score in enumerate(scores)
    ]


@pytest.mark.parametrize(
    ("scores", "high"),
    [
        ([7] * 5 + [6] * 15, 5),  # 7 counts, 6 does not
        ([10] * 20, 20),
        ([0, 3, 6] * 10, 0),
        ([8, 2, 9, 1] * 25, 50),
    ],
)
def test_time_in_high_pain_is_the_share_of_readings_of_7_or_more(scores: list[int], high: int) -> None:
    insight = run(pain_days([[s] for s in scores])).high_pain
    assert (insight.status, insight.n, insight.needed) == (Status.OK, {"checkins": len(scores)}, {})
    assert insight.estimates["share"] == wilson(high, len(scores))


@pytest.mark.parametrize(("count", "needed"), [(0, {"checkins": 20}), (19, {"checkins": 1})])
def test_time_in_high_pain_needs_20_check_ins(count: int, needed: dict[str, int]) -> None:
    insight = run(pain_days([[8]] * count)).high_pain
    assert (insight.status, insight.needed, insight.estimates) == (Status.NOT_ENOUGH_DATA, needed, {})


# ---- day-to-day variability ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("daily", "pairs", "expected"),
    [
        # day means 2, 4, 3, 5, 5, 4, 6: changes 2, 1, 2, 0, 1, 2
        ([[2], [4], [3, 3], [5], [4, 6], [4], [6]], 6, 8 / 6),
        ([[5, 5, 5]] * 10, 9, 0.0),
        # day means 1, 9 alternating: every change is 8
        ([[1], [9]] * 5, 9, 8.0),
        # a day without check-ins breaks the pair: means 2, 3, -, 7, 7, 8, 8, 8 (changes 1, 0, 1, 0, 0)
        ([[2], [3], [], [7], [7], [8], [8], [8]], 5, None),
    ],
)
def test_day_to_day_change_is_the_mean_absolute_change_of_consecutive_days(
    daily: list[list[int]], pairs: int, expected: float | None
) -> None:
    insight = run(pain_days(daily)).day_to_day
    assert insight.n == {"pain_days": sum(1 for d in daily if d), "day_pairs": pairs}
    if expected is None:
        assert (insight.status, insight.needed) == (Status.NOT_ENOUGH_DATA, {"day_pairs": 1})
        return
    change = insight.estimates["mean_abs_change"]
    assert change.value == pytest.approx(expected)
    assert change.low <= change.value <= change.high


@pytest.mark.parametrize(("days", "needed"), [(0, {"pain_days": 7}), (6, {"pain_days": 1})])
def test_day_to_day_change_needs_7_days(days: int, needed: dict[str, int]) -> None:
    insight = run(pain_days([[4]] * days)).day_to_day
    assert (insight.status, insight.needed, insight.estimates) == (Status.NOT_ENOUGH_DATA, needed, {})


def test_the_block_bootstrap_is_wider_than_one_that_ignores_neighbours() -> None:
    # Slow swings: each change is much like the one before, so neighbours carry less news.
    values = [abs(math.sin(i / 6)) * 3 for i in range(90)]
    block, plain = block_mean(values), mean_estimate(values)
    assert block.value == pytest.approx(plain.value)
    assert block.high - block.low > plain.high - plain.low


# ---- the relief curve -------------------------------------------------------------------------

# As in the pain model's tests: far from a DST change in Berlin, a baseline that a drop of
# 3 points never pushes below 0 (where the truth would be clipped), and their tolerances.
PLAN_DAY = date(2026, 6, 10)
BASELINE = rises((11 * 60, 80, 3.2), (20 * 60, 70, 1.2), floor=3.5)
RELIEF = gamma_relief(3.0, 120)
ONSET_TOL, PEAK_MIN_TOL, PEAK_TOL, DURATION_TOL = 15, 45, 0.5, 60


def truth_records(journal: Any) -> list[dict[str, Any]]:
    records = [pain(r.at, r.score) for r in journal.readings]
    records += [dose(d.at, d.substance, 2, pain_before=d.pain_before) for d in journal.doses]
    return records


def curves_of(journal: Any, today: date = PLAN_DAY - timedelta(days=1)) -> Any:
    return compute_insights(truth_records(journal), KINDS, today, BERLIN).relief_curves


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_a_known_relief_curve_is_recovered_with_its_n(seed: int) -> None:
    journal = truth_journal(BASELINE, RELIEF, plan_day=PLAN_DAY, days=90, seed=seed)
    insight = curves_of(journal)
    assert insight.status == Status.OK and insight.n == {"substances": 1}
    assert (insight.first_day, insight.last_day, insight.shortened) == (
        PLAN_DAY - timedelta(days=90),
        PLAN_DAY - timedelta(days=1),
        False,
    )
    (curve,) = insight.curves
    onset, peak_min, end, peak = help_span(RELIEF)
    assert (curve.substance, curve.reason, curve.n_doses) == ("Kratom", "learned", len(journal.doses))
    assert curve.peak_low is not None and curve.peak_high is not None and curve.peak_change is not None
    assert curve.peak_low - 0.1 <= peak <= curve.peak_high + 0.1  # the interval holds the truth
    assert abs(curve.peak_change - peak) <= PEAK_TOL
    assert curve.peak_min is not None and abs(curve.peak_min - peak_min) <= PEAK_MIN_TOL
    assert curve.onset_min is not None and abs(curve.onset_min - onset) <= ONSET_TOL
    assert curve.duration_min is not None and abs(curve.duration_min - end) <= DURATION_TOL
    assert [p.after_min for p in curve.curve] == list(range(0, 481, 30))


def test_the_curve_is_the_pain_models_fit_over_the_period() -> None:
    journal = truth_journal(BASELINE, RELIEF, plan_day=PLAN_DAY, days=60)
    model = fit_pain_model(
        journal.readings,
        journal.model_doses(),
        ["Kratom"],
        day_start=local_dt(PLAN_DAY, "00:00"),
        window_days=60,
    )
    assert curves_of(journal).curves == model.relief


def test_doses_always_at_the_same_time_are_not_enough_and_say_why() -> None:
    same = DosePlan(((9 * 60 + 30, 9 * 60 + 31, 1.0),))
    journal = truth_journal(BASELINE, RELIEF, plan_day=PLAN_DAY, days=60, doses=same)
    insight = curves_of(journal)
    (curve,) = insight.curves
    assert insight.status == Status.NOT_ENOUGH_DATA
    assert (curve.enough_data, curve.reason, curve.peak_change) == (False, "same_times", None)
    assert all(p.change is None for p in curve.curve)


def test_a_few_days_of_doses_say_how_many_more_are_needed() -> None:

    journal = truth_journal(BASELINE, RELIEF, plan_day=PLAN_DAY, days=5)
    (curve,) = curves_of(journal).curves
    assert curve.reason == "few_doses"
    assert curve.needed == {"doses": 10 - len(journal.doses)}


def test_a_long_journal_is_fitted_over_its_last_180_days() -> None:

    journal = truth_journal(BASELINE, RELIEF, plan_day=PLAN_DAY, days=240)
    insight = curves_of(journal)
    first = PLAN_DAY - timedelta(days=MAX_DAYS)
    assert (insight.first_day, insight.shortened) == (first, True)
    (curve,) = insight.curves
    assert curve.n_doses == sum(1 for d in journal.doses if d.at.date() >= first)


def test_melatonin_has_no_relief_curve_and_no_pain_relief_doses_say_so() -> None:
    records = melatonin_nights(10, 10, effect=10) + pain_days([[4]] * 20)
    insight = run(records).relief_curves
    assert (insight.status, insight.curves, insight.needed) == (Status.NOT_ENOUGH_DATA, (), {"doses": 10})
    assert run([]).relief_curves.n == {"substances": 0}


def test_each_pain_relief_substance_gets_its_own_curve_in_name_order() -> None:
    records = [*relief_doses(3), dose(at(START, "15:00"), "ibuprofen", 400)]
    insight = run(records).relief_curves
    assert [(c.substance, c.n_doses, c.reason) for c in insight.curves] == [
        ("Ibuprofen", 1, "few_doses"),
        ("Kratom", 3, "few_doses"),
    ]


def test_large_series_use_the_bartlett_interval_that_agrees_with_the_block_bootstrap() -> None:
    import itertools
    import statistics

    from desktop.core.insights import stats as ins

    rng = random.Random(2)
    level = [5.0]
    for _ in range(ins.LARGE_SAMPLE + 50):  # daily means that drift: neighbours alike
        level.append(5 + 0.6 * (level[-1] - 5) + rng.gauss(0, 1))
    values = [abs(b - a) for a, b in itertools.pairwise(level)]
    exact = block_mean(values)
    length = round(len(values) ** (1 / 3))
    sums = list(itertools.accumulate(values, initial=0.0))
    blocks = [(sums[i + length] - sums[i]) / length for i in range(len(values) - length + 1)]
    count = math.ceil(len(values) / length)
    boot = ins.bootstrap(statistics.fmean(values), lambda r: statistics.fmean(r.choices(blocks, k=count)))
    width = boot.high - boot.low
    assert exact.value == pytest.approx(boot.value)
    assert abs(exact.low - boot.low) < 0.1 * width and abs(exact.high - boot.high) < 0.1 * width
