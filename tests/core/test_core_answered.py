"""A dose taken at a time the plan no longer holds stands for the nearest new time of
that substance that day (desktop.core.planning.answered): editing never adds a dose."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.core.planning.answered import OpenReminder, TakenDose, answered_by_entries, not_asked_again
from desktop.core.planning.occurrence import Occurrence, ReminderKind, planned_key
from desktop.core.reasons import Reason

BERLIN = ZoneInfo("Europe/Berlin")
DAY = date(2026, 6, 10)


def dose(clock: str, substance: str = "Kratom", day: date = DAY) -> Occurrence:
    hour, minute = map(int, clock.split(":"))
    due = datetime(day.year, day.month, day.day, hour, minute, tzinfo=BERLIN)
    return Occurrence(
        key=planned_key(f"dose:{substance.lower()}", day, hour * 60 + minute),
        kind=ReminderKind.DOSE,
        due=due,
        valid_until=due + timedelta(hours=2),
        substance=substance,
        reason=Reason("fixed_time"),
    )


def checkin(clock: str) -> Occurrence:
    return replace(dose(clock), key=f"checkin:{DAY}@{clock}", kind=ReminderKind.CHECKIN, substance=None)


def taken(clock: str, substance: str = "Kratom", day: date = DAY) -> TakenDose:
    planned = dose(clock, substance, day)
    return TakenDose(planned.key, substance, day, planned.due)


def clocks(plan: list[Occurrence]) -> list[str]:
    return [f"{o.kind}@{o.due:%H:%M}" for o in plan]


@pytest.mark.parametrize(
    ("planned", "already_taken", "expected"),
    [
        # Nothing taken: the plan as it is.
        (["08:30", "13:00"], [], ["08:30", "13:00"]),
        # Taken at 08:00, the times edited to 08:30 and 13:00: 08:30 is not asked again.
        (["08:30", "13:00"], ["08:00"], ["13:00"]),
        # The nearest new time goes, not the first one.
        (["08:30", "13:00"], ["12:00"], ["08:30"]),
        # Still planned at its own time: its own row keeps "taken", nothing else goes.
        (["08:00", "13:00"], ["08:00"], ["08:00", "13:00"]),
        # Two taken, two new times: each stands for one.
        (["09:00", "14:00", "20:00"], ["08:00", "13:00"], ["20:00"]),
        # More taken than planned: the plan empties, it never goes below nothing.
        (["09:00"], ["08:00", "13:00"], []),
    ],
)
def test_a_taken_dose_stands_for_the_nearest_new_time(
    planned: list[str], already_taken: list[str], expected: list[str]
) -> None:
    plan = [dose(c) for c in planned]
    result = not_asked_again(plan, [taken(c) for c in already_taken], {taken(c).key for c in already_taken})
    assert [f"{o.due:%H:%M}" for o in result] == expected


def test_only_the_same_substance_on_the_same_day_and_only_doses() -> None:
    plan = [checkin("08:30"), dose("08:30", "Other"), dose("08:30", day=DAY + timedelta(days=1))]
    assert not_asked_again(plan, [taken("08:00")], {taken("08:00").key}) == plan


def test_a_new_time_with_an_answer_of_its_own_is_not_spoken_for() -> None:
    plan = [dose("08:30"), dose("13:00")]
    answered = {taken("08:00").key, plan[0].key}  # 08:30 was itself skipped earlier
    assert not_asked_again(plan, [taken("08:00")], answered) == [plan[0]]


@given(
    st.lists(st.integers(0, 23 * 60), unique=True, max_size=6),
    st.lists(st.integers(0, 23 * 60), unique=True, max_size=6),
)
def test_a_day_never_holds_more_dose_reminders_than_the_plan(planned: list[int], before: list[int]) -> None:
    plan = [dose(f"{m // 60:02d}:{m % 60:02d}") for m in sorted(planned)]
    done = [taken(f"{m // 60:02d}:{m % 60:02d}") for m in before]
    result = not_asked_again(plan, done, {t.key for t in done})
    assert {o.key for o in result} <= {o.key for o in plan}
    # The day's dose reminders, answered or still to come: as many as the plan holds,
    # or as many as were already taken when that is more; never one added.
    on_the_day = {o.key for o in result} | {t.key for t in done}
    assert len(on_the_day) == max(len(plan), len(done))


def open_reminder(clock: str, kind: str = "dose", substance: str | None = "Kratom") -> OpenReminder:
    planned = dose(clock)
    return OpenReminder(f"{kind}@{clock}", kind, substance, planned.due, planned.valid_until)


def logged_at(clock: str) -> datetime:
    hour, minute = map(int, clock.split(":"))
    return datetime(DAY.year, DAY.month, DAY.day, hour, minute, tzinfo=BERLIN)


NOON = logged_at("12:00")


@pytest.mark.parametrize(
    ("reminders", "doses", "answered"),
    [
        (["09:00"], ["09:10"], ["dose@09:00"]),  # logged after it was due
        (["09:00"], ["08:35"], ["dose@09:00"]),  # just before: it must not ask for another
        (["09:00"], ["08:20"], []),  # long before: the user's limits decide, not this
        (["09:00"], ["11:30"], []),  # after its window (2 h)
        (["09:00", "10:00"], ["09:40"], ["dose@10:00"]),  # one entry, the nearest reminder
        (["09:00", "10:00"], ["09:05", "09:55"], ["dose@09:00", "dose@10:00"]),
    ],
)
def test_a_dose_answers_the_reminder_due_nearest_it(
    reminders: list[str], doses: list[str], answered: list[str]
) -> None:
    from desktop.core.planning.inputs import JournalView, LoggedDose

    view = JournalView(doses=[LoggedDose(f"d{i}", "kratom", logged_at(c)) for i, c in enumerate(doses)])
    assert answered_by_entries([open_reminder(c) for c in reminders], view, NOON) == answered


def test_a_pain_score_answers_a_check_in_but_not_a_dose() -> None:
    from desktop.core.planning.inputs import JournalView
    from desktop.core.planning.pattern import PainReading

    view = JournalView(pains=[PainReading(logged_at("09:05"), 4)])
    reminders = [open_reminder("09:00", "checkin", None), open_reminder("09:00")]
    assert answered_by_entries(reminders, view, NOON) == ["checkin@09:00"]
