"""The pain model's untreated baseline: which days' curve a day gets (weekday, weekend or
pooled), its value and 95 % interval per half hour, and where it is unknown (few
readings near, or always under a dose that the time of day cannot be told from).

numpy-side: imported only by :mod:`desktop.core.planning.pain_model` and its other
fitting modules, never on the tray's start path.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

import numpy as np
import numpy.typing as npt

from desktop.core.planning.pain_model_fit import Coefficients, harmonics
from desktop.core.planning.pain_model_readings import Array, JournalData
from desktop.core.planning.pain_model_values import BaselinePoint, ReliefCurve, rounded
from desktop.core.planning.pattern import DAY_MIN, SLOT_MIN, SLOTS, Split, sufficiency

# Below this kernel weight of readings (sigma 60 min) a baseline half hour is unknown.
MIN_SUPPORT = 0.5
SUPPORT_SIGMA_MIN = 60.0


def split_for(data: JournalData, day: date) -> Split:
    """Weekday or weekend baseline when both groups have enough readings, else pooled."""
    weekend = data.weekend.tolist()
    groups = [[r for r, w in zip(data.readings, weekend, strict=True) if w is flag] for flag in (False, True)]
    if all(sufficiency(group).enough for group in groups):
        return Split.WEEKEND if day.weekday() >= 5 else Split.WEEKDAY
    return Split.POOLED


def _kernel(minute: Array) -> Array:
    """Each reading's Gaussian weight (sigma 60 min, circular) at each half hour's middle."""
    centres = np.arange(SLOTS) * SLOT_MIN + SLOT_MIN / 2
    distance = np.abs(minute[:, None] - centres[None, :]) % DAY_MIN
    distance = np.minimum(distance, DAY_MIN - distance)
    return np.asarray(np.exp(-0.5 * (distance / SUPPORT_SIGMA_MIN) ** 2), dtype=np.float64)


def _support(minute: Array) -> Array:
    """How many readings are near each half hour (kernel-weighted)."""
    return np.asarray(_kernel(minute).sum(axis=0), dtype=np.float64)


def _mostly_under_doses(data: JournalData, index: int) -> npt.NDArray[np.bool_]:
    """The half hours of the day whose nearby readings (the kernel of :func:`_support`)
    were mostly taken while a dose of substance ``index`` might act: less than a fifth
    of their weight untreated."""
    kernel = _kernel(data.minute)
    total = data.weight @ kernel
    untreated = (data.weight * (1.0 - data.near[index])) @ kernel
    return np.asarray((total > 0) & (untreated < 0.2 * total))


def _slot_rows(split: Split) -> Array:
    """The design's baseline columns at the middle of each half hour of the day planned:
    a weekend day of a split fit adds the weekend's difference, a weekday leaves it out."""
    centres = np.asarray(np.arange(SLOTS) * SLOT_MIN + SLOT_MIN / 2.0, dtype=np.float64)
    rows = harmonics(centres)
    if split is Split.WEEKEND:
        return np.concatenate([rows, rows], axis=1)
    if split is Split.WEEKDAY:
        return np.concatenate([rows, np.zeros_like(rows)], axis=1)
    return rows


def _baseline_curve(coefficients: Coefficients, split: Split) -> tuple[Array, Array, Array]:
    """The baseline per half hour, with the 2.5 and 97.5 percentiles of its bootstrap."""
    rows = _slot_rows(split)
    used = rows.shape[1]
    curve = rows @ coefficients.beta[:used]
    boot_curve = coefficients.boot[:, :used] @ rows.T
    low, high = np.percentile(boot_curve, [2.5, 97.5], axis=0)
    return curve, low, high


def _known_slots(data: JournalData, split: Split, relief: Sequence[ReliefCurve]) -> npt.NDArray[np.bool_]:
    """The half hours with readings near them (of the planned day's group when split),
    and not hidden under doses."""
    if split is Split.POOLED:
        support = _support(data.minute)
    else:
        mask = data.weekend if split is Split.WEEKEND else ~data.weekend
        support = _support(data.minute[mask])
    # Where a substance's doses could not be told from the time of day, the untreated
    # pain at the half hours they usually covered was never seen: no estimate there.
    unseen = np.zeros(SLOTS, dtype=bool)
    for index, curve_result in enumerate(relief):
        if curve_result.reason == "same_times":
            unseen |= _mostly_under_doses(data, index)
    return np.asarray((support >= MIN_SUPPORT) & ~unseen)


def _clip(value: float) -> float:
    return rounded(min(10.0, max(0.0, float(value))))


def baseline_points(
    data: JournalData,
    coefficients: Coefficients,
    split: Split,
    relief: Sequence[ReliefCurve],
    *,
    intervals: bool,
) -> tuple[BaselinePoint, ...]:
    """The untreated pain of each half hour of the planned day (``split`` says which
    days' curve), clipped to 0-10; with its 95 % interval only where ``intervals``."""
    curve, low, high = _baseline_curve(coefficients, split)
    known = _known_slots(data, split, relief).tolist()
    return tuple(
        BaselinePoint(
            s * SLOT_MIN,
            _clip(curve[s]) if known[s] else None,
            _clip(low[s]) if known[s] and intervals else None,
            _clip(high[s]) if known[s] and intervals else None,
        )
        for s in range(SLOTS)
    )


def no_baseline() -> tuple[BaselinePoint, ...]:
    """Every half hour unknown: the window has no readings."""
    return tuple(BaselinePoint(s * SLOT_MIN, None, None, None) for s in range(SLOTS))
