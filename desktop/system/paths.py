"""Where Ebb keeps things: the data folder (platformdirs, or --data-dir / EBB_DATA_DIR),
the journal, backups, logs, and the bundled resources."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

APP_NAME = "ebb"
ENV_DATA_DIR = "EBB_DATA_DIR"


@dataclass(frozen=True)
class Paths:
    """The data folder and the files Ebb keeps in it."""

    data_dir: Path

    @property
    def journal(self) -> Path:
        return self.data_dir / "journal.db"

    @property
    def backups(self) -> Path:
        return self.data_dir / "backups"


def data_paths(override: str | os.PathLike[str] | None = None) -> Paths:
    """The data folder: ``override``, else $EBB_DATA_DIR, else the platform's user data
    folder (platformdirs: ~/.local/share/ebb on Linux, XDG_DATA_HOME honoured)."""
    chosen = override or os.environ.get(ENV_DATA_DIR)
    if chosen:
        return Paths(Path(chosen).expanduser().absolute())
    return Paths(default_data_dir())


def default_data_dir() -> Path:
    """The platform's user data folder for Ebb, where it looks when told nothing."""
    from platformdirs import user_data_path

    return user_data_path(APP_NAME, appauthor=False)


def custom_data_dir(paths: Paths) -> Path | None:
    """The data folder, when it is not the default one: what a command started by the
    desktop (autostart, the application menu) must be told with ``--data-dir``."""
    return None if paths.data_dir == default_data_dir().absolute() else paths.data_dir


def log_dir() -> Path:
    """The log folder (platformdirs: ~/.local/state/ebb/log on Linux)."""
    from platformdirs import user_log_path

    return user_log_path(APP_NAME, appauthor=False)


def resource(*parts: str) -> Path:
    """A bundled resource file (icons, .desktop), from a checkout or an installed wheel."""
    package = Path(__file__).resolve().parents[1]  # desktop/ (this file is desktop/system/)
    for base in (package.parent / "resources", package / "resources"):
        candidate = base.joinpath(*parts)
        if candidate.exists():
            return candidate
    return package.parent.joinpath("resources", *parts)
