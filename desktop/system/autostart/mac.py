"""macOS: a per-user launchd agent, ``~/Library/LaunchAgents/org.ebb.app.plist``."""

from __future__ import annotations

import plistlib
from pathlib import Path
from xml.parsers.expat import ExpatError

from desktop.system.autostart.base import default_command, write_atomically

LAUNCH_AGENT_LABEL = "org.ebb.app"


class MacLaunchAgent:
    """A per-user launchd agent, ``~/Library/LaunchAgents/org.ebb.app.plist``.

    launchd loads every plist in that folder at login; ``RunAtLoad`` starts the program
    then, and ``ProcessType Interactive`` asks launchd not to throttle a program the user
    works with. The file is named after its reverse-DNS label, so a file of that name is
    taken to be ours. (``SMAppService``, the newer API, needs a signed app bundle.)
    """

    def __init__(self, home: Path | None = None, command: list[str] | None = None) -> None:
        """``home`` defaults to ``Path.home()``; ``command`` to :func:`default_command`."""
        base = home if home is not None else Path.home()
        self.path = base / "Library" / "LaunchAgents" / f"{LAUNCH_AGENT_LABEL}.plist"
        self.command = list(command) if command is not None else default_command()

    def agent(self) -> dict[str, object]:
        """The property list written."""
        return {
            "Label": LAUNCH_AGENT_LABEL,
            # An argument list, not a command line: launchd passes it to execve as is,
            # so no quoting is needed or wanted.
            "ProgramArguments": list(self.command),
            "RunAtLoad": True,
            "ProcessType": "Interactive",
        }

    def is_enabled(self) -> bool:
        """True when the plist exists, is readable and is not marked ``Disabled``."""
        try:
            with self.path.open("rb") as f:
                agent = plistlib.load(f)
        except FileNotFoundError:
            return False
        except (ValueError, ExpatError):  # not a property list (InvalidFileException is a ValueError)
            return False
        return isinstance(agent, dict) and agent.get("Disabled") is not True

    def enable(self) -> None:
        """Write the plist (atomically, mode 0600); launchd reads it at the next login."""
        write_atomically(self.path, plistlib.dumps(self.agent(), fmt=plistlib.FMT_XML))

    def disable(self) -> None:
        """Delete the plist; nothing happens when there is none."""
        self.path.unlink(missing_ok=True)

    def describe(self) -> str:
        """The path of the plist."""
        return str(self.path)
