"""The relief curve of each pain-relief substance over a period, for the insights: the
pain model (:mod:`desktop.core.planning.pain_model`, DESIGN.md 5) fitted to the period, as if
planning the day after it.

numpy comes with the pain model, so :func:`desktop.core.insights.compute.compute_insights`
imports this module only when it runs.
"""

from __future__ import annotations

import bisect
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, tzinfo
from typing import Protocol, TypeVar

from desktop.core.insights.results import ReliefCurveInsight, Status
from desktop.core.planning.pain_model import fit_pain_model
from desktop.core.planning.pain_model_values import MIN_RELIEF_DOSES, RELIEF_SPAN_MIN, ModelDose
from desktop.core.planning.pattern import PainReading
from desktop.core.times import localize

# The model weighs a day by half every 14 days, so a day 180 days back counts 1/7 000 of
# today: fitting longer periods changes no number shown but costs time (a year of the
# 10-year benchmark journal took 86 ms, 180 days 41 ms, all ten years 0.5 s). Longer
# periods are fitted over their last MAX_DAYS days, and the sentences say so.
MAX_DAYS = 180
# Doses this long before the window still reach readings inside it.
DOSE_REACH = timedelta(minutes=RELIEF_SPAN_MIN + 60)


class Reading(Protocol):
    """A pain reading as the insights hold it (aware moment, 0-10 score)."""

    @property
    def at(self) -> datetime: ...
    @property
    def score(self) -> int: ...


class Dose(Protocol):
    """A dose as the insights hold it."""

    @property
    def at(self) -> datetime: ...
    @property
    def substance(self) -> str: ...
    @property
    def pain_before(self) -> int | None: ...


def relief_curves(
    pains: Sequence[Reading], doses: Sequence[Dose], kinds: Mapping[str, str], today: date, zone: tzinfo
) -> ReliefCurveInsight:
    """A curve for each substance (of a kind other than melatonin) with doses from the
    first entry (at most :data:`MAX_DAYS` before ``today``) to the end of ``today``.

    ``pains`` and ``doses`` are in time order (their moments aware); ``kinds`` maps
    substance names (any case) to kinds. Years of entries are not copied: the window is
    found by bisection.
    """
    firsts = [entries[0].at for entries in (pains, doses) if entries]
    if not firsts:
        return ReliefCurveInsight(
            "relief_curve", Status.NOT_ENOUGH_DATA, {"substances": 0}, {"doses": MIN_RELIEF_DOSES}
        )
    window = _window(min(firsts), today, zone)
    readings = [PainReading(p.at, p.score) for p in _between(pains, window.start, window.day_start)]
    model_doses = _model_doses(doses, kinds, window)
    substances = sorted({d.substance for d in model_doses if d.at >= window.start}, key=str.casefold)
    if not substances:
        return ReliefCurveInsight(
            "relief_curve",
            Status.NOT_ENOUGH_DATA,
            {"substances": 0},
            {"doses": MIN_RELIEF_DOSES},
            first_day=window.first_day,
            last_day=today,
            shortened=window.shortened,
        )
    model = fit_pain_model(
        readings, model_doses, substances, day_start=window.day_start, window_days=window.days
    )
    learned = any(curve.enough_data for curve in model.relief)
    return ReliefCurveInsight(
        "relief_curve",
        Status.OK if learned else Status.NOT_ENOUGH_DATA,
        {"substances": len(substances)},
        curves=model.relief,
        first_day=window.first_day,
        last_day=today,
        shortened=window.shortened,
    )


@dataclass(frozen=True)
class _Window:
    """The days fitted: ``days`` whole local days from ``start`` to before ``day_start``
    (the start of the day after ``today``, the day the model plans)."""

    day_start: datetime
    start: datetime
    first_day: date
    days: int
    shortened: bool  # the journal began more than MAX_DAYS before


def _window(first: datetime, today: date, zone: tzinfo) -> _Window:
    """The window from the day of the first entry (``first``) to the end of ``today``,
    cut to its last :data:`MAX_DAYS` days."""
    day_start = localize(datetime.combine(today + timedelta(days=1), time()), zone)
    first_day = first.astimezone(zone).date()
    days = (today - first_day).days + 1
    shortened = days > MAX_DAYS
    if shortened:
        days, first_day = MAX_DAYS, today - timedelta(days=MAX_DAYS - 1)
    return _Window(day_start, day_start - timedelta(days=days), first_day, days, shortened)


def _model_doses(doses: Sequence[Dose], kinds: Mapping[str, str], window: _Window) -> list[ModelDose]:
    """The doses of pain-relief substances (all kinds but melatonin) that reach readings
    in the window, named as ``kinds`` spells them."""
    spelling = {name.casefold(): name for name, kind in sorted(kinds.items()) if kind != "melatonin"}
    return [
        ModelDose(d.at, spelling[d.substance.casefold()], d.pain_before)
        for d in _between(doses, window.start - DOSE_REACH, window.day_start)
        if d.substance.casefold() in spelling
    ]


Entry = TypeVar("Entry", Reading, Dose)


def _between(entries: Sequence[Entry], first: datetime, end: datetime) -> Sequence[Entry]:
    """The entries from ``first`` to before ``end`` (``entries`` in time order)."""

    def stamp(entry: Entry) -> float:
        return entry.at.timestamp()

    low = bisect.bisect_left(entries, first.timestamp(), key=stamp)
    return entries[low : bisect.bisect_left(entries, end.timestamp(), lo=low, key=stamp)]
