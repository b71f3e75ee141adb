"""``python -m desktop`` is the same as ``ebb``."""

from desktop.cli import entry

entry()
