"""The ``ebb`` command line (DESIGN.md section 7).

Exit codes: 0 ok; 1 ``doctor`` found a problem; 2 invalid input (one line on stderr
naming the field, nothing written); 3 a dose beyond the user's limits without
``--force`` (nothing written); 4 the journal cannot be opened (file left untouched).

This module must stay light: it never imports PySide6, numpy or matplotlib (the tray
app is imported only for ``ebb run``), so that logging from a terminal is quick.
"""

from __future__ import annotations

import argparse
import sqlite3
import sys
from collections.abc import Callable, Sequence
from typing import Any, NoReturn

from desktop.cli.context import EXIT_INVALID, EXIT_OK, EXIT_PROBLEM, EXIT_UNREADABLE, Context
from desktop.cli.data import (
    cmd_backup,
    cmd_demo,
    cmd_doctor,
    cmd_export,
    cmd_import,
    cmd_report,
    cmd_restore,
)
from desktop.cli.journal import cmd_delete, cmd_list, cmd_log, cmd_settings, cmd_substance, cmd_undo
from desktop.cli.menu import cmd_desktop
from desktop.cli.plans import cmd_insights, cmd_pattern, cmd_plan
from desktop.core.errors import ValidationError
from desktop.storage.problems import JournalUnreadable, storage_problem


class UsageError(Exception):
    """A command-line usage problem (exit 2)."""


class _Parser(argparse.ArgumentParser):
    """argparse, with usage errors raised (one line on stderr, exit 2, from :func:`main`)."""

    def error(self, message: str) -> NoReturn:
        raise UsageError(message)


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("ebb")
    except PackageNotFoundError:
        return "unknown"


def build_parser() -> argparse.ArgumentParser:
    """The whole command line; each command's parser names its function (``func``)."""
    parser = _Parser(
        prog="ebb", description="Ebb: a private reminder and journal for pain, sleep, melatonin and kratom."
    )
    parser.add_argument(
        "--data-dir", help="folder of the journal (default: $EBB_DATA_DIR or the platform's data folder)"
    )
    parser.add_argument("--version", action="store_true", help="print the version and exit")
    commands = parser.add_subparsers(dest="command", parser_class=_Parser, metavar="COMMAND")
    for name, (help_text, add_options) in COMMAND_LINE.items():
        command = commands.add_parser(name, help=help_text)
        add_options(command)
        command.set_defaults(func=COMMANDS[name])
    return parser


def _no_options(parser: argparse.ArgumentParser) -> None:
    pass


def _run_options(run: argparse.ArgumentParser) -> None:
    run.add_argument("--minimized", action="store_true", help="start in the tray without opening the window")
    run.add_argument("--smoke", action="store_true", help="start fully, print 'ready' and exit")


def _substance_options(substance: argparse.ArgumentParser) -> None:
    substance_commands = substance.add_subparsers(dest="action", required=True, parser_class=_Parser)
    add = substance_commands.add_parser("add", help="add a substance with your own limits")
    add.add_argument("name")
    add.add_argument("--kind", required=True, help="melatonin, kratom or other")
    add.add_argument("--unit", required=True, help="mg, g, mcg, capsule, tablet, ml, drop, tsp, tbsp")
    add.add_argument("--amount", help="your usual amount (no default: you enter it)")
    add.add_argument("--min-interval", help="your minimum hours between doses")
    add.add_argument("--max-per-day", help="your maximum doses per rolling 24 h")
    add.add_argument("--daily-cap", help="your maximum total amount per rolling 24 h")
    add.add_argument("--onset", help="minutes until it usually takes effect")
    add.add_argument("--duration", help="hours it usually lasts")
    add.add_argument("--alias", help="neutral name used in discreet mode")
    listing = substance_commands.add_parser("list", help="list substances")
    listing.add_argument("--json", action="store_true")


def _log_options(log: argparse.ArgumentParser) -> None:
    log_commands = log.add_subparsers(dest="kind", required=True, parser_class=_Parser)
    dose = log_commands.add_parser("dose", help="log a dose")
    dose.add_argument("name")
    dose.add_argument("amount")
    dose.add_argument("--at", help="ISO-8601 time, e.g. 2026-03-08T21:30 (default: now)")
    dose.add_argument("--pain-before", help="pain right now, 0-10")
    dose.add_argument("--batch")
    dose.add_argument("--product")
    dose.add_argument("--form")
    dose.add_argument("--note")
    dose.add_argument("--force", action="store_true", help="log even beyond your limits (with a warning)")
    pain = log_commands.add_parser("pain", help="log pain on the 0-10 scale")
    pain.add_argument("score")
    pain.add_argument("--at")
    pain.add_argument("--location", action="append", help="body location (repeat or comma-separate)")
    pain.add_argument("--quality", action="append", help="e.g. aching, burning (repeat or comma-separate)")
    pain.add_argument("--note")
    sleep = log_commands.add_parser("sleep", help="log last night's sleep diary")
    sleep.add_argument("--night", required=True, help="date of the evening the night began")
    sleep.add_argument("--in-bed", required=True, help="HH:MM or ISO time")
    sleep.add_argument("--try-sleep", required=True)
    sleep.add_argument("--sol", required=True, help="minutes to fall asleep")
    sleep.add_argument("--awakenings", required=True)
    sleep.add_argument("--waso", required=True, help="minutes awake after falling asleep")
    sleep.add_argument("--final-wake", required=True)
    sleep.add_argument("--out-of-bed", required=True)
    sleep.add_argument("--quality", required=True, help="1 very poor ... 5 very good")
    sleep.add_argument("--note")
    effect = log_commands.add_parser("effect", help="log a side effect, severity 0-3")
    effect.add_argument("name")
    effect.add_argument("severity")
    effect.add_argument("--at")
    effect.add_argument("--note")
    note = log_commands.add_parser("note", help="log a free-text note")
    note.add_argument("text")
    note.add_argument("--at")
    note.add_argument("--tag", action="append")


def _list_options(entries: argparse.ArgumentParser) -> None:
    entries.add_argument("--kind", help="dose, pain, sleep, effect or note")
    entries.add_argument("--from", dest="start", help="first date, YYYY-MM-DD")
    entries.add_argument("--to", dest="end", help="last date, YYYY-MM-DD (inclusive)")
    entries.add_argument("--json", action="store_true")


def _delete_options(delete: argparse.ArgumentParser) -> None:
    delete.add_argument("id")


def _settings_options(settings: argparse.ArgumentParser) -> None:
    settings_commands = settings.add_subparsers(dest="action", required=True, parser_class=_Parser)
    show = settings_commands.add_parser("show")
    show.add_argument("--json", action="store_true")
    setter = settings_commands.add_parser("set")
    setter.add_argument("key")
    setter.add_argument("value")


def _export_options(export: argparse.ArgumentParser) -> None:
    export.add_argument("--format", required=True, help="csv or json")
    export.add_argument("--out", help="file to write (default: standard output)")


def _import_options(importer: argparse.ArgumentParser) -> None:
    importer.add_argument("path")


def _restore_options(restore: argparse.ArgumentParser) -> None:
    restore.add_argument("path")


def _demo_options(demo: argparse.ArgumentParser) -> None:
    demo.add_argument("--days", default="120", help="number of days (1-3650, default 120)")
    demo.add_argument("--seed", default="1", help="random seed (default 1)")


def _insights_options(insights: argparse.ArgumentParser) -> None:
    insights.add_argument("--json", action="store_true")


def _report_options(report: argparse.ArgumentParser) -> None:
    report.add_argument("--out", required=True, help="the PDF file to write")
    report.add_argument("--from", dest="start", help="first day, YYYY-MM-DD (default: 89 days before --to)")
    report.add_argument("--to", dest="end", help="last day, YYYY-MM-DD (default: today)")
    report.add_argument(
        "--hide-substances", action="store_true", help="neutral labels instead of substance names"
    )
    report.add_argument("--paper", default="a4", help="a4 (default) or letter")


def _desktop_options(desktop: argparse.ArgumentParser) -> None:
    actions = desktop.add_subparsers(dest="action", required=True, parser_class=_Parser)
    actions.add_parser("install", help="add Ebb to the application menu (and its icon)")
    actions.add_parser("uninstall", help="remove Ebb's application menu entry")


def _plan_options(plan: argparse.ArgumentParser) -> None:
    plan.add_argument("--date", help="YYYY-MM-DD (default: today)")
    plan.add_argument("--json", action="store_true")


def _pattern_options(pattern: argparse.ArgumentParser) -> None:
    pattern.add_argument("--date", help="the day the pattern is for (default: today)")
    pattern.add_argument("--json", action="store_true")


COMMAND_LINE: dict[str, tuple[str, Callable[[argparse.ArgumentParser], None]]] = {
    "run": ("start the tray app (the default)", _run_options),
    "substance": ("add or list substances and your own limits", _substance_options),
    "log": ("log a dose, pain, sleep, side effect or note", _log_options),
    "list": ("list journal entries", _list_options),
    "delete": ("delete an entry (undo with 'ebb undo')", _delete_options),
    "undo": ("undo the last delete or edit", _no_options),
    "settings": ("show or change settings", _settings_options),
    "export": ("export the journal as CSV or JSON", _export_options),
    "import": ("import an Ebb CSV or JSON export", _import_options),
    "backup": ("write a backup now", _no_options),
    "restore": ("replace the journal with a backup", _restore_options),
    "doctor": ("check the journal, its folder and backups", _no_options),
    "demo": ("fill an empty journal with realistic synthetic data", _demo_options),
    "insights": ("what your own data show, with sample sizes and intervals", _insights_options),
    "report": ("a PDF summary for your clinician (1-3 pages)", _report_options),
    "plan": ("the day's reminders with their reasons", _plan_options),
    "pattern": ("your pain pattern by time of day, and whether data suffice", _pattern_options),
    "desktop": ("add Ebb to (or remove it from) the application menu", _desktop_options),
}


# ---- context shared by the commands ----------------------------------------------------


def cmd_run(ctx: Context, args: argparse.Namespace) -> int:
    from desktop.start import run_app  # the only path from here to Qt

    return run_app(ctx.paths, minimized=args.minimized, smoke=args.smoke)


COMMANDS: dict[str, Callable[[Context, argparse.Namespace], int]] = {
    "substance": cmd_substance,
    "log": cmd_log,
    "list": cmd_list,
    "delete": cmd_delete,
    "undo": cmd_undo,
    "settings": cmd_settings,
    "export": cmd_export,
    "report": cmd_report,
    "import": cmd_import,
    "backup": cmd_backup,
    "restore": cmd_restore,
    "doctor": cmd_doctor,
    "run": cmd_run,
    "plan": cmd_plan,
    "demo": cmd_demo,
    "insights": cmd_insights,
    "pattern": cmd_pattern,
    "desktop": cmd_desktop,
}


def _one_line(text: str) -> str:
    return " ".join(str(text).split())


def main(argv: Sequence[str] | None = None, *, out: Any = None, err: Any = None) -> int:
    """Run the command line; returns the exit code."""
    out = out or sys.stdout
    err = err or sys.stderr
    try:
        line = list(sys.argv[1:] if argv is None else argv)
        parser = build_parser()
        args = parser.parse_args(line)
    except UsageError as exc:
        print(f"ebb: error: {_one_line(str(exc))} (see ebb --help)", file=err)
        return EXIT_INVALID
    except SystemExit as exc:  # --help
        return int(exc.code or 0)
    if args.version:
        print(f"ebb {_version()}", file=out)
        return EXIT_OK
    if args.command is None:  # plain `ebb` starts the app
        args = parser.parse_args([*(["--data-dir", args.data_dir] if args.data_dir else []), "run"])
    ctx = Context(args.data_dir, out, err)
    try:
        code: int = args.func(ctx, args)
        return code
    except ValidationError as exc:
        print(f"ebb: error: {_one_line(str(exc))}", file=err)
        return EXIT_INVALID
    except JournalUnreadable as exc:
        print(
            f"ebb: error: journal: {_one_line(str(exc))}. It was not changed. {_backup_hint(ctx)}", file=err
        )
        return EXIT_UNREADABLE
    except BrokenPipeError:  # `ebb list | head`: the reader left; that is not an error
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    except (OSError, sqlite3.OperationalError) as exc:
        # A full disk, a read-only folder, an I/O error: every write is one transaction,
        # so what was being written is not in the journal and nothing stored is lost.
        problem = storage_problem(exc, ctx.paths.data_dir)
        print(f"ebb: error: storage: {problem} in {ctx.paths.data_dir}. Nothing was changed.", file=err)
        return EXIT_PROBLEM
    finally:
        try:
            ctx.close()
        except (OSError, sqlite3.Error) as exc:
            problem = storage_problem(exc, ctx.paths.data_dir)
            print(f"ebb: warning: storage: {problem} while closing the journal", file=err)


def _backup_hint(ctx: Context) -> str:
    from desktop.storage.backups import latest_good_backup

    info = latest_good_backup(ctx.paths.backups)
    if info is not None:
        return f"The latest good backup is {info.path}; restore it with: ebb restore '{info.path}'"
    return "No readable backup was found; run 'ebb doctor' for details."


def entry() -> None:
    """The ``ebb`` console script."""
    raise SystemExit(main())


if __name__ == "__main__":
    entry()
