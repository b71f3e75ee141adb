"""The user's settings: desktop/core/settings.py.

Each key has a default and a normaliser; values are stored normalised ("9:00" becomes
"09:00"), so normalising a stored value changes nothing.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.core.errors import ValidationError
from desktop.core.settings import SPECS, effective_settings, normalise_setting

CLOCK_KEYS = ["wake_time", "bedtime", "wake_time_weekend", "bedtime_weekend"]
CLOCK_LIST_KEYS = ["checkin_times", "dose_times"]


def test_every_key_is_tested_here() -> None:
    # A new setting must get rows in the tables below.
    covered = {key for key, _, _ in GOOD} | {key for key, _ in BAD}
    assert covered == set(SPECS)


@pytest.mark.parametrize("key", sorted(SPECS))
def test_every_default_is_valid_and_already_normalised(key: str) -> None:
    assert normalise_setting(key, SPECS[key].default) == SPECS[key].default
    assert SPECS[key].help


GOOD = [
    ("timezone", "Europe/Berlin", "Europe/Berlin"),
    ("timezone", " America/New_York ", "America/New_York"),
    ("timezone", "UTC", "UTC"),
    ("timezone", "", ""),
    ("timezone", "   ", ""),
    *[(key, "7:00", "07:00") for key in CLOCK_KEYS],
    ("bedtime", "23:30", "23:30"),
    ("bedtime", " 0:05 ", "00:05"),
    ("wake_time", "06:45", "06:45"),
    ("bedtime_mode", "fixed", "fixed"),
    ("bedtime_mode", " Diary ", "diary"),
    ("melatonin_lead_min", "60", "60"),
    ("melatonin_lead_min", "0", "0"),
    ("melatonin_lead_min", "240", "240"),
    ("melatonin_lead_min", "45.0", "45"),
    ("checkin_times", "9:00,14:00,20:00", "09:00,14:00,20:00"),
    ("checkin_times", "20:00, 9:00 ,14:00", "09:00,14:00,20:00"),
    ("checkin_times", "", ""),
    ("checkin_times", ",,", ""),
    (
        "checkin_times",
        ",".join(f"{h}:00" for h in range(8, 20)),
        ",".join(f"{h:02d}:00" for h in range(8, 20)),
    ),
    ("followups_min", "60,120", "60,120"),
    ("followups_min", "120, 60", "60,120"),
    ("followups_min", "5", "5"),
    ("followups_min", "720", "720"),
    ("followups_min", "", ""),
    ("dose_timing", "PATTERN", "pattern"),
    ("dose_timing", "fixed", "fixed"),
    ("dose_times", "8:00,20:00", "08:00,20:00"),
    ("dose_times", "8, 8pm", "08:00,20:00"),  # as people type times: stored as HH:MM
    ("bedtime", "11pm", "23:00"),
    ("wake_time", "6.45", "06:45"),
    ("dose_times", "", ""),
    ("pain_threshold", "4", "4"),
    ("pain_threshold", "4.50", "4.5"),
    ("pain_threshold", "0", "0"),
    ("pain_threshold", "10", "10"),
    ("dose_reminders_per_day", "", ""),
    ("dose_reminders_per_day", "  ", ""),
    ("dose_reminders_per_day", "2", "2"),
    ("dose_reminders_per_day", " 12 ", "12"),
    ("pattern_window_days", "7", "7"),
    ("pattern_window_days", "365", "365"),
    ("pattern_window_days", "28.0", "28"),
    ("no_dose_before_bed_h", "1.5", "1.5"),
    ("no_dose_before_bed_h", "0", "0"),
    ("no_dose_before_bed_h", "12", "12"),
    *[("discreet", word, "true") for word in ("yes", "YES", "true", "on", "1", " True ")],
    *[("discreet", word, "false") for word in ("no", "No", "false", "off", "0", " FALSE ")],
    ("reminder_window_only", "yes", "true"),
    ("reminder_window_only", "OFF", "false"),
    ("repeat_every_min", "0", "0"),
    ("repeat_every_min", "10", "10"),
    ("repeat_max", "3", "3"),
    ("repeat_max", "10", "10"),
]


@pytest.mark.parametrize(("key", "value", "stored"), GOOD)
def test_good_values_are_normalised(key: str, value: str, stored: str) -> None:
    assert normalise_setting(key, value) == stored
    assert normalise_setting(key, stored) == stored


BAD = [
    ("dose_reminders_per_day", "0"),
    ("dose_reminders_per_day", "13"),
    ("dose_reminders_per_day", "two"),
    ("dose_reminders_per_day", "1.5"),
    ("repeat_every_min", "-5"),
    ("repeat_every_min", "121"),
    ("repeat_every_min", "2.5"),
    ("repeat_max", "11"),
    ("repeat_max", "nan"),
    ("timezone", "Mars/Base"),
    ("timezone", "/etc/localtime"),
    ("timezone", "../../etc/passwd"),
    ("timezone", "America"),
    ("timezone", "Europe/Berlin\u202e"),
    ("timezone", "Europe/Berlin\x00"),
    ("timezone", "x" * 80),
    *[(key, bad) for key in CLOCK_KEYS for bad in ("25:00", "13pm", "noon", "", "7,00", "07:00:00")],
    ("bedtime_mode", "random"),
    ("bedtime_mode", ""),
    ("melatonin_lead_min", "-1"),
    ("melatonin_lead_min", "241"),
    ("melatonin_lead_min", "1.5"),
    ("melatonin_lead_min", "nan"),
    ("melatonin_lead_min", ""),
    ("checkin_times", "9:00,14:00,9:00"),
    ("checkin_times", "09:00,9:00"),
    ("checkin_times", "9:00,25:00"),
    ("checkin_times", "9:00;14:00"),
    ("checkin_times", ",".join(f"{h}:00" for h in range(8, 21))),  # 13 times
    ("followups_min", "60,60"),
    ("followups_min", "60,60.0"),
    ("followups_min", "4"),
    ("followups_min", "721"),
    ("followups_min", "60,abc"),
    ("followups_min", "60.5"),
    ("followups_min", "5,10,15,20,25,30,35"),
    ("dose_timing", "smart"),
    ("dose_times", "8:00,8:00"),
    ("dose_times", "8,25"),
    ("pain_threshold", "11"),
    ("pain_threshold", "-0.5"),
    ("pain_threshold", "nan"),
    ("pain_threshold", "inf"),
    ("pain_threshold", ""),
    ("pattern_window_days", "6"),
    ("pattern_window_days", "366"),
    ("no_dose_before_bed_h", "12.5"),
    ("no_dose_before_bed_h", "-1"),
    ("discreet", "maybe"),
    ("discreet", ""),
    ("discreet", "y"),
    ("reminder_window_only", "window"),
]


@pytest.mark.parametrize(("key", "value"), BAD)
def test_bad_values_are_refused_naming_the_key(key: str, value: str) -> None:
    with pytest.raises(ValidationError) as caught:
        normalise_setting(key, value)
    assert caught.value.field == key


@pytest.mark.parametrize(
    "key", ["nope", "", "Timezone", "bedtime ", "wake-time", "'); DROP TABLE settings;--"]
)
def test_unknown_keys_are_refused_with_field_key(key: str) -> None:
    with pytest.raises(ValidationError) as caught:
        normalise_setting(key, "1")
    assert caught.value.field == "key"


@pytest.mark.parametrize("key", sorted(SPECS))
@pytest.mark.parametrize("value", ["x" * 501, None, 5, ["09:00"]])
def test_values_must_be_text_of_at_most_500_characters(key: str, value: object) -> None:
    with pytest.raises(ValidationError) as caught:
        normalise_setting(key, value)  # type: ignore[arg-type]
    assert caught.value.field == key


def test_effective_settings_overlay_stored_values_on_the_defaults() -> None:
    effective = effective_settings({"bedtime": "22:30", "discreet": "true", "retired_key": "x"})
    assert effective["bedtime"] == "22:30"
    assert effective["discreet"] == "true"
    assert "retired_key" not in effective
    assert set(effective) == set(SPECS)
    assert all(effective[k] == SPECS[k].default for k in SPECS if k not in ("bedtime", "discreet"))


# ---- properties ----------------------------------------------------------------------

CLOCK_TEXT = st.builds(
    lambda h, m, pad, space: f"{space}{h:02d}:{m:02d}{space}" if pad else f"{space}{h}:{m:02d}{space}",
    st.integers(0, 26),
    st.integers(0, 61),
    st.booleans(),
    st.sampled_from(["", " "]),
)
NUMBER_TEXT = st.one_of(
    st.integers(-20, 800).map(str),
    st.floats(-1, 800, allow_nan=False).map(repr),
    st.floats(-1, 13, allow_nan=False).map(lambda f: f"{f:.3f}"),
    st.sampled_from(["-0", "0.0", "1e1", "1e-7", "nan", "inf", " 5 ", "١٢"]),
)
VALUE_TEXT = st.one_of(
    st.text(max_size=30),
    CLOCK_TEXT,
    st.lists(CLOCK_TEXT, max_size=14).map(",".join),
    NUMBER_TEXT,
    st.lists(NUMBER_TEXT, max_size=8).map(",".join),
    st.sampled_from(
        ["yes", "No", "ON", "fixed", "Diary", "pattern", "Europe/Berlin", " UTC ", "Mars/Base", ".."]
    ),
)


@settings(deadline=None)
@given(key=st.sampled_from(sorted(SPECS)), value=VALUE_TEXT)
def test_any_text_normalises_or_is_refused_and_normalising_is_idempotent(key: str, value: str) -> None:
    try:
        stored = normalise_setting(key, value)
    except ValidationError as err:
        assert err.field == key
    else:
        assert isinstance(stored, str)
        assert stored == stored.strip()
        assert normalise_setting(key, stored) == stored


@given(key=st.text(max_size=30), value=st.text(max_size=10))
def test_any_key_text_is_a_setting_or_refused_with_field_key(key: str, value: str) -> None:
    try:
        normalise_setting(key, value)
    except ValidationError as err:
        assert err.field == (key if key in SPECS else "key")
    else:
        assert key in SPECS


@given(
    key=st.sampled_from(CLOCK_LIST_KEYS),
    times=st.sets(st.tuples(st.integers(0, 23), st.integers(0, 59)), max_size=12),
)
def test_clock_lists_are_stored_sorted_and_zero_padded(key: str, times: set[tuple[int, int]]) -> None:
    typed = ", ".join(f"{h}:{m:02d}" for h, m in times)
    stored = normalise_setting(key, typed)
    assert stored == ",".join(f"{h:02d}:{m:02d}" for h, m in sorted(times))


@given(minutes=st.lists(st.integers(5, 720), min_size=1, max_size=6))
def test_follow_ups_are_stored_sorted_and_a_repeat_is_refused(minutes: list[int]) -> None:
    typed = ",".join(map(str, minutes))
    if len(set(minutes)) < len(minutes):
        with pytest.raises(ValidationError) as caught:
            normalise_setting("followups_min", typed)
        assert caught.value.field == "followups_min"
    else:
        assert normalise_setting("followups_min", typed) == ",".join(map(str, sorted(minutes)))
