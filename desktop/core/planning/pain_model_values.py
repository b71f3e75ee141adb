"""What the pain model (:mod:`desktop.core.planning.pain_model`) takes and gives, as plain
values: the doses it reads, the untreated baseline and each substance's relief curve,
and the model's settings that others show (its half-life, the doses it needs).

Free of numpy, so the planner, the insights, their words and the report import these
plainly; only the fit itself (``pain_model`` and the modules it imports) loads numpy, and
only when it runs. The relief curve's grid is here because :meth:`ReliefCurve.change_at`
reads it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime

from desktop.core.planning.pattern import Split, Sufficiency

RELIEF_STEP_MIN = 30
RELIEF_SPAN_MIN = 480
KNOTS = RELIEF_SPAN_MIN // RELIEF_STEP_MIN  # free points at 30 … 480 (0 is fixed at 0)
# A reading's weight halves every HALF_LIFE_DAYS: recent weeks count most.
HALF_LIFE_DAYS = 14.0
# The fewest doses of a substance that can teach its relief curve.
MIN_RELIEF_DOSES = 10


@dataclass(frozen=True)
class ModelDose:
    """A logged dose of a pain-relief substance, as the model reads it."""

    at: datetime  # aware, in the offset the user lived
    substance: str
    pain_before: int | None = None


@dataclass(frozen=True)
class BaselinePoint:
    """The estimated untreated pain over one half hour (``None`` where no data are near)."""

    start_min: int
    pain: float | None
    low: float | None
    high: float | None

    @property
    def start(self) -> str:
        return f"{self.start_min // 60:02d}:{self.start_min % 60:02d}"


@dataclass(frozen=True)
class CurvePoint:
    """The estimated change in pain ``after_min`` minutes after a dose (negative = relief)."""

    after_min: int
    change: float | None
    low: float | None
    high: float | None


@dataclass(frozen=True)
class ReliefCurve:
    """What the journal shows about one substance's doses, or why it cannot tell yet.

    ``reason`` is a code: ``learned``, ``few_doses``, ``few_readings``, ``same_times``
    (doses always at the same times of day) or ``too_uncertain``; ``needed`` says how
    many more doses or readings would do."""

    substance: str
    enough_data: bool
    reason: str
    n_doses: int
    n_readings: int
    contrast: float
    curve: tuple[CurvePoint, ...]
    onset_min: int | None = None
    peak_min: int | None = None
    peak_change: float | None = None
    peak_low: float | None = None
    peak_high: float | None = None
    duration_min: int | None = None
    needed: Mapping[str, int] = field(default_factory=dict)

    def change_at(self, minutes: float) -> float:
        """The estimated change ``minutes`` after a dose (0 outside 0-480 or if unknown)."""
        if not self.enough_data or not 0 < minutes < RELIEF_SPAN_MIN + RELIEF_STEP_MIN:
            return 0.0
        values = [0.0 if p.change is None else p.change for p in self.curve] + [0.0]
        index = int(minutes // RELIEF_STEP_MIN)
        share = (minutes - index * RELIEF_STEP_MIN) / RELIEF_STEP_MIN
        if index >= len(values) - 1:
            return 0.0
        return values[index] * (1 - share) + values[index + 1] * share


@dataclass(frozen=True)
class PainModel:
    """The fitted model for one day: its untreated baseline and each substance's relief."""

    enough_data: bool
    sufficiency: Sufficiency
    split: Split
    baseline: tuple[BaselinePoint, ...]
    relief: tuple[ReliefCurve, ...]
    window_days: int
    first_day: date
    last_day: date

    def relief_for(self, substance: str) -> ReliefCurve | None:
        key = substance.casefold()
        return next((r for r in self.relief if r.substance.casefold() == key), None)


def rounded(value: float) -> float:
    """A model number as the values carry it: two decimals."""
    return round(float(value), 2)
