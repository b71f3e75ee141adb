"""The statistics behind the insights: means, differences of means, shares and rank
correlations, each with a 95 % interval.

Intervals are percentile bootstraps with a fixed seed (or exact, Wilson, for shares),
so the same data always give the same numbers; from :data:`LARGE_SAMPLE` values on,
normal theory replaces the bootstrap. Pure Python: no numpy.
"""

from __future__ import annotations

import itertools
import math
import random
import statistics
from collections.abc import Callable, Sequence

from desktop.core.insights.results import Estimate

SEED = 2008  # any fixed value: the same journal always gives the same intervals
RESAMPLES = 2000
Z_95 = 1.959963984540054
# From this many values on, intervals are computed exactly (normal theory) instead of by
# bootstrap: the two agree closely there, and a bootstrap over years of data takes
# seconds in pure Python.
LARGE_SAMPLE = 100


def _percentile(ordered: Sequence[float], q: float) -> float:
    position = q * (len(ordered) - 1)
    low = math.floor(position)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


def bootstrap(value: float, statistic: Callable[[random.Random], float | None]) -> Estimate:
    """``value`` with a 95 % percentile-bootstrap interval of ``statistic``, which draws
    one resample from the generator it is given (None: undefined on that resample)."""
    rng = random.Random(SEED)
    draws = sorted(v for _ in range(RESAMPLES) if (v := statistic(rng)) is not None)
    if not draws:
        return Estimate(value, value, value)
    return Estimate(value, _percentile(draws, 0.025), _percentile(draws, 0.975))


def _normal(value: float, standard_error: float) -> Estimate:
    return Estimate(value, value - Z_95 * standard_error, value + Z_95 * standard_error)


def mean_difference(first: Sequence[float], second: Sequence[float]) -> Estimate:
    """mean(first) - mean(second): bootstrap resampling each group on its own, or the
    Welch interval once both groups are large."""
    if min(len(first), len(second)) >= LARGE_SAMPLE:
        error = math.sqrt(statistics.variance(first) / len(first) + statistics.variance(second) / len(second))
        return _normal(statistics.fmean(first) - statistics.fmean(second), error)

    def resample(rng: random.Random) -> float:
        a = rng.choices(first, k=len(first))
        b = rng.choices(second, k=len(second))
        return statistics.fmean(a) - statistics.fmean(b)

    return bootstrap(statistics.fmean(first) - statistics.fmean(second), resample)


def mean_estimate(values: Sequence[float]) -> Estimate:
    """The mean with a bootstrap interval, or the normal-theory one for large samples."""
    if len(values) >= LARGE_SAMPLE:
        return _normal(statistics.fmean(values), statistics.stdev(values) / math.sqrt(len(values)))
    return bootstrap(
        statistics.fmean(values), lambda rng: statistics.fmean(rng.choices(values, k=len(values)))
    )


def block_mean(values: Sequence[float]) -> Estimate:
    """The mean of a series in time order with a moving-block bootstrap interval (Künsch,
    Ann Stat 1989): neighbours are not independent (two successive day-to-day changes
    share a day), so runs of about n^(1/3) neighbours are resampled together. From
    :data:`LARGE_SAMPLE` values on, the normal interval with the Bartlett-window variance
    that this bootstrap approximates (the same block length) replaces it."""
    length = min(len(values), max(2, round(len(values) ** (1 / 3))))
    if len(values) >= LARGE_SAMPLE:
        return _normal(statistics.fmean(values), math.sqrt(bartlett_variance(values, length) / len(values)))
    sums = list(itertools.accumulate(values, initial=0.0))
    blocks = [(sums[i + length] - sums[i]) / length for i in range(len(values) - length + 1)]
    count = math.ceil(len(values) / length)
    return bootstrap(statistics.fmean(values), lambda rng: statistics.fmean(rng.choices(blocks, k=count)))


def bartlett_variance(values: Sequence[float], length: int) -> float:
    """The long-run variance of a series: its autocovariances up to lag ``length - 1``
    with Bartlett weights 1 - lag/length (Newey & West, Econometrica 1987)."""
    mean = statistics.fmean(values)
    centred = [v - mean for v in values]

    def covariance(lag: int) -> float:
        return sum(a * b for a, b in zip(centred, centred[lag:], strict=False)) / len(values)

    weighted = covariance(0) + 2 * sum((1 - lag / length) * covariance(lag) for lag in range(1, length))
    return max(0.0, weighted)


def wilson(successes: int, n: int) -> Estimate:
    """The share and its Wilson score 95 % interval (exact enough, also near 0 and 1)."""
    share = successes / n
    denominator = 1 + Z_95**2 / n
    centre = (share + Z_95**2 / (2 * n)) / denominator
    half = Z_95 * math.sqrt(share * (1 - share) / n + Z_95**2 / (4 * n * n)) / denominator
    return Estimate(share, max(0.0, centre - half), min(1.0, centre + half))


def spearman_interval(rho: float, n: int) -> Estimate:
    """Fisher z interval for Spearman's rho with the Fieller, Hartley & Pearson (1957)
    standard error 1.06 / sqrt(n - 3)."""
    clipped = max(-0.999999, min(0.999999, rho))
    z, error = math.atanh(clipped), 1.06 / math.sqrt(n - 3)
    return Estimate(rho, math.tanh(z - Z_95 * error), math.tanh(z + Z_95 * error))


def _ranks(values: Sequence[float]) -> list[float]:
    order = sorted(range(len(values)), key=lambda i: values[i])
    ranks = [0.0] * len(values)
    start = 0
    while start < len(order):
        end = start
        while end + 1 < len(order) and values[order[end + 1]] == values[order[start]]:
            end += 1
        for i in order[start : end + 1]:
            ranks[i] = (start + end) / 2 + 1  # ties share their mean rank
        start = end + 1
    return ranks


def spearman(x: Sequence[float], y: Sequence[float]) -> float | None:
    """Spearman's rank correlation; None when either side does not vary."""
    rx, ry = _ranks(x), _ranks(y)
    mx, my = statistics.fmean(rx), statistics.fmean(ry)
    sxy = sum((a - mx) * (b - my) for a, b in zip(rx, ry, strict=True))
    sxx = sum((a - mx) ** 2 for a in rx)
    syy = sum((b - my) ** 2 for b in ry)
    if sxx == 0 or syy == 0:
        return None
    return max(-1.0, min(1.0, sxy / math.sqrt(sxx * syy)))
