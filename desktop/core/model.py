"""The journal's entries as immutable values.

These dataclasses hold already-validated data; build them through
:mod:`desktop.core.validation`, which turns raw input into them or raises
:class:`~desktop.core.errors.ValidationError`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from enum import StrEnum


class SubstanceKind(StrEnum):
    MELATONIN = "melatonin"
    KRATOM = "kratom"
    OTHER = "other"


class EntryKind(StrEnum):
    DOSE = "dose"
    PAIN = "pain"
    SLEEP = "sleep"
    EFFECT = "effect"
    NOTE = "note"


class DoseSource(StrEnum):
    MANUAL = "manual"
    REMINDER = "reminder"
    IMPORT = "import"


class PainSource(StrEnum):
    SCHEDULED = "scheduled"
    FOLLOW_UP = "follow-up"
    MANUAL = "manual"
    WITH_DOSE = "with-dose"


UNITS: tuple[str, ...] = ("mg", "g", "mcg", "capsule", "tablet", "ml", "drop", "tsp", "tbsp")

# Suggested names only; free text is allowed too.
SUGGESTED_SIDE_EFFECTS: tuple[str, ...] = (
    "nausea",
    "stomach upset",
    "constipation",
    "drowsiness",
    "dizziness",
    "jitteriness",
    "restlessness",
    "headache",
    "itching",
    "low mood",
)

SEVERITY_WORDS: tuple[str, ...] = ("none", "mild", "moderate", "severe")


@dataclass(frozen=True)
class Limits:
    """The user's own limits for one substance. ``None`` means "no limit set"."""

    min_interval: timedelta | None = None
    max_doses_per_24h: int | None = None
    max_amount_per_24h: float | None = None

    @property
    def any(self) -> bool:
        return any(
            v is not None for v in (self.min_interval, self.max_doses_per_24h, self.max_amount_per_24h)
        )


@dataclass(frozen=True)
class Substance:
    """A substance the user takes, with their own usual amount and limits (never Ebb's)."""

    name: str
    kind: SubstanceKind
    unit: str
    usual_amount: float | None = None
    limits: Limits = field(default_factory=Limits)
    onset_min: int | None = None
    duration_h: float | None = None
    alias: str | None = None
    active: bool = True


@dataclass(frozen=True)
class Dose:
    """One dose as logged; ``warnings`` names the user's limits it went beyond."""

    substance: str
    amount: float
    unit: str
    at: datetime
    form: str | None = None
    product: str | None = None
    batch: str | None = None
    pain_before: int | None = None
    note: str = ""
    source: DoseSource = DoseSource.MANUAL
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True)
class PainCheckin:
    """A pain score on the 0-10 scale, with where and how it hurts."""

    score: int
    at: datetime
    locations: tuple[str, ...] = ()
    qualities: tuple[str, ...] = ()
    note: str = ""
    source: PainSource = PainSource.MANUAL


@dataclass(frozen=True)
class SleepEntry:
    """One night of the Consensus Sleep Diary (Carney et al., SLEEP 2012).

    ``night`` is the date of the evening the night began.
    """

    night: date
    in_bed: datetime
    tried_sleep: datetime
    sol_min: int
    awakenings: int
    waso_min: int
    final_wake: datetime
    out_of_bed: datetime
    quality: int
    note: str = ""

    @property
    def time_in_bed_min(self) -> float:
        """TIB = out of bed - into bed."""
        return minutes_between(self.in_bed, self.out_of_bed)

    @property
    def total_sleep_min(self) -> float:
        """TST = (final awakening - tried to sleep) - SOL - WASO."""
        span = minutes_between(self.tried_sleep, self.final_wake)
        return span - self.sol_min - self.waso_min

    @property
    def sleep_efficiency(self) -> float:
        """SE = TST / TIB x 100 (percent)."""
        tib = self.time_in_bed_min
        return 0.0 if tib <= 0 else self.total_sleep_min / tib * 100


def minutes_between(start: datetime, end: datetime) -> float:
    """Real minutes from ``start`` to ``end``, also across a DST change.

    Subtracting two datetimes that share a tzinfo (one ZoneInfo) ignores their UTC
    offsets, so a night when the clocks change would be an hour off; go through UTC.
    """
    return (end.astimezone(UTC) - start.astimezone(UTC)).total_seconds() / 60


@dataclass(frozen=True)
class SideEffect:
    """A side effect and its severity, 0 (none) to 3 (severe)."""

    name: str
    severity: int
    at: datetime
    note: str = ""


@dataclass(frozen=True)
class Note:
    """A free-text note with optional tags."""

    text: str
    at: datetime
    tags: tuple[str, ...] = ()
