"""The pieces of a private desktop the end-to-end tests and benchmarks start: an X
server on a free display and a D-Bus session bus, each the caller's to stop; and the
next minute on the wall clock, for a reminder a real running Ebb delivers."""

from __future__ import annotations

import os
import subprocess
from datetime import UTC, datetime, timedelta


def start_xvfb() -> tuple[subprocess.Popen[str], str]:
    """Xvfb on the first free display (it says which through -displayfd): the process
    and the display (":N")."""
    read_fd, write_fd = os.pipe()
    xvfb = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write_fd), "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
        pass_fds=(write_fd,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    os.close(write_fd)
    with os.fdopen(read_fd) as reader:
        return xvfb, ":" + reader.readline().strip()


def start_session_bus() -> tuple[subprocess.Popen[str], str]:
    """A private D-Bus session bus: the process (close its stdout when done) and the
    address for DBUS_SESSION_BUS_ADDRESS."""
    bus = subprocess.Popen(
        ["dbus-daemon", "--session", "--nofork", "--print-address"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    assert bus.stdout is not None
    return bus, bus.stdout.readline().strip()


def next_minute(at_least: float = 20) -> str:
    """A wall-clock minute at least ``at_least`` seconds away (HH:MM, UTC)."""
    now = datetime.now(UTC)
    candidate = (now + timedelta(minutes=1)).replace(second=0, microsecond=0)
    if (candidate - now).total_seconds() < at_least:
        candidate += timedelta(minutes=1)
    return f"{candidate:%H:%M}"
