"""The report's first page: what the report is, the period, and its tables (entries, pain
with time in high pain and day-to-day variability, sleep, doses by substance, side
effects). Every word goes through the translation hook (desktop/words/translate.py)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date

from desktop.core.insights.pain import HIGH_PAIN, MIN_DAY_PAIRS, MIN_HIGH_PAIN_CHECKINS, MIN_PAIN_DAYS
from desktop.core.insights.results import Insight, Insights, Status
from desktop.core.insights.summary import DAY_PARTS, DoseLine, EffectLine, PeriodSummary, SleepSummary
from desktop.reports.layout import Page
from desktop.words.present import SEVERITY, fmt, severity_words
from desktop.words.translate import QT_TRANSLATE_NOOP, translate

MAX_EFFECTS = 12
# The parts of the day as the summary names them (desktop.core.insights.summary.DAY_PARTS).
_PART_WORDS = {
    "night": QT_TRANSLATE_NOOP("Report", "night"),
    "morning": QT_TRANSLATE_NOOP("Report", "morning"),
    "afternoon": QT_TRANSLATE_NOOP("Report", "afternoon"),
    "evening": QT_TRANSLATE_NOOP("Report", "evening"),
}
# Table headers, translated where drawn.
_PAIN_COLUMNS = (
    QT_TRANSLATE_NOOP("Report", "check-ins"),
    QT_TRANSLATE_NOOP("Report", "mean"),
    QT_TRANSLATE_NOOP("Report", "median"),
    QT_TRANSLATE_NOOP("Report", "worst"),
)
_SLEEP_COLUMNS = (
    QT_TRANSLATE_NOOP("Report", "nights"),
    QT_TRANSLATE_NOOP("Report", "total sleep"),
    QT_TRANSLATE_NOOP("Report", "efficiency"),
    QT_TRANSLATE_NOOP("Report", "latency"),
    QT_TRANSLATE_NOOP("Report", "awake after onset"),
    QT_TRANSLATE_NOOP("Report", "quality 1–5"),
)
_DOSE_COLUMNS = (
    QT_TRANSLATE_NOOP("Report", "substance"),
    QT_TRANSLATE_NOOP("Report", "doses"),
    QT_TRANSLATE_NOOP("Report", "total"),
    QT_TRANSLATE_NOOP("Report", "mean per day"),
    QT_TRANSLATE_NOOP("Report", "days used"),
    QT_TRANSLATE_NOOP("Report", "beyond own limits"),
)
_EFFECT_COLUMNS = (
    QT_TRANSLATE_NOOP("Report", "side effect"),
    QT_TRANSLATE_NOOP("Report", "times logged"),
    QT_TRANSLATE_NOOP("Report", "worst severity"),
)


def _n(value: float | None, digits: int = 1, unit: str = "") -> str:
    return "—" if value is None else f"{value:.{digits}f}{unit}"


def _day(day: date) -> str:
    return f"{day:%d %b %Y}"


def page_one(page: Page, summary: PeriodSummary, generated: date, hidden: bool) -> None:
    """The title and the period, then a table a kind of entry."""
    _title(page, summary, generated, hidden)
    _entries(page, summary.counts)
    _pain(page, summary)
    _sleep(page, summary.sleep)
    _doses(page, summary.doses, summary.days)
    _side_effects(page, summary.effects)


def _title(page: Page, summary: PeriodSummary, generated: date, hidden: bool) -> None:
    """What this is (a self-reported journal), the period and what the limits are."""
    title = translate("Report", "Pain, sleep and dose journal — summary for a clinician")
    page.text(title, size=15, weight="bold", gap=0.08)
    header = translate(
        "Report",
        "Self-reported journal — entries were logged by the patient in the Ebb app "
        "and are not clinically verified.",
    )
    page.text(header, size=8.5, colour="0.25")
    period = translate(
        "Report", "Period {start} – {end} (%n day(s)) · generated {generated}.", None, summary.days
    ).format(
        start=f"{summary.start:%d %b %Y}", end=f"{summary.end:%d %b %Y}", generated=f"{generated:%d %b %Y}"
    )
    parts = [period]
    if hidden:
        parts.append(translate("Report", "Substance names are replaced by neutral labels in this report."))
    parts.append(translate("Report", "Limits shown are the patient's own settings; Ebb suggests no amounts."))
    page.text(" ".join(parts), size=8.5, colour="0.25", gap=0.1)


def _entries(page: Page, counts: Mapping[str, int]) -> None:
    page.heading(translate("Report", "Entries"))
    words = (
        translate("Report", "%n pain check-in(s)", None, counts.get("pain", 0)),
        translate("Report", "%n dose(s)", None, counts.get("dose", 0)),
        translate("Report", "%n sleep diaries", None, counts.get("sleep", 0)),
        translate("Report", "%n side effect(s)", None, counts.get("effect", 0)),
        translate("Report", "%n note(s)", None, counts.get("note", 0)),
    )
    page.text(" · ".join(words))


def _pain(page: Page, summary: PeriodSummary) -> None:
    """Pain over the whole period and by part of the day, then time in high pain and
    day-to-day variability."""
    pain = summary.pain
    page.heading(translate("Report", "Pain (0–10 numeric rating scale)"))
    if pain.n == 0:
        page.text(translate("Report", "No pain check-ins in this period."))
        return
    header = ["", *_words(_PAIN_COLUMNS)]
    whole = [
        translate("Report", "whole period"),
        str(pain.n),
        _n(pain.mean),
        _n(pain.median),
        str(pain.worst),
    ]
    part = translate("Report", "{part} ({start}–{end} h)")
    parts = [
        [
            part.format(part=_part_words(p.label), start=f"{start:02d}", end=f"{end:02d}"),
            str(p.n),
            _n(p.mean),
            "",
            "",
        ]
        for p, (_, start, end) in zip(pain.by_part, DAY_PARTS, strict=True)
    ]
    page.table(header, [whole, *parts], [2.3, 1.0, 0.9, 0.9, 0.9])
    for line in pain_figures(summary.insights):
        page.text(line, size=8.5, gap=0.03)


def _part_words(label: str) -> str:
    return translate("Report", _PART_WORDS[label]) if label in _PART_WORDS else label


def pain_figures(insights: Insights | None) -> list[str]:
    """Time in high pain and day-to-day variability, in a clinician's words."""
    if insights is None:
        return []
    return [_high_pain(insights.high_pain), _variability(insights.day_to_day)]


def _high_pain(high: Insight) -> str:
    if high.status is not Status.OK:
        return translate(
            "Report",
            "Check-ins with pain {level} or more: not enough data (%n check-in(s); {needed} needed).",
            None,
            high.n["checkins"],
        ).format(level=HIGH_PAIN, needed=MIN_HIGH_PAIN_CHECKINS)
    share = high.estimates["share"]
    digits = 1 if share.high < 0.1 else 0
    return translate(
        "Report", "Check-ins with pain {level} or more: {share} % of {n} (95 % CI {low}–{high} %)."
    ).format(
        level=HIGH_PAIN,
        share=f"{share.value * 100:.{digits}f}",
        n=high.n["checkins"],
        low=f"{share.low * 100:.{digits}f}",
        high=f"{share.high * 100:.{digits}f}",
    )


def _variability(daily: Insight) -> str:
    if daily.status is not Status.OK:
        return translate(
            "Report",
            "Day-to-day variability: not enough data ({days}, {pairs}; {min_days} days and "
            "{min_pairs} pairs needed).",
        ).format(
            days=translate("Report", "%n day(s) with check-ins", None, daily.n["pain_days"]),
            pairs=translate("Report", "%n consecutive pair(s)", None, daily.n["day_pairs"]),
            min_days=MIN_PAIN_DAYS,
            min_pairs=MIN_DAY_PAIRS,
        )
    change = daily.estimates["mean_abs_change"]
    return translate(
        "Report",
        "Day-to-day variability: mean absolute change of the daily mean pain between consecutive "
        "days {change} points (95 % CI {low}–{high}; %n day pair(s), block bootstrap).",
        None,
        daily.n["day_pairs"],
    ).format(change=f"{change.value:.1f}", low=f"{change.low:.1f}", high=f"{change.high:.1f}")


def _sleep(page: Page, sleep: SleepSummary) -> None:
    page.heading(translate("Report", "Sleep (Consensus Sleep Diary; means per night)"))
    if sleep.n == 0:
        page.text(translate("Report", "No sleep diaries in this period."))
        return
    row = [
        str(sleep.n),
        _n(sleep.tst_h, 1, " h"),
        _n(sleep.se_pct, 0, " %"),
        _n(sleep.sol_min, 0, " min"),
        _n(sleep.waso_min, 0, " min"),
        _n(sleep.quality),
    ]
    page.table(_words(_SLEEP_COLUMNS), [row], [0.8, 1.1, 1.0, 0.9, 1.4, 1.0])


def _doses(page: Page, doses: Sequence[DoseLine], days: int) -> None:
    page.heading(translate("Report", "Doses by substance"))
    if not doses:
        page.text(translate("Report", "No doses logged in this period."))
        return
    used = translate("Report", "{used} of {days}")
    rows = [
        [
            d.substance,
            str(d.count),
            f"{fmt(round(d.total, 2))} {d.unit}",
            f"{d.per_day:.2f} {d.unit}",
            used.format(used=d.days_used, days=days),
            str(d.beyond_limits),
        ]
        for d in doses
    ]
    page.table(_words(_DOSE_COLUMNS), rows, [1.7, 0.7, 1.0, 1.1, 1.0, 1.3])
    caption = translate(
        "Report",
        '"Beyond own limits": doses the patient logged although they exceeded a limit the '
        "patient had set (minimum interval, doses or amount per 24 h).",
    )
    page.caption(caption)


def _side_effects(page: Page, effects: Sequence[EffectLine]) -> None:
    page.heading(translate("Report", "Side effects"))
    if not effects:
        page.text(translate("Report", "No side effects logged in this period."))
        return
    rows = [
        [e.name, str(e.count), severity_words(e.worst) if 0 <= e.worst < len(SEVERITY) else str(e.worst)]
        for e in effects[:MAX_EFFECTS]
    ]
    page.table(_words(_EFFECT_COLUMNS), rows, [2.3, 1.2, 1.3])
    if len(effects) > MAX_EFFECTS:
        more = translate("Report", "… and %n more kind(s).", None, len(effects) - MAX_EFFECTS)
        page.text(more, size=8)


def _words(columns: Sequence[str]) -> list[str]:
    return [translate("Report", column) for column in columns]
