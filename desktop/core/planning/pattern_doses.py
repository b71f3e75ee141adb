"""Pattern timing: dose times for a day from the pain model (DESIGN.md 5).

Holds the pain model a plan uses (fitted once a day and kept in the caller's cache) and
the search for the dose times that keep the untreated pain below the threshold, with a
reason for each time. numpy comes in only here, through the pain model, and only when a
plan needs it: the imports of desktop.core.planning.pain_model stay inside functions.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, tzinfo
from typing import Any

from desktop.core.model import Substance, SubstanceKind
from desktop.core.numbers import format_number
from desktop.core.planning.day_times import evening_bedtime, minutes_text, wake_time
from desktop.core.planning.dose_timing import (
    DoseDecision,
    best_dose_slots,
    coverage_effect,
    covered_rise,
    curve_effect,
)
from desktop.core.planning.inputs import JournalView, PlanConfig
from desktop.core.planning.pain_model_values import RELIEF_SPAN_MIN, ModelDose, PainModel
from desktop.core.planning.pattern import SLOT_MIN, SLOTS
from desktop.core.reasons import Reason
from desktop.core.times import localize

# Used only for timing (never for amounts) when the user has not set them.
DEFAULT_ONSET_MIN = 30
DEFAULT_DURATION_H = 4.0


# ---- the day's pain model ----------------------------------------------------------


def relief_substances(journal: JournalView) -> list[str]:
    """The pain-relief substances (anything but melatonin) the model learns a curve for."""
    return [s.name for _, s in journal.substances if s.kind is not SubstanceKind.MELATONIN]


def model_doses(journal: JournalView) -> list[ModelDose]:
    """Logged doses of pain-relief substances, as the pain model reads them."""
    relief = {name.casefold() for name in relief_substances(journal)}
    return [
        ModelDose(d.at, d.substance, d.pain_before) for d in journal.doses if d.substance.casefold() in relief
    ]


# Kept by the caller between plans: pain models and the dose decisions made from them.
ProfileCache = dict[tuple[Any, ...], Any]


CACHE_SIZE = 64


def remember(cache: ProfileCache, key: tuple[Any, ...], value: Any) -> None:
    while len(cache) >= CACHE_SIZE:
        del cache[next(iter(cache))]  # the oldest entry
    cache[key] = value


def cached_model(
    journal: JournalView, day: date, zone: tzinfo, window_days: int, cache: ProfileCache | None = None
) -> tuple[tuple[Any, ...], PainModel]:
    """The pain model for ``day`` and its cache key, reused from ``cache`` while its
    inputs are unchanged.

    A day's model depends only on data from before that day, so today's stays valid
    all day and a new entry only costs tomorrow's.
    """
    from desktop.core.planning.pain_model import fit_pain_model

    day_start = localize(datetime.combine(day, time()), zone)
    first = (day_start - timedelta(days=window_days, minutes=RELIEF_SPAN_MIN + 60)).timestamp()
    last = day_start.timestamp()
    pains = tuple(
        (r.at.timestamp(), r.at.utcoffset(), r.score)
        for r in journal.pains
        if first <= r.at.timestamp() < last
    )
    doses = model_doses(journal)
    substances = tuple(relief_substances(journal))
    dose_key = tuple(
        (d.at.timestamp(), d.at.utcoffset(), d.substance.casefold(), d.pain_before)
        for d in doses
        if first <= d.at.timestamp() < last
    )
    # The inputs themselves (not their hash) are the key: a collision must not be possible.
    key = ("model", day_start.timestamp(), window_days, substances, pains, dose_key)
    if cache is not None and key in cache:
        found: PainModel = cache[key]
        return key, found
    model = fit_pain_model(journal.pains, doses, substances, day_start=day_start, window_days=window_days)
    if cache is not None:
        remember(cache, key, model)
    return key, model


# ---- dose times from the model -----------------------------------------------------


def _timing(substance: Substance) -> tuple[int, float]:
    onset = substance.onset_min if substance.onset_min is not None else DEFAULT_ONSET_MIN
    duration = substance.duration_h if substance.duration_h is not None else DEFAULT_DURATION_H
    return onset, duration


@dataclass(frozen=True)
class _DoseEffect:
    """What the plan expects a dose to do: the change in pain slot by slot from the
    dose's time, and whether it was learned from the journal or taken from the
    substance's settings (with the onset each of them gives)."""

    change: tuple[float, ...]
    learned: bool
    onset_min: int | None


def _dose_effect(model: PainModel, substance: Substance) -> _DoseEffect:
    relief = model.relief_for(substance.name)
    if relief is not None and relief.enough_data:
        return _DoseEffect(curve_effect(relief.change_at), True, relief.onset_min)
    onset, duration = _timing(substance)
    return _DoseEffect(coverage_effect(onset, duration), False, onset)


def _dose_gap_min(substance: Substance, min_interval: timedelta | None) -> float:
    """The fewest real minutes between two planned doses (at least a slot)."""
    onset, duration = _timing(substance)
    interval = min_interval if min_interval is not None else substance.limits.min_interval
    # Without a minimum interval of the user's, doses are at least their effect apart.
    gap = interval.total_seconds() / 60 if interval is not None else onset + duration * 60
    return max(float(SLOT_MIN), gap)


def _clearly_above(model: PainModel, threshold: float) -> list[float | None]:
    """The untreated baseline for planning: a half hour counts as above the threshold
    only where its whole 95 % interval is (pain first: noise around the threshold plans
    no dose)."""
    return [
        p.pain
        if p.pain is None or p.pain <= threshold or (p.low is not None and p.low > threshold)
        else threshold
        for p in model.baseline
    ]


def plan_pattern_doses(
    model: PainModel,
    substance: Substance,
    config: PlanConfig,
    day: date,
    zone: tzinfo,
    cap: int,
    cap_data: Mapping[str, Any],
    min_interval: timedelta | None = None,
) -> DoseDecision:
    """Dose times for ``day`` from the model (assumes the baseline has enough data).
    ``min_interval`` is the strictest of the user's own intervals for every product the
    reminders stand for (default: this substance's)."""
    effect = _dose_effect(model, substance)
    baseline = _clearly_above(model, config.pain_threshold)
    candidates, too_close = _dose_slots_allowed(config, day, zone, _dose_gap_min(substance, min_interval))
    chosen = best_dose_slots(
        baseline,
        effect.change,
        threshold=config.pain_threshold,
        candidates=candidates,
        too_close=too_close,
        max_doses=cap,
    )
    highest = max((p.pain for p in model.baseline if p.pain is not None), default=None)
    common = _pattern_data(model, config, substance, effect)
    if not chosen:
        return DoseDecision((), (), _nothing_to_plan(config, highest, {**common, **cap_data}))
    reasons = tuple(_rise_reason(baseline, effect, s, config.pain_threshold, highest, common) for s in chosen)
    summary = Reason("pattern_planned", {**common, **cap_data, "count": len(chosen)})
    return DoseDecision(tuple(s * SLOT_MIN for s in chosen), reasons, summary)


def _pattern_data(
    model: PainModel, config: PlanConfig, substance: Substance, effect: _DoseEffect
) -> dict[str, Any]:
    """What every reason of a pattern plan shows: the data behind it and the effect used."""
    _, duration = _timing(substance)
    return {
        "readings": model.sufficiency.readings,
        "days": model.sufficiency.days,
        "split": str(model.split),
        "threshold": format_number(config.pain_threshold),
        "relief": "learned" if effect.learned else "settings",
        "onset_min": effect.onset_min,
        "duration_h": format_number(duration),
    }


def _nothing_to_plan(config: PlanConfig, highest: float | None, data: Mapping[str, Any]) -> Reason:
    """Why the model plans no dose: the pain stays low, or no dose time would help."""
    code = "pattern_low_pain" if highest is None or highest <= config.pain_threshold else "pattern_no_gain"
    return Reason(code, {**data, "highest": None if highest is None else round(highest)})


def _rise_reason(
    baseline: Sequence[float | None],
    effect: _DoseEffect,
    slot: int,
    threshold: float,
    highest: float | None,
    common: Mapping[str, Any],
) -> Reason:
    """Why a dose at ``slot``: the rise of the untreated pain it covers."""
    rise = covered_rise(baseline, effect.change, slot, threshold)
    first, end, peak = rise if rise is not None else (slot, slot + 1, highest or 0.0)
    return Reason(
        # "as" rather than "before" when the rise has begun by the dose's time
        "pattern_rise" if first > slot else "pattern_rising",
        {
            **common,
            "time": minutes_text(slot * SLOT_MIN),
            "rise_start": minutes_text(first * SLOT_MIN),
            "rise_end": minutes_text(end * SLOT_MIN),
            "untreated": round(peak),
        },
    )


def _dose_slots_allowed(
    config: PlanConfig, day: date, zone: tzinfo, gap_min: float
) -> tuple[list[int], Callable[[int, int], bool]]:
    """The slots a dose may be planned at (waking hours, not too near bed) and the test
    for two slots closer than ``gap_min`` real minutes (a DST day keeps the interval)."""
    wake = wake_time(config, day)
    bed = evening_bedtime(config, day)
    wake_min = wake.hour * 60 + wake.minute
    bed_min = bed.hour * 60 + bed.minute + (1440 if bed < time(12, 0) else 0)
    last_start = min(bed_min - config.no_dose_before_bed_h * 60, 1440 - SLOT_MIN)
    candidates = [s for s in range(SLOTS) if wake_min <= s * SLOT_MIN <= last_start]
    midnight = localize(datetime.combine(day, time()), zone).timestamp()
    elapsed = [
        (localize(datetime.combine(day, time(m // 60, m % 60)), zone).timestamp() - midnight) / 60
        for m in range(0, 1440, SLOT_MIN)
    ]

    def too_close(p: int, s: int) -> bool:
        return elapsed[s] - elapsed[p] < gap_min - 1e-9

    return candidates, too_close
