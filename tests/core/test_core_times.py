"""Times the user types: desktop/core/times.py.

Times without an offset are wall-clock times in the user's zone: a time skipped by a
DST change moves forward by the size of the gap, a repeated time takes its first
occurrence. Nothing here reads the real clock; ``now`` is always given.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.core.errors import ValidationError
from desktop.core.times import (
    EARLIEST,
    check_entry_time,
    format_clock,
    from_stored,
    from_utc_text,
    localize,
    offset_minutes,
    parse_clock,
    parse_date,
    parse_datetime,
    parse_entry_time,
    to_utc_text,
    zone_from_name,
)

NEW_YORK = ZoneInfo("America/New_York")
BERLIN = ZoneInfo("Europe/Berlin")
LORD_HOWE = ZoneInfo("Australia/Lord_Howe")  # DST moves the clock by 30 minutes
APIA = ZoneInfo("Pacific/Apia")  # skipped the whole of 2011-12-30
KOLKATA = ZoneInfo("Asia/Kolkata")
ZONES = [UTC, NEW_YORK, BERLIN, LORD_HOWE, APIA, KOLKATA, ZoneInfo("America/St_Johns")]

NOW = datetime(2026, 3, 8, 12, 0, tzinfo=UTC)


def hours(h: float) -> timezone:
    return timezone(timedelta(hours=h))


# ---- parse_datetime ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-03-08T21:30", datetime(2026, 3, 8, 21, 30, tzinfo=UTC)),
        ("2026-03-08 21:30", datetime(2026, 3, 8, 21, 30, tzinfo=UTC)),
        ("  2026-03-08T21:30  ", datetime(2026, 3, 8, 21, 30, tzinfo=UTC)),
        ("2026-03-08", datetime(2026, 3, 8, 0, 0, tzinfo=UTC)),
        ("2026-03-08T21:30:15", datetime(2026, 3, 8, 21, 30, 15, tzinfo=UTC)),
        ("2026-03-08T21:30:15.5Z", datetime(2026, 3, 8, 21, 30, 15, 500000, tzinfo=UTC)),
        ("2026-03-08T21:30:15.123456Z", datetime(2026, 3, 8, 21, 30, 15, 123456, tzinfo=UTC)),
        ("2026-03-08T21:30Z", datetime(2026, 3, 8, 21, 30, tzinfo=UTC)),
        ("2026-03-08T21:30+01:00", datetime(2026, 3, 8, 21, 30, tzinfo=hours(1))),
        ("2026-03-08T21:30+0100", datetime(2026, 3, 8, 21, 30, tzinfo=hours(1))),
        ("2026-03-08T21:30-05:30", datetime(2026, 3, 8, 21, 30, tzinfo=hours(-5.5))),
        ("2026-03-08T21:30+23:59", datetime(2026, 3, 8, 21, 30, tzinfo=timezone(timedelta(minutes=1439)))),
        ("2024-02-29T12:00", datetime(2024, 2, 29, 12, 0, tzinfo=UTC)),
    ],
)
def test_parse_datetime_reads_iso_8601(text: str, expected: datetime) -> None:
    result = parse_datetime("at", text, UTC)
    assert result == expected
    assert result.utcoffset() == expected.utcoffset()


@pytest.mark.parametrize(
    "text",
    [
        "2026-02-30T10:00",  # Feb 30
        "2026-02-29",  # 2026 is not a leap year
        "2026-04-31T08:00",
        "2026-13-01",
        "2026-00-10",
        "2026-03-00",
        "2026-03-08T25:00",
        "2026-03-08T24:00",
        "2026-03-08T23:60",
        "2026-03-08T23:59:60",
        "2026-03-08T21:30+24:00",
        "2026-03-08T21:30+25:00",
        "2026-03-08T21:30+01:60",
        "2026-03-08T21:30:00.1234567",
        "2026-03-08T21",
        "2026-3-8",
        "26-03-08",
        "20260308T2130",
        "21:30",
        "0000-01-01",
        "garbage",
        "",
        "   ",
        "2026-03-08T21:30 UTC",
        "2026-03-08T21:30\u202e",
        "'); DROP TABLE entries;--",
    ],
)
def test_parse_datetime_refuses_malformed_and_impossible_times(text: str) -> None:
    with pytest.raises(ValidationError) as caught:
        parse_datetime("at", text, NEW_YORK)
    assert caught.value.field == "at"


@pytest.mark.parametrize("value", [None, 5, 2.5, ["2026-03-08"], datetime(2026, 3, 8, tzinfo=UTC)])
def test_parse_datetime_refuses_what_is_not_text(value: object) -> None:
    with pytest.raises(ValidationError) as caught:
        parse_datetime("at", value, UTC)  # type: ignore[arg-type]
    assert caught.value.field == "at"


@pytest.mark.parametrize(
    ("text", "zone", "wall", "offset_h"),
    [
        # A plain local time takes the zone's offset of that date.
        ("2026-01-15T12:00", NEW_YORK, "2026-01-15T12:00", -5),
        ("2026-07-15T12:00", NEW_YORK, "2026-07-15T12:00", -4),
        ("2026-07-01T12:00", BERLIN, "2026-07-01T12:00", 2),
        ("2026-03-08T12:00", KOLKATA, "2026-03-08T12:00", 5.5),
        # Spring forward: 02:00-03:00 does not exist in New York on 2026-03-08.
        ("2026-03-08T02:30", NEW_YORK, "2026-03-08T03:30", -4),
        ("2026-03-08T02:00", NEW_YORK, "2026-03-08T03:00", -4),
        ("2026-03-08T02:59", NEW_YORK, "2026-03-08T03:59", -4),
        ("2026-03-08T01:59", NEW_YORK, "2026-03-08T01:59", -5),
        ("2026-03-08T03:00", NEW_YORK, "2026-03-08T03:00", -4),
        ("2026-03-29T02:30", BERLIN, "2026-03-29T03:30", 2),
        # Lord Howe skips only 30 minutes.
        ("2026-10-04T02:15", LORD_HOWE, "2026-10-04T02:45", 11),
        # Samoa skipped a whole day.
        ("2011-12-30T12:00", APIA, "2011-12-31T12:00", 14),
        # Fall back: 01:00-02:00 happens twice in New York on 2026-11-01; take the first.
        ("2026-11-01T01:30", NEW_YORK, "2026-11-01T01:30", -4),
        ("2026-11-01T00:59", NEW_YORK, "2026-11-01T00:59", -4),
        ("2026-11-01T02:00", NEW_YORK, "2026-11-01T02:00", -5),
        ("2026-10-25T02:30", BERLIN, "2026-10-25T02:30", 2),
    ],
)
def test_naive_times_are_local_to_the_zone(text: str, zone: ZoneInfo, wall: str, offset_h: float) -> None:
    result = parse_datetime("at", text, zone)
    assert result.replace(tzinfo=None) == datetime.fromisoformat(wall)
    assert result.utcoffset() == timedelta(hours=offset_h)


def test_dst_gap_and_fold_in_new_york_as_utc_instants() -> None:
    # (Compare in UTC: an ambiguous time never compares equal to a time in another zone.)
    gap = parse_datetime("at", "2026-03-08T02:30", NEW_YORK)
    fold = parse_datetime("at", "2026-11-01T01:30", NEW_YORK)
    assert gap.astimezone(UTC) == datetime(2026, 3, 8, 7, 30, tzinfo=UTC)
    assert fold.astimezone(UTC) == datetime(2026, 11, 1, 5, 30, tzinfo=UTC)


def test_an_explicit_offset_wins_over_the_zone() -> None:
    result = parse_datetime("at", "2026-11-01T01:30-05:00", NEW_YORK)
    assert result == datetime(2026, 11, 1, 6, 30, tzinfo=UTC)


@pytest.mark.parametrize(
    ("text", "zone"),
    [
        ("0001-01-01T00:00", BERLIN),
        ("0001-01-01T00:00", KOLKATA),
        ("9999-12-31T23:59", NEW_YORK),
        ("9999-12-31T23:59", UTC),
        ("0001-01-01T00:00+01:00", UTC),
        ("9999-12-31T23:59-01:00", UTC),
        ("1000-06-15T12:00", LORD_HOWE),
    ],
)
def test_dates_far_in_the_past_or_future_parse_or_are_refused_but_never_crash(
    text: str, zone: ZoneInfo
) -> None:
    try:
        result = parse_datetime("at", text, zone)
    except ValidationError as err:
        assert err.field == "at"
    else:
        assert result.tzinfo is not None
    with pytest.raises(ValidationError) as caught:
        parse_entry_time("at", text, zone, NOW)
    assert caught.value.field == "at"


ISO_LIKE = st.builds(
    lambda y, mo, d, h, mi, tail: f"{y:04d}-{mo:02d}-{d:02d}T{h:02d}:{mi:02d}{tail}",
    st.integers(0, 9999),
    st.integers(0, 14),
    st.integers(0, 32),
    st.integers(0, 26),
    st.integers(0, 61),
    st.sampled_from(["", "Z", "+01:00", "-05:30", "+24:00", "+23:59", "-00:00", ":07", ":07.5", ":61"]),
)


@settings(deadline=None)
@given(text=st.one_of(st.text(), ISO_LIKE), zone=st.sampled_from(ZONES))
def test_parse_datetime_returns_an_aware_time_or_names_the_field(text: str, zone: ZoneInfo) -> None:
    try:
        result = parse_datetime("taken_at", text, zone)
    except ValidationError as err:
        assert err.field == "taken_at"
    else:
        assert result.utcoffset() is not None


FIXED_OFFSETS = st.integers(-(23 * 60 + 59), 23 * 60 + 59).map(lambda m: timezone(timedelta(minutes=m)))
ENTRY_TIMES = st.datetimes(
    min_value=datetime(1970, 1, 2), max_value=datetime(9998, 12, 30), timezones=FIXED_OFFSETS
)


@given(at=ENTRY_TIMES, zone=st.sampled_from(ZONES))
def test_parse_datetime_reads_back_isoformat_with_an_offset(at: datetime, zone: ZoneInfo) -> None:
    result = parse_datetime("at", at.isoformat(), zone)
    assert result == at
    assert result.utcoffset() == at.utcoffset()


# ---- localize ------------------------------------------------------------------------


def _exists(wall: datetime, zone: ZoneInfo, fold: int = 0) -> bool:
    aware = wall.replace(tzinfo=zone, fold=fold)
    return aware.astimezone(UTC).astimezone(zone).replace(tzinfo=None) == wall


@settings(deadline=None)
@given(
    naive=st.datetimes(min_value=datetime(1971, 1, 1), max_value=datetime(2100, 12, 31)),
    zone=st.sampled_from(ZONES),
)
def test_localize_keeps_real_wall_times_and_moves_skipped_ones_forward(
    naive: datetime, zone: ZoneInfo
) -> None:
    result = localize(naive, zone)
    wall = result.astimezone(zone).replace(tzinfo=None)
    assert _exists(wall, zone, result.fold), "the result must be a time the clock really showed"
    if _exists(naive, zone):
        assert wall == naive
        # Of two occurrences, the first (earlier) one.
        earlier = min(naive.replace(tzinfo=zone, fold=f).astimezone(UTC) for f in (0, 1))
        assert result.astimezone(UTC) == earlier
    else:
        # Moved forward by the size of the gap: the instant the wall time names under the
        # offset in force before the change.
        before = naive.replace(tzinfo=zone, fold=0).utcoffset()
        assert before is not None
        assert result.astimezone(UTC) == (naive - before).replace(tzinfo=UTC)
        assert wall > naive


# ---- check_entry_time and parse_entry_time -------------------------------------------


@pytest.mark.parametrize(
    ("at", "ok"),
    [
        (NOW, True),
        (NOW - timedelta(days=3650), True),
        (NOW + timedelta(hours=23), True),
        (NOW + timedelta(days=1), True),
        (NOW + timedelta(days=1, microseconds=1), False),
        (NOW + timedelta(days=400), False),
        (EARLIEST, True),
        (EARLIEST - timedelta(microseconds=1), False),
        (datetime(1970, 1, 1, 0, 30, tzinfo=hours(1)), False),  # 1969-12-31T23:30Z
        (datetime(1969, 12, 31, 23, 30, tzinfo=hours(-1)), True),  # 1970-01-01T00:30Z
        (datetime(1, 1, 1, tzinfo=hours(1)), False),
        (datetime(1, 1, 1, tzinfo=UTC), False),
        (datetime(9999, 12, 31, 23, 59, tzinfo=hours(-1)), False),
        (datetime(9999, 12, 31, 23, 59, tzinfo=UTC), False),
        (datetime(2026, 3, 9, 7, 0, tzinfo=NEW_YORK), True),  # 11:00Z, 23 h ahead
        (datetime(2026, 3, 9, 9, 0, tzinfo=NEW_YORK), False),  # 13:00Z, 25 h ahead
    ],
)
def test_entry_times_from_1970_up_to_a_day_ahead(at: datetime, ok: bool) -> None:
    if ok:
        assert check_entry_time("at", at, NOW) == at
    else:
        with pytest.raises(ValidationError) as caught:
            check_entry_time("at", at, NOW)
        assert caught.value.field == "at"


def test_check_entry_time_needs_aware_datetimes() -> None:
    with pytest.raises(TypeError):
        check_entry_time("at", datetime(2026, 3, 8, 12, 0), NOW)
    with pytest.raises(TypeError):
        check_entry_time("at", NOW, datetime(2026, 3, 8, 12, 0))


@given(
    at=st.datetimes(
        min_value=datetime(1, 1, 2),
        max_value=datetime(9999, 12, 30),
        timezones=st.sampled_from([UTC, hours(14)]),
    ),
    now=st.datetimes(min_value=datetime(1971, 1, 1), max_value=datetime(2200, 1, 1), timezones=FIXED_OFFSETS),
)
def test_an_entry_time_is_accepted_exactly_from_1970_to_a_day_after_now(at: datetime, now: datetime) -> None:
    inside = EARLIEST <= at <= now + timedelta(days=1)
    try:
        result = check_entry_time("dose_at", at, now)
    except ValidationError as err:
        assert not inside
        assert err.field == "dose_at"
    else:
        assert inside
        assert result == at


@pytest.mark.parametrize(
    ("text", "ok"),
    [
        ("2026-03-08T11:00", True),
        ("2026-03-09T11:59", True),
        ("2026-03-09T12:00Z", True),
        ("2026-03-09T12:01Z", False),
        ("2126-03-08T11:00", False),
        ("1970-01-01T00:00Z", True),
        ("1969-12-31T23:59Z", False),
        ("1026-03-08T11:00", False),
    ],
)
def test_parse_entry_time(text: str, ok: bool) -> None:
    if ok:
        assert parse_entry_time("at", text, UTC, NOW).tzinfo is not None
    else:
        with pytest.raises(ValidationError) as caught:
            parse_entry_time("at", text, UTC, NOW)
        assert caught.value.field == "at"


# ---- parse_date ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-03-08", date(2026, 3, 8)),
        (" 2026-03-08 ", date(2026, 3, 8)),
        ("2024-02-29", date(2024, 2, 29)),
        ("1970-01-01", date(1970, 1, 1)),
        ("9998-12-31", date(9998, 12, 31)),
    ],
)
def test_parse_date_reads_calendar_dates(text: str, expected: date) -> None:
    assert parse_date("night", text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "2026-02-30",
        "2026-02-29",
        "2026-13-01",
        "2026-00-10",
        "2026-03-32",
        "1969-12-31",
        "9999-01-01",
        "0000-01-01",
        "2026-3-8",
        "20260308",
        "2026-03-08T21:30",
        "",
        "garbage",
        "2026-03-08\u202e",
        None,
        20260308,
    ],
)
def test_parse_date_refuses_impossible_and_out_of_range_dates(text: object) -> None:
    with pytest.raises(ValidationError) as caught:
        parse_date("night", text)  # type: ignore[arg-type]
    assert caught.value.field == "night"


@given(st.dates(min_value=date(1970, 1, 1), max_value=date(9998, 12, 31)))
def test_parse_date_reads_back_every_date_in_range(day: date) -> None:
    assert parse_date("night", day.isoformat()) == day


@given(st.one_of(st.text(), st.dates().map(date.isoformat)))
def test_parse_date_returns_a_date_in_range_or_names_the_field(text: str) -> None:
    try:
        day = parse_date("night", text)
    except ValidationError as err:
        assert err.field == "night"
    else:
        assert date(1970, 1, 1) <= day <= date(9998, 12, 31)


# ---- parse_clock and format_clock ----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("9:00", time(9, 0)),
        ("09:00", time(9, 0)),
        (" 7:30 ", time(7, 30)),
        ("00:00", time(0, 0)),
        ("0:05", time(0, 5)),
        ("23:59", time(23, 59)),
        # What people type (issue 16): a bare hour, a dot, the 12-hour clock.
        ("9", time(9, 0)),
        ("21", time(21, 0)),
        ("21.30", time(21, 30)),
        ("9.00", time(9, 0)),
        ("9am", time(9, 0)),
        ("9 AM", time(9, 0)),
        ("7:00pm", time(19, 0)),
        ("9:30 p.m.", time(21, 30)),
        ("12am", time(0, 0)),
        ("12:15am", time(0, 15)),
        ("12pm", time(12, 0)),
    ],
)
def test_parse_clock_reads_24_hour_times(text: str, expected: time) -> None:
    assert parse_clock("bedtime", text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "24:00",
        "23:60",
        "24",
        "9:0",
        "9:000",
        "09:00:00",
        "-1:00",
        "",
        "noon",
        "9,30",
        "13pm",
        "0am",
        "9 o'clock",
        "9:30xm",
        "123:00",
        None,
        900,
    ],
)
def test_parse_clock_refuses_what_is_not_a_time_of_day(text: object) -> None:
    with pytest.raises(ValidationError) as caught:
        parse_clock("bedtime", text)  # type: ignore[arg-type]
    assert caught.value.field == "bedtime"


@given(st.times())
def test_every_clock_time_reads_back_in_both_spellings(moment: time) -> None:
    minute = moment.replace(second=0, microsecond=0)
    assert parse_clock("bedtime", format_clock(moment)) == minute
    assert parse_clock("bedtime", f"{moment.hour}:{moment.minute:02d}") == minute
    assert format_clock(minute) == f"{moment.hour:02d}:{moment.minute:02d}"


@given(st.text())
def test_parse_clock_returns_a_minute_of_the_day_or_names_the_field(text: str) -> None:
    try:
        result = parse_clock("bedtime", text)
    except ValidationError as err:
        assert err.field == "bedtime"
    else:
        assert result.second == 0
        assert result.microsecond == 0


# ---- to_utc_text and from_utc_text ---------------------------------------------------


def test_utc_text_is_fixed_width_and_marked_z() -> None:
    at = datetime(2026, 3, 8, 21, 30, tzinfo=hours(1))
    assert to_utc_text(at) == "2026-03-08T20:30:00.000000Z"
    assert from_utc_text("2026-03-08T20:30:00.000000Z") == at


ANY_AWARE = st.datetimes(
    min_value=datetime(2, 1, 1), max_value=datetime(9998, 12, 31), timezones=FIXED_OFFSETS
)


@given(ANY_AWARE)
def test_utc_text_round_trips_to_the_same_instant(at: datetime) -> None:
    text = to_utc_text(at)
    assert len(text) == len("2026-03-08T20:30:00.000000Z")
    assert text.endswith("Z")
    back = from_utc_text(text)
    assert back == at
    assert back.utcoffset() == timedelta(0)


@given(ANY_AWARE, ANY_AWARE)
def test_utc_text_sorts_like_the_instants(a: datetime, b: datetime) -> None:
    assert (to_utc_text(a) < to_utc_text(b)) == (a < b)
    assert (to_utc_text(a) == to_utc_text(b)) == (a == b)


# ---- zones and offsets ---------------------------------------------------------------


@pytest.mark.parametrize("name", ["Europe/Berlin", "America/New_York", "UTC", "Asia/Kolkata"])
def test_zone_from_name_knows_iana_zones(name: str) -> None:
    assert zone_from_name("timezone", name) == ZoneInfo(name)


@pytest.mark.parametrize(
    "name",
    [
        "Mars/Base",
        "",
        "/etc/passwd",
        "../etc/passwd",
        "Europe/../../etc/passwd",
        "America",
        "Europe/Berlin\x00",
        "Europe/Berlin\u202e",
        "x" * 65,
        "zone.tab",
        None,
        5,
    ],
)
def test_zone_from_name_refuses_unknown_zones_and_paths(name: object) -> None:
    with pytest.raises(ValidationError) as caught:
        zone_from_name("timezone", name)  # type: ignore[arg-type]
    assert caught.value.field == "timezone"


@settings(deadline=None)
@given(st.one_of(st.text(), st.sampled_from(["Europe/Berlin", "..", ".", "Etc", "tzdata.zi", "iso3166.tab"])))
def test_zone_from_name_returns_a_zone_or_names_the_field(name: str) -> None:
    try:
        zone = zone_from_name("timezone", name)
    except ValidationError as err:
        assert err.field == "timezone"
    else:
        assert isinstance(zone, ZoneInfo)


@pytest.mark.parametrize(
    ("at", "minutes"),
    [
        (datetime(2026, 3, 8, tzinfo=hours(5.5)), 330),
        (datetime(2026, 3, 8, tzinfo=hours(-3.5)), -210),
        (datetime(2026, 3, 8, tzinfo=UTC), 0),
        (datetime(2026, 7, 1, tzinfo=BERLIN), 120),
        (datetime(2026, 11, 1, 1, 30, tzinfo=NEW_YORK, fold=1), -300),
    ],
)
def test_offset_minutes(at: datetime, minutes: int) -> None:
    assert offset_minutes(at) == minutes


def test_offset_minutes_needs_an_aware_datetime() -> None:
    with pytest.raises(TypeError):
        offset_minutes(datetime(2026, 3, 8))


@given(at=ANY_AWARE, minutes=st.integers(-(23 * 60 + 59), 23 * 60 + 59))
def test_from_stored_keeps_the_instant_and_shows_the_offset(at: datetime, minutes: int) -> None:
    shown = from_stored(to_utc_text(at), minutes)
    assert shown == at
    assert offset_minutes(shown) == minutes
