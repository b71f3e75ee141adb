"""`ebb plan` and `ebb pattern` (DESIGN.md section 7 JSON contracts)."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from desktop.core.validation import validate_dose, validate_pain
from desktop.storage.database import open_journal
from desktop.storage.journal import Journal
from tests.argv import sleep_argv
from tests.core.pain_truth import gamma_relief, rises, truth_journal

ZONE = ZoneInfo("Europe/Berlin")
PLAN_DAY = date(2026, 3, 2)
NOW = datetime(2026, 3, 2, 6, 0, tzinfo=ZONE)


@pytest.fixture
def patterned(seeded, data_dir):
    """Four weeks of check-ins and doses from a known truth: a morning rise to about 6/10
    at 11:00 (2.5 otherwise) and doses, at varied times most mornings, that lower pain
    by up to 3 points about 2 h later (tests/core/pain_truth.py)."""
    assert seeded("settings", "set", "dose_timing", "pattern").code == 0
    assert seeded("settings", "set", "dose_times", "08:00").code == 0
    journal = Journal(open_journal(data_dir / "journal.db"))
    for entry in journal.entries():
        journal.delete_entry(entry["id"])  # start from the truth only
    kratom = journal.substance("Kratom").substance
    truth = truth_journal(
        rises((11 * 60, 80, 3.5), floor=2.5), gamma_relief(3.0, 120), plan_day=PLAN_DAY, days=28, zone=ZONE
    )
    for reading in truth.readings:
        journal.add_entry(validate_pain(reading.score, reading.at, NOW), zone="Europe/Berlin")
    for dose in truth.doses:
        entry = validate_dose(kratom, 2, dose.at, NOW, pain_before=dose.pain_before)
        journal.add_entry(entry, zone="Europe/Berlin")
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


def test_plan_says_a_morning_diary_is_done_once_its_night_is_logged(seeded) -> None:
    def diary_status() -> str:
        rows = json.loads(seeded("plan", "--date", "2026-03-02", "--json").out)
        (diary,) = [r for r in rows if r["kind"] == "sleep_diary"]
        return diary["status"]

    assert diary_status() == "planned"
    assert seeded(*sleep_argv()).code == 0  # the night of 1 March, asked about on the 2nd
    assert diary_status() == "done"


def test_pattern_json_says_not_enough_data_with_what_is_missing(seeded) -> None:
    result = json.loads(seeded("pattern", "--date", "2026-03-02", "--json").out)
    assert result["enough_data"] is False
    assert len(result["slots"]) == len(result["baseline"]) == 48
    assert result["slots"][0] == {"start": "00:00", "pain": None, "support": 0.0}
    assert "need 19 more check-ins" in result["reason"]
    (relief,) = result["relief"]
    assert relief["substance"] == "Kratom" and relief["enough_data"] is False
    assert relief["reason"] == "not enough data yet: need 9 more doses"  # the one seeded dose
    assert [c["after_min"] for c in relief["curve"]] == list(range(0, 481, 30))
    assert {relief[k] for k in ("onset_min", "peak_min", "peak_change", "duration_min")} == {None}


def test_pattern_and_plan_from_a_patterned_journal(patterned) -> None:
    pattern = json.loads(patterned("pattern", "--date", "2026-03-02", "--json").out)
    assert pattern["enough_data"] is True
    baseline = {p["start"]: p for p in pattern["baseline"]}
    assert set(baseline["11:00"]) == {"start", "pain", "low", "high"}
    assert baseline["11:00"]["pain"] > 5 and baseline["16:00"]["pain"] < 3.5
    assert baseline["11:00"]["low"] <= baseline["11:00"]["pain"] <= baseline["11:00"]["high"]
    (relief,) = pattern["relief"]
    assert relief["enough_data"] is True and relief["reason_code"] == "learned"
    assert relief["n_doses"] > 10 and relief["n_readings"] > 20
    assert 15 <= relief["onset_min"] <= 60 and 60 <= relief["peak_min"] <= 180
    assert -3.6 <= relief["peak_change"] <= -2.3 and 200 <= relief["duration_min"] <= 360
    assert {"after_min", "change", "low", "high"} == set(relief["curve"][4])
    text = patterned("pattern", "--date", "2026-03-02").out
    assert "Your doses of Kratom usually help from about" in text
    assert "observational, not proof" in text

    rows = json.loads(patterned("plan", "--date", "2026-03-02", "--json").out)
    doses = [r for r in rows if r["kind"] == "dose"]
    assert len(doses) == 1  # the person took about one dose a day
    due = datetime.fromisoformat(doses[0]["due"])
    assert datetime(2026, 3, 2, 8, 0, tzinfo=ZONE) <= due <= datetime(2026, 3, 2, 10, 0, tzinfo=ZONE)
    assert doses[0]["reason"].startswith(f"{due:%H:%M} — before your pain usually rises (")
    assert "your doses usually help after about" in doses[0]["reason"]
    text = patterned("plan", "--date", "2026-03-02").out
    assert "Dose reminders — Kratom: 1 reminder timed to your pain pattern" in text


def test_too_little_data_falls_back_to_fixed_times_and_says_why(seeded) -> None:
    assert seeded("settings", "set", "dose_timing", "pattern").code == 0
    assert seeded("settings", "set", "dose_times", "08:00").code == 0
    rows = json.loads(seeded("plan", "--date", "2026-03-02", "--json").out)
    dose = next(r for r in rows if r["kind"] == "dose")
    assert dose["due"] == "2026-03-02T08:00:00+01:00"
    assert "not enough data for a pain pattern yet" in dose["reason"]
    text = seeded("plan", "--date", "2026-03-02").out
    assert "Dose reminders — Kratom: no pattern timing yet — it needs 19 more check-ins" in text
    assert "until then your own dose times are used (08:00)" in text


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
