"""`ebb plan` prints the plan the running app schedules: both read the journal from the
one look-back (desktop/storage/planning.py). Once they read it four ways, and with a
7-day pattern window, diary bedtimes and diary nights 8-14 days back the command line
printed melatonin at 22:00 while the app scheduled 23:30."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine

from desktop.core.validation import validate_sleep
from desktop.storage.database import open_journal
from desktop.storage.journal import Journal
from tests.scheduling.conftest import fake_service

ZONE = ZoneInfo("Europe/Berlin")
TODAY = date(2026, 3, 16)
NOW = datetime(2026, 3, 16, 6, 0, tzinfo=ZONE)


def diary(night: date, lights_out: datetime) -> object:
    return validate_sleep(
        night,
        lights_out - timedelta(minutes=15),
        lights_out,
        20,
        1,
        10,
        lights_out + timedelta(hours=7),
        lights_out + timedelta(hours=7, minutes=15),
        3,
        NOW,
    )


@pytest.fixture
def app_plan(ebb, data_dir):
    """The settings of the old disagreement, and the app's stored plan for today and
    tomorrow after its re-plan at 06:00."""
    for key, value in (
        ("timezone", "Europe/Berlin"),
        ("pattern_window_days", "7"),
        ("bedtime_mode", "diary"),
        ("bedtime", "22:00"),
        ("melatonin_lead_min", "0"),
    ):
        assert ebb("settings", "set", key, value).code == 0, (key, ebb("settings", "set", key, value).err)
    assert ebb("substance", "add", "Melatonin", "--kind", "melatonin", "--unit", "mg").code == 0
    journal = Journal(open_journal(data_dir / "journal.db"))
    for days_back in range(8, 15):  # nights 8 to 14 days ago, lights out at 23:30
        night = TODAY - timedelta(days=days_back)
        lights_out = datetime(night.year, night.month, night.day, 23, 30, tzinfo=ZONE)
        journal.add_entry(diary(night, lights_out), zone="Europe/Berlin")
    with time_machine.travel(NOW, tick=False):
        service, scheduler, _host = fake_service(journal, lambda: ZONE)
        service.replan()
        stored = {(o.kind, o.due.astimezone(ZONE)) for o in service.reminders.pending()}
        scheduler.shutdown()
    journal.db.conn.close()
    return stored


@pytest.mark.parametrize("day", [TODAY, TODAY + timedelta(days=1)])
def test_the_command_line_prints_the_plan_the_app_schedules(ebb, app_plan, day: date) -> None:
    with time_machine.travel(NOW, tick=False):
        printed = json.loads(ebb("plan", "--date", day.isoformat(), "--json").out)
    cli = {(row["kind"], datetime.fromisoformat(row["due"]).astimezone(ZONE)) for row in printed}
    app = {(kind, due) for kind, due in app_plan if due.date() == day}
    assert cli == app
    (melatonin,) = [due for kind, due in cli if kind == "melatonin"]
    assert f"{melatonin:%H:%M}" == "23:30"  # the diary's bedtime, not the fixed 22:00
