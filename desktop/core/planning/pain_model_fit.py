"""The pain model's least squares: the design (a cosinor baseline, a weekend one when the
days are split, and each substance's relief knots), its penalties, the penalised,
recency-weighted solve and the bootstrap over days.

The fit works on per-day sums (X'WX, X'Wy), so the bootstrap only adds up days.
numpy-side: imported only by :mod:`desktop.core.planning.pain_model` and its other
fitting modules, never on the tray's start path.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from desktop.core.planning.pain_model_readings import Array, JournalData
from desktop.core.planning.pain_model_values import KNOTS
from desktop.core.planning.pattern import DAY_MIN

HARMONICS = 8
# Roughness penalty of the baseline, per unit of recency weight: k^4 * this on the k-th
# harmonic's pair. The three penalties were chosen by a scan over synthetic journals
# (tests/core/pain_truth.py, eight seeds): the peak of a known relief curve within 0.2
# points and inside its 95 % interval every time, onset within 10 min, duration within
# 45 min, and a rise of about an hour's width kept in the baseline.
BASELINE_SMOOTHING = 1e-4
RELIEF_SMOOTHING = 1e-2  # curvature penalty per unit of recency weight
RELIEF_RIDGE = 2e-4  # "no change" where the data say nothing
BOOTSTRAP = 200
SEED = 20261204
# Columns of one baseline: the mean, then a cosine and a sine per harmonic.
BASELINE_WIDTH = 1 + 2 * HARMONICS


@dataclass(frozen=True)
class Coefficients:
    """The fitted coefficients and their bootstrap replicates (one row each), in the
    design's order: the baseline, the weekend's difference when ``split``, then
    :data:`KNOTS` per substance."""

    beta: Array
    boot: Array
    split: bool

    def relief_offset(self, index: int) -> int:
        """Where substance ``index``'s relief knots start."""
        return BASELINE_WIDTH * (2 if self.split else 1) + index * KNOTS


def harmonics(minute: Array) -> Array:
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


def _design(data: JournalData, split: bool) -> tuple[Array, Array]:
    """The design matrix and its penalty (baseline, weekend baseline if split, reliefs)."""
    base = harmonics(data.minute)
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


def _per_day_sums(design: Array, data: JournalData) -> tuple[Array, Array]:
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


def _bootstrap(gram: Array, moment: Array, penalty: Array, replicates: int) -> Array:
    """The fit again on ``replicates`` resamples of the days (fixed seed): each resample
    weighs each day's sums by how often it was drawn, the same tiny ridge as :func:`_solve`."""
    rng = np.random.default_rng(SEED)
    days = gram.shape[0]
    counts = rng.multinomial(days, np.full(days, 1.0 / days), size=replicates).astype(np.float64)
    size = penalty.shape[0]
    boot_gram = (counts @ gram.reshape(days, -1)).reshape(-1, size, size) + penalty + 1e-9 * np.eye(size)
    boot_moment = counts @ moment
    return np.asarray(np.linalg.solve(boot_gram, boot_moment[:, :, None])[:, :, 0], dtype=np.float64)


def fit_coefficients(data: JournalData, split: bool, replicates: int) -> Coefficients:
    """Baseline and relief fitted together to ``data`` (a weekend baseline too when
    ``split``), with ``replicates`` bootstrap fits for the intervals."""
    design, penalty = _design(data, split)
    gram, moment = _per_day_sums(design, data)
    beta = _solve(gram.sum(axis=0), moment.sum(axis=0), penalty)
    return Coefficients(beta, _bootstrap(gram, moment, penalty, replicates), split)
