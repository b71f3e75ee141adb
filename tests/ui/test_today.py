"""The Today view: today_summary() on real journals at an explicit time, and the widget
showing given summaries (offscreen Qt). Also saves a screenshot of a demo journal."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtWidgets import QApplication

from desktop.cli.demo import demo_entries, demo_substances
from desktop.core.planning.inputs import PlanConfig
from desktop.core.planning.planner import plan_day
from desktop.core.settings import effective_settings
from desktop.core.validation import validate_dose, validate_pain, validate_sleep, validate_substance
from desktop.services.today import (
    DoseRuleLine,
    DoseTotal,
    LimitStatus,
    PainPoint,
    ReminderLine,
    SleepNight,
    TodaySummary,
    today_summary,
)
from desktop.storage.database import open_journal
from desktop.storage.journal import Journal
from desktop.storage.records import new_uid
from desktop.storage.reminders import Reminders
from desktop.ui.windows.today import TodayView
from tests.ui.palettes import dark_palette

BERLIN = ZoneInfo("Europe/Berlin")
NOW = datetime(2026, 3, 10, 14, 0, tzinfo=BERLIN)  # a Tuesday
SCREENSHOTS = Path(__file__).resolve().parents[2] / "screenshots" / "windows"


def at(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 3, day, hour, minute, tzinfo=BERLIN)


KRATOM = validate_substance(
    "Kratom", "kratom", "g", usual_amount=2, min_interval_h=4, max_per_day=3, daily_cap=8
)
MELATONIN = validate_substance("Melatonin", "melatonin", "mg", usual_amount=1)


@pytest.fixture
def db(tmp_path: Path) -> Iterator[object]:
    database = open_journal(tmp_path / "journal.db")
    yield database
    database.close()


@pytest.fixture
def journal(db) -> Journal:
    return Journal(db, clock=lambda: NOW.astimezone(UTC))


@pytest.fixture
def reminders(db) -> Reminders:
    return Reminders(db, clock=lambda: NOW.astimezone(UTC))


def add(journal: Journal, *entries: object) -> None:
    for entry in entries:
        journal.add_entry(entry, zone="Europe/Berlin")  # type: ignore[arg-type]


def dose(substance, when: datetime, amount: float = 2) -> object:
    return validate_dose(substance, amount, when, NOW)


def diary(night: date) -> object:
    """22:45 into bed, 23:00 trying, 20 min to fall asleep, 2 awakenings / 30 min,
    06:30 awake, 06:50 up: TST 400 min, TIB 485 min."""
    evening = datetime(night.year, night.month, night.day, 22, 45, tzinfo=BERLIN)
    morning = evening + timedelta(days=1)
    return validate_sleep(
        night,
        evening,
        evening.replace(minute=0, hour=23),
        20,
        2,
        30,
        morning.replace(hour=6, minute=30),
        morning.replace(hour=6, minute=50),
        4,
        NOW,
    )


@pytest.fixture
def filled(journal: Journal) -> Journal:
    journal.add_substance(KRATOM)
    journal.add_substance(MELATONIN)
    add(
        journal,
        dose(KRATOM, at(9, 8)),  # yesterday, outside the last 24 h
        dose(MELATONIN, at(9, 22), 1),  # yesterday evening: not today
        dose(KRATOM, at(10, 9)),
        dose(KRATOM, at(10, 12, 30), 2.5),
        validate_pain(6, at(10, 9), NOW),
        validate_pain(4, at(10, 13, 15), NOW),
        validate_pain(7, at(9, 20), NOW),  # yesterday
        diary(date(2026, 3, 9)),
    )
    return journal


# ---- today_summary ----------------------------------------------------------------------


def test_doses_today_are_counted_and_totalled_per_substance(filled: Journal, reminders: Reminders) -> None:
    summary = today_summary(filled, reminders, NOW, BERLIN)
    assert summary.doses == (DoseTotal("Kratom", 2, 4.5, "g"),)


def test_limits_show_the_last_24_hours_and_the_next_time_within_them(
    filled: Journal, reminders: Reminders
) -> None:
    summary = today_summary(filled, reminders, NOW, BERLIN)

    (kratom,) = summary.limits  # melatonin has no limits
    assert (kratom.used_count, kratom.used_amount) == (2, 4.5)
    assert (kratom.max_doses, kratom.daily_cap, kratom.min_interval_h) == (3, 8, 4)
    assert not kratom.ok_now
    # The last dose was at 12:30 and the user's minimum interval is 4 h.
    assert kratom.next_ok == at(10, 16, 30)


def test_without_a_usual_amount_only_count_and_interval_decide(
    journal: Journal, reminders: Reminders
) -> None:
    journal.add_substance(validate_substance("Leaf", "kratom", "g", min_interval_h=3, daily_cap=5))
    leaf = journal.substance("Leaf").substance
    add(journal, dose(leaf, at(10, 12), 2))

    (status,) = today_summary(journal, reminders, NOW, BERLIN).limits

    assert status.usual_amount is None
    assert status.next_ok == at(10, 15)


def test_a_used_up_cap_counts_even_without_a_usual_amount(journal: Journal, reminders: Reminders) -> None:
    journal.add_substance(validate_substance("Leaf", "kratom", "g", daily_cap=4))
    leaf = journal.substance("Leaf").substance
    add(journal, dose(leaf, at(10, 8), 2), dose(leaf, at(10, 11), 2))

    (status,) = today_summary(journal, reminders, NOW, BERLIN).limits

    assert not status.ok_now
    assert status.next_ok == at(11, 8)  # when the 08:00 dose leaves the 24 hours


def test_within_limits_now_when_nothing_stands_in_the_way(journal: Journal, reminders: Reminders) -> None:
    journal.add_substance(KRATOM)
    add(journal, dose(KRATOM, at(10, 8)))

    (status,) = today_summary(journal, reminders, NOW, BERLIN).limits

    assert status.ok_now
    assert status.next_ok == NOW


def test_pain_check_ins_of_today_only_in_time_order(filled: Journal, reminders: Reminders) -> None:
    summary = today_summary(filled, reminders, NOW, BERLIN)
    assert summary.pains == (PainPoint(at(10, 9), 6), PainPoint(at(10, 13, 15), 4))


def test_last_nights_sleep_with_tst_se_and_quality(filled: Journal, reminders: Reminders) -> None:
    night = today_summary(filled, reminders, NOW, BERLIN).sleep
    assert night is not None
    assert night.night == date(2026, 3, 9)
    assert (night.total_sleep_min, night.time_in_bed_min) == (400, 485)
    assert night.efficiency == pytest.approx(400 / 485 * 100)
    assert (night.quality, night.sol_min, night.awakenings) == (4, 20, 2)


def test_an_older_diary_is_not_last_night(journal: Journal, reminders: Reminders) -> None:
    add(journal, diary(date(2026, 3, 8)))
    assert today_summary(journal, reminders, NOW, BERLIN).sleep is None


def test_tomorrows_plan_has_reasons_in_words(filled: Journal, reminders: Reminders) -> None:
    filled.set_setting("dose_times", "09:30")

    plan = today_summary(filled, reminders, NOW, BERLIN).tomorrow_plan

    shown = [(f"{r.due:%Y-%m-%d %H:%M}", r.kind, r.substance, r.reason) for r in plan]
    assert ("2026-03-11 22:00", "melatonin", "Melatonin", "60 min before your bedtime 23:00") in shown
    assert ("2026-03-11 09:30", "dose", "Kratom", "your dose time") in shown
    assert ("2026-03-11 14:00", "checkin", None, "pain check-in") in shown
    assert not [r for r in plan if re.match(r"\d\d:\d\d", r.reason)]  # no time repeated in front


def test_a_substance_without_a_dose_reminder_tomorrow_says_why(filled: Journal, reminders: Reminders) -> None:
    summary = today_summary(filled, reminders, NOW, BERLIN)
    assert not [r for r in summary.tomorrow_plan if r.kind == "dose"]
    assert summary.tomorrow_without_doses == (
        DoseRuleLine("Kratom", "no dose reminders — you have not set any dose times"),
    )

    filled.set_setting("dose_timing", "pattern")
    (line,) = today_summary(filled, reminders, NOW, BERLIN).tomorrow_without_doses
    assert line.substance == "Kratom"
    assert line.reason.startswith("no pattern timing yet — it needs "), line.reason

    filled.set_setting("dose_times", "09:30")  # reminded at its own times: nothing to explain
    assert today_summary(filled, reminders, NOW, BERLIN).tomorrow_without_doses == ()


def test_with_no_recent_doses_pattern_timing_says_it_only_times_doses_you_take(
    journal: Journal, reminders: Reminders
) -> None:
    journal.add_substance(KRATOM)
    add(journal, dose(KRATOM, at(10, 9) - timedelta(days=20)))  # outside the last 14 days
    journal.set_setting("dose_timing", "pattern")
    journal.set_setting("dose_times", "09:30")

    summary = today_summary(journal, reminders, NOW, BERLIN)

    assert not [r for r in summary.tomorrow_plan if r.kind == "dose"]
    (line,) = summary.tomorrow_without_doses
    assert line.reason.startswith("no dose reminders — you logged no doses in the last 14 days")


def test_due_now_lists_only_reminders_still_inside_their_window(
    filled: Journal, reminders: Reminders
) -> None:
    config = PlanConfig.from_settings(effective_settings(filled.stored_settings()))
    today = plan_day(config, filled.planner_view(NOW - timedelta(days=30)), NOW.date(), BERLIN)
    reminders.sync_plan([NOW.date().isoformat()], today)
    checkins = {f"{o.due:%H:%M}": o.key for o in today if o.kind == "checkin"}
    reminders.set_state(checkins["09:00"], "due")  # delivered, never answered, window over
    reminders.set_state(checkins["14:00"], "due")

    summary = today_summary(filled, reminders, NOW, BERLIN)

    assert [(f"{r.due:%H:%M}", r.kind, r.reason) for r in summary.due_now] == [
        ("14:00", "checkin", "pain check-in")
    ]
    assert summary.next_reminder is not None
    # 120 min after the 12:30 dose
    assert (f"{summary.next_reminder.due:%H:%M}", summary.next_reminder.kind) == ("14:30", "followup")


def test_an_empty_journal_gives_empty_sections_and_default_reminders(
    journal: Journal, reminders: Reminders
) -> None:
    summary = today_summary(journal, reminders, NOW, BERLIN)

    assert summary.today == date(2026, 3, 10)
    assert not summary.has_substances
    assert (summary.due_now, summary.doses, summary.limits, summary.pains) == ((), (), (), ())
    assert summary.sleep is None and summary.next_reminder is None and summary.paused_until is None
    assert {r.kind for r in summary.tomorrow_plan} == {"checkin", "sleep_diary"}


# ---- the widget ---------------------------------------------------------------------------


def summary(**changes: object) -> TodaySummary:
    base = TodaySummary(
        now=NOW,
        has_substances=True,
        due_now=(),
        next_reminder=None,
        paused_until=None,
        doses=(),
        limits=(),
        pains=(),
        sleep=None,
        tomorrow_plan=(),
    )
    return TodaySummary(**{**base.__dict__, **changes})  # type: ignore[arg-type]


def kratom_status(**changes: object) -> LimitStatus:
    base = LimitStatus("Kratom", "g", 2, 4, 3, 8, 4, 2, at(10, 16, 30), False)
    return LimitStatus(**{**base.__dict__, **changes})  # type: ignore[arg-type]


@pytest.fixture
def view(qtbot) -> TodayView:
    widget = TodayView()
    qtbot.addWidget(widget)
    return widget


def test_view_shows_doses_limits_pain_sleep_and_plan(view: TodayView) -> None:
    view.refresh(
        summary(
            due_now=(ReminderLine("checkin", None, at(10, 14), "pain check-in"),),
            doses=(DoseTotal("Kratom", 2, 4, "g"), DoseTotal("Melatonin", 1, 0.5, "mg")),
            limits=(kratom_status(),),
            pains=(PainPoint(at(10, 9), 6), PainPoint(at(10, 13, 15), 4)),
            sleep=SleepNight(date(2026, 3, 9), 400, 485, 82.47, 4, 20, 2),
            tomorrow_plan=(
                ReminderLine("melatonin", "Melatonin", at(11, 22), "60 min before your bedtime 23:00"),
            ),
        )
    )
    texts = {name: section.texts() for name, section in view.sections.items()}

    assert view.heading.text() == "Today, Tuesday 10 March"
    assert texts["due"] == ["14:00", "Pain check-in", ""]  # the reason would only repeat it
    assert texts["doses"] == ["Kratom", "2 doses · 4 g", "Melatonin", "1 dose · 0.5 mg"]
    assert texts["limits"] == [
        "Kratom",
        "2 of 3 doses · 4 of 8 g in the last 24 h",
        "",
        "Next dose within your limits from 16:30 (at least 4 h between doses).",
    ]
    assert texts["pain"] == ["Latest", "4/10 at 13:15", "All today", "6 at 09:00 · 4 at 13:15"]
    assert texts["sleep"] == [
        "Slept",
        "6 h 40 min of 8 h 05 min in bed",
        "Sleep efficiency",
        "82 %",
        "Quality",
        "4/5 (good)",
        "Fell asleep",
        "after 20 min",
        "Woke up",
        "2 times during the night",
    ]
    assert texts["tomorrow"] == ["22:00", "Melatonin", "60 min before your bedtime 23:00"]


def test_tomorrow_shows_why_a_substance_has_no_dose_reminder(view: TodayView) -> None:
    why = "no dose reminders — you logged no doses in the last 14 days, and Ebb only times the doses …"
    view.refresh(
        summary(
            tomorrow_plan=(ReminderLine("checkin", None, at(11, 9), "pain check-in"),),
            tomorrow_without_doses=(DoseRuleLine("Kratom", why),),
        )
    )
    assert view.sections["tomorrow"].texts() == ["09:00", "Pain check-in", "", "", "Kratom", why]

    view.refresh(summary(tomorrow_without_doses=(DoseRuleLine("Kratom", why),)))
    assert view.sections["tomorrow"].texts() == ["", "Kratom", why]  # not "No reminders planned"


def test_rows_are_plain_top_left_and_selectable(qtbot, view: TodayView) -> None:
    from PySide6.QtCore import QPoint, Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    view.refresh(summary(pains=(PainPoint(at(10, 9), 6), PainPoint(at(10, 12), 3))))
    others = [w for w in QApplication.topLevelWidgets() if w.isVisible()]
    assert not others, f"windows an earlier test left open would take the pointer: {others}"
    view.show()
    qtbot.waitExposed(view)
    pain = view.sections["pain"]
    for label in pain._labels:
        assert label.textFormat() == Qt.TextFormat.PlainText
        assert label.alignment() == Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop
        assert label.textInteractionFlags() == Qt.TextInteractionFlag.TextSelectableByMouse

    # A drag over a row selects its text, as in any label.
    row = pain._labels[1]
    left, right = QPoint(1, 5), QPoint(row.width() - 1, 5)
    QTest.mousePress(row, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, left)
    QTest.mouseMove(row, right)
    QTest.mouseRelease(row, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, right)
    assert row.hasSelectedText() and row.selectedText() in row.text()


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"ok_now": True, "next_ok": NOW}, "Within your limits now (at least 4 h between doses)."),
        (
            {"next_ok": at(11, 8, 15)},
            "Next dose within your limits from tomorrow 08:15 (at least 4 h between doses).",
        ),
        (
            {"usual_amount": 10, "next_ok": None},
            "Your usual amount (10 g) is above your own 24-hour cap (8 g).",
        ),
        (
            {"usual_amount": None, "min_interval_h": None},
            "Next dose within your limits from 16:30 "
            "(no usual amount set, so counted by doses and interval).",
        ),
    ],
)
def test_view_words_for_the_next_dose_within_limits(view: TodayView, changes: dict, expected: str) -> None:
    view.refresh(summary(limits=(kratom_status(**changes),)))
    assert view.sections["limits"].texts()[-1] == expected


def test_view_never_shows_an_amount_the_user_did_not_set(view: TodayView) -> None:
    view.refresh(summary(limits=(kratom_status(usual_amount=None, daily_cap=None, max_doses=None),)))
    assert view.sections["limits"].texts()[1] == "2 doses in the last 24 h"


def test_view_empty_states_say_what_to_do(view: TodayView) -> None:
    view.refresh(summary(next_reminder=ReminderLine("checkin", None, at(10, 20), "pain check-in")))
    texts = {name: section.texts() for name, section in view.sections.items()}

    assert texts["due"] == ["Nothing due right now. Next: Pain check-in at 20:00."]
    assert texts["doses"] == ["No doses logged today."]
    assert texts["limits"][0].startswith("No limits set.")
    assert texts["pain"] == [
        "No pain check-ins today — log one with Log → Pain check-in (Ctrl+P), or: ebb log pain 5"
    ]
    assert texts["sleep"] == [
        "No sleep diary for last night — log it with Log → Sleep diary (Ctrl+L), or: "
        "ebb log sleep --night 2026-03-09 …"
    ]
    assert texts["tomorrow"][0].startswith("No reminders planned for tomorrow.")


def test_view_without_substances_says_how_to_add_one(view: TodayView) -> None:
    view.refresh(summary(has_substances=False, paused_until=at(10, 15)))
    assert "Settings (Ctrl+,)" in view.sections["limits"].texts()[0]
    assert view.sections["due"].texts() == ["Nothing due right now. Reminders are paused until 15:00."]


def test_refresh_replaces_what_was_shown(view: TodayView) -> None:
    view.refresh(summary(doses=(DoseTotal("Kratom", 1, 2, "g"),)))
    view.refresh(summary())
    assert view.sections["doses"].texts() == ["No doses logged today."]


def test_window_title_names_no_substance(view: TodayView) -> None:
    view.refresh(summary(doses=(DoseTotal("Kratom", 1, 2, "g"),)))
    assert "Kratom" not in view.windowTitle()


# ---- screenshot -----------------------------------------------------------------------------


def demo_journal(journal: Journal, reminders: Reminders) -> None:
    """Six weeks of demo data up to yesterday, then a realistic today up to NOW."""
    stamp = "2026-03-10T13:00:00.000000Z"
    entries = [
        (entry, "Europe/Berlin", new_uid(), stamp)
        for entry in demo_entries(42, 7, date(2026, 3, 9), BERLIN, NOW)
    ]
    journal.import_all([(new_uid(), s) for s in demo_substances()], entries)
    kratom = journal.substance("Kratom").substance
    add(
        journal,
        validate_pain(6, at(10, 9, 5), NOW, source="scheduled"),
        validate_dose(kratom, 2, at(10, 9, 20), NOW, pain_before=6),
        validate_pain(4, at(10, 10, 25), NOW, source="follow-up"),
        validate_pain(3, at(10, 11, 20), NOW, source="follow-up"),
        validate_dose(kratom, 1.5, at(10, 13, 10), NOW, pain_before=5),
    )
    if journal.entries(kind="sleep", start=at(9, 12), end=at(10, 12)) == []:
        add(journal, diary(date(2026, 3, 9)))
    journal.set_setting("dose_timing", "pattern")
    config = PlanConfig.from_settings(effective_settings(journal.stored_settings()))
    today = plan_day(config, journal.planner_view(NOW - timedelta(days=60)), NOW.date(), BERLIN)
    reminders.sync_plan([NOW.date().isoformat()], today)
    for occurrence in today:
        if occurrence.kind == "checkin" and f"{occurrence.due:%H:%M}" == "14:00":
            reminders.set_state(occurrence.key, "due")


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_screenshot_of_a_demo_day(qtbot, journal: Journal, reminders: Reminders, scheme: str) -> None:
    demo_journal(journal, reminders)
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    before = app.palette()
    if scheme == "dark":
        app.setPalette(dark_palette())
    try:
        view = TodayView()
        qtbot.addWidget(view)
        view.refresh(today_summary(journal, reminders, NOW, BERLIN))
        view.resize(700, 860)
        view.show()
        qtbot.waitExposed(view)
        qtbot.wait(50)  # let the posted layout requests run before grabbing

        assert view.sections["due"].texts()[:2] == ["14:00", "Pain check-in"]
        assert view.sections["doses"].texts() == ["Kratom", "2 doses · 3.5 g"]
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        assert view.grab().save(str(SCREENSHOTS / f"today-{scheme}.png"))
    finally:
        app.setPalette(before)
