"""The suite-wide audit hook (tests/conftest.py) refuses network sockets and lookups, and
lets AF_UNIX sockets through: if it did not, the rest of the suite would prove nothing."""

from __future__ import annotations

import socket

import pytest

from tests.conftest import NetworkUse


def test_an_internet_socket_is_refused() -> None:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock, pytest.raises(NetworkUse):
        sock.connect(("127.0.0.1", 9))


def test_a_name_lookup_is_refused() -> None:
    with pytest.raises(NetworkUse):
        socket.getaddrinfo("example.org", 443)


def test_a_unix_socket_is_allowed(tmp_path) -> None:
    path = str(tmp_path / "s")
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as server:
        server.bind(path)
        server.listen(1)
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as client:
            client.connect(path)
            client.sendall(b"ok")
            peer, _ = server.accept()
            with peer:
                assert peer.recv(2) == b"ok"
