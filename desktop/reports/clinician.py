"""The clinician report: one to three pages of PDF from a period of the journal.

Page 1 holds the tables (:mod:`desktop.reports.tables`: period, entries, pain with time
in high pain and day-to-day variability, sleep, doses by substance, side effects), page 2
the insight sentences, escalation flags and the pain heat map, page 3 the trends, the dose
timeline and the notes (:mod:`desktop.reports.pages`). The relief curve after a dose goes
below page 1's tables when they leave it room (they usually do), else under the heat map.
The charts come from :mod:`desktop.reports.charts`, the same functions the insights
window uses. Fonts are embedded (TrueType, ``pdf.fonttype`` 42). The header says what
this is: a self-reported journal. Every word goes through the translation hook
(desktop/words/translate.py).

``hidden`` replaces every substance name by a neutral label ("Substance A") throughout,
and leaves out products and batches (:mod:`desktop.reports.hidden`).
"""

from __future__ import annotations

import dataclasses
import os
import tempfile
from datetime import date, tzinfo
from pathlib import Path
from typing import Any

from desktop.core.insights.compute import compute_insights
from desktop.core.insights.summary import PeriodSummary, summarise
from desktop.reports.entries import ReportInput, in_period
from desktop.reports.hidden import hide_substances, mask_kind_words
from desktop.reports.layout import Page
from desktop.reports.pages import (
    RELIEF_HEAD_IN,
    RELIEF_SECTION_IN,
    RELIEF_SECTION_MIN_IN,
    page_three,
    page_two,
    relief_section,
)
from desktop.reports.tables import page_one
from desktop.words.insights import insight_lines
from desktop.words.translate import translate

PAPER = {"a4": (8.27, 11.69), "letter": (8.5, 11.0)}


def analyse_period(
    data: ReportInput, start: date, end: date, zone: tzinfo, *, hidden: bool = False
) -> tuple[PeriodSummary, list[str]]:
    """The period's summary and insight sentences (what the report and the insights
    window show); insights are computed as of ``end``, from the period's entries only."""
    if hidden:
        data = hide_substances(data)
    records = [r for r in data.records if in_period(r, start, end, zone)]
    insights = compute_insights(records, data.kinds, end, zone)
    # The insights ride along in the summary: the charts and tables that show them
    # (the relief curve, time in high pain) take the one summary, as the others do.
    summary = dataclasses.replace(summarise(records, data.units, start, end, zone), insights=insights)
    lines = insight_lines(insights, {name.casefold(): unit for name, unit in data.units.items()})
    return summary, mask_kind_words(lines, data.kinds) if hidden else lines


def build_report(
    data: ReportInput,
    out: Path,
    start: date,
    end: date,
    zone: tzinfo,
    *,
    generated: date,
    hidden: bool = False,
    paper: str = "a4",
) -> int:
    """Write the report to ``out`` (atomically, readable by the user only). Returns the
    number of pages."""
    import matplotlib

    summary, lines = analyse_period(data, start, end, zone, hidden=hidden)
    footer = translate("Report", "Ebb journal {start} – {end}").format(
        start=f"{start:%d %b %Y}", end=f"{end:%d %b %Y}"
    )
    with matplotlib.rc_context(
        {"pdf.fonttype": 42, "font.family": "DejaVu Sans", "font.size": 8.5, "grid.color": "0.88"}
    ):
        pages = _lay_out(PAPER[paper], footer, summary, lines, generated, hidden)
        _write_pdf(out, [page.figure for page in pages], title=footer)
    return len(pages)


def _lay_out(
    paper: tuple[float, float],
    footer: str,
    summary: PeriodSummary,
    lines: list[str],
    generated: date,
    hidden: bool,
) -> list[Page]:
    """The three pages, with the relief curve below page 1's tables if they leave it its
    full height, else under the heat map, else in whatever page 1 has left."""
    one, two, three = (Page(paper, number, footer) for number in (1, 2, 3))
    page_one(one, summary, generated, hidden)
    on_one = one.room >= RELIEF_SECTION_IN
    if on_one:
        relief_section(one, RELIEF_SECTION_IN - RELIEF_HEAD_IN, summary)
    elsewhere = one.room >= RELIEF_SECTION_MIN_IN
    if not page_two(two, lines, summary, relief=not on_one, elsewhere=elsewhere) and elsewhere:
        relief_section(one, one.room - RELIEF_HEAD_IN, summary)
    page_three(three, summary)
    return [one, two, three]


def _write_pdf(out: Path, figures: list[Any], *, title: str) -> None:
    """The figures as pages of one PDF at ``out``, written beside it and renamed into
    place, so a failure leaves the old file or none."""
    from matplotlib.backends.backend_pdf import PdfPages

    out.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=".report-", suffix=".pdf", dir=out.parent)
    os.close(handle)  # mkstemp makes it 0600: the report is as private as the journal
    try:
        metadata = {"Title": title, "Creator": "Ebb", "Producer": "Ebb (matplotlib)"}
        with PdfPages(temporary, metadata=metadata) as pdf:
            for figure in figures:
                pdf.savefig(figure)
        os.replace(temporary, out)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
