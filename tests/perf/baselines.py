"""Same-run baselines for the 10-year journal benchmarks: the least work that reads (or
writes, or imports) what the measured step does, with plain sqlite3, csv, numpy or
matplotlib. A ratio against one shows what Ebb adds, and the machine's speed and load
cancel out (DESIGN.md section 10: ratios, not absolute times).

The targets in the benchmarks are today's ratios (2026-12-04, issue 13) with about half
again as much room for noise: "no worse than today".
"""

from __future__ import annotations

import csv
import io
import sqlite3
import subprocess
import sys
from datetime import datetime
from pathlib import Path

from desktop.core.times import to_utc_text

# Every column of an entry and its details, as the journal list and the export need them.
_ENTRIES = """
SELECT e.id, e.uid, e.kind, e.at_utc, e.utc_offset_min, e.zone, e.note, e.recorded_utc,
       s.name, d.amount, d.unit, d.form, d.product, d.batch, d.pain_before, d.source, d.warnings,
       p.score, p.locations, p.qualities, p.source,
       sl.night, sl.in_bed, sl.tried_sleep, sl.sol_min, sl.awakenings, sl.waso_min,
       sl.final_wake, sl.out_of_bed, sl.quality, ef.name, ef.severity, n.tags
FROM entries e
LEFT JOIN doses d ON d.entry_id = e.id LEFT JOIN substances s ON s.id = d.substance_id
LEFT JOIN pains p ON p.entry_id = e.id LEFT JOIN sleeps sl ON sl.entry_id = e.id
LEFT JOIN effects ef ON ef.entry_id = e.id LEFT JOIN notes n ON n.entry_id = e.id
WHERE e.deleted_utc IS NULL AND e.at_utc >= ? AND e.at_utc < ?
ORDER BY e.at_utc, e.id
"""
_EVER = ("0000", "9999")


def _rows(path: Path, sql: str, params: tuple[str, ...]) -> list[tuple[object, ...]]:
    conn = sqlite3.connect(path)
    try:
        return conn.execute(sql, params).fetchall()
    finally:
        conn.close()


def raw_entries(path: Path, start: datetime, end: datetime) -> list[tuple[object, ...]]:
    """The rows behind ``Journal.entries(start=, end=)``, as plain tuples."""
    return _rows(path, _ENTRIES, (to_utc_text(start), to_utc_text(end)))


def raw_csv(path: Path) -> str:
    """Every entry row written with the csv module: the floor of a full CSV export."""
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerows(_rows(path, _ENTRIES, _EVER))
    return buffer.getvalue()


def raw_analysis_rows(path: Path) -> int:
    """The columns insights read (dose, pain and sleep times and values), as tuples."""
    return sum(
        len(_rows(path, sql, ()))
        for sql in (
            "SELECT e.at_utc, e.utc_offset_min, d.substance_id, d.amount, d.product, d.batch, "
            "d.pain_before FROM entries e JOIN doses d ON d.entry_id = e.id WHERE e.deleted_utc IS NULL",
            "SELECT e.at_utc, e.utc_offset_min, p.score FROM entries e JOIN pains p ON p.entry_id = e.id "
            "WHERE e.deleted_utc IS NULL",
            "SELECT e.at_utc, e.utc_offset_min, sl.* FROM entries e JOIN sleeps sl ON sl.entry_id = e.id "
            "WHERE e.deleted_utc IS NULL",
        )
    )


def raw_planner_rows(path: Path, since: datetime) -> int:
    """The rows the planner reads for one day (pain, doses, sleep onsets since ``since``)."""
    after = (to_utc_text(since),)
    return sum(
        len(_rows(path, sql, after))
        for sql in (
            "SELECT e.at_utc, e.utc_offset_min, p.score FROM entries e JOIN pains p ON p.entry_id = e.id "
            "WHERE e.deleted_utc IS NULL AND e.at_utc >= ? ORDER BY e.at_utc",
            "SELECT e.uid, s.name, e.at_utc, e.utc_offset_min, d.pain_before FROM entries e "
            "JOIN doses d ON d.entry_id = e.id JOIN substances s ON s.id = d.substance_id "
            "WHERE e.deleted_utc IS NULL AND e.at_utc >= ? ORDER BY e.at_utc",
            "SELECT sl.night, sl.tried_sleep FROM entries e JOIN sleeps sl ON sl.entry_id = e.id "
            "WHERE e.deleted_utc IS NULL AND e.at_utc >= ? ORDER BY e.at_utc",
        )
    )


def write_floor_pdf(out: Path) -> None:
    """A three-page PDF with one line chart a page: what any matplotlib report costs
    before it draws anything of its own."""
    import matplotlib

    matplotlib.use("pdf")
    from matplotlib.backends.backend_pdf import PdfPages
    from matplotlib.figure import Figure

    with PdfPages(out) as pdf:
        for _page in range(3):
            figure = Figure(figsize=(8.27, 11.69))
            figure.add_subplot().plot(range(365), [i % 10 for i in range(365)])
            pdf.savefig(figure)


ROOT = Path(__file__).resolve().parents[2]


def matplotlib_pdf_process(out: Path, env: dict[str, str]) -> None:
    """:func:`write_floor_pdf` in a new process (importing matplotlib, as `ebb report` does)."""
    code = "import sys; from tests.perf.baselines import write_floor_pdf; write_floor_pdf(sys.argv[1])"
    subprocess.run([sys.executable, "-c", code, str(out)], check=True, capture_output=True, env=env, cwd=ROOT)


def numpy_process() -> None:
    """A new Python that imports numpy: the floor of a first pain-model fit."""
    subprocess.run([sys.executable, "-c", "import numpy"], check=True, capture_output=True)
