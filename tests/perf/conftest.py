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


def summary(label: str, values: list[float]) -> str:
    return (
        f"{label:<38} median {statistics.median(values) * 1000:8.1f} ms   "
        f"min {min(values) * 1000:8.1f}   max {max(values) * 1000:8.1f}"
    )
