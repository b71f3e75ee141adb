"""Desktop notifications with Taken / Snooze / Skip through desktop-notifier
(freedesktop D-Bus on Linux), and the fallback reminder window.

desktop-notifier is asyncio-based: it runs on an event loop in its own thread; button
presses come back to the Qt thread through a queued signal. desktop-notifier swallows
delivery errors (it only logs them), so success is taken from its ``on_dispatched``
callback, with a time-out for a daemon that hangs; anything else falls back to the
reminder window within seconds. So does a reminder on a service without buttons (the
``actions`` capability): it is shown there without them, and answered in the window.
The in-app state is the truth: a lost notification loses nothing.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

if TYPE_CHECKING:  # asyncio costs 10 MB and 15 ms: imported when the first notification goes
    import asyncio
    from concurrent.futures import Future

    from desktop.scheduling.ports import Delivery, MissedItem
    from desktop.ui.shell.reminder_window import ReminderWindow

log = logging.getLogger(__name__)
SEND_TIMEOUT_S = 5.0


class DesktopNotifications(QObject):
    """desktop-notifier on its own asyncio thread. Signals: ``action(key, what)``,
    ``failed(key)`` (the notification could not be shown)."""

    action = Signal(str, str)
    failed = Signal(str)

    def __init__(self, app_name: str, icon: Path | None) -> None:
        super().__init__()
        self._app_name = app_name
        self._icon = icon
        self._loop: asyncio.AbstractEventLoop | None = None
        self._notifier: Any = None
        self._thread: threading.Thread | None = None
        self._ids: dict[str, str] = {}
        self._capability_set: frozenset[Any] | None = None

    def start(self) -> None:
        ready = threading.Event()
        self._thread = threading.Thread(
            target=self._run, args=(ready,), name="ebb-notifications", daemon=True
        )
        self._thread.start()
        ready.wait(5)

    def _run(self, ready: threading.Event) -> None:
        import asyncio

        from desktop_notifier import DesktopNotifier, Icon  # 60 ms of imports: after start-up

        loop = asyncio.new_event_loop()
        asyncio.set_event_loop(loop)
        self._loop = loop
        if self._icon is not None:
            self._notifier = DesktopNotifier(app_name=self._app_name, app_icon=Icon(path=self._icon))
        else:
            self._notifier = DesktopNotifier(app_name=self._app_name)
        ready.set()
        loop.run_forever()
        loop.close()

    def stop(self) -> None:
        if self._loop is not None:
            import asyncio

            if self._ids:  # reminders shown by this run would be dead buttons after it
                done = asyncio.run_coroutine_threadsafe(self._clear_all(), self._loop)
                try:
                    done.result(timeout=2)
                except Exception:
                    log.info("could not clear notifications on quit", exc_info=True)
            self._loop.call_soon_threadsafe(self._loop.stop)
        if self._thread is not None:
            self._thread.join(2)

    def send(self, key: str, title: str, body: str, buttons: Sequence[tuple[str, str]]) -> None:
        """Show a notification; ``buttons`` are (label, what). Emits ``failed(key)`` if
        no notification service takes it within a few seconds."""
        if self._thread is None:
            self.start()  # on first use: its imports stay out of start-up
        if self._loop is None:
            self.failed.emit(key)
            return
        import asyncio

        future = asyncio.run_coroutine_threadsafe(self._send(key, title, body, buttons), self._loop)

        def done(result: Future[bool]) -> None:
            try:
                shown = result.result()
            except Exception:  # a time-out or a D-Bus error: fall back
                log.warning("notification %s failed", key, exc_info=True)
                shown = False
            if not shown:
                self.failed.emit(key)

        future.add_done_callback(done)

    async def _send(self, key: str, title: str, body: str, buttons: Sequence[tuple[str, str]]) -> bool:
        import asyncio

        from desktop_notifier import Button, Capability

        answerable = not buttons or Capability.BUTTONS in await self._capabilities()
        if not answerable:
            # notify-osd and other minimal services show no buttons: the notification
            # still tells, and the reminder window (failed -> fall back) takes the answer.
            buttons = []
        dispatched = asyncio.Event()
        identifier = await asyncio.wait_for(
            self._notifier.send(
                title=title,
                message=body,
                buttons=[
                    Button(title=label, on_pressed=partial(self.action.emit, key, what))
                    for label, what in buttons
                ],
                on_clicked=lambda: self.action.emit(key, "open"),
                on_dispatched=dispatched.set,
                # A reminder stays until answered (0 = never expires); a summary may go.
                timeout=0 if buttons else -1,
            ),
            SEND_TIMEOUT_S,
        )
        if dispatched.is_set():
            self._ids[key] = identifier
        return dispatched.is_set() and answerable

    async def _capabilities(self) -> frozenset[Any]:
        """The service's capabilities, asked once (a service that cannot say has none)."""
        import asyncio

        if self._capability_set is None:
            try:
                found = frozenset(await asyncio.wait_for(self._notifier.get_capabilities(), SEND_TIMEOUT_S))
            except Exception:
                log.info("the notification service did not say what it supports", exc_info=True)
                found = frozenset()
            log.info("notification service capabilities: %s", sorted(c.name for c in found))
            self._capability_set = found
        return self._capability_set

    async def _clear_all(self) -> None:
        import asyncio

        for identifier in list(self._ids.values()):
            await asyncio.wait_for(self._notifier.clear(identifier), SEND_TIMEOUT_S)
        self._ids.clear()

    def clear(self, key: str) -> None:
        identifier = self._ids.pop(key, None)
        if identifier is not None and self._loop is not None:
            import asyncio

            asyncio.run_coroutine_threadsafe(self._notifier.clear(identifier), self._loop)


class ShellNotifier(QObject):
    """The scheduling layer's Notifier: notifications first, the reminder window when
    they fail (or when there is no notification service at all)."""

    action = Signal(str, str)
    delivered = Signal(str)
    summary_unshown = Signal(str, str)  # title, body: show it another way

    MISSED_KEY = "ebb:missed"

    def __init__(
        self,
        notifications: DesktopNotifications | None,
        make_window: Callable[[], ReminderWindow],
        window_only: Callable[[], bool] = lambda: False,
    ) -> None:
        super().__init__()
        self.notifications = notifications
        self._window_only = window_only  # the user's choice: Ebb's own window, always
        self._make_window = make_window
        self._window: ReminderWindow | None = None
        self.pending: dict[str, Delivery] = {}
        self._summary: tuple[str, str] | None = None
        if notifications is not None:
            notifications.action.connect(self._from_notification)
            notifications.failed.connect(self._fall_back)

    @property
    def window(self) -> ReminderWindow:
        """The reminder window, made when first needed (most starts never need it)."""
        if self._window is None:
            self._window = self._make_window()
            self._window.action.connect(self.action)
        return self._window

    def deliver(self, delivery: Delivery) -> None:
        self.pending[delivery.key] = delivery
        self.delivered.emit(delivery.key)
        if self.notifications is None or self._window_only():
            self.window.show_delivery(delivery)
            return
        from desktop.ui.shell.reminder_text import reminder_text, tr  # on first use, not at start

        text = reminder_text(delivery)
        buttons = [(text.primary, "taken"), (tr("Snooze 30 min"), "snooze:30"), (tr("Skip"), "skip")]
        self.notifications.send(delivery.key, text.title, text.body, buttons)

    def withdraw(self, key: str) -> None:
        self.pending.pop(key, None)
        if self._window is not None:
            self._window.withdraw(key)
        if self.notifications is not None:
            self.notifications.clear(key)

    def summarise_missed(self, missed: Sequence[MissedItem]) -> None:
        from desktop.ui.shell.reminder_text import missed_summary

        title, body = missed_summary(list(missed))
        log.info("%s: %s", title, body.replace("\n", "; "))
        self._summary = (title, body)
        if self.notifications is not None and not self._window_only():
            self.notifications.send(self.MISSED_KEY, title, body, [])
        else:
            self.summary_unshown.emit(title, body)

    def _from_notification(self, key: str, what: str) -> None:
        if what == "open" and key in self.pending:
            self.window.show_delivery(self.pending[key])
            return
        self.action.emit(key, what)

    def _fall_back(self, key: str) -> None:
        if key == self.MISSED_KEY and self._summary is not None:
            self.summary_unshown.emit(*self._summary)
            return
        delivery = self.pending.get(key)
        if delivery is not None:
            self.window.show_delivery(delivery)
