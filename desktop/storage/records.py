"""Records: the plain-dict form of journal values used for storage rows, listings and
export files, and their validation on the way back in.

A record uses only JSON types. Times are ISO-8601 with the UTC offset the user lived
(``at``) plus the IANA zone when known, so an export read on another machine shows
the same local times. No SQL here; :mod:`desktop.storage.journal` stores records.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any, TypeVar
from zoneinfo import ZoneInfo

from desktop.core.errors import ValidationError
from desktop.core.model import Dose, Note, PainCheckin, SideEffect, SleepEntry, Substance
from desktop.core.times import parse_date, parse_datetime, zone_from_name
from desktop.core.validation import (
    validate_dose,
    validate_effect,
    validate_note,
    validate_pain,
    validate_sleep,
    validate_substance,
)

_UTC = UTC
Entry = Dose | PainCheckin | SleepEntry | SideEffect | Note
Record = dict[str, Any]

ENTRY_FIELDS: dict[str, tuple[str, ...]] = {
    "dose": ("substance", "amount", "unit", "form", "product", "batch", "pain_before", "source", "warnings"),
    "pain": ("score", "locations", "qualities", "source"),
    "sleep": (
        "night",
        "in_bed",
        "try_sleep",
        "sol_min",
        "awakenings",
        "waso_min",
        "final_wake",
        "out_of_bed",
        "quality",
    ),
    "effect": ("name", "severity"),
    "note": ("tags",),
}
COMMON_FIELDS = ("uid", "kind", "at", "zone", "recorded", "note")
LIST_FIELDS = frozenset({"warnings", "locations", "qualities", "tags"})  # lists of words
SUBSTANCE_FIELDS = (
    "uid",
    "name",
    "kind",
    "unit",
    "usual_amount",
    "min_interval_h",
    "max_per_day",
    "daily_cap",
    "onset_min",
    "duration_h",
    "alias",
    "active",
)


def new_uid() -> str:
    """A random identifier that survives export and import."""
    import uuid  # on first use: it loads platform, about 2 ms of every start

    return uuid.uuid4().hex


def entry_kind(value: Entry) -> str:
    return {Dose: "dose", PainCheckin: "pain", SleepEntry: "sleep", SideEffect: "effect", Note: "note"}[
        type(value)
    ]


def entry_time(value: Entry) -> datetime:
    """The moment an entry is listed at (a sleep diary: into bed)."""
    return value.in_bed if isinstance(value, SleepEntry) else value.at


def entry_record(value: Entry, *, zone: str | None, uid: str, recorded: str) -> Record:
    """The record of a validated entry."""
    record: Record = {
        "uid": uid,
        "kind": entry_kind(value),
        "at": entry_time(value).isoformat(),
        "zone": zone,
        "recorded": recorded,
        "note": value.text if isinstance(value, Note) else value.note,
    }
    if isinstance(value, Dose):
        record.update(
            substance=value.substance,
            amount=value.amount,
            unit=value.unit,
            form=value.form,
            product=value.product,
            batch=value.batch,
            pain_before=value.pain_before,
            source=str(value.source),
            warnings=list(value.warnings),
        )
    elif isinstance(value, PainCheckin):
        record.update(
            score=value.score,
            locations=list(value.locations),
            qualities=list(value.qualities),
            source=str(value.source),
        )
    elif isinstance(value, SleepEntry):
        record.update(
            night=value.night.isoformat(),
            in_bed=value.in_bed.isoformat(),
            try_sleep=value.tried_sleep.isoformat(),
            sol_min=value.sol_min,
            awakenings=value.awakenings,
            waso_min=value.waso_min,
            final_wake=value.final_wake.isoformat(),
            out_of_bed=value.out_of_bed.isoformat(),
            quality=value.quality,
        )
    elif isinstance(value, SideEffect):
        record.update(name=value.name, severity=value.severity)
    else:
        record.update(tags=list(value.tags))
    return record


def substance_record(substance: Substance, uid: str) -> Record:
    limits = substance.limits
    return {
        "uid": uid,
        "name": substance.name,
        "kind": str(substance.kind),
        "unit": substance.unit,
        "usual_amount": substance.usual_amount,
        "min_interval_h": None if limits.min_interval is None else limits.min_interval / timedelta(hours=1),
        "max_per_day": limits.max_doses_per_24h,
        "daily_cap": limits.max_amount_per_24h,
        "onset_min": substance.onset_min,
        "duration_h": substance.duration_h,
        "alias": substance.alias,
        "active": substance.active,
    }


# ---- the way back in: raw records from a file --------------------------------------

T = TypeVar("T")


def _prefixed(where: str, call: Callable[[], T]) -> T:
    try:
        return call()
    except ValidationError as exc:
        raise ValidationError(f"{where}.{exc.field}", exc.message) from None


def _get(raw: Mapping[str, Any], where: str, key: str, *, required: bool = True) -> Any:
    if key not in raw or raw[key] is None or raw[key] == "":
        if required:
            raise ValidationError(f"{where}.{key}", "is missing")
        return None
    return raw[key]


def check_uid(where: str, value: Any) -> str:
    if (
        not isinstance(value, str)
        or not (1 <= len(value) <= 64)
        or not value.isascii()
        or not value.replace("-", "").isalnum()
    ):
        raise ValidationError(
            f"{where}.uid", f"{ascii(value)[:50]} is not an identifier (1-64 letters, digits, -)"
        )
    return value


def parse_substance_record(raw: Mapping[str, Any], where: str) -> tuple[str, Substance]:
    """Validate a substance record from a file; returns (uid, substance)."""
    uid = check_uid(where, _get(raw, where, "uid"))
    active = raw.get("active", True)
    if isinstance(active, str) and active.lower() in ("true", "false"):
        active = active.lower() == "true"
    if not isinstance(active, bool):
        raise ValidationError(f"{where}.active", f"{ascii(active)[:50]} is not true or false")
    substance = _prefixed(
        where,
        lambda: validate_substance(
            _get(raw, where, "name"),
            _get(raw, where, "kind"),
            _get(raw, where, "unit"),
            usual_amount=raw.get("usual_amount"),
            min_interval_h=raw.get("min_interval_h"),
            max_per_day=raw.get("max_per_day"),
            daily_cap=raw.get("daily_cap"),
            onset_min=raw.get("onset_min"),
            duration_h=raw.get("duration_h"),
            alias=raw.get("alias"),
            active=active,
        ),
    )
    return uid, substance


def _list(raw: Mapping[str, Any], where: str, key: str) -> list[Any]:
    value = raw.get(key)
    if value is None or value == "":
        return []
    if not isinstance(value, list):
        raise ValidationError(f"{where}.{key}", f"{ascii(value)[:50]} is not a list")
    return value


@dataclass(frozen=True)
class _RawEntry:
    """An entry record from a file on its way in: its fields, where it stands in the file
    (the prefix of every error's field), its zone if it names one, and the time of reading."""

    raw: Mapping[str, Any]
    where: str
    zone: ZoneInfo | None
    now: datetime

    def get(self, key: str) -> Any:
        return _get(self.raw, self.where, key)

    def list(self, key: str) -> list[Any]:
        return _list(self.raw, self.where, key)

    def validated(self, call: Callable[[], T]) -> T:
        return _prefixed(self.where, call)

    def when(self, key: str) -> datetime:
        """The time at ``key``: a date with a time of day (a date alone is refused), read
        in the entry's zone (else UTC) when it carries no UTC offset."""
        raw, where = self.raw, self.where
        moment = _prefixed(where, lambda: parse_datetime(key, _get(raw, where, key), self.zone or _UTC))
        if moment.utcoffset() is None or not isinstance(_get(raw, where, key), str) or "T" not in raw[key]:
            raise ValidationError(f"{where}.{key}", "needs a full time with its UTC offset")
        return moment

    @property
    def note(self) -> str:
        return self.raw.get("note") or ""

    @property
    def source(self) -> Any:
        return self.raw.get("source") or "manual"


def parse_entry_record(
    raw: Mapping[str, Any],
    where: str,
    substances: Mapping[str, Substance],
    now: datetime,
) -> tuple[Entry, str | None, str, str]:
    """Validate an entry record from a file; returns (value, zone, uid, recorded)."""
    uid = check_uid(where, _get(raw, where, "uid"))
    kind = _get(raw, where, "kind")
    if not isinstance(kind, str) or kind not in ENTRY_FIELDS:
        raise ValidationError(f"{where}.kind", f"{ascii(kind)[:50]} is not one of: {', '.join(ENTRY_FIELDS)}")
    zone_name = raw.get("zone") or None
    zone = None if zone_name is None else _prefixed(where, lambda: zone_from_name("zone", zone_name))
    recorded = _get(raw, where, "recorded")
    _prefixed(where, lambda: parse_datetime("recorded", recorded, zone or _UTC))
    if not isinstance(recorded, str) or not recorded.endswith("Z"):
        raise ValidationError(f"{where}.recorded", f"{ascii(recorded)[:50]} is not a UTC time ending in Z")
    entry = _RawEntry(raw, where, zone, now)
    value = _parse_dose(entry, substances) if kind == "dose" else _KIND_PARSERS[kind](entry)
    return value, zone_name, uid, recorded


def _parse_dose(entry: _RawEntry, substances: Mapping[str, Substance]) -> Dose:
    raw, where = entry.raw, entry.where
    name = entry.get("substance")
    substance = substances.get(name.casefold()) if isinstance(name, str) else None
    if substance is None:
        raise ValidationError(
            f"{where}.substance", f"{ascii(name)[:50]} is not a substance in this file or journal"
        )
    if raw.get("unit") not in (None, "", substance.unit):
        raise ValidationError(
            f"{where}.unit",
            f"{ascii(raw.get('unit'))[:30]} differs from the substance's unit {substance.unit}",
        )
    warnings = entry.list("warnings")
    if not all(isinstance(w, str) and w.isidentifier() for w in warnings):
        raise ValidationError(f"{where}.warnings", "must be a list of warning codes")
    return entry.validated(
        lambda: validate_dose(
            substance,
            entry.get("amount"),
            entry.when("at"),
            entry.now,
            pain_before=raw.get("pain_before"),
            form=raw.get("form"),
            product=raw.get("product"),
            batch=raw.get("batch"),
            note=entry.note,
            source=entry.source,
            warnings=tuple(warnings),
        )
    )


def _parse_pain(entry: _RawEntry) -> PainCheckin:
    return entry.validated(
        lambda: validate_pain(
            entry.get("score"),
            entry.when("at"),
            entry.now,
            locations=entry.list("locations"),
            qualities=entry.list("qualities"),
            note=entry.note,
            source=entry.source,
        )
    )


def _parse_sleep(entry: _RawEntry) -> SleepEntry:
    night: date = entry.validated(lambda: parse_date("night", entry.get("night")))
    diary = entry.validated(
        lambda: validate_sleep(
            night,
            entry.when("in_bed"),
            entry.when("try_sleep"),
            entry.get("sol_min"),
            entry.get("awakenings"),
            entry.get("waso_min"),
            entry.when("final_wake"),
            entry.when("out_of_bed"),
            entry.get("quality"),
            entry.now,
            note=entry.note,
        )
    )
    if diary.in_bed != entry.when("at"):
        raise ValidationError(f"{entry.where}.at", "must equal in_bed for a sleep diary")
    return diary


def _parse_effect(entry: _RawEntry) -> SideEffect:
    return entry.validated(
        lambda: validate_effect(
            entry.get("name"), entry.get("severity"), entry.when("at"), entry.now, note=entry.note
        )
    )


def _parse_note(entry: _RawEntry) -> Note:
    return entry.validated(
        lambda: validate_note(entry.note, entry.when("at"), entry.now, tags=entry.list("tags"))
    )


# Doses are parsed apart: they alone need the substances.
_KIND_PARSERS: dict[str, Callable[[_RawEntry], Entry]] = {
    "pain": _parse_pain,
    "sleep": _parse_sleep,
    "effect": _parse_effect,
    "note": _parse_note,
}
