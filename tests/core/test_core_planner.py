"""The day's reminders: desktop/core/planning/planner.py (DESIGN.md 4 and 5).

Dose times from the pain pattern on synthetic journals with a known shape, the exact
dose-slot programme against brute force, every reminder kind's due time and window,
and properties over random configs and journals.
"""

from __future__ import annotations

import dataclasses
import itertools
import math
import random
from collections import Counter
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.core.planning.inputs import LoggedDose, PlanConfig
from desktop.core.planning.melatonin import diary_bedtime
from desktop.core.planning.occurrence import ReminderKind
from desktop.core.planning.pattern import PainReading
from desktop.core.planning.planner import plan_day
from desktop.core.times import localize
from tests.core.synthetic import (
    BERLIN,
    KRATOM_UID,
    MELATONIN_UID,
    days_before,
    dose_occurrences,
    journal,
    kratom,
    local_dt,
    melatonin,
    utc,
)

WEDNESDAY = date(2026, 6, 10)
FRIDAY = date(2026, 6, 12)
SATURDAY = date(2026, 6, 13)
SUNDAY = date(2026, 6, 14)


def of_kind(plan, kind: ReminderKind):
    return [o for o in plan if o.kind is kind]


def hhmm(moment: datetime, zone=BERLIN) -> str:
    return moment.astimezone(zone).strftime("%H:%M")


# ---- the other reminders ------------------------------------------------------------------


def everyday_journal(**kwargs) -> object:
    return journal(substances=[(KRATOM_UID, kratom()), (MELATONIN_UID, melatonin())], **kwargs)


def test_keys_are_unique_and_the_plan_is_sorted_by_due() -> None:
    config = PlanConfig(dose_times=(time(8), time(14)), checkin_times=(time(8), time(14), time(20)))
    doses = [LoggedDose("x", "Kratom", local_dt(WEDNESDAY, "08:00"))]
    plan = plan_day(config, everyday_journal(doses=doses), WEDNESDAY, BERLIN)
    keys = [o.key for o in plan]
    assert len(keys) == len(set(keys))
    assert [utc(o.due) for o in plan] == sorted(utc(o.due) for o in plan)
    assert Counter(o.kind for o in plan) == {
        ReminderKind.SLEEP_DIARY: 1,
        ReminderKind.CHECKIN: 3,
        ReminderKind.DOSE: 2,
        ReminderKind.FOLLOWUP: 2,
        ReminderKind.MELATONIN: 1,
    }
    assert set(keys) == {
        "sleep_diary:2026-06-10",
        "checkin:2026-06-10@08:00",
        "checkin:2026-06-10@14:00",
        "checkin:2026-06-10@20:00",
        "dose:k1:2026-06-10@08:00",
        "dose:k1:2026-06-10@14:00",
        "followup:x:60",
        "followup:x:120",
        "melatonin:m1:2026-06-10",
    }


@pytest.mark.parametrize(
    ("day", "lead", "due", "until"),
    [
        (WEDNESDAY, 60, "2026-06-10T22:00", "2026-06-11T00:00"),
        (WEDNESDAY, 90, "2026-06-10T21:30", "2026-06-11T00:00"),
        (FRIDAY, 60, "2026-06-12T22:30", "2026-06-13T00:30"),  # the weekend bedtime
        (SATURDAY, 60, "2026-06-13T22:30", "2026-06-14T00:30"),
        (SUNDAY, 60, "2026-06-14T22:00", "2026-06-15T00:00"),
    ],
)
def test_melatonin_at_bedtime_minus_the_lead(day, lead, due, until) -> None:
    config = PlanConfig(melatonin_lead_min=lead)
    (occurrence,) = of_kind(plan_day(config, everyday_journal(), day, BERLIN), ReminderKind.MELATONIN)
    assert occurrence.due == datetime.fromisoformat(due).replace(tzinfo=BERLIN)
    assert occurrence.valid_until == datetime.fromisoformat(until).replace(tzinfo=BERLIN)
    assert occurrence.substance == "Melatonin"
    assert occurrence.key == f"melatonin:{MELATONIN_UID}:{day.isoformat()}"
    assert occurrence.reason.code == "bedtime_fixed"
    assert occurrence.reason.data["lead_min"] == lead


def test_melatonin_for_a_bedtime_after_midnight() -> None:
    config = PlanConfig(bed=time(0, 30), melatonin_lead_min=60)
    (occurrence,) = of_kind(plan_day(config, everyday_journal(), WEDNESDAY, BERLIN), ReminderKind.MELATONIN)
    assert occurrence.due == local_dt(WEDNESDAY, "23:30")
    assert occurrence.valid_until == local_dt(WEDNESDAY + timedelta(days=1), "01:30")


def onsets(day: date, clocks: list[str]) -> list[tuple[date, datetime]]:
    """Sleep-onset times of the nights before ``day`` (the last one first)."""
    result = []
    for back, clock in enumerate(clocks, start=1):
        night = day - timedelta(days=back)
        on = night + timedelta(days=1) if clock < "12:00" else night
        result.append((night, local_dt(on, clock)))
    return result


def test_diary_bedtime_is_the_median_sleep_onset_around_midnight() -> None:
    nights = onsets(WEDNESDAY, ["23:40", "00:10", "00:20", "23:50", "00:05"])
    assert diary_bedtime(nights, WEDNESDAY) == (time(0, 5), 5)
    config = PlanConfig(bedtime_mode="diary", melatonin_lead_min=60)
    (occurrence,) = of_kind(
        plan_day(config, everyday_journal(sleep_onsets=nights), WEDNESDAY, BERLIN), ReminderKind.MELATONIN
    )
    assert occurrence.due == local_dt(WEDNESDAY, "23:05")
    assert occurrence.valid_until == local_dt(WEDNESDAY + timedelta(days=1), "01:05")
    assert occurrence.reason.code == "bedtime_diary"
    assert occurrence.reason.data["bedtime"] == "00:05" and occurrence.reason.data["nights"] == 5


@pytest.mark.parametrize(
    ("clocks", "expected"),
    [
        (["22:00", "22:30", "23:00", "23:30", "23:45"], time(23, 0)),
        (["01:00", "01:30", "00:30", "02:00", "01:15"], time(1, 15)),
        (["23:00"] * 14, time(23, 0)),
        (["23:30", "00:30"] * 3, time(0, 0)),  # an even count: the middle of the two middle ones
    ],
)
def test_diary_bedtime_median(clocks, expected) -> None:
    assert diary_bedtime(onsets(WEDNESDAY, clocks), WEDNESDAY) == (expected, len(clocks))


def test_diary_bedtime_uses_only_the_last_14_nights() -> None:
    nights = onsets(WEDNESDAY, ["23:00"] * 4 + ["20:00"] * 10 + ["03:00"] * 5)  # 19 nights back
    assert diary_bedtime(nights, WEDNESDAY) == (time(20, 0), 14)
    later = [
        (WEDNESDAY, local_dt(WEDNESDAY, "21:00")),
        (WEDNESDAY + timedelta(days=2), local_dt(WEDNESDAY, "21:00")),
    ]
    assert diary_bedtime(onsets(WEDNESDAY, ["23:00"] * 4) + later, WEDNESDAY) == (None, 4)


def test_too_few_diary_nights_fall_back_to_the_fixed_bedtime() -> None:
    too_old = (WEDNESDAY - timedelta(days=15), local_dt(WEDNESDAY, "00:30"))
    nights = [*onsets(WEDNESDAY, ["00:30"] * 4), too_old]
    config = PlanConfig(bedtime_mode="diary", melatonin_lead_min=30)
    (occurrence,) = of_kind(
        plan_day(config, everyday_journal(sleep_onsets=nights), WEDNESDAY, BERLIN), ReminderKind.MELATONIN
    )
    assert occurrence.due == local_dt(WEDNESDAY, "22:30")
    assert occurrence.reason.code == "bedtime_diary_short"
    assert dict(occurrence.reason.data) == {
        "bedtime": "23:00",
        "nights": 4,
        "needed": 5,
        "lead_min": 30,
        "time": "22:30",
    }


def test_check_ins_at_their_times_valid_two_hours() -> None:
    config = PlanConfig(checkin_times=(time(8, 15), time(13), time(21, 45)))
    checkins = of_kind(plan_day(config, journal(), WEDNESDAY, BERLIN), ReminderKind.CHECKIN)
    assert [(o.key, hhmm(o.due)) for o in checkins] == [
        ("checkin:2026-06-10@08:15", "08:15"),
        ("checkin:2026-06-10@13:00", "13:00"),
        ("checkin:2026-06-10@21:45", "21:45"),
    ]
    for o in checkins:
        assert o.valid_until - o.due == timedelta(hours=2)
        assert o.reason.code == "checkin_time" and o.substance is None


def test_follow_ups_after_relief_doses_only_and_never_while_asleep() -> None:
    config = PlanConfig(followups_min=(60, 120), checkin_times=())
    doses = [
        LoggedDose("early", "Kratom", local_dt(WEDNESDAY, "05:30")),  # 06:30 asleep, 07:30 awake
        LoggedDose("noon", "kratom", local_dt(WEDNESDAY, "12:00")),
        LoggedDose("late", "Kratom", local_dt(WEDNESDAY, "21:30")),  # 22:30 yes, 23:30 asleep
        LoggedDose("night", "Kratom", local_dt(WEDNESDAY - timedelta(days=1), "23:45")),  # both asleep
        LoggedDose("mel", "Melatonin", local_dt(WEDNESDAY, "14:00")),
        LoggedDose("old", "Kratom", local_dt(WEDNESDAY - timedelta(days=3), "12:00")),
        LoggedDose("tomorrow", "Kratom", local_dt(WEDNESDAY, "23:30")),  # follow-ups after midnight
    ]
    plan = plan_day(config, everyday_journal(doses=doses), WEDNESDAY, BERLIN)
    followups = of_kind(plan, ReminderKind.FOLLOWUP)
    assert [(o.key, hhmm(o.due)) for o in followups] == [
        ("followup:early:120", "07:30"),
        ("followup:noon:60", "13:00"),
        ("followup:noon:120", "14:00"),
        ("followup:late:60", "22:30"),
    ]
    for o in followups:
        assert o.valid_until - o.due == timedelta(hours=1)
        assert o.reason.code == "followup"
    assert followups[1].reason.data == {"minutes": 60, "dose_time": "12:00"}
    assert followups[1].substance == "kratom"


def test_the_sleep_diary_prompt_from_wake_time_until_noon() -> None:
    config = PlanConfig(wake=time(6, 45), wake_weekend=time(9, 15))
    for day, wake in ((WEDNESDAY, "06:45"), (SATURDAY, "09:15"), (SUNDAY, "09:15")):
        (prompt,) = of_kind(plan_day(config, journal(), day, BERLIN), ReminderKind.SLEEP_DIARY)
        assert prompt.key == f"sleep_diary:{day.isoformat()}"
        assert prompt.due == local_dt(day, wake)
        assert prompt.valid_until == local_dt(day, "12:00")
        assert prompt.reason.data == {"night": (day - timedelta(days=1)).isoformat()}


def test_the_sleep_diary_prompt_for_a_late_riser_still_has_a_window() -> None:
    config = PlanConfig(wake=time(12, 30))
    (prompt,) = of_kind(plan_day(config, journal(), WEDNESDAY, BERLIN), ReminderKind.SLEEP_DIARY)
    assert prompt.due == local_dt(WEDNESDAY, "12:30") and prompt.valid_until > prompt.due


def test_a_dose_window_ends_at_the_next_dose_or_after_two_hours() -> None:
    config = PlanConfig(dose_times=(time(8), time(9), time(14)))
    doses = of_kind(plan_day(config, everyday_journal(), WEDNESDAY, BERLIN), ReminderKind.DOSE)
    assert [(hhmm(o.due), hhmm(o.valid_until)) for o in doses] == [
        ("08:00", "09:00"),
        ("09:00", "11:00"),
        ("14:00", "16:00"),
    ]
    planned_at = ("08:00", "09:00", "14:00")
    assert [o.key for o in doses] == [f"dose:{KRATOM_UID}:2026-06-10@{t}" for t in planned_at]
    assert all(o.substance == "Kratom" for o in doses)


def test_only_active_kratom_substances_get_dose_reminders() -> None:
    config = PlanConfig(dose_times=(time(8),))
    paused = dataclasses.replace(kratom(name="Other kratom"), active=False)
    view = journal(substances=[(MELATONIN_UID, melatonin()), ("p", paused)])
    assert of_kind(plan_day(config, view, WEDNESDAY, BERLIN), ReminderKind.DOSE) == []
    assert of_kind(plan_day(config, view, WEDNESDAY, BERLIN), ReminderKind.MELATONIN) != []


# ---- properties over random configs and journals ----------------------------------------

ZONES = [
    ZoneInfo(n) for n in ("Europe/Berlin", "America/New_York", "Australia/Lord_Howe", "Asia/Kolkata", "UTC")
]
CHANGE_DAYS = [
    date(2026, 3, 8),
    date(2026, 11, 1),
    date(2026, 3, 29),
    date(2026, 10, 25),
    date(2026, 4, 5),
    date(2026, 10, 4),
]
clocks = st.builds(time, st.integers(0, 23), st.sampled_from([0, 15, 30, 45]))


@st.composite
def configs(draw):
    return PlanConfig(
        # wake at 04:00 or later: an awake window across a DST gap is a known limitation
        # (see test_core_planner_dst.py)
        wake=draw(st.builds(time, st.integers(4, 10), st.sampled_from([0, 30]))),
        bed=draw(st.builds(time, st.sampled_from([21, 22, 23, 0, 1]), st.sampled_from([0, 30]))),
        wake_weekend=draw(st.builds(time, st.integers(4, 11), st.sampled_from([0, 30]))),
        bed_weekend=draw(st.builds(time, st.sampled_from([22, 23, 0, 1]), st.sampled_from([0, 30]))),
        bedtime_mode=draw(st.sampled_from(["fixed", "diary"])),
        melatonin_lead_min=draw(st.integers(0, 180)),
        checkin_times=tuple(sorted(draw(st.sets(clocks, max_size=5)))),
        followups_min=tuple(sorted(draw(st.sets(st.integers(5, 720), max_size=3)))),
        dose_timing=draw(st.sampled_from(["pattern", "pattern", "pattern", "fixed"])),
        dose_times=tuple(sorted(draw(st.sets(clocks, max_size=4)))),
        pain_threshold=draw(st.sampled_from([2.0, 3.0, 4.0, 5.0, 6.5])),
        pattern_window_days=draw(st.sampled_from([7, 14, 28, 42])),
        no_dose_before_bed_h=draw(st.sampled_from([0.0, 1.0, 2.5])),
        dose_reminders_per_day=draw(st.sampled_from([None, None, 1, 2, 4])),
    )


@st.composite
def journals(draw, day: date, zone):
    rng = random.Random(draw(st.integers(0, 2**32)))
    substance = kratom(
        max_per_day=draw(st.sampled_from([None, 1, 2, 2, 3, 3, 5])),
        min_interval_h=draw(st.sampled_from([None, 1, 2.5, 4, 8])),
        onset_min=draw(st.sampled_from([None, 0, 20, 30, 45, 90])),
        duration_h=draw(st.sampled_from([None, 1, 2.5, 4, 6])),
    )
    peaks = draw(
        st.lists(
            st.tuples(st.integers(0, 47), st.integers(1, 12), st.integers(3, 10)), min_size=1, max_size=4
        )
    )

    def shape(_day: date, minute: int) -> float:
        return max(
            [2.0] + [float(level) for start, width, level in peaks if start <= minute // 30 < start + width]
        )

    days = days_before(day, draw(st.one_of(st.integers(0, 45), st.integers(25, 45))))
    per_day = draw(st.sampled_from([(0, 2), (2, 5), (4, 6), (4, 6), (5, 8)]))
    start = day - timedelta(days=50)
    pains = []
    for d in days:
        for _ in range(rng.randint(*per_day)):
            minute = rng.randrange(1440)
            at = localize(datetime.combine(d, time(minute // 60, minute % 60)), zone)
            pains.append(PainReading(at, max(0, min(10, round(shape(d, minute) + rng.choice((-1, 0, 1)))))))
    doses = []
    for index in range(draw(st.integers(0, 40))):
        at = localize(datetime.combine(start, time()), zone) + timedelta(minutes=rng.randrange(52 * 1440))
        doses.append(
            LoggedDose(f"d{index}", rng.choice(["Kratom", "Melatonin"]), at, rng.choice([None, 5, 7]))
        )
    nights = sorted(rng.sample(range(1, 20), rng.randint(0, 12)))
    sleep = [
        (
            day - timedelta(days=n),
            localize(datetime.combine(day - timedelta(days=n), time(23)), zone)
            + timedelta(minutes=rng.randrange(-120, 180)),
        )
        for n in nights
    ]
    substances = [(KRATOM_UID, substance)]
    if draw(st.booleans()):
        substances.append((MELATONIN_UID, melatonin()))
    return journal(pains, doses, substances=substances, sleep_onsets=sleep)


@st.composite
def planning_cases(draw):
    zone = draw(st.sampled_from(ZONES))
    day = draw(st.one_of(st.dates(date(2026, 1, 1), date(2026, 12, 31)), st.sampled_from(CHANGE_DAYS)))
    return draw(configs()), draw(journals(day, zone)), day, zone


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(case=planning_cases(), seed=st.integers(0, 1000))
def test_plan_properties(case, seed) -> None:
    config, view, day, zone = case
    plan = plan_day(config, view, day, zone)

    assert [utc(o.due) for o in plan] == sorted(utc(o.due) for o in plan)
    assert len({o.key for o in plan}) == len(plan)
    start = localize(datetime.combine(day, time()), zone)
    end = localize(datetime.combine(day + timedelta(days=1), time()), zone)
    for o in plan:
        assert o.due.tzinfo is not None and o.valid_until.tzinfo is not None
        assert o.valid_until > o.due or o.kind is ReminderKind.DOSE
        if o.kind is not ReminderKind.MELATONIN:
            assert start <= o.due < end, o

    ((_, substance),) = [(u, s) for u, s in view.substances if u == KRATOM_UID]
    planned = [o for o in dose_occurrences(plan) if o.reason.code.startswith("pattern_")]
    if planned:
        # never more than the user took a day lately (or set), never above their maximum
        day_start = localize(datetime.combine(day, time()), zone)
        taken = [
            d
            for d in view.doses
            if d.substance == "Kratom" and day_start - timedelta(days=14) <= d.at < day_start
        ]
        first = min([r.at for r in view.pains] + [d.at for d in view.doses])
        days = min(
            14,
            math.ceil(
                (day_start - max(first, day_start - timedelta(days=14))).total_seconds() / 86400 - 1e-9
            ),
        )
        allowed = config.dose_reminders_per_day or math.ceil(len(taken) / max(1, days) - 1e-9)
        assert len(planned) <= allowed
        if substance.limits.max_doses_per_24h is not None:
            assert len(planned) <= substance.limits.max_doses_per_24h
        if substance.limits.min_interval is not None:
            for a, b in itertools.combinations(planned, 2):
                assert abs(b.due.astimezone(UTC) - a.due.astimezone(UTC)) >= substance.limits.min_interval
        first = localize(
            datetime.combine(day, config.wake_weekend if day.weekday() >= 5 else config.wake), zone
        )
        for o in planned:
            assert o.due >= first

    # deterministic, and the order of the journal's entries does not matter
    assert plan_day(config, view, day, zone) == plan
    rng = random.Random(seed)
    pains, doses, nights = list(view.pains), list(view.doses), list(view.sleep_onsets)
    rng.shuffle(pains)
    rng.shuffle(doses)
    rng.shuffle(nights)
    shuffled = type(view)(substances=view.substances, pains=pains, doses=doses, sleep_onsets=nights)
    assert plan_day(config, shuffled, day, zone) == plan
    cache: dict = {}
    assert plan_day(config, shuffled, day, zone, cache) == plan
    assert plan_day(config, view, day, zone, cache) == plan
