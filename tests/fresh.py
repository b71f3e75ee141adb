"""Running code in a fresh interpreter: what a module imports can only be seen from a
process that has imported nothing yet."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Mapping


def fresh_python(code: str, env: Mapping[str, str] | None = None) -> str:
    """The standard output of ``python -c code`` (a non-zero exit fails the test)."""
    return subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env
    ).stdout
