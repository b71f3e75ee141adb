"""Where Ebb keeps things: the data folder (platformdirs, or --data-dir / EBB_DATA_DIR),
the journal, backups, logs, and the bundled resources."""

from __future__ import annotations

import os
import sys
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
    """The data folder: ``override``, else $EBB_DATA_DIR, else the platform's user data dir."""
    chosen = override or os.environ.get(ENV_DATA_DIR)
    if chosen:
        return Paths(Path(chosen).expanduser().absolute())
    xdg = _xdg_folder("XDG_DATA_HOME", ".local/share")
    if xdg is not None:
        return Paths(xdg)
    from platformdirs import user_data_path

    return Paths(user_data_path(APP_NAME, appauthor=False))


def log_dir() -> Path:
    xdg = _xdg_folder("XDG_STATE_HOME", ".local/state")
    if xdg is not None:
        return xdg / "log"
    from platformdirs import user_log_path

    return user_log_path(APP_NAME, appauthor=False)


def _xdg_folder(variable: str, default: str) -> Path | None:
    """Ebb's folder under $``variable``, else under ~/``default``, as the XDG base
    directory spec says and platformdirs gives it on Linux (tests/test_paths.py compares
    the two); None where platformdirs decides: other systems, Android, and a home folder
    that $HOME does not give. Importing platformdirs for this cost about 2 ms of a start."""
    if sys.platform != "linux" or "ANDROID_DATA" in os.environ:
        return None
    value = os.environ.get(variable, "")
    if value.startswith("/"):  # the spec ignores a relative value
        return Path(value) / APP_NAME
    home = os.environ.get("HOME", "")
    if not home.startswith("/"):
        return None
    return Path(home) / default / APP_NAME


def resource(*parts: str) -> Path:
    """A bundled resource file (icons, .desktop), from a checkout or an installed wheel."""
    here = Path(__file__).resolve().parent
    for base in (here.parent / "resources", here / "resources"):
        candidate = base.joinpath(*parts)
        if candidate.exists():
            return candidate
    return here.parent.joinpath("resources", *parts)
