"""`ebb desktop install` / `uninstall`: a valid menu entry with an absolute Exec (and the
data folder, when it is not the default), the icon in hicolor, and nothing of anyone
else's touched; the AppStream file passes appstreamcli."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.cli.main import main
from desktop.system.autostart import default_command
from desktop.system.desktop_entry import read_desktop_entry
from desktop.system.menu_entry import ForeignMenuEntry, MenuEntry
from desktop.system.paths import Paths, custom_data_dir, default_data_dir, resource


def _validate_desktop_file(path: Path) -> None:
    if shutil.which("desktop-file-validate") is None:
        pytest.skip("needs desktop-file-validate (desktop-file-utils)")
    result = subprocess.run(["desktop-file-validate", str(path)], capture_output=True, text=True)
    assert result.returncode == 0 and not result.stdout.strip(), result.stdout + result.stderr


def test_install_writes_a_valid_entry_and_the_icon_and_uninstall_removes_them(tmp_path: Path) -> None:
    entry = MenuEntry(tmp_path / "share", data_dir=tmp_path / "my journal")
    entry.install()
    entry.install()  # again: the same files
    keys = read_desktop_entry(entry.path)
    assert keys is not None and keys["Icon"] == "ebb" and keys["Type"] == "Application"
    program, *arguments = keys["Exec"].split(" ", 1)
    assert Path(program).is_absolute()
    assert arguments == [f'--data-dir "{tmp_path}/my journal" run']  # quoted as the spec says
    assert entry.icon.read_bytes() == resource("icons", "ebb.svg").read_bytes()
    assert "kratom" not in entry.path.read_text().lower()  # on screen in every menu: discreet
    _validate_desktop_file(entry.path)
    assert entry.is_installed()
    entry.uninstall()
    assert not entry.path.exists() and not entry.icon.exists() and not entry.is_installed()
    entry.uninstall()  # nothing there: nothing happens


def test_a_menu_entry_ebb_did_not_write_is_left_alone(tmp_path: Path) -> None:
    entry = MenuEntry(tmp_path / "share")
    entry.path.parent.mkdir(parents=True)
    entry.path.write_text("[Desktop Entry]\nType=Application\nName=Someone's ebb\nExec=ebb\n")
    with pytest.raises(ForeignMenuEntry):
        entry.install()
    with pytest.raises(ForeignMenuEntry):
        entry.uninstall()
    assert "Someone's ebb" in entry.path.read_text()


def test_the_command_installs_with_the_data_folder_in_use(tmp_path: Path, monkeypatch, capsys) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "share"))
    data = tmp_path / "journal elsewhere"
    assert main(["--data-dir", str(data), "desktop", "install"]) == 0
    written = tmp_path / "share" / "applications" / "ebb.desktop"
    assert "applications menu now" in capsys.readouterr().out
    assert f'--data-dir "{data}" run' in written.read_text()
    assert main(["desktop", "uninstall"]) == 0 and not written.exists()


def test_only_a_data_folder_other_than_the_default_is_passed_on() -> None:
    assert custom_data_dir(Paths(default_data_dir().absolute())) is None
    assert custom_data_dir(Paths(Path("/srv/ebb"))) == Path("/srv/ebb")
    assert default_command(Path("/srv/ebb"))[-4:] == ["--data-dir", "/srv/ebb", "run", "--minimized"]
    assert "--data-dir" not in default_command()


def test_the_appstream_file_passes_appstreamcli() -> None:
    if shutil.which("appstreamcli") is None:
        pytest.skip("needs appstreamcli (appstream)")
    metainfo = resource("linux", "ebb.metainfo.xml")
    result = subprocess.run(
        ["appstreamcli", "validate", "--no-net", str(metainfo)], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert '<launchable type="desktop-id">ebb.desktop</launchable>' in metainfo.read_text()


def test_the_desktop_file_name_is_the_app_id_qt_reports() -> None:
    # In a process of its own: the app's QApplication (translators and all) is not
    # the test session's.
    shown = subprocess.run(
        [
            sys.executable,
            "-c",
            "from desktop.start import _qt_application; print(_qt_application().desktopFileName())",
        ],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert shown.returncode == 0, shown.stderr
    assert f"{shown.stdout.strip()}.desktop" == resource("linux", "ebb.desktop").name
