"""The system's zone, read directly for TZ and the /etc/localtime link, and by tzlocal
for everything else (desktop/zone.py)."""

from __future__ import annotations

import os
import zoneinfo
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.zone import _named_zone, system_zone_name, zone_name
from tests.fresh import fresh_python

FOLDER = next((Path(p) for p in zoneinfo.TZPATH if (Path(p) / "Europe" / "Berlin").is_file()), None)
needs_tzpath = pytest.mark.skipif(FOLDER is None, reason="no system zoneinfo folder")


def zones() -> Path:
    """The system's zoneinfo folder (tests that use it are marked needs_tzpath)."""
    assert FOLDER is not None
    return FOLDER


def link(folder: Path, target: Path) -> str:
    """A scratch /etc/localtime: a link to ``target``."""
    folder.mkdir(parents=True, exist_ok=True)
    localtime = folder / "localtime"
    localtime.symlink_to(target)
    return str(localtime)


@needs_tzpath
@pytest.mark.parametrize(
    ("tz", "expected"),
    [
        ("Europe/Berlin", "Europe/Berlin"),
        (":Asia/Tokyo", "Asia/Tokyo"),  # POSIX's explicit zone-file form
        ("UTC", "UTC"),
        ("CET-1CEST,M3.5.0,M10.5.0/3", None),  # a POSIX rule names no key: tzlocal decides
        ("/usr/share/zoneinfo/Europe/Berlin", None),  # a path: tzlocal decides
        ("zone.tab", None),  # a file in the zoneinfo folder, but not a zone
        ("Europe/../Europe/Berlin", None),
        ("Mars/Olympus_Mons", None),
    ],
)
def test_tz_naming_a_zone_file_is_taken_as_it_is(tz: str, expected: str | None, tmp_path: Path) -> None:
    localtime = link(tmp_path, zones() / "America" / "Chicago")
    assert _named_zone({"TZ": tz}, localtime) == expected


@needs_tzpath
@pytest.mark.parametrize(
    ("target", "names_a_zone"),
    [
        ("Europe/Berlin", True),
        ("America/Argentina/Buenos_Aires", True),
        ("Etc/UTC", True),
        ("zone.tab", False),
        ("no/such/zone", False),
    ],
)
def test_without_tz_the_link_names_the_zone(target: str, names_a_zone: bool, tmp_path: Path) -> None:
    # The name is the link's final target: an alias that is itself a link resolves.
    real = os.path.realpath(zones() / target)
    expected_key = os.path.relpath(real, os.path.realpath(zones())) if names_a_zone else None
    localtime = link(tmp_path, zones() / target)
    assert _named_zone({}, localtime) == expected_key
    assert _named_zone({"TZ": ""}, localtime) == expected_key  # an empty TZ is ignored


def test_a_localtime_that_is_no_link_is_left_to_tzlocal(tmp_path: Path) -> None:
    copy = tmp_path / "localtime"
    copy.write_bytes(b"TZif2" + bytes(60))
    assert _named_zone({}, str(copy)) is None
    assert _named_zone({}, str(tmp_path / "missing")) is None
    assert _named_zone({}, link(tmp_path / "dangling", tmp_path / "nothing")) is None


@needs_tzpath
@settings(max_examples=40, deadline=None)
@given(st.sampled_from(sorted(zoneinfo.available_timezones())))
def test_the_link_reading_agrees_with_tzlocal(key: str) -> None:
    """For any zone the system has, the direct reading of a link to it gives the name
    tzlocal gives for the same link (its own reading, rooted in a scratch folder)."""
    from tzlocal.unix import _get_localzone_name  # its reading, with a root to read under

    target = zones() / key
    if not target.is_file():
        return  # a zone only the tzdata package has: nothing to link to
    import tempfile

    with tempfile.TemporaryDirectory() as root:
        (Path(root) / "etc").mkdir()
        (Path(root) / "etc" / "localtime").symlink_to(target)
        ours = _named_zone({}, str(Path(root) / "etc" / "localtime"))
        assert ours is not None
        assert ours == _get_localzone_name(_root=root)  # type: ignore[no-untyped-call]
        assert zoneinfo.ZoneInfo(ours).key == ours


def test_the_setting_comes_first() -> None:
    assert zone_name("Pacific/Auckland") == "Pacific/Auckland"


def test_otherwise_tzlocal_is_asked(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    import tzlocal

    monkeypatch.setattr(tzlocal, "get_localzone_name", lambda: "Africa/Nairobi")
    assert system_zone_name({"TZ": "CET-1CEST"}, str(tmp_path / "none")) == "Africa/Nairobi"
    monkeypatch.setattr(tzlocal, "get_localzone_name", lambda: (_ for _ in ()).throw(LookupError("broken")))
    assert system_zone_name({}, str(tmp_path / "none")) is None


@needs_tzpath
def test_reading_the_link_imports_neither_tzlocal_nor_importlib_resources(tmp_path: Path) -> None:
    localtime = link(tmp_path, zones() / "Europe" / "Berlin")
    code = (
        "import sys\n"
        "from desktop.zone import system_zone_name\n"
        f"print(system_zone_name({{}}, {localtime!r}))\n"
        "print(sorted(m for m in sys.modules if m.startswith(('tzlocal', 'importlib.resources'))))\n"
    )
    out = fresh_python(code)
    assert out.split("\n")[:2] == ["Europe/Berlin", "[]"]
