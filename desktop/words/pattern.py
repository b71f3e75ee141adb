"""``ebb pattern`` in words and in JSON: the reported pain, the untreated estimate and
what the journal shows about each pain-relief substance's doses (DESIGN.md 5 and 7)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any

from desktop.core.planning.pain_model_values import PainModel, ReliefCurve
from desktop.core.planning.pattern import PainProfile
from desktop.words.present import duration_words, fmt
from desktop.words.translate import translate


def relief_reason(curve: ReliefCurve) -> str:
    """Why a relief curve is, or is not yet, known: words for its reason code."""
    if curve.reason == "few_doses":
        return translate(
            "Pattern", "not enough data yet: need %n more dose(s)", None, curve.needed.get("doses", 0)
        )
    if curve.reason == "few_readings":
        return translate(
            "Pattern",
            "not enough data yet: need %n more check-in(s) from 30 min to 8 h after a dose",
            None,
            curve.needed.get("readings", 0),
        )
    if curve.reason == "same_times":
        return translate(
            "Pattern",
            "not enough data yet: your doses were nearly always at the same times of day, so Ebb "
            "cannot yet tell your pain with a dose working from the pain you would have without "
            "one (check-ins on days or at times without a dose would show it)",
        )
    if curve.reason == "too_uncertain":
        return translate("Pattern", "not enough data yet: the estimate is still too uncertain")
    return translate("Pattern", "learned from %n dose(s) and {readings}", None, curve.n_doses).format(
        readings=_readings_after(curve)
    )


def _readings_after(curve: ReliefCurve) -> str:
    return translate("Pattern", "%n check-in(s) after them", None, curve.n_readings)


def _points(value: float) -> str:
    """A number of points, never "-0"."""
    return fmt(abs(round(value, 1)) if round(value, 1) == 0 else round(value, 1))


def relief_sentence(curve: ReliefCurve) -> str:
    """One sentence a patient understands, e.g. "Your doses of Kratom usually help from
    about 35 min to 3 h 40 min, most at about 2 h (pain about 3 points lower; …)".
    Drops are shown as positive numbers; an interval that reaches past no change says
    so with "to" (a dash between signed numbers reads as a minus)."""
    name = curve.substance
    if not curve.enough_data:
        return f"{name}: {relief_reason(curve)}."
    counts = translate("Pattern", "%n dose(s), {readings}", None, curve.n_doses).format(
        readings=_readings_after(curve)
    )
    low, high = -(curve.peak_high or 0.0), -(curve.peak_low or 0.0)
    interval = translate("Pattern", "95 % interval {low} to {high}").format(
        low=_points(low), high=_points(high)
    )
    drop = -(curve.peak_change or 0.0)
    if curve.onset_min is None or curve.duration_min is None:
        most = (
            translate("Pattern", "at most {points} points lower").format(points=_points(drop))
            if drop > 0.05
            else translate("Pattern", "no lower at all")
        )
        return translate(
            "Pattern",
            "{name}: your journal shows no clear drop in pain after your doses "
            "({most}, {interval}; {counts}).",
        ).format(name=name, most=most, interval=interval, counts=counts)
    return translate(
        "Pattern",
        "Your doses of {name} usually help from about {start} to {end}, most at about {peak} "
        "(pain about {points} points lower; {interval}; {counts}).",
    ).format(
        name=name,
        start=duration_words(curve.onset_min),
        end=duration_words(curve.duration_min),
        peak=duration_words(curve.peak_min or 0),
        points=_points(drop),
        interval=interval,
        counts=counts,
    )


def pattern_json(profile: PainProfile, model: PainModel) -> dict[str, Any]:
    """``slots`` (what was reported), ``baseline`` (the untreated estimate) and ``relief``."""
    return {
        "slots": [
            {
                "start": slot.start,
                "pain": None if slot.pain is None else round(slot.pain, 2),
                "support": round(slot.support, 2),
            }
            for slot in profile.slots
        ],
        "baseline": [
            {"start": p.start, "pain": p.pain, "low": p.low, "high": p.high} for p in model.baseline
        ],
        "relief": [
            {
                "substance": r.substance,
                "enough_data": r.enough_data,
                "reason": relief_reason(r),
                "reason_code": r.reason,
                "n_doses": r.n_doses,
                "n_readings": r.n_readings,
                "onset_min": r.onset_min,
                "peak_min": r.peak_min,
                "peak_change": r.peak_change,
                "peak_low": r.peak_low,
                "peak_high": r.peak_high,
                "duration_min": r.duration_min,
                "curve": [
                    {"after_min": c.after_min, "change": c.change, "low": c.low, "high": c.high}
                    for c in r.curve
                ],
            }
            for r in model.relief
        ],
    }


def pattern_lines(day: date, reason: str, model: PainModel, threshold: float) -> Iterator[str]:
    """The text of ``ebb pattern``."""
    splits = {"weekday": translate("Pattern", "weekdays"), "weekend": translate("Pattern", "weekend days")}
    split = splits.get(str(model.split), translate("Pattern", "all days"))
    yield translate("Pattern", "Pain pattern for {day} (from {split}, {first} to {last})").format(
        day=day, split=split, first=model.first_day, last=model.last_day
    )
    yield reason[0].upper() + reason[1:] + "."
    yield ""
    yield translate(
        "Pattern",
        "Your usual pain without a dose working (estimate, 95 % interval; "
        "| marks your threshold {threshold}):",
    ).format(threshold=fmt(threshold))
    marker = round(threshold * 3)
    for point in model.baseline:
        if point.pain is None:
            continue
        bar = "#" * round(point.pain * 3)
        bar = (bar + " " * 31)[:31]
        if 0 <= marker < len(bar):
            bar = bar[:marker] + ("|" if bar[marker] == " " else "#") + bar[marker + 1 :]
        between = (
            "    —    " if point.low is None or point.high is None else f"{point.low:.1f}–{point.high:.1f}"
        )
        yield f"{point.start}  {point.pain:4.1f}  ({between})  {bar}".rstrip()
    if not any(p.pain is not None for p in model.baseline):
        yield translate("Pattern", "  (no check-ins in this period)")
    elif any(p.pain is None for p in model.baseline if 7 * 60 <= p.start_min < 22 * 60):
        yield translate(
            "Pattern",
            "  (half hours not shown: too few check-ins then, or never seen without a dose working)",
        )
    if model.relief:
        yield ""
        yield translate("Pattern", "What your journal shows after your doses (observational, not proof):")
        for curve in model.relief:
            yield relief_sentence(curve)
