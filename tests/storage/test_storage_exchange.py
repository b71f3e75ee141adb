"""Export and import: exact round trips in both formats, idempotent re-import, CSV
formula neutralising, and all-or-nothing refusal of bad files with a field name."""

from __future__ import annotations

import csv
import io
import json
import tempfile
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, given, reject, settings
from hypothesis import strategies as st
from sqlite_utils import Database

from desktop.core.errors import ValidationError
from desktop.core.model import Note, PainCheckin
from desktop.core.validation import validate_note, validate_pain
from desktop.storage.database import open_journal
from desktop.storage.exchange import export_csv, export_json, import_file, read_import
from desktop.storage.journal import Journal

EXPORTERS = {"json": export_json, "csv": export_csv}

TRICKY_NOTES = [
    "first line\nsecond line\n\nfourth, after a blank one",
    "ünïcødé — 痛み 🙂 naïve café",
    "commas, \"double quotes\", and 'single' ones",
    "Robert'); DROP TABLE entries;--",
    "=1+1",
    "+49 30 1234",
    "-3 since yesterday",
    "@SUM(A1:A9)",
    "'quoted already",
    "''twice",
    '=HYPERLINK("http://x","y")\nwith a second line',
]


def dump(db: Database) -> str:
    return "\n".join(db.conn.iterdump())


def write(tmp_path: Path, name: str, data: str | bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


@pytest.fixture
def full(journal: Journal, make) -> Journal:
    """A journal with every kind of entry and notes that are hard to carry."""
    kratom = make.kratom()
    melatonin = make.melatonin('Melatonin, "slow" =release')
    journal.add_substance(kratom)
    journal.add_substance(melatonin)
    journal.add_entry(
        make.dose(
            kratom,
            make.at(3, 9),
            2.5,
            form="powder",
            product='Red, "Bali"',
            batch="=B-1",
            pain_before=6,
            note=TRICKY_NOTES[0],
            warnings=("min_interval", "max_doses_24h"),
        ),
        zone=make.zone,
    )
    journal.add_entry(make.dose(melatonin, make.at(3, 21, 30), 0.3, source="reminder"), zone=None)
    journal.add_entry(
        make.pain(
            make.at(3, 10),
            7,
            locations=["lower back", "knee, left"],
            qualities=["=aching"],
            source="follow-up",
            note=TRICKY_NOTES[1],
        ),
        zone=make.zone,
    )
    journal.add_entry(make.sleep(date(2026, 3, 3), quality=2, note=TRICKY_NOTES[2]), zone="Europe/Berlin")
    journal.add_entry(make.effect(make.at(4, 8), "-dizziness", 3, note=TRICKY_NOTES[3]), zone=make.zone)
    # A second offset: the same journal written while travelling.
    tokyo = datetime(2026, 3, 4, 20, 15, 30, 123456, tzinfo=ZoneInfo("Asia/Tokyo"))
    for minutes, text in enumerate(TRICKY_NOTES[4:]):
        journal.add_entry(
            make.note(tokyo + timedelta(minutes=minutes), text, tags=["tag, one", "@two"]), zone="Asia/Tokyo"
        )
    journal.add_entry(make.pain(make.at(5, 7), 0), zone=None)
    deleted = journal.add_entry(make.pain(make.at(5, 8), 9), zone=None)
    journal.delete_entry(deleted)
    return journal


# ---- round trips -----------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["json", "csv"])
def test_export_import_export_is_byte_identical(
    full: Journal, new_journal: Journal, tmp_path: Path, make, fmt: str
) -> None:
    exported = EXPORTERS[fmt](full)
    path = write(tmp_path, f"journal.{fmt}", exported)

    added = import_file(path, new_journal, make.now)

    live = len(full.entries())
    assert added == (2, live, 0)
    assert EXPORTERS[fmt](new_journal) == exported
    assert [_without_id(e) for e in new_journal.entries()] == [_without_id(e) for e in full.entries()]
    # And the other format agrees too.
    other = "csv" if fmt == "json" else "json"
    assert EXPORTERS[other](new_journal) == EXPORTERS[other](full)
    # A second import of the same file finds everything present.
    before = dump(new_journal.db)
    assert import_file(path, new_journal, make.now) == (0, 0, live)
    assert dump(new_journal.db) == before


def _without_id(record: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in record.items() if k != "id"}


@pytest.mark.parametrize("fmt", ["json", "csv"])
def test_reimporting_the_same_file_adds_nothing(full: Journal, tmp_path: Path, make, fmt: str) -> None:
    path = write(tmp_path, f"journal.{fmt}", EXPORTERS[fmt](full))
    before = dump(full.db)

    assert import_file(path, full, make.now) == (0, 0, len(full.entries()))

    assert dump(full.db) == before


def test_a_deleted_entry_is_not_exported(full: Journal) -> None:
    document = json.loads(export_json(full))
    assert [e["score"] for e in document["entries"] if e["kind"] == "pain"] == [7, 0]


def test_the_json_document_has_its_format_and_no_row_ids(full: Journal) -> None:
    document = json.loads(export_json(full))
    assert (document["format"], document["version"]) == ("ebb-journal", 1)
    assert all("id" not in e for e in document["entries"])
    assert "=1+1" in [e["note"] for e in document["entries"]]  # JSON is not neutralised


def csv_rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text, newline="")))


@pytest.mark.parametrize(
    ("note", "cell"),
    [
        ("=1+1", "'=1+1"),
        ("+49 30 1234", "'+49 30 1234"),
        ("-3 since yesterday", "'-3 since yesterday"),
        ("@SUM(A1:A9)", "'@SUM(A1:A9)"),
        ("'quoted already", "''quoted already"),
        ("Robert'); DROP TABLE entries;--", "Robert'); DROP TABLE entries;--"),
    ],
)
def test_csv_cells_a_spreadsheet_would_run_are_neutralised(full: Journal, note: str, cell: str) -> None:
    rows = csv_rows(export_csv(full))
    assert cell in [row["note"] for row in rows]
    if cell != note:
        assert note not in [row["note"] for row in rows]


def test_csv_neutralises_every_column_not_only_notes(full: Journal) -> None:
    rows = csv_rows(export_csv(full))
    cells = {cell for row in rows for cell in row.values()}
    assert {"'=B-1", "'-dizziness", 'Melatonin, "slow" =release'} <= cells
    dangerous = [c for c in cells if c[:1] in ("=", "+", "-", "@", "\t", "\r")]
    assert dangerous == []


# ---- all or nothing --------------------------------------------------------------------


def test_a_json_file_whose_last_entry_is_invalid_adds_nothing(
    full: Journal, new_journal: Journal, tmp_path: Path, make
) -> None:
    document = json.loads(export_json(full))
    last = len(document["entries"]) - 1
    document["entries"][last] = {**document["entries"][last], "kind": "pain", "score": 11}
    path = write(tmp_path, "bad.json", json.dumps(document))
    before = dump(new_journal.db)

    with pytest.raises(ValidationError) as caught:
        import_file(path, new_journal, make.now)

    assert caught.value.field == f"entries[{last}].score"
    assert dump(new_journal.db) == before


def test_a_csv_file_whose_last_row_is_invalid_adds_nothing(
    journal: Journal, new_journal: Journal, tmp_path: Path, make
) -> None:
    journal.add_substance(make.kratom())
    for hour in range(6, 11):
        journal.add_entry(make.pain(make.at(5, hour), hour - 5), zone=make.zone)
    lines = export_csv(journal).split("\r\n")
    assert lines[-1] == ""
    # header, 1 substance, 5 entries: the last entry is on line 7
    lines[6] = lines[6].replace(",5,", ",11,")
    path = write(tmp_path, "bad.csv", "\r\n".join(lines))
    before = dump(new_journal.db)

    with pytest.raises(ValidationError) as caught:
        import_file(path, new_journal, make.now)

    assert caught.value.field == "line 7.score"
    assert dump(new_journal.db) == before


def test_a_conflict_found_while_writing_rolls_back_the_whole_import(
    journal: Journal, new_journal: Journal, tmp_path: Path, make
) -> None:
    journal.add_substance(make.kratom())
    journal.add_entry(make.pain(make.at(2, 9), 4), zone=make.zone)
    journal.add_entry(make.sleep(date(2026, 3, 4)), zone=None)
    path = write(tmp_path, "journal.json", export_json(journal))
    new_journal.add_entry(make.sleep(date(2026, 3, 4), quality=5), zone=None)  # the same night
    before = dump(new_journal.db)

    with pytest.raises(ValidationError) as caught:
        import_file(path, new_journal, make.now)

    assert caught.value.field == "night"
    assert dump(new_journal.db) == before


def valid_document(journal: Journal) -> dict[str, Any]:
    document: dict[str, Any] = json.loads(export_json(journal))
    return document


@pytest.fixture
def small(journal: Journal, make) -> Journal:
    journal.add_substance(make.kratom())
    journal.add_entry(make.dose(make.kratom(), make.at(3, 9), 2.0), zone=make.zone)
    journal.add_entry(make.pain(make.at(3, 10), 6), zone=make.zone)
    journal.add_entry(make.note(make.at(3, 11), "x"), zone=make.zone)
    return journal


def _non_utf8(small: Journal) -> bytes:
    return export_json(small).encode("utf-8").replace(b'"x"', b'"\xff\xfe"')


def _latin1_csv(small: Journal) -> bytes:
    return export_csv(small).replace(",x,", ",café,").encode("latin-1")


def _truncated_json(small: Journal) -> str:
    text = export_json(small)
    return text[: len(text) * 2 // 3]


def _truncated_csv_mid_row(small: Journal) -> str:
    return export_csv(small)[:-10]


def _truncated_csv_in_quotes(small: Journal) -> str:
    text = export_csv(small).replace(",x,", ',"x, y",')
    return text[: text.index('"x, y"') + 3]


def _deep_list(small: Journal) -> str:
    return "[" * 100_000


def _deep_object(small: Journal) -> str:
    return '{"format": ' + "[" * 100_000


def _wrong_format(small: Journal) -> str:
    return json.dumps({**valid_document(small), "format": "ebb-journal-2"})


def _newer_version(small: Journal) -> str:
    return json.dumps({**valid_document(small), "version": 2})


def _bool_version(small: Journal) -> str:
    return json.dumps({**valid_document(small), "version": True})


def _not_a_document(small: Journal) -> str:
    return '{"entries": []}'


def _entries_not_a_list(small: Journal) -> str:
    return json.dumps({**valid_document(small), "entries": {"a": 1}})


def _empty(small: Journal) -> str:
    return " \n "


def _duplicate_uid(small: Journal) -> str:
    document = valid_document(small)
    document["entries"].append({**document["entries"][1], "score": 3})
    return json.dumps(document)


def _duplicate_substance_uid(small: Journal) -> str:
    document = valid_document(small)
    document["substances"].append({**document["substances"][0], "name": "Valerian"})
    return json.dumps(document)


def _unknown_substance(small: Journal) -> str:
    return json.dumps({**valid_document(small), "substances": []})


def _unit_differs(small: Journal) -> str:
    document = valid_document(small)
    document["entries"][0]["unit"] = "mg"
    return json.dumps(document)


def _entry_not_an_object(small: Journal) -> str:
    document = valid_document(small)
    document["entries"].append("pain 5")
    return json.dumps(document)


def _bad_uid(small: Journal) -> str:
    document = valid_document(small)
    document["entries"][2]["uid"] = "../../etc"
    return json.dumps(document)


def _sleep_at_not_in_bed(small: Journal) -> str:
    document = valid_document(small)
    diary = {
        "uid": "diary1",
        "kind": "sleep",
        "at": "2026-03-05T23:00:00+01:00",
        "zone": None,
        "recorded": "2026-03-06T07:00:00.000000Z",
        "note": "",
        "night": "2026-03-05",
        "in_bed": "2026-03-05T22:45:00+01:00",
        "try_sleep": "2026-03-05T23:00:00+01:00",
        "sol_min": 10,
        "awakenings": 1,
        "waso_min": 5,
        "final_wake": "2026-03-06T06:30:00+01:00",
        "out_of_bed": "2026-03-06T06:50:00+01:00",
        "quality": 3,
    }
    document["entries"].append(diary)
    return json.dumps(document)


def _future_entry(small: Journal) -> str:
    document = valid_document(small)
    document["entries"][1]["at"] = "2026-03-12T10:00:00+01:00"
    return json.dumps(document)


def _unknown_csv_column(small: Journal) -> str:
    return export_csv(small).replace("record,", "record,formula,", 1)


def _csv_list_cell(small: Journal) -> str:
    return export_csv(small).replace(",[],", ",[oops,", 1)


def _csv_extra_cell(small: Journal) -> str:
    lines = export_csv(small).split("\r\n")
    lines[2] += ",extra"
    return "\r\n".join(lines)


def _neither_format(small: Journal) -> str:
    return "date;pain\n2026-03-01;5\n"


@pytest.mark.parametrize(
    ("build", "field"),
    [
        (_non_utf8, "file"),
        (_latin1_csv, "file"),
        (_truncated_json, "file"),
        (_truncated_csv_mid_row, "line 5"),
        (_truncated_csv_in_quotes, "file"),
        (_deep_list, "file"),
        (_deep_object, "file"),
        (_wrong_format, "format"),
        (_newer_version, "version"),
        (_bool_version, "version"),
        (_not_a_document, "format"),
        (_entries_not_a_list, "entries"),
        (_empty, "file"),
        (_duplicate_uid, "entries[3].uid"),
        (_duplicate_substance_uid, "substances[1].uid"),
        (_unknown_substance, "entries[0].substance"),
        (_unit_differs, "entries[0].unit"),
        (_entry_not_an_object, "entries[3]"),
        (_bad_uid, "entries[2].uid"),
        (_sleep_at_not_in_bed, "entries[3].at"),
        (_future_entry, "entries[1].at"),
        (_unknown_csv_column, "file"),
        (_csv_list_cell, "line 3.warnings"),
        (_csv_extra_cell, "line 3"),
        (_neither_format, "file"),
    ],
    ids=lambda v: v.__name__.strip("_") if callable(v) else v,
)
def test_bad_files_are_refused_whole_with_a_field(
    small: Journal, new_journal: Journal, tmp_path: Path, make, build, field: str
) -> None:
    path = write(tmp_path, "import", build(small))
    before = dump(new_journal.db)

    with pytest.raises(ValidationError) as caught:
        import_file(path, new_journal, make.now)

    assert caught.value.field == field
    assert caught.value.message
    assert dump(new_journal.db) == before


def test_a_missing_file_is_a_validation_error(new_journal: Journal, tmp_path: Path, make) -> None:
    with pytest.raises(ValidationError) as caught:
        import_file(tmp_path / "nowhere.json", new_journal, make.now)
    assert caught.value.field == "path"


def test_a_substance_whose_unit_differs_from_the_journals_is_refused(
    small: Journal, new_journal: Journal, tmp_path: Path, make
) -> None:
    new_journal.add_substance(make.melatonin("Kratom"))  # in mg here, in g in the file
    path = write(tmp_path, "journal.json", export_json(small))
    before = dump(new_journal.db)

    with pytest.raises(ValidationError) as caught:
        import_file(path, new_journal, make.now)

    assert caught.value.field in ("unit", "entries[0].unit")
    assert dump(new_journal.db) == before


def test_a_byte_order_mark_is_accepted(small: Journal, new_journal: Journal, make) -> None:
    data = "\ufeff".encode() + export_csv(small).encode("utf-8")
    substances, entries = read_import(data, new_journal, make.now)
    assert (len(substances), len(entries)) == (1, 3)


# ---- property: JSON round trip of generated entries ------------------------------------

_printable = st.characters(codec="utf-8", exclude_categories=("Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"))
_names = st.text(_printable, min_size=1, max_size=12).filter(str.strip)
# Notes: printable text plus newlines, tabs and what CSV and SQL care about.
_texts = st.text(_printable | st.sampled_from("\n\t,;\"'=+-@"), min_size=1, max_size=40).filter(str.strip)
_offsets = st.integers(-12 * 60, 14 * 60).map(lambda minutes: timezone(timedelta(minutes=minutes)))
_moments = st.datetimes(min_value=datetime(1970, 1, 2), max_value=datetime(2026, 3, 10), timezones=_offsets)
_PROPERTY_NOW = datetime(2026, 3, 10, 12, 0, tzinfo=UTC)


@st.composite
def _entries(draw: st.DrawFn) -> PainCheckin | Note:
    at = draw(_moments)
    try:
        if draw(st.booleans()):
            return validate_pain(
                draw(st.integers(0, 10)),
                at,
                _PROPERTY_NOW,
                locations=draw(st.lists(_names, max_size=3)),
                qualities=draw(st.lists(_names, max_size=2)),
                note=draw(st.one_of(st.none(), _texts)),
                source=draw(st.sampled_from(["manual", "scheduled"])),
            )
        return validate_note(draw(_texts), at, _PROPERTY_NOW, tags=draw(st.lists(_names, max_size=3)))
    except ValidationError:
        reject()


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    values=st.lists(_entries(), max_size=8),
    zone=st.sampled_from([None, "Europe/Berlin", "America/St_Johns"]),
    fmt=st.sampled_from(["json", "csv"]),
)
def test_round_trip_of_generated_entries_is_exact(
    values: list[PainCheckin | Note], zone: str | None, fmt: str
) -> None:
    export = EXPORTERS[fmt]
    with tempfile.TemporaryDirectory() as folder:
        first = open_journal(Path(folder) / "a" / "journal.db")
        second = open_journal(Path(folder) / "b" / "journal.db")
        try:
            source = Journal(first, clock=lambda: _PROPERTY_NOW)
            for value in values:
                source.add_entry(value, zone=zone)
            exported = export(source)
            path = Path(folder) / f"export.{fmt}"
            path.write_bytes(exported.encode("utf-8"))
            target = Journal(second, clock=lambda: _PROPERTY_NOW)

            assert import_file(path, target, _PROPERTY_NOW) == (0, len(values), 0)
            assert export(target) == exported
        finally:
            first.close()
            second.close()
