"""Dose reminders from the pain model (issue 12, DESIGN.md 5): pain first, never more
doses than the person takes, within every limit of theirs, with reasons in words."""

from __future__ import annotations

import itertools
import math
from datetime import date, datetime, time, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.core.planning.dose_timing import (
    best_dose_slots,
    coverage_effect,
    excess_after,
    recent_doses_per_day,
    reminder_cap,
)
from desktop.core.planning.inputs import JournalView, LoggedDose, PlanConfig
from desktop.core.planning.planner import dose_rules, plan_day
from desktop.words.present import describe_reason
from tests.core.pain_truth import DosePlan, flat, gamma_relief, no_relief, rises, truth_journal
from tests.core.synthetic import (
    BERLIN,
    KRATOM_UID,
    days_before,
    dose_occurrences,
    kratom,
    local_dt,
    pattern_config,
    utc,
)

WEDNESDAY = date(2026, 6, 10)
SATURDAY = date(2026, 6, 13)
MORNING_RISE = rises((11 * 60, 80, 3.5), floor=2.5)  # about 6/10 at 11:00, 2.5 otherwise
TWO_RISES = rises((10 * 60 + 30, 70, 4.0), (18 * 60, 70, 4.0), floor=2.5)
RELIEF = gamma_relief(3.0, 120)


def view_of(journal, substance=None) -> JournalView:
    return JournalView(
        substances=[(KRATOM_UID, substance or kratom(max_per_day=3, min_interval_h=4))],
        pains=journal.readings,
        doses=journal.doses,
    )


def plan(journal, config=None, day=WEDNESDAY, substance=None):
    view = view_of(journal, substance)
    config = config or pattern_config(dose_times=())
    return dose_occurrences(plan_day(config, view, day, BERLIN)), dose_rules(config, view, day, BERLIN)


def hhmm(moment: datetime) -> str:
    return moment.astimezone(BERLIN).strftime("%H:%M")


# ---- the cases ----------------------------------------------------------------


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_flat_low_pain_gives_no_dose_reminder_whatever_the_habit(seed: int) -> None:
    habit = DosePlan(((9 * 60, 11 * 60, 0.9), (14 * 60, 16 * 60, 0.9)))  # two doses most days
    journal = truth_journal(flat(2.0), gamma_relief(2.0), plan_day=WEDNESDAY, doses=habit, seed=seed)
    doses, (rule,) = plan(journal)
    assert doses == []
    assert rule.code == "pattern_low_pain"
    assert "no dose reminders" in describe_reason(rule.code, dict(rule.data))


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_two_rises_and_one_dose_a_day_give_one_reminder(seed: int) -> None:
    once = DosePlan(((8 * 60, 18 * 60, 1.0),))
    journal = truth_journal(TWO_RISES, RELIEF, plan_day=WEDNESDAY, doses=once, seed=seed)
    doses, (rule,) = plan(journal)
    assert len(doses) == 1
    assert rule.code == "pattern_planned" and rule.data["cap"] == 1 and rule.data["cap_source"] == "recent"
    # ... and the user may raise it (never above their maximum)
    two, _ = plan(journal, pattern_config(dose_times=(), dose_reminders_per_day=2))
    assert len(two) == 2
    capped, (rule,) = plan(
        journal, pattern_config(dose_times=(), dose_reminders_per_day=3), substance=kratom(max_per_day=1)
    )
    assert len(capped) == 1 and rule.data["cap_source"] == "maximum"


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_the_dose_comes_before_the_rise_with_reasons_in_words(seed: int) -> None:
    journal = truth_journal(MORNING_RISE, RELIEF, plan_day=WEDNESDAY, seed=seed)
    (dose,), _ = plan(journal)
    assert time(8, 0) <= dose.due.astimezone(BERLIN).time() <= time(10, 30)
    data = dose.reason.data
    assert dose.reason.code == ("pattern_rise" if data["rise_start"] > hhmm(dose.due) else "pattern_rising")
    assert data["relief"] == "learned"
    assert data["rise_start"] <= "11:00" < data["rise_end"]
    assert data["untreated"] in (5, 6, 7)
    words = describe_reason(dose.reason.code, dict(data))
    word = "before" if dose.reason.code == "pattern_rise" else "as"
    assert words.startswith(f"{hhmm(dose.due)} — {word} your pain usually rises (")
    assert "untreated); your doses usually help after about" in words


def test_no_doses_logged_means_no_pattern_reminders_and_the_plan_says_why() -> None:
    journal = truth_journal(MORNING_RISE, RELIEF, plan_day=WEDNESDAY, doses=DosePlan(()))
    doses, (rule,) = plan(journal)
    assert doses == [] and rule.code == "pattern_no_recent_doses"
    assert "logged no doses" in describe_reason(rule.code, dict(rule.data))
    # the user's own number brings them back, timed by the pattern with their own timing
    (dose,), (rule,) = plan(journal, pattern_config(dose_times=(), dose_reminders_per_day=1))
    assert dose.reason.data["relief"] == "settings"
    assert "uses your own timing" in describe_reason(dose.reason.code, dict(dose.reason.data))


def test_doses_always_at_the_same_time_keep_the_users_fixed_times() -> None:
    same = DosePlan(((9 * 60 + 30, 9 * 60 + 31, 1.0),))
    journal = truth_journal(MORNING_RISE, RELIEF, plan_day=WEDNESDAY, doses=same)
    doses, (rule,) = plan(journal, pattern_config(dose_times=(time(9, 30),)))
    assert [(hhmm(d.due), d.reason.code) for d in doses] == [("09:30", "fixed_same_times")]
    assert rule.code == "pattern_same_times"


def test_too_little_data_uses_the_fixed_times_and_says_what_is_missing() -> None:
    journal = truth_journal(MORNING_RISE, RELIEF, plan_day=WEDNESDAY, days=4)
    doses, (rule,) = plan(journal)
    assert doses == []
    assert rule.code == "pattern_short" and rule.data["days"] == 3
    words = describe_reason(rule.code, dict(rule.data))
    assert "needs 3 more days with check-ins" in words
    assert words.endswith("until then your own dose times are used — none are set")
    doses, _ = plan(journal, pattern_config(dose_times=(time(8), time(16, 30))))
    assert [(hhmm(d.due), d.reason.code) for d in doses] == [
        ("08:00", "fixed_not_enough_data"),
        ("16:30", "fixed_not_enough_data"),
    ]


def test_fixed_mode_with_no_times_says_dose_reminders_are_off() -> None:
    view = JournalView(substances=[(KRATOM_UID, kratom())])
    (rule,) = dose_rules(PlanConfig(), view, WEDNESDAY, BERLIN)
    assert rule.code == "fixed_none"
    assert describe_reason(rule.code, dict(rule.data)) == (
        "Kratom: no dose reminders — you have not set any dose times"
    )


# ---- limits ------------------------------------------------------------------------------


def test_waking_hours_and_no_dose_before_bed_are_respected() -> None:
    evening = rises((21 * 60, 60, 4.5), floor=2.5)
    journal = truth_journal(evening, RELIEF, plan_day=WEDNESDAY, doses=DosePlan(((17 * 60, 21 * 60, 0.9),)))
    (late,), _ = plan(journal)
    assert late.due.astimezone(BERLIN).time() >= time(17)
    (dose,), _ = plan(journal, pattern_config(dose_times=(), no_dose_before_bed_h=5))
    assert hhmm(dose.due) == "18:00"  # bed 23:00 - 5 h, itself allowed
    morning = truth_journal(
        rises((10 * 60, 60, 4.5), floor=2.5),
        RELIEF,
        plan_day=SATURDAY,
        doses=DosePlan(((6 * 60, 9 * 60, 0.9),)),
    )
    (early,), _ = plan(morning, pattern_config(dose_times=(), wake_weekend=time(6)), day=SATURDAY)
    assert early.due.astimezone(BERLIN).time() < time(9)
    (dose,), _ = plan(morning, pattern_config(dose_times=(), wake_weekend=time(9)), day=SATURDAY)
    assert hhmm(dose.due) == "09:00"


def test_the_minimum_interval_keeps_planned_doses_apart() -> None:
    journal = truth_journal(TWO_RISES, RELIEF, plan_day=WEDNESDAY, doses=DosePlan(((8 * 60, 18 * 60, 1.0),)))
    config = pattern_config(dose_times=(), dose_reminders_per_day=2)
    for interval, expected in ((4, 2), (11, 1)):
        doses, _ = plan(journal, config, substance=kratom(max_per_day=3, min_interval_h=interval))
        assert len(doses) == expected, interval
        for a, b in itertools.pairwise(doses):
            assert utc(b.due) - utc(a.due) >= timedelta(hours=interval)


# ---- the parts ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("doses_per_day", "journal_days", "expected"),
    [(0, 14, 0.0), (1, 14, 1.0), (2, 14, 2.0), (1, 3, 1.0), (2, 30, 2.0)],
)
def test_recent_doses_per_day(doses_per_day: int, journal_days: int, expected: float) -> None:
    day_start = local_dt(WEDNESDAY, "00:00")
    days = days_before(WEDNESDAY, journal_days)
    doses = [local_dt(d, f"{9 + 4 * n:02d}:00") for d in days for n in range(doses_per_day)]
    first = local_dt(days[0], "08:00")
    assert recent_doses_per_day(doses, first, day_start) == pytest.approx(expected)


@pytest.mark.parametrize(
    ("recent", "chosen", "maximum", "expected"),
    [
        (0.0, None, 3, (0, "recent")),
        (0.2, None, 3, (0, "recent")),  # one dose in five days: occasional, no daily reminder
        (0.49, None, 3, (0, "recent")),
        (0.5, None, 3, (1, "recent")),
        (1.0, None, 3, (1, "recent")),
        (1.1, None, 3, (2, "recent")),
        (2.9, None, 2, (2, "maximum")),
        (0.0, 2, 3, (2, "setting")),
        (0.5, 4, 3, (3, "maximum")),
        (1.5, 1, None, (1, "setting")),
    ],
)
def test_the_reminder_cap_never_exceeds_recent_use_or_the_maximum(recent, chosen, maximum, expected) -> None:
    assert reminder_cap(recent, chosen, maximum) == expected


@settings(max_examples=60, deadline=None)
@given(
    baseline=st.lists(st.one_of(st.none(), st.floats(0, 10)), min_size=48, max_size=48),
    threshold=st.sampled_from([2.0, 4.0, 6.0]),
    lead=st.integers(0, 4),
    cover=st.integers(1, 10),
    gap=st.integers(1, 10),
    max_doses=st.integers(0, 3),
    first=st.integers(0, 30),
)
def test_the_search_is_exact(baseline, threshold, lead, cover, gap, max_doses, first) -> None:
    effect = coverage_effect(lead * 30, cover / 2)
    candidates = list(range(first, min(48, first + 16)))

    def too_close(p: int, s: int) -> bool:
        return s - p < gap

    chosen = best_dose_slots(
        baseline, effect, threshold=threshold, candidates=candidates, too_close=too_close, max_doses=max_doses
    )
    best = [excess_after(baseline, effect, (), threshold)]
    for k in range(1, max_doses + 1):
        values = [
            excess_after(baseline, effect, combo, threshold)
            for combo in itertools.combinations(candidates, k)
            if all(b - a >= gap for a, b in itertools.pairwise(combo))
        ]
        if not values:
            break
        best.append(min(values))
    assert len(chosen) <= max_doses
    assert all(b - a >= gap for a, b in itertools.pairwise(chosen))
    assert excess_after(baseline, effect, chosen, threshold) == pytest.approx(best[len(chosen)], abs=1e-6)
    # each dose takes at least the minimum off, and one more would not
    for k in range(1, len(chosen) + 1):
        assert best[k - 1] - best[k] >= 2.0 - 1e-6
    if len(chosen) + 1 < len(best):
        assert best[len(chosen)] - best[len(chosen) + 1] < 2.0


def test_a_dose_with_nothing_to_relieve_is_never_planned() -> None:
    baseline = [3.0] * 48
    chosen = best_dose_slots(
        baseline,
        coverage_effect(30, 4),
        threshold=4.0,
        candidates=range(14, 44),
        too_close=lambda p, s: s - p < 8,
        max_doses=3,
    )
    assert chosen == []
    assert math.isinf(coverage_effect(30, 4)[1])


@pytest.mark.parametrize(
    ("code", "data", "words"),
    [
        (
            "pattern_planned",
            {"substance": "Kratom", "count": 1, "cap": 2, "cap_source": "recent", "recent": 1.4},
            "Kratom: 1 reminder timed to your pain pattern (at most 2 reminders a day: "
            "you took about 1.4 a day lately)",
        ),
        (
            "pattern_short",
            {"substance": "Kratom", "readings": 1, "days": 1, "fixed": 0},
            "Kratom: no pattern timing yet — it needs 1 more check-in, 1 more day with check-ins; "
            "until then your own dose times are used — none are set",
        ),
        (
            "pattern_short",
            {"substance": "Kratom", "readings": 9, "days": 3, "fixed": 1, "times": "09:00"},
            "Kratom: no pattern timing yet — it needs 9 more check-ins, 3 more days with check-ins; "
            "until then your own dose times are used (09:00)",
        ),
    ],
)
def test_dose_rules_in_words_with_plurals_right(code, data, words) -> None:
    assert describe_reason(code, data) == words


def test_logged_dose_names_match_whatever_their_case() -> None:
    journal = truth_journal(TWO_RISES, RELIEF, plan_day=WEDNESDAY, doses=DosePlan(((8 * 60, 18 * 60, 1.0),)))
    lower = type(journal)(
        readings=journal.readings,
        doses=[LoggedDose(d.uid, "kratom", d.at, d.pain_before) for d in journal.doses],
    )
    assert plan(lower)[0] == plan(journal)[0]


# ---- what the review found -----------------------------------------------------------------


def test_two_kratom_products_share_one_rule_and_never_double_the_reminders() -> None:
    once = DosePlan(((8 * 60, 18 * 60, 1.0),))
    journal = truth_journal(TWO_RISES, RELIEF, plan_day=WEDNESDAY, doses=once, seed=4)
    # one dose a day, alternating products (Green a little more often)
    doses = [
        LoggedDose(d.uid, "Green" if i % 3 else "Red", d.at, d.pain_before)
        for i, d in enumerate(journal.doses)
    ]
    view = JournalView(
        substances=[
            ("g", kratom(name="Green", max_per_day=3, min_interval_h=4)),
            ("r", kratom(name="Red", max_per_day=3, min_interval_h=6)),
        ],
        pains=journal.readings,
        doses=doses,
    )
    for per_day, expected in ((None, 1), (2, 2)):
        config = pattern_config(dose_times=(), dose_reminders_per_day=per_day)
        planned = dose_occurrences(plan_day(config, view, WEDNESDAY, BERLIN))
        assert len(planned) == expected, per_day
        assert {o.substance for o in planned} == {"Green"}
        for a, b in itertools.pairwise(planned):
            assert utc(b.due) - utc(a.due) >= timedelta(hours=6)  # the longest interval of the two
        rules = {r.data["substance"]: r.code for r in dose_rules(config, view, WEDNESDAY, BERLIN)}
        assert rules == {"Green": "pattern_planned", "Red": "pattern_with_other"}


def test_the_largest_allowed_number_of_reminders_never_crashes_the_plan() -> None:
    high = flat(8.0)
    journal = truth_journal(high, no_relief, plan_day=WEDNESDAY, doses=DosePlan(((8 * 60, 9 * 60, 0.1),)))
    substance = kratom(max_per_day=12, min_interval_h=1, onset_min=0, duration_h=1)
    config = pattern_config(dose_times=(), dose_reminders_per_day=12)
    planned, _ = plan(journal, config, substance=substance)
    assert 1 <= len(planned) <= 12
    for a, b in itertools.pairwise(planned):
        assert utc(b.due) - utc(a.due) >= timedelta(hours=1)


def test_doses_the_journal_shows_no_clear_drop_after_are_not_reminded() -> None:
    journal = truth_journal(MORNING_RISE, no_relief, plan_day=WEDNESDAY, seed=2)
    doses, (rule,) = plan(journal)
    assert doses == []
    assert rule.code == "pattern_no_clear_relief"
    assert "does not show a drop of a point or more" in describe_reason(rule.code, dict(rule.data))


def test_doses_now_and_then_do_not_become_a_daily_reminder() -> None:
    rare = DosePlan(((9 * 60, 10 * 60, 0.2),))  # about one day in five
    journal = truth_journal(MORNING_RISE, RELIEF, plan_day=WEDNESDAY, doses=rare, seed=3)
    doses, (rule,) = plan(journal)
    assert doses == [] and rule.code == "pattern_occasional"
    assert f"a dose on {rule.data['dose_days']} day" in describe_reason(rule.code, dict(rule.data))


def test_pain_hovering_at_the_threshold_plans_no_dose() -> None:
    for seed in range(1, 9):
        journal = truth_journal(flat(4.0), RELIEF, plan_day=WEDNESDAY, seed=seed)
        doses, (rule,) = plan(journal)
        assert doses == [], (seed, [d.reason for d in doses])
        assert rule.code in ("pattern_low_pain", "pattern_no_gain")
