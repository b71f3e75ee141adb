"""Insights from the user's own journal (DESIGN.md 6): n-of-1 comparisons, each with its
n, an effect, a 95 % interval and an explicit "not enough data" state.

Records in (the dicts :meth:`Journal.entries` returns, times as ISO-8601 with offsets),
values and reason codes out; a presenter turns them into words. Intervals are percentile
bootstraps with a fixed seed (or exact, Wilson, for shares), so the same journal always
gives the same numbers, whatever the order of its records. This module is pure Python:
importing it (the command line does) loads no numpy.

Local clock times and dates are those of each record's own UTC offset (the day the user
lived); ``zone`` only reads a time written without an offset. Records dated after
``today`` are left out.

This module composes them; each is worked out in a sibling module (records: reading;
sleep, relief, escalation, pain: the insights; stats: the intervals), and their values
are :mod:`desktop.core.insights.results`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date, tzinfo
from typing import Any

from desktop.core.insights.escalation import escalation
from desktop.core.insights.pain import daily_pain, day_to_day, high_pain
from desktop.core.insights.records import read_entries
from desktop.core.insights.relief import relief_outcomes, relief_per_dose
from desktop.core.insights.results import Insights
from desktop.core.insights.sleep import (
    KRATOM_EVENING,
    MELATONIN_EVENING,
    SLEEP_METRICS,
    compare_nights,
    dosed_nights,
    sleep_vs_next_day_pain,
)


def compute_insights(
    records: Iterable[Mapping[str, Any]], substance_kinds: Mapping[str, str], today: date, zone: tzinfo
) -> Insights:
    """All insights of the journal's records up to ``today``.

    ``substance_kinds`` maps a substance name (any case) to "melatonin", "kratom" or
    "other"; doses of other names are left out. The result does not depend on the
    order of ``records``.
    """
    # numpy, through the pain model: loaded here, not with this module (see its docstring).
    from desktop.core.insights.relief_curves import relief_curves

    entries = read_entries(records, substance_kinds, today, zone)
    outcomes = relief_outcomes(entries)
    daily = daily_pain(entries.pains)
    return Insights(
        today=today,
        melatonin_sleep=compare_nights(
            "melatonin_sleep",
            entries.nights,
            dosed_nights(entries.doses, "melatonin", MELATONIN_EVENING),
            "melatonin",
            SLEEP_METRICS,
        ),
        relief_per_dose=relief_per_dose(outcomes),
        evening_kratom_sleep=compare_nights(
            "evening_kratom_sleep",
            entries.nights,
            dosed_nights(entries.doses, "kratom", KRATOM_EVENING),
            "kratom",
            ("tst_min", "quality"),
        ),
        sleep_vs_next_day_pain=sleep_vs_next_day_pain(entries.nights, daily),
        escalation=escalation(entries.doses, outcomes, today),
        high_pain=high_pain(entries.pains),
        day_to_day=day_to_day(daily),
        relief_curves=relief_curves(entries.pains, entries.doses, substance_kinds, today, zone),
    )
