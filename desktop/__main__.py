"""``python -m desktop`` is the same as ``ebb``."""

from desktop.cli import main

raise SystemExit(main())
