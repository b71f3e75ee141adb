"""The period summary behind the report's tables and the charts."""

from __future__ import annotations

import random
from datetime import date
from zoneinfo import ZoneInfo

import pytest

from desktop.core.insights.summary import summarise

BERLIN = ZoneInfo("Europe/Berlin")
UNITS = {"Kratom": "g", "melatonin": "mg"}


def pain(at: str, score: int) -> dict:
    return {"kind": "pain", "at": at, "score": score}


def dose(at: str, substance: str, amount: float, warnings=()) -> dict:
    return {"kind": "dose", "at": at, "substance": substance, "amount": amount, "warnings": list(warnings)}


def sleep(night: str, **times: str) -> dict:
    day = date.fromisoformat(night)
    after = date.fromordinal(day.toordinal() + 1).isoformat()
    return {
        "kind": "sleep",
        "at": f"{night}T22:30:00+01:00",
        "night": night,
        "in_bed": f"{night}T22:30:00+01:00",
        "try_sleep": f"{night}T23:00:00+01:00",
        "sol_min": 20,
        "waso_min": 40,
        "final_wake": f"{after}T07:00:00+01:00",
        "out_of_bed": f"{after}T07:30:00+01:00",
        "quality": 3,
    }


RECORDS = [
    pain("2026-03-02T08:00:00+01:00", 6),  # Monday morning
    pain("2026-03-02T20:00:00+01:00", 2),  # Monday evening
    pain("2026-03-03T08:30:00+01:00", 4),  # Tuesday morning
    pain("2026-03-01T23:30:00+00:00", 9),  # 00:30 Berlin on Monday 2 March: night
    dose("2026-03-02T09:00:00+01:00", "Kratom", 2.0),
    dose("2026-03-02T15:00:00+01:00", "kratom", 3.0, warnings=["min_interval"]),
    dose("2026-03-02T22:00:00+01:00", "melatonin", 1.0),
    {"kind": "effect", "at": "2026-03-02T10:00:00+01:00", "name": "nausea", "severity": 2},
    {"kind": "effect", "at": "2026-03-03T10:00:00+01:00", "name": "nausea", "severity": 1},
    {"kind": "note", "at": "2026-03-03T12:00:00+01:00", "note": "physio"},
    sleep("2026-03-02"),
    pain("2026-03-10T08:00:00+01:00", 10),  # outside the period
    {"kind": "pain", "at": "not a time", "score": 3},  # unreadable: left out
    {"kind": "effect", "at": "2026-03-02T11:00:00+01:00", "name": "dizzy", "severity": "?"},  # too
]


def test_a_period_is_summarised_in_local_dates() -> None:
    s = summarise(RECORDS, UNITS, date(2026, 3, 2), date(2026, 3, 3), BERLIN)
    assert s.days == 2
    assert s.counts == {"pain": 4, "dose": 3, "effect": 2, "note": 1, "sleep": 1}
    assert (s.pain.n, s.pain.mean, s.pain.median, s.pain.worst) == (4, 5.25, 5.0, 9)
    assert [(p.label, p.n, p.mean) for p in s.pain.by_part] == [
        ("night", 1, 9.0),
        ("morning", 2, 5.0),
        ("afternoon", 0, None),
        ("evening", 1, 2.0),
    ]
    # Names differing only in case are one substance; warnings are counted.
    kratom = next(line for line in s.doses if line.substance.casefold() == "kratom")
    assert (kratom.count, kratom.total, kratom.per_day, kratom.unit, kratom.beyond_limits) == (
        2,
        5.0,
        2.5,
        "g",
        1,
    )
    assert [(e.name, e.count, e.worst) for e in s.effects] == [("nausea", 2, 2)]
    assert s.notes == ((date(2026, 3, 3), "physio"),)
    # 22:30 in bed, asleep 23:20, 40 min awake, up 07:00: 7 h 00 min asleep of 9 h in bed.
    assert s.sleep.n == 1 and s.sleep.tst_h == pytest.approx(7.0)
    assert s.sleep.se_pct == pytest.approx(7 / 9 * 100)


def test_heat_map_and_daily_points() -> None:
    s = summarise(RECORDS, UNITS, date(2026, 3, 2), date(2026, 3, 3), BERLIN)
    assert s.heat_mean[0][8] == 6 and s.heat_n[0][8] == 1  # Monday 08:00
    assert s.heat_mean[0][0] == 9  # 00:30 local, not 23:30 UTC on Sunday
    assert s.heat_mean[1][8] == 4 and s.heat_mean[2][8] is None
    assert [p.day for p in s.daily] == [date(2026, 3, 2), date(2026, 3, 3)]
    assert s.daily[0].pain_n == 3 and s.daily[0].doses == {"Kratom": 5.0, "melatonin": 1.0}
    assert s.daily[1].tst_h == pytest.approx(7.0)  # the night of 2 March, on the morning after
    assert [round(m.hour, 2) for m in s.dose_marks] == [9.0, 15.0, 22.0]


def test_an_empty_period_says_so() -> None:
    s = summarise(RECORDS, UNITS, date(2026, 4, 1), date(2026, 4, 30), BERLIN)
    assert s.empty and s.pain.mean is None and s.sleep.tst_h is None and s.doses == ()


def test_the_order_of_records_changes_nothing() -> None:
    shuffled = RECORDS[:]
    random.Random(3).shuffle(shuffled)
    args = (UNITS, date(2026, 3, 1), date(2026, 3, 31), BERLIN)
    assert summarise(shuffled, *args) == summarise(RECORDS, *args)
