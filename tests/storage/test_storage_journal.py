"""The journal (desktop.storage.journal and its parts, journal_*.py): substances, every
entry kind, listing, undoable deletes and edits, one diary per night, atomic writes, the dose window,
settings, bulk import and the bytes the rows are stored as."""

from __future__ import annotations

import sqlite3
from datetime import UTC, date, datetime, timedelta, timezone
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from sqlite_utils import Database

from desktop.core.errors import ValidationError
from desktop.core.model import Dose, PainCheckin
from desktop.core.safety import PastDose
from desktop.storage.journal import Journal
from desktop.storage.journal_edits import UndoResult


def dump(db: Database) -> str:
    return "\n".join(db.conn.iterdump())


def rows(db: Database, entry_id: int, table: str) -> list[tuple[Any, ...]]:
    key = "id" if table == "entries" else "entry_id"
    return db.execute(f"SELECT * FROM {table} WHERE {key} = ?", [entry_id]).fetchall()


# ---- substances ------------------------------------------------------------------------


def test_add_substance_and_read_it_back(journal: Journal, make) -> None:
    kratom = make.kratom()
    journal.add_substance(kratom, uid="kratom-uid")
    journal.add_substance(make.melatonin())

    assert [s.substance.name for s in journal.substances()] == ["Kratom", "Melatonin"]
    stored = journal.substance("KRATOM")
    assert stored.uid == "kratom-uid"
    assert stored.substance == kratom


@pytest.mark.parametrize("name", ["Kratom", "kratom", "KRATOM", "  kRaToM "])
def test_a_substance_name_in_use_in_any_case_is_refused(journal: Journal, make, name: str) -> None:
    journal.add_substance(make.kratom())
    before = dump(journal.db)

    with pytest.raises(ValidationError) as caught:
        journal.add_substance(make.kratom(name))

    assert caught.value.field == "name"
    assert dump(journal.db) == before


def test_unknown_substance_names_the_known_ones(journal: Journal, make) -> None:
    journal.add_substance(make.kratom())
    with pytest.raises(ValidationError, match="Kratom") as caught:
        journal.substance("valerian")
    assert caught.value.field == "substance"


# ---- entries ---------------------------------------------------------------------------


@pytest.fixture
def filled(journal: Journal, make) -> dict[str, int]:
    """One entry of every kind, added out of time order."""
    kratom = make.kratom()
    journal.add_substance(kratom)
    return {
        "note": journal.add_entry(make.note(make.at(4, 12), "evening walk", tags=["walk"]), zone=make.zone),
        "dose": journal.add_entry(
            make.dose(kratom, make.at(3, 9), 2.5, form="powder", pain_before=6, warnings=("min_interval",)),
            zone=make.zone,
        ),
        "sleep": journal.add_entry(make.sleep(date(2026, 3, 3), quality=4), zone=None),
        "pain": journal.add_entry(
            make.pain(make.at(3, 10), 7, locations=["lower back"], qualities=["aching"], source="follow-up"),
            zone=make.zone,
        ),
        "effect": journal.add_entry(make.effect(make.at(4, 8), "dizziness", 2), zone=make.zone),
    }


def test_every_entry_kind_is_stored_and_read_back(journal: Journal, filled: dict[str, int]) -> None:
    dose = journal.entry(filled["dose"])
    assert dose == {
        "id": filled["dose"],
        "uid": dose["uid"],
        "kind": "dose",
        "at": "2026-03-03T09:00:00+01:00",
        "zone": "Europe/Berlin",
        "recorded": "2026-03-10T12:00:00.000000Z",
        "note": "",
        "substance": "Kratom",
        "amount": 2.5,
        "unit": "g",
        "form": "powder",
        "product": None,
        "batch": None,
        "pain_before": 6,
        "source": "manual",
        "warnings": ["min_interval"],
    }
    pain = journal.entry(filled["pain"])
    assert (pain["score"], pain["locations"], pain["qualities"], pain["source"]) == (
        7,
        ["lower back"],
        ["aching"],
        "follow-up",
    )
    sleep = journal.entry(filled["sleep"])
    assert sleep["zone"] is None
    assert (sleep["night"], sleep["at"], sleep["in_bed"], sleep["final_wake"], sleep["quality"]) == (
        "2026-03-03",
        "2026-03-03T22:45:00+01:00",
        "2026-03-03T22:45:00+01:00",
        "2026-03-04T06:30:00+01:00",
        4,
    )
    effect = journal.entry(filled["effect"])
    assert (effect["name"], effect["severity"]) == ("dizziness", 2)
    note = journal.entry(filled["note"])
    assert (note["note"], note["tags"]) == ("evening walk", ["walk"])


def test_entries_are_listed_in_time_order(journal: Journal, filled: dict[str, int]) -> None:
    assert [e["kind"] for e in journal.entries()] == ["dose", "pain", "sleep", "effect", "note"]


def test_entries_at_the_same_moment_keep_insertion_order(journal: Journal, make) -> None:
    ids = [journal.add_entry(make.pain(make.at(5, 9), score), zone=make.zone) for score in (3, 1, 2)]
    assert [e["id"] for e in journal.entries()] == ids


@pytest.mark.parametrize(
    ("kind", "start", "end", "expected"),
    [
        ("pain", None, None, ["pain"]),
        ("sleep", None, None, ["sleep"]),
        (
            None,
            datetime(2026, 3, 3, 9, 0, tzinfo=timezone(timedelta(hours=1))),
            None,
            ["dose", "pain", "sleep", "effect", "note"],
        ),
        # start is inclusive, end exclusive, whatever the offset they are given in.
        (None, datetime(2026, 3, 3, 8, 0, 1, tzinfo=UTC), None, ["pain", "sleep", "effect", "note"]),
        (None, None, datetime(2026, 3, 3, 9, 0, tzinfo=timezone(timedelta(hours=1))), []),
        (None, None, datetime(2026, 3, 3, 9, 0, 1, tzinfo=timezone(timedelta(hours=1))), ["dose"]),
        (None, datetime(2026, 3, 3, 12, tzinfo=UTC), datetime(2026, 3, 4, 7, 0, tzinfo=UTC), ["sleep"]),
        ("note", datetime(2026, 3, 4, tzinfo=UTC), datetime(2026, 3, 5, tzinfo=UTC), ["note"]),
        ("dose", datetime(2026, 3, 4, tzinfo=UTC), None, []),
    ],
)
def test_entries_filters(
    journal: Journal, filled: dict[str, int], kind, start, end, expected: list[str]
) -> None:
    assert [e["kind"] for e in journal.entries(kind=kind, start=start, end=end)] == expected


@pytest.mark.parametrize("entry_id", [0, -1, 999])
def test_unknown_entry_id_is_refused(journal: Journal, filled: dict[str, int], entry_id: int) -> None:
    with pytest.raises(ValidationError) as caught:
        journal.entry(entry_id)
    assert caught.value.field == "id"


def test_a_deleted_entry_is_gone_from_reads(journal: Journal, filled: dict[str, int]) -> None:
    deleted = journal.delete_entry(filled["pain"])

    assert deleted["score"] == 7
    assert "pain" not in [e["kind"] for e in journal.entries()]
    with pytest.raises(ValidationError) as caught:
        journal.entry(filled["pain"])
    assert caught.value.field == "id"
    with pytest.raises(ValidationError):
        journal.delete_entry(filled["pain"])
    # Nothing is destroyed: the uid is remembered (so a re-import does not revive it).
    assert deleted["uid"] in journal.uids()


@pytest.mark.parametrize("kind", ["dose", "pain", "sleep", "effect", "note"])
def test_delete_then_undo_restores(journal: Journal, filled: dict[str, int], kind: str) -> None:
    before = journal.entries()
    deleted = journal.delete_entry(filled[kind])

    assert journal.undo() == UndoResult("delete", filled[kind], kind)

    assert journal.entries() == before
    assert journal.entry(filled[kind]) == deleted


@pytest.mark.parametrize("kind", ["dose", "pain", "sleep", "effect", "note"])
def test_edit_then_undo_reverts_exactly(journal: Journal, filled: dict[str, int], make, kind: str) -> None:
    entry_id = filled[kind]
    kratom = make.kratom()
    replacement = {
        "dose": make.dose(
            kratom, make.at(3, 9, 30), 3.0, product="Red Bali", note="edited", source="reminder"
        ),
        "pain": make.pain(make.at(3, 11), 2, note="edited"),
        "sleep": make.sleep(date(2026, 3, 6), quality=1, note="edited"),
        "effect": make.effect(make.at(4, 9), "headache", 3, note="edited"),
        "note": make.note(make.at(4, 13), "edited", tags=["x", "y"]),
    }[kind]
    table = {"dose": "doses", "pain": "pains", "sleep": "sleeps", "effect": "effects", "note": "notes"}[kind]
    before = journal.entry(entry_id)
    before_rows = (rows(journal.db, entry_id, "entries"), rows(journal.db, entry_id, table))

    after = journal.replace_entry(entry_id, replacement, zone="Europe/Vienna")

    assert (after["id"], after["uid"], after["recorded"]) == (entry_id, before["uid"], before["recorded"])
    assert after["note"] == "edited"
    assert after["zone"] == "Europe/Vienna"
    assert journal.entry(entry_id) == after

    assert journal.undo() == UndoResult("edit", entry_id, kind)

    assert journal.entry(entry_id) == before
    assert (rows(journal.db, entry_id, "entries"), rows(journal.db, entry_id, table)) == before_rows


def test_an_edit_cannot_change_the_kind(journal: Journal, filled: dict[str, int], make) -> None:
    before = dump(journal.db)
    with pytest.raises(ValidationError) as caught:
        journal.replace_entry(filled["pain"], make.note(make.at(3, 10), "oops"), zone=None)
    assert caught.value.field == "kind"
    assert dump(journal.db) == before


def test_undo_walks_back_through_several_operations(journal: Journal, filled: dict[str, int], make) -> None:
    original = journal.entries()
    journal.delete_entry(filled["note"])
    journal.replace_entry(filled["pain"], make.pain(make.at(3, 10), 1), zone=make.zone)
    journal.replace_entry(filled["pain"], make.pain(make.at(3, 10), 2), zone=make.zone)
    journal.delete_entry(filled["pain"])

    assert journal.undo() == UndoResult("delete", filled["pain"], "pain")
    assert journal.entry(filled["pain"])["score"] == 2
    assert journal.undo() == UndoResult("edit", filled["pain"], "pain")
    assert journal.entry(filled["pain"])["score"] == 1
    assert journal.undo() == UndoResult("edit", filled["pain"], "pain")
    assert journal.entry(filled["pain"])["score"] == 7
    assert journal.undo() == UndoResult("delete", filled["note"], "note")
    assert journal.entries() == original
    assert journal.undo() is None


def test_undo_with_nothing_to_undo_returns_none(journal: Journal) -> None:
    before = dump(journal.db)
    assert journal.undo() is None
    assert dump(journal.db) == before


# ---- one sleep diary per night ---------------------------------------------------------


def test_a_second_diary_for_the_same_night_is_refused(journal: Journal, make) -> None:
    journal.add_entry(make.sleep(date(2026, 3, 5)), zone=None)
    before = dump(journal.db)

    with pytest.raises(ValidationError) as caught:
        journal.add_entry(make.sleep(date(2026, 3, 5), quality=5), zone=None)

    assert caught.value.field == "night"
    assert dump(journal.db) == before


def test_editing_a_diary_onto_a_taken_night_is_refused(journal: Journal, make) -> None:
    journal.add_entry(make.sleep(date(2026, 3, 5)), zone=None)
    other = journal.add_entry(make.sleep(date(2026, 3, 6)), zone=None)
    before = dump(journal.db)

    with pytest.raises(ValidationError) as caught:
        journal.replace_entry(other, make.sleep(date(2026, 3, 5)), zone=None)

    assert caught.value.field == "night"
    assert dump(journal.db) == before
    # Editing a diary without moving it is fine.
    journal.replace_entry(other, make.sleep(date(2026, 3, 6), quality=5), zone=None)


def test_deleting_a_diary_frees_its_night(journal: Journal, make) -> None:
    first = journal.add_entry(make.sleep(date(2026, 3, 5)), zone=None)
    journal.delete_entry(first)

    second = journal.add_entry(make.sleep(date(2026, 3, 5), quality=5), zone=None)

    assert [e["id"] for e in journal.entries(kind="sleep")] == [second]


def test_undoing_a_diary_delete_is_refused_when_the_night_has_a_new_diary(journal: Journal, make) -> None:
    first = journal.add_entry(make.sleep(date(2026, 3, 5)), zone=None)
    journal.delete_entry(first)
    second = journal.add_entry(make.sleep(date(2026, 3, 5), quality=5), zone=None)
    before = dump(journal.db)

    with pytest.raises(ValidationError) as caught:
        journal.undo()

    assert caught.value.field == "night"
    assert dump(journal.db) == before
    assert [e["id"] for e in journal.entries(kind="sleep")] == [second]


def test_undoing_a_diary_edit_is_refused_when_its_old_night_has_a_new_diary(journal: Journal, make) -> None:
    moved = journal.add_entry(make.sleep(date(2026, 3, 5)), zone=None)
    journal.replace_entry(moved, make.sleep(date(2026, 3, 6)), zone=None)
    newcomer = journal.add_entry(make.sleep(date(2026, 3, 5)), zone=None)
    before = dump(journal.db)

    with pytest.raises(ValidationError) as caught:
        journal.undo()

    assert caught.value.field == "night"
    assert dump(journal.db) == before
    nights = {e["id"]: e["night"] for e in journal.entries(kind="sleep")}
    assert nights == {moved: "2026-03-06", newcomer: "2026-03-05"}


# ---- atomic writes ---------------------------------------------------------------------


def test_a_dose_of_an_unknown_substance_leaves_the_journal_unchanged(
    journal: Journal, filled: dict[str, int], make
) -> None:
    # A Dose value naming a substance the journal does not have is refused before
    # anything is written (a write failing after the entries row: the CHECK test below).
    stray = Dose(substance="Valerian", amount=1.0, unit="g", at=make.at(5, 9))
    before = dump(journal.db)

    with pytest.raises(ValidationError) as caught:
        journal.add_entry(stray, zone=make.zone)

    assert caught.value.field == "substance"
    assert dump(journal.db) == before
    assert not journal.db.conn.in_transaction


def test_a_failing_edit_leaves_the_journal_unchanged(journal: Journal, filled: dict[str, int], make) -> None:
    stray = Dose(substance="Valerian", amount=1.0, unit="g", at=make.at(5, 9))
    before = dump(journal.db)

    with pytest.raises(ValidationError):
        journal.replace_entry(filled["dose"], stray, zone=make.zone)

    assert dump(journal.db) == before
    assert journal.undo() is None


def test_a_database_constraint_failure_rolls_back_too(journal: Journal, make) -> None:
    # A value that skipped validation: the CHECK constraint is the last line of defence.
    # The entries row is written before the pains row fails; both are rolled back.
    journal.add_entry(make.pain(make.at(5, 9), 3), zone=make.zone)
    before = dump(journal.db)

    with pytest.raises(sqlite3.IntegrityError, match="CHECK"):
        journal.add_entry(PainCheckin(score=11, at=make.at(5, 10)), zone=make.zone)

    assert dump(journal.db) == before


# ---- the dose window -------------------------------------------------------------------


def test_doses_of_returns_live_doses_in_the_half_open_window(journal: Journal, make) -> None:
    kratom, melatonin = make.kratom(), make.melatonin()
    journal.add_substance(kratom)
    journal.add_substance(melatonin)
    for hour, amount in ((6, 1.0), (8, 2.0), (12, 3.0), (16, 4.0)):
        journal.add_entry(make.dose(kratom, make.at(5, hour), amount), zone=make.zone)
    journal.add_entry(make.dose(melatonin, make.at(5, 10), 0.5), zone=make.zone)
    deleted = journal.add_entry(make.dose(kratom, make.at(5, 9), 9.0), zone=make.zone)
    journal.delete_entry(deleted)
    journal.add_entry(make.pain(make.at(5, 11), 4), zone=make.zone)

    window = journal.doses_of("kRATOM", make.at(5, 8), make.at(5, 16))

    assert window == [
        PastDose(datetime(2026, 3, 5, 7, tzinfo=UTC), 2.0),
        PastDose(datetime(2026, 3, 5, 11, tzinfo=UTC), 3.0),
    ]
    assert journal.doses_of("Melatonin", make.at(5, 0), make.at(6, 0)) == [
        PastDose(datetime(2026, 3, 5, 9, tzinfo=UTC), 0.5)
    ]
    assert journal.doses_of("Valerian", make.at(5, 0), make.at(6, 0)) == []


# ---- settings --------------------------------------------------------------------------


def test_settings_are_upserted(db: Database) -> None:
    times = iter([datetime(2026, 3, 1, tzinfo=UTC), datetime(2026, 3, 2, tzinfo=UTC)])
    journal = Journal(db, clock=lambda: next(times))
    assert journal.stored_settings() == {}

    journal.set_setting("bedtime", "22:30")
    journal.set_setting("bedtime", "23:00")

    assert journal.stored_settings() == {"bedtime": "23:00"}
    assert db.execute("SELECT key, value, updated_utc FROM settings").fetchall() == [
        ("bedtime", "23:00", "2026-03-02T00:00:00.000000Z")
    ]


def test_update_substance_changes_limits_and_keeps_the_unit_of_logged_doses(tmp_path) -> None:
    from datetime import datetime, timedelta

    from desktop.core.errors import ValidationError
    from desktop.core.validation import validate_dose, validate_substance
    from desktop.storage.database import open_journal
    from desktop.storage.journal import Journal

    journal = Journal(open_journal(tmp_path / "journal.db"))
    journal.add_substance(validate_substance("Kratom", "kratom", "g", max_per_day=3))
    journal.update_substance(
        "kratom", validate_substance("Kratom", "kratom", "g", max_per_day=2, usual_amount=2)
    )
    assert journal.substance("Kratom").substance.limits.max_doses_per_24h == 2
    now = datetime.fromisoformat("2026-03-02T09:00:00+01:00")
    journal.add_entry(
        validate_dose(journal.substance("Kratom").substance, 2, now, now + timedelta(hours=1)), zone=None
    )
    with pytest.raises(ValidationError) as caught:
        journal.update_substance("Kratom", validate_substance("Kratom", "kratom", "capsule"))
    assert caught.value.field == "unit"
    journal.add_substance(validate_substance("Melatonin", "melatonin", "mg"))
    with pytest.raises(ValidationError) as caught:
        journal.update_substance("Kratom", validate_substance("melatonin", "kratom", "g"))
    assert caught.value.field == "name"
    journal.update_substance("Kratom", validate_substance("Green kratom", "kratom", "g"))
    assert journal.entries(kind="dose")[0]["substance"] == "Green kratom"


def test_updating_an_unknown_substance_is_refused(journal: Journal, make) -> None:
    journal.add_substance(make.kratom())
    before = dump(journal.db)

    with pytest.raises(ValidationError, match="Valerian") as caught:
        journal.update_substance("Valerian", make.kratom("Valerian"))

    assert caught.value.field == "substance"
    assert dump(journal.db) == before


def test_lists_and_undo_records_are_stored_as_the_json_text_earlier_versions_wrote(
    journal: Journal, make
) -> None:
    # json.dumps with its ASCII escapes, not sqlite-utils' encoding of a list (which
    # keeps non-ASCII characters): existing journals and their backups stay comparable.
    kratom = make.kratom()
    journal.add_substance(kratom)
    pain = journal.add_entry(
        make.pain(make.at(5, 9), 4, locations=["Schläfe", "Knie"], qualities=["stechend"]), zone=make.zone
    )
    note = journal.add_entry(make.note(make.at(5, 10), "Grüße", tags=["ü"]), zone=None)
    dose = journal.add_entry(make.dose(kratom, make.at(5, 11), warnings=("min_interval",)), zone=make.zone)
    journal.delete_entry(note)

    assert rows(journal.db, pain, "pains") == [
        (pain, 4, '["Schl\\u00e4fe", "Knie"]', '["stechend"]', "manual")
    ]
    assert rows(journal.db, note, "notes") == [(note, '["\\u00fc"]')]
    assert journal.db.execute("SELECT warnings FROM doses WHERE entry_id = ?", [dose]).fetchall() == [
        ('["min_interval"]',)
    ]
    (before,) = journal.db.execute("SELECT before FROM undo_log").fetchone()
    assert before.startswith(f'{{"id": {note}, "uid": ')
    assert '"note": "Gr\\u00fc\\u00dfe", "tags": ["\\u00fc"]}' in before


def test_an_import_with_two_diaries_for_one_night_is_refused_whole(journal: Journal, make) -> None:
    before = dump(journal.db)
    entries = [
        (make.pain(make.at(4, 9), 3), make.zone, "pain-uid", "2026-03-10T12:00:00.000000Z"),
        (make.sleep(date(2026, 3, 4)), None, "first-uid", "2026-03-10T12:00:00.000000Z"),
        (make.sleep(date(2026, 3, 4), quality=5), None, "second-uid", "2026-03-10T12:00:00.000000Z"),
    ]

    with pytest.raises(ValidationError, match="2026-03-04 already has a sleep diary") as caught:
        journal.import_all([], entries)

    assert caught.value.field == "night"
    assert dump(journal.db) == before


def test_an_import_written_in_several_chunks_keeps_ids_and_order(
    journal: Journal, new_journal: Journal, filled: dict[str, int], make, monkeypatch
) -> None:
    import desktop.storage.journal_writes

    monkeypatch.setattr(desktop.storage.journal_writes, "_IMPORT_CHUNK", 2)
    kratom = journal.substance("kratom")
    new_journal.add_entry(make.pain(make.at(1, 9), 1), zone=make.zone)  # id 1 is taken
    source = journal.entries()
    values = {  # as the fixture made them
        "dose": make.dose(
            kratom.substance, make.at(3, 9), 2.5, form="powder", pain_before=6, warnings=("min_interval",)
        ),
        "pain": make.pain(
            make.at(3, 10), 7, locations=["lower back"], qualities=["aching"], source="follow-up"
        ),
        "sleep": make.sleep(date(2026, 3, 3), quality=4),
        "effect": make.effect(make.at(4, 8), "dizziness", 2),
        "note": make.note(make.at(4, 12), "evening walk", tags=["walk"]),
    }
    entries = [(values[e["kind"]], e["zone"], e["uid"], e["recorded"]) for e in reversed(source)]
    entries.insert(2, entries[0])  # already present by then

    added = new_journal.import_all([(kratom.uid, kratom.substance)], entries)

    assert added == (1, 5, 1)
    imported = new_journal.entries()[1:]
    assert [{**e, "id": 0} for e in imported] == [{**e, "id": 0} for e in source]
    # The ids follow the file's order (id 1 was taken), as one insert after another gives them.
    assert [e["id"] for e in imported] == [6, 5, 4, 3, 2]


def test_used_words_offer_forms_products_locations_and_qualities_most_recent_first(
    journal: Journal, filled: dict[str, int], make
) -> None:
    kratom = journal.substance("kratom").substance
    journal.add_entry(make.dose(kratom, make.at(4, 9), 2, product="Red Bali", form="Powder"), zone=make.zone)
    journal.add_entry(
        make.pain(make.at(4, 10), 3, locations=["Knee", "lower back"], qualities=["burning"]), zone=make.zone
    )
    deleted = journal.add_entry(make.pain(make.at(4, 11), 3, locations=["elbow"]), zone=make.zone)
    journal.delete_entry(deleted)
    words = journal.used_words()
    # "Powder" (newer) wins over "powder": one spelling of each word, the latest.
    assert words == {
        "form": ["Powder"],
        "product": ["Red Bali"],
        "location": ["Knee", "lower back"],
        "quality": ["burning", "aching"],
    }


def test_analysis_records_give_the_same_insights_as_full_records(journal: Journal, filled, make) -> None:
    from desktop.core.insights.compute import compute_insights

    kratom = journal.substance("kratom").substance
    for day in range(1, 9):
        journal.add_entry(make.dose(kratom, make.at(day, 9), 2, product="Red", pain_before=6), zone=make.zone)
        journal.add_entry(make.pain(make.at(day, 10), 3), zone=make.zone)
        journal.add_entry(make.pain(make.at(day, 11), 2), zone=make.zone)
    deleted = journal.add_entry(make.pain(make.at(2, 10, 30), 9), zone=make.zone)
    journal.delete_entry(deleted)
    kinds = {"kratom": "kratom"}
    today = make.at(9, 12).date()
    lean = journal.analysis_records()
    assert {r["kind"] for r in lean} == {"dose", "pain", "sleep"}
    assert len(lean) == len([r for r in journal.entries() if r["kind"] in ("dose", "pain", "sleep")])
    assert compute_insights(lean, kinds, today, ZoneInfo(make.zone)) == compute_insights(
        journal.entries(), kinds, today, ZoneInfo(make.zone)
    )
