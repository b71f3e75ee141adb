"""The command line is parsed by a parser holding only the named command's options
(faster to build); it must read every line exactly as the whole parser does."""

from __future__ import annotations

import argparse
import contextlib
import io

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.cli import COMMAND_LINE, UsageError, _command_in, build_parser
from tests.fresh import fresh_python

WORDS = [
    *COMMAND_LINE,
    "--data-dir",
    "--data-dir=/tmp/x",
    "--data",
    "--version",
    "--smoke",
    "--minimized",
    "--json",
    "--at",
    "-h",
    "dose",
    "pain",
    "add",
    "show",
    "set",
    "Kratom",
    "5",
    "2026-03-01",
    "nonsense",
]


def outcome(parser: argparse.ArgumentParser, line: list[str]) -> object:
    try:
        with contextlib.redirect_stdout(io.StringIO()):  # --help text
            return vars(parser.parse_args(line))
    except UsageError as exc:
        return ("usage error", str(exc))
    except SystemExit as exc:  # --help
        return ("exit", exc.code)


LEADING = ["--data-dir", "--data-dir=/tmp/x", "--data", "--version", "-h", "run", "/tmp/x"]
LINES = st.one_of(
    st.lists(st.sampled_from(WORDS), max_size=6),
    st.tuples(
        st.lists(st.sampled_from(LEADING), max_size=3),
        st.sampled_from(list(COMMAND_LINE)),
        st.lists(st.sampled_from(WORDS), max_size=3),
    ).map(lambda parts: [*parts[0], parts[1], *parts[2]]),
)


@given(LINES)
def test_the_lean_parser_reads_every_line_as_the_whole_parser_does(line: list[str]) -> None:
    assert outcome(build_parser(_command_in(line)), line) == outcome(build_parser(), line)


@pytest.mark.parametrize(
    ("line", "command"),
    [
        (["run", "--smoke"], "run"),
        (["--data-dir", "run", "log", "pain", "5"], "log"),  # a folder called "run"
        (["--data-dir=/x", "plan"], "plan"),
        (["--data", "/x", "plan"], None),  # an abbreviation: the whole parser decides
        (["--help"], None),
        (["frobnicate"], None),
        ([], None),
    ],
)
def test_the_command_is_found_only_when_plain(line: list[str], command: str | None) -> None:
    assert _command_in(line) == command


def test_the_lean_parser_leaves_out_the_other_commands_options() -> None:
    with pytest.raises(UsageError):
        build_parser("run").parse_args(["plan", "--date", "2026-03-01"])
    assert build_parser("plan").parse_args(["plan", "--date", "2026-03-01"]).date == "2026-03-01"


@pytest.mark.parametrize("columns", ["50", "120"])
def test_help_is_wrapped_to_columns(columns: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", columns)
    text = build_parser().format_help()
    assert max(len(line) for line in text.splitlines()) <= int(columns)
    assert any(len(line) > int(columns) - 25 for line in text.splitlines())  # and uses the width


def test_reading_a_plain_line_builds_one_command_and_loads_no_shutil() -> None:
    code = (
        "import sys\n"
        "from desktop.cli import build_parser\n"
        "parser = build_parser('run')\n"
        "print(vars(parser.parse_args(['run', '--smoke'])))\n"
        "print('shutil' in sys.modules)\n"
    )
    out = fresh_python(code)
    assert out.splitlines()[1] == "False"
    assert "'smoke': True" in out.splitlines()[0]
