"""Windows: the value "Ebb" under ``HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Run``."""

from __future__ import annotations

import subprocess
import sys
from typing import Protocol

from desktop.system.autostart.base import APP_NAME, default_command

RUN_KEY = r"Software\Microsoft\Windows\CurrentVersion\Run"


class Registry(Protocol):
    """The few registry operations the Run key needs, on HKEY_CURRENT_USER."""

    def set_value(self, path: str, name: str, value: str) -> None:
        """Create or replace the string value ``name`` under key ``path``."""
        ...

    def delete_value(self, path: str, name: str) -> None:
        """Delete the value; nothing happens when it is missing."""
        ...

    def get_value(self, path: str, name: str) -> str | None:
        """The string value, or None when it is missing."""
        ...


class CurrentUserRegistry:
    """:class:`Registry` on the real HKEY_CURRENT_USER through ``winreg``.

    ``winreg`` exists only on Windows, so it is imported inside each method: building
    one elsewhere (as :func:`autostart_for` does for "win32") is harmless.
    """

    def set_value(self, path: str, name: str, value: str) -> None:
        if sys.platform != "win32":
            raise OSError("the Windows registry exists only on Windows")
        import winreg

        with winreg.CreateKeyEx(winreg.HKEY_CURRENT_USER, path, 0, winreg.KEY_SET_VALUE) as key:
            winreg.SetValueEx(key, name, 0, winreg.REG_SZ, value)

    def delete_value(self, path: str, name: str) -> None:
        if sys.platform != "win32":
            raise OSError("the Windows registry exists only on Windows")
        import winreg

        try:
            with winreg.OpenKey(winreg.HKEY_CURRENT_USER, path, 0, winreg.KEY_SET_VALUE) as key:
                winreg.DeleteValue(key, name)
        except FileNotFoundError:
            pass

    def get_value(self, path: str, name: str) -> str | None:
        if sys.platform != "win32":
            raise OSError("the Windows registry exists only on Windows")
        import winreg

        try:
            with winreg.OpenKey(winreg.HKEY_CURRENT_USER, path) as key:
                value, kind = winreg.QueryValueEx(key, name)
        except FileNotFoundError:
            return None
        return value if kind in (winreg.REG_SZ, winreg.REG_EXPAND_SZ) and isinstance(value, str) else None


class WindowsRunKey:
    """The value "Ebb" under ``HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Run``.

    Windows runs each value there as a command line at login. Task Manager's "Startup
    apps" can switch an entry off without removing it (under ``...\\Explorer\\
    StartupApproved\\Run``); that switch is the user's and Ebb does not read or change it.
    """

    def __init__(self, registry: Registry | None = None, command: list[str] | None = None) -> None:
        """``registry`` defaults to :class:`CurrentUserRegistry`; ``command`` to
        :func:`default_command`."""
        self.registry: Registry = registry if registry is not None else CurrentUserRegistry()
        self.command = list(command) if command is not None else default_command()

    def command_line(self) -> str:
        """The value written: the command quoted by the Microsoft C runtime's rules,
        which is how the started program will split it back into arguments."""
        return subprocess.list2cmdline(self.command)

    def is_enabled(self) -> bool:
        """True when the "Ebb" value is present."""
        return self.registry.get_value(RUN_KEY, APP_NAME) is not None

    def enable(self) -> None:
        """Write (or rewrite) the "Ebb" value."""
        self.registry.set_value(RUN_KEY, APP_NAME, self.command_line())

    def disable(self) -> None:
        """Delete the "Ebb" value; nothing happens when there is none."""
        if self.is_enabled():
            self.registry.delete_value(RUN_KEY, APP_NAME)

    def describe(self) -> str:
        """The registry key and value name."""
        return f'HKEY_CURRENT_USER\\{RUN_KEY}, value "{APP_NAME}"'
