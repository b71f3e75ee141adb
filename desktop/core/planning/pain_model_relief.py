"""The pain model's relief curves: per pain-relief substance, the fitted change in pain
0, 30 … 480 minutes after a dose, its onset, peak and duration, and whether the journal
can tell it at all (the identifiability check of :mod:`desktop.core.planning.pain_model`'s
docstring) with a reason code when it cannot.

numpy-side: imported only by :mod:`desktop.core.planning.pain_model` and its other
fitting modules, never on the tray's start path.
"""

from __future__ import annotations

import numpy as np

from desktop.core.planning.pain_model_fit import Coefficients
from desktop.core.planning.pain_model_readings import Array, JournalData
from desktop.core.planning.pain_model_values import (
    KNOTS,
    MIN_RELIEF_DOSES,
    RELIEF_SPAN_MIN,
    RELIEF_STEP_MIN,
    CurvePoint,
    ReliefCurve,
    rounded,
)
from desktop.core.planning.pattern import SLOT_MIN, SLOTS

# Enough to learn a relief curve: MIN_RELIEF_DOSES doses, readings 30-480 min after one,
# contrast (see pain_model's docstring; 1.0 is one reading whose dose cover its hour's
# other readings lack), and an interval at the peak no wider than this many points.
MIN_RELIEF_READINGS = 20
MIN_CONTRAST = 4.0
MAX_PEAK_WIDTH = 3.0
# The drop that counts as "helping" for onset and duration (one point on the 0-10 scale).
HELP_DROP = 1.0


def _contrast(data: JournalData, index: int) -> float:
    """How often the same half hour of the day was seen both while a dose usually acts
    (1-5 h after one) and untreated (no dose in the 8.5 h before): per half hour, the weighted
    counts of the two, combined as W_dose x W_untreated / (W_dose + W_untreated) (about
    the number of matched pairs), summed over the day and recency-weighted like the fit.

    0 when doses were always at the same times: then every reading at a time of day is
    always under a dose or never, and the untreated pain under the doses was never seen.
    Only readings compared with readings at the same time of day count, so a smooth
    baseline cannot stand in for data it never had (readings under a dose but outside
    that band count as neither). Dose times that vary by less than the band's width
    leave the pain at the height of their effect unseen untreated, and give little."""
    if not len(data.weight):
        return 0.0
    exposed = data.acting[index]
    untreated = 1.0 - data.near[index]
    half_hour = np.floor(data.minute / SLOT_MIN).astype(np.int64)
    under = np.bincount(half_hour, weights=data.weight * exposed, minlength=SLOTS)
    without = np.bincount(half_hour, weights=data.weight * untreated, minlength=SLOTS)
    both = under + without
    pairs = np.divide(under * without, both, out=np.zeros(SLOTS), where=both > 0)
    return float(pairs.sum())


def _curve_summary(
    change: Array, boot: Array
) -> tuple[int | None, int | None, float | None, float | None, float | None, int | None]:
    """Onset, peak minute, peak change with its interval, and duration, on a 5-min grid.
    The peak is looked for from 30 min on: the curve is 0 at the dose by definition, so
    a peak there would be an interval of [0, 0] that the data never earned."""
    minutes = np.arange(0, RELIEF_SPAN_MIN + 1, 5)
    points = np.arange(0, RELIEF_SPAN_MIN + 1, RELIEF_STEP_MIN)
    full = np.concatenate([[0.0], change])
    fine = np.interp(minutes, points, full)
    first = RELIEF_STEP_MIN // 5
    peak = first + int(np.argmin(fine[first:]))
    boot_full = np.concatenate([np.zeros((boot.shape[0], 1)), boot], axis=1)
    at_peak = np.array([np.interp(minutes[peak], points, row) for row in boot_full])
    low, high = np.percentile(at_peak, [2.5, 97.5]) if len(at_peak) else (fine[peak], fine[peak])
    helping = np.nonzero(fine <= -HELP_DROP)[0]
    onset = int(minutes[helping[0]]) if len(helping) else None
    duration = int(minutes[helping[-1]]) if len(helping) else None
    return onset, int(minutes[peak]), rounded(fine[peak]), rounded(low), rounded(high), duration


def _verdict(
    n_doses: int, n_readings: int, contrast: float, peak_low: float | None, peak_high: float | None
) -> tuple[str, dict[str, int]]:
    """The reason code of a relief curve (``learned`` when the journal can tell it), and
    how many more doses or readings would do."""
    if n_doses < MIN_RELIEF_DOSES:
        return "few_doses", {"doses": MIN_RELIEF_DOSES - n_doses}
    if n_readings < MIN_RELIEF_READINGS:
        return "few_readings", {"readings": MIN_RELIEF_READINGS - n_readings}
    if contrast < MIN_CONTRAST:
        return "same_times", {}
    if peak_high is not None and peak_low is not None and peak_high - peak_low > MAX_PEAK_WIDTH:
        return "too_uncertain", {}
    return "learned", {}


def _learned_points(change: Array, boot: Array) -> tuple[CurvePoint, ...]:
    """The curve at 0, 30 … 480 min with its 95 % interval (0 at the dose by definition)."""
    low, high = np.percentile(boot, [2.5, 97.5], axis=0) if len(boot) else (change,) * 2
    curve = [CurvePoint(0, 0.0, 0.0, 0.0)]
    for knot in range(KNOTS):
        curve.append(
            CurvePoint(
                (knot + 1) * RELIEF_STEP_MIN, rounded(change[knot]), rounded(low[knot]), rounded(high[knot])
            )
        )
    return tuple(curve)


def _unknown_points() -> tuple[CurvePoint, ...]:
    return tuple(CurvePoint(m, None, None, None) for m in range(0, RELIEF_SPAN_MIN + 1, RELIEF_STEP_MIN))


def relief_curve(
    name: str, data: JournalData, index: int, coefficients: Coefficients, n_doses: int
) -> ReliefCurve:
    """Substance ``index``'s (``name``, with ``n_doses`` doses in the window) relief as
    fitted, or why the journal cannot tell it yet."""
    n_readings = int(np.count_nonzero(data.after[index]))
    contrast = _contrast(data, index)
    offset = coefficients.relief_offset(index)
    change = coefficients.beta[offset : offset + KNOTS]
    boot = coefficients.boot[:, offset : offset + KNOTS]
    onset, peak_min, peak, peak_low, peak_high, duration = _curve_summary(change, boot)
    reason, needed = _verdict(n_doses, n_readings, contrast, peak_low, peak_high)
    if reason != "learned":
        return ReliefCurve(
            name, False, reason, n_doses, n_readings, round(contrast, 1), _unknown_points(), needed=needed
        )
    return ReliefCurve(
        name,
        True,
        reason,
        n_doses,
        n_readings,
        round(contrast, 1),
        _learned_points(change, boot),
        onset_min=onset,
        peak_min=peak_min,
        peak_change=peak,
        peak_low=peak_low,
        peak_high=peak_high,
        duration_min=duration,
    )


def no_relief(name: str, n_doses: int) -> ReliefCurve:
    """Substance ``name``'s relief when the window has no readings at all."""
    return ReliefCurve(
        name,
        False,
        "few_doses",
        n_doses,
        0,
        0.0,
        _unknown_points(),
        needed={"doses": max(0, MIN_RELIEF_DOSES - n_doses)},
    )
