"""The time zone in force: the ``timezone`` setting, else the system's IANA zone as
tzlocal reads it (``TZ`` honoured), else the fixed offset the system reports."""

from __future__ import annotations

import time
from datetime import datetime, tzinfo

from desktop.core.errors import ValidationError
from desktop.core.times import zone_from_name


def zone_name(configured: str) -> str | None:
    """The IANA name in force, or None when the system has none we can read."""
    if configured:
        return configured
    return system_zone_name()


# tzlocal keeps its first answer, and the system's zone can change while Ebb runs (a
# trip, timedatectl). Asking it to look again costs a scan of the system's files (and on
# some systems a warning each time), while the zone is read many times a minute: it
# looks again at most this often, which the once-a-minute clock watch needs.
RELOAD_AFTER_S = 30.0
_last_reload = [float("-inf")]


def system_zone_name(*, fresh: bool = False) -> str | None:
    """The system's IANA zone name, or None when it has none tzlocal can read; read
    anew when ``fresh`` or when the last reading is :data:`RELOAD_AFTER_S` old."""
    from tzlocal import get_localzone_name, reload_localzone

    try:
        if fresh or time.monotonic() - _last_reload[0] >= RELOAD_AFTER_S:
            _last_reload[0] = time.monotonic()
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
