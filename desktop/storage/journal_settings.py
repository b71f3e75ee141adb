"""The settings the user has set, stored as text by key. What each means, how it is
checked and its default are in :mod:`desktop.core.settings`."""

from __future__ import annotations

from desktop.storage.store import Store
from desktop.storage.transactions import write_transaction


class JournalSettings(Store):
    """The ``settings`` table."""

    def stored_settings(self) -> dict[str, str]:
        """Settings the user has set (defaults are applied by core.settings)."""
        return {row["key"]: row["value"] for row in self.db.table("settings").rows_where(select="key, value")}

    def set_setting(self, key: str, value: str) -> None:
        with write_transaction(self.db):
            self.db.table("settings").upsert(
                {"key": key, "value": value, "updated_utc": self._now_text()}, pk="key"
            )
