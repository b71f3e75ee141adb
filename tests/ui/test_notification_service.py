"""Reminders on notification services with and without buttons (issue 15, item 7): a
stub org.freedesktop.Notifications on a private D-Bus session, the real desktop-notifier
path of Ebb's DesktopNotifications in front of it."""

import asyncio
import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from typing import Annotated

import pytest
from dbus_fast.aio import MessageBus
from dbus_fast.annotations import DBusDict, DBusInt32, DBusSignature, DBusStr, DBusUInt32
from dbus_fast.service import ServiceInterface, dbus_method, dbus_signal

from tests.desktops import start_session_bus

pytestmark = pytest.mark.skipif(shutil.which("dbus-daemon") is None, reason="needs dbus-daemon")

# Ebb's side runs as its own process, as in the app: desktop-notifier keeps its D-Bus
# connection for the life of the process (it has no call to close it).
SENDER = """
import sys
from PySide6.QtCore import QCoreApplication, QTimer
from desktop.ui.shell.notifications import DesktopNotifications

app = QCoreApplication(sys.argv)
notifications = DesktopNotifications("Ebb", None)
notifications.failed.connect(lambda key: print("failed", key, flush=True))
buttons = [("Log dose", "taken"), ("Snooze 30 min", "snooze:30"), ("Skip", "skip")]
notifications.send("dose:k:2026-03-02@09:30", "Kratom", "Your usual time", buttons)
QTimer.singleShot(3000, app.quit)  # a failure comes within the send time-out, or not at all
app.exec()
notifications.stop()
print("done", flush=True)
"""


def send_reminder(address: str) -> list[str]:
    """What Ebb's sender printed: "failed <key>" when the reminder needs Ebb's window."""
    env = {**os.environ, "DBUS_SESSION_BUS_ADDRESS": address, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-c", SENDER], capture_output=True, text=True, timeout=60, env=env
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[-1] == "done", result.stdout
    return lines[:-1]


StrList = Annotated[list[str], DBusSignature("as")]
ServerInfo = Annotated[tuple[str, str, str, str], DBusSignature("ssss")]
Closed = Annotated[tuple[int, int], DBusSignature("uu")]
Invoked = Annotated[tuple[int, str], DBusSignature("us")]


class StubNotifications(ServiceInterface):
    """Just enough of the notification spec; ``capabilities`` is what GetCapabilities says."""

    def __init__(self, capabilities: list[str]) -> None:
        super().__init__("org.freedesktop.Notifications")
        self.capabilities = capabilities
        self.shown: list[tuple[str, list[str]]] = []

    @dbus_method(name="GetCapabilities")
    def get_capabilities(self) -> StrList:
        return self.capabilities

    @dbus_method(name="GetServerInformation")
    def get_server_information(self) -> ServerInfo:
        return ("stub", "ebb-tests", "1", "1.2")

    @dbus_method(name="Notify")
    def notify(  # the spec's eight arguments
        self,
        app_name: DBusStr,
        replaces_id: DBusUInt32,
        app_icon: DBusStr,
        summary: DBusStr,
        body: DBusStr,
        actions: StrList,
        hints: DBusDict,
        expire_timeout: DBusInt32,
    ) -> DBusUInt32:
        self.shown.append((summary, list(actions)))
        return len(self.shown)

    @dbus_method(name="CloseNotification")
    def close_notification(self, identifier: DBusUInt32) -> None:
        pass

    @dbus_signal(name="NotificationClosed")
    def notification_closed(self) -> Closed:
        return (0, 0)

    @dbus_signal(name="ActionInvoked")
    def action_invoked(self) -> Invoked:
        return (0, "")


@pytest.fixture
def session_bus(monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    daemon, address = start_session_bus()
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", address)
    yield address
    daemon.terminate()
    daemon.wait(5)
    assert daemon.stdout is not None
    daemon.stdout.close()


def serve(address: str, stub: StubNotifications) -> Iterator[None]:
    loop = asyncio.new_event_loop()
    buses: list[MessageBus] = []

    async def start() -> None:
        bus = await MessageBus(bus_address=address).connect()
        bus.export("/org/freedesktop/Notifications", stub)
        await bus.request_name("org.freedesktop.Notifications")
        buses.append(bus)

    thread = threading.Thread(target=loop.run_forever, daemon=True)
    thread.start()
    asyncio.run_coroutine_threadsafe(start(), loop).result(10)
    yield
    loop.call_soon_threadsafe(buses[0].disconnect)
    asyncio.run_coroutine_threadsafe(buses[0].wait_for_disconnect(), loop).result(5)
    loop.call_soon_threadsafe(loop.stop)
    thread.join(5)
    loop.close()


def test_without_buttons_the_reminder_is_told_and_answered_in_ebbs_window(session_bus: str) -> None:
    stub = StubNotifications(["body"])  # notify-osd and the like: no "actions"
    for _ in serve(session_bus, stub):
        printed = send_reminder(session_bus)
    assert printed == ["failed dose:k:2026-03-02@09:30"]  # -> the reminder window takes the answer
    ((summary, actions),) = stub.shown
    assert summary == "Kratom" and not {"Log dose", "Skip"} & set(actions)  # no dead buttons


def test_with_buttons_the_notification_carries_them(session_bus: str) -> None:
    stub = StubNotifications(["actions", "body"])
    for _ in serve(session_bus, stub):
        printed = send_reminder(session_bus)
    assert printed == []
    ((_, actions),) = stub.shown
    assert {"Log dose", "Snooze 30 min", "Skip"} <= set(actions)
