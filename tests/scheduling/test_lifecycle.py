"""The reminder lifecycle with a fake timer host and a fake clock (time-machine)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from apscheduler.triggers.interval import IntervalTrigger

from desktop.core.errors import ValidationError
from desktop.core.validation import validate_dose
from tests.scheduling.conftest import at


def test_replanning_twice_changes_nothing(rig) -> None:
    assert not rig.service.replan().changed


def test_a_day_awake_delivers_each_reminder_once_at_its_time(rig) -> None:
    rig.move_to(at(3, 1))
    delivered = [d for d in rig.notifier.delivered if d.due.date().isoformat() == "2026-03-02"]
    assert [d.kind for d in delivered] == [
        "sleep_diary",
        "checkin",
        "dose",
        "checkin",
        "dose",
        "checkin",
        "melatonin",
    ]
    assert len({d.key for d in delivered}) == len(delivered)
    assert all(d.repeat == 0 for d in delivered)


def test_the_scheduler_arms_one_timer_for_the_next_occurrence(rig) -> None:
    first = rig.reminders.pending()[0]
    assert rig.host.deadline == first.fire_at


def test_sleep_past_a_window_records_missed_once_and_never_delivers(rig) -> None:
    rig.sleep_until(at(2, 12, 0))  # the 07:00 diary is still valid until 12:00, check-in 09:00-11:00 is not
    rig.host.run_due()
    rig.service.on_clock_change("resume")
    rig.host.run_due()
    delivered = rig.notifier.delivered_keys()
    assert "checkin:2026-03-02@09:00" not in delivered
    missed_keys = [m.key for summary in rig.notifier.summaries for m in summary]
    assert missed_keys.count("checkin:2026-03-02@09:00") == 1
    # The dose due at 09:30 has a window until 11:30: missed, and never delivered late.
    assert not any(d.kind == "dose" for d in rig.notifier.delivered)
    # Repeated wake-ups add nothing.
    before = (list(rig.notifier.delivered), list(rig.notifier.summaries))
    rig.service.on_clock_change("resume")
    rig.host.run_due()
    assert (rig.notifier.delivered, rig.notifier.summaries) == before


def test_a_reminder_still_in_its_window_after_sleep_is_delivered_once_with_its_original_time(rig) -> None:
    rig.sleep_until(at(2, 10, 15))  # check-in 09:00 valid until 11:00; dose 09:30 until 11:30
    rig.host.run_due()
    rig.service.on_clock_change("resume")
    rig.host.run_due()
    checkins = [d for d in rig.notifier.delivered if d.key == "checkin:2026-03-02@09:00"]
    assert len(checkins) == 1
    assert checkins[0].due == at(2, 9, 0)


def test_snooze_cannot_pass_the_window(rig) -> None:
    rig.move_to(at(2, 9, 1))
    key = "checkin:2026-03-02@09:00"
    until = rig.service.snooze(key, 60)
    assert until == at(2, 10, 1)
    rig.move_to(at(2, 10, 50))
    until = rig.service.snooze(key, 60)
    assert until == at(2, 10, 59)  # one minute before the window closes at 11:00
    rig.move_to(at(2, 10, 59))
    with pytest.raises(ValidationError):
        rig.service.snooze(key, 10)


def test_a_dose_reminder_is_suppressed_when_a_dose_was_just_taken(rig) -> None:
    kratom = rig.journal.substance("Kratom").substance
    rig.move_to(at(2, 8, 0))
    rig.journal.add_entry(validate_dose(kratom, 2, at(2, 8, 0), at(2, 8, 0)), zone="Europe/Berlin")
    rig.move_to(at(2, 12, 0))
    dose_keys = [d.key for d in rig.notifier.delivered if d.kind == "dose"]
    assert dose_keys == []
    dose = next(o for o in rig.reminders.on_dates(["2026-03-02"]) if o.kind == "dose")
    # 09:30 is 1.5 h after the 08:00 dose; the minimum interval (4 h) ends at 12:00,
    # after the reminder's window (11:30): suppressed, with the reason recorded.
    assert dose.state == "suppressed" and dose.state_code == "limit"
    assert dose.state_data == {"reasons": ["min_interval"]}


def test_a_dose_reminder_moves_later_inside_its_window_for_the_minimum_interval(rig) -> None:
    kratom = rig.journal.substance("Kratom").substance
    rig.move_to(at(2, 6, 0))
    rig.journal.add_entry(validate_dose(kratom, 2, at(2, 6, 0), at(2, 6, 0)), zone="Europe/Berlin")
    rig.move_to(at(2, 11, 0))
    doses = [d for d in rig.notifier.delivered if d.kind == "dose"]
    assert len(doses) == 1
    assert doses[0].due == at(2, 9, 30)  # shows its original time
    stored = rig.reminders.get(doses[0].key)
    assert stored.state == "due" and stored.state_code == "moved_by_limit"


def test_taken_and_skipped_are_final(rig) -> None:
    rig.move_to(at(2, 9, 31))
    dose = next(d for d in rig.notifier.delivered if d.kind == "dose")
    rig.service.taken(dose.key)
    assert rig.reminders.get(dose.key).state == "taken"
    rig.service.skipped("checkin:2026-03-02@09:00")
    rig.journal.set_setting("dose_times", "10:00,15:00")  # a changed plan...
    rig.service.replan()
    assert rig.reminders.get(dose.key).state == "taken"  # ...never rewrites what was acted on
    assert rig.reminders.get(dose.key).due == at(2, 9, 30)
    assert rig.reminders.get("checkin:2026-03-02@09:00").state == "skipped"


def test_clock_set_back_one_hour_does_not_deliver_twice(rig) -> None:
    rig.move_to(at(2, 9, 5))
    assert rig.notifier.delivered_keys().count("checkin:2026-03-02@09:00") == 1
    rig.traveller.move_to(at(2, 8, 5))
    rig.service.on_clock_change("jump_back")
    rig.move_to(at(2, 9, 10))
    assert rig.notifier.delivered_keys().count("checkin:2026-03-02@09:00") == 1


def test_clock_set_forward_three_hours(rig) -> None:
    rig.move_to(at(2, 8, 0))
    rig.sleep_until(at(2, 11, 0))
    rig.service.on_clock_change("jump_forward")
    rig.host.run_due()
    keys = rig.notifier.delivered_keys()
    assert "checkin:2026-03-02@09:00" not in keys  # its window ended at 11:00
    doses = [d for d in rig.notifier.delivered if d.kind == "dose"]
    assert len(doses) == 1 and doses[0].due == at(2, 9, 30)  # 09:30, valid until 11:30
    assert rig.notifier.summaries and rig.notifier.summaries[-1][0].key == "checkin:2026-03-02@09:00"


def test_travel_replans_in_the_new_zone(rig) -> None:
    rig.move_to(at(2, 7, 30))
    rig.zone_box[0] = __import__("zoneinfo").ZoneInfo("America/New_York")
    rig.service.on_clock_change("zone_change")
    rig.host.run_due()
    checkin = rig.reminders.get("checkin:2026-03-02@14:00")  # 14:00, now New York time
    assert checkin.due == at(2, 14, 0, "America/New_York")
    # Already delivered ones are not moved.
    assert rig.reminders.get("sleep_diary:2026-03-02").state == "due"


def test_a_dose_reminder_is_never_delivered_after_its_window(rig) -> None:
    rig.sleep_until(at(2, 11, 45))
    rig.host.run_due()
    assert not [d for d in rig.notifier.delivered if d.kind == "dose" and d.due == at(2, 9, 30)]


def test_repeat_until_acknowledged(rig) -> None:
    rig.journal.set_setting("repeat_every_min", "10")
    rig.journal.set_setting("repeat_max", "2")
    rig.move_to(at(2, 9, 0))
    rig.move_to(at(2, 9, 45))
    repeats = [d.repeat for d in rig.notifier.delivered if d.key == "checkin:2026-03-02@09:00"]
    assert repeats == [0, 1, 2]


def test_pause_suppresses_reminders_until_resumed(rig) -> None:
    rig.service.pause(at(2, 10, 0))
    rig.move_to(at(2, 9, 45))
    assert "checkin:2026-03-02@09:00" not in rig.notifier.delivered_keys()
    assert rig.reminders.get("checkin:2026-03-02@09:00").state == "suppressed"
    rig.service.resume()
    rig.move_to(at(2, 14, 1))
    assert "checkin:2026-03-02@14:00" in rig.notifier.delivered_keys()


def test_watchdog_interval_is_not_faster_than_a_minute(rig) -> None:
    rig.service.add_watchdog(lambda: None)
    job = rig.service.scheduler.job("ebb:watchdog")
    assert job is not None and isinstance(job.trigger, IntervalTrigger)
    assert job.trigger.interval >= timedelta(seconds=60)


def test_a_moved_time_is_a_new_reminder_and_the_unchanged_ones_stay(rig) -> None:
    kratom = rig.journal.substance("Kratom").uid
    kept = rig.reminders.get(f"dose:{kratom}:2026-03-02@15:00")
    rig.journal.set_setting("dose_times", "10:00,15:00")
    result = rig.service.replan()
    # 09:30 (today and tomorrow) went, 10:00 came; 15:00 was not touched.
    assert (result.inserted, result.updated, result.deleted) == (2, 0, 2)
    assert rig.reminders.get(f"dose:{kratom}:2026-03-02@09:30") is None
    assert rig.reminders.get(f"dose:{kratom}:2026-03-02@10:00").due == at(2, 10, 0)
    assert rig.reminders.get(f"dose:{kratom}:2026-03-02@15:00") == kept


def test_a_reached_daily_cap_suppresses_a_reminder_even_without_a_usual_amount(rig) -> None:
    from desktop.core.validation import validate_substance

    rig.journal.db.execute("UPDATE substances SET usual_amount = NULL WHERE name = 'Kratom'")
    kratom = validate_substance("Kratom", "kratom", "g", min_interval_h=4, max_per_day=3, daily_cap=8)
    rig.move_to(at(2, 0, 30))
    # 8 g (the whole cap) taken just after midnight, 9 h before the 09:30 reminder.
    rig.journal.add_entry(validate_dose(kratom, 8, at(2, 0, 30), at(2, 0, 30)), zone="Europe/Berlin")
    rig.move_to(at(2, 12, 0))
    dose = rig.reminders.get(next(o.key for o in rig.reminders.on_dates(["2026-03-02"]) if o.kind == "dose"))
    assert dose.state == "suppressed" and dose.state_data == {"reasons": ["max_amount_24h"]}


def test_discreet_mode_shows_no_substance_name_or_only_the_users_alias(rig) -> None:
    from desktop.core.validation import validate_substance

    rig.journal.set_setting("discreet", "true")
    rig.journal.update_substance(
        "Melatonin", validate_substance("Melatonin", "melatonin", "mg", usual_amount=1, alias="Evening tea")
    )
    rig.move_to(at(2, 22, 5))
    shown = {d.kind: d.substance for d in rig.notifier.delivered if d.kind in ("dose", "melatonin")}
    assert shown == {"dose": None, "melatonin": "Evening tea"}


def test_a_job_made_for_an_old_time_of_a_moved_reminder_does_nothing(rig) -> None:
    # A reminder moved (by a limit, a re-plan) in the same scheduler run that still
    # holds its old job: that job must not deliver it at the old time.
    first = min(rig.reminders.pending(), key=lambda o: o.fire_at)
    rig.sleep_until(first.fire_at)
    rig.service.fire(first.key, first.fire_at - timedelta(minutes=30))
    assert rig.notifier.delivered_keys() == []
    rig.service.fire(first.key, first.fire_at)
    assert rig.notifier.delivered_keys() == [first.key]


# ---- a reminder is its rule, day and planned time (issue 15, item 1) ---------------


def test_a_new_dose_time_does_not_inherit_a_suppressed_reminder(rig) -> None:
    kratom = rig.journal.substance("Kratom")
    rig.move_to(at(2, 8, 0))
    rig.journal.add_entry(validate_dose(kratom.substance, 2, at(2, 8, 0), at(2, 8, 0)), zone="Europe/Berlin")
    rig.move_to(at(2, 12, 0))  # 09:30 fell inside the 4 h minimum interval: suppressed
    assert rig.reminders.get(f"dose:{kratom.uid}:2026-03-02@09:30").state == "suppressed"
    rig.journal.set_setting("dose_times", "12:30,15:00")
    rig.service.replan()
    rig.move_to(at(2, 12, 31))
    assert rig.reminders.get(f"dose:{kratom.uid}:2026-03-02@12:30").state == "due"
    assert f"dose:{kratom.uid}:2026-03-02@12:30" in rig.notifier.delivered_keys()


def test_a_moved_check_in_is_asked_although_the_old_one_was_answered(rig) -> None:
    rig.move_to(at(2, 9, 1))
    rig.service.taken("checkin:2026-03-02@09:00")
    rig.journal.set_setting("checkin_times", "09:30,14:00,20:00")
    rig.service.replan()
    rig.move_to(at(2, 9, 31))
    assert rig.reminders.get("checkin:2026-03-02@09:30").state == "due"
    assert rig.reminders.get("checkin:2026-03-02@09:00").state == "taken"  # its history stays


def test_a_dose_already_taken_is_not_asked_again_at_its_new_time(rig) -> None:
    kratom = rig.journal.substance("Kratom").uid
    rig.move_to(at(2, 9, 31))
    rig.service.taken(f"dose:{kratom}:2026-03-02@09:30")
    rig.journal.set_setting("dose_times", "10:00,15:00")
    rig.service.replan()
    # The 09:30 dose stands for the nearest new time, 10:00: no second dose that morning.
    assert rig.reminders.get(f"dose:{kratom}:2026-03-02@10:00") is None
    assert rig.reminders.get(f"dose:{kratom}:2026-03-03@10:00").state == "planned"  # tomorrow
    rig.move_to(at(2, 15, 1))
    doses = [k for k in rig.notifier.delivered_keys() if k.startswith("dose")]
    assert doses == [f"dose:{kratom}:2026-03-02@09:30", f"dose:{kratom}:2026-03-02@15:00"]


# ---- a logged night closes its morning diary (issue 15, item 3) --------------------


def _log_night_of_1_march(rig) -> None:
    from desktop.core.validation import validate_sleep

    night = validate_sleep(
        at(1, 0).date(),
        at(1, 22, 30),
        at(1, 23, 0),
        20,
        1,
        15,
        at(2, 6, 0),
        at(2, 6, 15),
        4,
        at(2, 6, 20),
    )
    rig.journal.add_entry(night, zone="Europe/Berlin")


def test_a_night_logged_before_the_diary_is_due_closes_it(rig) -> None:
    rig.move_to(at(2, 6, 20))
    _log_night_of_1_march(rig)
    rig.service.replan()  # what the app does after any change
    rig.move_to(at(2, 8, 0))
    assert "sleep_diary:2026-03-02" not in rig.notifier.delivered_keys()
    diary = rig.reminders.get("sleep_diary:2026-03-02")
    assert (diary.state, diary.state_code) == ("taken", "logged")


def test_a_night_logged_while_the_diary_nags_closes_and_withdraws_it(rig) -> None:
    rig.move_to(at(2, 7, 1))
    assert rig.reminders.get("sleep_diary:2026-03-02").state == "due"
    rig.move_to(at(2, 7, 5))
    _log_night_of_1_march(rig)  # e.g. `ebb log sleep` in a terminal
    rig.service.replan()
    assert rig.reminders.get("sleep_diary:2026-03-02").state == "taken"
    assert "sleep_diary:2026-03-02" in rig.notifier.withdrawn
    rig.move_to(at(2, 11, 0))
    assert rig.notifier.delivered_keys().count("sleep_diary:2026-03-02") == 1  # no more repeats


def test_a_night_logged_without_a_re_plan_is_not_asked_for_when_the_diary_comes(rig) -> None:
    _log_night_of_1_march(rig)  # no replan: the check happens when the reminder fires
    rig.move_to(at(2, 7, 1))
    assert "sleep_diary:2026-03-02" not in rig.notifier.delivered_keys()
    assert rig.reminders.get("sleep_diary:2026-03-02").state_code == "logged"


def test_an_unanswered_reminder_is_withdrawn_when_its_window_ends(rig) -> None:
    rig.move_to(at(2, 9, 1))
    key = "checkin:2026-03-02@09:00"
    assert key in rig.notifier.delivered_keys() and key not in rig.notifier.withdrawn
    rig.move_to(at(2, 11, 1))  # its window ended at 11:00
    assert key in rig.notifier.withdrawn
    assert rig.reminders.get(key).state == "due"  # still listed as unanswered today


def test_an_answered_or_snoozed_reminder_is_withdrawn_at_once(rig) -> None:
    rig.move_to(at(2, 9, 1))
    rig.service.snooze("checkin:2026-03-02@09:00", 10)
    assert rig.notifier.withdrawn == ["checkin:2026-03-02@09:00"]
    rig.move_to(at(2, 9, 12))
    rig.service.skipped("checkin:2026-03-02@09:00")
    assert rig.notifier.withdrawn == ["checkin:2026-03-02@09:00"] * 2


# ---- an entry answers a reminder however it was logged (issue 15, item 4) ----------


def test_a_dose_logged_from_the_tray_answers_the_reminder_on_screen(rig) -> None:
    kratom = rig.journal.substance("Kratom")
    key = f"dose:{kratom.uid}:2026-03-02@09:30"
    rig.move_to(at(2, 9, 31))
    assert rig.reminders.get(key).state == "due"
    rig.move_to(at(2, 9, 35))  # a dose logged from the tray, not through the reminder
    logged = validate_dose(kratom.substance, 2, at(2, 9, 35), at(2, 9, 35))
    rig.journal.add_entry(logged, zone="Europe/Berlin")
    rig.service.replan()  # what the app does after any change
    assert (rig.reminders.get(key).state, rig.reminders.get(key).state_code) == ("taken", "logged")
    assert key in rig.notifier.withdrawn
    rig.move_to(at(2, 11, 0))
    assert rig.notifier.delivered_keys().count(key) == 1  # no repeats


def test_a_pain_score_logged_just_before_a_check_in_answers_it(rig) -> None:
    from desktop.core.validation import validate_pain

    rig.move_to(at(2, 8, 45))
    rig.journal.add_entry(validate_pain(5, at(2, 8, 45), at(2, 8, 45)), zone="Europe/Berlin")
    rig.service.replan()
    rig.move_to(at(2, 9, 30))
    assert "checkin:2026-03-02@09:00" not in rig.notifier.delivered_keys()
    assert rig.reminders.get("checkin:2026-03-02@14:00").state == "planned"  # one entry, one answer
