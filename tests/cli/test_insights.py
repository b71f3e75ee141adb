"""`ebb insights`: sentences with n and intervals, and an honest not-enough-data state."""

from __future__ import annotations

import dataclasses
import json

import pytest
import time_machine


def test_an_empty_journal_says_not_enough_data(seeded) -> None:
    result = seeded("insights")
    assert result.code == 0
    assert "Melatonin and sleep: not enough data yet — need 7 more nights with melatonin" in result.out
    assert "not medical advice" in result.out


@time_machine.travel("2026-03-02T08:00:00+01:00", tick=False)
def test_insights_on_a_demo_journal_text_and_json(ebb) -> None:
    assert ebb("settings", "set", "timezone", "Europe/Berlin").code == 0
    assert ebb("demo", "--days", "90", "--seed", "2").code == 0
    text = ebb("insights").out
    assert "nights with melatonin you fell asleep" in text and "95 % interval" in text
    document = json.loads(ebb("insights", "--json").out)
    assert {
        "sentences",
        "melatonin_sleep",
        "relief_per_dose",
        "evening_kratom_sleep",
        "sleep_vs_next_day_pain",
        "escalation",
        "high_pain",
        "day_to_day",
        "relief_curves",
    } <= set(document)
    assert "Pain of 7 or more" in text and "Day-to-day change in pain" in text
    # Each pain-relief substance's curve, in the JSON with its points every 30 min.
    (kratom,) = document["relief_curves"]["curves"]
    assert kratom["substance"] == "Kratom" and len(kratom["curve"]) == 17
    assert "Kratom over the 8 h after a dose" in text
    assert document["melatonin_sleep"]["status"] == "ok"
    # The demo has some evenings with kratom, so that comparison has numbers too, and each
    # quality sentence names the nights it compares.
    assert document["evening_kratom_sleep"]["status"] == "ok"
    assert "nights with kratom after 18:00" in text
    assert all("nights without" in line for line in text.splitlines() if "Sleep quality" in line)
    sol = document["melatonin_sleep"]["estimates"]["sol_min"]
    assert sol["low"] <= sol["value"] <= sol["high"] < 0  # the demo's melatonin nights: quicker sleep
    for sentence in document["sentences"]:  # neutral wording, no promises
        for word in ("cure", "heal", "guarantee", "recommended dose", "you should take"):
            assert word not in sentence.lower()


# ---- the sentences of the pain insights (desktop/words/insights.py) -------------------


def lines_with(**parts) -> list[str]:
    from datetime import UTC, date

    from desktop.core.insights.compute import compute_insights
    from desktop.words.insights import insight_lines

    empty = compute_insights([], {}, date(2026, 6, 30), UTC)
    return insight_lines(dataclasses.replace(empty, **parts), {})


def curve(reason: str = "learned", **fields):
    from desktop.core.planning.pain_model_values import CurvePoint, ReliefCurve

    learned = reason == "learned"
    points = tuple(CurvePoint(m, -1.0 if learned else None, None, None) for m in range(0, 481, 30))
    values = {"peak_min": 120, "peak_change": -2.7, "peak_low": -3.1, "peak_high": -2.3}
    values |= {"onset_min": 35, "duration_min": 290} if learned else {}
    values = (values if learned else {}) | fields
    return ReliefCurve("Kratom", learned, reason, 41, 150, 20.0, points, **values)


def curves(*items, shortened: bool = False):
    from datetime import date

    from desktop.core.insights.results import ReliefCurveInsight, Status

    status = Status.OK if any(c.enough_data for c in items) else Status.NOT_ENOUGH_DATA
    first = date(2026, 1, 2) if shortened else date(2026, 4, 1)
    return ReliefCurveInsight(
        "relief_curve",
        status,
        {"substances": len(items)},
        curves=items,
        first_day=first,
        last_day=date(2026, 6, 30),
        shortened=shortened,
    )


def test_a_learned_relief_curve_reads_as_what_the_journal_shows() -> None:
    (line,) = [line for line in lines_with(relief_curves=curves(curve())) if line.startswith("Kratom over")]
    assert line == (
        "Kratom over the 8 h after a dose: your journal shows pain about 2.7 points lower than your usual "
        "pain at that time of day without a dose, most at about 2 h after a dose (95 % interval 2.3 to 3.1 "
        "points lower; 41 doses, 150 check-ins 30 min–8 h after a dose). It shows a drop of a point or "
        "more from about 35 min to 4 h 50 min after a dose. Recent weeks count most; observational, not "
        "proof."
    )


def test_an_interval_across_no_difference_and_a_long_journal_say_so() -> None:
    item = curve(peak_change=-0.6, peak_low=-1.4, peak_high=0.2, onset_min=None, duration_min=None)
    (line,) = [line for line in lines_with(relief_curves=curves(item, shortened=True)) if "Kratom" in line]
    assert (
        "95 % interval from 1.4 points lower to 0.2 points higher; the interval includes no difference"
        in line
    )
    assert "150 check-ins 30 min–8 h after a dose in the last 180 days" in line
    assert "It shows no drop of a full point at any time." in line


@pytest.mark.parametrize(
    ("reason", "needed", "words"),
    [
        ("few_doses", {"doses": 6}, "not enough data yet — need 6 more logged doses of Kratom (have 41)."),
        ("few_readings", {"readings": 8}, "need 8 more pain check-ins between 30 min and 8 h after a dose"),
        (
            "same_times",
            {},
            "your doses were nearly always at the same times of day, so Ebb cannot yet tell the pain they "
            "relieve from the pain you would have without them.",
        ),
        ("too_uncertain", {}, "still too uncertain to put in a number (41 doses, 150 check-ins after them)"),
    ],
)
def test_a_relief_curve_without_enough_data_says_why(reason: str, needed: dict, words: str) -> None:
    lines = lines_with(relief_curves=curves(curve(reason, needed=needed)))
    (line,) = [
        line for line in lines if line.startswith("Kratom over the 8 h after a dose: not enough data yet")
    ]
    assert words in line


def test_no_pain_relief_doses_is_said_without_asking_for_any() -> None:
    lines = lines_with()
    assert "Pain over the 8 h after a dose: no doses of a pain-relief substance are logged." in lines


def test_time_in_high_pain_and_day_to_day_change_sentences() -> None:
    from desktop.core.insights.results import Estimate, Insight, Status

    high = Insight("high_pain", Status.OK, {"checkins": 412}, {}, {"share": Estimate(0.18, 0.147, 0.219)})
    rare = Insight("high_pain", Status.OK, {"checkins": 539}, {}, {"share": Estimate(0.0037, 0.001, 0.013)})
    daily = Insight(
        "day_to_day",
        Status.OK,
        {"pain_days": 89, "day_pairs": 88},
        {},
        {"mean_abs_change": Estimate(1.0, 0.8, 1.2)},
    )
    assert "Pain of 7 or more: 18 % of 412 pain check-ins (95 % interval 15 to 22 %)." in lines_with(
        high_pain=high
    )
    assert "Pain of 7 or more: 0.4 % of 539 pain check-ins (95 % interval 0.1 to 1.3 %)." in lines_with(
        high_pain=rare
    )
    assert (
        "Day-to-day change in pain: from one day to the next, your average pain for the day changed by 1.0 "
        "points on average (95 % interval 0.8 to 1.2; 88 pairs of consecutive days, 89 days with check-ins)."
    ) in lines_with(day_to_day=daily)
    empty = lines_with()
    assert (
        "Pain of 7 or more: not enough data yet — need 20 more pain check-ins (have 0 pain check-ins)."
        in empty
    )
    assert any(
        line.startswith(
            "Day-to-day change in pain: not enough data yet — need 7 more days with pain check-ins"
        )
        for line in empty
    )
