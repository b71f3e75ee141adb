"""What the tray shows: the next reminder, a pause, how many reminders wait (no Qt; the
tray in desktop/ui/shell/tray.py puts it in words)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, tzinfo
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from desktop.storage.reminders import Reminders

# Kinds whose reminder names its substance (outside discreet mode).
_NAMED_KINDS = ("dose", "melatonin")


@dataclass(frozen=True)
class NextReminder:
    at: datetime  # in the user's zone
    kind: str  # planner ReminderKind value
    substance: str | None  # None in discreet mode, and for check-ins and diaries


@dataclass(frozen=True)
class TrayStatus:
    next_reminder: NextReminder | None
    paused_until: datetime | None
    due: int  # reminders delivered and not yet answered
    starting: bool = False  # the journal is still opening: nothing to log into yet


STARTING = TrayStatus(None, None, 0, starting=True)


def tray_status(reminders: Reminders, now: datetime, zone: tzinfo, *, discreet: bool) -> TrayStatus:
    paused = reminders.paused_until()
    pending = [o for o in reminders.pending() if o.fire_at >= now]
    today = now.astimezone(zone).date().isoformat()
    due = sum(1 for o in reminders.on_dates([today]) if o.state == "due")
    following = None
    if pending:
        first = pending[0]
        named = first.substance if first.kind in _NAMED_KINDS and not discreet else None
        following = NextReminder(first.fire_at.astimezone(zone), first.kind, named)
    return TrayStatus(following, paused if paused is not None and paused > now else None, due)
