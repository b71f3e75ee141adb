"""Hostile input on every path: command-line arguments, settings values, dialog fields,
and JSON / CSV imports. Each example gets a clear error or is stored as given: never a
traceback, never a partial write.

Examples per test: EBB_FUZZ_EXAMPLES (default 150, which `uv run pytest` and CI use);
the full run of issue 6 is ``EBB_FUZZ_EXAMPLES=10000 uv run pytest -m fuzz tests/fuzz``.
"""

from __future__ import annotations

import csv
import io
import json
import os
import sqlite3
import tempfile
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.cli.main import main
from desktop.core.errors import ValidationError
from desktop.core.settings import SPECS, normalise_setting
from desktop.storage.database import open_journal
from desktop.storage.exchange import export_csv, export_json, import_file
from desktop.storage.journal import Journal

pytestmark = pytest.mark.fuzz

EXAMPLES = int(os.environ.get("EBB_FUZZ_EXAMPLES", "150"))
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
NOW = datetime(2026, 3, 10, 12, 0, tzinfo=UTC)

# Text that hurts: controls, bidi overrides, NUL, surrogates' neighbours, formula starts,
# SQL, very long runs, numbers at the edges.
NASTY = st.one_of(
    st.text(max_size=40),
    st.text(alphabet=st.characters(codec="utf-8"), max_size=300),
    st.sampled_from(
        [
            "",
            " ",
            "\x00",
            "\u202eevil",
            '=HYPERLINK("x")',
            "+1+1",
            "-0",
            "@SUM(A1)",
            "'; DROP TABLE entries; --",
            "1e309",
            "nan",
            "inf",
            "-1",
            "99999999999999999999",
            "0.0000001",
            "25:61",
            "2026-02-30",
            "2026-03-08T21:30",
            "2026-03-08T21:30+14:01",
            "10",
            "Kratom",
            "x" * 100_000,
        ]
    ),
)


def dump(path: Path) -> list[str]:
    conn = sqlite3.connect(path)
    try:
        return list(conn.iterdump())
    finally:
        conn.close()


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A data folder with two substances and a few entries, copied for each example."""
    data = tmp_path_factory.mktemp("seed") / "data"
    run = lambda *a: main(["--data-dir", str(data), *a], out=io.StringIO(), err=io.StringIO())  # noqa: E731
    assert run("substance", "add", "Kratom", "--kind", "kratom", "--unit", "g", "--max-per-day", "3") == 0
    assert run("substance", "add", "Melatonin", "--kind", "melatonin", "--unit", "mg") == 0
    assert run("log", "pain", "5", "--at", "2026-03-01T09:00", "--note", "seed") == 0
    assert run("log", "dose", "Kratom", "2", "--at", "2026-03-01T09:10") == 0
    return data


@pytest.fixture
def data_copy(seeded: Path) -> Iterator[Path]:
    def fresh() -> Path:
        folder = Path(tempfile.mkdtemp()) / "data"
        folder.mkdir(mode=0o700)
        conn = sqlite3.connect(seeded / "journal.db")
        target = sqlite3.connect(folder / "journal.db")
        conn.backup(target)
        conn.close()
        target.close()
        return folder

    yield fresh  # type: ignore[misc]


# ---- command-line arguments --------------------------------------------------------

# Commands that write files elsewhere or start the app are left out: an --out drawn at
# random could name any path on this machine.
COMMANDS = [
    ["log", "pain"],
    ["log", "dose"],
    ["log", "dose", "Kratom"],
    ["log", "sleep"],
    ["log", "effect"],
    ["log", "note"],
    ["list"],
    ["delete"],
    ["undo"],
    ["settings", "set"],
    ["settings", "show"],
    ["substance", "add"],
    ["substance", "list"],
    ["plan"],
    ["pattern"],
    ["insights"],
    ["doctor"],
    ["nonsense"],
]
OPTIONS = [
    "--at",
    "--note",
    "--kind",
    "--unit",
    "--from",
    "--to",
    "--date",
    "--night",
    "--in-bed",
    "--sol",
    "--quality",
    "--force",
    "--json",
    "--pain-before",
    "--batch",
    "--location",
    "--max-per-day",
    "--daily-cap",
    "--min-interval",
    "--amount",
    "--waso",
    "--awakenings",
    "--final-wake",
]


@FUZZ
@given(
    command=st.sampled_from(COMMANDS),
    args=st.lists(st.one_of(NASTY, st.sampled_from(OPTIONS)), max_size=8),
)
def test_any_command_line_gives_an_exit_code_and_at_most_one_error_line(data_copy, command, args) -> None:
    data = data_copy()
    before = dump(data / "journal.db")
    out, err = io.StringIO(), io.StringIO()
    code = main(["--data-dir", str(data), *command, *args], out=out, err=err)  # no exception escapes
    assert code in (0, 1, 2, 3, 4)
    if code == 2:
        lines = err.getvalue().splitlines()
        assert len(lines) == 1 and lines[0].startswith("ebb: error:"), err.getvalue()[:500]
        assert dump(data / "journal.db") == before  # refused: nothing written
    conn = sqlite3.connect(data / "journal.db")
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()


# ---- settings ----------------------------------------------------------------------


@FUZZ
@given(key=st.sampled_from(sorted(SPECS)), value=NASTY)
def test_any_settings_value_is_stored_normalised_or_refused_naming_the_key(key: str, value: str) -> None:
    try:
        stored = normalise_setting(key, value)
    except ValidationError as exc:
        assert exc.field == key
        return
    assert normalise_setting(key, stored) == stored  # the stored form reads back as itself


# ---- dialog fields -----------------------------------------------------------------


@FUZZ
@given(
    kind=st.sampled_from(["pain", "dose", "effect", "note"]),
    texts=st.lists(NASTY, min_size=4, max_size=4),
    score=st.integers(-1, 10),
)
def test_any_dialog_input_saves_a_valid_entry_or_shows_the_cores_message(qtbot, kind, texts, score) -> None:
    from PySide6.QtWidgets import QLineEdit

    from desktop.core.validation import validate_substance
    from desktop.ui.dialogs import DoseDialog, EffectDialog, NoteDialog, PainDialog

    saved: list[Any] = []
    zone = UTC
    if kind == "pain":
        dialog: Any = PainDialog(saved.append, lambda: NOW, zone)
        if score >= 0:
            dialog.score.set_value(score)
    elif kind == "dose":
        kratom = validate_substance("Kratom", "kratom", "g", max_per_day=3)
        dialog = DoseDialog(
            saved.append, lambda: NOW, zone, substances=[kratom], check_limits=lambda s, a, t: _ok(t)
        )
    elif kind == "effect":
        dialog = EffectDialog(saved.append, lambda: NOW, zone)
    else:
        dialog = NoteDialog(saved.append, lambda: NOW, zone)
    qtbot.addWidget(dialog)
    for edit, text in zip(dialog.findChildren(QLineEdit), texts, strict=False):
        edit.setText(text[:5000])
    dialog.submit()
    if saved:
        assert dialog.result() == dialog.DialogCode.Accepted and len(saved) == 1
    else:  # refused: the core's message is on screen, naming the field
        assert dialog.error.text().strip(), texts
    dialog.close()


def _ok(at: datetime) -> Any:
    from desktop.core.safety import Verdict

    return Verdict(reasons=(), next_ok_at=at, used_count=0, used_amount=0.0)


# ---- imports -----------------------------------------------------------------------

JSON_VALUES = st.recursive(
    st.one_of(
        st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False, allow_infinity=False), NASTY
    ),
    lambda children: st.one_of(
        st.lists(children, max_size=3), st.dictionaries(st.text(max_size=8), children, max_size=3)
    ),
    max_leaves=10,
)


def _export(data: Path, fmt: str) -> bytes:
    journal = Journal(open_journal(data / "journal.db"), clock=lambda: NOW)
    try:
        return (export_json(journal) if fmt == "json" else export_csv(journal)).encode("utf-8")
    finally:
        journal.db.close()


def _mutate_json(document: bytes, draw: Any) -> bytes:
    doc = json.loads(document)
    choice = draw(st.integers(0, 5))
    entries = doc.get("entries", [])
    if choice == 0 and entries:  # a field gets any value
        entry = draw(st.sampled_from(entries))
        entry[draw(st.sampled_from(sorted(entry)))] = draw(JSON_VALUES)
    elif choice == 1 and entries:  # a field goes missing
        entry = draw(st.sampled_from(entries))
        entry.pop(draw(st.sampled_from(sorted(entry))))
    elif choice == 2 and entries:  # the same uid twice with different content
        twin = dict(entries[0])
        twin["note"] = "twin"
        entries.append(twin)
    elif choice == 3:  # anything at the top level
        doc[draw(st.sampled_from(["format", "version", "entries", "substances", "extra"]))] = draw(
            JSON_VALUES
        )
    encoded = json.dumps(doc, ensure_ascii=False).encode("utf-8")
    if choice == 4:  # cut anywhere
        encoded = encoded[: draw(st.integers(0, len(encoded)))]
    if choice == 5:  # deep nesting
        encoded = b"[" * draw(st.integers(1, 200_000)) + encoded
    return encoded


def _mutate_csv(document: bytes, draw: Any) -> bytes:
    rows = list(csv.reader(io.StringIO(document.decode("utf-8"))))
    choice = draw(st.integers(0, 3))
    if choice == 0 and len(rows) > 1:  # any cell gets any text (formulas, quotes, newlines)
        row = draw(st.integers(0, len(rows) - 1))
        column = draw(st.integers(0, len(rows[row]) - 1))
        rows[row][column] = draw(NASTY)
    elif choice == 1 and len(rows) > 1:  # a short or a long row
        rows[-1] = rows[-1][: draw(st.integers(0, len(rows[-1])))] + draw(st.lists(NASTY, max_size=2))
    buffer = io.StringIO()
    csv.writer(buffer).writerows(rows)
    encoded = buffer.getvalue().encode("utf-8")
    if choice == 2:
        encoded = encoded[: draw(st.integers(0, len(encoded)))]
    if choice == 3:  # another encoding
        encoded = buffer.getvalue().encode("utf-16")
    return encoded


@FUZZ
@given(fmt=st.sampled_from(["json", "csv"]), data=st.data())
def test_any_import_file_is_all_or_nothing_with_a_named_error(
    data_copy, fmt: str, data: st.DataObject
) -> None:
    source = data_copy()
    exported = _export(source, fmt)
    mutated = _mutate_json(exported, data.draw) if fmt == "json" else _mutate_csv(exported, data.draw)
    target = data_copy()
    path = target / f"import.{fmt}"
    path.write_bytes(mutated)
    before = dump(target / "journal.db")
    journal = Journal(open_journal(target / "journal.db"), clock=lambda: NOW)
    try:
        import_file(path, journal, NOW)
    except ValidationError as exc:
        assert exc.field and str(exc)
        journal.db.close()
        assert dump(target / "journal.db") == before  # refused whole
        return
    journal.db.close()
    conn = sqlite3.connect(target / "journal.db")
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()
