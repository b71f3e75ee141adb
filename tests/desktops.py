"""The pieces of a private desktop the end-to-end tests and benchmarks start: an X
server on a free display and a D-Bus session bus, each the caller's to stop."""

from __future__ import annotations

import os
import subprocess


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
