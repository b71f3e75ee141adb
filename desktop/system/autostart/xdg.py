"""Linux and the BSDs: an XDG autostart entry, ``$XDG_CONFIG_HOME/autostart/ebb.desktop``
(freedesktop Desktop Application Autostart spec,
https://specifications.freedesktop.org/autostart-spec/latest/)."""

from __future__ import annotations

import configparser
from pathlib import Path

from desktop.system.autostart.base import (
    APP_NAME,
    ForeignAutostartEntry,
    default_command,
    default_config_home,
    write_atomically,
)

DESKTOP_FILE_NAME = "ebb.desktop"
# Our own key (the Desktop Entry spec reserves "X-" keys for extensions). It is how we
# tell the entry we wrote from one the user or another tool put there under the same
# name, which we must not overwrite or delete.
OWNER_KEY = "X-Ebb-Autostart"
# Written where other users might read it, so it names no substance (discreet mode).
COMMENT = "Start Ebb in the tray when you log in"

# Desktop Entry spec, "The Exec key": an argument containing any of these must be
# quoted, https://specifications.freedesktop.org/desktop-entry-spec/latest/exec-variables.html
_EXEC_RESERVED = frozenset(" \t\n\"'\\><~|&;$*?#()`")
# ... and inside double quotes these four must be escaped with a backslash.
_EXEC_ESCAPED_IN_QUOTES = frozenset('"`$\\')


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
        write_atomically(self.path, desktop_entry(self.command).encode("utf-8"))

    def disable(self) -> None:
        """Delete our ``ebb.desktop``; nothing happens when there is none.

        Raises :class:`ForeignAutostartEntry` (and deletes nothing) when it is not ours.
        """
        if self._ours() is not None:
            self.path.unlink(missing_ok=True)

    def describe(self) -> str:
        """The path of the autostart file."""
        return str(self.path)
