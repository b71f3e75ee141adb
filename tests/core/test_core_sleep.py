"""The sleep diary: desktop/core/sleep.py (clock times across midnight) and
validate_sleep with the derived metrics of the Consensus Sleep Diary (Carney et al.,
SLEEP 2012): TIB = out of bed - into bed; TST = (final awakening - tried to sleep) -
SOL - WASO; SE = TST / TIB x 100.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.core.errors import ValidationError
from desktop.core.sleep import resolve_night_times
from desktop.core.validation import validate_sleep

BERLIN = ZoneInfo("Europe/Berlin")
NEW_YORK = ZoneInfo("America/New_York")
LORD_HOWE = ZoneInfo("Australia/Lord_Howe")
NIGHT = date(2026, 3, 10)
NOW = datetime(2026, 3, 11, 12, 0, tzinfo=UTC)
FIELDS = ("in_bed", "try_sleep", "final_wake", "out_of_bed")


def diary(
    in_bed: str, try_sleep: str, final_wake: str, out_of_bed: str, *, night: date = NIGHT, zone: Any = BERLIN
) -> dict[str, datetime]:
    return resolve_night_times(
        night, dict(zip(FIELDS, (in_bed, try_sleep, final_wake, out_of_bed), strict=True)), zone
    )


def local(text: str, zone: Any = BERLIN) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=zone)


def sleep(
    times: dict[str, datetime],
    sol: object = 0,
    awakenings: object = 0,
    waso: object = 0,
    quality: object = 3,
    *,
    night: date = NIGHT,
    now: datetime = NOW,
    note: object = None,
) -> Any:
    return validate_sleep(
        night,
        times["in_bed"],
        times["try_sleep"],
        sol,
        awakenings,
        waso,
        times["final_wake"],
        times["out_of_bed"],
        quality,
        now,
        note=note,
    )


# ---- resolve_night_times -------------------------------------------------------------


@pytest.mark.parametrize(
    ("clocks", "expected"),
    [
        # Across midnight.
        (
            ("23:00", "23:15", "06:30", "06:45"),
            ("2026-03-10T23:00", "2026-03-10T23:15", "2026-03-11T06:30", "2026-03-11T06:45"),
        ),
        # Into bed after midnight belongs to the early morning of night + 1.
        (
            ("01:30", "01:40", "08:00", "08:10"),
            ("2026-03-11T01:30", "2026-03-11T01:40", "2026-03-11T08:00", "2026-03-11T08:10"),
        ),
        # Noon starts the night; a minute before noon is the next morning.
        (
            ("12:00", "12:30", "13:00", "13:05"),
            ("2026-03-10T12:00", "2026-03-10T12:30", "2026-03-10T13:00", "2026-03-10T13:05"),
        ),
        (
            ("11:59", "12:00", "15:00", "15:00"),
            ("2026-03-11T11:59", "2026-03-11T12:00", "2026-03-11T15:00", "2026-03-11T15:00"),
        ),
        # Equal times stay equal (at or after the previous one).
        (
            ("23:00", "23:00", "07:00", "07:00"),
            ("2026-03-10T23:00", "2026-03-10T23:00", "2026-03-11T07:00", "2026-03-11T07:00"),
        ),
        # One-digit hours.
        (
            ("9:30", "9:45", "3:00", "3:30"),
            ("2026-03-11T09:30", "2026-03-11T09:45", "2026-03-12T03:00", "2026-03-12T03:30"),
        ),
        # Full ISO text mixed with clock times.
        (
            ("2026-03-10T22:50", "23:10", "2026-03-11T06:00", "06:20"),
            ("2026-03-10T22:50", "2026-03-10T23:10", "2026-03-11T06:00", "2026-03-11T06:20"),
        ),
    ],
)
def test_clock_times_are_placed_in_order_across_midnight(
    clocks: tuple[str, str, str, str], expected: tuple[str, str, str, str]
) -> None:
    resolved = diary(*clocks)
    assert [resolved[f] for f in FIELDS] == [local(e) for e in expected]


def test_an_iso_time_with_an_offset_is_kept_as_given() -> None:
    resolved = diary("2026-03-10T22:00+00:00", "23:30", "07:00", "07:15")
    assert resolved["in_bed"] == datetime(2026, 3, 10, 22, 0, tzinfo=UTC)
    assert resolved["try_sleep"] == local("2026-03-10T23:30")


@pytest.mark.parametrize(
    ("clocks", "field"),
    [
        (("25:00", "23:15", "06:30", "06:45"), "in_bed"),
        (("23:00", "7:60", "06:30", "06:45"), "try_sleep"),
        (("23:00", "23:15", "garbage", "06:45"), "final_wake"),
        (("23:00", "23:15", "06:30", ""), "out_of_bed"),
        (("23:00", "23:15", "06:30", "2026-02-30T07:00"), "out_of_bed"),
        (("-1:00", "23:15", "06:30", "06:45"), "in_bed"),
        (("23:00\u202e", "23:15", "06:30", "06:45"), "in_bed"),
    ],
)
def test_unreadable_diary_times_name_their_field(clocks: tuple[str, str, str, str], field: str) -> None:
    with pytest.raises(ValidationError) as caught:
        diary(*clocks)
    assert caught.value.field == field


@pytest.mark.parametrize(
    ("night", "clocks", "zone", "expected"),
    [
        # Spring forward in New York: 02:00-03:00 on 2026-03-08 does not exist.
        (
            date(2026, 3, 7),
            ("23:00", "02:30", "07:00", "07:10"),
            NEW_YORK,
            (
                "2026-03-07T23:00-05:00",
                "2026-03-08T03:30-04:00",
                "2026-03-08T07:00-04:00",
                "2026-03-08T07:10-04:00",
            ),
        ),
        # Fall back: 01:00-02:00 on 2026-11-01 happens twice. A later clock time that is
        # "earlier" on the wall is the second 01:xx, not one a day later.
        (
            date(2026, 10, 31),
            ("01:45", "01:15", "07:00", "07:10"),
            NEW_YORK,
            (
                "2026-11-01T01:45-04:00",
                "2026-11-01T01:15-05:00",
                "2026-11-01T07:00-05:00",
                "2026-11-01T07:10-05:00",
            ),
        ),
        (
            date(2026, 10, 31),
            ("23:30", "01:30", "06:00", "06:30"),
            NEW_YORK,
            (
                "2026-10-31T23:30-04:00",
                "2026-11-01T01:30-04:00",
                "2026-11-01T06:00-05:00",
                "2026-11-01T06:30-05:00",
            ),
        ),
    ],
)
def test_clock_times_across_dst_changes(
    night: date, clocks: tuple[str, str, str, str], zone: ZoneInfo, expected: tuple[str, str, str, str]
) -> None:
    resolved = diary(*clocks, night=night, zone=zone)
    for field, text in zip(FIELDS, expected, strict=True):
        want = datetime.fromisoformat(text)
        assert resolved[field].astimezone(UTC) == want.astimezone(UTC), field
        assert resolved[field].utcoffset() == want.utcoffset(), field


# Nights on which the clocks change in each zone (and a night either side).
DST_NIGHTS = {
    NEW_YORK: [date(2026, 3, 7), date(2026, 3, 8), date(2026, 10, 31), date(2026, 11, 1)],
    BERLIN: [date(2026, 3, 28), date(2026, 10, 24), date(2026, 10, 25)],
    LORD_HOWE: [date(2026, 4, 4), date(2026, 10, 3)],
}
ZONED_NIGHTS = st.one_of(
    st.sampled_from([(zone, night) for zone, days in DST_NIGHTS.items() for night in days]),
    st.tuples(
        st.sampled_from([UTC, BERLIN, NEW_YORK, LORD_HOWE]), st.dates(date(1971, 1, 1), date(2100, 1, 1))
    ),
)


def _occurrences(day: date, clock: time, zone: ZoneInfo) -> list[datetime]:
    """Every instant on ``day`` at which the wall clock showed ``clock``."""
    found = []
    for fold in (0, 1):
        aware = datetime.combine(day, clock, tzinfo=zone).replace(fold=fold)
        if aware.astimezone(UTC).astimezone(zone).replace(tzinfo=None) == aware.replace(tzinfo=None):
            found.append(aware.astimezone(UTC))
    return found


@settings(deadline=None)
@given(
    zoned_night=ZONED_NIGHTS,
    clocks=st.lists(st.times().map(lambda t: t.replace(second=0, microsecond=0)), min_size=4, max_size=4),
)
def test_each_clock_time_is_the_first_such_moment_at_or_after_the_previous(
    zoned_night: tuple[Any, date], clocks: list[time]
) -> None:
    zone, night = zoned_night
    texts = [f"{c.hour}:{c.minute:02d}" for c in clocks]
    resolved = diary(*texts, night=night, zone=zone)
    previous = None
    for field, clock in zip(FIELDS, clocks, strict=True):
        moment = resolved[field].astimezone(UTC)
        wall = resolved[field].astimezone(zone)
        if wall.time() != clock:
            # Only a clock time skipped by a DST change may move, and only forward.
            assert not _occurrences(wall.date(), clock, zone), field
            assert wall.time() > clock
        if previous is None:
            assert wall.date() == (night if clock >= time(12) else night + timedelta(days=1))
        else:
            assert moment >= previous, field
            # No earlier moment at or after the previous one showed this clock time.
            for day in (previous.astimezone(zone).date() + timedelta(days=d) for d in (-1, 0, 1)):
                for instant in _occurrences(day, clock, zone):
                    assert not previous <= instant < moment, (field, instant)
        previous = moment


# ---- validate_sleep: derived values --------------------------------------------------


@pytest.mark.parametrize(
    ("clocks", "sol", "awakenings", "waso", "tib", "tst", "se"),
    [
        (("23:00", "23:15", "06:30", "06:45"), 20, 2, 30, 465, 385, 82.796),
        (("22:00", "22:00", "06:00", "06:00"), 0, 0, 0, 480, 480, 100.0),
        (("01:30", "01:30", "05:30", "09:30"), 60, 1, 0, 480, 180, 37.5),
        (("21:00", "23:00", "07:00", "09:00"), 30, 3, 90, 720, 360, 50.0),
        (("23:00", "23:00", "23:30", "23:45"), 30, 0, 0, 45, 0, 0.0),  # SOL fills the night: TST 0
        (("23:00", "23:00", "07:00", "07:00"), 0, 1, 480, 480, 0, 0.0),  # WASO fills the night
        (("20:00", "20:00", "19:00", "20:00"), 0, 0, 0, 1440, 1380, 95.833),  # exactly 24 h in bed
    ],
)
def test_time_in_bed_total_sleep_and_efficiency(
    clocks: tuple[str, str, str, str], sol: int, awakenings: int, waso: int, tib: float, tst: float, se: float
) -> None:
    entry = sleep(diary(*clocks), sol, awakenings, waso, now=NOW + timedelta(days=1))
    assert entry.time_in_bed_min == tib
    assert entry.total_sleep_min == tst
    assert entry.sleep_efficiency == pytest.approx(se, abs=0.001)
    assert (entry.sol_min, entry.awakenings, entry.waso_min) == (sol, awakenings, waso)


@pytest.mark.parametrize(
    ("night", "clocks", "tib"),
    [
        # The clocks go forward during the night: 8 h on the wall are 7 h in bed.
        (date(2026, 3, 7), ("23:00", "23:00", "07:00", "07:00"), 420),
        # The clocks go back: 8 h on the wall are 9 h in bed.
        (date(2026, 10, 31), ("23:00", "23:00", "07:00", "07:00"), 540),
        # An ordinary night in the same zone.
        (date(2026, 3, 10), ("23:00", "23:00", "07:00", "07:00"), 480),
    ],
)
def test_dst_nights_count_real_minutes(night: date, clocks: tuple[str, str, str, str], tib: int) -> None:
    entry = sleep(
        diary(*clocks, night=night, zone=NEW_YORK), now=datetime(2026, 12, 1, tzinfo=UTC), night=night
    )
    assert entry.time_in_bed_min == tib
    assert entry.total_sleep_min == tib
    assert entry.sleep_efficiency == 100.0


def test_a_night_inside_the_repeated_hour_is_valid() -> None:
    # Into bed at the first 01:40, tried to sleep at the second 01:10 (30 min later).
    times = diary("01:40", "01:10", "06:00", "06:05", night=date(2026, 10, 31), zone=NEW_YORK)
    entry = sleep(times, sol=10, night=date(2026, 10, 31), now=datetime(2026, 12, 1, tzinfo=UTC))
    assert entry.time_in_bed_min == 30 + 290 + 5
    assert entry.total_sleep_min == 290 - 10


# ---- validate_sleep: impossible diaries ----------------------------------------------

NIGHT_7H = ("23:00", "23:00", "06:00", "06:15")  # 420 min from trying to sleep to waking


@pytest.mark.parametrize(
    ("arguments", "field"),
    [
        ({"sol": 421}, "sol"),
        ({"sol": 24 * 60 + 1}, "sol"),
        ({"sol": -5}, "sol"),
        ({"sol": 2.5}, "sol"),
        ({"sol": "abc"}, "sol"),
        ({"sol": "nan"}, "sol"),
        ({"sol": None}, "sol"),
        ({"waso": 421, "awakenings": 1}, "waso"),
        ({"waso": -1, "awakenings": 1}, "waso"),
        ({"waso": "inf", "awakenings": 1}, "waso"),
        ({"sol": 300, "waso": 200, "awakenings": 2}, "waso"),  # TST would be negative
        ({"sol": 421, "waso": 421, "awakenings": 1}, "sol"),
        ({"quality": 0}, "quality"),
        ({"quality": 6}, "quality"),
        ({"quality": 2.5}, "quality"),
        ({"quality": "good"}, "quality"),
        ({"quality": True}, "quality"),
        ({"awakenings": 0, "waso": 30}, "awakenings"),
        ({"awakenings": -1}, "awakenings"),
        ({"awakenings": 101}, "awakenings"),
        ({"awakenings": "many"}, "awakenings"),
        ({"note": "fine\u202e"}, "note"),
        ({"note": "\u2066"}, "note"),
        ({"note": "\x00"}, "note"),
    ],
)
def test_impossible_diaries_are_refused_naming_the_field(arguments: dict[str, Any], field: str) -> None:
    with pytest.raises(ValidationError) as caught:
        sleep(diary(*NIGHT_7H), **arguments)
    assert caught.value.field == field


def _times(in_bed: str, try_sleep: str, final_wake: str, out_of_bed: str) -> dict[str, datetime]:
    return dict(zip(FIELDS, (local(t) for t in (in_bed, try_sleep, final_wake, out_of_bed)), strict=True))


@pytest.mark.parametrize(
    ("times", "field"),
    [
        # Out of bed before the final awakening.
        (
            _times("2026-03-10T23:00", "2026-03-10T23:15", "2026-03-11T06:30", "2026-03-11T06:29"),
            "out_of_bed",
        ),
        # Final awakening before (or at) trying to sleep.
        (
            _times("2026-03-10T23:00", "2026-03-10T23:15", "2026-03-10T23:10", "2026-03-11T06:45"),
            "final_wake",
        ),
        (
            _times("2026-03-10T23:00", "2026-03-10T23:15", "2026-03-10T23:15", "2026-03-11T06:45"),
            "final_wake",
        ),
        # Tried to sleep before getting into bed.
        (_times("2026-03-10T23:00", "2026-03-10T22:59", "2026-03-11T06:30", "2026-03-11T06:45"), "try_sleep"),
        # More than 24 h in bed.
        (
            _times("2026-03-10T20:00", "2026-03-10T20:00", "2026-03-11T19:00", "2026-03-11T20:01"),
            "out_of_bed",
        ),
        # Into bed outside the night of 2026-03-10.
        (_times("2026-03-09T23:00", "2026-03-09T23:15", "2026-03-10T06:30", "2026-03-10T06:45"), "in_bed"),
        (_times("2026-03-12T00:30", "2026-03-12T00:45", "2026-03-12T06:30", "2026-03-12T06:45"), "in_bed"),
        # Before 1970, or more than a day after now.
        (_times("1969-03-10T23:00", "2026-03-10T23:15", "2026-03-11T06:30", "2026-03-11T06:45"), "in_bed"),
        (
            _times("2026-03-10T23:00", "2026-03-10T23:15", "2026-03-11T06:30", "2026-03-12T12:01"),
            "out_of_bed",
        ),
    ],
)
def test_diary_times_out_of_order_are_refused(times: dict[str, datetime], field: str) -> None:
    with pytest.raises(ValidationError) as caught:
        sleep(times, quality=3)
    assert caught.value.field == field


def test_out_of_bed_before_the_final_awakening_as_clock_times_is_refused() -> None:
    # Typed as clock times, 06:00 after a 06:30 awakening is read as 06:00 the next day,
    # which makes more than 24 h in bed.
    with pytest.raises(ValidationError) as caught:
        sleep(diary("23:00", "23:15", "06:30", "06:00"))
    assert caught.value.field == "out_of_bed"


def test_sql_looking_notes_are_kept() -> None:
    note = "'); DROP TABLE sleep;--\nsecond line"
    assert sleep(diary(*NIGHT_7H), note=note).note == note


ANYTHING = st.one_of(
    st.text(),
    st.floats(allow_nan=True, allow_infinity=True),
    st.integers(),
    st.sampled_from([10**400, -(10**400), 2**1024]),
    st.none(),
    st.booleans(),
    st.lists(st.integers(), max_size=3),
    st.sampled_from(["", "nan", "inf", "30", "30.0", "-0", "1e3", "\u202e5"]),
)


@pytest.mark.parametrize(
    ("argument", "others", "field"),
    [
        ("sol", {"waso": 0, "awakenings": 0}, "sol"),
        ("waso", {"sol": 0, "awakenings": 1}, "waso"),
        ("awakenings", {"waso": 0}, "awakenings"),
        ("quality", {}, "quality"),
        ("note", {}, "note"),
    ],
)
@given(value=ANYTHING)
def test_validate_sleep_is_total(argument: str, others: dict[str, Any], field: str, value: object) -> None:
    try:
        sleep(diary(*NIGHT_7H), **{**others, argument: value})
    except ValidationError as err:
        assert err.field == field


# ---- validate_sleep: any consistent night is accepted with sane metrics ---------------


@st.composite
def nights(draw: st.DrawFn) -> dict[str, Any]:
    zone, day = draw(ZONED_NIGHTS)
    # Into bed between noon of the night and noon the next day, at any second.
    in_bed = datetime.combine(day, time(12), tzinfo=UTC) + timedelta(
        seconds=draw(st.integers(0, 24 * 3600 - 1))
    )
    in_bed = in_bed.astimezone(zone)
    night = in_bed.date() if in_bed.time() >= time(12) else in_bed.date() - timedelta(days=1)
    to_try = timedelta(seconds=draw(st.integers(0, 4 * 3600)))
    span = timedelta(seconds=draw(st.integers(60, 16 * 3600)))
    to_out = timedelta(seconds=draw(st.integers(0, 3 * 3600)))
    # Add durations to instants (in UTC) and show the result in the zone.
    tried = (in_bed.astimezone(UTC) + to_try).astimezone(zone)
    final = (tried.astimezone(UTC) + span).astimezone(zone)
    out = (final.astimezone(UTC) + to_out).astimezone(zone)
    night_min = int(span.total_seconds() // 60)
    sol = draw(st.integers(0, night_min))
    waso = draw(st.integers(0, night_min - sol))
    awakenings = draw(st.integers(1 if waso else 0, 100))
    return {
        "night": night,
        "times": {"in_bed": in_bed, "try_sleep": tried, "final_wake": final, "out_of_bed": out},
        "sol": sol,
        "waso": waso,
        "awakenings": awakenings,
        "quality": draw(st.integers(1, 5)),
        "minutes": {
            "tib": (to_try + span + to_out).total_seconds() / 60,
            "tst": span.total_seconds() / 60 - sol - waso,
        },
    }


@settings(deadline=None)
@given(nights())
def test_any_consistent_night_is_accepted_with_0_le_se_le_100(case: dict[str, Any]) -> None:
    entry = sleep(
        case["times"],
        case["sol"],
        case["awakenings"],
        case["waso"],
        case["quality"],
        night=case["night"],
        now=datetime(2101, 1, 1, tzinfo=UTC),
    )
    assert 0 <= entry.sleep_efficiency <= 100
    assert 0 <= entry.total_sleep_min <= entry.time_in_bed_min
    # Real elapsed minutes, also on nights when the clocks change.
    assert entry.time_in_bed_min == pytest.approx(case["minutes"]["tib"])
    assert entry.total_sleep_min == pytest.approx(case["minutes"]["tst"])
