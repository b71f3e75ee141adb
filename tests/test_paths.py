"""Ebb's folders (desktop/system/paths.py): --data-dir, else $EBB_DATA_DIR, else platformdirs'
user data folder; logs in platformdirs' user log folder."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from unittest import mock

import platformdirs
import pytest

from desktop.system.paths import APP_NAME, data_paths, log_dir


def test_the_override_and_the_variable_come_first(tmp_path: Path) -> None:
    with mock.patch.dict(os.environ, {"EBB_DATA_DIR": str(tmp_path / "env")}):
        assert data_paths(tmp_path / "flag").data_dir == tmp_path / "flag"
        assert data_paths().data_dir == tmp_path / "env"


def test_otherwise_the_folders_are_platformdirs_own(tmp_path: Path) -> None:
    with mock.patch.dict(os.environ, {"HOME": str(tmp_path)}, clear=True):
        assert data_paths().data_dir == platformdirs.user_data_path(APP_NAME, appauthor=False)
        assert log_dir() == platformdirs.user_log_path(APP_NAME, appauthor=False)


@pytest.mark.skipif(sys.platform != "linux", reason="the XDG folders are Linux's")
@pytest.mark.parametrize(
    ("environ", "data", "log"),
    [
        ({"HOME": "/home/u"}, "/home/u/.local/share/ebb", "/home/u/.local/state/ebb/log"),
        ({"HOME": "/home/u", "XDG_DATA_HOME": "/data", "XDG_STATE_HOME": "/st"}, "/data/ebb", "/st/ebb/log"),
    ],
)
def test_on_linux_that_is_the_xdg_layout(environ: dict[str, str], data: str, log: str) -> None:
    with mock.patch.dict(os.environ, environ, clear=True):
        assert (data_paths().data_dir, log_dir()) == (Path(data), Path(log))
