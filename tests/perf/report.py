"""The performance report: runs every benchmark in tests/perf and prints one table
(median, min and max of each measure; ratios against the baselines measured in the same
run), ready for the README's "Performance" section.

    uv run python -m tests.perf.report            # all benchmarks, about 5 minutes
    uv run python -m tests.perf.report -k cli     # some of them (pytest's -k)

Absolute times depend on the machine and on what else it is doing; the ratios against
same-run baselines are the figures to compare between machines and days.
"""

from __future__ import annotations

import json
import os
import platform
import subprocess
import sys
import tempfile
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _number(value: float, unit: str) -> str:
    if unit == "ms":
        return f"{value:.0f} ms" if value >= 100 else f"{value:.1f} ms"
    if unit in ("s", "MB"):
        return f"{value:.2f} {unit}" if value < 10 else f"{value:.1f} {unit}"
    return f"{value:.2f} {unit}".replace(" %", " %")


def table(rows: list[dict]) -> str:
    lines = [
        "| measure | median | min – max | baseline (median) | ratio | target |",
        "|---|---|---|---|---|---|",
    ]
    for row in rows:
        unit = row["unit"]
        spread = f"{_number(row['min'], unit)} – {_number(row['max'], unit)}" if row["n"] > 1 else ""
        baseline = ""
        ratio = ""
        if "baseline" in row:
            baseline = f"{row['baseline']}: {_number(row['baseline_median'], unit)}"
            ratio = (
                f"{row['ratio']:.2f}×"
                if unit != "MB"
                else f"{row['median'] - row['baseline_median']:+.1f} MB"
            )
        median = _number(row["median"], unit)
        lines.append(f"| {row['measure']} | {median} | {spread} | {baseline} | {ratio} | {row['target']} |")
    return "\n".join(lines)


def machine() -> str:
    cpus = os.cpu_count()
    memory = ""
    try:
        with open("/proc/meminfo", encoding="ascii") as handle:
            kb = int(handle.readline().split()[1])
        memory = f", {kb / 1024 / 1024:.0f} GiB"
    except OSError:
        pass
    return (
        f"{platform.system()} {platform.machine()}, {cpus} cores{memory}, Python {platform.python_version()}"
    )


def main(argv: list[str]) -> int:
    with tempfile.TemporaryDirectory() as folder:
        results = Path(folder) / "results.jsonl"
        env = {**os.environ, "EBB_PERF_RESULTS": str(results)}
        code = subprocess.run(
            [
                sys.executable,
                "-m",
                "pytest",
                "-m",
                "perf",
                "tests/perf",
                "-q",
                "-s",
                "-p",
                "no:cacheprovider",
                *argv,
            ],
            cwd=ROOT,
            env=env,
        ).returncode
        rows = [json.loads(line) for line in results.read_text().splitlines()] if results.exists() else []
    print()
    print(f"Performance on {date.today():%Y-%m-%d}, {machine()}:")
    print()
    print(table(rows))
    if code:
        print(f"\n(pytest exit code {code}: a target above was missed; see its test's output)")
    return 0 if rows else 1


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
