"""Reading the journal: live entries as records (one, or a period of one kind or all, in
time order), the doses a limit check counts, and the lean reads made for one reader
each: the insights' analysis records, the planner's view, the dialogs' completions.

Deleted entries (``deleted_utc`` set) are never read here.
"""

from __future__ import annotations

import heapq
from collections.abc import Iterator, Sequence
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from desktop.core.errors import QT_TRANSLATE_NOOP, ValidationError
from desktop.core.model import Substance
from desktop.core.safety import DAY, PastDose, Verdict, check_dose
from desktop.core.times import from_stored, from_utc_text, to_utc_text
from desktop.storage.journal_rows import IN_TIME_ORDER, KIND_SELECTS, row_to_record, stored_list
from desktop.storage.journal_substances import JournalSubstances
from desktop.storage.records import Record

if TYPE_CHECKING:  # the planning modules are imported only when planning: `ebb log` stays quick
    from desktop.core.planning.inputs import JournalView


class JournalReads(JournalSubstances):
    """Reads of ``entries`` joined with their detail tables."""

    def _records(
        self, conditions: Sequence[str], params: Sequence[Any], kind: str | None
    ) -> Iterator[Record]:
        """Live entries (of one kind or all) meeting ``conditions`` on ``e``, in time order."""
        where = " AND ".join(["e.kind = ?", "e.deleted_utc IS NULL", *conditions])
        streams = [
            self.db.query(f"{select} WHERE {where} ORDER BY e.at_utc, e.id", [each, *params])
            for each, select in KIND_SELECTS.items()
            if kind in (None, each)
        ]
        return map(row_to_record, heapq.merge(*streams, key=IN_TIME_ORDER))

    def entry(self, entry_id: int) -> Record:
        """One live (not deleted) entry; unknown ids are a ValidationError."""
        record = next(self._records(["e.id = ?"], [entry_id], None), None)
        if record is None:
            raise ValidationError(
                "id",
                QT_TRANSLATE_NOOP("Errors", "{entry_id} is not an entry in the journal"),
                entry_id=entry_id,
            )
        return record

    def night_record(self, night: date) -> Record | None:
        """The sleep diary of ``night`` (the evening's date), if it is logged."""
        return next(self._records(["sl.night = ?"], [night.isoformat()], "sleep"), None)

    def entries(
        self, *, kind: str | None = None, start: datetime | None = None, end: datetime | None = None
    ) -> list[Record]:
        """Live entries in time order, optionally of one kind and in [start, end)."""
        return list(self.iter_entries(kind=kind, start=start, end=end))

    def iter_entries(
        self, *, kind: str | None = None, start: datetime | None = None, end: datetime | None = None
    ) -> Iterator[Record]:
        conditions = []
        params = []
        if start is not None:
            conditions.append("e.at_utc >= ?")
            params.append(to_utc_text(start))
        if end is not None:
            conditions.append("e.at_utc < ?")
            params.append(to_utc_text(end))
        yield from self._records(conditions, params, kind)

    def doses_of(
        self, substance_name: str, start: datetime, end: datetime, *, exclude_id: int | None = None
    ) -> list[PastDose]:
        """Live doses of a substance with start <= at < end (for limit checks), leaving
        out entry ``exclude_id`` (the dose being edited, which must not count against itself)."""
        rows = self.db.query(
            "SELECT e.at_utc, d.amount FROM entries e JOIN doses d ON d.entry_id = e.id "
            "JOIN substances s ON s.id = d.substance_id "
            "WHERE s.name = ? COLLATE NOCASE AND e.deleted_utc IS NULL "
            "AND e.at_utc >= ? AND e.at_utc < ? AND e.id IS NOT ? ORDER BY e.at_utc",
            [substance_name, to_utc_text(start), to_utc_text(end), exclude_id],
        )
        return [PastDose(from_utc_text(row["at_utc"]), row["amount"]) for row in rows]

    def analysis_records(self) -> list[Record]:
        """Doses, pain readings and sleep diaries with only the fields insights read, for
        the whole journal. ``at`` is an aware datetime in the offset the user lived (not
        the ISO text of :meth:`entries`): on a 10-year journal this takes about a fifth of
        the time of building and re-parsing full records."""
        live = "e.deleted_utc IS NULL"
        records: list[Record] = [
            {
                "kind": "dose",
                "at": from_stored(row["at_utc"], row["utc_offset_min"]),
                "substance": row["substance"],
                "amount": row["amount"],
                "product": row["product"],
                "batch": row["batch"],
                "pain_before": row["pain_before"],
            }
            for row in self.db.query(
                "SELECT e.at_utc, e.utc_offset_min, s.name AS substance, d.amount, d.product, d.batch, "
                "d.pain_before FROM entries e JOIN doses d ON d.entry_id = e.id "
                f"JOIN substances s ON s.id = d.substance_id WHERE {live}"
            )
        ]
        records.extend(
            {"kind": "pain", "at": from_stored(row["at_utc"], row["utc_offset_min"]), "score": row["score"]}
            for row in self.db.query(
                "SELECT e.at_utc, e.utc_offset_min, p.score "
                f"FROM entries e JOIN pains p ON p.entry_id = e.id WHERE {live}"
            )
        )
        records.extend(
            {
                "kind": "sleep",
                "at": from_stored(row["at_utc"], row["utc_offset_min"]),
                "night": row["night"],
                "in_bed": row["in_bed"],
                "try_sleep": row["tried_sleep"],
                "sol_min": row["sol_min"],
                "waso_min": row["waso_min"],
                "final_wake": row["final_wake"],
                "out_of_bed": row["out_of_bed"],
                "quality": row["quality"],
            }
            for row in self.db.query(
                "SELECT e.at_utc, e.utc_offset_min, sl.night, sl.in_bed, sl.tried_sleep, sl.sol_min, "
                "sl.waso_min, sl.final_wake, sl.out_of_bed, sl.quality "
                f"FROM entries e JOIN sleeps sl ON sl.entry_id = e.id WHERE {live}"
            )
        )
        return records

    def first_entry_time(self) -> datetime | None:
        """When the earliest live entry happened (None: the journal is empty)."""
        rows = self.db.query("SELECT min(at_utc) AS first FROM entries WHERE deleted_utc IS NULL")
        first = next(rows)["first"]
        return None if first is None else from_utc_text(first)

    def used_words(self, limit: int = 40) -> dict[str, list[str]]:
        """The dose forms and products and the pain locations and qualities the user has
        written before, most recent first, to offer as completions in the dialogs."""
        words: dict[str, list[str]] = {}
        for field, table, column in (
            ("form", "doses", "form"),
            ("product", "doses", "product"),
            ("location", "pains", "locations"),
            ("quality", "pains", "qualities"),
        ):
            # Column and table names come from the literal table above, never from input.
            rows = self.db.query(
                f"SELECT t.{column} AS text FROM {table} t JOIN entries e ON e.id = t.entry_id "
                f"WHERE e.deleted_utc IS NULL AND t.{column} IS NOT NULL AND t.{column} NOT IN ('', '[]') "
                "ORDER BY e.at_utc DESC LIMIT 500"
            )
            seen: dict[str, str] = {}
            for row in rows:
                for word in stored_list(row["text"]) if table == "pains" else [row["text"]]:
                    seen.setdefault(word.casefold(), word)
            words[field] = list(seen.values())[:limit]
        return words

    def planner_view(self, since: datetime) -> JournalView:
        """What the planner needs: active substances, and pain readings, doses and
        sleep onsets from ``since`` on (times in the offset the user lived)."""
        from desktop.core.planning.inputs import JournalView, LoggedDose
        from desktop.core.planning.pattern import PainReading

        since_text = [to_utc_text(since)]
        pains = [
            PainReading(from_stored(row["at_utc"], row["utc_offset_min"]), row["score"])
            for row in self.db.query(
                "SELECT e.at_utc, e.utc_offset_min, p.score FROM entries e JOIN pains p ON p.entry_id = e.id "
                "WHERE e.deleted_utc IS NULL AND e.at_utc >= ? ORDER BY e.at_utc",
                since_text,
            )
        ]
        doses = [
            LoggedDose(
                row["uid"], row["name"], from_stored(row["at_utc"], row["utc_offset_min"]), row["pain_before"]
            )
            for row in self.db.query(
                "SELECT e.uid, s.name, e.at_utc, e.utc_offset_min, d.pain_before FROM entries e "
                "JOIN doses d ON d.entry_id = e.id JOIN substances s ON s.id = d.substance_id "
                "WHERE e.deleted_utc IS NULL AND e.at_utc >= ? ORDER BY e.at_utc",
                since_text,
            )
        ]
        onsets = [
            (date.fromisoformat(row["night"]), datetime.fromisoformat(row["tried_sleep"]))
            for row in self.db.query(
                "SELECT sl.night, sl.tried_sleep FROM entries e JOIN sleeps sl ON sl.entry_id = e.id "
                "WHERE e.deleted_utc IS NULL AND e.at_utc >= ? ORDER BY e.at_utc",
                since_text,
            )
        ]
        substances = [(s.uid, s.substance) for s in self.substances() if s.substance.active]
        return JournalView(substances=substances, pains=pains, doses=doses, sleep_onsets=onsets)

    def limit_verdict(
        self, substance: Substance, amount: float, at: datetime, *, exclude_id: int | None = None
    ) -> Verdict:
        """A dose of ``amount`` at ``at`` against the user's own limits, given the doses
        logged within a day either side (but entry ``exclude_id``: an edit replaces it)."""
        history = self.doses_of(substance.name, at - DAY, at + DAY, exclude_id=exclude_id)
        return check_dose(substance.limits, history, at, amount)
