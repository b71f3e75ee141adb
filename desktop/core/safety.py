"""Checking a proposed dose against the user's own limits.

Ebb never proposes an amount. These checks only compare what the user is about to
log (or what a reminder would prompt) with the limits the user set, and return
reason codes that the UI and the command line turn into words.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from enum import StrEnum

from desktop.core.model import Limits

DAY = timedelta(hours=24)


class LimitReason(StrEnum):
    MIN_INTERVAL = "min_interval"
    MAX_DOSES_24H = "max_doses_24h"
    MAX_AMOUNT_24H = "max_amount_24h"


@dataclass(frozen=True)
class PastDose:
    """A dose already taken, for the limit checks."""

    at: datetime
    amount: float


@dataclass(frozen=True)
class Verdict:
    """The outcome of a limit check. ``reasons`` is empty when the dose is within limits.

    ``next_ok_at`` is the earliest time at or after the proposed time at which the
    same amount would break no limit (None if no such time exists, e.g. the amount
    alone is above the 24-hour cap). ``used_count``/``used_amount`` are the doses
    and amount already in the 24 hours up to the proposed time.
    """

    reasons: tuple[LimitReason, ...]
    next_ok_at: datetime | None
    used_count: int
    used_amount: float

    @property
    def ok(self) -> bool:
        return not self.reasons


def _violations(
    limits: Limits, history: Sequence[PastDose], at: datetime, amount: float
) -> tuple[LimitReason, ...]:
    reasons: list[LimitReason] = []
    if limits.min_interval is not None and any(abs(d.at - at) < limits.min_interval for d in history):
        reasons.append(LimitReason.MIN_INTERVAL)
    if limits.max_doses_per_24h is not None or limits.max_amount_per_24h is not None:
        # Every rolling 24-hour window that contains the new dose: it is enough to
        # try windows that start at the new dose or at an earlier dose within 24 h.
        starts = [at] + [d.at for d in history if at - DAY < d.at <= at]
        count_bad = amount_bad = False
        for start in starts:
            inside = [d for d in history if start <= d.at < start + DAY]
            if limits.max_doses_per_24h is not None and len(inside) + 1 > limits.max_doses_per_24h:
                count_bad = True
            total = sum(d.amount for d in inside) + amount
            # A small tolerance so that 3 x 0.1 g against a 0.3 g cap is within it.
            if limits.max_amount_per_24h is not None and total > limits.max_amount_per_24h * (1 + 1e-9):
                amount_bad = True
        if count_bad:
            reasons.append(LimitReason.MAX_DOSES_24H)
        if amount_bad:
            reasons.append(LimitReason.MAX_AMOUNT_24H)
    return tuple(reasons)


def _in_utc(history: Sequence[PastDose]) -> list[PastDose]:
    # Intervals and rolling 24 hours are real time. Datetimes sharing one ZoneInfo
    # subtract and compare by wall clock (an hour off across a DST change); UTC does not.
    return [PastDose(d.at.astimezone(UTC), d.amount) for d in history]


def check_dose(limits: Limits, history: Sequence[PastDose], at: datetime, amount: float) -> Verdict:
    """Check a dose of ``amount`` at ``at`` against ``limits`` given earlier doses."""
    proposed = at
    at, history = at.astimezone(UTC), _in_utc(history)
    reasons = _violations(limits, history, at, amount)
    recent = [d for d in history if at - DAY < d.at <= at]
    return Verdict(
        reasons=reasons,
        next_ok_at=proposed if not reasons else next_allowed_time(limits, history, proposed, amount),
        used_count=len(recent),
        used_amount=sum(d.amount for d in recent),
    )


def probe_amount(usual_amount: float | None, limits: Limits) -> float:
    """The amount a limit check assumes when no amount was typed (a reminder, the Today
    view): the user's usual amount, else an amount too small to matter (never a
    suggestion) yet above check_dose's tolerance (cap x 1e-9), so that a 24-hour cap
    already used up still counts as used up."""
    if usual_amount is not None:
        return usual_amount
    cap = limits.max_amount_per_24h
    return 1e-6 * cap if cap else 1e-6


def next_allowed_time(
    limits: Limits, history: Sequence[PastDose], after: datetime, amount: float
) -> datetime | None:
    """The earliest time >= ``after`` at which this dose would break no limit."""
    if limits.max_amount_per_24h is not None and amount > limits.max_amount_per_24h * (1 + 1e-9):
        return None
    zone, after, history = after.tzinfo, after.astimezone(UTC), _in_utc(history)
    candidates = {after}
    for dose in history:
        if limits.min_interval is not None:
            candidates.add(dose.at + limits.min_interval)
        candidates.add(dose.at + DAY)
    for candidate in sorted(c for c in candidates if c >= after):
        if not _violations(limits, history, candidate, amount):
            return candidate.astimezone(zone)
    return None
