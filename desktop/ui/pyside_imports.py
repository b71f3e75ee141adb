"""A cheaper form of a check PySide6 makes on every import.

Once loaded, PySide6 replaces ``__import__``. After each import statement that names a
module it has not seen, it reads that module's whole source through ``inspect`` and
``linecache`` (path resolution, encoding detection, line splitting) to see whether the
text "PySide6" occurs in it, which decides whether its opt-in ``__feature__`` switches
(snake_case, true_property) could apply there. Ebb uses no such switch, but the check
still ran for about 80 modules at start-up: some 12 ms, a tenth of the start
(see tests/perf/test_app_start.py). The same question, answered by one plain read of the
file, costs a fraction of that. Known upstream (PySide's ``_mod_uses_pyside``; napari
issue 8584). Where a PySide has no such check this does nothing.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from types import ModuleType


def quicker_feature_check() -> bool:
    """Install the cheaper check; False when this PySide has nothing to replace."""
    feature = sys.modules.get("PySide6.support.feature")
    original: Callable[[ModuleType], bool] | None = getattr(feature, "_mod_uses_pyside", None)
    if feature is None or original is None or getattr(original, "quicker", False):
        return False

    def uses_pyside(module: ModuleType) -> bool:
        path = getattr(module, "__file__", None)
        if not isinstance(path, str) or not path.endswith(".py"):
            return original(module)  # built-in, compiled or source-less: PySide decides
        try:
            with open(path, "rb") as source:
                return b"PySide6" in source.read()
        except OSError:
            return original(module)

    uses_pyside.quicker = True  # type: ignore[attr-defined]
    feature._mod_uses_pyside = uses_pyside  # type: ignore[attr-defined]
    return True
