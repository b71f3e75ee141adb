"""Pausing the reminders (for a while, or until tomorrow's wake time) and resuming them."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from desktop.scheduling.service import ReminderService
    from desktop.storage.journal import Journal
    from desktop.ui.controllers.clock import JournalClock


@dataclass(eq=False)
class PauseController:
    journal: Journal
    service: ReminderService
    clock: JournalClock
    refresh_views: Callable[[], None]

    def pause(self, until: datetime) -> None:
        self.service.pause(until)
        self.refresh_views()

    def pause_for(self, minutes: int) -> None:
        self.pause(datetime.now(UTC) + timedelta(minutes=minutes))

    def pause_until_tomorrow(self) -> None:
        """Until tomorrow's wake time (the sleep settings), in the zone in force."""
        from desktop.core.planning.day_times import wake_time
        from desktop.core.planning.inputs import PlanConfig
        from desktop.core.settings import effective_settings
        from desktop.core.times import localize

        zone = self.clock.zone()
        tomorrow = datetime.now(UTC).astimezone(zone).date() + timedelta(days=1)
        config = PlanConfig.from_settings(effective_settings(self.journal.stored_settings()))
        self.pause(localize(datetime.combine(tomorrow, wake_time(config, tomorrow)), zone))

    def resume(self) -> None:
        self.service.resume()
        self.refresh_views()
