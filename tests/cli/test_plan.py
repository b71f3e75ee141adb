"""`ebb plan` and `ebb pattern` (DESIGN.md section 7 JSON contracts)."""

from __future__ import annotations

import json
import random
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from desktop.core.validation import validate_dose, validate_pain
from desktop.storage.database import open_journal
from desktop.storage.repository import Journal

ZONE = ZoneInfo("Europe/Berlin")
PLAN_DAY = date(2026, 3, 2)
NOW = datetime(2026, 3, 2, 6, 0, tzinfo=ZONE)


def _morning_rise(minute: int) -> float:
    return 7.0 if 10 * 60 <= minute < 13 * 60 else 2.5


@pytest.fixture
def patterned(seeded, data_dir):
    """Four weeks of check-ins with a morning rise (10:00-13:00) and no doses."""
    assert seeded("settings", "set", "dose_timing", "pattern").code == 0
    assert seeded("settings", "set", "dose_times", "08:00").code == 0
    journal = Journal(open_journal(data_dir / "journal.db"))
    for entry in journal.entries():
        journal.delete_entry(entry["id"])  # start from check-ins only
    rng = random.Random(7)
    for offset in range(1, 29):
        day = PLAN_DAY - timedelta(days=offset)
        for minute in (8 * 60, 10 * 60 + 30, 12 * 60, 15 * 60, 19 * 60, 21 * 60 + 30):
            at = datetime(day.year, day.month, day.day, minute // 60, minute % 60, tzinfo=ZONE)
            score = round(_morning_rise(minute) + rng.uniform(-0.5, 0.5))
            journal.add_entry(validate_pain(score, at, NOW), zone="Europe/Berlin")
    journal.db.conn.close()
    return seeded


def test_plan_json_contract(seeded) -> None:
    assert seeded("settings", "set", "dose_times", "09:30,15:00").code == 0
    rows = json.loads(seeded("plan", "--date", "2026-03-02", "--json").out)
    assert [r["kind"] for r in rows] == [
        "sleep_diary",
        "checkin",
        "dose",
        "checkin",
        "dose",
        "checkin",
        "melatonin",
    ]
    for row in rows:
        assert {"kind", "due", "substance", "status", "reason"} <= set(row)
        assert datetime.fromisoformat(row["due"]).utcoffset() == timedelta(hours=1)
        assert row["status"] == "planned"
    dues = [datetime.fromisoformat(r["due"]) for r in rows]
    assert dues == sorted(dues)
    melatonin = rows[-1]
    assert melatonin["substance"] == "Melatonin" and melatonin["due"] == "2026-03-02T22:00:00+01:00"
    assert "before your bedtime 23:00" in melatonin["reason"]


def test_pattern_json_says_not_enough_data_with_what_is_missing(seeded) -> None:
    result = json.loads(seeded("pattern", "--date", "2026-03-02", "--json").out)
    assert result["enough_data"] is False
    assert len(result["slots"]) == 48
    assert result["slots"][0] == {"start": "00:00", "pain": None, "support": 0.0, "treated": False}
    assert "need 19 more check-ins" in result["reason"]


def test_pattern_and_plan_from_a_patterned_journal(patterned) -> None:
    pattern = json.loads(patterned("pattern", "--date", "2026-03-02", "--json").out)
    assert pattern["enough_data"] is True
    by_start = {s["start"]: s["pain"] for s in pattern["slots"]}
    assert by_start["11:00"] > 6 and by_start["16:00"] < 4
    rows = json.loads(patterned("plan", "--date", "2026-03-02", "--json").out)
    doses = [r for r in rows if r["kind"] == "dose"]
    assert len(doses) == 1
    due = datetime.fromisoformat(doses[0]["due"])
    # Kratom here has no onset/duration set: 30 min onset and 4 h duration are assumed
    # for timing, so the dose's cover [due + 30 min, due + 4.5 h) must hold 10:00-13:00.
    assert datetime(2026, 3, 2, 8, 30, tzinfo=ZONE) <= due <= datetime(2026, 3, 2, 9, 30, tzinfo=ZONE)
    assert doses[0]["reason"].startswith(f"{due:%H:%M} — before your usual rise ")
    # A Monday, with enough weekday and weekend data: the weekday profile is used.
    assert "check-ins over 20 weekdays)" in doses[0]["reason"]
    text = patterned("plan", "--date", "2026-03-02").out
    assert "before your usual rise" in text


def test_too_little_data_falls_back_to_fixed_times_and_says_why(seeded) -> None:
    assert seeded("settings", "set", "dose_timing", "pattern").code == 0
    assert seeded("settings", "set", "dose_times", "08:00").code == 0
    rows = json.loads(seeded("plan", "--date", "2026-03-02", "--json").out)
    dose = next(r for r in rows if r["kind"] == "dose")
    assert dose["due"] == "2026-03-02T08:00:00+01:00"
    assert "not enough data for a pain pattern yet" in dose["reason"]


def test_a_logged_relief_dose_gets_follow_ups(seeded, data_dir) -> None:
    journal = Journal(open_journal(data_dir / "journal.db"))
    kratom = journal.substance("Kratom").substance
    journal.add_entry(
        validate_dose(kratom, 2, datetime(2026, 3, 2, 12, 0, tzinfo=ZONE), NOW + timedelta(hours=6)),
        zone="Europe/Berlin",
    )
    journal.db.conn.close()
    rows = json.loads(seeded("plan", "--date", "2026-03-02", "--json").out)
    followups = [r["due"] for r in rows if r["kind"] == "followup"]
    assert followups == ["2026-03-02T13:00:00+01:00", "2026-03-02T14:00:00+01:00"]
