"""The journal's substances: adding, changing, listing and finding them by name.

A substance's name is unique in any case (the column is ``COLLATE NOCASE``); its unit is
fixed once doses were logged in it.
"""

from __future__ import annotations

from dataclasses import dataclass

from desktop.core.errors import QT_TRANSLATE_NOOP, ValidationError
from desktop.core.model import Substance
from desktop.storage.records import (
    SUBSTANCE_FIELDS,
    Record,
    new_uid,
    parse_substance_record,
    substance_record,
)
from desktop.storage.store import Row, Store
from desktop.storage.transactions import write_transaction


@dataclass(frozen=True)
class StoredSubstance:
    """A substance with its row id and its export-stable uid."""

    id: int
    uid: str
    substance: Substance


class JournalSubstances(Store):
    """The ``substances`` table."""

    def add_substance(self, substance: Substance, *, uid: str | None = None) -> int:
        """Store a new substance; a name already in use (any case) is refused."""
        with write_transaction(self.db):
            if self._substance_row(substance.name) is not None:
                raise ValidationError(
                    "name", QT_TRANSLATE_NOOP("Errors", "{name!a} already exists"), name=substance.name
                )
            record = substance_record(substance, uid or new_uid())
            record["active"] = int(record["active"])
            record["created_utc"] = self._now_text()
            inserted = self.db.table("substances").insert(record)
            assert inserted.last_pk is not None
            return int(inserted.last_pk)

    def update_substance(self, name: str, substance: Substance) -> None:
        """Change a substance (its limits, usual amount, timing, alias, active flag or
        name). The unit cannot change once doses were logged: their amounts would then
        mean something else."""
        with write_transaction(self.db):
            row = self._substance_row(name)
            if row is None:
                raise ValidationError(
                    "substance", QT_TRANSLATE_NOOP("Errors", "{name!a} is not a known substance"), name=name
                )
            other = self._substance_row(substance.name)
            if other is not None and other["id"] != row["id"]:
                raise ValidationError(
                    "name", QT_TRANSLATE_NOOP("Errors", "{name!a} already exists"), name=substance.name
                )
            unit = row["unit"]
            if unit != substance.unit:
                doses = self.db.table("doses").count_where("substance_id = ?", [row["id"]])
                if doses:
                    raise ValidationError(
                        "unit",
                        QT_TRANSLATE_NOOP(
                            "Errors",
                            "stays {unit}: {doses} logged doses are in {unit}; add a new substance instead",
                        ),
                        unit=unit,
                        doses=doses,
                    )
            record = substance_record(substance, row["uid"])
            record["active"] = int(record["active"])
            del record["uid"]
            self.db.table("substances").update(row["id"], record)

    def _substance_row(self, name: str) -> Row | None:
        """The id, uid and unit of the substance called ``name`` (any case)."""
        rows = self.db.table("substances").rows_where(
            "name = ? COLLATE NOCASE", [name], select="id, uid, unit", limit=1
        )
        return next(rows, None)

    def substances(self) -> list[StoredSubstance]:
        """All substances, by name."""
        rows = self.db.table("substances").rows_where(
            select=", ".join(("id", *SUBSTANCE_FIELDS)), order_by="name COLLATE NOCASE"
        )
        result = []
        for raw in rows:
            raw["active"] = bool(raw["active"])
            uid, substance = parse_substance_record(raw, "substance")
            result.append(StoredSubstance(raw["id"], uid, substance))
        return result

    def substance(self, name: str) -> StoredSubstance:
        """The substance called ``name`` (any case); unknown names are a ValidationError."""
        for stored in self.substances():
            if stored.substance.name.casefold() == name.casefold():
                return stored
        known = (
            ", ".join(s.substance.name for s in self.substances())
            or "none yet; add one with 'ebb substance add'"
        )
        raise ValidationError(
            "substance",
            QT_TRANSLATE_NOOP("Errors", "{name} is not a known substance; known: {known}"),
            name=ascii(name)[:60],
            known=known,
        )

    def substance_records(self) -> list[Record]:
        return [substance_record(s.substance, s.uid) for s in self.substances()]
