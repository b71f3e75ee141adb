"""Journal records read for the insights: doses of known substances, pain readings and
one sleep diary per night, each list in time order.

Records are the dicts :meth:`Journal.entries` returns (times as ISO-8601 with offsets,
or aware datetimes). A moment keeps its record's own UTC offset, so its clock time and
date are those the user lived; ``zone`` only reads a time written without an offset.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, tzinfo
from typing import Any

from desktop.core.model import minutes_between

# What reading a malformed record raises; such a record is left out.
_UNREADABLE = (KeyError, TypeError, ValueError, AttributeError, OverflowError)


@dataclass(frozen=True)
class Dose:
    at: datetime  # aware, in the record's offset
    substance: str
    kind: str
    amount: float
    product: str | None
    batch: str | None
    pain_before: int | None


@dataclass(frozen=True)
class Pain:
    at: datetime
    score: int


@dataclass(frozen=True)
class Night:
    night: date
    sol_min: float
    waso_min: float
    tst_min: float
    se_pct: float
    quality: float


@dataclass
class Entries:
    doses: list[Dose] = field(default_factory=list)
    pains: list[Pain] = field(default_factory=list)
    nights: list[Night] = field(default_factory=list)


# One diary per night, with the record it was read from (to choose between two).
_Diaries = dict[date, tuple[Night, Mapping[str, Any]]]


def _moment(value: Any, zone: tzinfo) -> datetime:
    # ISO text (records, exports) or an aware datetime (Journal.analysis_records).
    moment = value if isinstance(value, datetime) else datetime.fromisoformat(value)
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=zone)


def _number(value: Any) -> float:
    if isinstance(value, bool):
        raise TypeError("a bool is not a number")
    number = float(value)
    if not math.isfinite(number):
        raise ValueError("not finite")
    return number


def _text(value: Any) -> str | None:
    return value if isinstance(value, str) and value else None


def _canonical(record: Mapping[str, Any]) -> str:
    return json.dumps(record, sort_keys=True, default=str)


def read_entries(
    records: Iterable[Mapping[str, Any]], kinds: Mapping[str, str], today: date, zone: tzinfo
) -> Entries:
    """Doses of known substances, pain readings and one diary per night, in time order.

    A record that cannot be read is left out: insights describe what can be read.
    """
    kind_of = {name.casefold(): str(kind) for name, kind in kinds.items()}
    entries = Entries()
    diaries: _Diaries = {}
    # No sort of the records themselves (serialising 100 000 of them took most of the
    # time): every list below is sorted on all its fields afterwards, and two diaries
    # for one night (the journal refuses that; an import might not) resolve by content.
    for record in records:
        try:
            _add_record(record, entries, diaries, kind_of, today, zone)
        except _UNREADABLE:
            continue
    entries.doses.sort(key=_dose_order)
    entries.pains.sort(key=lambda p: (p.at.timestamp(), p.score))
    entries.nights = [diaries[day][0] for day in sorted(diaries)]
    return entries


def _add_record(
    record: Mapping[str, Any],
    entries: Entries,
    diaries: _Diaries,
    kind_of: Mapping[str, str],
    today: date,
    zone: tzinfo,
) -> None:
    """Add one record dated up to ``today`` to ``entries`` (a diary to ``diaries``)."""
    at = _moment(record["at"], zone)
    if at.date() > today:
        return
    if record["kind"] == "dose":
        dose = _dose(record, at, kind_of)
        if dose is not None:
            entries.doses.append(dose)
    elif record["kind"] == "pain":
        entries.pains.append(Pain(at, int(_number(record["score"]))))
    elif record["kind"] == "sleep":
        _keep_one_diary(diaries, record, zone)


def _dose(record: Mapping[str, Any], at: datetime, kind_of: Mapping[str, str]) -> Dose | None:
    """The dose record's dose, or None for a substance of no known kind."""
    name = record["substance"]
    kind = kind_of.get(name.casefold()) if isinstance(name, str) else None
    if kind is None:
        return None
    before = record.get("pain_before")
    return Dose(
        at=at,
        substance=name,
        kind=kind,
        amount=_number(record["amount"]),
        product=_text(record.get("product")),
        batch=_text(record.get("batch")),
        pain_before=None if before is None else int(_number(before)),
    )


def _keep_one_diary(diaries: _Diaries, record: Mapping[str, Any], zone: tzinfo) -> None:
    """Keep the sleep record's night, unless its night already has a diary that comes
    later in content order (so the choice does not depend on the order of records)."""
    night = night_measures(record, zone)
    other = diaries.get(night.night)
    if other is None or _canonical(record) > _canonical(other[1]):
        diaries[night.night] = (night, record)


def _dose_order(dose: Dose) -> tuple[float, str, str, float, str, str, int, str]:
    """Time order, ties broken by every other field."""
    return (
        dose.at.timestamp(),
        dose.at.isoformat(),
        dose.substance,
        dose.amount,
        dose.product or "",
        dose.batch or "",
        -1 if dose.pain_before is None else dose.pain_before,
        dose.kind,
    )


def night_measures(record: Mapping[str, Any], zone: tzinfo) -> Night:
    """The Consensus Sleep Diary measures (Carney et al., SLEEP 2012) of one record."""
    sol, waso = _number(record["sol_min"]), _number(record["waso_min"])
    tst = (
        minutes_between(_moment(record["try_sleep"], zone), _moment(record["final_wake"], zone)) - sol - waso
    )
    tib = minutes_between(_moment(record["in_bed"], zone), _moment(record["out_of_bed"], zone))
    return Night(
        night=date.fromisoformat(record["night"]),
        sol_min=sol,
        waso_min=waso,
        tst_min=tst,
        se_pct=0.0 if tib <= 0 else tst / tib * 100,
        quality=_number(record["quality"]),
    )
