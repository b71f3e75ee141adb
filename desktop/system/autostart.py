"""Start Ebb at login: one small interface, one implementation per platform.

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

import configparser
import os
import plistlib
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Protocol
from xml.parsers.expat import ExpatError

APP_NAME = "Ebb"
DESKTOP_FILE_NAME = "ebb.desktop"
# Our own key (the Desktop Entry spec reserves "X-" keys for extensions). It is how we
# tell the entry we wrote from one the user or another tool put there under the same
# name, which we must not overwrite or delete.
OWNER_KEY = "X-Ebb-Autostart"
RUN_KEY = r"Software\Microsoft\Windows\CurrentVersion\Run"
LAUNCH_AGENT_LABEL = "org.ebb.app"
# Written where other users might read it, so it names no substance (discreet mode).
COMMENT = "Start Ebb in the tray when you log in"
RUN_ARGS = ("run", "--minimized")

# Only the user's own session reads these files; nobody else needs to, and the name
# of a pain-and-substance journal in someone's login items is itself private. launchd
# accepts 0600 (it refuses agents writable by group or others, not unreadable ones).
FILE_MODE = 0o600

# Desktop Entry spec, "The Exec key": an argument containing any of these must be
# quoted, https://specifications.freedesktop.org/desktop-entry-spec/latest/exec-variables.html
_EXEC_RESERVED = frozenset(" \t\n\"'\\><~|&;$*?#()`")
# ... and inside double quotes these four must be escaped with a backslash.
_EXEC_ESCAPED_IN_QUOTES = frozenset('"`$\\')


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


def default_command() -> list[str]:
    """The ``ebb run --minimized`` invocation to start at login.

    The absolute path of the ``ebb`` console script when it is on PATH, else
    ``python -m desktop`` with this interpreter. Absolute, because the login session's
    PATH is often shorter than a terminal's.
    """
    found = shutil.which("ebb")
    if found:
        return [os.path.abspath(found), *RUN_ARGS]
    return [sys.executable, "-m", "desktop", *RUN_ARGS]


def default_config_home(home: Path | None = None) -> Path:
    """``$XDG_CONFIG_HOME``, else ``~/.config`` (XDG Base Directory spec).

    The spec says a relative ``$XDG_CONFIG_HOME`` is invalid and must be ignored.
    """
    value = os.environ.get("XDG_CONFIG_HOME", "")
    if value and os.path.isabs(value):
        return Path(value)
    return (home if home is not None else Path.home()) / ".config"


def _write_atomically(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` so that a crash leaves the old file or the new one.

    The temporary file sits in the same folder so that ``os.replace`` is a rename on one
    file system; ``mkstemp`` creates it with mode 0600 already.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tmp, FILE_MODE)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


# --- Linux and the BSDs: XDG autostart ------------------------------------------------


def exec_quote(argument: str) -> str:
    """One argument quoted for a Desktop Entry ``Exec`` key, before string escaping.

    Desktop Entry spec, "The Exec key": an argument with a reserved character is put in
    double quotes, inside which ``"``, the backtick, ``$`` and ``\\`` get a backslash; a literal
    ``%`` is written ``%%`` (a single one would start a field code such as ``%f``).
    """
    if argument and not _EXEC_RESERVED.intersection(argument):
        quoted = argument
    else:
        quoted = '"' + "".join("\\" + c if c in _EXEC_ESCAPED_IN_QUOTES else c for c in argument) + '"'
    return quoted.replace("%", "%%")


def exec_value(command: list[str]) -> str:
    """The ``Exec=`` value for ``command``, as written in the file.

    After quoting, the value is a Desktop Entry *string*, whose own escapes are applied
    first when read; so each backslash is doubled once more. The spec spells this out:
    a literal backslash in a quoted argument takes four, ``\\\\\\\\``, and a literal
    ``$`` takes ``\\\\$``. (GLib rejects the un-doubled ``\\"`` as "a value that cannot
    be interpreted".)
    """
    if not command:
        raise ValueError("the autostart command is empty; give at least the program to run")
    for argument in command:
        if any(ord(c) < 0x20 or c == "\x7f" for c in argument):
            raise ValueError(
                f"the autostart command argument {argument!r} contains a control character; "
                "use a path and arguments without newlines or tabs"
            )
    if "=" in command[0]:
        # Desktop Entry spec: "the name or path of the executable program may not
        # contain the equal sign".
        raise ValueError(
            f"the autostart program {command[0]!r} contains '='; the Desktop Entry spec forbids it, "
            "install Ebb in a folder without '=' in its path"
        )
    return " ".join(exec_quote(a) for a in command).replace("\\", "\\\\")


def desktop_entry(command: list[str]) -> str:
    """The whole text of Ebb's ``ebb.desktop`` autostart file."""
    lines = [
        "[Desktop Entry]",
        "Type=Application",
        f"Name={APP_NAME}",
        f"Comment={COMMENT}",
        f"Exec={exec_value(command)}",
        "Icon=ebb",
        "Terminal=false",
        # GNOME's "Startup Applications" switches an entry off by setting this to false.
        "X-GNOME-Autostart-enabled=true",
        f"{OWNER_KEY}=true",
    ]
    return "\n".join(lines) + "\n"


def _read_desktop_entry(path: Path) -> dict[str, str] | None:
    """The ``[Desktop Entry]`` group of ``path``, or None when it cannot be parsed."""
    parser = configparser.ConfigParser(
        interpolation=None, strict=False, delimiters=("=",), comment_prefixes=("#",)
    )
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    try:
        parser.read_string(path.read_text(encoding="utf-8"), source=str(path))
    except (configparser.Error, UnicodeDecodeError):
        return None
    if not parser.has_section("Desktop Entry"):
        return None
    return dict(parser["Desktop Entry"])


class XdgAutostart:
    """An autostart entry under ``<config_home>/autostart`` (Linux, the BSDs).

    Freedesktop Desktop Application Autostart spec: a session starts every ``.desktop``
    file in ``$XDG_CONFIG_HOME/autostart`` at login, unless it has ``Hidden=true``
    (which means "as if the file were not there"). A file of the same name in a system
    folder of ``$XDG_CONFIG_DIRS/autostart`` is overridden by ours; Ebb installs none.
    """

    def __init__(self, config_home: Path | None = None, command: list[str] | None = None) -> None:
        """``config_home`` defaults to :func:`default_config_home`; ``command`` to
        :func:`default_command`."""
        base = config_home if config_home is not None else default_config_home()
        self.path = base / "autostart" / DESKTOP_FILE_NAME
        self.command = list(command) if command is not None else default_command()

    def _ours(self) -> dict[str, str] | None:
        """Our entry's keys; None when there is no file; raises when it is not ours."""
        if not self.path.exists():
            return None
        entry = _read_desktop_entry(self.path)
        if entry is None or entry.get(OWNER_KEY, "").strip() != "true":
            raise ForeignAutostartEntry(str(self.path))
        return entry

    def is_enabled(self) -> bool:
        """True when our file exists and neither ``Hidden=true`` nor GNOME's
        ``X-GNOME-Autostart-enabled=false`` switches it off."""
        try:
            entry = self._ours()
        except ForeignAutostartEntry:
            return False
        if entry is None:
            return False
        hidden = entry.get("Hidden", "").strip() == "true"
        gnome_off = entry.get("X-GNOME-Autostart-enabled", "").strip() == "false"
        return not (hidden or gnome_off)

    def enable(self) -> None:
        """Write ``ebb.desktop`` (atomically, mode 0600).

        Raises :class:`ForeignAutostartEntry` when a file of that name is not ours.
        """
        self._ours()
        _write_atomically(self.path, desktop_entry(self.command).encode("utf-8"))

    def disable(self) -> None:
        """Delete our ``ebb.desktop``; nothing happens when there is none.

        Raises :class:`ForeignAutostartEntry` (and deletes nothing) when it is not ours.
        """
        if self._ours() is not None:
            self.path.unlink(missing_ok=True)

    def describe(self) -> str:
        """The path of the autostart file."""
        return str(self.path)


# --- Windows: the Run key -------------------------------------------------------------


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


# --- macOS: a launchd agent -----------------------------------------------------------


class MacLaunchAgent:
    """A per-user launchd agent, ``~/Library/LaunchAgents/org.ebb.app.plist``.

    launchd loads every plist in that folder at login; ``RunAtLoad`` starts the program
    then, and ``ProcessType Interactive`` asks launchd not to throttle a program the user
    works with. The file is named after its reverse-DNS label, so a file of that name is
    taken to be ours. (``SMAppService``, the newer API, needs a signed app bundle.)
    """

    def __init__(self, home: Path | None = None, command: list[str] | None = None) -> None:
        """``home`` defaults to ``Path.home()``; ``command`` to :func:`default_command`."""
        base = home if home is not None else Path.home()
        self.path = base / "Library" / "LaunchAgents" / f"{LAUNCH_AGENT_LABEL}.plist"
        self.command = list(command) if command is not None else default_command()

    def agent(self) -> dict[str, object]:
        """The property list written."""
        return {
            "Label": LAUNCH_AGENT_LABEL,
            # An argument list, not a command line: launchd passes it to execve as is,
            # so no quoting is needed or wanted.
            "ProgramArguments": list(self.command),
            "RunAtLoad": True,
            "ProcessType": "Interactive",
        }

    def is_enabled(self) -> bool:
        """True when the plist exists, is readable and is not marked ``Disabled``."""
        try:
            with self.path.open("rb") as f:
                agent = plistlib.load(f)
        except FileNotFoundError:
            return False
        except (ValueError, ExpatError):  # not a property list (InvalidFileException is a ValueError)
            return False
        return isinstance(agent, dict) and agent.get("Disabled") is not True

    def enable(self) -> None:
        """Write the plist (atomically, mode 0600); launchd reads it at the next login."""
        _write_atomically(self.path, plistlib.dumps(self.agent(), fmt=plistlib.FMT_XML))

    def disable(self) -> None:
        """Delete the plist; nothing happens when there is none."""
        self.path.unlink(missing_ok=True)

    def describe(self) -> str:
        """The path of the plist."""
        return str(self.path)


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
