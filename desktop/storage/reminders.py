"""Reminders in the journal: the ``occurrences`` table, the truth of the reminder
lifecycle (DESIGN.md section 4), and ``app_state`` (pause, first run done).

Rows are written with the sqlite-utils table API and read by column name; a state
change stays one SQL ``UPDATE`` (it counts deliveries up in place). Every write is one
:func:`~desktop.storage.transactions.write_transaction`. JSON columns hold text made
here with ``json.dumps(..., sort_keys=True)``, so a re-plan can compare it as text.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from desktop.core.times import from_stored, from_utc_text, to_utc_text
from desktop.storage.store import Row, Store
from desktop.storage.transactions import write_transaction

if TYPE_CHECKING:  # the planning modules stay unloaded where reminders are only read or marked
    from desktop.core.planning.occurrence import Occurrence

ACTED_STATES = frozenset({"due", "taken", "skipped", "snoozed", "missed", "suppressed"})
PENDING_STATES = ("planned", "snoozed")
OPEN_STATES = frozenset({"planned", "due", "snoozed"})  # not answered yet


@dataclass(frozen=True)
class StoredOccurrence:
    """A row of the occurrences table, with times as aware datetimes."""

    key: str
    kind: str
    local_date: str
    substance: str | None
    due: datetime  # in the offset in force when it was planned
    valid_until: datetime
    reason_code: str
    reason_data: dict[str, Any]
    state: str
    fire_at: datetime
    state_code: str | None
    state_data: dict[str, Any] | None
    deliveries: int

    @classmethod
    def from_row(cls, row: Row) -> StoredOccurrence:
        return cls(
            key=row["key"],
            kind=row["kind"],
            local_date=row["local_date"],
            substance=row["substance"],
            due=from_stored(row["due_utc"], row["due_offset_min"]),
            valid_until=from_utc_text(row["valid_until_utc"]),
            reason_code=row["reason_code"],
            reason_data=json.loads(row["reason_data"]),
            state=row["state"],
            fire_at=from_utc_text(row["fire_utc"]),
            state_code=row["state_code"],
            state_data=None if row["state_data"] is None else json.loads(row["state_data"]),
            deliveries=row["deliveries"],
        )


@dataclass(frozen=True)
class SyncResult:
    """How many stored reminders a plan sync inserted, updated and deleted."""

    inserted: int
    updated: int
    deleted: int

    @property
    def changed(self) -> bool:
        return bool(self.inserted or self.updated or self.deleted)


def _planned_columns(
    kind: str,
    substance: str | None,
    due: datetime,
    valid_until: datetime,
    reason_code: str,
    reason_data: Mapping[str, Any],
) -> Row:
    """The columns of an occurrence that planning decides."""
    return {
        "kind": kind,
        "local_date": due.date().isoformat(),
        "substance": substance,
        "due_utc": to_utc_text(due),
        "due_offset_min": int((due.utcoffset() or timedelta()).total_seconds() // 60),
        "valid_until_utc": to_utc_text(valid_until),
        "reason_code": reason_code,
        "reason_data": json.dumps(dict(reason_data), sort_keys=True),
    }


class Reminders(Store):
    """The reminder lifecycle in the database (DESIGN.md section 4).

    The database is the truth; timers are derived from :meth:`pending`. Rows that were
    acted on (delivered, taken, skipped, snoozed, missed, suppressed) are never rewritten
    by re-planning.
    """

    def _select(
        self, where: str, params: Sequence[Any] = (), *, order_by: str | None = None
    ) -> list[StoredOccurrence]:
        rows = self.db.table("occurrences").rows_where(where, list(params), order_by=order_by)
        return [StoredOccurrence.from_row(row) for row in rows]

    def sync_plan(self, local_dates: Iterable[str], planned: Iterable[Occurrence]) -> SyncResult:
        """Make the planned rows of ``local_dates`` match ``planned`` (core Occurrences).

        Idempotent: the same plan twice changes nothing; a changed plan updates only
        rows still in state ``planned``; planned rows no longer in the plan are deleted.
        """
        dates = sorted(set(local_dates))
        inserted = updated = 0
        now = self._now_text()
        with write_transaction(self.db):
            existing = self._on_dates_by_key(dates)
            seen = set()
            for occurrence in planned:
                seen.add(occurrence.key)
                fields = _planned_columns(
                    str(occurrence.kind),
                    occurrence.substance,
                    occurrence.due,
                    occurrence.valid_until,
                    occurrence.reason.code,
                    occurrence.reason.data,
                )
                old = existing.get(occurrence.key)
                if old is None:
                    inserted += self._insert_planned(occurrence.key, fields, now)
                elif old.state == "planned":
                    updated += self._update_planned(old, fields, now)
            deleted = self._delete_unplanned(existing, seen)
        return SyncResult(inserted, updated, deleted)

    def _on_dates_by_key(self, dates: Sequence[str]) -> dict[str, StoredOccurrence]:
        if not dates:
            return {}
        return {o.key: o for o in self.on_dates(dates)}

    def _insert_planned(self, key: str, fields: Row, now: str) -> int:
        """Store a newly planned occurrence; returns 1, or 0 when the key was acted on
        under another date (it stays as it is)."""
        occurrences = self.db.table("occurrences")
        elsewhere = next(occurrences.rows_where("key = ?", [key], select="state"), None)
        if elsewhere is not None:  # planned under another date (e.g. a zone change)
            if elsewhere["state"] != "planned":
                return 0
            occurrences.delete(key)
        occurrences.insert(
            {"key": key, **fields, "state": "planned", "fire_utc": fields["due_utc"], "updated_utc": now}
        )
        return 1

    def _update_planned(self, old: StoredOccurrence, fields: Row, now: str) -> int:
        """Rewrite a still-planned occurrence the new plan changed; returns 1 if it did."""
        current = _planned_columns(
            old.kind, old.substance, old.due, old.valid_until, old.reason_code, old.reason_data
        )
        if current == fields:
            return 0
        self.db.table("occurrences").update(
            old.key,
            {
                **fields,
                "fire_utc": fields["due_utc"],
                "state_code": None,
                "state_data": None,
                "updated_utc": now,
            },
        )
        return 1

    def _delete_unplanned(self, existing: Mapping[str, StoredOccurrence], seen: set[str]) -> int:
        """Delete the planned rows the new plan no longer has; returns how many."""
        gone = [key for key, old in existing.items() if key not in seen and old.state == "planned"]
        for key in gone:
            self.db.table("occurrences").delete(key)
        return len(gone)

    def get(self, key: str) -> StoredOccurrence | None:
        found = self._select("key = ?", [key])
        return found[0] if found else None

    def pending(self) -> list[StoredOccurrence]:
        """Occurrences still to fire (planned or snoozed), by fire time."""
        return self._select("state IN ('planned', 'snoozed')", order_by="fire_utc, key")

    def on_dates(self, local_dates: Sequence[str]) -> list[StoredOccurrence]:
        return self._select(
            f"local_date IN ({', '.join('?' * len(local_dates))})", local_dates, order_by="due_utc, key"
        )

    def set_state(
        self,
        key: str,
        state: str,
        *,
        code: str | None = None,
        data: Mapping[str, Any] | None = None,
        fire_at: datetime | None = None,
        delivered: bool = False,
        acted: bool = False,
    ) -> None:
        """Move an occurrence to ``state`` with the reason for it (one transaction). An
        unknown key changes nothing.

        SQL rather than ``Table.update``: deliveries count up in place, and ``update``
        would raise for a key that is gone."""
        now = self._now_text()
        sets = ["state = ?", "state_code = ?", "state_data = ?", "updated_utc = ?"]
        params: list[Any] = [
            state,
            code,
            None if data is None else json.dumps(dict(data), sort_keys=True),
            now,
        ]
        if fire_at is not None:
            sets.append("fire_utc = ?")
            params.append(to_utc_text(fire_at))
        if delivered:
            sets += ["deliveries = deliveries + 1", "delivered_utc = ?"]
            params.append(now)
        if acted:
            sets.append("acted_utc = ?")
            params.append(now)
        with write_transaction(self.db):
            self.db.execute(f"UPDATE occurrences SET {', '.join(sets)} WHERE key = ?", [*params, key])

    def mark_missed(self, now: datetime) -> list[StoredOccurrence]:
        """Every pending occurrence whose window has passed becomes ``missed``; returns them."""
        with write_transaction(self.db):
            stale = self._select(
                "state IN ('planned', 'snoozed') AND valid_until_utc <= ?",
                [to_utc_text(now)],
                order_by="due_utc",
            )
            for occurrence in stale:
                self.set_state(occurrence.key, "missed", code="window_passed")
        return stale

    def unsummarised_missed(self) -> list[StoredOccurrence]:
        return self._select("state = 'missed' AND summarised = 0", order_by="due_utc")

    def mark_summarised(self, keys: Sequence[str]) -> None:
        with write_transaction(self.db):
            self.db.conn.executemany(
                "UPDATE occurrences SET summarised = 1 WHERE key = ?", [[k] for k in keys]
            )

    # -- small app state (pause, first-run done) --

    def app_value(self, key: str) -> str | None:
        row = next(self.db.table("app_state").rows_where("key = ?", [key], select="value"), None)
        return None if row is None else str(row["value"])

    def set_app_value(self, key: str, value: str) -> None:
        with write_transaction(self.db):
            self.db.table("app_state").upsert({"key": key, "value": value}, pk="key")

    def paused_until(self) -> datetime | None:
        value = self.app_value("paused_until")
        return None if value is None else from_utc_text(value)

    def set_paused_until(self, until: datetime | None) -> None:
        if until is None:
            with write_transaction(self.db):
                self.db.table("app_state").delete_where("key = 'paused_until'")
        else:
            self.set_app_value("paused_until", to_utc_text(until))
