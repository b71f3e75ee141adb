"""What the planner reads for a day: the settings in force and the journal from the one
look-back (:meth:`~desktop.core.planning.inputs.PlanConfig.lookback_start`). The command line,
the reminder service, the Today view and the settings preview all plan from this, so a
plan printed by ``ebb plan`` is the plan the running app schedules.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, time, tzinfo

from desktop.core.planning.inputs import JournalView, PlanConfig
from desktop.core.settings import effective_settings
from desktop.core.times import localize
from desktop.storage.journal import Journal


@dataclass(frozen=True)
class PlanInputs:
    """The settings and the journal view for planning ``first_day`` (and the days after
    it: the view reaches back from the first one, so it covers them too)."""

    config: PlanConfig
    view: JournalView
    first_day: date
    zone: tzinfo


def plan_inputs(
    journal: Journal, first_day: date, zone: tzinfo, *, pending: Mapping[str, str] | None = None
) -> PlanInputs:
    """``pending``: settings not saved yet, over the stored ones (the settings preview)."""
    config = PlanConfig.from_settings(effective_settings({**journal.stored_settings(), **(pending or {})}))
    start = localize(datetime.combine(first_day, time()), zone)
    return PlanInputs(config, journal.planner_view(config.lookback_start(start)), first_day, zone)
