"""Insights in plain sentences with their numbers (for the command line, the window and
the report). Neutral wording: what the user's own data show, with n and the 95 %
interval, and "not enough data" when that is the truth. No promise of benefit. Every
word goes through the translation hook (desktop/words/translate.py)."""

from __future__ import annotations

from collections.abc import Mapping

from desktop.core.insights.pain import HIGH_PAIN
from desktop.core.insights.results import Estimate, Insight, Insights, ReliefInsight, Status
from desktop.words.relief_curves import relief_curve_lines
from desktop.words.translate import translate


def _counted(key: str, n: int) -> str:
    """What a sample holds, with its number: "3 nights with melatonin"."""
    words = {
        "melatonin_nights": lambda: translate("Insights", "%n night(s) with melatonin", None, n),
        "kratom_nights": lambda: translate("Insights", "%n night(s) with kratom after 18:00", None, n),
        "other_nights": lambda: translate("Insights", "%n night(s) without", None, n),
        "doses": lambda: translate("Insights", "%n dose(s) with pain logged before and after", None, n),
        "days": lambda: translate("Insights", "%n night(s) followed by a day with pain check-ins", None, n),
        "checkins": lambda: translate("Insights", "%n pain check-in(s)", None, n),
        "pain_days": lambda: translate("Insights", "%n day(s) with pain check-ins", None, n),
        "day_pairs": lambda: translate(
            "Insights", "%n day(s) with check-ins that follow a day with check-ins", None, n
        ),
    }
    return words[key]() if key in words else f"{n} {key}"


def _more(key: str, n: int) -> str:
    """What a sample still lacks: "3 more nights with melatonin"."""
    words = {
        "melatonin_nights": lambda: translate("Insights", "%n more night(s) with melatonin", None, n),
        "kratom_nights": lambda: translate("Insights", "%n more night(s) with kratom after 18:00", None, n),
        "other_nights": lambda: translate("Insights", "%n more night(s) without", None, n),
        "doses": lambda: translate("Insights", "%n more dose(s) with pain logged before and after", None, n),
        "days": lambda: translate(
            "Insights", "%n more night(s) followed by a day with pain check-ins", None, n
        ),
        "checkins": lambda: translate("Insights", "%n more pain check-in(s)", None, n),
        "pain_days": lambda: translate("Insights", "%n more day(s) with pain check-ins", None, n),
        "day_pairs": lambda: translate(
            "Insights", "%n more day(s) with check-ins that follow a day with check-ins", None, n
        ),
    }
    return words[key]() if key in words else f"{n} more {key}"


def _interval(estimate: Estimate, scale: float = 1.0, digits: int = 0) -> str:
    return translate("Insights", "95 % interval {low} to {high}").format(
        low=f"{estimate.low * scale:.{digits}f}", high=f"{estimate.high * scale:.{digits}f}"
    )


def _uncertain(estimate: Estimate) -> str:
    if estimate.low <= 0 <= estimate.high:
        return translate("Insights", "; the interval includes no difference")
    return ""


def _needed(title: str, needed: Mapping[str, int], have: Mapping[str, int]) -> str:
    more = translate("Insights", " and ").join(_more(key, count) for key, count in needed.items())
    have_text = ", ".join(_counted(key, count) for key, count in have.items())
    return translate("Insights", "{title}: not enough data yet — need {more} (have {have}).").format(
        title=title, more=more, have=have_text
    )


def _nights(insight: Insight, label: str, title: str) -> list[str]:
    """Sleep on nights with a substance against nights without: time to fall asleep,
    total sleep and quality, each where it was estimated."""
    if insight.status is Status.NOT_ENOUGH_DATA:
        return [_needed(title, insight.needed, insight.n)]
    on = _counted(f"{label}_nights", insight.n[f"{label}_nights"])
    without = _counted("other_nights", insight.n["other_nights"])
    steps = (("sol_min", _fell_asleep), ("tst_min", _slept), ("quality", _sleep_quality))
    found = [(insight.estimates.get(key), words) for key, words in steps]
    return [words(estimate, on, without) for estimate, words in found if estimate is not None]


def _compared(text: str, estimate: Estimate, on: str, without: str, digits: int = 0, **values: str) -> str:
    """A sentence comparing nights ``on`` with nights ``without``, with its interval."""
    interval = _interval(estimate, digits=digits)
    return text.format(on=on, without=without, interval=interval, uncertain=_uncertain(estimate), **values)


def _fell_asleep(sol: Estimate, on: str, without: str) -> str:
    if sol.value < 0:
        text = translate(
            "Insights",
            "On {on} you fell asleep {minutes} min faster ({interval}) than on {without}{uncertain}.",
        )
    else:
        text = translate(
            "Insights",
            "On {on} you fell asleep {minutes} min slower ({interval}) than on {without}{uncertain}.",
        )
    return _compared(text, sol, on, without, minutes=f"{abs(sol.value):.0f}")


def _slept(tst: Estimate, on: str, without: str) -> str:
    if tst.value >= 0:
        text = translate(
            "Insights", "You slept {minutes} min more on {on} ({interval}) than on {without}{uncertain}."
        )
    else:
        text = translate(
            "Insights", "You slept {minutes} min less on {on} ({interval}) than on {without}{uncertain}."
        )
    return _compared(text, tst, on, without, minutes=f"{abs(tst.value):.0f}")


def _sleep_quality(quality: Estimate, on: str, without: str) -> str:
    text = translate(
        "Insights",
        "Sleep quality (1–5) on {on} differed by {change} ({interval}) from {without}{uncertain}.",
    )
    return _compared(text, quality, on, without, digits=1, change=f"{quality.value:+.1f}")


def _relief(insight: ReliefInsight) -> list[str]:
    title = translate("Insights", "Pain after doses")
    if insight.status is Status.NOT_ENOUGH_DATA or insight.overall is None:
        return [_needed(title, insight.needed, insight.n)]
    summary = insight.overall
    share = summary.relief_share
    lines = [
        translate(
            "Insights",
            "{title}: after {share} % of %n dose(s) pain dropped by 30 % or more "
            "(a moderately important change; {interval} %).",
            None,
            summary.n_doses,
        ).format(title=title, share=f"{share.value * 100:.0f}", interval=_interval(share, 100))
    ]
    for minutes, change in sorted(summary.change_pct.items()):
        lines.append(
            translate(
                "Insights", "  At +{minutes} min pain changed by {change} % ({interval} %, n = {n})."
            ).format(
                minutes=minutes,
                change=f"{change.value:+.0f}",
                interval=_interval(change),
                n=summary.n_follow_up[minutes],
            )
        )
    for group in insight.groups:
        label = " / ".join(part for part in (group.substance, group.product, group.batch) if part)
        lines.append(
            translate(
                "Insights", "  {label}: {share} % of %n dose(s) ({interval} %).", None, group.summary.n_doses
            ).format(
                label=label,
                share=f"{group.summary.relief_share.value * 100:.0f}",
                interval=_interval(group.summary.relief_share, 100),
            )
        )
    return lines


def _sleep_pain(insight: Insight) -> list[str]:
    title = translate("Insights", "Sleep and next-day pain")
    if insight.status is Status.NOT_ENOUGH_DATA:
        return [_needed(title, insight.needed, insight.n)]
    lines = []
    metrics = (
        ("tst_min", translate("Insights", "total sleep")),
        ("quality", translate("Insights", "sleep quality")),
    )
    for metric, words in metrics:
        rho = insight.estimates.get(metric)
        if rho is not None:
            lines.append(
                translate(
                    "Insights",
                    "{title}: rank correlation of {what} with the next day's mean pain {rho} "
                    "({interval}; n = %n day(s)).",
                    None,
                    sum(insight.n.values()),
                ).format(title=title, what=words, rho=f"{rho.value:+.2f}", interval=_interval(rho, digits=2))
            )
    return lines or [translate("Insights", "{title}: no variation to compare yet.").format(title=title)]


def _high_pain(insight: Insight) -> list[str]:
    title = translate("Insights", "Pain of {level} or more").format(level=HIGH_PAIN)
    if insight.status is Status.NOT_ENOUGH_DATA:
        return [_needed(title, insight.needed, insight.n)]
    share = insight.estimates["share"]
    digits = 1 if share.high < 0.1 else 0  # "0.4 %", not "0 %", when it is rare
    return [
        translate(
            "Insights",
            "{title}: {share} % of %n pain check-in(s) ({interval} %).",
            None,
            insight.n["checkins"],
        ).format(title=title, share=f"{share.value * 100:.{digits}f}", interval=_interval(share, 100, digits))
    ]


def _day_to_day(insight: Insight) -> list[str]:
    title = translate("Insights", "Day-to-day change in pain")
    if insight.status is Status.NOT_ENOUGH_DATA:
        return [_needed(title, insight.needed, insight.n)]
    change = insight.estimates["mean_abs_change"]
    return [
        translate(
            "Insights",
            "{title}: from one day to the next, your average pain for the day changed by "
            "{change} points on average ({interval}; {pairs}, {days}).",
        ).format(
            title=title,
            change=f"{change.value:.1f}",
            interval=_interval(change, digits=1),
            pairs=translate("Insights", "%n pair(s) of consecutive days", None, insight.n["day_pairs"]),
            days=translate("Insights", "%n day(s) with check-ins", None, insight.n["pain_days"]),
        )
    ]


def _escalation_flag(code: str) -> str:
    flags = {
        "amount_up_25pct": lambda: translate("Insights", "amount up 25 % or more"),
        "gaps_shorter_25pct": lambda: translate("Insights", "gaps 25 % or more shorter"),
        "relief_share_down_25pct": lambda: translate("Insights", "relief after doses less often"),
    }
    return flags[code]() if code in flags else code


def _escalation(insights: Insights, units: Mapping[str, str]) -> list[str]:
    escalation = insights.escalation
    if escalation.status is Status.NOT_ENOUGH_DATA:
        return [translate("Insights", "Use over time: no doses in the last 8 weeks.")]
    lines = []
    for trend in escalation.substances:
        unit = units.get(trend.substance.casefold(), "")
        text = translate(
            "Insights",
            "{substance}: {recent} {unit}/day over the last 7 days, "
            "{baseline} {unit}/day over the 28 days before",
        ).format(
            substance=trend.substance,
            recent=f"{trend.recent_daily_amount:.2f}",
            baseline=f"{trend.baseline_daily_amount:.2f}",
            unit=unit,
        )
        if trend.amount_change_pct is not None:
            text += f" ({trend.amount_change_pct:+.0f} %)"
        if trend.run_days > 1:
            text += translate("Insights", "; used on %n day(s) in a row", None, trend.run_days)
        if trend.recent_median_gap_h is not None and trend.baseline_median_gap_h is not None:
            text += translate("Insights", "; median gap between doses {recent} h (was {baseline} h)").format(
                recent=f"{trend.recent_median_gap_h:.1f}", baseline=f"{trend.baseline_median_gap_h:.1f}"
            )
        noted = [_escalation_flag(code) for code in trend.codes]
        if noted:
            text += translate("Insights", ". Worth noticing: {what}.").format(what=", ".join(noted))
        else:
            text += "."
        lines.append(text)
    return lines


def insight_lines(insights: Insights, units: Mapping[str, str]) -> list[str]:
    """Every insight as sentences (``units``: substance name, casefolded → unit)."""
    return [
        *_nights(insights.melatonin_sleep, "melatonin", translate("Insights", "Melatonin and sleep")),
        *_high_pain(insights.high_pain),
        *_day_to_day(insights.day_to_day),
        *_relief(insights.relief_per_dose),
        *relief_curve_lines(insights.relief_curves),
        *_nights(insights.evening_kratom_sleep, "kratom", translate("Insights", "Evening kratom and sleep")),
        *_sleep_pain(insights.sleep_vs_next_day_pain),
        *_escalation(insights, units),
    ]
