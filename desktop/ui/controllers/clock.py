"""The time zone in force (the journal's setting, else the system's) and today's date in it."""

from __future__ import annotations

from datetime import UTC, date, datetime, tzinfo
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from desktop.storage.journal import Journal


class JournalClock:
    """Reads the zone setting each time, so a change in Settings applies at once."""

    def __init__(self, journal: Journal) -> None:
        self._journal = journal

    def _configured_zone(self) -> str:
        from desktop.core.settings import effective_settings

        return str(effective_settings(self._journal.stored_settings())["timezone"])

    def zone(self) -> tzinfo:
        from desktop.system.zone import zone

        return zone(self._configured_zone())

    def zone_name(self) -> str:
        from desktop.system.zone import zone_name

        return zone_name(self._configured_zone()) or "local"

    def today(self) -> date:
        return datetime.now(UTC).astimezone(self.zone()).date()
