"""The command line's happy paths and its contract (DESIGN.md section 7)."""

from __future__ import annotations

import hashlib
import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from tests.argv import sleep_argv
from tests.fresh import fresh_python


def test_substances_are_listed_with_the_users_own_limits(seeded) -> None:
    listing = seeded("substance", "list").out
    assert "Kratom" in listing and "min interval 4 h" in listing and "cap 8 g/24 h" in listing
    rows = json.loads(seeded("substance", "list", "--json").out)
    assert [r["name"] for r in rows] == ["Kratom", "Melatonin"]
    assert rows[1]["usual_amount"] is None  # no amount is ever filled in for the user


def test_a_dose_within_limits_is_logged_and_reports_what_was_used(seeded) -> None:
    result = seeded("log", "dose", "kratom", "2", "--at", "2026-03-01T14:00")
    assert result.code == 0, result
    assert "2 doses, 4 g in the last 24 h" in result.out


@pytest.mark.parametrize(
    ("at", "amount", "reason"),
    [
        ("2026-03-01T11:00", "2", "minimum interval"),  # 1.5 h after the 09:30 dose
        ("2026-03-01T14:00", "7", "daily cap"),  # 2 + 7 > 8 g
    ],
)
def test_a_dose_beyond_a_limit_exits_3_and_writes_nothing(seeded, journal_dump, at, amount, reason) -> None:
    before = journal_dump()
    result = seeded("log", "dose", "Kratom", amount, "--at", at)
    assert result.code == 3
    assert reason in result.err and "--force" in result.err
    assert journal_dump() == before


def test_max_doses_per_day_and_the_next_ok_time(seeded) -> None:
    assert seeded("log", "dose", "Kratom", "1", "--at", "2026-03-01T14:00").code == 0
    assert seeded("log", "dose", "Kratom", "1", "--at", "2026-03-01T18:30").code == 0
    result = seeded("log", "dose", "Kratom", "1", "--at", "2026-03-01T23:00")
    assert result.code == 3
    assert "more doses in 24 hours" in result.err
    assert "2026-03-02 09:30" in result.err  # 24 h after the first of the three


def test_force_logs_the_dose_with_its_warning(seeded) -> None:
    result = seeded("log", "dose", "Kratom", "2", "--at", "2026-03-01T10:00", "--force")
    assert result.code == 0
    assert "limit warning" in result.err
    doses = json.loads(seeded("list", "--kind", "dose", "--json").out)
    assert doses[-1]["warnings"] == ["min_interval"]


def test_every_entry_kind_is_logged_and_listed(seeded) -> None:
    assert (
        seeded(*sleep_argv(try_sleep="23:15", sol="20", awakenings="2", waso="30", out_of_bed="06:45")).code
        == 0
    )
    assert seeded("log", "effect", "nausea", "1", "--at", "2026-03-01T10:00").code == 0
    assert seeded("log", "note", "walked 20 min", "--at", "2026-03-01T12:00", "--tag", "exercise").code == 0
    rows = json.loads(seeded("list", "--json").out)
    assert [r["kind"] for r in rows] == ["pain", "dose", "effect", "note", "sleep"]
    assert all({"id", "kind", "at"} <= set(r) for r in rows)
    sleep = rows[-1]
    assert sleep["in_bed"] == "2026-03-01T23:00:00+01:00"
    assert sleep["final_wake"] == "2026-03-02T06:30:00+01:00"


def test_list_filters_by_local_dates(seeded) -> None:
    assert seeded("log", "pain", "3", "--at", "2026-03-02T23:30").code == 0
    assert seeded("log", "pain", "4", "--at", "2026-03-03T00:30").code == 0
    rows = json.loads(
        seeded("list", "--kind", "pain", "--from", "2026-03-02", "--to", "2026-03-02", "--json").out
    )
    assert [r["score"] for r in rows] == [3]


def test_delete_and_undo(seeded) -> None:
    rows = json.loads(seeded("list", "--json").out)
    assert seeded("delete", str(rows[0]["id"])).code == 0
    assert len(json.loads(seeded("list", "--json").out)) == len(rows) - 1
    assert "Restored" in seeded("undo").out
    assert json.loads(seeded("list", "--json").out) == rows
    assert "Nothing to undo" in seeded("undo").out


def test_settings_are_validated_and_normalised(seeded) -> None:
    assert seeded("settings", "set", "checkin_times", "20:00, 9:00,14:00").code == 0
    settings = json.loads(seeded("settings", "show", "--json").out)
    assert settings["checkin_times"] == "09:00,14:00,20:00"
    assert settings["timezone"] == "Europe/Berlin"
    assert settings["melatonin_lead_min"] == "60"  # the default


def test_export_import_export_is_exact_and_reimport_adds_nothing(seeded, tmp_path) -> None:
    seeded("log", "note", '=HYPERLINK("x")\nsecond line, with "quotes"', "--at", "2026-03-01T12:00")
    seeded("log", "effect", "-dizzy", "2", "--at", "2026-03-01T13:00")
    for fmt in ("csv", "json"):
        first = tmp_path / f"first.{fmt}"
        assert seeded("export", "--format", fmt, "--out", str(first)).code == 0
        assert stat.S_IMODE(first.stat().st_mode) == 0o600
        other = tmp_path / f"other-{fmt}"
        from desktop.cli.main import main

        assert main(["--data-dir", str(other), "import", str(first)]) == 0
        second = tmp_path / f"second.{fmt}"
        assert main(["--data-dir", str(other), "export", "--format", fmt, "--out", str(second)]) == 0
        assert first.read_bytes() == second.read_bytes()
        result = seeded("import", str(first))
        assert result.code == 0 and "Imported 0 entries" in result.out


def test_csv_export_neutralises_formula_cells(seeded) -> None:
    seeded("log", "note", "=1+1", "--at", "2026-03-01T12:00")
    seeded("log", "effect", "@risk", "1", "--at", "2026-03-01T13:00")
    text = seeded("export", "--format", "csv").out
    assert ",'=1+1," in text
    assert ",'@risk," in text
    assert ",=1+1," not in text


def test_files_are_private(seeded, data_dir) -> None:
    assert stat.S_IMODE(data_dir.stat().st_mode) == 0o700
    for name in ("journal.db", "journal.db-wal", "journal.db-shm"):
        if (data_dir / name).exists():
            assert stat.S_IMODE((data_dir / name).stat().st_mode) == 0o600, name
    backups = list((data_dir / "backups").glob("*.db"))
    assert backups, "the first write of the day takes a daily backup"
    assert all(stat.S_IMODE(b.stat().st_mode) == 0o600 for b in backups)


def test_backup_restore_keeps_the_replaced_journal(seeded, data_dir) -> None:
    result = seeded("backup")
    assert result.code == 0
    backup = Path(result.out.split(": ", 1)[1].strip())
    seeded("log", "pain", "9", "--at", "2026-03-01T20:00")
    assert seeded("restore", str(backup)).code == 0
    scores = [r["score"] for r in json.loads(seeded("list", "--kind", "pain", "--json").out)]
    assert scores == [5]
    assert list(data_dir.glob("journal.db.before-restore-*"))


def test_restore_refuses_a_file_that_is_not_a_journal(seeded, journal_dump, tmp_path) -> None:
    fake = tmp_path / "fake.db"
    fake.write_bytes(b"not a database at all" * 10)
    before = journal_dump()
    result = seeded("restore", str(fake))
    assert result.code == 2 and "path" in result.err
    assert journal_dump() == before


def test_doctor_passes_on_a_healthy_journal_and_fails_on_problems(seeded, data_dir) -> None:
    result = seeded("doctor")
    assert result.code == 0, result.out
    assert "integrity_check: ok" in result.out and "schema version" in result.out
    (data_dir / "journal.db").chmod(0o644)
    result = seeded("doctor")
    assert result.code == 1
    assert "PROBLEM" in result.out and "0644" in result.out


@pytest.mark.parametrize(
    "damage",
    [
        lambda p: p.write_bytes(b"garbage" * 1000),
        lambda p: p.write_bytes(p.read_bytes()[:50]),
    ],
    ids=["garbage-header", "truncated"],
)
def test_an_unreadable_journal_is_refused_untouched_and_a_backup_offered(seeded, data_dir, damage) -> None:
    seeded("backup")
    journal = data_dir / "journal.db"
    seeded("list")  # close cleanly so that the WAL is checkpointed
    for suffix in ("-wal", "-shm"):
        Path(f"{journal}{suffix}").unlink(missing_ok=True)
    damage(journal)
    digest = hashlib.sha256(journal.read_bytes()).hexdigest()
    result = seeded("log", "pain", "4")
    assert result.code == 4
    assert "ebb restore" in result.err
    assert hashlib.sha256(journal.read_bytes()).hexdigest() == digest
    assert seeded("doctor").code == 1


def test_version_and_help(ebb) -> None:
    assert ebb("--version").out.startswith("ebb ")
    assert ebb("--help").code == 0


def test_the_command_line_does_not_import_qt_matplotlib_or_the_pain_model(tmp_path) -> None:
    # numpy may come with sqlite-utils (it imports numpy when installed); the CLI's cost
    # is measured against `import sqlite_utils` in tests/perf for that reason.
    code = (
        "import sys; from desktop.cli.main import main;"
        f"rc = main(['--data-dir', {str(tmp_path)!r}, 'log', 'pain', '5']);"
        "heavy = [m for m in ('PySide6', 'matplotlib', 'desktop.core.planning.pain_model')"
        " if m in sys.modules];"
        "print(rc, heavy)"
    )
    out = fresh_python(code, {**os.environ, "TZ": "UTC"})
    assert out.strip().splitlines()[-1] == "0 []"


def test_python_dash_m_desktop_is_the_same_command(tmp_path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "desktop", "--data-dir", str(tmp_path), "log", "pain", "12"],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 2
    assert result.stderr.startswith("ebb: error: score")


def test_upgrading_an_older_journal_takes_a_backup_first(seeded, data_dir) -> None:
    import sqlite3

    from desktop.storage.backups import check_backup

    conn = sqlite3.connect(data_dir / "journal.db")
    with conn:  # make it look like a journal from the first release (schema 1)
        conn.execute("DROP TABLE occurrences")
        conn.execute("DROP TABLE app_state")
        conn.execute("DELETE FROM _sqlite_migrations WHERE name = '0002_occurrences'")
        conn.execute("PRAGMA user_version = 1")
    conn.close()
    assert seeded("list").code == 0
    backups = list((data_dir / "backups").glob("journal-pre-migration-v1-*.db"))
    assert len(backups) == 1 and check_backup(backups[0]) is None
    old = sqlite3.connect(backups[0])
    assert old.execute("PRAGMA user_version").fetchone()[0] == 1
    old.close()
    assert seeded("plan").code == 0  # the upgraded journal has the reminder tables
