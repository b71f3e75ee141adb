"""Qt tests see the words the app shows: its translations are installed as at start-up
(English here, with its plural forms: "1 reminder missed", not "1 reminder(s) missed")."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True, scope="session")
def english_words(qapp):
    from PySide6.QtCore import QLocale

    from desktop.ui.shell.translations import install_translations
    from desktop.words import translate

    install_translations(qapp, QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    yield
    translate.install(None)
