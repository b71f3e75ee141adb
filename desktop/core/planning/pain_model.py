"""One model of the user's own pain: untreated baseline plus the relief of earlier doses.

Every pain reading (check-ins, follow-ups, "pain before" at doses) is modelled as

    pain = baseline(time of day) + sum over earlier pain-relief doses of relief_s(minutes after) + noise

- **baseline**: a smooth 24-hour curve, a cosinor with ``HARMONICS`` harmonics whose
  roughness is penalised (a periodic smoothing spline in all but name). A second curve
  for weekend days only when weekdays and weekend days each have enough readings.
- **relief_s**: per pain-relief substance, the change in pain 0, 30 … 480 minutes after
  a dose (linear between those points, nought at 0 and after 480). Its curvature is
  penalised, and a light ridge pulls it towards "no change" where the data are silent.

Both are fitted together by penalised, recency-weighted least squares over the pattern
window (DESIGN.md 5). 95 % intervals come from a bootstrap over days with a fixed seed.
Readings under a dose are used, not excluded: they are what teaches the relief curve.

**Identifiability is checked, not assumed.** Whether a reading falls under a dose must
vary within a time of day; if doses were always at the same times, the untreated pain
under them was never seen and the relief curve (and the baseline there) cannot be told
apart. The check regresses "under a dose" on the hour of the day and counts what is
left (``contrast``); too little, too few doses, too few readings after doses or too wide
an interval gives ``enough_data = False`` with a reason code.

Fast: the fit works on per-day sums (X'WX, X'Wy), so the bootstrap only adds up days.

This module is the model's entry point, :func:`fit_pain_model`; its parts are siblings:
the values it takes and gives (``pain_model_values``, free of numpy), the journal as
arrays (``pain_model_readings``), the least squares and bootstrap (``pain_model_fit``),
the baseline (``pain_model_baseline``) and the relief curves (``pain_model_relief``).
numpy comes in with those parts, never on the tray's start path: they are imported only
through here, and the planner and the insights load this module only when they fit.
Everyone else imports the values from ``pain_model_values``.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, timedelta

from desktop.core.planning.pain_model_baseline import baseline_points, no_baseline, split_for
from desktop.core.planning.pain_model_fit import BOOTSTRAP, fit_coefficients
from desktop.core.planning.pain_model_readings import journal_data
from desktop.core.planning.pain_model_relief import no_relief, relief_curve
from desktop.core.planning.pain_model_values import (
    ModelDose,
    PainModel,
)
from desktop.core.planning.pattern import MIN_DAYS, PainReading, Split, sufficiency


def fit_pain_model(
    readings: Sequence[PainReading],
    doses: Sequence[ModelDose],
    substances: Sequence[str],
    *,
    day_start: datetime,
    window_days: int,
    bootstrap: int = BOOTSTRAP,
) -> PainModel:
    """The model for planning ``day_start``'s day, from data in the ``window_days`` days
    before it. ``substances`` are the pain-relief substances to learn a curve for."""
    start = day_start - timedelta(days=window_days)
    data = journal_data(readings, doses, substances, start, day_start)
    suff = sufficiency(data.readings)
    split = split_for(data, day_start.date()) if suff.enough else Split.POOLED
    n_doses = _doses_in_window(doses, substances, start, day_start)
    if not len(data.score):
        relief = tuple(no_relief(name, n) for name, n in zip(substances, n_doses, strict=True))
        return PainModel(
            False, suff, split, no_baseline(), relief, window_days, start.date(), _last_day(day_start)
        )
    coefficients = fit_coefficients(data, split is not Split.POOLED, bootstrap)
    relief = tuple(
        relief_curve(name, data, index, coefficients, n_doses[index]) for index, name in enumerate(substances)
    )
    # Fewer days than a pattern needs: a bootstrap over so few days has no width to show.
    baseline = baseline_points(data, coefficients, split, relief, intervals=suff.days >= MIN_DAYS)
    return PainModel(
        suff.enough, suff, split, baseline, relief, window_days, start.date(), _last_day(day_start)
    )


def _doses_in_window(
    doses: Sequence[ModelDose], substances: Sequence[str], start: datetime, end: datetime
) -> list[int]:
    """How many doses of each substance were taken from ``start`` to ``end``."""
    return [
        sum(1 for d in doses if d.substance.casefold() == s.casefold() and start <= d.at < end)
        for s in substances
    ]


def _last_day(day_start: datetime) -> date:
    return (day_start - timedelta(microseconds=1)).date()
