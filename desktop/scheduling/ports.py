"""The interfaces the scheduling layer needs from the shell: a timer and a notifier.

The Qt app implements them with one owned QTimer and desktop notifications; tests use
fakes. Nothing here imports Qt.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Protocol


class TimerHost(Protocol):
    """One single-shot timer. Arming it again replaces the previous deadline."""

    def arm(self, delay_seconds: float, callback: Callable[[], None]) -> None: ...

    def cancel(self) -> None: ...


@dataclass(frozen=True)
class Delivery:
    """What a notification shows. ``due`` is the occurrence's original time, even when
    it is delivered late (after a wake-up) or repeated."""

    key: str
    kind: str
    due: datetime
    valid_until: datetime
    substance: str | None  # None in discreet mode
    reason_code: str
    reason_data: Mapping[str, Any]
    repeat: int = 0


@dataclass(frozen=True)
class MissedItem:
    """A reminder that passed unseen (the app was not running or the machine slept)."""

    key: str
    kind: str
    due: datetime
    substance: str | None


class Notifier(Protocol):
    def deliver(self, delivery: Delivery) -> None: ...

    def withdraw(self, key: str) -> None: ...

    def summarise_missed(self, missed: Sequence[MissedItem]) -> None: ...
