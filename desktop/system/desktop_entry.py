"""Desktop Entry files (freedesktop Desktop Entry spec,
https://specifications.freedesktop.org/desktop-entry-spec/latest/): the ``Exec`` value
quoted as the spec says, and a reader for the ``[Desktop Entry]`` group. Shared by the
autostart entry and the application-menu entry."""

from __future__ import annotations

import configparser
from pathlib import Path

# Desktop Entry spec, "The Exec key": an argument containing any of these must be
# quoted, https://specifications.freedesktop.org/desktop-entry-spec/latest/exec-variables.html
_EXEC_RESERVED = frozenset(" \t\n\"'\\><~|&;$*?#()`")
# ... and inside double quotes these four must be escaped with a backslash.
_EXEC_ESCAPED_IN_QUOTES = frozenset('"`$\\')


def exec_quote(argument: str) -> str:
    """One argument quoted for a Desktop Entry ``Exec`` key, before string escaping.

    Desktop Entry spec, "The Exec key": an argument with a reserved character is put in
    double quotes, inside which ``"``, the backtick, ``$`` and ``\\`` get a backslash; a literal
    ``%`` is written ``%%`` (a single one would start a field code such as ``%f``).
    """
    if argument and not _EXEC_RESERVED.intersection(argument):
        quoted = argument
    else:
        quoted = '"' + "".join("\\" + c if c in _EXEC_ESCAPED_IN_QUOTES else c for c in argument) + '"'
    return quoted.replace("%", "%%")


def exec_value(command: list[str]) -> str:
    """The ``Exec=`` value for ``command``, as written in the file.

    After quoting, the value is a Desktop Entry *string*, whose own escapes are applied
    first when read; so each backslash is doubled once more. The spec spells this out:
    a literal backslash in a quoted argument takes four, ``\\\\\\\\``, and a literal
    ``$`` takes ``\\\\$``. (GLib rejects the un-doubled ``\\"`` as "a value that cannot
    be interpreted".)
    """
    if not command:
        raise ValueError("the autostart command is empty; give at least the program to run")
    for argument in command:
        if any(ord(c) < 0x20 or c == "\x7f" for c in argument):
            raise ValueError(
                f"the autostart command argument {argument!r} contains a control character; "
                "use a path and arguments without newlines or tabs"
            )
    if "=" in command[0]:
        # Desktop Entry spec: "the name or path of the executable program may not
        # contain the equal sign".
        raise ValueError(
            f"the autostart program {command[0]!r} contains '='; the Desktop Entry spec forbids it, "
            "install Ebb in a folder without '=' in its path"
        )
    return " ".join(exec_quote(a) for a in command).replace("\\", "\\\\")


def read_desktop_entry(path: Path) -> dict[str, str] | None:
    """The ``[Desktop Entry]`` group of ``path``, or None when it cannot be parsed."""
    parser = configparser.ConfigParser(
        interpolation=None, strict=False, delimiters=("=",), comment_prefixes=("#",)
    )
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    try:
        parser.read_string(path.read_text(encoding="utf-8"), source=str(path))
    except (configparser.Error, UnicodeDecodeError):
        return None
    if not parser.has_section("Desktop Entry"):
        return None
    return dict(parser["Desktop Entry"])
