"""The journal as the pain model reads it: the readings in the window (with the "pain
before" of doses that no reading already tells), their recency weights and local days,
and where each falls after each substance's earlier doses.

numpy-side: imported only by :mod:`desktop.core.planning.pain_model` and its other
fitting modules, never on the tray's start path.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

import numpy as np
import numpy.typing as npt

from desktop.core.planning.pain_model_values import (
    HALF_LIFE_DAYS,
    KNOTS,
    RELIEF_SPAN_MIN,
    RELIEF_STEP_MIN,
    ModelDose,
)
from desktop.core.planning.pattern import WITH_DOSE_MIN, PainReading

Array = npt.NDArray[np.float64]

# A "pain before" that a reading already tells is not counted twice: a reading this near
# the dose (before, or just after) stands for it.
BEFORE_DOSE_MIN = 30
# Where doses usually act, in minutes after one, for the identifiability check.
ACTING_MIN = (60.0, 300.0)


@dataclass
class JournalData:
    """Readings in the window with their design rows, days and weights."""

    times: Array  # epoch seconds
    minute: Array  # local minute of the day
    weekend: npt.NDArray[np.bool_]
    score: Array
    weight: Array
    day: npt.NDArray[np.int64]  # index of the local day
    relief: list[Array]  # per substance: (n, KNOTS)
    after: list[Array]  # per substance: doses each reading is 30-480 min after
    near: list[Array]  # per substance: a dose 5-510 min before (1.0) or not (0.0)
    acting: list[Array]  # per substance: a dose ACTING_MIN before (1.0) or not (0.0)
    readings: list[PainReading]


def _minutes(moments: Sequence[datetime]) -> Array:
    return np.array([m.hour * 60 + m.minute + m.second / 60 for m in moments], dtype=np.float64)


def _relief_columns(times: Array, dose_times: Array) -> tuple[Array, Array, Array, Array]:
    """Hat-function weights of each reading on the knots 30 … 480 of the doses before it;
    per reading, how many doses it falls 30-480 min after; whether any dose is 5 to 510
    min before it (so that it is not untreated pain); and whether one is in the band
    where doses usually act (:data:`ACTING_MIN`)."""
    columns = np.zeros((len(times), KNOTS))
    after = np.zeros(len(times))
    near = np.zeros(len(times), dtype=bool)
    acting = np.zeros(len(times), dtype=bool)
    if not len(dose_times):
        return columns, after, near, acting
    order = np.sort(dose_times)
    last = np.searchsorted(order, times, side="right") - 1
    span = (RELIEF_SPAN_MIN + RELIEF_STEP_MIN) * 60.0
    for back in range(len(order)):
        index = last - back
        valid = index >= 0
        if not valid.any():
            break
        lag = np.where(valid, times - order[np.clip(index, 0, None)], np.inf) / 60.0
        live = valid & (lag < span / 60.0)
        if not live.any():
            break
        # "With the dose" (within 5 min) counts as before it.
        lag = np.where(lag < WITH_DOSE_MIN, 0.0, lag)
        position = lag / RELIEF_STEP_MIN  # 0 at the dose, 1 at 30 min …
        for knot in range(1, KNOTS + 1):
            weight = np.clip(1.0 - np.abs(position - knot), 0.0, None)
            columns[:, knot - 1] += np.where(live, weight, 0.0)
        after += live & (lag >= RELIEF_STEP_MIN) & (lag <= RELIEF_SPAN_MIN)
        near |= live & (lag > 0)
        acting |= live & (lag >= ACTING_MIN[0]) & (lag <= ACTING_MIN[1])
    return columns, after, near, acting


def _with_pain_before(
    readings: Sequence[PainReading], doses: Sequence[ModelDose], first: float, last: float
) -> tuple[list[PainReading], list[float]]:
    """Readings in [first, last), plus each dose's own "pain before" where no reading
    from 30 min before to 5 min after the dose already tells it; sorted by time (ties by
    score, so that the input order never matters), with their timestamps."""
    # Timestamps once: they are most of the cost on a long window.
    stamped = sorted(
        ((stamp, r.score, r) for r in readings if first <= (stamp := r.at.timestamp()) < last),
        key=lambda item: (item[0], item[1]),
    )
    stamps = np.array([item[0] for item in stamped])
    extra: list[tuple[float, int, PainReading]] = []
    for dose in doses:
        if dose.pain_before is None:
            continue
        moment = dose.at.timestamp()
        if not first <= moment < last:
            continue
        low = np.searchsorted(stamps, moment - BEFORE_DOSE_MIN * 60, side="left")
        high = np.searchsorted(stamps, moment + WITH_DOSE_MIN * 60, side="right")
        # Two doses logged at one moment tell one "pain before", not two.
        if high <= low and all(moment != item[0] for item in extra):
            extra.append((moment, dose.pain_before, PainReading(dose.at, dose.pain_before)))
    if extra:
        stamped = sorted([*stamped, *extra], key=lambda item: (item[0], item[1]))
    return [item[2] for item in stamped], [item[0] for item in stamped]


def journal_data(
    readings: Sequence[PainReading],
    doses: Sequence[ModelDose],
    substances: Sequence[str],
    start: datetime,
    end: datetime,
) -> JournalData:
    """The readings from ``start`` to ``end`` as arrays, with each substance's relief
    columns from its doses (those up to 9 h before ``start`` still reach into it)."""
    first, last = start.timestamp(), end.timestamp()
    kept, stamps = _with_pain_before(readings, doses, first, last)
    times = np.array(stamps, dtype=np.float64)
    local_days = [r.at.date() for r in kept]
    day_numbers = {d: i for i, d in enumerate(sorted(set(local_days)))}
    relief, after, near, acting = [], [], [], []
    dose_stamps = [(d.substance.casefold(), d.at.timestamp()) for d in doses]
    for name in substances:
        key = name.casefold()
        dose_times = np.array(
            [t for k, t in dose_stamps if k == key and first - RELIEF_SPAN_MIN * 60 - 3600 <= t < last],
            dtype=np.float64,
        )
        columns, count, close, working = _relief_columns(times, dose_times)
        relief.append(columns)
        after.append(count)
        near.append(close.astype(np.float64))
        acting.append(working.astype(np.float64))
    age_days = np.maximum(0.0, (last - times) / 86400.0)
    return JournalData(
        times=times,
        minute=_minutes([r.at for r in kept]),
        weekend=np.array([r.at.weekday() >= 5 for r in kept], dtype=bool),
        score=np.array([r.score for r in kept], dtype=np.float64),
        weight=np.power(0.5, age_days / HALF_LIFE_DAYS),
        day=np.array([day_numbers[d] for d in local_days], dtype=np.int64),
        relief=relief,
        after=after,
        near=near,
        acting=acting,
        readings=kept,
    )
