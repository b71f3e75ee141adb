"""Planning across the 2026 DST changes (DESIGN.md 4: one occurrence per key and local
day; a nonexistent wall time moves forward by the gap, an ambiguous one takes its first,
earlier instant).

Zones: New York and Berlin (1 h), Lord Howe (30 min at 02:00), Kolkata (no DST).
"""

from __future__ import annotations

import itertools
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from desktop.core.planning.inputs import LoggedDose, PlanConfig
from desktop.core.planning.occurrence import ReminderKind
from desktop.core.planning.pattern_doses import cached_model
from desktop.core.planning.planner import plan_day
from tests.core.synthetic import (
    KRATOM_UID,
    MELATONIN_UID,
    block,
    covered_slots,
    days_before,
    dose_occurrences,
    journal,
    kratom,
    melatonin,
    pattern_config,
    readings_for,
    utc,
)

YEAR = 2026

# Check-in (and fixed dose) times per zone: one inside the spring-forward gap and one
# inside the repeated hour of the fall-back where the zone has them.
CLOCKS = {
    "America/New_York": (time(1, 30), time(2, 30), time(9), time(20)),  # gap 02-03, repeat 01-02
    "Europe/Berlin": (time(2, 30), time(9), time(20)),  # gap 02-03, repeat 02-03
    "Australia/Lord_Howe": (
        time(1, 45),
        time(2, 15),
        time(9),
        time(20),
    ),  # gap 02:00-02:30, repeat 01:30-02:00
    "Asia/Kolkata": (time(2, 30), time(9), time(20)),
}


def transition_days(zone: ZoneInfo, year: int = YEAR) -> list[date]:
    """Local dates whose UTC offset at noon differs from the day before's (every change
    in these zones happens between midnight and noon)."""
    days = []
    day = date(year, 1, 1)
    previous = datetime.combine(day - timedelta(days=1), time(12), zone).utcoffset()
    while day.year == year:
        offset = datetime.combine(day, time(12), zone).utcoffset()
        if offset != previous:
            days.append(day)
        previous = offset
        day += timedelta(days=1)
    return days


def days_to_plan(name: str) -> list[date]:
    zone = ZoneInfo(name)
    changes = transition_days(zone) or [date(YEAR, 3, 8), date(YEAR, 11, 1)]
    return sorted({c + timedelta(days=k) for c in changes for k in range(-3, 4)})


def test_the_2026_changes_are_found() -> None:
    assert transition_days(ZoneInfo("America/New_York")) == [date(2026, 3, 8), date(2026, 11, 1)]
    assert transition_days(ZoneInfo("Europe/Berlin")) == [date(2026, 3, 29), date(2026, 10, 25)]
    assert transition_days(ZoneInfo("Australia/Lord_Howe")) == [date(2026, 4, 5), date(2026, 10, 4)]
    assert transition_days(ZoneInfo("Asia/Kolkata")) == []


def expected_due(day: date, clock: time, zone: ZoneInfo) -> tuple[datetime, str]:
    """The instant a wall time should get, computed from the day's offsets (before the
    change: at midnight; after it: at noon), and whether it exists/is ambiguous/is not."""
    naive = datetime.combine(day, clock)
    before = datetime.combine(day, time(0), zone).utcoffset()
    after = datetime.combine(day, time(12), zone).utcoffset()
    assert before is not None and after is not None
    fits = [
        offset
        for offset in {before, after}
        if (naive - offset).replace(tzinfo=UTC).astimezone(zone).replace(tzinfo=None) == naive
    ]
    if not fits:  # in the gap: the wall time as if the clocks had not changed yet
        return (naive - before).replace(tzinfo=UTC), "nonexistent"
    if len(fits) == 2:  # repeated: the first instant has the larger offset
        return (naive - max(fits)).replace(tzinfo=UTC), "ambiguous"
    return (naive - fits[0]).replace(tzinfo=UTC), "exists"


def config_for(name: str) -> PlanConfig:
    clocks = CLOCKS[name]
    return PlanConfig(checkin_times=clocks, dose_times=clocks, followups_min=())


def plans(name: str) -> dict[date, list]:
    zone = ZoneInfo(name)
    view = journal(substances=[(KRATOM_UID, kratom()), (MELATONIN_UID, melatonin())])
    return {day: plan_day(config_for(name), view, day, zone) for day in days_to_plan(name)}


@pytest.mark.parametrize("name", list(CLOCKS))
def test_every_daily_key_once_per_local_day(name: str) -> None:
    zone = ZoneInfo(name)
    by_day = plans(name)
    everything = [o for plan in by_day.values() for o in plan]
    assert len({o.key for o in everything}) == len(everything)
    clocks = CLOCKS[name]
    for day, plan in by_day.items():
        iso = day.isoformat()
        expected = {f"sleep_diary:{iso}", f"melatonin:{MELATONIN_UID}:{iso}"}
        expected |= {f"checkin:{iso}@{c:%H:%M}" for c in clocks}
        expected |= {f"dose:{KRATOM_UID}:{iso}@{c:%H:%M}" for c in clocks}
        assert sorted(o.key for o in plan) == sorted(expected)
        assert [utc(o.due) for o in plan] == sorted(utc(o.due) for o in plan)
        for o in plan:
            assert o.due.tzinfo is not None and o.due.utcoffset() is not None
            assert o.valid_until > o.due, o
            if o.kind is not ReminderKind.MELATONIN:
                assert o.due.astimezone(zone).date() == day


@pytest.mark.parametrize("name", list(CLOCKS))
def test_wall_times_exist_move_forward_or_take_the_first_instant(name: str) -> None:
    zone = ZoneInfo(name)
    seen = set()
    for day, plan in plans(name).items():
        for kind in (ReminderKind.CHECKIN, ReminderKind.DOSE):
            occurrences = [o for o in plan if o.kind is kind]
            assert len(occurrences) == len(CLOCKS[name])
            for occurrence, clock in zip(occurrences, CLOCKS[name], strict=True):
                instant, status = expected_due(day, clock, zone)
                seen.add(status)
                assert utc(occurrence.due) == instant, (day, clock, status)
                local = occurrence.due.astimezone(zone)
                if status != "nonexistent":
                    assert (local.hour, local.minute) == (clock.hour, clock.minute)
                else:
                    assert local.replace(tzinfo=None) > datetime.combine(day, clock)
                if kind is ReminderKind.CHECKIN:
                    assert utc(occurrence.valid_until) - utc(occurrence.due) == timedelta(hours=2)
        (diary,) = [o for o in plan if o.kind is ReminderKind.SLEEP_DIARY]
        wake = time(8, 30) if day.weekday() >= 5 else time(7)
        assert diary.due.astimezone(zone).time() == wake and diary.valid_until.astimezone(
            zone
        ).time() == time(12)
        (evening,) = [o for o in plan if o.kind is ReminderKind.MELATONIN]
        bedtime_lead = time(22, 30) if day.weekday() in (4, 5) else time(22)  # weekend nights: 23:30
        assert evening.due.astimezone(zone).time() == bedtime_lead
        assert utc(evening.valid_until) - utc(evening.due) == timedelta(hours=2)
    if name == "Asia/Kolkata":
        assert seen == {"exists"}
    else:
        assert seen == {"exists", "nonexistent", "ambiguous"}


@pytest.mark.parametrize(
    ("name", "day", "clock", "due"),
    [
        ("America/New_York", date(2026, 3, 8), time(2, 30), "2026-03-08T03:30:00-04:00"),
        ("America/New_York", date(2026, 11, 1), time(1, 30), "2026-11-01T01:30:00-04:00"),
        ("Europe/Berlin", date(2026, 3, 29), time(2, 30), "2026-03-29T03:30:00+02:00"),
        ("Europe/Berlin", date(2026, 10, 25), time(2, 30), "2026-10-25T02:30:00+02:00"),
        ("Australia/Lord_Howe", date(2026, 10, 4), time(2, 15), "2026-10-04T02:45:00+11:00"),
        ("Australia/Lord_Howe", date(2026, 4, 5), time(1, 45), "2026-04-05T01:45:00+11:00"),
        ("Asia/Kolkata", date(2026, 3, 8), time(2, 30), "2026-03-08T02:30:00+05:30"),
    ],
)
def test_known_due_times(name: str, day: date, clock: time, due: str) -> None:
    zone = ZoneInfo(name)
    (checkin,) = [o for o in plans(name)[day] if o.key == f"checkin:{day.isoformat()}@{clock:%H:%M}"]
    assert checkin.due.isoformat() == due
    assert checkin.due.astimezone(zone).isoformat() == due
    first = datetime.combine(day, clock, zone)
    second = first.replace(fold=1)
    if first.utcoffset() != second.utcoffset() and utc(first) < utc(second):
        # an ambiguous time: one occurrence, at the earlier instant, none at the later
        assert utc(checkin.due) == utc(first)
        assert all(utc(o.due) != utc(second) for o in plans(name)[day])


@pytest.mark.parametrize("name", list(CLOCKS))
def test_utc_instants_strictly_increase_in_key_order(name: str) -> None:
    by_day = plans(name)
    for kind in (ReminderKind.CHECKIN, ReminderKind.DOSE, ReminderKind.SLEEP_DIARY, ReminderKind.MELATONIN):
        # keys: "checkin:<day>@<HH:MM>", "dose:<uid>:<day>@<HH:MM>", "sleep_diary:<day>",
        # "melatonin:<uid>:<day>"; order them by (day, planned wall-clock time)
        ordered = [
            o
            for day in sorted(by_day)
            for o in sorted(
                (o for o in by_day[day] if o.kind is kind), key=lambda o: o.key.rsplit("@", 1)[-1]
            )
        ]
        assert len(ordered) == len(by_day) * (
            len(CLOCKS[name]) if kind in (ReminderKind.CHECKIN, ReminderKind.DOSE) else 1
        )
        instants = [utc(o.due) for o in ordered]
        assert all(a < b for a, b in itertools.pairwise(instants)), kind


def test_two_fixed_times_that_become_one_instant_give_one_reminder() -> None:
    zone = ZoneInfo("Europe/Berlin")
    config = PlanConfig(dose_times=(time(2, 30), time(3, 30)), checkin_times=(), followups_min=())
    doses = dose_occurrences(plan_day(config, journal(), date(2026, 3, 29), zone))
    assert [o.due.strftime("%H:%M") for o in doses] == ["03:30"]  # 02:30 does not exist that night


@pytest.mark.parametrize(
    ("name", "day", "clocks"),
    [
        ("America/New_York", date(2026, 3, 8), (time(2, 30), time(3))),  # 02:30 becomes 03:30
        ("Australia/Lord_Howe", date(2026, 10, 4), (time(2, 15), time(2, 30))),  # 02:15 becomes 02:45
    ],
)
def test_fixed_dose_times_in_the_gap_still_have_a_window(name: str, day: date, clocks) -> None:
    zone = ZoneInfo(name)
    config = PlanConfig(dose_times=clocks, checkin_times=(), followups_min=())
    doses = dose_occurrences(plan_day(config, journal(), day, zone))
    assert len(doses) == 2
    for dose in doses:
        assert dose.valid_until > dose.due
        assert dose.valid_until - dose.due <= timedelta(hours=2)
    assert [utc(o.due) for o in doses] == sorted(utc(o.due) for o in doses)
    assert [utc(o.valid_until) for o in doses] == sorted(utc(o.valid_until) for o in doses)


@pytest.mark.parametrize(
    ("name", "dose_at", "after", "walls"),
    [
        ("America/New_York", "2026-03-08T01:00", (60, 120, 180), ["03:00", "04:00", "05:00"]),
        ("America/New_York", "2026-11-01T00:30", (60, 120, 180), ["01:30", "01:30", "02:30"]),
        ("Australia/Lord_Howe", "2026-10-04T01:30", (30, 60), ["02:30", "03:00"]),
        ("Europe/Berlin", "2026-10-25T01:30", (60, 120), ["02:30", "02:30"]),
    ],
)
def test_follow_ups_are_real_minutes_after_the_dose(name, dose_at, after, walls) -> None:
    zone = ZoneInfo(name)
    at = datetime.fromisoformat(dose_at).replace(tzinfo=zone)
    config = PlanConfig(
        wake=time(0),
        wake_weekend=time(0),
        bed=time(23, 59),
        bed_weekend=time(23, 59),
        checkin_times=(),
        followups_min=after,
    )
    plan = plan_day(config, journal(doses=[LoggedDose("d", "Kratom", at)]), at.date(), zone)
    followups = [o for o in plan if o.kind is ReminderKind.FOLLOWUP]
    assert [o.due.astimezone(zone).strftime("%H:%M") for o in followups] == walls
    assert [utc(o.due) - utc(at) for o in followups] == [timedelta(minutes=m) for m in after]
    assert [o.key for o in followups] == [f"followup:d:{m}" for m in after]


@pytest.mark.parametrize(
    ("name", "change"),
    [
        ("America/New_York", date(2026, 3, 8)),
        ("Europe/Berlin", date(2026, 10, 25)),
        ("Australia/Lord_Howe", date(2026, 10, 4)),
    ],
)
def test_the_pattern_follows_local_time_across_a_change(name: str, change: date) -> None:
    zone = ZoneInfo(name)
    readings = readings_for(
        block(("10:00", "13:00", 7)), days_before(change + timedelta(days=4), 31), zone=zone, seed=9
    )
    substance = kratom(duration_h=4)
    view = journal(readings, substances=[(KRATOM_UID, substance)])
    times = set()
    for day in [change + timedelta(days=k) for k in range(-3, 4)]:
        # no dose logged: the user's own number of reminders, and their own timing
        plan = plan_day(pattern_config(dose_reminders_per_day=1), view, day, zone)
        (dose,) = dose_occurrences(plan)
        local = dose.due.astimezone(zone)
        assert local.date() == day and local.minute in (0, 30)
        assert dose.reason.code in ("pattern_rise", "pattern_rising")
        times.add(local.time())
        _, model = cached_model(view, day, zone, 28)
        above = {i for i, p in enumerate(model.baseline) if p.pain is not None and p.pain > 4}
        assert above and above <= covered_slots(plan, zone, 30, 4)
    assert times <= {time(8, 30), time(9)}


@pytest.mark.parametrize(
    ("name", "day", "clocks"),
    [
        ("America/New_York", date(2026, 11, 1), (time(0, 30), time(1, 30))),  # 00:30 EDT + 2 h = 01:30 EST
        ("Europe/Berlin", date(2026, 10, 25), (time(1, 30), time(2, 30))),  # 01:30 CEST + 2 h = 02:30 CET
    ],
)
def test_a_dose_window_ends_at_the_next_dose_across_the_repeated_hour(name: str, day: date, clocks) -> None:
    zone = ZoneInfo(name)
    config = PlanConfig(dose_times=clocks, checkin_times=(), followups_min=())
    first, second = dose_occurrences(plan_day(config, journal(), day, zone))
    assert utc(first.due) + timedelta(hours=1) == utc(second.due)
    assert utc(first.valid_until) == utc(second.due)  # the next reminder is sooner than 2 h
    assert utc(second.valid_until) == utc(second.due) + timedelta(hours=2)


def test_the_plan_is_sorted_by_instant_in_the_repeated_hour() -> None:
    zone = ZoneInfo("America/New_York")
    at = datetime(2026, 11, 1, 0, 30, tzinfo=zone)
    config = PlanConfig(
        wake_weekend=time(0), bed_weekend=time(23, 59), checkin_times=(), followups_min=(60, 120)
    )
    plan = plan_day(config, journal(doses=[LoggedDose("d", "Kratom", at)]), at.date(), zone)
    instants = [utc(o.due) for o in plan]
    assert instants == sorted(instants)
    assert [o.key for o in plan if o.kind is ReminderKind.FOLLOWUP] == ["followup:d:60", "followup:d:120"]


def test_pattern_doses_across_a_spring_forward_gap_keep_the_real_interval() -> None:
    zone = ZoneInfo("America/New_York")
    day = date(2026, 3, 8)
    shape = block(("01:30", "03:30", 8), ("05:00", "07:00", 8))
    readings = readings_for(
        shape, days_before(day, 28), zone=zone, first="00:00", last="23:59", per_day=(10, 12)
    )
    substance = kratom(max_per_day=3, min_interval_h=4, duration_h=2, onset_min=30)
    config = pattern_config(wake=time(0, 30), wake_weekend=time(0, 30), dose_reminders_per_day=3)
    doses = dose_occurrences(
        plan_day(config, journal(readings, substances=[(KRATOM_UID, substance)]), day, zone)
    )
    assert doses
    for earlier, later in itertools.pairwise(doses):
        # Real time: 01:00 EST and 05:00 EDT are four wall hours but three real ones.
        assert utc(later.due) - utc(earlier.due) >= timedelta(hours=4)
