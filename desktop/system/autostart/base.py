"""What every platform's autostart shares: the interface, the two errors, the command
to start at login and a private, atomic file write."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path
from typing import Protocol

from desktop.system.files import write_private_bytes

APP_NAME = "Ebb"
RUN_ARGS = ("run", "--minimized")

# The entries are written 0600 (desktop.system.files): only the user's own session
# reads them, and the name of a pain-and-substance journal in someone's login items is
# itself private. launchd accepts 0600 (it refuses agents writable by group or others,
# not unreadable ones).


class Autostart(Protocol):
    """Whether Ebb starts at login, and the switch for it."""

    def is_enabled(self) -> bool:
        """True when Ebb's own entry is in place and not switched off."""
        ...

    def enable(self) -> None:
        """Put Ebb's entry in place (again); idempotent."""
        ...

    def disable(self) -> None:
        """Remove Ebb's entry; nothing happens when there is none."""
        ...

    def describe(self) -> str:
        """Where the entry lives, for the settings window."""
        ...


class ForeignAutostartEntry(Exception):
    """An autostart entry with Ebb's name exists but Ebb did not write it.

    Ebb leaves it alone rather than overwrite or delete what someone else made.
    """

    def __init__(self, location: str) -> None:
        super().__init__(
            f"{location} was not written by Ebb, so Ebb left it alone; "
            "remove or rename it yourself, then switch autostart on or off again"
        )
        self.location = location


class UnsupportedPlatform(ValueError):
    """No autostart mechanism is known for this ``sys.platform`` value."""

    def __init__(self, platform: str) -> None:
        super().__init__(
            f"autostart is not supported on platform {platform!r}; "
            "supported: linux and the BSDs, win32, darwin"
        )
        self.platform = platform


def default_command(data_dir: Path | None = None, run_args: tuple[str, ...] = RUN_ARGS) -> list[str]:
    """The ``ebb run --minimized`` invocation to start at login.

    The absolute path of the ``ebb`` console script when it is on PATH, else
    ``python -m desktop`` with this interpreter. Absolute, because the login session's
    PATH is often shorter than a terminal's. ``data_dir``: a data folder other than the
    default, passed on with ``--data-dir`` (the desktop knows nothing of $EBB_DATA_DIR).
    """
    found = shutil.which("ebb")
    program = [os.path.abspath(found)] if found else [sys.executable, "-m", "desktop"]
    folder = [] if data_dir is None else ["--data-dir", str(data_dir)]
    return [*program, *folder, *run_args]


def default_config_home(home: Path | None = None) -> Path:
    """``$XDG_CONFIG_HOME``, else ``~/.config`` (XDG Base Directory spec).

    The spec says a relative ``$XDG_CONFIG_HOME`` is invalid and must be ignored.
    """
    value = os.environ.get("XDG_CONFIG_HOME", "")
    if value and os.path.isabs(value):
        return Path(value)
    return (home if home is not None else Path.home()) / ".config"


def write_atomically(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` (0600) so that a crash leaves the old file or the new
    one; the folder is created when missing but, being the desktop's own, keeps its mode."""
    path.parent.mkdir(parents=True, exist_ok=True)
    write_private_bytes(path, data)
