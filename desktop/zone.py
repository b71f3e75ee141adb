"""The time zone in force: the ``timezone`` setting, else the system's IANA zone
(``TZ`` honoured), else the fixed offset the system reports.

The system's zone is read directly in the two common set-ups: ``TZ`` naming a zone, and
/etc/localtime linking into a zoneinfo folder (systemd, macOS). Anything else goes to
tzlocal, which knows the rarer ones (/etc/timezone alone, /etc/sysconfig/clock, Termux,
Windows). Reading directly is what tzlocal does for these two, minus two costs at every
start: importing tzlocal, and, for the link, looking up "usr/share/zoneinfo/…",
"share/zoneinfo/…" and "zoneinfo/…" as zone names before "Europe/Berlin". Each failed
lookup goes on to the tzdata package, and the first imports importlib.resources: about
4 ms of `ebb run` on a system without TZ.

Where the two differ: when /etc/localtime links to a zone but another file names a
different one, tzlocal gives up (or, for /etc/timezone, warns and follows the link). The
link is what systemd's timedatectl sets, so it is followed here.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from datetime import datetime, tzinfo

from desktop.core.errors import ValidationError
from desktop.core.times import zone_from_name

LOCALTIME = "/etc/localtime"


def zone_name(configured: str) -> str | None:
    """The IANA name in force, or None when the system has none we can read."""
    if configured:
        return configured
    return system_zone_name()


def system_zone_name(environ: Mapping[str, str] = os.environ, localtime: str = LOCALTIME) -> str | None:
    """The system's IANA zone name, or None when it has none we can read."""
    found = _named_zone(environ, localtime)
    if found:
        return found
    try:
        from tzlocal import get_localzone_name

        return get_localzone_name()
    except Exception:  # tzlocal raises its own error types for broken set-ups
        return None


def _named_zone(environ: Mapping[str, str], localtime: str) -> str | None:
    """The zone named by ``TZ`` or by the target of the ``localtime`` link, when that
    names a zone file on this system; None to leave the question to tzlocal."""
    tz = environ.get("TZ", "")
    if tz:  # an empty TZ is ignored, as tzlocal does
        # ":Europe/Berlin" is the POSIX way to name a zone file. A path or a POSIX rule
        # ("CET-1CEST,M3.5.0,M10.5.0/3") names no key: tzlocal decides those.
        key = tz.removeprefix(":")
        return key if _zone_file(key) else None
    if not os.path.islink(localtime):
        return None
    target = os.path.realpath(localtime)
    # As tzlocal: the longest trailing part of the target that names a zone, so
    # /usr/share/zoneinfo/Europe/Berlin gives Europe/Berlin.
    parts = target.split("/")
    for start in range(1, len(parts)):
        key = "/".join(parts[start:])
        if _zone_file(key):
            return key
    return None


def _zone_file(key: str) -> bool:
    """True when ``key`` is the name of a zone file under one of zoneinfo's folders."""
    from zoneinfo import TZPATH  # read at each call: zoneinfo.reset_tzpath() rebinds it

    if not key or key.startswith("/") or ".." in key.split("/"):
        return False
    for folder in TZPATH:
        try:
            with open(os.path.join(folder, key), "rb") as file:
                if file.read(4) == b"TZif":  # not zone.tab, iso3166.tab, leapseconds…
                    return True
        except OSError:  # missing, a folder, unreadable
            continue
    return False


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
