from __future__ import annotations

import statistics
import time
from collections.abc import Callable


def timings(action: Callable[[], object], repeat: int) -> list[float]:
    """Wall times of ``repeat`` runs of ``action``, in seconds."""
    result = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        result.append(time.perf_counter() - start)
    return result


def ratio(values: list[float], baseline: list[float]) -> float:
    """Median over median: the figure compared with a target."""
    return statistics.median(values) / statistics.median(baseline)


def summary(label: str, values: list[float]) -> str:
    return (
        f"{label:<38} median {statistics.median(values) * 1000:8.1f} ms   "
        f"min {min(values) * 1000:8.1f}   max {max(values) * 1000:8.1f}"
    )


def record(
    measure: str,
    values: list[float],
    *,
    unit: str = "ms",
    scale: float = 1000.0,
    baseline: tuple[str, list[float]] | None = None,
    target: str = "",
) -> None:
    """Keep a figure for the performance report (tests/perf/report.py), which sets
    EBB_PERF_RESULTS to a file; without it this does nothing. ``values`` are in seconds
    unless ``scale`` says otherwise (``scale=1`` for values already in ``unit``)."""
    import json
    import os

    path = os.environ.get("EBB_PERF_RESULTS")
    if not path:
        return
    row = {
        "measure": measure,
        "unit": unit,
        "median": statistics.median(values) * scale,
        "min": min(values) * scale,
        "max": max(values) * scale,
        "n": len(values),
        "target": target,
    }
    if baseline is not None:
        label, base = baseline
        row["baseline"] = label
        row["baseline_median"] = statistics.median(base) * scale
        row["ratio"] = statistics.median(values) / statistics.median(base)
    with open(path, "a", encoding="utf-8") as handle:
        handle.write(json.dumps(row) + "\n")
