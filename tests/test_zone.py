"""The zone in force (desktop/system/zone.py): the setting, else tzlocal's reading of the
system (TZ honoured), else the fixed offset the system reports."""

from __future__ import annotations

import zoneinfo
from datetime import timezone

import pytest

from desktop.system import zone as zone_module
from desktop.system.zone import system_zone_name, zone, zone_name


def test_the_setting_comes_first(monkeypatch: pytest.MonkeyPatch) -> None:
    import tzlocal

    monkeypatch.setattr(tzlocal, "reload_localzone", lambda: None)
    monkeypatch.setattr(tzlocal, "get_localzone_name", lambda: "Africa/Nairobi")
    assert zone_name("Pacific/Auckland") == "Pacific/Auckland"
    assert zone_name("") == "Africa/Nairobi"


def test_tz_names_the_system_zone_and_a_change_is_seen(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TZ", "America/Chicago")
    assert system_zone_name(fresh=True) == "America/Chicago"
    assert zone("") == zoneinfo.ZoneInfo("America/Chicago")
    monkeypatch.setenv("TZ", "Asia/Tokyo")
    assert system_zone_name() == "America/Chicago"  # tzlocal's answer, for a while
    monkeypatch.setattr(zone_module, "_last_reload", [float("-inf")])  # 30 s later
    assert system_zone_name() == "Asia/Tokyo"


def test_a_broken_system_set_up_falls_back_to_the_fixed_offset(monkeypatch: pytest.MonkeyPatch) -> None:
    import tzlocal

    def broken() -> None:
        raise LookupError("broken")

    monkeypatch.setattr(tzlocal, "reload_localzone", broken)
    monkeypatch.setattr(tzlocal, "get_localzone_name", broken)
    assert system_zone_name(fresh=True) is None
    assert isinstance(zone(""), timezone)  # the offset the system reports now


def test_an_unknown_configured_name_falls_back_too(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(zone_module, "system_zone_name", lambda: None)
    assert isinstance(zone("Not/AZone"), timezone)
