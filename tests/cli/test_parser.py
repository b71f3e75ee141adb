"""The command line: one argparse parser with a sub-parser per command, each naming its
function; usage errors are one line and exit 2; help wraps to the terminal."""

from __future__ import annotations

import argparse

import pytest

from desktop.cli.main import COMMAND_LINE, COMMANDS, UsageError, build_parser, main


def test_every_command_has_a_parser_and_a_function() -> None:
    (commands,) = [a for a in build_parser()._actions if isinstance(a, argparse._SubParsersAction)]
    assert set(commands.choices) == set(COMMAND_LINE) == set(COMMANDS)
    for name, parser in commands.choices.items():
        assert parser.get_default("func") is COMMANDS[name], name


@pytest.mark.parametrize(
    ("line", "command", "values"),
    [
        (["run", "--smoke"], "run", {"smoke": True}),
        (["--data-dir", "run", "log", "pain", "5"], "log", {"data_dir": "run"}),  # a folder called "run"
        (["--data-dir=/x", "plan", "--date", "2026-03-01"], "plan", {"data_dir": "/x", "date": "2026-03-01"}),
        (["--data", "/x", "plan"], "plan", {"data_dir": "/x"}),  # argparse's abbreviations
    ],
)
def test_lines_are_read_as_argparse_reads_them(line: list[str], command: str, values: dict) -> None:
    args = build_parser().parse_args(line)
    assert args.command == command and args.func is COMMANDS[command]
    assert {key: getattr(args, key) for key in values} == values


def test_a_mistake_is_a_usage_error() -> None:
    with pytest.raises(UsageError):
        build_parser().parse_args(["frobnicate"])
    with pytest.raises(UsageError):
        build_parser().parse_args(["run", "--date", "2026-03-01"])  # plan's option


def test_a_usage_error_is_one_line_and_exit_2(capsys) -> None:
    assert main(["frobnicate"]) == 2
    err = capsys.readouterr().err
    assert (
        err.startswith("ebb: error: ") and err.count("\n") == 1 and err.rstrip().endswith("(see ebb --help)")
    )


@pytest.mark.parametrize("columns", ["50", "120"])
def test_help_is_wrapped_to_columns(columns: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", columns)
    text = build_parser().format_help()
    assert max(len(line) for line in text.splitlines()) <= int(columns)
    assert any(len(line) > int(columns) - 25 for line in text.splitlines())  # and uses the width
