"""`ebb demo`: a realistic synthetic journal, only ever written into an empty one."""

from __future__ import annotations

import json

import time_machine


@time_machine.travel("2026-03-02T08:00:00+01:00", tick=False)
def test_demo_fills_an_empty_journal_with_every_kind_of_entry(ebb) -> None:
    assert ebb("settings", "set", "timezone", "Europe/Berlin").code == 0
    result = ebb("demo", "--days", "60", "--seed", "3")
    assert result.code == 0, result
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
    from desktop.cli import main

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
