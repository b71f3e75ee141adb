"""`ebb insights`: sentences with n and intervals, and an honest not-enough-data state."""

from __future__ import annotations

import json

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
    } <= set(document)
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
