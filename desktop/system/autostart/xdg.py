"""Linux and the BSDs: an XDG autostart entry, ``$XDG_CONFIG_HOME/autostart/ebb.desktop``
(freedesktop Desktop Application Autostart spec,
https://specifications.freedesktop.org/autostart-spec/latest/)."""

from __future__ import annotations

from pathlib import Path

from desktop.system.autostart.base import (
    APP_NAME,
    ForeignAutostartEntry,
    default_command,
    default_config_home,
    write_atomically,
)
from desktop.system.desktop_entry import exec_value, read_desktop_entry

DESKTOP_FILE_NAME = "ebb.desktop"
# Our own key (the Desktop Entry spec reserves "X-" keys for extensions). It is how we
# tell the entry we wrote from one the user or another tool put there under the same
# name, which we must not overwrite or delete.
OWNER_KEY = "X-Ebb-Autostart"
# Written where other users might read it, so it names no substance (discreet mode).
COMMENT = "Start Ebb in the tray when you log in"


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
        entry = read_desktop_entry(self.path)
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
