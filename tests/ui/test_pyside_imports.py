"""The cheaper "does this module use PySide6?" check answers as PySide's own does."""

from __future__ import annotations

import importlib
import sys

import pytest

from desktop.ui.pyside_imports import quicker_feature_check

MODULES = [
    "desktop.ui.tray",  # imports PySide6
    "desktop.ui.today",
    "desktop.core.model",  # pure Python
    "desktop.storage.repository",
    "json",
    "sys",  # built in: no file
    "_sqlite3",  # compiled
    "PySide6.QtCore",
]


def test_it_answers_as_pysides_own_check_and_installs_once() -> None:
    import PySide6.QtCore  # noqa: F401

    feature = sys.modules["PySide6.support.feature"]
    original = feature._mod_uses_pyside
    if getattr(original, "quicker", False):
        pytest.skip("already installed in this process (the app ran in it)")
    modules = [importlib.import_module(name) for name in MODULES]
    expected = [original(module) for module in modules]
    assert expected[:2] == [True, True] and expected[2:5] == [False, False, False]
    try:
        assert quicker_feature_check() is True
        assert feature._mod_uses_pyside is not original
        assert [feature._mod_uses_pyside(module) for module in modules] == expected
        assert quicker_feature_check() is False  # once is enough
    finally:
        feature._mod_uses_pyside = original
