"""The Qt shell's parts: the scheduler's timer, single instance, tray, reminder window,
the notifier's fallback, and a clean quit on SIGTERM."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from desktop.scheduling.ports import Delivery, MissedItem
from desktop.services.tray import STARTING, NextReminder, TrayStatus
from desktop.ui.shell.notifications import ShellNotifier
from desktop.ui.shell.reminder_text import missed_summary, reminder_text
from desktop.ui.shell.reminder_window import ReminderWindow
from desktop.ui.shell.single_instance import SingleInstance, server_name
from desktop.ui.shell.timer_host import MAX_INTERVAL_MS, QtTimerHost
from desktop.ui.shell.tray import Tray, TrayState

BERLIN = ZoneInfo("Europe/Berlin")
DUE = datetime(2026, 3, 2, 9, 30, tzinfo=BERLIN)


def delivery(kind: str = "dose", substance: str | None = "Kratom", **extra) -> Delivery:
    return Delivery(
        key=f"{kind}:x",
        kind=kind,
        due=DUE,
        valid_until=DUE + timedelta(hours=2),
        substance=substance,
        reason_code=extra.get("reason_code", "fixed_time"),
        reason_data=extra.get("reason_data", {"time": "09:30"}),
    )


def test_the_timer_host_fires_its_one_timer(qtbot) -> None:
    host = QtTimerHost()
    fired: list[str] = []
    host.arm(10, lambda: fired.append("late"))
    host.arm(0.05, lambda: fired.append("soon"))  # re-arming replaces the deadline
    qtbot.waitUntil(lambda: fired == ["soon"], timeout=2000)
    qtbot.wait(100)
    assert fired == ["soon"] and host.remaining_ms == -1


def test_the_timer_host_clamps_long_waits_and_cancels(qtbot) -> None:
    host = QtTimerHost()
    host.arm(90 * 24 * 3600, lambda: None)  # 90 days: beyond QTimer's 2^31 ms
    assert 0 < host.remaining_ms <= MAX_INTERVAL_MS
    host.cancel()
    assert host.remaining_ms == -1


def test_only_one_instance_and_the_second_asks_the_first_to_show(qtbot, tmp_path: Path) -> None:
    first = SingleInstance(tmp_path, name=f"ebb-test-{os.getpid()}")
    assert first.acquire()
    second = SingleInstance(tmp_path, name=first.name)
    assert not second.acquire()
    with qtbot.waitSignal(first.show_requested, timeout=3000) as shown:
        assert second.ask_first_to_show()
    assert shown.args == [""]  # no launcher token: a plain request
    first.release()
    third = SingleInstance(tmp_path, name=first.name)
    assert third.acquire()
    third.release()


def test_the_launchers_activation_token_goes_to_the_first_instance(
    qtbot, tmp_path: Path, monkeypatch
) -> None:
    """Under Wayland only a token from the user's own launch may raise a window: the second
    `ebb run` hands its XDG_ACTIVATION_TOKEN to the running Ebb."""
    first = SingleInstance(tmp_path, name=f"ebb-test-token-{os.getpid()}")
    assert first.acquire()
    monkeypatch.setenv("XDG_ACTIVATION_TOKEN", "kwin-42_ab.c")
    with qtbot.waitSignal(first.show_requested, timeout=3000) as shown:
        assert SingleInstance(tmp_path, name=first.name).ask_first_to_show()
    assert shown.args == ["kwin-42_ab.c"]
    first.release()


def test_the_token_is_left_for_qts_wayland_activation_when_the_window_is_shown(qtbot, monkeypatch) -> None:
    from PySide6.QtWidgets import QApplication

    from desktop.ui.controllers.views import ShellViews

    monkeypatch.delenv("XDG_ACTIVATION_TOKEN", raising=False)
    views = ShellViews(QApplication.instance(), lambda: None, lambda _window: None)  # type: ignore[arg-type,return-value]
    seen: list[str | None] = []
    monkeypatch.setattr(
        type(views.window), "activateWindow", lambda _w: seen.append(os.environ.get("XDG_ACTIVATION_TOKEN"))
    )
    views.show_window(activation_token="kwin-42_ab.c")
    # Qt's Wayland plugin reads (and clears) it in requestActivate(); offscreen leaves it.
    assert seen == ["kwin-42_ab.c"]
    views.window.close()


def make_tray(status: TrayStatus) -> Tray:
    tray = Tray(lambda: status)
    tray.show()  # builds the menu
    return tray


def test_tray_menu_and_states(qtbot) -> None:
    tray = make_tray(TrayStatus(NextReminder(DUE.replace(hour=9, minute=30), "checkin", None), None, 0))
    texts = tray.action_texts()
    assert texts[0] == "Next: 09:30 pain check-in"
    for wanted in (
        "Log &dose…",
        "&Pain check-in…",
        "&Sleep diary…",
        "Pa&use reminders",
        "&Open Ebb",
        "&Quit",
    ):
        assert wanted in texts
    assert tray.state is TrayState.IDLE
    assert "Next: 09:30 pain check-in" in tray.icon.toolTip()
    paused = make_tray(TrayStatus(None, DUE, 0))
    assert paused.state is TrayState.PAUSED
    assert any(t.startswith("&Resume reminders") for t in paused.action_texts())
    assert make_tray(TrayStatus(None, None, 2)).state is TrayState.DUE


@pytest.mark.parametrize(
    ("kind", "substance", "words"),
    [
        ("checkin", None, "09:30 pain check-in"),
        ("followup", None, "09:30 pain follow-up"),
        ("sleep_diary", None, "09:30 sleep diary"),
        ("dose", "Kratom", "09:30 Kratom dose"),
        ("dose", None, "09:30 dose"),  # discreet
        ("melatonin", "Melatonin", "09:30 Melatonin"),
        ("melatonin", None, "09:30 melatonin"),  # discreet
    ],
)
def test_the_next_reminder_in_words(qtbot, kind: str, substance: str | None, words: str) -> None:
    tray = Tray(lambda: TrayStatus(None, None, 0))
    assert tray.reminder_words(NextReminder(DUE, kind, substance)) == words


def test_while_the_journal_opens_the_tray_offers_only_open_and_quit(qtbot) -> None:
    tray = make_tray(STARTING)
    assert tray.action_texts() == ["Starting Ebb…", "&Open Ebb", "&Quit"]
    assert not tray.menu.actions()[0].isEnabled()
    assert "Starting…" in tray.icon.toolTip()
    actions = {a.text(): a for a in tray.menu.actions()}
    with qtbot.waitSignal(tray.open_main):
        actions["&Open Ebb"].trigger()


def test_the_tray_menu_is_built_when_the_icon_is_shown(qtbot) -> None:
    asked: list[int] = []

    def status() -> TrayStatus:
        asked.append(1)
        return TrayStatus(None, None, 2)

    tray = Tray(status)  # no tray on screen: no menu, no status needed
    tray.refresh()
    assert tray.menu.actions() == [] and asked == [] and tray.state is TrayState.IDLE
    tray.show()
    assert "&Quit" in tray.action_texts() and tray.state is TrayState.DUE
    tray.hide()


def test_tray_actions_emit_signals(qtbot) -> None:
    tray = make_tray(TrayStatus(None, None, 0))
    actions = {a.text(): a for a in tray.menu.actions()}
    with qtbot.waitSignal(tray.log_pain):
        actions["&Pain check-in…"].trigger()
    with qtbot.waitSignal(tray.quit):
        actions["&Quit"].trigger()
    pause_menu = actions["Pa&use reminders"].menu()
    with qtbot.waitSignal(tray.pause_for) as blocker:
        pause_menu.actions()[0].trigger()
    assert blocker.args == [60]


def test_the_tray_menu_is_built_once_and_updated_in_place(qtbot) -> None:
    """A StatusNotifierItem host asks for the layout on AboutToShow and then sends the
    click by item id: the items must be the same ones, and opening leaks nothing."""
    from PySide6.QtWidgets import QMenu

    status = [TrayStatus(NextReminder(DUE.replace(hour=9, minute=30), "checkin", None), None, 0)]
    tray = Tray(lambda: status[0])
    tray.show()
    actions = list(tray.menu.actions())
    menus = len(tray.menu.findChildren(QMenu))
    for _ in range(101):
        tray.menu.aboutToShow.emit()
    assert tray.menu.actions() == actions and len(tray.menu.findChildren(QMenu)) == menus
    # Paused: the same items, Resume shown instead of Pause, the time in the header.
    status[0] = TrayStatus(None, DUE, 0)
    tray.menu.aboutToShow.emit()
    assert tray.menu.actions() == actions
    texts = tray.action_texts()
    assert "&Resume reminders" in texts and "Pa&use reminders" not in texts
    assert texts[0] == f"Reminders paused until {DUE:%a %H:%M}"
    resume = next(a for a in actions if a.text() == "&Resume reminders")
    with qtbot.waitSignal(tray.resume):
        resume.trigger()
    tray.hide()


@pytest.mark.parametrize(
    ("kind", "substance", "title", "primary"),
    [
        ("dose", "Kratom", "Kratom dose reminder", "Taken"),
        ("dose", None, "Reminder", "Taken"),  # discreet: no name anywhere
        ("melatonin", "Melatonin", "Melatonin", "Taken"),
        ("melatonin", None, "Evening reminder", "Taken"),
        ("checkin", None, "Pain check-in", "Log pain"),
        ("sleep_diary", None, "Sleep diary", "Fill in"),
    ],
)
def test_reminder_words(qtbot, kind, substance, title, primary) -> None:
    text = reminder_text(delivery(kind, substance))
    assert (text.title, text.primary) == (title, primary)
    if substance is None:
        assert "Kratom" not in text.title + text.body and "Melatonin" not in text.title + text.body


def test_a_dose_reminder_says_until_when_in_plain_words(qtbot) -> None:
    text = reminder_text(delivery("dose", "Kratom"))
    until = delivery("dose", "Kratom").valid_until
    assert text.body.endswith(f" — until {until.astimezone(DUE.tzinfo):%H:%M}")
    assert "Valid" not in text.body


def test_missed_summary_is_one_message() -> None:
    items = [MissedItem(f"k{i}", "checkin", DUE + timedelta(hours=i), None) for i in range(10)]
    title, body = missed_summary(items)
    assert title == "While you were away: 10 reminders missed"
    assert body.count("\n") == 8 and body.endswith("… and 2 more")


def test_reminder_window_answers(qtbot) -> None:
    window = ReminderWindow()
    qtbot.addWidget(window)
    window.show_delivery(delivery())
    assert window.isVisible() and window.title.text() == "Kratom dose reminder"
    with qtbot.waitSignal(window.action) as blocker:
        window.skip.click()
    assert blocker.args == ["dose:x", "skip"] and not window.isVisible()
    window.show_delivery(delivery())
    with qtbot.waitSignal(window.action) as blocker:
        window.snooze.menu().actions()[0].trigger()
    assert blocker.args == ["dose:x", "snooze:10"]


def test_without_a_notification_service_the_window_shows_the_reminder(qtbot) -> None:
    window = ReminderWindow()
    qtbot.addWidget(window)
    notifier = ShellNotifier(None, lambda: window)
    notifier.deliver(delivery("checkin", None))
    assert window.isVisible() and window.key == "checkin:x"
    notifier.withdraw("checkin:x")
    assert not window.isVisible()


def test_a_failed_notification_falls_back_to_the_window(qtbot) -> None:
    from desktop.ui.shell.notifications import DesktopNotifications

    window = ReminderWindow()
    qtbot.addWidget(window)
    notifications = DesktopNotifications("Ebb", None)  # never started: sending fails at once
    notifier = ShellNotifier(notifications, lambda: window)
    notifier.deliver(delivery())
    qtbot.waitUntil(window.isVisible, timeout=3000)
    assert window.key == "dose:x"


def _start(data: Path, *args: str) -> subprocess.Popen[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "TZ": "UTC"}
    return subprocess.Popen(
        [sys.executable, "-m", "desktop", "--data-dir", str(data), "run", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )


def test_a_second_launch_exits_0_and_sigterm_quits_cleanly(tmp_path: Path) -> None:
    first = _start(tmp_path, "--minimized")
    try:
        deadline = time.monotonic() + 20
        while not list(tmp_path.glob("*.lock")) and time.monotonic() < deadline:
            time.sleep(0.1)
        time.sleep(0.5)
        second = _start(tmp_path, "--smoke")
        out, _ = second.communicate(timeout=30)
        assert second.returncode == 0
        assert "already running" in out
    finally:
        first.send_signal(signal.SIGTERM)
        _, err = first.communicate(timeout=20)
    assert first.returncode == 0, err
    assert not list(tmp_path.glob("*.lock")), "the lock file is removed on a clean quit"


def test_the_missed_summary_is_shown_another_way_without_a_notification_service(qtbot) -> None:
    window = ReminderWindow()
    qtbot.addWidget(window)
    notifier = ShellNotifier(None, lambda: window)
    items = [MissedItem("k1", "checkin", DUE, None)]
    with qtbot.waitSignal(notifier.summary_unshown) as blocker:
        notifier.summarise_missed(items)
    assert blocker.args[0] == "While you were away: 1 reminder missed"


@pytest.mark.skipif(not hasattr(os, "getuid"), reason="POSIX user numbers")
def test_the_instance_name_is_per_user_number_and_data_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = server_name(tmp_path / "a")
    assert first.startswith(f"ebb-{os.getuid()}-")
    monkeypatch.setenv("USER", "somebody-else")
    monkeypatch.delenv("LOGNAME", raising=False)
    assert server_name(tmp_path / "a") == first  # $USER cannot make it another user's
    assert server_name(tmp_path / "b") != first


def test_the_single_instance_socket_and_lock_are_for_this_user_only(qtbot, tmp_path: Path) -> None:
    import stat

    instance = SingleInstance(tmp_path / "data", name=f"ebb-perm-{os.getpid()}")
    assert instance.acquire()
    try:
        assert instance._server is not None
        socket_path = Path(instance._server.fullServerName())
        assert socket_path.exists(), socket_path
        assert stat.S_IMODE(socket_path.stat().st_mode) & 0o077 == 0, oct(socket_path.stat().st_mode)
        assert stat.S_IMODE((tmp_path / "data").stat().st_mode) == 0o700
    finally:
        instance.release()


def test_with_window_only_chosen_reminders_skip_notifications(qtbot) -> None:
    window = ReminderWindow()
    qtbot.addWidget(window)

    class Refusing:
        """A notification service that must not be asked."""

        action = failed = None

        def send(self, *args) -> None:
            raise AssertionError("a notification was sent although the window was chosen")

    notifier = ShellNotifier(None, lambda: window, lambda: True)
    notifier.notifications = Refusing()  # type: ignore[assignment]  # present, and never asked
    notifier.deliver(delivery())
    assert window.isVisible() and window.key == "dose:x"
    summaries: list[tuple[str, str]] = []
    notifier.summary_unshown.connect(lambda title, body: summaries.append((title, body)))
    notifier.summarise_missed([])
    assert summaries  # shown another way, not as a notification
