"""`ebb desktop install` / `ebb desktop uninstall`: Ebb in the application menu."""

from __future__ import annotations

import argparse

from desktop.cli.context import EXIT_OK, EXIT_PROBLEM, Context


def cmd_desktop(ctx: Context, args: argparse.Namespace) -> int:
    from desktop.system.menu_entry import ForeignMenuEntry, MenuEntry
    from desktop.system.paths import custom_data_dir

    entry = MenuEntry(data_dir=custom_data_dir(ctx.paths))
    try:
        if args.action == "install":
            entry.install()
            ctx.say(f"Ebb is in your applications menu now ({entry.path}).")
        else:
            entry.uninstall()
            ctx.say("Ebb is not in your applications menu any more.")
    except ForeignMenuEntry as exc:
        ctx.warn(f"ebb: {exc}")
        return EXIT_PROBLEM
    except OSError as exc:
        ctx.warn(f"ebb: the applications menu entry could not be changed: {exc.strerror or exc}")
        return EXIT_PROBLEM
    return EXIT_OK
