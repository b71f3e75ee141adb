"""Insights in plain sentences with their numbers (for the command line, the window and
the report). Neutral wording: what the user's own data show, with n and the 95 %
interval, and "not enough data" when that is the truth. No promise of benefit."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from desktop.core.insights.compute import (
    HIGH_PAIN,
    Estimate,
    Insight,
    Insights,
    ReliefCurveInsight,
    ReliefInsight,
    Status,
)
from desktop.words.present import plural

if TYPE_CHECKING:  # the pain model imports numpy; its curves arrive inside the insights
    from desktop.core.planning.pain_model import ReliefCurve

NEEDED_WORDS = {
    "melatonin_nights": "nights with melatonin",
    "kratom_nights": "nights with kratom after 18:00",
    "other_nights": "nights without",
    "doses": "doses with pain logged before and after",
    "days": "nights followed by a day with pain check-ins",
    "checkins": "pain check-ins",
    "pain_days": "days with pain check-ins",
    "day_pairs": "days with check-ins that follow a day with check-ins",
}


def _interval(estimate: Estimate, scale: float = 1.0, digits: int = 0) -> str:
    return f"95 % interval {estimate.low * scale:.{digits}f} to {estimate.high * scale:.{digits}f}"


def _uncertain(estimate: Estimate) -> str:
    return "; the interval includes no difference" if estimate.low <= 0 <= estimate.high else ""


def _needed(title: str, needed: Mapping[str, int], have: Mapping[str, int]) -> str:
    parts = [f"{count} more {NEEDED_WORDS.get(key, key)}" for key, count in needed.items()]
    have_text = ", ".join(f"{count} {NEEDED_WORDS.get(key, key)}" for key, count in have.items())
    return f"{title}: not enough data yet — need {' and '.join(parts)} (have {have_text})."


def _nights(insight: Insight, label: str, title: str) -> list[str]:
    if insight.status is Status.NOT_ENOUGH_DATA:
        return [_needed(title, insight.needed, insight.n)]
    a, b = insight.n[f"{label}_nights"], insight.n["other_nights"]
    lines = []
    sol = insight.estimates.get("sol_min")
    if sol is not None:
        way = "faster" if sol.value < 0 else "slower"
        lines.append(
            f"On {a} {NEEDED_WORDS[f'{label}_nights']} you fell asleep {abs(sol.value):.0f} min {way} "
            f"({_interval(sol)}) than on {b} nights without{_uncertain(sol)}."
        )
    tst = insight.estimates.get("tst_min")
    if tst is not None:
        way = "more" if tst.value >= 0 else "less"
        lines.append(
            f"You slept {abs(tst.value):.0f} min {way} on {a} {NEEDED_WORDS[f'{label}_nights']} "
            f"({_interval(tst)}) than on {b} nights without{_uncertain(tst)}."
        )
    quality = insight.estimates.get("quality")
    if quality is not None:
        lines.append(
            f"Sleep quality (1–5) on {a} {NEEDED_WORDS[f'{label}_nights']} differed by {quality.value:+.1f} "
            f"({_interval(quality, digits=1)}) from {b} nights without{_uncertain(quality)}."
        )
    return lines


def _relief(insight: ReliefInsight) -> list[str]:
    title = "Pain after doses"
    if insight.status is Status.NOT_ENOUGH_DATA or insight.overall is None:
        return [_needed(title, insight.needed, insight.n)]
    summary = insight.overall
    share = summary.relief_share
    lines = [
        f"{title}: after {share.value * 100:.0f} % of {summary.n_doses} doses pain dropped by 30 % or more "
        f"(a moderately important change; {_interval(share, 100)} %)."
    ]
    for minutes, change in sorted(summary.change_pct.items()):
        lines.append(
            f"  At +{minutes} min pain changed by {change.value:+.0f} % ({_interval(change)} %, "
            f"n = {summary.n_follow_up[minutes]})."
        )
    for group in insight.groups:
        label = " / ".join(part for part in (group.substance, group.product, group.batch) if part)
        lines.append(
            f"  {label}: {group.summary.relief_share.value * 100:.0f} % of {group.summary.n_doses} doses "
            f"({_interval(group.summary.relief_share, 100)} %)."
        )
    return lines


def _sleep_pain(insight: Insight) -> list[str]:
    title = "Sleep and next-day pain"
    if insight.status is Status.NOT_ENOUGH_DATA:
        return [_needed(title, insight.needed, insight.n)]
    lines = []
    for metric, words in (("tst_min", "total sleep"), ("quality", "sleep quality")):
        rho = insight.estimates.get(metric)
        if rho is not None:
            lines.append(
                f"{title}: rank correlation of {words} with the next day's mean pain {rho.value:+.2f} "
                f"({_interval(rho, digits=2)}; n = {sum(insight.n.values())} days)."
            )
    return lines or [f"{title}: no variation to compare yet."]


def _high_pain(insight: Insight) -> list[str]:
    title = f"Pain of {HIGH_PAIN} or more"
    if insight.status is Status.NOT_ENOUGH_DATA:
        return [_needed(title, insight.needed, insight.n)]
    share = insight.estimates["share"]
    digits = 1 if share.high < 0.1 else 0  # "0.4 %", not "0 %", when it is rare
    return [
        f"{title}: {share.value * 100:.{digits}f} % of {insight.n['checkins']} pain check-ins "
        f"({_interval(share, 100, digits)} %)."
    ]


def _day_to_day(insight: Insight) -> list[str]:
    title = "Day-to-day change in pain"
    if insight.status is Status.NOT_ENOUGH_DATA:
        return [_needed(title, insight.needed, insight.n)]
    change = insight.estimates["mean_abs_change"]
    return [
        f"{title}: from one day to the next, your average pain for the day changed by "
        f"{change.value:.1f} points on average ({_interval(change, digits=1)}; "
        f"{insight.n['day_pairs']} pairs of consecutive days, {insight.n['pain_days']} days with check-ins)."
    ]


def duration_words(minutes: int) -> str:
    """35 -> "35 min", 120 -> "2 h", 290 -> "4 h 50 min"."""
    hours, rest = divmod(int(minutes), 60)
    if not hours:
        return f"{rest} min"
    return f"{hours} h" if not rest else f"{hours} h {rest} min"


def relief_curve_title(substance: str | None) -> str:
    return f"{substance or 'Pain'} over the 8 h after a dose"


def relief_curve_reason(curve: ReliefCurve) -> str:
    """Why a curve is not learned yet, in plain words (for the sentences and the chart)."""
    needed = dict(curve.needed)
    if curve.reason == "few_doses":
        more = plural(needed.get("doses", 1), "more logged dose")
        return f"need {more} of {curve.substance} (have {curve.n_doses})"
    if curve.reason == "few_readings":
        return (
            f"need {plural(needed.get('readings', 1), 'more pain check-in')} "
            "between 30 min and 8 h after a dose "
            f"(have {curve.n_readings}); the follow-up reminders after a dose collect them"
        )
    if curve.reason == "same_times":
        return (
            "your doses were nearly always at the same times of day, so Ebb cannot yet tell the pain "
            "they relieve from the pain you would have without them"
        )
    return (
        f"what your journal shows is still too uncertain to put in a number ({curve.n_doses} doses, "
        f"{curve.n_readings} check-ins after them); more check-ins after doses will narrow it"
    )


def _curve_interval(low: float, high: float) -> str:
    if high < 0:
        return f"95 % interval {abs(high):.1f} to {abs(low):.1f} points lower"
    return (
        f"95 % interval from {abs(low):.1f} points lower to {high:.1f} points higher; "
        "the interval includes no difference"
    )


def _curve(curve: ReliefCurve, window: str) -> str:
    title = relief_curve_title(curve.substance)
    if not curve.enough_data or curve.peak_change is None or curve.peak_min is None:
        return f"{title}: not enough data yet — {relief_curve_reason(curve)}."
    counts = f"{curve.n_doses} doses, {curve.n_readings} check-ins 30 min–8 h after a dose{window}"
    usual = "your usual pain at that time of day without a dose"
    if curve.peak_change > -0.05:
        text = f"{title}: your journal shows pain no lower than {usual} at any time ({counts})."
    else:
        low = curve.peak_change if curve.peak_low is None else curve.peak_low
        high = curve.peak_change if curve.peak_high is None else curve.peak_high
        text = (
            f"{title}: your journal shows pain about {abs(curve.peak_change):.1f} points lower than "
            f"{usual}, most at about {duration_words(curve.peak_min)} after a dose "
            f"({_curve_interval(low, high)}; {counts})."
        )
    if curve.onset_min is not None and curve.duration_min is not None:
        text += (
            f" It shows a drop of a point or more from about {duration_words(curve.onset_min)} "
            f"to {duration_words(curve.duration_min)} after a dose."
        )
    else:
        text += " It shows no drop of a full point at any time."
    return text + " Recent weeks count most; observational, not proof."


def _relief_curves(insight: ReliefCurveInsight) -> list[str]:
    if not insight.curves:
        # Factual, not "need 10 more": Ebb must not read as asking for doses.
        return [f"{relief_curve_title(None)}: no doses of a pain-relief substance are logged."]
    window = (
        f" in the last {(insight.last_day - insight.first_day).days + 1} days"
        if (insight.shortened and insight.first_day is not None and insight.last_day is not None)
        else ""
    )
    return [_curve(curve, window) for curve in insight.curves]


def _escalation(insights: Insights, units: Mapping[str, str]) -> list[str]:
    escalation = insights.escalation
    if escalation.status is Status.NOT_ENOUGH_DATA:
        return ["Use over time: no doses in the last 8 weeks."]
    lines = []
    for trend in escalation.substances:
        unit = units.get(trend.substance.casefold(), "")
        text = (
            f"{trend.substance}: {trend.recent_daily_amount:.2f} {unit}/day over the last 7 days, "
            f"{trend.baseline_daily_amount:.2f} {unit}/day over the 28 days before"
        )
        if trend.amount_change_pct is not None:
            text += f" ({trend.amount_change_pct:+.0f} %)"
        if trend.run_days > 1:
            text += f"; used on {trend.run_days} days in a row"
        if trend.recent_median_gap_h is not None and trend.baseline_median_gap_h is not None:
            text += (
                f"; median gap between doses {trend.recent_median_gap_h:.1f} h "
                f"(was {trend.baseline_median_gap_h:.1f} h)"
            )
        flags = {
            "amount_up_25pct": "amount up 25 % or more",
            "gaps_shorter_25pct": "gaps 25 % or more shorter",
            "relief_share_down_25pct": "relief after doses less often",
        }
        noted = [flags.get(code, code) for code in trend.codes]
        lines.append(text + (f". Worth noticing: {', '.join(noted)}." if noted else "."))
    return lines


def insight_lines(insights: Insights, units: Mapping[str, str]) -> list[str]:
    """Every insight as sentences (``units``: substance name, casefolded → unit)."""
    return [
        *_nights(insights.melatonin_sleep, "melatonin", "Melatonin and sleep"),
        *_high_pain(insights.high_pain),
        *_day_to_day(insights.day_to_day),
        *_relief(insights.relief_per_dose),
        *_relief_curves(insights.relief_curves),
        *_nights(insights.evening_kratom_sleep, "kratom", "Evening kratom and sleep"),
        *_sleep_pain(insights.sleep_vs_next_day_pain),
        *_escalation(insights, units),
    ]
