"""The tray's status from the stored reminders: the next one, its substance only outside
discreet mode, the pause, and how many wait."""

from __future__ import annotations

from datetime import timedelta

import pytest

from desktop.services.tray import NextReminder, tray_status
from tests.scheduling.conftest import START, at


@pytest.mark.parametrize(("discreet", "substance"), [(False, "Kratom"), (True, None)])
def test_the_next_reminder_names_its_substance_only_outside_discreet_mode(rig, discreet, substance) -> None:
    first = tray_status(rig.reminders, START, START.tzinfo, discreet=discreet)
    assert first.next_reminder == NextReminder(at(2, 7), "sleep_diary", None)
    assert first.paused_until is None and first.due == 0 and not first.starting
    after_the_checkin = at(2, 9, 1)
    status = tray_status(rig.reminders, after_the_checkin, START.tzinfo, discreet=discreet)
    assert status.next_reminder == NextReminder(at(2, 9, 30), "dose", substance)
    evening = tray_status(rig.reminders, at(2, 20, 1), START.tzinfo, discreet=discreet)
    assert evening.next_reminder == NextReminder(at(2, 22), "melatonin", substance and "Melatonin")


def test_a_pause_and_the_waiting_reminders_show(rig) -> None:
    rig.service.pause(START + timedelta(hours=2))
    key = rig.reminders.pending()[0].key
    rig.reminders.set_state(key, "due")
    status = tray_status(rig.reminders, START, START.tzinfo, discreet=False)
    assert status.paused_until == START + timedelta(hours=2)
    assert status.due == 1
    later = tray_status(rig.reminders, START + timedelta(hours=3), START.tzinfo, discreet=False)
    assert later.paused_until is None  # a pause that has ended is no pause
