"""The time zone in force: the ``timezone`` setting, else the system's IANA zone as
tzlocal reads it (``TZ`` honoured), else the fixed offset the system reports."""

from __future__ import annotations

from datetime import datetime, tzinfo

from desktop.core.errors import ValidationError
from desktop.core.times import zone_from_name


def zone_name(configured: str) -> str | None:
    """The IANA name in force, or None when the system has none we can read."""
    if configured:
        return configured
    return system_zone_name()


def system_zone_name() -> str | None:
    """The system's IANA zone name, or None when it has none tzlocal can read."""
    from tzlocal import get_localzone_name, reload_localzone

    try:
        # tzlocal keeps its first answer; the system's zone can change while Ebb runs
        # (a trip, timedatectl), and the clock watch asks again to notice it.
        reload_localzone()
        return get_localzone_name()
    except Exception:  # tzlocal raises its own error types for broken set-ups
        return None


def zone(configured: str) -> tzinfo:
    """The zone in force as a tzinfo."""
    name = zone_name(configured)
    if name:
        try:
            return zone_from_name("timezone", name)
        except ValidationError:
            pass
    local = datetime.now().astimezone().tzinfo
    assert local is not None
    return local
