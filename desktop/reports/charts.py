"""The charts, drawn with matplotlib's object API (no pyplot, no global state) on axes
the caller owns: the insights window puts them on a Qt canvas, the clinician report on
PDF pages. Both call these same functions with the same :class:`PeriodSummary`.

Every chart says how many readings it rests on, and says so plainly when there are none.
Every word goes through the translation hook (desktop/words/translate.py).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import timedelta
from typing import Any

from desktop.core.insights.summary import PeriodSummary
from desktop.core.planning.pain_model_values import ReliefCurve
from desktop.words.relief_curves import relief_curve_reason
from desktop.words.translate import QT_TRANSLATE_NOOP, translate

WEEKDAYS = (
    QT_TRANSLATE_NOOP("Charts", "Mon"),
    QT_TRANSLATE_NOOP("Charts", "Tue"),
    QT_TRANSLATE_NOOP("Charts", "Wed"),
    QT_TRANSLATE_NOOP("Charts", "Thu"),
    QT_TRANSLATE_NOOP("Charts", "Fri"),
    QT_TRANSLATE_NOOP("Charts", "Sat"),
    QT_TRANSLATE_NOOP("Charts", "Sun"),
)
# Colour-blind-safe qualitative colours (Okabe & Ito) for substances.
SERIES_COLOURS = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000")
PAIN_COLOUR = "#C0392B"
SLEEP_COLOUR = "#4F6FD0"  # mid blue: reads on white paper and on a dark window
ROLLING_DAYS = 7


def _empty(ax: Any, text: str) -> None:
    ax.set_xticks([])
    ax.set_yticks([])
    for spine in ax.spines.values():
        spine.set_visible(False)
    # The theme's text colour, softened: readable on the report's white and a dark window.
    ax.text(0.5, 0.5, text, ha="center", va="center", transform=ax.transAxes, alpha=0.7, wrap=True)


def _tidy(ax: Any) -> None:
    ax.spines["top"].set_visible(False)
    ax.spines["right"].set_visible(False)
    ax.grid(axis="y", linewidth=0.8)  # colour: rcParams["grid.color"], set per theme
    ax.set_axisbelow(True)


def colour_of(substances: Sequence[str]) -> dict[str, str]:
    return {name: SERIES_COLOURS[i % len(SERIES_COLOURS)] for i, name in enumerate(substances)}


def draw_heat_map(ax: Any, summary: PeriodSummary) -> Any:
    """Mean pain (0–10) by hour of day and weekday; empty cells have no check-ins."""
    n = sum(sum(row) for row in summary.heat_n)
    title = translate("Charts", "Mean pain by hour and weekday  (n = %n check-in(s))", None, n)
    ax.set_title(title, loc="left", fontsize=10)
    if n == 0:
        _empty(
            ax,
            translate(
                "Charts", "No pain check-ins in this period yet.\nLog them with Ctrl+P or from the tray."
            ),
        )
        return None
    grid = [[math.nan if v is None else v for v in row] for row in summary.heat_mean]
    image = ax.imshow(grid, aspect="auto", cmap="YlOrRd", vmin=0, vmax=10, interpolation="nearest")
    ax.set_yticks(range(7), [translate("Charts", day) for day in WEEKDAYS])
    ax.set_xticks(range(0, 24, 3), [f"{h:02d}:00" for h in range(0, 24, 3)])
    ax.set_xlabel(translate("Charts", "hour of day (blank: no check-ins)"))
    ax.tick_params(length=0)
    for spine in ax.spines.values():
        spine.set_visible(False)
    colourbar = ax.figure.colorbar(image, ax=ax, fraction=0.04, pad=0.02)
    colourbar.set_label(translate("Charts", "pain 0–10"))
    return image


def _rolling(values: Sequence[float | None], window: int) -> list[float]:
    out = []
    for i in range(len(values)):
        inside = [v for v in values[max(0, i - window + 1) : i + 1] if v is not None]
        out.append(sum(inside) / len(inside) if len(inside) >= max(2, window // 2) else math.nan)
    return out


def _day_steps(
    ax: Any,
    days: Sequence[Any],
    top: Sequence[float],
    bottom: Sequence[float],
    colour: str,
    label: str | None,
    alpha: float = 1.0,
) -> None:
    """Day-wide filled steps from ``bottom`` to ``top``: one artist for the whole series
    (a bar per day made a year's report spend most of its time on 700 rectangles)."""
    from matplotlib.dates import date2num

    ax.xaxis.update_units(list(days))  # a date axis, like the other charts
    first = float(date2num(days[0]))  # type: ignore[no-untyped-call]
    edges = [first - 0.5 + i for i in range(len(days) + 1)]
    ax.stairs(top, edges, baseline=list(bottom), fill=True, color=colour, alpha=alpha, label=label, lw=0)


def draw_pain_trend(ax: Any, summary: PeriodSummary) -> None:
    days = [p.day for p in summary.daily]
    means = [p.pain_mean for p in summary.daily]
    n = sum(p.pain_n for p in summary.daily)
    ax.set_title(
        translate("Charts", "Daily mean pain  (n = %n check-in(s))", None, n), loc="left", fontsize=10
    )
    if n == 0:
        _empty(ax, translate("Charts", "No pain check-ins in this period yet."))
        return
    shown = [(d, m) for d, m in zip(days, means, strict=True) if m is not None]
    ax.plot(
        [d for d, _ in shown],
        [m for _, m in shown],
        "o",
        ms=3,
        color=PAIN_COLOUR,
        alpha=0.6,
        label=translate("Charts", "day"),
    )
    ax.plot(
        days,
        _rolling(means, ROLLING_DAYS),
        "-",
        color=PAIN_COLOUR,
        lw=1.8,
        label=translate("Charts", "{days}-day mean").format(days=ROLLING_DAYS),
    )
    ax.set_ylim(0, 10)
    ax.set_yticks(range(0, 11, 2))
    ax.set_ylabel(translate("Charts", "pain 0–10"))
    ax.legend(loc="upper right", fontsize=8, frameon=False, ncols=2)
    _tidy(ax)


def draw_sleep_trend(ax: Any, summary: PeriodSummary) -> None:
    points = [(p.day, p.tst_h) for p in summary.daily if p.tst_h is not None]
    title = translate("Charts", "Total sleep time  (n = %n night(s))", None, len(points))
    ax.set_title(title, loc="left", fontsize=10)
    if not points:
        _empty(
            ax, translate("Charts", "No sleep diaries in this period yet. Fill one in each morning (Ctrl+L).")
        )
        return
    hours = {d: h for d, h in points}
    days = [p.day for p in summary.daily]
    _day_steps(
        ax, days, [hours.get(d, math.nan) for d in days], [0.0] * len(days), SLEEP_COLOUR, None, alpha=0.7
    )
    ax.set_ylabel(translate("Charts", "hours asleep"))
    ax.set_ylim(0, max(10.0, max(h for _, h in points) + 0.5))
    _tidy(ax)


def draw_dose_counts(ax: Any, summary: PeriodSummary) -> None:
    names = [line.substance for line in summary.doses]
    total = sum(line.count for line in summary.doses)
    ax.set_title(translate("Charts", "Doses per day  (n = %n dose(s))", None, total), loc="left", fontsize=10)
    if not names:
        _empty(ax, translate("Charts", "No doses logged in this period."))
        return
    colours = colour_of(names)
    days = [p.day for p in summary.daily]
    counts = {name: [0] * len(days) for name in names}
    index = {day: i for i, day in enumerate(days)}
    for mark in summary.dose_marks:
        if mark.substance in counts and mark.day in index:
            counts[mark.substance][index[mark.day]] += 1
    bottom = [0.0] * len(days)
    for name in names:
        top = [b + c for b, c in zip(bottom, counts[name], strict=True)]
        _day_steps(ax, days, top, bottom, colours[name], name)
        bottom = top
    ax.set_ylabel(translate("Charts", "doses"))
    ax.yaxis.get_major_locator().set_params(integer=True)
    ax.legend(loc="upper right", fontsize=8, frameon=False, ncols=min(4, len(names)))
    _tidy(ax)


def draw_dose_timeline(ax: Any, summary: PeriodSummary) -> None:
    """When in the day each dose was taken, day by day."""
    names = [line.substance for line in summary.doses]
    title = translate("Charts", "Dose times  (n = %n dose(s))", None, len(summary.dose_marks))
    ax.set_title(title, loc="left", fontsize=10)
    if not names:
        _empty(ax, translate("Charts", "No doses logged in this period."))
        return
    colours = colour_of(names)
    for name in names:
        marks = [m for m in summary.dose_marks if m.substance == name]
        ax.scatter([m.day for m in marks], [m.hour for m in marks], s=12, color=colours[name], label=name)
    ax.set_ylim(24, 0)
    ax.set_yticks(range(0, 25, 6), [f"{h:02d}:00" for h in range(0, 25, 6)])
    ax.set_xlim(summary.start - timedelta(days=0.5), summary.end + timedelta(days=0.5))
    ax.legend(loc="upper right", fontsize=8, frameon=False, ncols=min(4, len(names)))
    _tidy(ax)


def draw_relief_curve(ax: Any, summary: PeriodSummary) -> None:
    """The change in pain 0-8 h after a dose of each pain-relief substance against the
    usual pain at that time of day without one (the pain model's relief curve, from
    ``summary.insights``), with its 95 % band; below the zero line is less pain."""
    relief = summary.insights.relief_curves if summary.insights is not None else None
    curves = relief.curves if relief is not None else ()
    learned = [c for c in curves if c.enough_data]
    ax.set_title(_relief_title(curves, learned), loc="left", fontsize=10)
    if not learned:
        reason = translate("Charts", "{substance}: not enough data yet — {reason}.")
        reasons = [reason.format(substance=c.substance, reason=relief_curve_reason(c)) for c in curves]
        _empty(
            ax,
            "\n".join(reasons) or translate("Charts", "No doses of a pain-relief substance in this period."),
        )
        return
    colours = colour_of([line.substance for line in summary.doses])
    low_end, high_end = -1.0, 1.0
    for i, curve in enumerate(learned):
        colour = colours.get(curve.substance, SERIES_COLOURS[i % len(SERIES_COLOURS)])
        lows, highs = _plot_relief(
            ax, curve, colour, band_label=translate("Charts", "95 % interval") if i == 0 else None
        )
        low_end, high_end = min(low_end, *lows), max(high_end, *highs)
    _relief_frame(ax, low_end, high_end)


def _relief_title(curves: Sequence[ReliefCurve], learned: Sequence[ReliefCurve]) -> str:
    """The title, with the doses and check-ins the learned curves rest on."""
    title = translate("Charts", "Change in pain after a dose")
    if not learned:
        return title
    others = len(curves) - len(learned)  # named in the sentences; counted here
    if others:
        rest = translate("Charts", "; %n other(s): not enough data yet", None, others)
    else:
        rest = translate("Charts", " after them")
    counted = translate("Charts", "{title}  (n = {doses}, {readings}{rest})")
    return counted.format(
        title=title,
        doses=_doses(sum(c.n_doses for c in learned)),
        readings=_checkins(sum(c.n_readings for c in learned)),
        rest=rest,
    )


def _doses(n: int) -> str:
    return translate("Charts", "%n dose(s)", None, n)


def _checkins(n: int) -> str:
    return translate("Charts", "%n check-in(s)", None, n)


def _plot_relief(
    ax: Any, curve: ReliefCurve, colour: str, *, band_label: str | None
) -> tuple[list[float], list[float]]:
    """One substance's curve and its band; returns the band's low and high ends."""
    points = [p for p in curve.curve if p.change is not None and p.low is not None and p.high is not None]
    hours = [p.after_min / 60 for p in points]
    lows, highs = [p.low or 0.0 for p in points], [p.high or 0.0 for p in points]
    ax.fill_between(hours, lows, highs, color=colour, alpha=0.3, lw=0, label=band_label)
    ax.plot(
        hours,
        [p.change for p in points],
        "-",
        color=colour,
        lw=2,
        label=translate("Charts", "{substance} ({doses}, {readings})").format(
            substance=curve.substance, doses=_doses(curve.n_doses), readings=_checkins(curve.n_readings)
        ),
    )
    return lows, highs


def _relief_frame(ax: Any, low_end: float, high_end: float) -> None:
    """The zero and one-point lines, the axes' range and labels, and the legend."""
    # The zero line is the usual pain without a dose: the theme's text colour, faint.
    ax.axhline(0, lw=1, color=ax.xaxis.label.get_color(), alpha=0.6)
    ax.axhline(-1, lw=0.8, ls=":", color=ax.xaxis.label.get_color(), alpha=0.6)
    ax.text(7.95, -1, translate("Charts", "1 point lower"), ha="right", va="bottom", fontsize=7, alpha=0.7)
    # Where the curve is far below (about 1 h in): words for the zero line, not a legend entry.
    usual = translate("Charts", "your usual pain at that time of day without a dose")
    ax.text(1.0, 0.05, usual, va="bottom", fontsize=7, alpha=0.7)
    ax.set_xlim(0, 8)
    ax.set_xticks(range(9), [f"{h} h" for h in range(9)])
    ax.set_ylim(math.floor(low_end - 0.3), math.ceil(high_end + 0.3))
    ax.set_xlabel(translate("Charts", "time after a dose"))
    ax.set_ylabel(translate("Charts", "change in pain (points)"))
    ax.legend(loc="lower right", fontsize=8, frameon=False)
    _tidy(ax)


def format_dates(axes: Sequence[Any]) -> None:
    """Readable date ticks on shared time axes."""
    from matplotlib.dates import AutoDateLocator, ConciseDateFormatter

    for ax in axes:
        locator = AutoDateLocator(minticks=3, maxticks=8)  # type: ignore[no-untyped-call]
        ax.xaxis.set_major_locator(locator)
        ax.xaxis.set_major_formatter(ConciseDateFormatter(locator))  # type: ignore[no-untyped-call]
