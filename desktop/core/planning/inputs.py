"""What the planner reads: the user's planning settings and the journal's data.

Values only, so storage can fill them (desktop/storage/planning.py) and the command line,
the service and the windows can hand the same inputs to the planner without loading it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from desktop.core.model import Substance
from desktop.core.planning.pattern import PainReading
from desktop.core.times import parse_clock

# What the planner reads before the day: the pattern window, 14 diary nights and 14 days
# of dose use (the "never add doses" cap), and a day of doses for follow-ups.
EXTRA_LOOKBACK = timedelta(days=16)


@dataclass(frozen=True)
class LoggedDose:
    """A dose already in the journal, as the planner reads it."""

    uid: str
    substance: str
    at: datetime
    pain_before: int | None = None


@dataclass(frozen=True)
class JournalView:
    """What the planner reads from the journal (active substances only)."""

    substances: Sequence[tuple[str, Substance]] = ()
    pains: Sequence[PainReading] = ()
    doses: Sequence[LoggedDose] = ()
    sleep_onsets: Sequence[tuple[date, datetime]] = ()  # (night, tried to sleep)


@dataclass(frozen=True)
class PlanConfig:
    """The settings that shape a day's plan (the user's times and timing mode)."""

    wake: time = time(7, 0)
    bed: time = time(23, 0)
    wake_weekend: time = time(8, 30)
    bed_weekend: time = time(23, 30)
    bedtime_mode: str = "fixed"
    melatonin_lead_min: int = 60
    checkin_times: tuple[time, ...] = (time(9), time(14), time(20))
    followups_min: tuple[int, ...] = (60, 120)
    dose_timing: str = "fixed"
    dose_times: tuple[time, ...] = ()
    pain_threshold: float = 4.0
    pattern_window_days: int = 28
    no_dose_before_bed_h: float = 0.0
    dose_reminders_per_day: int | None = None  # None: follow recent use

    @classmethod
    def from_settings(cls, settings: Mapping[str, str]) -> PlanConfig:
        """From effective (validated, normalised) settings."""

        def clocks(key: str) -> tuple[time, ...]:
            return tuple(parse_clock(key, v) for v in settings[key].split(",") if v)

        return cls(
            wake=parse_clock("wake_time", settings["wake_time"]),
            bed=parse_clock("bedtime", settings["bedtime"]),
            wake_weekend=parse_clock("wake_time_weekend", settings["wake_time_weekend"]),
            bed_weekend=parse_clock("bedtime_weekend", settings["bedtime_weekend"]),
            bedtime_mode=settings["bedtime_mode"],
            melatonin_lead_min=int(settings["melatonin_lead_min"]),
            checkin_times=clocks("checkin_times"),
            followups_min=tuple(int(v) for v in settings["followups_min"].split(",") if v),
            dose_timing=settings["dose_timing"],
            dose_times=clocks("dose_times"),
            pain_threshold=float(settings["pain_threshold"]),
            pattern_window_days=int(settings["pattern_window_days"]),
            no_dose_before_bed_h=float(settings["no_dose_before_bed_h"]),
            dose_reminders_per_day=int(settings["dose_reminders_per_day"])
            if settings["dose_reminders_per_day"]
            else None,
        )

    def lookback_start(self, day_start: datetime) -> datetime:
        """The earliest moment the plan of the day starting at ``day_start`` reads: one
        look-back for the CLI, the service and the windows alike."""
        return day_start - timedelta(days=self.pattern_window_days) - EXTRA_LOOKBACK
