"""The clinician report: one to three pages of PDF from a period of the journal.

Page 1 holds the tables (period, entries, pain with time in high pain and day-to-day
variability, sleep, doses by substance, side effects), page 2 the insight sentences,
escalation flags and the pain heat map, page 3 the trends, the dose timeline and the
notes. The relief curve after a dose goes below page 1's tables when they leave it room
(they usually do), else under the heat map. The charts come from :mod:`desktop.reports.charts`,
the same functions the insights window uses. Fonts are embedded (TrueType, ``pdf.fonttype``
42). The header says what this is: a self-reported journal.

``hide_substances`` replaces every substance name by a neutral label ("Substance A")
throughout, and leaves out products and batches, which could name a substance too;
names inside notes are masked as well.
"""

from __future__ import annotations

import dataclasses
import os
import re
import tempfile
import textwrap
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, tzinfo
from pathlib import Path
from typing import Any

from desktop.core.insights.compute import (
    HIGH_PAIN,
    MIN_DAY_PAIRS,
    MIN_HIGH_PAIN_CHECKINS,
    MIN_PAIN_DAYS,
    Insights,
    Status,
    compute_insights,
)
from desktop.core.insights.summary import DAY_PARTS, PeriodSummary, summarise
from desktop.reports import charts
from desktop.words.insights import insight_lines
from desktop.words.present import SEVERITY, fmt

PAPER = {"a4": (8.27, 11.69), "letter": (8.5, 11.0)}
MARGIN_IN = 0.7
HEADER = (
    "Self-reported journal — entries were logged by the patient in the Ebb app "
    "and are not clinically verified."
)
MAX_NOTES = 40
# Heights on a page (inches, labels included): wanted and the least still readable. The
# relief section is its heading and caption (RELIEF_HEAD_IN) plus the chart.
HEAT_IN, HEAT_MIN_IN = 3.2, 1.6
RELIEF_HEAD_IN = 0.85
RELIEF_SECTION_IN, RELIEF_SECTION_MIN_IN = RELIEF_HEAD_IN + 2.6, RELIEF_HEAD_IN + 1.8


@dataclass(frozen=True)
class ReportInput:
    records: list[dict[str, Any]]
    kinds: dict[str, str]  # substance name -> kind
    units: dict[str, str]  # substance name -> unit


def neutral_labels(names: Iterable[str]) -> dict[str, str]:
    """Substance names (any case) -> "Substance A", "Substance B", … in name order."""
    ordered = sorted({name.casefold(): name for name in names}.values(), key=str.casefold)
    labels = {}
    for i, name in enumerate(ordered):
        letters = ""
        n = i
        while True:
            letters = chr(ord("A") + n % 26) + letters
            n = n // 26 - 1
            if n < 0:
                break
        labels[name.casefold()] = f"Substance {letters}"
    return labels


def hide_substances(data: ReportInput) -> ReportInput:
    """The same journal with every substance name replaced by its neutral label and
    products and batches left out (in records, notes and the name maps)."""
    words = set(data.kinds) | {str(r["substance"]) for r in data.records if r.get("kind") == "dose"}
    labels = neutral_labels(words)
    products = {str(r[key]) for r in data.records for key in ("product", "batch") if r.get(key)}
    masks = [(name, labels[name.casefold()]) for name in words] + [(p, "[product]") for p in products]
    # Longest first, so "Kratom Red" is masked before "Kratom".
    masks.sort(key=lambda pair: -len(pair[0]))
    pattern = re.compile("|".join(re.escape(word) for word, _ in masks), re.IGNORECASE) if masks else None
    lookup = {word.casefold(): label for word, label in masks}

    def mask(text: str) -> str:
        return pattern.sub(lambda m: lookup[m.group(0).casefold()], text) if pattern and text else text

    records = []
    for record in data.records:
        copy = dict(record)
        if copy.get("kind") == "dose":
            copy["substance"] = labels[str(copy["substance"]).casefold()]
            copy["product"] = None
            copy["batch"] = None
        if isinstance(copy.get("note"), str):
            copy["note"] = mask(copy["note"])
        records.append(copy)
    return ReportInput(
        records,
        {labels[name.casefold()]: kind for name, kind in data.kinds.items()},
        {labels[name.casefold()]: unit for name, unit in data.units.items()},
    )


def mask_kind_words(lines: Sequence[str], kinds: Mapping[str, str]) -> list[str]:
    """Insight sentences name substance kinds ("nights with melatonin"); with hidden
    names, each kind word becomes the label(s) of the substance(s) of that kind."""
    by_kind: dict[str, list[str]] = {}
    for label, kind in sorted(kinds.items()):
        by_kind.setdefault(kind.casefold(), []).append(label)
    words = {kind: " or ".join(labels) for kind, labels in by_kind.items()}
    for kind in ("kratom", "melatonin"):
        words.setdefault(kind, "the substance")
    pattern = re.compile(r"\b(" + "|".join(re.escape(k) for k in words) + r")\b", re.IGNORECASE)
    return [pattern.sub(lambda m: words[m.group(0).casefold()], line) for line in lines]


class _Page:
    """A page of text blocks and charts, laid out top to bottom in inches."""

    def __init__(self, paper: tuple[float, float], number: int, footer: str) -> None:
        from matplotlib.figure import Figure

        self.width, self.height = paper
        self.figure = Figure(figsize=paper)
        self.y = self.height - MARGIN_IN
        self.figure.text(
            0.5,
            MARGIN_IN / 2 / self.height,
            f"{footer} · page {number}",
            ha="center",
            fontsize=7,
            color="0.4",
        )

    @property
    def room(self) -> float:
        return self.y - MARGIN_IN

    def text(
        self,
        text: str,
        *,
        size: float = 9,
        weight: str = "normal",
        colour: str = "black",
        indent: float = 0.0,
        gap: float = 0.04,
    ) -> None:
        chars = int((self.width - 2 * MARGIN_IN - indent) * 72 / (size * 0.52))
        hang = "  " if text.startswith("• ") else ""
        for line in textwrap.wrap(text, chars, subsequent_indent=hang) or [""]:
            height = size * 1.35 / 72
            self.y -= height
            self.figure.text(
                (MARGIN_IN + indent) / self.width,
                self.y / self.height,
                line,
                fontsize=size,
                fontweight=weight,
                color=colour,
                va="baseline",
            )
        self.y -= gap

    def heading(self, text: str) -> None:
        self.y -= 0.12
        self.text(text, size=11.5, weight="bold", gap=0.06)

    def table(self, header: Sequence[str], rows: Sequence[Sequence[str]], widths: Sequence[float]) -> None:
        """Columns at fixed widths (inches); the first column left-aligned, the rest right."""
        size = 8.5
        step = size * 1.45 / 72
        for i, row in enumerate([header, *rows]):
            self.y -= step
            x = MARGIN_IN
            for column, (cell, width) in enumerate(zip(row, widths, strict=True)):
                right = column > 0
                self.figure.text(
                    (x + (width - 0.05 if right else 0)) / self.width,
                    self.y / self.height,
                    cell,
                    fontsize=size,
                    fontweight="bold" if i == 0 else "normal",
                    ha="right" if right else "left",
                    va="baseline",
                )
                x += width
            if i == 0:
                self.figure.add_artist(self._rule(self.y - 0.05, sum(widths)))
        self.y -= 0.12

    def _rule(self, y: float, length: float) -> Any:
        from matplotlib.lines import Line2D

        return Line2D(
            [MARGIN_IN / self.width, (MARGIN_IN + length) / self.width],
            [y / self.height, y / self.height],
            lw=0.6,
            color="0.5",
        )

    def axes(self, height: float, *, right_room: float = 0.0) -> Any:
        """An axes block ``height`` inches tall (labels included) at the cursor."""
        left, bottom_pad, top_pad = 0.55, 0.35, 0.3
        ax = self.figure.add_axes(
            (
                (MARGIN_IN + left) / self.width,
                (self.y - height + bottom_pad) / self.height,
                (self.width - 2 * MARGIN_IN - left - right_room) / self.width,
                (height - bottom_pad - top_pad) / self.height,
            )
        )
        self.y -= height
        return ax


def _n(value: float | None, digits: int = 1, unit: str = "") -> str:
    return "—" if value is None else f"{value:.{digits}f}{unit}"


def _pain_figures(insights: Insights | None) -> list[str]:
    """Time in high pain and day-to-day variability, in a clinician's words."""
    if insights is None:
        return []
    high, daily = insights.high_pain, insights.day_to_day
    if high.status is Status.OK:
        share = high.estimates["share"]
        digits = 1 if share.high < 0.1 else 0
        first = (
            f"Check-ins with pain {HIGH_PAIN} or more: {share.value * 100:.{digits}f} % "
            f"of {high.n['checkins']} (95 % CI {share.low * 100:.{digits}f}–{share.high * 100:.{digits}f} %)."
        )
    else:
        first = (
            f"Check-ins with pain {HIGH_PAIN} or more: not enough data ({high.n['checkins']} check-ins; "
            f"{MIN_HIGH_PAIN_CHECKINS} needed)."
        )
    if daily.status is Status.OK:
        change = daily.estimates["mean_abs_change"]
        second = (
            f"Day-to-day variability: mean absolute change of the daily mean pain between consecutive "
            f"days {change.value:.1f} points (95 % CI {change.low:.1f}–{change.high:.1f}; "
            f"{daily.n['day_pairs']} day pairs, block bootstrap)."
        )
    else:
        second = (
            f"Day-to-day variability: not enough data ({daily.n['pain_days']} days with check-ins, "
            f"{daily.n['day_pairs']} consecutive pairs; {MIN_PAIN_DAYS} days and {MIN_DAY_PAIRS} pairs "
            "needed)."
        )
    return [first, second]


def _page_one(page: _Page, summary: PeriodSummary, generated: date, hidden: bool) -> None:
    page.text("Pain, sleep and dose journal — summary for a clinician", size=15, weight="bold", gap=0.08)
    page.text(HEADER, size=8.5, colour="0.25")
    names = "Substance names are replaced by neutral labels in this report. " if hidden else ""
    page.text(
        f"Period {summary.start:%d %b %Y} – {summary.end:%d %b %Y} ({summary.days} days) · "
        f"generated {generated:%d %b %Y}. {names}Limits shown are the patient's own settings; "
        "Ebb suggests no amounts.",
        size=8.5,
        colour="0.25",
        gap=0.1,
    )
    c = summary.counts
    page.heading("Entries")
    page.text(
        f"{c.get('pain', 0)} pain check-ins · {c.get('dose', 0)} doses · {c.get('sleep', 0)} sleep diaries · "
        f"{c.get('effect', 0)} side effects · {c.get('note', 0)} notes"
    )
    pain = summary.pain
    page.heading("Pain (0–10 numeric rating scale)")
    if pain.n == 0:
        page.text("No pain check-ins in this period.")
    else:
        page.table(
            ["", "check-ins", "mean", "median", "worst"],
            [["whole period", str(pain.n), _n(pain.mean), _n(pain.median), str(pain.worst)]]
            + [
                [f"{p.label} ({start:02d}–{end:02d} h)", str(p.n), _n(p.mean), "", ""]
                for p, (_, start, end) in zip(pain.by_part, DAY_PARTS, strict=True)
            ],
            [2.3, 1.0, 0.9, 0.9, 0.9],
        )
        for line in _pain_figures(summary.insights):
            page.text(line, size=8.5, gap=0.03)
    sleep = summary.sleep
    page.heading("Sleep (Consensus Sleep Diary; means per night)")
    if sleep.n == 0:
        page.text("No sleep diaries in this period.")
    else:
        page.table(
            ["nights", "total sleep", "efficiency", "latency", "awake after onset", "quality 1–5"],
            [
                [
                    str(sleep.n),
                    _n(sleep.tst_h, 1, " h"),
                    _n(sleep.se_pct, 0, " %"),
                    _n(sleep.sol_min, 0, " min"),
                    _n(sleep.waso_min, 0, " min"),
                    _n(sleep.quality),
                ]
            ],
            [0.8, 1.1, 1.0, 0.9, 1.4, 1.0],
        )
    page.heading("Doses by substance")
    if not summary.doses:
        page.text("No doses logged in this period.")
    else:
        page.table(
            ["substance", "doses", "total", "mean per day", "days used", "beyond own limits"],
            [
                [
                    d.substance,
                    str(d.count),
                    f"{fmt(round(d.total, 2))} {d.unit}",
                    f"{d.per_day:.2f} {d.unit}",
                    f"{d.days_used} of {summary.days}",
                    str(d.beyond_limits),
                ]
                for d in summary.doses
            ],
            [1.7, 0.7, 1.0, 1.1, 1.0, 1.3],
        )
        page.text(
            '"Beyond own limits": doses the patient logged although they exceeded a limit the '
            "patient had set (minimum interval, doses or amount per 24 h).",
            size=7.5,
            colour="0.35",
        )
    page.heading("Side effects")
    if not summary.effects:
        page.text("No side effects logged in this period.")
    else:
        page.table(
            ["side effect", "times logged", "worst severity"],
            [
                [e.name, str(e.count), SEVERITY[e.worst] if 0 <= e.worst < len(SEVERITY) else str(e.worst)]
                for e in summary.effects[:12]
            ],
            [2.3, 1.2, 1.3],
        )
        if len(summary.effects) > 12:
            page.text(f"… and {len(summary.effects) - 12} more kinds.", size=8)


def _relief_section(page: _Page, height: float, summary: PeriodSummary) -> None:
    # numpy is loaded by now (matplotlib needs it): the model's own half-life, not a copy.
    from desktop.core.planning.pain_model import HALF_LIFE_DAYS

    page.heading("Relief curve after a dose")
    page.text(
        "Estimated from the journal's pain model: each reading is the patient's usual pain at that "
        "time of day without a dose plus the change after each earlier dose (penalised least squares, "
        f"recent weeks weighted most: half-life {HALF_LIFE_DAYS:g} days; 95 % band by bootstrap over "
        "days). Observational, not controlled.",
        size=7.5,
        colour="0.35",
    )
    charts.draw_relief_curve(page.axes(min(height, page.room)), summary)


def _page_two(
    page: _Page, lines: Sequence[str], summary: PeriodSummary, *, relief: bool, elsewhere: bool
) -> bool:
    """The sentences and the heat map, and the relief curve if ``relief``; False if the
    curve was asked for and did not fit. ``elsewhere``: page 1 can take it then."""
    page.heading("What the journal shows")
    page.text(
        "Comparisons within this patient's own entries, with sample sizes and 95 % intervals; "
        "observational, not controlled — they describe, they do not prove cause.",
        size=8,
        colour="0.35",
    )
    for line in lines:
        if line.startswith("  "):
            page.text(line.strip(), size=8.5, indent=0.25, gap=0.02)
        else:
            page.text("• " + line, size=9, gap=0.05)
    page.y -= 0.1
    room = page.room
    if relief and room >= HEAT_MIN_IN + RELIEF_SECTION_MIN_IN:
        # The relief curve keeps at least its minimum; the heat map takes what is left.
        height = min(RELIEF_SECTION_IN, max(RELIEF_SECTION_MIN_IN, room - HEAT_IN))
        charts.draw_heat_map(page.axes(min(HEAT_IN, room - height), right_room=0.2), summary)
        _relief_section(page, height - RELIEF_HEAD_IN, summary)
        return True
    if relief and not elsewhere:  # never silently: say where its numbers are
        page.text(
            "The relief curve chart did not fit in this report; the sentences above give its numbers.",
            size=7.5,
            colour="0.35",
        )
    if page.room > HEAT_MIN_IN:
        charts.draw_heat_map(page.axes(min(HEAT_IN, page.room), right_room=0.2), summary)
    return not relief


def _page_three(page: _Page, summary: PeriodSummary) -> None:
    page.heading("Trends")
    axes = []
    for draw in (charts.draw_pain_trend, charts.draw_sleep_trend, charts.draw_dose_counts):
        ax = page.axes(1.75)
        draw(ax, summary)
        axes.append(ax)
    timeline = page.axes(2.0)
    charts.draw_dose_timeline(timeline, summary)
    shared = [ax for ax in (*axes, timeline) if ax.has_data()]
    for ax in shared:
        ax.set_xlim(summary.start, summary.end)
    charts.format_dates(shared)
    page.heading("Notes")
    if not summary.notes:
        page.text("No notes in this period.")
        return
    shown = 0
    for day, text in summary.notes[:MAX_NOTES]:
        if page.room < 0.3:
            break
        page.text(f"{day:%d %b}  {text}", size=8, gap=0.01)
        shown += 1
    if shown < len(summary.notes):
        page.text(f"… and {len(summary.notes) - shown} more notes (see the full journal export).", size=8)


def analyse_period(
    data: ReportInput, start: date, end: date, zone: tzinfo, *, hidden: bool = False
) -> tuple[PeriodSummary, list[str]]:
    """The period's summary and insight sentences (what the report and the insights
    window show); insights are computed as of ``end``, from the period's entries only."""
    if hidden:
        data = hide_substances(data)
    in_period = [r for r in data.records if _in_period(r, start, end, zone)]
    insights = compute_insights(in_period, data.kinds, end, zone)
    # The insights ride along in the summary: the charts and tables that show them
    # (the relief curve, time in high pain) take the one summary, as the others do.
    summary = dataclasses.replace(summarise(in_period, data.units, start, end, zone), insights=insights)
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
    from matplotlib.backends.backend_pdf import PdfPages

    summary, lines = analyse_period(data, start, end, zone, hidden=hidden)
    size = PAPER[paper]
    footer = f"Ebb journal {start:%d %b %Y} – {end:%d %b %Y}"
    with matplotlib.rc_context(
        {"pdf.fonttype": 42, "font.family": "DejaVu Sans", "font.size": 8.5, "grid.color": "0.88"}
    ):
        one, two, three = (_Page(size, number, footer) for number in (1, 2, 3))
        _page_one(one, summary, generated, hidden)
        # The relief curve below page 1's tables if they leave it its full height, else
        # under the heat map, else in whatever page 1 has left.
        on_one = one.room >= RELIEF_SECTION_IN
        if on_one:
            _relief_section(one, RELIEF_SECTION_IN - RELIEF_HEAD_IN, summary)
        elsewhere = one.room >= RELIEF_SECTION_MIN_IN
        if not _page_two(two, lines, summary, relief=not on_one, elsewhere=elsewhere) and elsewhere:
            _relief_section(one, one.room - RELIEF_HEAD_IN, summary)
        _page_three(three, summary)
        pages = [one.figure, two.figure, three.figure]
        out.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=".report-", suffix=".pdf", dir=out.parent)
        os.close(handle)  # mkstemp makes it 0600: the report is as private as the journal
        try:
            metadata = {"Title": footer, "Creator": "Ebb", "Producer": "Ebb (matplotlib)"}
            with PdfPages(temporary, metadata=metadata) as pdf:
                for figure in pages:
                    pdf.savefig(figure)
            os.replace(temporary, out)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
    return len(pages)


def _in_period(record: Mapping[str, Any], start: date, end: date, zone: tzinfo) -> bool:
    try:
        if record.get("kind") == "sleep":
            return start <= date.fromisoformat(record["night"]) <= end
        moment = datetime.fromisoformat(record["at"])
        local = moment.astimezone(zone) if moment.tzinfo is not None else moment
        return start <= local.date() <= end
    except (KeyError, TypeError, ValueError):
        return False


def period_bounds(start: date, end: date, zone: tzinfo) -> tuple[datetime, datetime]:
    """The instants to load entries between for the local days ``start``..``end``, with a
    day's margin either side (the exact cut is by local date, in :func:`analyse_period`)."""
    from datetime import time, timedelta

    from desktop.core.times import localize

    return (
        localize(datetime.combine(start - timedelta(days=1), time()), zone),
        localize(datetime.combine(end + timedelta(days=2), time()), zone),
    )


def report_input(entries: Callable[[], list[dict[str, Any]]], substances: Iterable[Any]) -> ReportInput:
    """From the journal: its records and every substance's kind and unit."""
    stored = [s.substance for s in substances]
    return ReportInput(
        entries(),
        {s.name: str(s.kind) for s in stored},
        {s.name: s.unit for s in stored},
    )
