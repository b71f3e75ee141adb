"""The day's reminders, planned from the settings and the journal (DESIGN.md 4 and 5).

Pure: the day, its zone and the journal's data are inputs; the output is a list of
occurrences, each with a unique key (rule, local date, slot), an aware due time, a
validity window and a reason (a code plus data; the CLI and UI turn it into words).

This is the entry point; each kind of reminder is planned in its own module:
check-ins, follow-ups and the morning diary in ``checkins``, melatonin in ``melatonin``,
doses in ``dose_reminders`` (their times from the pain model in ``pattern_doses``).
The inputs are in ``inputs``, the planned reminder in ``occurrence``.
"""

from __future__ import annotations

from datetime import date, tzinfo

from desktop.core.model import SubstanceKind
from desktop.core.planning.checkins import plan_checkins, plan_followups, plan_sleep_diary
from desktop.core.planning.day_times import instant
from desktop.core.planning.dose_reminders import decide_doses, plan_doses
from desktop.core.planning.inputs import JournalView, PlanConfig
from desktop.core.planning.melatonin import plan_melatonin
from desktop.core.planning.occurrence import Occurrence
from desktop.core.planning.pattern_doses import ProfileCache
from desktop.core.reasons import Reason


def dose_rules(
    config: PlanConfig, journal: JournalView, day: date, zone: tzinfo, cache: ProfileCache | None = None
) -> list[Reason]:
    """One summary per dose-reminded substance: what the dose rule does on ``day`` and
    why, also (above all) when it plans nothing."""
    return [
        decide_doses(config, journal, substance, day, zone, cache)[0].summary
        for _, substance in journal.substances
        if substance.kind is SubstanceKind.KRATOM and substance.active
    ]


def plan_day(
    config: PlanConfig,
    journal: JournalView,
    day: date,
    zone: tzinfo,
    cache: ProfileCache | None = None,
) -> list[Occurrence]:
    """Every reminder of local ``day`` in ``zone``, sorted by due time. ``cache`` (a
    dict kept by the caller) saves recomputing unchanged pain profiles."""
    occurrences = [
        *plan_sleep_diary(config, day, zone),
        *plan_checkins(config, day, zone),
        *plan_doses(config, journal, day, zone, cache),
        *plan_followups(config, journal, day, zone),
        *plan_melatonin(config, journal, day, zone),
    ]
    # By instant: datetimes sharing a ZoneInfo compare by wall clock, so 01:30 EST would
    # sort before 01:30 EDT in the repeated hour of a fall-back.
    return sorted(occurrences, key=lambda o: (instant(o.due), o.key))
