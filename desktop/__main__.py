"""``python -m desktop`` is the same as ``ebb``."""

from desktop.cli.main import entry

entry()
