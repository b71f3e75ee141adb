"""What a period of the journal holds, in numbers: the summary tables of the clinician
report and the data behind the charts (the insights window draws the same).

Pure: journal records (dicts as the journal and the export give them) in, frozen
values out. Dates are local dates in the user's zone; a period is ``start``..``end``
inclusive.
"""

from __future__ import annotations

import statistics
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, tzinfo
from typing import Any

from desktop.core.insights.records import Night, night_measures
from desktop.core.insights.results import Insights

# Parts of the day for "pain by time of day" (hours, local, start inclusive).
DAY_PARTS = (("night", 0, 6), ("morning", 6, 12), ("afternoon", 12, 18), ("evening", 18, 24))


@dataclass(frozen=True)
class PartOfDay:
    label: str
    n: int
    mean: float | None


@dataclass(frozen=True)
class PainSummary:
    n: int
    mean: float | None
    median: float | None
    worst: int | None
    by_part: tuple[PartOfDay, ...]


@dataclass(frozen=True)
class SleepSummary:
    """Means over the nights with a diary (None without any)."""

    n: int
    tst_h: float | None
    se_pct: float | None
    sol_min: float | None
    waso_min: float | None
    quality: float | None


@dataclass(frozen=True)
class DoseLine:
    substance: str
    unit: str
    count: int
    total: float
    per_day: float  # total / days in the period
    days_used: int
    beyond_limits: int  # doses logged with a limit warning


@dataclass(frozen=True)
class EffectLine:
    name: str
    count: int
    worst: int


@dataclass(frozen=True)
class DayPoint:
    day: date
    pain_mean: float | None
    pain_n: int
    tst_h: float | None
    doses: Mapping[str, float]  # substance -> amount that day


@dataclass(frozen=True)
class DoseMark:
    day: date
    hour: float  # local clock hour, 0 <= hour < 24
    substance: str
    amount: float


@dataclass(frozen=True)
class PeriodSummary:
    """The period in numbers. ``insights`` are the period's insights, attached by
    :func:`desktop.reports.clinician.analyse_period` for the charts and tables that show them
    (None from :func:`summarise` alone)."""

    start: date
    end: date
    days: int
    counts: Mapping[str, int]  # entries by kind
    pain: PainSummary
    sleep: SleepSummary
    doses: tuple[DoseLine, ...]
    effects: tuple[EffectLine, ...]
    notes: tuple[tuple[date, str], ...]
    heat_mean: tuple[tuple[float | None, ...], ...]  # [weekday 0=Mon][hour] mean pain
    heat_n: tuple[tuple[int, ...], ...]
    daily: tuple[DayPoint, ...]
    dose_marks: tuple[DoseMark, ...]
    insights: Insights | None = None

    @property
    def empty(self) -> bool:
        return not any(self.counts.values())


def _local(value: Any, zone: tzinfo) -> datetime:
    moment = datetime.fromisoformat(value)
    return moment.astimezone(zone) if moment.tzinfo is not None else moment.replace(tzinfo=zone)


def _mean(values: Sequence[float]) -> float | None:
    return statistics.fmean(values) if values else None


def summarise(
    records: Iterable[Mapping[str, Any]], units: Mapping[str, str], start: date, end: date, zone: tzinfo
) -> PeriodSummary:
    """The period ``start``..``end`` (inclusive, local dates). ``units`` maps substance
    names (any case) to their unit; a record that cannot be read is left out."""
    unit_of = {name.casefold(): unit for name, unit in units.items()}
    days = (end - start).days + 1
    period = _read_period(records, units, start, end, zone)
    return PeriodSummary(
        start=start,
        end=end,
        days=days,
        counts=dict(period.counts),
        pain=_pain_summary(period.pains),
        sleep=_sleep_summary(period.nights),
        doses=_dose_lines(period.dose_marks, unit_of, period.warnings, days),
        effects=_effect_lines(period.effects),
        notes=tuple(sorted(period.notes)),
        **_heat(period.pains),
        daily=_daily(start, days, period.pains, period.nights, period.dose_marks),
        dose_marks=tuple(period.dose_marks),
    )


@dataclass
class _Period:
    """The period's records as read, before they are summed up."""

    counts: Counter[str] = field(default_factory=Counter)  # entries by kind
    pains: list[tuple[datetime, int]] = field(default_factory=list)  # in time order
    nights: list[Night] = field(default_factory=list)
    dose_marks: list[DoseMark] = field(default_factory=list)  # in time order
    warnings: Counter[str] = field(default_factory=Counter)  # doses beyond limits, by substance
    effects: dict[str, list[int]] = field(default_factory=lambda: defaultdict(list))  # severities
    notes: list[tuple[date, str]] = field(default_factory=list)


def _read_period(
    records: Iterable[Mapping[str, Any]], units: Mapping[str, str], start: date, end: date, zone: tzinfo
) -> _Period:
    """The records dated ``start``..``end`` (a diary by its night); unreadable ones are
    left out."""
    # One spelling per substance (the stored one): "kratom" and "Kratom" are one.
    spelling = {name.casefold(): name for name in units}
    period = _Period()
    for record in records:
        try:
            _add_record(period, record, spelling, start, end, zone)
        except (KeyError, TypeError, ValueError, AttributeError, OverflowError):
            continue
    period.pains.sort()
    period.dose_marks.sort(key=lambda m: (m.day, m.hour, m.substance, m.amount))
    return period


def _add_record(
    period: _Period,
    record: Mapping[str, Any],
    spelling: Mapping[str, str],
    start: date,
    end: date,
    zone: tzinfo,
) -> None:
    """Add one record to ``period`` if it falls inside ``start``..``end``."""
    kind = record["kind"]
    if kind == "sleep":
        night = night_measures(record, zone)
        if start <= night.night <= end:
            period.nights.append(night)
            period.counts[kind] += 1
        return
    at = _local(record["at"], zone)
    if not start <= at.date() <= end:
        return
    if kind == "pain":
        period.pains.append((at, int(record["score"])))
    elif kind == "dose":
        name = str(record["substance"])
        name = spelling.get(name.casefold(), name)
        period.dose_marks.append(DoseMark(at.date(), at.hour + at.minute / 60, name, float(record["amount"])))
        if record.get("warnings"):
            period.warnings[name] += 1
    elif kind == "effect":
        severity = int(record["severity"])  # read first: an unreadable one adds no name
        period.effects[str(record["name"])].append(severity)
    elif kind == "note" and record.get("note"):
        period.notes.append((at.date(), str(record["note"])))
    period.counts[kind] += 1


def _sleep_summary(nights: Sequence[Night]) -> SleepSummary:
    return SleepSummary(
        n=len(nights),
        tst_h=_mean([n.tst_min / 60 for n in nights]),
        se_pct=_mean([n.se_pct for n in nights]),
        sol_min=_mean([n.sol_min for n in nights]),
        waso_min=_mean([n.waso_min for n in nights]),
        quality=_mean([n.quality for n in nights]),
    )


def _effect_lines(effects: Mapping[str, Sequence[int]]) -> tuple[EffectLine, ...]:
    """Each side effect's count and worst severity, the most frequent first."""
    return tuple(
        sorted(
            (EffectLine(name, len(levels), max(levels)) for name, levels in effects.items()),
            key=lambda line: (-line.count, line.name),
        )
    )


def _pain_summary(pains: Sequence[tuple[datetime, int]]) -> PainSummary:
    scores = [score for _, score in pains]
    parts = []
    for label, first, last in DAY_PARTS:
        inside = [score for at, score in pains if first <= at.hour < last]
        parts.append(PartOfDay(label, len(inside), _mean(inside)))
    return PainSummary(
        n=len(scores),
        mean=_mean(scores),
        median=statistics.median(scores) if scores else None,
        worst=max(scores) if scores else None,
        by_part=tuple(parts),
    )


def _dose_lines(
    marks: Sequence[DoseMark], unit_of: Mapping[str, str], warnings: Counter[str], days: int
) -> tuple[DoseLine, ...]:
    by_name: dict[str, list[DoseMark]] = defaultdict(list)
    for mark in marks:
        by_name[mark.substance].append(mark)
    lines = []
    for name, doses in sorted(by_name.items(), key=lambda item: item[0].casefold()):
        total = sum(d.amount for d in doses)
        lines.append(
            DoseLine(
                substance=name,
                unit=unit_of.get(name.casefold(), ""),
                count=len(doses),
                total=total,
                per_day=total / days,
                days_used=len({d.day for d in doses}),
                beyond_limits=warnings[name],
            )
        )
    return tuple(lines)


def _heat(pains: Sequence[tuple[datetime, int]]) -> dict[str, Any]:
    sums = [[0.0] * 24 for _ in range(7)]
    ns = [[0] * 24 for _ in range(7)]
    for at, score in pains:
        sums[at.weekday()][at.hour] += score
        ns[at.weekday()][at.hour] += 1
    return {
        "heat_mean": tuple(
            tuple(sums[d][h] / ns[d][h] if ns[d][h] else None for h in range(24)) for d in range(7)
        ),
        "heat_n": tuple(tuple(row) for row in ns),
    }


def _daily(
    start: date,
    days: int,
    pains: Sequence[tuple[datetime, int]],
    nights: Sequence[Night],
    marks: Sequence[DoseMark],
) -> tuple[DayPoint, ...]:
    pain_by_day: dict[date, list[int]] = defaultdict(list)
    for at, score in pains:
        pain_by_day[at.date()].append(score)
    # A night's sleep belongs to the morning after it (the day it shapes).
    tst_by_day = {night.night + timedelta(days=1): night.tst_min / 60 for night in nights}
    doses_by_day: dict[date, dict[str, float]] = defaultdict(dict)
    for mark in marks:
        amounts = doses_by_day[mark.day]
        amounts[mark.substance] = amounts.get(mark.substance, 0.0) + mark.amount
    points = []
    for offset in range(days):
        day = start + timedelta(days=offset)
        scores = pain_by_day.get(day, [])
        points.append(
            DayPoint(day, _mean(scores), len(scores), tst_by_day.get(day), doses_by_day.get(day, {}))
        )
    return tuple(points)
