"""Export to and import from Ebb's own JSON and CSV files.

Import is all-or-nothing: the whole file is decoded and validated first, then added in
one transaction. Entries are matched by ``uid``, so importing the same file twice adds
nothing, and export -> import -> export gives the same bytes.

CSV cells that a spreadsheet would run as a formula (starting with =, +, -, @, tab or
CR) are written with a leading apostrophe (OWASP "CSV injection"); a cell that already
starts with an apostrophe gets one more, so the reader can undo it exactly.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator, Mapping
from datetime import datetime
from pathlib import Path
from typing import Any

from desktop.core.errors import ValidationError
from desktop.core.model import Substance
from desktop.storage.journal import Journal
from desktop.storage.records import (
    COMMON_FIELDS,
    ENTRY_FIELDS,
    LIST_FIELDS,
    SUBSTANCE_FIELDS,
    Entry,
    Record,
    parse_entry_record,
    parse_substance_record,
)

FORMAT_NAME = "ebb-journal"
FORMAT_VERSION = 1
MAX_IMPORT_BYTES = 256 * 1024 * 1024
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "'")

# One CSV row per substance and per entry; "record" says which.
CSV_COLUMNS: tuple[str, ...] = tuple(
    dict.fromkeys(
        (
            "record",
            *COMMON_FIELDS[:1],
            *COMMON_FIELDS[2:],
            "substance_kind",
            *(f for f in SUBSTANCE_FIELDS if f not in ("uid", "kind")),
            *(f for fields in ENTRY_FIELDS.values() for f in fields),
        )
    )
)


def _export_entry(record: Record) -> Record:
    return {k: v for k, v in record.items() if k != "id"}


def export_json(journal: Journal) -> str:
    """The whole journal (live entries) as Ebb's JSON document."""
    document = {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "substances": journal.substance_records(),
        "entries": [_export_entry(r) for r in journal.iter_entries()],
    }
    return json.dumps(document, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def neutralise_cell(text: str) -> str:
    return "'" + text if text.startswith(_FORMULA_STARTS) else text


def restore_cell(text: str) -> str:
    return text[1:] if text.startswith("'") else text


def _csv_cell(key: str, value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return repr(value)
    if isinstance(value, int):
        return str(value)
    if key in LIST_FIELDS:
        return neutralise_cell(json.dumps(value, ensure_ascii=False)) if value else "[]"
    return neutralise_cell(str(value))


def _csv_row(record_kind: str, record: Record) -> list[str]:
    return [record_kind if key == "record" else _csv_cell(key, record.get(key)) for key in CSV_COLUMNS]


def _csv_rows(journal: Journal) -> Iterator[list[str]]:
    for substance in journal.substance_records():
        yield _csv_row("substance", {**substance, "substance_kind": substance["kind"]})
    for entry in journal.iter_entries():
        yield _csv_row(entry["kind"], entry)


def export_csv(journal: Journal) -> str:
    """The whole journal as one CSV table (substances first, then entries by time)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    writer.writerows(_csv_rows(journal))
    return buffer.getvalue()


# ---- import -------------------------------------------------------------------------


def _decode(data: bytes) -> str:
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ValidationError(
            "file", f"is not UTF-8 text (byte 0x{data[exc.start]:02x} at position {exc.start})"
        ) from None
    return text.removeprefix("\ufeff")


def _read_json(text: str) -> tuple[list[Any], list[Any]]:
    try:
        document = json.loads(text)
    except RecursionError:
        raise ValidationError("file", "is nested too deeply to be an Ebb export") from None
    except json.JSONDecodeError as exc:
        raise ValidationError(
            "file", f"is not valid JSON ({exc.msg} at line {exc.lineno}, column {exc.colno})"
        ) from None
    if not isinstance(document, dict) or document.get("format") != FORMAT_NAME:
        raise ValidationError("format", f"is not {FORMAT_NAME!r}; this is not an Ebb export")
    version = document.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version > FORMAT_VERSION or version < 1:
        raise ValidationError(
            "version", f"{ascii(version)[:20]} is not supported; this Ebb reads version {FORMAT_VERSION}"
        )
    substances, entries = document.get("substances", []), document.get("entries", [])
    if not isinstance(substances, list):
        raise ValidationError("substances", "is not a list")
    if not isinstance(entries, list):
        raise ValidationError("entries", "is not a list")
    return substances, entries


def _read_csv(text: str) -> tuple[list[Any], list[Any]]:
    try:
        reader = csv.DictReader(io.StringIO(text, newline=""), strict=True)
        header = reader.fieldnames or []
        if "record" not in header or "uid" not in header:
            raise ValidationError("file", "is neither Ebb's JSON nor Ebb's CSV (no record/uid columns)")
        unknown = set(header) - set(CSV_COLUMNS)
        if unknown:
            raise ValidationError("file", f"has unknown CSV columns: {', '.join(sorted(unknown))[:200]}")
        substances: list[Any] = []
        entries: list[Any] = []
        for line, row in enumerate(reader, start=2):
            if None in row or any(v is None for v in row.values()):
                raise ValidationError(f"line {line}", "has a different number of cells from the header")
            raw: dict[str, Any] = {}
            for key, cell in row.items():
                value = restore_cell(cell)
                if key in LIST_FIELDS and value:
                    try:
                        value = json.loads(value)
                    except json.JSONDecodeError:
                        raise ValidationError(f"line {line}.{key}", "is not a JSON list") from None
                raw[key] = value if value != "" else None
            record_kind = raw.pop("record")
            raw["line"] = line
            if record_kind == "substance":
                raw["kind"] = raw.pop("substance_kind")
                substances.append(raw)
            else:
                raw["kind"] = record_kind
                entries.append(raw)
        return substances, entries
    except csv.Error as exc:
        raise ValidationError("file", f"is not valid CSV ({exc})") from None


def _where(kind: str, index: int, raw: Mapping[str, Any]) -> str:
    line = raw.get("line")
    return f"line {line}" if line is not None else f"{kind}[{index}]"


def read_import(
    data: bytes, journal: Journal, now: datetime
) -> tuple[list[tuple[str, Substance]], list[tuple[Entry, str | None, str, str]]]:
    """Decode and validate a whole import file. Raises ValidationError; writes nothing."""
    if len(data) > MAX_IMPORT_BYTES:
        raise ValidationError("file", f"is {len(data)} bytes; at most {MAX_IMPORT_BYTES} are allowed")
    text = _decode(data)
    if not text.strip():
        raise ValidationError("file", "is empty")
    raw_substances, raw_entries = _read_json(text) if text.lstrip().startswith("{") else _read_csv(text)
    substances: list[tuple[str, Substance]] = []
    stored = journal.substances()
    by_name: dict[str, Substance] = {s.substance.name.casefold(): s.substance for s in stored}
    # A substance uid names one substance: a clash would otherwise surface as an
    # sqlite3.IntegrityError from import_all instead of a ValidationError.
    name_of_uid: dict[str, str] = {s.uid: s.substance.name.casefold() for s in stored}
    seen_uids: set[str] = set()
    for index, raw in enumerate(raw_substances):
        where = _where("substances", index, raw if isinstance(raw, dict) else {})
        if not isinstance(raw, dict):
            raise ValidationError(where, "is not an object")
        uid, substance = parse_substance_record(raw, where)
        if substance.name.casefold() in {s.name.casefold() for _, s in substances}:
            raise ValidationError(f"{where}.name", f"{substance.name!a} appears twice in the file")
        if name_of_uid.setdefault(uid, substance.name.casefold()) != substance.name.casefold():
            raise ValidationError(
                f"{where}.uid", f"{uid} is already the uid of another substance in this file or journal"
            )
        substances.append((uid, substance))
        by_name.setdefault(substance.name.casefold(), substance)
    entries = []
    for index, raw in enumerate(raw_entries):
        where = _where("entries", index, raw if isinstance(raw, dict) else {})
        if not isinstance(raw, dict):
            raise ValidationError(where, "is not an object")
        parsed = parse_entry_record(raw, where, by_name, now)
        if parsed[2] in seen_uids:
            raise ValidationError(f"{where}.uid", f"{parsed[2]} appears twice in the file")
        seen_uids.add(parsed[2])
        entries.append(parsed)
    return substances, entries


def import_file(path: Path, journal: Journal, now: datetime) -> tuple[int, int, int]:
    """Import an Ebb JSON or CSV export, all or nothing.

    Returns (substances added, entries added, entries already present).
    """
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ValidationError("path", f"{path} cannot be read ({exc.strerror})") from None
    substances, entries = read_import(data, journal, now)
    return journal.import_all(substances, entries)
