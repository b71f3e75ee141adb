"""Start Ebb at login: one small interface, one implementation per platform
(a module each: xdg, windows, mac; what they share in base).

The settings window shows a single "Start Ebb when I log in" toggle (DESIGN.md section
9); behind it sits an :class:`Autostart` chosen by :func:`autostart_for`:

* Linux and the BSDs: an XDG autostart entry, ``$XDG_CONFIG_HOME/autostart/ebb.desktop``
  (freedesktop Desktop Application Autostart spec,
  https://specifications.freedesktop.org/autostart-spec/latest/);
* Windows: the value "Ebb" under ``HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Run``;
* macOS: a per-user launchd agent, ``~/Library/LaunchAgents/org.ebb.app.plist``.

Each one only writes or removes its own entry; nothing here starts or stops a process.
The change takes effect at the next login. Plain Python: no Qt, so the command line and
the tests can use it without a display.
"""

from __future__ import annotations

import sys
from pathlib import Path

from desktop.system.autostart.base import (
    APP_NAME,
    RUN_ARGS,
    Autostart,
    ForeignAutostartEntry,
    UnsupportedPlatform,
    default_command,
    default_config_home,
)
from desktop.system.autostart.mac import LAUNCH_AGENT_LABEL, MacLaunchAgent
from desktop.system.autostart.windows import RUN_KEY, CurrentUserRegistry, Registry, WindowsRunKey
from desktop.system.autostart.xdg import (
    COMMENT,
    DESKTOP_FILE_NAME,
    OWNER_KEY,
    XdgAutostart,
    desktop_entry,
)
from desktop.system.desktop_entry import exec_quote, exec_value

__all__ = [
    "APP_NAME",
    "COMMENT",
    "DESKTOP_FILE_NAME",
    "LAUNCH_AGENT_LABEL",
    "OWNER_KEY",
    "RUN_ARGS",
    "RUN_KEY",
    "Autostart",
    "CurrentUserRegistry",
    "ForeignAutostartEntry",
    "MacLaunchAgent",
    "Registry",
    "UnsupportedPlatform",
    "WindowsRunKey",
    "XdgAutostart",
    "autostart_for",
    "default_command",
    "default_config_home",
    "desktop_entry",
    "exec_quote",
    "exec_value",
]


def autostart_for(
    platform: str = sys.platform,
    *,
    command: list[str] | None = None,
    home: Path | None = None,
    config_home: Path | None = None,
    registry: Registry | None = None,
) -> Autostart:
    """The :class:`Autostart` for ``platform`` (a ``sys.platform`` value).

    ``command`` defaults to :func:`default_command`; ``home`` to ``Path.home()``;
    ``config_home`` (Linux/BSD) to :func:`default_config_home` of ``home``; ``registry``
    (Windows) to :class:`CurrentUserRegistry`. Raises :class:`UnsupportedPlatform` for
    anything else, so the settings window can hide the toggle.
    """
    command = list(command) if command is not None else default_command()
    if platform == "win32":
        return WindowsRunKey(registry, command)
    if platform == "darwin":
        return MacLaunchAgent(home, command)
    if platform.startswith(("linux", "freebsd", "openbsd", "netbsd", "dragonfly")):
        return XdgAutostart(config_home if config_home is not None else default_config_home(home), command)
    raise UnsupportedPlatform(platform)
