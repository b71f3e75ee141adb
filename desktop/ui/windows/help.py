"""The Help menu's windows: the keyboard shortcuts, what Ebb is and is not (the set-up's
own words), and About (the version and where the journal is)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget


def tr(text: str) -> str:
    return QCoreApplication.translate("Help", text)


def _plain(text: str) -> str:
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def show_shortcuts(parent: QWidget, shortcuts: Sequence[tuple[str, str]]) -> None:
    rows = "".join(
        f"<tr><td>{_plain(what)}</td><td>&nbsp;&nbsp;<b>{keys}</b></td></tr>" for what, keys in shortcuts
    )
    QMessageBox.information(parent, tr("Keyboard shortcuts"), f"<table>{rows}</table>")


def show_what_ebb_is(parent: QWidget) -> None:
    from desktop.ui.windows.first_run_pages import WelcomePage

    texts = WelcomePage().texts[:3]  # what it is, what it is not, where the data stays
    QMessageBox.information(parent, tr("What Ebb is and is not"), "<p>".join(texts))


def show_about(parent: QWidget, data_folder: Path) -> None:
    from importlib.metadata import PackageNotFoundError, version

    try:
        number = version("ebb")
    except PackageNotFoundError:
        number = "?"
    QMessageBox.about(
        parent,
        tr("About Ebb"),
        tr(
            "<b>Ebb</b> {version}<p>A private reminder and journal for pain and sleep.<p>Your journal is in {folder}"  # noqa: E501 (one string for the translator)
        ).format(version=number, folder=data_folder),
    )
