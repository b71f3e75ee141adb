"""The report's second and third pages: the insight sentences with the pain heat map,
then the trends, the dose timeline and the notes; and the relief curve's section, which
goes wherever it fits (see :func:`desktop.reports.clinician.build_report`). Every word
goes through the translation hook (desktop/words/translate.py)."""

from __future__ import annotations

from collections.abc import Sequence

from desktop.core.insights.summary import PeriodSummary
from desktop.core.planning.pain_model_values import HALF_LIFE_DAYS
from desktop.reports import charts
from desktop.reports.layout import Page
from desktop.words.translate import translate

MAX_NOTES = 40
# Heights on a page (inches, labels included): wanted and the least still readable. The
# relief section is its heading and caption (RELIEF_HEAD_IN) plus the chart.
HEAT_IN, HEAT_MIN_IN = 3.2, 1.6
RELIEF_HEAD_IN = 0.85
RELIEF_SECTION_IN, RELIEF_SECTION_MIN_IN = RELIEF_HEAD_IN + 2.6, RELIEF_HEAD_IN + 1.8


def relief_section(page: Page, height: float, summary: PeriodSummary) -> None:
    """The relief curve after a dose, how it is estimated, and its chart ``height``
    inches tall (at most what the page has left)."""
    page.heading(translate("Report", "Relief curve after a dose"))
    how = translate(
        "Report",
        "Estimated from the journal's pain model: each reading is the patient's usual pain at that "
        "time of day without a dose plus the change after each earlier dose (penalised least squares, "
        "recent weeks weighted most: half-life {half_life} days; 95 % band by bootstrap over "
        "days). Observational, not controlled.",
    )
    page.caption(how.format(half_life=f"{HALF_LIFE_DAYS:g}"))
    charts.draw_relief_curve(page.axes(min(height, page.room)), summary)


def page_two(
    page: Page, lines: Sequence[str], summary: PeriodSummary, *, relief: bool, elsewhere: bool
) -> bool:
    """The sentences and the heat map, and the relief curve if ``relief``; False if the
    curve was asked for and did not fit. ``elsewhere``: page 1 can take it then."""
    _sentences(page, lines)
    room = page.room
    if relief and room >= HEAT_MIN_IN + RELIEF_SECTION_MIN_IN:
        # The relief curve keeps at least its minimum; the heat map takes what is left.
        height = min(RELIEF_SECTION_IN, max(RELIEF_SECTION_MIN_IN, room - HEAT_IN))
        charts.draw_heat_map(page.axes(min(HEAT_IN, room - height), right_room=0.2), summary)
        relief_section(page, height - RELIEF_HEAD_IN, summary)
        return True
    if relief and not elsewhere:  # never silently: say where its numbers are
        page.caption(
            translate(
                "Report",
                "The relief curve chart did not fit in this report; the sentences above give its numbers.",
            )
        )
    if page.room > HEAT_MIN_IN:
        charts.draw_heat_map(page.axes(min(HEAT_IN, page.room), right_room=0.2), summary)
    return not relief


def _sentences(page: Page, lines: Sequence[str]) -> None:
    """The insight sentences, indented lines as details of the one before."""
    page.heading(translate("Report", "What the journal shows"))
    how = translate(
        "Report",
        "Comparisons within this patient's own entries, with sample sizes and 95 % intervals; "
        "observational, not controlled — they describe, they do not prove cause.",
    )
    page.caption(how, size=8)
    for line in lines:
        if line.startswith("  "):
            page.text(line.strip(), size=8.5, indent=0.25, gap=0.02)
        else:
            page.text("• " + line, size=9, gap=0.05)
    page.y -= 0.1


def page_three(page: Page, summary: PeriodSummary) -> None:
    _trends(page, summary)
    _notes(page, summary)


def _trends(page: Page, summary: PeriodSummary) -> None:
    """Pain, sleep and doses a day, and the dose timeline, on one shared time axis."""
    page.heading(translate("Report", "Trends"))
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


def _notes(page: Page, summary: PeriodSummary) -> None:
    """As many notes as the page has room for, and how many more there are."""
    page.heading(translate("Report", "Notes"))
    if not summary.notes:
        page.text(translate("Report", "No notes in this period."))
        return
    shown = 0
    for day, text in summary.notes[:MAX_NOTES]:
        if page.room < 0.3:
            break
        page.text(f"{day:%d %b}  {text}", size=8, gap=0.01)
        shown += 1
    if shown < len(summary.notes):
        more = translate(
            "Report", "… and %n more note(s) (see the full journal export).", None, len(summary.notes) - shown
        )
        page.text(more, size=8)
