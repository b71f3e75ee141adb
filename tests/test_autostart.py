"""Start at login: desktop/system/autostart/ (one module a platform).

Each implementation is checked through what it leaves behind: the ``ebb.desktop`` file
(read back with configparser and with a reader written from the Desktop Entry spec), the
registry value in a fake registry, the launchd plist (read back with plistlib).
"""

from __future__ import annotations

import configparser
import ctypes
import ctypes.util
import os
import plistlib
import re
import stat
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.system import autostart
from desktop.system.autostart import (
    RUN_KEY,
    ForeignAutostartEntry,
    MacLaunchAgent,
    UnsupportedPlatform,
    WindowsRunKey,
    XdgAutostart,
    autostart_for,
    default_command,
    default_config_home,
    exec_value,
)
from tests.fresh import fresh_python

EBB = ["/usr/bin/ebb", "run", "--minimized"]


# --- A reader for .desktop files, written from the specs, independent of the module ----

STRING_ESCAPES = {"s": " ", "n": "\n", "t": "\t", "r": "\r", "\\": "\\"}
RESERVED = set(" \t\n\"'\\><~|&;$*?#()`")


def unescape_string(raw: str) -> str:
    """Desktop Entry spec, "Possible value types": the escapes of a string value."""
    out, i = [], 0
    while i < len(raw):
        if raw[i] == "\\":
            assert raw[i + 1] in STRING_ESCAPES, f"invalid string escape in {raw!r}"
            out.append(STRING_ESCAPES[raw[i + 1]])
            i += 2
        else:
            out.append(raw[i])
            i += 1
    return "".join(out)


def literal_percent(arg: str) -> str:
    assert re.fullmatch(r"(?:[^%]|%%)*", arg), f"a lone % (field code) in {arg!r}"
    return arg.replace("%%", "%")


def split_exec(raw: str) -> list[str]:
    """Desktop Entry spec, "The Exec key": the argument vector a launcher would run."""
    value, args, i = unescape_string(raw), [], 0
    while i < len(value):
        if value[i] == " ":
            i += 1
            continue
        if value[i] == '"':
            i += 1
            buf = []
            while value[i] != '"':
                if value[i] == "\\":
                    assert value[i + 1] in '"`$\\', f"backslash before {value[i + 1]!r} in {value!r}"
                    buf.append(value[i + 1])
                    i += 2
                else:
                    buf.append(value[i])
                    i += 1
            i += 1
            assert i == len(value) or value[i] == " ", f"text glued to a quoted argument in {value!r}"
            arg = "".join(buf)
        else:
            end = value.find(" ", i)
            end = len(value) if end == -1 else end
            arg = value[i:end]
            assert not RESERVED & set(arg), f"unquoted reserved character in {arg!r}"
            i = end
        args.append(literal_percent(arg))
    return args


def read_entry(path: Path) -> dict[str, str]:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read_string(path.read_text(encoding="utf-8"))
    assert parser.sections() == ["Desktop Entry"]
    return dict(parser["Desktop Entry"])


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


# --- Linux and the BSDs ----------------------------------------------------------------


@pytest.fixture
def xdg(tmp_path: Path) -> XdgAutostart:
    return XdgAutostart(tmp_path / "config", EBB)


def test_enable_writes_exactly_the_expected_desktop_entry(xdg: XdgAutostart, tmp_path: Path) -> None:
    xdg.enable()

    path = tmp_path / "config" / "autostart" / "ebb.desktop"
    assert xdg.describe() == str(path)
    assert path.read_text(encoding="utf-8").startswith("[Desktop Entry]\n")
    assert read_entry(path) == {
        "Type": "Application",
        "Name": "Ebb",
        "Comment": "Start Ebb in the tray when you log in",
        "Exec": "/usr/bin/ebb run --minimized",
        "Icon": "ebb",
        "Terminal": "false",
        "X-GNOME-Autostart-enabled": "true",
        "X-Ebb-Autostart": "true",
    }


def test_the_entry_is_private_to_the_user(xdg: XdgAutostart) -> None:
    xdg.enable()
    assert mode(xdg.path) == 0o600


def test_the_entry_names_no_substance() -> None:
    text = autostart.desktop_entry(EBB).lower()
    assert not any(word in text for word in ("kratom", "melatonin", "pain", "dose"))


# Raw Exec values as they appear in the file. The string level doubles every backslash
# once more, so `\"` in the Exec quoting is `\\"` in the file, and a literal backslash
# in a quoted argument is four (the spec's own example).
EXEC_CASES = [
    pytest.param(EBB, "/usr/bin/ebb run --minimized", id="plain"),
    pytest.param(["/opt/My Apps/ebb", "run"], '"/opt/My Apps/ebb" run', id="space in the program"),
    pytest.param(["ebb", "--note", 'say "hi"'], 'ebb --note "say \\\\"hi\\\\""', id="double quotes"),
    pytest.param(["ebb", "it's"], 'ebb "it\'s"', id="single quote"),
    pytest.param(["ebb", "100%"], "ebb 100%%", id="percent"),
    pytest.param(["ebb", "50% off"], 'ebb "50%% off"', id="percent and space"),
    pytest.param(["ebb", "%f"], "ebb %%f", id="looks like a field code"),
    pytest.param(["ebb", "$HOME"], 'ebb "\\\\$HOME"', id="dollar"),
    pytest.param(["ebb", "a`b`"], 'ebb "a\\\\`b\\\\`"', id="backtick"),
    pytest.param(["ebb", "C:\\x"], 'ebb "C:\\\\\\\\x"', id="backslash"),
    pytest.param(["ebb", ""], 'ebb ""', id="empty argument"),
    pytest.param(["ebb", "a=b", "~/x", "#1"], 'ebb a=b "~/x" "#1"', id="= is not reserved, ~ and # are"),
    pytest.param(["/home/zoë/.local/bin/ebb"], "/home/zoë/.local/bin/ebb", id="non-ascii"),
]


@pytest.mark.parametrize(("command", "raw"), EXEC_CASES)
def test_exec_is_quoted_per_the_desktop_entry_spec(tmp_path: Path, command: list[str], raw: str) -> None:
    entry = XdgAutostart(tmp_path, command)
    entry.enable()
    assert read_entry(entry.path)["Exec"] == raw
    assert split_exec(raw) == command


ARGUMENT = st.one_of(
    st.text(alphabet=st.sampled_from(" \"'\\$`%=~#;&|<>*?()aZ0-/é")),
    st.text(alphabet=st.characters(blacklist_categories=("Cc", "Cs"))),
)


@given(st.lists(ARGUMENT, min_size=1).filter(lambda c: "=" not in c[0]))
def test_any_command_reads_back_as_the_same_arguments(command: list[str]) -> None:
    assert split_exec(exec_value(command)) == command


def _glib_argv(desktop_file: Path) -> list[str]:
    """GLib's reading of the file: g_key_file_get_string, then g_shell_parse_argv."""
    glib = ctypes.CDLL(ctypes.util.find_library("glib-2.0"))

    class GError(ctypes.Structure):
        _fields_ = [("domain", ctypes.c_uint32), ("code", ctypes.c_int), ("message", ctypes.c_char_p)]

    err_p = ctypes.POINTER(GError)
    glib.g_key_file_new.restype = ctypes.c_void_p
    glib.g_key_file_load_from_file.argtypes = [
        ctypes.c_void_p,
        ctypes.c_char_p,
        ctypes.c_int,
        ctypes.c_void_p,
    ]
    glib.g_key_file_get_string.restype = ctypes.c_void_p
    glib.g_key_file_get_string.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_char_p, ctypes.c_void_p]
    glib.g_shell_parse_argv.argtypes = [
        ctypes.c_char_p,
        ctypes.POINTER(ctypes.c_int),
        ctypes.POINTER(ctypes.POINTER(ctypes.c_char_p)),
        ctypes.c_void_p,
    ]
    glib.g_key_file_free.argtypes = [ctypes.c_void_p]

    key_file = glib.g_key_file_new()
    try:
        error = err_p()
        assert glib.g_key_file_load_from_file(key_file, bytes(desktop_file), 0, ctypes.byref(error))
        value = glib.g_key_file_get_string(key_file, b"Desktop Entry", b"Exec", ctypes.byref(error))
        assert not error, error.contents.message
        exec_line = ctypes.string_at(value)
        glib.g_free(ctypes.c_void_p(value))
    finally:
        glib.g_key_file_free(key_file)
    argc, argv = ctypes.c_int(), ctypes.POINTER(ctypes.c_char_p)()
    assert glib.g_shell_parse_argv(exec_line, ctypes.byref(argc), ctypes.byref(argv), ctypes.byref(error))
    # GLib expands field codes (%% -> %) before it splits; our arguments have no others.
    args = [argv[i].decode().replace("%%", "%") for i in range(argc.value)]
    glib.g_strfreev(argv)
    return args


@pytest.mark.skipif(not ctypes.util.find_library("glib-2.0"), reason="GLib is not installed")
@pytest.mark.parametrize(("command", "raw"), EXEC_CASES)
def test_glib_reads_the_same_arguments(tmp_path: Path, command: list[str], raw: str) -> None:
    entry = XdgAutostart(tmp_path, command)
    entry.enable()
    assert _glib_argv(entry.path) == command


@pytest.mark.parametrize(
    "command",
    [[], ["/usr/bin/ebb", "line\nbreak"], ["/usr/bin/ebb\t"], ["/opt/a=b/ebb", "run"]],
    ids=["empty", "newline", "tab", "= in the program"],
)
def test_commands_a_desktop_entry_cannot_hold_are_refused(tmp_path: Path, command: list[str]) -> None:
    entry = XdgAutostart(tmp_path, command)
    with pytest.raises(ValueError, match="autostart"):
        entry.enable()
    assert not entry.path.exists()


def test_enable_then_disable(xdg: XdgAutostart) -> None:
    assert not xdg.is_enabled()
    xdg.enable()
    assert xdg.is_enabled()
    xdg.disable()
    assert not xdg.is_enabled()
    assert not xdg.path.exists()


def test_enabling_twice_is_idempotent(xdg: XdgAutostart) -> None:
    xdg.enable()
    first = xdg.path.read_bytes()
    xdg.enable()
    assert xdg.path.read_bytes() == first
    assert xdg.is_enabled()
    assert os.listdir(xdg.path.parent) == ["ebb.desktop"]  # no temporary files left


def test_disable_when_not_enabled_does_nothing(xdg: XdgAutostart) -> None:
    xdg.disable()
    assert not xdg.path.exists()
    assert not xdg.path.parent.exists()


@pytest.mark.parametrize(
    ("line", "enabled"),
    [
        ("Hidden=true", False),
        ("Hidden=false", True),
        ("X-GNOME-Autostart-enabled=false", False),
    ],
)
def test_switched_off_entries_count_as_disabled(xdg: XdgAutostart, line: str, enabled: bool) -> None:
    xdg.enable()
    key = line.split("=")[0]
    kept = [x for x in xdg.path.read_text().splitlines() if not x.startswith(key + "=")]
    xdg.path.write_text("\n".join([*kept, line]) + "\n")
    assert xdg.is_enabled() is enabled


def test_enable_switches_a_hidden_entry_of_ours_back_on(xdg: XdgAutostart) -> None:
    xdg.enable()
    xdg.path.write_text(xdg.path.read_text() + "Hidden=true\n")
    xdg.enable()
    assert xdg.is_enabled()
    assert "Hidden" not in read_entry(xdg.path)


FOREIGN = [
    pytest.param("[Desktop Entry]\nType=Application\nName=Ebb\nExec=ebb run\n", id="no owner key"),
    pytest.param("[Desktop Entry]\nExec=ebb\nX-Ebb-Autostart=false\n", id="owner key false"),
    pytest.param("not a desktop file at all\n", id="unparsable"),
    pytest.param("[Something Else]\nX-Ebb-Autostart=true\n", id="wrong group"),
]


@pytest.mark.parametrize("text", FOREIGN)
def test_a_foreign_entry_is_reported_not_destroyed(xdg: XdgAutostart, text: str) -> None:
    xdg.path.parent.mkdir(parents=True)
    xdg.path.write_text(text)

    assert not xdg.is_enabled()
    with pytest.raises(ForeignAutostartEntry, match="not written by Ebb") as raised:
        xdg.disable()
    assert raised.value.location == str(xdg.path)
    with pytest.raises(ForeignAutostartEntry):
        xdg.enable()
    assert xdg.path.read_text() == text


def test_a_failed_write_leaves_the_old_entry_and_no_debris(
    xdg: XdgAutostart, monkeypatch: pytest.MonkeyPatch
) -> None:
    xdg.enable()
    before = xdg.path.read_bytes()
    xdg.command = ["/elsewhere/ebb"]

    def crash(src: str, dst: str) -> None:
        raise OSError("disk full")

    monkeypatch.setattr("os.replace", crash)
    with pytest.raises(OSError, match="disk full"):
        xdg.enable()
    assert xdg.path.read_bytes() == before
    assert os.listdir(xdg.path.parent) == ["ebb.desktop"]


def test_config_home_follows_xdg_config_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "cfg"))
    assert default_config_home() == tmp_path / "cfg"
    assert XdgAutostart(command=EBB).path == tmp_path / "cfg" / "autostart" / "ebb.desktop"


@pytest.mark.parametrize("value", ["", "relative/cfg"], ids=["empty", "relative (invalid per spec)"])
def test_config_home_falls_back_to_dot_config(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, value: str
) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", value)
    assert default_config_home(tmp_path) == tmp_path / ".config"
    monkeypatch.delenv("XDG_CONFIG_HOME")
    assert default_config_home(tmp_path) == tmp_path / ".config"


# --- Windows ---------------------------------------------------------------------------


class FakeRegistry:
    """A strict stand-in: deleting a missing value is an error, so needless calls show."""

    def __init__(self) -> None:
        self.values: dict[tuple[str, str], str] = {}

    def set_value(self, path: str, name: str, value: str) -> None:
        self.values[path, name] = value

    def delete_value(self, path: str, name: str) -> None:
        del self.values[path, name]

    def get_value(self, path: str, name: str) -> str | None:
        return self.values.get((path, name))


RUN = r"Software\Microsoft\Windows\CurrentVersion\Run"


@pytest.mark.parametrize(
    ("command", "value"),
    [
        pytest.param(
            [r"C:\Program Files\Ebb\ebb.exe", "run", "--minimized"],
            r'"C:\Program Files\Ebb\ebb.exe" run --minimized',
            id="space",
        ),
        pytest.param(
            [r"C:\Ebb\ebb.exe", "--note", 'say "hi"'], r'C:\Ebb\ebb.exe --note "say \"hi\""', id="quotes"
        ),
        pytest.param([r"C:\Ebb Files" + "\\", "x"], r'"C:\Ebb Files\\" x', id="trailing backslash"),
        pytest.param([r"C:\Ebb\ebb.exe", "100%"], r"C:\Ebb\ebb.exe 100%", id="percent is literal"),
        pytest.param([r"C:\Ebb\ebb.exe", ""], r'C:\Ebb\ebb.exe ""', id="empty argument"),
    ],
)
def test_run_key_holds_the_quoted_command_line(command: list[str], value: str) -> None:
    registry = FakeRegistry()
    WindowsRunKey(registry, command).enable()
    assert registry.values == {(RUN, "Ebb"): value}


def test_run_key_enable_then_disable() -> None:
    registry = FakeRegistry()
    run_key = WindowsRunKey(registry, [r"C:\Ebb\ebb.exe", "run", "--minimized"])
    assert not run_key.is_enabled()
    run_key.enable()
    run_key.enable()
    assert registry.values == {(RUN, "Ebb"): r"C:\Ebb\ebb.exe run --minimized"}
    assert run_key.is_enabled()
    run_key.disable()
    assert registry.values == {}
    assert not run_key.is_enabled()
    run_key.disable()  # the strict fake would raise if disable deleted a missing value
    assert registry.values == {}


def test_run_key_leaves_other_programs_alone() -> None:
    registry = FakeRegistry()
    registry.set_value(RUN, "OneDrive", "onedrive.exe /background")
    run_key = WindowsRunKey(registry, ["ebb.exe"])
    run_key.enable()
    run_key.disable()
    assert registry.values == {(RUN, "OneDrive"): "onedrive.exe /background"}


def test_run_key_describes_where_it_lives() -> None:
    assert RUN_KEY == RUN
    assert WindowsRunKey(FakeRegistry(), ["ebb.exe"]).describe() == (
        r'HKEY_CURRENT_USER\Software\Microsoft\Windows\CurrentVersion\Run, value "Ebb"'
    )


@pytest.mark.skipif(sys.platform == "win32", reason="checks the lazy winreg import elsewhere")
def test_the_real_registry_is_touched_only_on_windows() -> None:
    run_key = autostart_for("win32", command=["ebb.exe"])  # builds without winreg
    assert isinstance(run_key.registry, autostart.CurrentUserRegistry)  # type: ignore[attr-defined]
    with pytest.raises(OSError, match="only on Windows"):
        run_key.is_enabled()


# --- macOS -----------------------------------------------------------------------------


@pytest.fixture
def agent(tmp_path: Path) -> MacLaunchAgent:
    return MacLaunchAgent(tmp_path, ["/Applications/My Ebb/ebb", "run", "--minimized"])


def test_launch_agent_plist_is_exactly_as_expected(agent: MacLaunchAgent, tmp_path: Path) -> None:
    agent.enable()

    path = tmp_path / "Library" / "LaunchAgents" / "org.ebb.app.plist"
    assert agent.describe() == str(path)
    with path.open("rb") as f:
        assert plistlib.load(f) == {
            "Label": "org.ebb.app",
            "ProgramArguments": ["/Applications/My Ebb/ebb", "run", "--minimized"],
            "RunAtLoad": True,
            "ProcessType": "Interactive",
        }
    assert mode(path) == 0o600


def test_launch_agent_enable_then_disable(agent: MacLaunchAgent) -> None:
    assert not agent.is_enabled()
    agent.disable()  # nothing there: no error
    agent.enable()
    first = agent.path.read_bytes()
    agent.enable()
    assert agent.path.read_bytes() == first
    assert os.listdir(agent.path.parent) == ["org.ebb.app.plist"]
    assert agent.is_enabled()
    agent.disable()
    assert not agent.path.exists()
    assert not agent.is_enabled()


@pytest.mark.parametrize(
    "content",
    [
        pytest.param(plistlib.dumps({"Label": "org.ebb.app", "Disabled": True}), id="Disabled=true"),
        pytest.param(b"not a plist", id="garbage"),
        pytest.param(b"<?xml version='1.0'?><plist><dict><key>", id="truncated xml"),
    ],
)
def test_launch_agent_that_launchd_would_not_run_counts_as_disabled(
    agent: MacLaunchAgent, content: bytes
) -> None:
    agent.path.parent.mkdir(parents=True)
    agent.path.write_bytes(content)
    assert not agent.is_enabled()
    agent.enable()
    assert agent.is_enabled()


# --- Choosing one ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("platform", "kind"),
    [
        ("linux", XdgAutostart),
        ("freebsd14", XdgAutostart),
        ("openbsd7", XdgAutostart),
        ("win32", WindowsRunKey),
        ("darwin", MacLaunchAgent),
    ],
)
def test_autostart_for_picks_the_platform_mechanism(tmp_path: Path, platform: str, kind: type) -> None:
    chosen = autostart_for(platform, command=EBB, home=tmp_path, registry=FakeRegistry())
    assert type(chosen) is kind
    assert chosen.command == EBB  # type: ignore[attr-defined]


@pytest.mark.parametrize("platform", ["emscripten", "wasi", "ios", "android"])
def test_autostart_for_refuses_platforms_it_does_not_know(platform: str) -> None:
    with pytest.raises(UnsupportedPlatform, match=platform):
        autostart_for(platform, command=EBB)


def test_autostart_for_places_entries_under_the_given_home(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("XDG_CONFIG_HOME")
    linux = autostart_for("linux", command=EBB, home=tmp_path)
    mac = autostart_for("darwin", command=EBB, home=tmp_path)
    assert linux.describe() == str(tmp_path / ".config" / "autostart" / "ebb.desktop")
    assert mac.describe() == str(tmp_path / "Library" / "LaunchAgents" / "org.ebb.app.plist")
    explicit = autostart_for("linux", command=EBB, config_home=tmp_path / "cfg")
    assert explicit.describe() == str(tmp_path / "cfg" / "autostart" / "ebb.desktop")


def test_default_command_uses_the_ebb_script_on_path(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr("shutil.which", lambda name: "/opt/ebb/bin/ebb" if name == "ebb" else None)
    assert default_command() == ["/opt/ebb/bin/ebb", "run", "--minimized"]
    assert autostart_for("darwin", home=tmp_path).command == default_command()  # type: ignore[attr-defined]


def test_default_command_makes_a_relative_path_absolute(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr("shutil.which", lambda name: "bin/ebb")
    assert default_command()[0] == str(tmp_path / "bin" / "ebb")


def test_default_command_falls_back_to_this_python(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("shutil.which", lambda name: None)
    assert default_command() == [sys.executable, "-m", "desktop", "run", "--minimized"]


def test_the_default_arguments_are_ones_the_cli_accepts() -> None:
    from desktop.cli.main import build_parser

    args = build_parser().parse_args(default_command()[-2:])
    assert (args.command, args.minimized) == ("run", True)


def test_importing_autostart_loads_no_qt() -> None:
    code = (
        "import sys, desktop.system.autostart\n"
        "print(sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken'))))"
    )
    assert fresh_python(code).strip() == "[]"
