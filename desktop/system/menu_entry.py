"""Ebb in the desktop's application menu: ``$XDG_DATA_HOME/applications/ebb.desktop``
and its icon in the hicolor theme (freedesktop Desktop Entry and Icon Theme specs).

The file name is the app id Qt reports to Wayland compositors
(``QGuiApplication.setDesktopFileName("ebb")``), so docks and task switchers find the
entry's name and icon for Ebb's windows.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from desktop.system.autostart.base import default_command, write_atomically
from desktop.system.desktop_entry import exec_value, read_desktop_entry
from desktop.system.paths import resource

DESKTOP_FILE_NAME = "ebb.desktop"
ICON_NAME = "ebb"
# Our own key, as for autostart: a file of that name without it is someone else's.
OWNER_KEY = "X-Ebb-Menu-Entry"


class ForeignMenuEntry(Exception):
    """An application-menu entry named ebb.desktop exists that Ebb did not write."""

    def __init__(self, path: Path) -> None:
        super().__init__(f"{path} was not written by Ebb, so Ebb left it alone; remove or rename it yourself")
        self.path = path


def default_data_home() -> Path:
    """``$XDG_DATA_HOME``, else ``~/.local/share`` (platformdirs' user data folder, no
    application name)."""
    from platformdirs import user_data_path

    return user_data_path()


def menu_entry_text(command: list[str]) -> str:
    """The shipped entry (resources/linux/ebb.desktop) with an absolute ``Exec``."""
    lines = []
    for line in resource("linux", DESKTOP_FILE_NAME).read_text(encoding="utf-8").splitlines():
        lines.append(f"Exec={exec_value(command)}" if line.startswith("Exec=") else line)
    lines.append(f"{OWNER_KEY}=true")
    return "\n".join(lines) + "\n"


class MenuEntry:
    def __init__(self, data_home: Path | None = None, data_dir: Path | None = None) -> None:
        base = data_home if data_home is not None else default_data_home()
        self.path = base / "applications" / DESKTOP_FILE_NAME
        self.icon = base / "icons" / "hicolor" / "scalable" / "apps" / f"{ICON_NAME}.svg"
        self.command = default_command(data_dir, run_args=("run",))

    def _ours(self) -> bool:
        """True when our entry is there; raises when the file is someone else's."""
        if not self.path.exists():
            return False
        entry = read_desktop_entry(self.path)
        if entry is None or entry.get(OWNER_KEY, "").strip() != "true":
            raise ForeignMenuEntry(self.path)
        return True

    def is_installed(self) -> bool:
        try:
            return self._ours()
        except ForeignMenuEntry:
            return False

    def install(self) -> None:
        """Write the entry and the icon (again); raises ForeignMenuEntry for a file of
        that name that is not ours."""
        self._ours()
        self.icon.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(resource("icons", f"{ICON_NAME}.svg"), self.icon)
        write_atomically(self.path, menu_entry_text(self.command).encode("utf-8"))

    def uninstall(self) -> None:
        """Remove our entry and icon; nothing happens when they are not there."""
        if self._ours():
            self.path.unlink(missing_ok=True)
            self.icon.unlink(missing_ok=True)
