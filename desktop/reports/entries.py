"""The report's entries: the journal's records of a period and every substance's kind
and unit, read with a day's margin and cut to the period's local days."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, tzinfo
from typing import Any

from desktop.core.times import localize


@dataclass(frozen=True)
class ReportInput:
    records: list[dict[str, Any]]
    kinds: dict[str, str]  # substance name -> kind
    units: dict[str, str]  # substance name -> unit


def report_input(entries: Callable[[], list[dict[str, Any]]], substances: Iterable[Any]) -> ReportInput:
    """From the journal: its records and every substance's kind and unit."""
    stored = [s.substance for s in substances]
    return ReportInput(
        entries(),
        {s.name: str(s.kind) for s in stored},
        {s.name: s.unit for s in stored},
    )


def period_bounds(start: date, end: date, zone: tzinfo) -> tuple[datetime, datetime]:
    """The instants to load entries between for the local days ``start``..``end``, with a
    day's margin either side (the exact cut is by local date, :func:`in_period`)."""
    return (
        localize(datetime.combine(start - timedelta(days=1), time()), zone),
        localize(datetime.combine(end + timedelta(days=2), time()), zone),
    )


def in_period(record: Mapping[str, Any], start: date, end: date, zone: tzinfo) -> bool:
    """Whether a record falls on the local days ``start``..``end`` (a sleep diary by its
    night); a record without a readable time does not."""
    try:
        if record.get("kind") == "sleep":
            return start <= date.fromisoformat(record["night"]) <= end
        moment = datetime.fromisoformat(record["at"])
        local = moment.astimezone(zone) if moment.tzinfo is not None else moment
        return start <= local.date() <= end
    except (KeyError, TypeError, ValueError):
        return False
