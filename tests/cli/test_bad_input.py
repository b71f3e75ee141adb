"""Every command refuses bad input with exit 2, one stderr line naming the field, and
an unchanged journal (compared through iterdump)."""

from __future__ import annotations

import pytest

from tests.argv import sleep_argv

BIDI = "Kra\u202etom"
SQL = "x'); DROP TABLE entries;--"

# (argv, word that must appear in the one-line error)
BAD_INPUT = [
    # log pain
    (["log", "pain", "11"], "score"),
    (["log", "pain", "-1"], "score"),
    (["log", "pain", "5.5"], "score"),
    (["log", "pain", "nan"], "score"),
    (["log", "pain", "inf"], "score"),
    (["log", "pain", ""], "score"),
    (["log", "pain", "five"], "score"),
    (["log", "pain", "1e308"], "score"),
    (["log", "pain", SQL], "score"),
    (["log", "pain", "5", "--at", "2026-02-30T09:00"], "at"),
    (["log", "pain", "5", "--at", "2026-03-01T24:30"], "at"),
    (["log", "pain", "5", "--at", "yesterday"], "at"),
    (["log", "pain", "5", "--at", ""], "at"),
    (["log", "pain", "5", "--at", "0999-01-01T00:00"], "at"),
    (["log", "pain", "5", "--at", "9999-12-31T23:59"], "at"),
    (["log", "pain", "5", "--at", "2026-03-01T09:00+25:00"], "at"),
    (["log", "pain", "5", "--note", "see \u202eevil"], "note"),
    (["log", "pain", "5", "--location", BIDI], "location"),
    (["log", "pain"], "score"),
    # log dose
    (["log", "dose", "Unknown", "2"], "substance"),
    (["log", "dose", SQL, "2"], "substance"),
    (["log", "dose", BIDI, "2"], "substance"),
    (["log", "dose", "Kratom", "0"], "amount"),
    (["log", "dose", "Kratom", "-2"], "amount"),
    (["log", "dose", "Kratom", "nan"], "amount"),
    (["log", "dose", "Kratom", "inf"], "amount"),
    (["log", "dose", "Kratom", "1e400"], "amount"),
    (["log", "dose", "Kratom", "99999999999"], "amount"),
    (["log", "dose", "Kratom", "two"], "amount"),
    (["log", "dose", "Kratom", "2", "--pain-before", "12"], "pain_before"),
    (["log", "dose", "Kratom", "2", "--at", "2026-04-31T08:00"], "at"),
    (["log", "dose", "Kratom", "2", "--batch", "a\x00b"], "batch"),
    # log sleep: a good night's diary with one field made bad
    (sleep_argv(night="2026-02-30"), "night"),
    (sleep_argv(sol="600"), "sol"),
    (sleep_argv(sol="nan"), "sol"),
    (sleep_argv(sol="200", waso="300"), "waso"),
    (sleep_argv(quality="6"), "quality"),
    (sleep_argv(in_bed="25:00"), "in_bed"),
    (sleep_argv(in_bed="2026-03-02T07:00", try_sleep="2026-03-01T23:10"), "try_sleep"),
    (["log", "sleep", "--night", "2026-03-01"], "required"),
    # log effect / note
    (["log", "effect", "nausea", "4"], "severity"),
    (["log", "effect", "", "1"], "name"),
    (["log", "effect", BIDI, "1"], "name"),
    (["log", "note", ""], "text"),
    (["log", "note", "x" * 10_001], "text"),
    (["log", "bogus"], "invalid choice"),
    # substance add
    (["substance", "add", "Kratom", "--kind", "kratom", "--unit", "g"], "name"),
    (["substance", "add", "kratom", "--kind", "kratom", "--unit", "g"], "name"),
    (["substance", "add", "X", "--kind", "opioid", "--unit", "g"], "kind"),
    (["substance", "add", "X", "--kind", "other", "--unit", "bucket"], "unit"),
    (["substance", "add", "X", "--kind", "other", "--unit", "g", "--amount", "-1"], "amount"),
    (["substance", "add", "X", "--kind", "other", "--unit", "g", "--min-interval", "0"], "min_interval"),
    (["substance", "add", "X", "--kind", "other", "--unit", "g", "--max-per-day", "2.5"], "max_per_day"),
    (["substance", "add", "X", "--kind", "other", "--unit", "g", "--daily-cap", "inf"], "daily_cap"),
    (["substance", "add", "", "--kind", "other", "--unit", "g"], "name"),
    (["substance", "add", BIDI, "--kind", "other", "--unit", "g"], "name"),
    (["substance", "add", "y" * 61, "--kind", "other", "--unit", "g"], "name"),
    # list, delete, undo
    (["list", "--kind", "mood"], "kind"),
    (["list", "--from", "2026-02-30"], "from"),
    (["list", "--from", "2026-03-02", "--to", "2026-03-01"], "to"),
    (["list", "--to", "soon"], "to"),
    (["delete", "abc"], "id"),
    (["delete", "-1"], "id"),
    (["delete", "999999"], "id"),
    (["delete", "1e30"], "id"),
    # settings
    (["settings", "set", "colour", "blue"], "key"),
    (["settings", "set", SQL, "1"], "key"),
    (["settings", "set", "timezone", "Mars/Olympus"], "timezone"),
    (["settings", "set", "wake_time", "7 o'clock"], "wake_time"),
    (["settings", "set", "bedtime", "23:60"], "bedtime"),
    (["settings", "set", "bedtime_mode", "auto"], "bedtime_mode"),
    (["settings", "set", "melatonin_lead_min", "-5"], "melatonin_lead_min"),
    (["settings", "set", "melatonin_lead_min", "nan"], "melatonin_lead_min"),
    (["settings", "set", "checkin_times", "09:00,25:00"], "checkin_times"),
    (["settings", "set", "checkin_times", "09:00,09:00"], "checkin_times"),
    (["settings", "set", "followups_min", "60,0"], "followups_min"),
    (["settings", "set", "dose_timing", "smart"], "dose_timing"),
    (["settings", "set", "dose_times", "8am,13pm"], "dose_times"),
    (["settings", "set", "pain_threshold", "11"], "pain_threshold"),
    (["settings", "set", "pattern_window_days", "3"], "pattern_window_days"),
    (["settings", "set", "no_dose_before_bed_h", "-1"], "no_dose_before_bed_h"),
    (["settings", "set", "discreet", "maybe"], "discreet"),
    (["settings", "set", "discreet", "\u202etrue"], "discreet"),
    # export, import, restore
    (["export", "--format", "xml"], "format"),
    (["import", "/nonexistent/file.json"], "path"),
    (["restore", "/nonexistent/backup.db"], "path"),
    (["frobnicate"], "invalid choice"),
    # plan, pattern
    (["plan", "--date", "2026-02-30"], "date"),
    (["plan", "--date", "tomorrow"], "date"),
    (["pattern", "--date", "0000-01-01"], "date"),
    (["pattern", "--date", SQL], "date"),
]


@pytest.mark.parametrize(
    ("argv", "field"), BAD_INPUT, ids=lambda v: " ".join(v)[:60] if isinstance(v, list) else v
)
def test_bad_input_exits_2_names_the_field_and_writes_nothing(seeded, journal_dump, argv, field) -> None:
    before = journal_dump()
    result = seeded(*argv)
    assert result.code == 2, result
    lines = result.err.strip().splitlines()
    assert len(lines) == 1, result.err
    assert lines[0].startswith("ebb: error: ")
    assert field in lines[0]
    assert "Traceback" not in result.err
    assert journal_dump() == before


def test_the_good_night_the_sleep_cases_start_from_is_accepted(seeded) -> None:
    # Otherwise a bad sleep case could be refused for a field it did not change.
    result = seeded(*sleep_argv())
    assert result.code == 0, result


@pytest.mark.parametrize(
    ("content", "field"),
    [
        (b"\xff\xfe\x00garbage", "file"),
        (b'{"format": "ebb-journal", "version": 1, "entries": [', "file"),
        (b"", "file"),
        (b'{"format": "ebb-journal", "version": 1, "entries": ' + b"[" * 100_000, "file"),
        (b'{"format": "other", "version": 1}', "format"),
        (b'{"format": "ebb-journal", "version": 99}', "version"),
        (b"record,uid,at\r\npain,abc,2026-03-01T09:00:00+01:00", "recorded"),
        (b"name,amount\r\nkratom,2\r\n", "file"),
    ],
    ids=[
        "non-utf8",
        "truncated-json",
        "empty",
        "deeply-nested",
        "wrong-format",
        "newer-version",
        "truncated-csv",
        "foreign-csv",
    ],
)
def test_bad_import_files_exit_2_and_write_nothing(seeded, journal_dump, tmp_path, content, field) -> None:
    path = tmp_path / "import.dat"
    path.write_bytes(content)
    before = journal_dump()
    result = seeded("import", str(path))
    assert result.code == 2, result
    assert field in result.err
    assert len(result.err.strip().splitlines()) == 1
    assert journal_dump() == before


def test_a_truncated_real_export_is_refused_whole(seeded, journal_dump, tmp_path) -> None:
    export = tmp_path / "full.csv"
    assert seeded("export", "--format", "csv", "--out", str(export)).code == 0
    data = export.read_bytes()
    cut = tmp_path / "cut.csv"
    cut.write_bytes(data[: len(data) - 25])
    fresh_before = journal_dump()
    result = seeded("import", str(cut))
    # The cut file's last row is incomplete: the import fails and adds nothing, even
    # though the earlier rows were fine.
    assert result.code == 2, result
    assert journal_dump() == fresh_before


def test_sql_looking_text_is_stored_verbatim(seeded) -> None:
    assert seeded("log", "note", SQL).code == 0
    assert SQL in seeded("list", "--kind", "note").out
