"""`ebb demo`: a realistic synthetic journal, only ever written into an empty one."""

from __future__ import annotations

import json

import pytest
import time_machine


@time_machine.travel("2026-03-02T08:00:00+01:00", tick=False)
def test_demo_fills_an_empty_journal_with_every_kind_of_entry(ebb) -> None:
    assert ebb("settings", "set", "timezone", "Europe/Berlin").code == 0
    result = ebb("demo", "--days", "60", "--seed", "3")
    assert result.code == 0, result
    # Before anything else: its amounts are invented, not a starting point.
    assert result.out.splitlines()[0].startswith(
        "Every amount, limit and time in the demo journal is invented"
    )
    rows = json.loads(ebb("list", "--json").out)
    kinds = {r["kind"] for r in rows}
    assert kinds == {"dose", "pain", "sleep", "effect", "note"}
    assert max(r["at"] for r in rows) < "2026-03-02"  # nothing in the future
    assert any(r["kind"] == "dose" and r["warnings"] for r in rows)  # a few doses beyond limits
    melatonin_nights = [r for r in rows if r["kind"] == "dose" and r["substance"] == "Melatonin"]
    assert 15 <= len(melatonin_nights) <= 45
    assert ebb("doctor").code == 0


@time_machine.travel("2026-03-02T08:00:00+01:00", tick=False)
def test_demo_is_deterministic_for_a_seed(tmp_path) -> None:
    from desktop.cli.main import main

    exports = []
    for name in ("a", "b"):
        data = str(tmp_path / name)
        assert main(["--data-dir", data, "settings", "set", "timezone", "UTC"]) == 0
        assert main(["--data-dir", data, "demo", "--days", "20", "--seed", "9"]) == 0
        rows = json.loads(_capture(main, ["--data-dir", data, "list", "--json"]))
        exports.append([{k: v for k, v in r.items() if k not in ("id", "uid", "recorded")} for r in rows])
    assert exports[0] == exports[1]


def _capture(main, argv) -> str:
    import io

    out = io.StringIO()
    assert main(argv, out=out) == 0
    return out.getvalue()


def test_demo_refuses_a_journal_that_is_not_empty(seeded, journal_dump) -> None:
    before = journal_dump()
    result = seeded("demo", "--days", "10")
    assert result.code == 2
    assert "journal: is not empty" in result.err
    assert journal_dump() == before


def test_demo_checks_its_arguments(ebb) -> None:
    assert "days" in ebb("demo", "--days", "0").err
    assert "seed" in ebb("demo", "--seed", "x").err


# ---- the stated truth, and the pain model recovering it (issue 12) ------------------

DEMO_ZONE = "Europe/Berlin"
DEMO_LAST_DAY = (2026, 3, 1)  # a Sunday: the model is fitted for Monday 2 March
DEMO_NOW = "2026-03-02T08:00:00+01:00"


def _demo_journal(days: int, seed: int):
    from datetime import date, datetime
    from zoneinfo import ZoneInfo

    from desktop.cli.demo import demo_entries

    zone = ZoneInfo(DEMO_ZONE)
    now = datetime.fromisoformat(DEMO_NOW)
    return zone, list(demo_entries(days, seed, date(*DEMO_LAST_DAY), zone, now))


def test_demo_states_its_truth() -> None:
    from desktop.cli.demo import DEMO_BASELINE, DEMO_RELIEF, demo_relief_span

    assert demo_relief_span() == (35, 120, -3.0, 290)  # as the module's docstring says
    assert DEMO_RELIEF(0) == 0 and DEMO_RELIEF(481) == 0
    assert DEMO_BASELINE(11 * 60) == max(DEMO_BASELINE(m) for m in range(0, 24 * 60, 5))
    assert 6 <= DEMO_BASELINE(11 * 60) <= 7
    assert DEMO_BASELINE(16 * 60) < DEMO_BASELINE(19 * 60 + 30) < DEMO_BASELINE(11 * 60)
    assert abs(DEMO_BASELINE(11 * 60, 0) - DEMO_BASELINE(11 * 60, 6)) <= 0.5  # weekends: a little lower


def test_demo_pain_is_drawn_from_the_truth_with_varied_dose_times() -> None:
    import statistics

    from desktop.cli.demo import DEMO_NOISE, demo_pain
    from desktop.core.model import Dose, PainCheckin

    zone, entries = _demo_journal(120, 1)
    kratom = [e for e in entries if isinstance(e, Dose) and e.substance == "Kratom"]
    moments = [d.at for d in kratom]
    scores = [(e.at, e.score) for e in entries if isinstance(e, PainCheckin)]
    scores += [(d.at, d.pain_before) for d in kratom]
    residuals = [score - demo_pain(at, zone, moments) for at, score in scores]
    assert abs(statistics.mean(residuals)) < 0.1
    assert DEMO_NOISE - 0.1 < statistics.stdev(residuals) < DEMO_NOISE + 0.2  # noise and rounding
    assert len(scores) / 120 > 6  # check-ins, follow-ups and the pain before doses
    mornings = [d.at.hour * 60 + d.at.minute for d in kratom if d.at.hour < 12]
    assert statistics.stdev(mornings) > 45  # varied dose times ...
    assert 120 - len({d.at.date() for d in kratom if d.at.hour < 12}) >= 10  # ... and days without
    assert 1 <= sum(1 for d in kratom if d.warnings) <= 8  # a few beyond the limits


@pytest.mark.parametrize(("seed", "window_days"), [(1, 120), (2, 120), (3, 120), (1, 28)])
def test_the_pain_model_recovers_the_demo_truth(seed: int, window_days: int) -> None:
    from datetime import date, datetime, time, timedelta

    from desktop.cli.demo import DEMO_BASELINE, demo_relief_span
    from desktop.core.model import Dose, PainCheckin
    from desktop.core.planning.pain_model import fit_pain_model
    from desktop.core.planning.pain_model_values import ModelDose
    from desktop.core.planning.pattern import PainReading
    from desktop.core.times import localize

    zone, entries = _demo_journal(120, seed)
    readings = [PainReading(e.at, e.score) for e in entries if isinstance(e, PainCheckin)]
    doses = [
        ModelDose(e.at, e.substance, e.pain_before)
        for e in entries
        if isinstance(e, Dose) and e.substance == "Kratom"
    ]
    day_start = localize(datetime.combine(date(*DEMO_LAST_DAY) + timedelta(days=1), time()), zone)
    model = fit_pain_model(readings, doses, ["Kratom"], day_start=day_start, window_days=window_days)
    relief = model.relief_for("Kratom")
    assert relief is not None and relief.enough_data, relief
    onset, peak_min, peak_change, _ = demo_relief_span()
    assert relief.peak_change is not None and abs(relief.peak_change - peak_change) <= 0.6
    assert relief.peak_min is not None and abs(relief.peak_min - peak_min) <= 45
    assert relief.onset_min is not None and abs(relief.onset_min - onset) <= 20
    baseline = {p.start: p.pain for p in model.baseline}
    weekday = day_start.weekday()
    for clock, minute in (("11:00", 11 * 60), ("16:00", 16 * 60)):
        found = baseline[clock]
        assert found is not None and abs(found - DEMO_BASELINE(minute, weekday)) <= 0.8, (clock, found)
