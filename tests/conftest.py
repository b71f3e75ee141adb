"""Suite-wide safety: no test may touch the real user's data folder or display, and no
code under test may use the network."""

from __future__ import annotations

import os
import socket
import sys
from typing import Any

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


class NetworkUse(RuntimeError):
    """Ebb is local-only: any socket but AF_UNIX (D-Bus, the single-instance socket)."""


def _no_network(event: str, args: tuple[Any, ...]) -> None:
    # An audit hook sees every socket Python opens, whatever library opens it.
    if event in ("socket.connect", "socket.bind", "socket.sendto", "socket.sendmsg"):
        sock = args[0]
        if getattr(sock, "family", None) != socket.AF_UNIX:
            raise NetworkUse(f"{event} on {sock!r} to {args[1]!r}")
    elif event in ("socket.getaddrinfo", "socket.gethostbyname", "socket.gethostbyaddr"):
        host = args[0]
        if host not in (None, "", "localhost") or event != "socket.getaddrinfo":
            raise NetworkUse(f"{event} {args!r}")


sys.addaudithook(_no_network)


@pytest.fixture(autouse=True)
def _private_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / ".local/share"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    monkeypatch.setenv("XDG_STATE_HOME", str(home / ".local/state"))
    monkeypatch.delenv("EBB_DATA_DIR", raising=False)
