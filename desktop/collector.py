"""Start-up runs with Python's cyclic garbage collector paused.

Start-up allocates many long-lived objects (classes, functions, Qt wrappers) and no
garbage worth collecting; with the collector running, its passes over those objects cost
about 6 ms of every app start. Once a command is under way (or the app's event loop
runs) the collector resumes, and what start-up made is moved out of its sight for good.
"""

from __future__ import annotations

import gc


def pause() -> None:
    gc.disable()


def resume() -> None:
    gc.freeze()
    gc.enable()
