"""The reminders' rows (desktop.storage.reminders): a plan synced idempotently, state
changes, the stored JSON text, and the edges callers rely on (an unknown key, unpausing
when not paused)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlite_utils import Database

from desktop.core.planning.occurrence import Occurrence, ReminderKind
from desktop.core.reasons import Reason
from desktop.storage.reminders import Reminders, SyncResult

BERLIN = ZoneInfo("Europe/Berlin")
NOW = datetime(2026, 3, 10, 6, 0, tzinfo=UTC)


def dump(db: Database) -> str:
    return "\n".join(db.conn.iterdump())


def checkin(key: str, hour: int, **data: object) -> Occurrence:
    due = datetime(2026, 3, 10, hour, tzinfo=BERLIN)
    return Occurrence(key, ReminderKind.CHECKIN, due, due + timedelta(hours=2), None, Reason("checkin", data))


@pytest.fixture
def reminders(db: Database) -> Reminders:
    return Reminders(db, clock=lambda: NOW)


def test_a_plan_syncs_once_and_a_changed_plan_updates_only_what_changed(reminders: Reminders) -> None:
    plan = [checkin("a", 9), checkin("b", 12), checkin("c", 15)]
    assert reminders.sync_plan(["2026-03-10"], plan) == SyncResult(3, 0, 0)
    assert reminders.sync_plan(["2026-03-10"], plan) == SyncResult(0, 0, 0)

    reminders.set_state("a", "taken", acted=True)
    changed = [checkin("a", 10), checkin("b", 13), checkin("d", 18)]
    assert reminders.sync_plan(["2026-03-10"], changed) == SyncResult(1, 1, 1)

    assert [(o.key, o.state, o.due.hour) for o in reminders.on_dates(["2026-03-10"])] == [
        ("a", "taken", 9),  # acted on: never rewritten
        ("b", "planned", 13),
        ("d", "planned", 18),
    ]


def test_reason_and_state_data_are_stored_as_sorted_json_text(reminders: Reminders) -> None:
    reminders.sync_plan(["2026-03-10"], [checkin("a", 9, zeta=1, alpha="ä")])
    reminders.set_state("a", "due", code="limit", data={"reasons": ["x"], "at": "é"}, delivered=True)
    reminders.set_state("a", "due", code="limit", delivered=True)

    row = reminders.db.execute(
        "SELECT reason_data, state_data, deliveries FROM occurrences WHERE key = 'a'"
    ).fetchone()
    assert row == ('{"alpha": "\\u00e4", "zeta": 1}', None, 2)
    stored = reminders.get("a")
    assert stored is not None
    assert (stored.reason_data, stored.deliveries) == ({"alpha": "ä", "zeta": 1}, 2)


def test_a_state_change_for_an_unknown_key_changes_nothing(reminders: Reminders) -> None:
    reminders.sync_plan(["2026-03-10"], [checkin("a", 9)])
    before = dump(reminders.db)

    reminders.set_state("gone", "taken", acted=True)

    assert dump(reminders.db) == before
    assert reminders.get("gone") is None


def test_pause_resume_and_app_values(reminders: Reminders) -> None:
    assert reminders.paused_until() is None
    reminders.set_paused_until(None)  # not paused: nothing to do

    until = datetime(2026, 3, 11, 8, 0, tzinfo=UTC)
    reminders.set_paused_until(until)
    reminders.set_paused_until(until + timedelta(hours=1))
    assert reminders.paused_until() == until + timedelta(hours=1)
    reminders.set_paused_until(None)
    assert reminders.paused_until() is None

    assert reminders.app_value("setup_done") is None
    reminders.set_app_value("setup_done", "yes")
    reminders.set_app_value("setup_done", "again")
    assert reminders.app_value("setup_done") == "again"
    assert reminders.db.execute("SELECT key, value FROM app_state").fetchall() == [("setup_done", "again")]
