"""The pain model's relief curve after a dose in plain sentences (for the insights and
the chart's "not enough data" reasons): how far and when pain was lower than the usual
pain at that time of day without a dose, with its interval, or why there is no curve yet.
Every word goes through the translation hook (desktop/words/translate.py)."""

from __future__ import annotations

from desktop.core.insights.results import ReliefCurveInsight
from desktop.core.planning.pain_model_values import ReliefCurve
from desktop.words.present import duration_words
from desktop.words.translate import translate


def relief_curve_title(substance: str | None) -> str:
    if substance is None:
        return translate("Insights", "Pain over the 8 h after a dose")
    return translate("Insights", "{substance} over the 8 h after a dose").format(substance=substance)


def relief_curve_reason(curve: ReliefCurve) -> str:
    """Why a curve is not learned yet, in plain words (for the sentences and the chart)."""
    needed = dict(curve.needed)
    if curve.reason == "few_doses":
        return translate(
            "Insights",
            "need %n more logged dose(s) of {substance} (have {have})",
            None,
            needed.get("doses", 1),
        ).format(substance=curve.substance, have=curve.n_doses)
    if curve.reason == "few_readings":
        return translate(
            "Insights",
            "need %n more pain check-in(s) between 30 min and 8 h after a dose (have {have}); "
            "the follow-up reminders after a dose collect them",
            None,
            needed.get("readings", 1),
        ).format(have=curve.n_readings)
    if curve.reason == "same_times":
        return translate(
            "Insights",
            "your doses were nearly always at the same times of day, so Ebb cannot yet tell the pain "
            "they relieve from the pain you would have without them",
        )
    return translate(
        "Insights",
        "what your journal shows is still too uncertain to put in a number ({counts}); more "
        "check-ins after doses will narrow it",
    ).format(
        counts=_dose_counts(curve, translate("Insights", "%n check-in(s) after them", None, curve.n_readings))
    )


def _dose_counts(curve: ReliefCurve, readings: str) -> str:
    return translate("Insights", "%n dose(s), {readings}", None, curve.n_doses).format(readings=readings)


def _curve_interval(low: float, high: float) -> str:
    if high < 0:
        return translate("Insights", "95 % interval {a} to {b} points lower").format(
            a=f"{abs(high):.1f}", b=f"{abs(low):.1f}"
        )
    return translate(
        "Insights",
        "95 % interval from {a} points lower to {b} points higher; the interval includes no difference",
    ).format(a=f"{abs(low):.1f}", b=f"{high:.1f}")


def _curve(curve: ReliefCurve, window: str) -> str:
    title = relief_curve_title(curve.substance)
    if not curve.enough_data or curve.peak_change is None or curve.peak_min is None:
        return translate("Insights", "{title}: not enough data yet — {reason}.").format(
            title=title, reason=relief_curve_reason(curve)
        )
    readings = translate("Insights", "%n check-in(s) 30 min–8 h after a dose", None, curve.n_readings)
    counts = _dose_counts(curve, readings + window)
    if curve.peak_change > -0.05:
        text = translate(
            "Insights",
            "{title}: your journal shows pain no lower than your usual pain at that time of day "
            "without a dose at any time ({counts}).",
        ).format(title=title, counts=counts)
    else:
        low = curve.peak_change if curve.peak_low is None else curve.peak_low
        high = curve.peak_change if curve.peak_high is None else curve.peak_high
        text = translate(
            "Insights",
            "{title}: your journal shows pain about {drop} points lower than your usual pain at "
            "that time of day without a dose, most at about {peak} after a dose ({interval}; {counts}).",
        ).format(
            title=title,
            drop=f"{abs(curve.peak_change):.1f}",
            peak=duration_words(curve.peak_min),
            interval=_curve_interval(low, high),
            counts=counts,
        )
    if curve.onset_min is not None and curve.duration_min is not None:
        text += translate(
            "Insights", " It shows a drop of a point or more from about {start} to {end} after a dose."
        ).format(start=duration_words(curve.onset_min), end=duration_words(curve.duration_min))
    else:
        text += translate("Insights", " It shows no drop of a full point at any time.")
    return text + translate("Insights", " Recent weeks count most; observational, not proof.")


def relief_curve_lines(insight: ReliefCurveInsight) -> list[str]:
    if not insight.curves:
        # Factual, not "need 10 more": Ebb must not read as asking for doses.
        return [
            translate("Insights", "{title}: no doses of a pain-relief substance are logged.").format(
                title=relief_curve_title(None)
            )
        ]
    window = ""
    if insight.shortened and insight.first_day is not None and insight.last_day is not None:
        days = (insight.last_day - insight.first_day).days + 1
        window = translate("Insights", " in the last %n day(s)", None, days)
    return [_curve(curve, window) for curve in insight.curves]
