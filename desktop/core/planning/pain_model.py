"""One model of the user's own pain: untreated baseline plus the relief of earlier doses.

Every pain reading (check-ins, follow-ups, "pain before" at doses) is modelled as

    pain = baseline(time of day) + sum over earlier pain-relief doses of relief_s(minutes after) + noise

- **baseline**: a smooth 24-hour curve, a cosinor with ``HARMONICS`` harmonics whose
  roughness is penalised (a periodic smoothing spline in all but name). A second curve
  for weekend days only when weekdays and weekend days each have enough readings.
- **relief_s**: per pain-relief substance, the change in pain 0, 30 … 480 minutes after
  a dose (linear between those points, nought at 0 and after 480). Its curvature is
  penalised, and a light ridge pulls it towards "no change" where the data are silent.

Both are fitted together by penalised, recency-weighted least squares over the pattern
window (DESIGN.md 5). 95 % intervals come from a bootstrap over days with a fixed seed.
Readings under a dose are used, not excluded: they are what teaches the relief curve.

**Identifiability is checked, not assumed.** Whether a reading falls under a dose must
vary within a time of day; if doses were always at the same times, the untreated pain
under them was never seen and the relief curve (and the baseline there) cannot be told
apart. The check regresses "under a dose" on the hour of the day and counts what is
left (``contrast``); too little, too few doses, too few readings after doses or too wide
an interval gives ``enough_data = False`` with a reason code.

Fast: the fit works on per-day sums (X'WX, X'Wy), so the bootstrap only adds up days.
numpy is imported here, never on the tray's start path (the planner loads this module
only for pattern timing).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

import numpy as np
import numpy.typing as npt

from desktop.core.planning.pattern import (
    DAY_MIN,
    MIN_DAYS,
    SLOT_MIN,
    SLOTS,
    WITH_DOSE_MIN,
    PainReading,
    Split,
    Sufficiency,
    sufficiency,
)

Array = npt.NDArray[np.float64]

HARMONICS = 8
# Roughness penalty of the baseline, per unit of recency weight: k^4 * this on the k-th
# harmonic's pair. The three penalties were chosen by a scan over synthetic journals
# (tests/core/pain_truth.py, eight seeds): the peak of a known relief curve within 0.2
# points and inside its 95 % interval every time, onset within 10 min, duration within
# 45 min, and a rise of about an hour's width kept in the baseline.
BASELINE_SMOOTHING = 1e-4
RELIEF_STEP_MIN = 30
RELIEF_SPAN_MIN = 480
KNOTS = RELIEF_SPAN_MIN // RELIEF_STEP_MIN  # free points at 30 … 480 (0 is fixed at 0)
RELIEF_SMOOTHING = 1e-2  # curvature penalty per unit of recency weight
RELIEF_RIDGE = 2e-4  # "no change" where the data say nothing
HALF_LIFE_DAYS = 14.0
BOOTSTRAP = 200
SEED = 20261204
# A "pain before" that a reading already tells is not counted twice: a reading this near
# the dose (before, or just after) stands for it.
BEFORE_DOSE_MIN = 30

# Where doses usually act, in minutes after one, for the identifiability check.
ACTING_MIN = (60.0, 300.0)
# Enough to learn a relief curve: doses, readings 30-480 min after one, contrast (see the
# module's docstring; 1.0 is one reading whose dose cover its hour's other readings lack),
# and an interval at the peak no wider than this many points.
MIN_RELIEF_DOSES = 10
MIN_RELIEF_READINGS = 20
MIN_CONTRAST = 4.0
MAX_PEAK_WIDTH = 3.0
# The drop that counts as "helping" for onset and duration (one point on the 0-10 scale).
HELP_DROP = 1.0
# Below this kernel weight of readings (sigma 60 min) a baseline half hour is unknown.
MIN_SUPPORT = 0.5
SUPPORT_SIGMA_MIN = 60.0


@dataclass(frozen=True)
class ModelDose:
    """A logged dose of a pain-relief substance, as the model reads it."""

    at: datetime  # aware, in the offset the user lived
    substance: str
    pain_before: int | None = None


@dataclass(frozen=True)
class BaselinePoint:
    """The estimated untreated pain over one half hour (``None`` where no data are near)."""

    start_min: int
    pain: float | None
    low: float | None
    high: float | None

    @property
    def start(self) -> str:
        return f"{self.start_min // 60:02d}:{self.start_min % 60:02d}"


@dataclass(frozen=True)
class CurvePoint:
    """The estimated change in pain ``after_min`` minutes after a dose (negative = relief)."""

    after_min: int
    change: float | None
    low: float | None
    high: float | None


@dataclass(frozen=True)
class ReliefCurve:
    """What the journal shows about one substance's doses, or why it cannot tell yet.

    ``reason`` is a code: ``learned``, ``few_doses``, ``few_readings``, ``same_times``
    (doses always at the same times of day) or ``too_uncertain``; ``needed`` says how
    many more doses or readings would do."""

    substance: str
    enough_data: bool
    reason: str
    n_doses: int
    n_readings: int
    contrast: float
    curve: tuple[CurvePoint, ...]
    onset_min: int | None = None
    peak_min: int | None = None
    peak_change: float | None = None
    peak_low: float | None = None
    peak_high: float | None = None
    duration_min: int | None = None
    needed: Mapping[str, int] = field(default_factory=dict)

    def change_at(self, minutes: float) -> float:
        """The estimated change ``minutes`` after a dose (0 outside 0-480 or if unknown)."""
        if not self.enough_data or not 0 < minutes < RELIEF_SPAN_MIN + RELIEF_STEP_MIN:
            return 0.0
        values = [0.0 if p.change is None else p.change for p in self.curve] + [0.0]
        index = int(minutes // RELIEF_STEP_MIN)
        share = (minutes - index * RELIEF_STEP_MIN) / RELIEF_STEP_MIN
        if index >= len(values) - 1:
            return 0.0
        return values[index] * (1 - share) + values[index + 1] * share


@dataclass(frozen=True)
class PainModel:
    """The fitted model for one day: its untreated baseline and each substance's relief."""

    enough_data: bool
    sufficiency: Sufficiency
    split: Split
    baseline: tuple[BaselinePoint, ...]
    relief: tuple[ReliefCurve, ...]
    window_days: int
    first_day: date
    last_day: date

    def relief_for(self, substance: str) -> ReliefCurve | None:
        key = substance.casefold()
        return next((r for r in self.relief if r.substance.casefold() == key), None)


# ---- the design ---------------------------------------------------------------------


def _minutes(moments: Sequence[datetime]) -> Array:
    return np.array([m.hour * 60 + m.minute + m.second / 60 for m in moments], dtype=np.float64)


def _harmonics(minute: Array) -> Array:
    """[1, cos(k x), sin(k x) for k = 1..HARMONICS] at each minute of the day."""
    angle = 2 * np.pi * minute / DAY_MIN
    columns = [np.ones_like(angle)]
    for k in range(1, HARMONICS + 1):
        columns += [np.cos(k * angle), np.sin(k * angle)]
    return np.stack(columns, axis=1)


def _roughness() -> Array:
    """The baseline's penalty: k^4 on both coefficients of the k-th harmonic."""
    diagonal = [0.0] + [float(k**4) for k in range(1, HARMONICS + 1) for _ in (0, 1)]
    return np.diag(np.array(diagonal))


def _curvature() -> Array:
    """Second differences of [0, c_30, …, c_480, 0]: a smooth curve that starts and ends
    at no change; plus the ridge."""
    points = KNOTS + 2
    second = np.zeros((points - 2, points))
    for i in range(points - 2):
        second[i, i : i + 3] = (1.0, -2.0, 1.0)
    inner = second[:, 1:-1]  # the fixed ends carry no parameter
    return RELIEF_SMOOTHING * inner.T @ inner + RELIEF_RIDGE * np.eye(KNOTS)


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


@dataclass
class _Data:
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


def _gather(
    readings: Sequence[PainReading],
    doses: Sequence[ModelDose],
    substances: Sequence[str],
    start: datetime,
    end: datetime,
) -> _Data:
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
    return _Data(
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


def _design(data: _Data, split: bool) -> tuple[Array, Array]:
    """The design matrix and its penalty (baseline, weekend baseline if split, reliefs)."""
    base = _harmonics(data.minute)
    blocks = [base]
    penalties = [BASELINE_SMOOTHING * _roughness()]
    if split:
        blocks.append(base * data.weekend[:, None])
        penalties.append(BASELINE_SMOOTHING * _roughness() + 1e-6 * np.eye(base.shape[1]))
    for columns in data.relief:
        blocks.append(columns)
        penalties.append(_curvature())
    design = np.concatenate(blocks, axis=1)
    size = design.shape[1]
    penalty = np.zeros((size, size))
    at = 0
    for block in penalties:
        width = block.shape[0]
        penalty[at : at + width, at : at + width] = block
        at += width
    return design, penalty * float(data.weight.sum())


def _per_day_sums(design: Array, data: _Data) -> tuple[Array, Array]:
    """X'WX and X'Wy of each day: the bootstrap resamples days by adding these up."""
    days = int(data.day.max()) + 1 if len(data.day) else 0
    # By day (a trip west can put a later reading on an earlier local day).
    order = np.argsort(data.day, kind="stable")
    design, weight, score, day = design[order], data.weight[order], data.score[order], data.day[order]
    weighted = design * weight[:, None]
    size = design.shape[1]
    gram = np.zeros((days, size, size))
    moment = np.zeros((days, size))
    bounds = np.searchsorted(day, np.arange(days + 1))
    for d in range(days):
        rows = slice(bounds[d], bounds[d + 1])
        gram[d] = weighted[rows].T @ design[rows]
        moment[d] = weighted[rows].T @ score[rows]
    return gram, moment


def _solve(gram: Array, moment: Array, penalty: Array) -> Array:
    # A tiny ridge keeps an unsupported harmonic (no readings at night) solvable.
    size = penalty.shape[0]
    return np.asarray(np.linalg.solve(gram + penalty + 1e-9 * np.eye(size), moment), dtype=np.float64)


def _contrast(data: _Data, index: int) -> float:
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


def _mostly_under_doses(data: _Data, index: int) -> npt.NDArray[np.bool_]:
    """The half hours of the day whose nearby readings (the kernel of :func:`_support`)
    were mostly taken while a dose of substance ``index`` might act: less than a fifth
    of their weight untreated."""
    kernel = _kernel(data.minute)
    total = data.weight @ kernel
    untreated = (data.weight * (1.0 - data.near[index])) @ kernel
    return np.asarray((total > 0) & (untreated < 0.2 * total))


# ---- the fit ------------------------------------------------------------------------


def _kernel(minute: Array) -> Array:
    """Each reading's Gaussian weight (sigma 60 min, circular) at each half hour's middle."""
    centres = np.arange(SLOTS) * SLOT_MIN + SLOT_MIN / 2
    distance = np.abs(minute[:, None] - centres[None, :]) % DAY_MIN
    distance = np.minimum(distance, DAY_MIN - distance)
    return np.asarray(np.exp(-0.5 * (distance / SUPPORT_SIGMA_MIN) ** 2), dtype=np.float64)


def _support(minute: Array) -> Array:
    """How many readings are near each half hour (kernel-weighted)."""
    return np.asarray(_kernel(minute).sum(axis=0), dtype=np.float64)


def _round(value: float) -> float:
    return round(float(value), 2)


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
    return onset, int(minutes[peak]), _round(fine[peak]), _round(low), _round(high), duration


def _relief_result(
    name: str, data: _Data, index: int, beta: Array, boot: Array, offset: int, n_doses: int
) -> ReliefCurve:
    n_readings = int(np.count_nonzero(data.after[index]))
    contrast = _contrast(data, index)
    coefficients = beta[offset : offset + KNOTS]
    samples = boot[:, offset : offset + KNOTS]
    onset, peak_min, peak, peak_low, peak_high, duration = _curve_summary(coefficients, samples)
    needed: dict[str, int] = {}
    if n_doses < MIN_RELIEF_DOSES:
        reason, needed = "few_doses", {"doses": MIN_RELIEF_DOSES - n_doses}
    elif n_readings < MIN_RELIEF_READINGS:
        reason, needed = "few_readings", {"readings": MIN_RELIEF_READINGS - n_readings}
    elif contrast < MIN_CONTRAST:
        reason = "same_times"
    elif peak_high is not None and peak_low is not None and peak_high - peak_low > MAX_PEAK_WIDTH:
        reason = "too_uncertain"
    else:
        reason = "learned"
    enough = reason == "learned"
    low, high = np.percentile(samples, [2.5, 97.5], axis=0) if len(samples) else (coefficients,) * 2
    curve = [CurvePoint(0, 0.0 if enough else None, 0.0 if enough else None, 0.0 if enough else None)]
    for knot in range(KNOTS):
        curve.append(
            CurvePoint(
                (knot + 1) * RELIEF_STEP_MIN,
                _round(coefficients[knot]) if enough else None,
                _round(low[knot]) if enough else None,
                _round(high[knot]) if enough else None,
            )
        )
    if not enough:
        return ReliefCurve(
            name, False, reason, n_doses, n_readings, round(contrast, 1), tuple(curve), needed=needed
        )
    return ReliefCurve(
        name,
        True,
        reason,
        n_doses,
        n_readings,
        round(contrast, 1),
        tuple(curve),
        onset_min=onset,
        peak_min=peak_min,
        peak_change=peak,
        peak_low=peak_low,
        peak_high=peak_high,
        duration_min=duration,
    )


def _split_for(data: _Data, day: date) -> Split:
    """Weekday or weekend baseline when both groups have enough readings, else pooled."""
    weekend = data.weekend.tolist()
    groups = [[r for r, w in zip(data.readings, weekend, strict=True) if w is flag] for flag in (False, True)]
    if all(sufficiency(group).enough for group in groups):
        return Split.WEEKEND if day.weekday() >= 5 else Split.WEEKDAY
    return Split.POOLED


def fit_pain_model(
    readings: Sequence[PainReading],
    doses: Sequence[ModelDose],
    substances: Sequence[str],
    *,
    day_start: datetime,
    window_days: int,
    bootstrap: int = BOOTSTRAP,
) -> PainModel:
    """The model for planning ``day_start``'s day, from data in the ``window_days`` days
    before it. ``substances`` are the pain-relief substances to learn a curve for."""
    start = day_start - timedelta(days=window_days)
    data = _gather(readings, doses, substances, start, day_start)
    suff = sufficiency(data.readings)
    split = _split_for(data, day_start.date()) if suff.enough else Split.POOLED
    split_design = split is not Split.POOLED
    centres = np.asarray(np.arange(SLOTS) * SLOT_MIN + SLOT_MIN / 2.0, dtype=np.float64)
    n_doses = [
        sum(1 for d in doses if d.substance.casefold() == s.casefold() and start <= d.at < day_start)
        for s in substances
    ]
    if not len(data.score):
        empty = tuple(BaselinePoint(s * SLOT_MIN, None, None, None) for s in range(SLOTS))
        relief = tuple(
            ReliefCurve(
                name,
                False,
                "few_doses",
                n,
                0,
                0.0,
                tuple(
                    CurvePoint(m, None, None, None) for m in range(0, RELIEF_SPAN_MIN + 1, RELIEF_STEP_MIN)
                ),
                needed={"doses": max(0, MIN_RELIEF_DOSES - n)},
            )
            for name, n in zip(substances, n_doses, strict=True)
        )
        return PainModel(False, suff, split, empty, relief, window_days, start.date(), _last_day(day_start))
    design, penalty = _design(data, split_design)
    gram, moment = _per_day_sums(design, data)
    beta = _solve(gram.sum(axis=0), moment.sum(axis=0), penalty)
    rng = np.random.default_rng(SEED)
    days = gram.shape[0]
    counts = rng.multinomial(days, np.full(days, 1.0 / days), size=bootstrap).astype(np.float64)
    size = penalty.shape[0]
    boot_gram = (counts @ gram.reshape(days, -1)).reshape(-1, size, size) + penalty + 1e-9 * np.eye(size)
    boot_moment = counts @ moment
    boot = np.asarray(np.linalg.solve(boot_gram, boot_moment[:, :, None])[:, :, 0], dtype=np.float64)

    rows = _harmonics(centres)
    width = rows.shape[1]
    weekend_day = split is Split.WEEKEND
    if weekend_day:
        rows = np.concatenate([rows, rows], axis=1)
    elif split_design:
        rows = np.concatenate([rows, np.zeros_like(rows)], axis=1)
    used = rows.shape[1]
    curve = rows @ beta[:used]
    boot_curve = boot[:, :used] @ rows.T
    low, high = np.percentile(boot_curve, [2.5, 97.5], axis=0)
    if split_design:
        mask = data.weekend if weekend_day else ~data.weekend
        support = _support(data.minute[mask])
    else:
        support = _support(data.minute)
    offset = width * (2 if split_design else 1)
    relief = tuple(
        _relief_result(name, data, index, beta, boot, offset + index * KNOTS, n_doses[index])
        for index, name in enumerate(substances)
    )
    # Where a substance's doses could not be told from the time of day, the untreated
    # pain at the half hours they usually covered was never seen: no estimate there.
    unseen = np.zeros(SLOTS, dtype=bool)
    for index, curve_result in enumerate(relief):
        if curve_result.reason == "same_times":
            unseen |= _mostly_under_doses(data, index)
    # Fewer days than a pattern needs: a bootstrap over so few days has no width to show.
    intervals = suff.days >= MIN_DAYS
    baseline = tuple(
        BaselinePoint(
            s * SLOT_MIN,
            _clip(curve[s]) if known else None,
            _clip(low[s]) if known and intervals else None,
            _clip(high[s]) if known and intervals else None,
        )
        for s in range(SLOTS)
        for known in (bool(support[s] >= MIN_SUPPORT and not unseen[s]),)
    )
    return PainModel(
        suff.enough, suff, split, baseline, relief, window_days, start.date(), _last_day(day_start)
    )


def _clip(value: float) -> float:
    return _round(min(10.0, max(0.0, float(value))))


def _last_day(day_start: datetime) -> date:
    return (day_start - timedelta(microseconds=1)).date()
