from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from desktop.cli.main import main
from tests.argv import ADD_KRATOM_WITH_LIMITS


@dataclass
class Result:
    code: int
    out: str
    err: str


Run = Callable[..., Result]


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def ebb(data_dir: Path) -> Run:
    """Run the command line in-process against a private data folder."""

    def run(*argv: str) -> Result:
        out, err = io.StringIO(), io.StringIO()
        code = main(["--data-dir", str(data_dir), *argv], out=out, err=err)
        return Result(code, out.getvalue(), err.getvalue())

    return run


@pytest.fixture
def journal_dump(data_dir: Path) -> Callable[[], list[str]]:
    """The journal's full SQL dump, to show that a failed command wrote nothing."""
    import sqlite3

    def dump() -> list[str]:
        conn = sqlite3.connect(data_dir / "journal.db")
        try:
            return list(conn.iterdump())
        finally:
            conn.close()

    return dump


@pytest.fixture
def seeded(ebb: Run) -> Run:
    """A journal in UTC with two substances (user-set limits on kratom) and a few entries."""
    assert ebb("settings", "set", "timezone", "Europe/Berlin").code == 0
    assert ebb(*ADD_KRATOM_WITH_LIMITS).code == 0
    assert ebb("substance", "add", "Melatonin", "--kind", "melatonin", "--unit", "mg").code == 0
    assert ebb("log", "pain", "5", "--at", "2026-03-01T09:00").code == 0
    assert ebb("log", "dose", "Kratom", "2", "--at", "2026-03-01T09:30").code == 0
    return ebb
