"""Ebb's folders on Linux, read from the XDG variables directly, are the ones platformdirs
gives (desktop/paths.py)."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from unittest import mock

import platformdirs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.paths import APP_NAME, _xdg_folder, data_paths, log_dir
from tests.fresh import fresh_python

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="the XDG reading is for Linux")

# Unset (None), empty, relative and absolute values, with the spellings that differ only
# in slashes.
FOLDERS = st.sampled_from([None, "", "rel", "rel/x", "/", "/a", "/a/", "//a", "/a//b", "/home/u/.x", "~/x"])


@settings(max_examples=150, deadline=None)
@given(home=FOLDERS, data=FOLDERS, state=FOLDERS)
def test_the_folders_are_platformdirs_own(home: str | None, data: str | None, state: str | None) -> None:
    chosen = {"HOME": home, "XDG_DATA_HOME": data, "XDG_STATE_HOME": state}
    environ = {k: v for k, v in os.environ.items() if k not in chosen and k != "EBB_DATA_DIR"}
    environ.update({k: v for k, v in chosen.items() if v is not None})
    with mock.patch.dict(os.environ, environ, clear=True):
        assert data_paths().data_dir == platformdirs.user_data_path(APP_NAME, appauthor=False)
        assert log_dir() == platformdirs.user_log_path(APP_NAME, appauthor=False)


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({"HOME": "/home/u"}, "/home/u/.local/share/ebb"),
        ({"HOME": "/home/u", "XDG_DATA_HOME": "/data"}, "/data/ebb"),
        ({"HOME": "/home/u", "XDG_DATA_HOME": "relative"}, "/home/u/.local/share/ebb"),
        ({"HOME": "relative"}, None),  # platformdirs asks the user database
        ({}, None),
        ({"HOME": "/home/u", "ANDROID_DATA": "/data"}, None),
    ],
)
def test_what_is_read_directly_and_what_is_left_to_platformdirs(
    environ: dict[str, str], expected: str | None
) -> None:
    with mock.patch.dict(os.environ, environ, clear=True):
        found = _xdg_folder("XDG_DATA_HOME", ".local/share")
    assert found == (None if expected is None else Path(expected))


def test_the_usual_start_does_not_import_platformdirs(tmp_path: Path) -> None:
    code = (
        "import sys\n"
        "from desktop.paths import data_paths, log_dir\n"
        "data_paths(); log_dir()\n"
        "print('platformdirs' in sys.modules)\n"
    )
    environ = {**os.environ, "HOME": str(tmp_path)}
    environ.pop("EBB_DATA_DIR", None)
    assert fresh_python(code, environ).strip() == "False"
