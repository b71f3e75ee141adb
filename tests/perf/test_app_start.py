"""Start-up, memory and idle cost of the tray app against a bare PySide6 tray script
(tests/perf/bare_tray.py), measured in the same run (DESIGN.md section 10).

Every child runs with QT_QPA_PLATFORM=offscreen, TZ=UTC, a private HOME / XDG folders /
TMPDIR (QLocalServer's socket lives in TMPDIR, so a real Ebb's single-instance socket is
never touched) and no D-Bus session bus, so both programs take the same no-bus path.
Under offscreen there is no system tray, so Ebb shows its main window as well.

Bytecode: children may write .pyc files (PYTHONDONTWRITEBYTECODE is dropped) into a private
PYTHONPYCACHEPREFIX, and an unmeasured first run fills it, as an installed app would have
its bytecode. With PYTHONDONTWRITEBYTECODE=1 every start compiles Ebb's ~120 pure-Python
modules from source (about +190 ms for Ebb, nearly nothing for the bare script).
"""

from __future__ import annotations

import os
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from tests.perf.conftest import record, summary

pytestmark = pytest.mark.perf

REPEAT = 10
HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
ICON = ROOT / "resources" / "icons" / "ebb.svg"
BARE = HERE / "bare_tray.py"
RUN_TIMEOUT_S = 60
IDLE_WARMUP_S = 5
IDLE_WINDOW_S = 60
CLK_TCK = os.sysconf("SC_CLK_TCK")
GNU_TIME = Path("/usr/bin/time")
# numpy comes with sqlite-utils (it imports numpy when installed); these are Ebb's own.
HEAVY = ("matplotlib", "desktop.core.pain_model")


def child_env(base: Path) -> dict[str, str]:
    """A hermetic environment: never the real user's folders, display or session bus."""
    home = base / "home"
    tmp = base / "tmp"
    for folder in (home, tmp):
        folder.mkdir(parents=True, exist_ok=True)
    env = {
        key: value
        for key, value in os.environ.items()
        if key
        not in (
            "EBB_DATA_DIR",
            "DBUS_SESSION_BUS_ADDRESS",
            "DISPLAY",
            "WAYLAND_DISPLAY",
            "PYTHONDONTWRITEBYTECODE",
        )
    }
    env.update(
        QT_QPA_PLATFORM="offscreen",
        TZ="UTC",
        HOME=str(home),
        XDG_DATA_HOME=str(home / ".local/share"),
        XDG_CONFIG_HOME=str(home / ".config"),
        XDG_STATE_HOME=str(home / ".local/state"),
        XDG_CACHE_HOME=str(home / ".cache"),
        XDG_RUNTIME_DIR=str(tmp),
        TMPDIR=str(tmp),
        PYTHONPYCACHEPREFIX=str(base / "pycache"),
    )
    return env


def ebb_cmd(data: Path, *args: str) -> list[str]:
    return [sys.executable, "-m", "desktop", "--data-dir", str(data), *args]


def bare_cmd(*args: str) -> list[str]:
    return [sys.executable, str(BARE), str(ICON), *args]


# ---- one run: wall time and peak RSS of exactly that child -----------------------------


@dataclass
class Run:
    wall: float  # spawn to exit
    tray: float  # spawn to the "tray" line (the icon or the window is shown)
    ready: float  # spawn to the "ready" line (everything started)
    maxrss_kb: int | None
    code: int
    stdout: str
    stderr: str


def run_once(cmd: list[str], env: dict[str, str]) -> Run:
    """Wall time from spawn to exit (and to the "tray" and "ready" lines), and the peak RSS.

    The peak is "Maximum resident set size" from GNU time (%M, i.e. wait4's ru_maxrss
    of its child). Not getrusage(RUSAGE_CHILDREN) deltas: that ru_maxrss is the maximum
    over all children reaped so far, not a sum. Not os.wait4 of a child spawned from
    pytest either: subprocess uses vfork, and exec() folds the high-water RSS of the
    shared (pytest's) address space into the child's ru_maxrss, a floor of ~65 MB.
    GNU time's own footprint before exec is ~2 MB."""
    with tempfile.NamedTemporaryFile() as rss, tempfile.TemporaryFile() as err:
        full = [str(GNU_TIME), "-f", "%M", "-o", rss.name, *cmd] if GNU_TIME.exists() else cmd
        start = time.perf_counter()
        proc = subprocess.Popen(
            full, env=env, stdout=subprocess.PIPE, stderr=err, cwd=ROOT, start_new_session=True
        )
        # On a hang, kill GNU time and the program under it alike.
        killer = threading.Timer(RUN_TIMEOUT_S, os.killpg, (proc.pid, signal.SIGKILL))
        killer.start()
        try:
            assert proc.stdout is not None
            lines, seen = [], {}
            for line in proc.stdout:
                seen.setdefault(line.strip(), time.perf_counter() - start)
                lines.append(line)
            code = proc.wait()
        finally:
            killer.cancel()
        wall = time.perf_counter() - start
        proc.stdout.close()
        err.seek(0)
        text = Path(rss.name).read_text().strip() if GNU_TIME.exists() else ""
        return Run(
            wall,
            seen.get(b"tray", wall),
            seen.get(b"ready", wall),
            int(text.splitlines()[-1]) if text else None,
            code,
            b"".join(lines).decode(),
            err.read().decode(errors="replace"),
        )


def checked(run: Run, what: str) -> Run:
    assert run.code == 0 and "ready" in run.stdout, f"{what} failed ({run.code}):\n{run.stderr[-2000:]}"
    return run


@dataclass
class SmokeRuns:
    bare: list[Run] = field(default_factory=list)
    ebb: list[Run] = field(default_factory=list)


@pytest.fixture(scope="module")
def smoke_runs(tmp_path_factory: pytest.TempPathFactory) -> SmokeRuns:
    """REPEAT alternating runs of each (order flipped every pair: ABBA...), after one
    unmeasured run of each (Ebb's creates the journal; both fill the bytecode and page
    caches)."""
    base = tmp_path_factory.mktemp("smoke")
    env = child_env(base)
    data = base / "data"
    ebb = ebb_cmd(data, "run", "--smoke")
    bare = bare_cmd()
    checked(run_once(ebb, env), "first ebb run")
    checked(run_once(bare, env), "first bare run")
    assert (data / "journal.db").exists()
    runs = SmokeRuns()
    for i in range(REPEAT):
        order = [("bare", bare), ("ebb", ebb)]
        for name, cmd in order if i % 2 == 0 else reversed(order):
            getattr(runs, name).append(checked(run_once(cmd, env), name))
    return runs


def _marker_ratio(smoke_runs: SmokeRuns, marker: str) -> float:
    bare = [getattr(r, marker) for r in smoke_runs.bare]
    ebb = [getattr(r, marker) for r in smoke_runs.ebb]
    ratio = statistics.median(ebb) / statistics.median(bare)
    print()
    print(summary(f"bare PySide6 tray (to '{marker}')", bare))
    print(summary(f"ebb run --smoke (to '{marker}')", ebb))
    print(f"ratio (median) {ratio:.2f}   ({REPEAT} alternating runs each)")
    return ratio


def test_smoke_start_shows_the_tray_within_1_3x_of_a_bare_tray_script(smoke_runs: SmokeRuns) -> None:
    """DESIGN.md 10: what the user first sees (the icon, or here without a tray the
    window) comes before the journal, APScheduler and sqlite-utils are imported."""
    ratio = _marker_ratio(smoke_runs, "tray")
    record(
        "`ebb run --smoke` to 'tray' (icon or window shown)",
        [r.tray for r in smoke_runs.ebb],
        baseline=("bare PySide6 tray script", [r.tray for r in smoke_runs.bare]),
        target="<= 1.3x baseline",
    )
    assert ratio <= 1.3


def test_smoke_start_is_ready_within_2_5x_of_a_bare_tray_script(smoke_runs: SmokeRuns) -> None:
    """DESIGN.md 10: "ready" (journal open, reminders planned and scheduled, Today
    built) <= 2.5x the bare script's "ready"; the wall time to exit is for information."""
    ratio = _marker_ratio(smoke_runs, "ready")
    record(
        "`ebb run --smoke` to 'ready' (everything started)",
        [r.ready for r in smoke_runs.ebb],
        baseline=("bare PySide6 tray script", [r.ready for r in smoke_runs.bare]),
        target="<= 2.5x baseline",
    )
    record(
        "`ebb run --smoke` wall time (spawn to exit)",
        [r.wall for r in smoke_runs.ebb],
        baseline=("bare PySide6 tray script", [r.wall for r in smoke_runs.bare]),
    )
    assert ratio <= 2.5


def test_smoke_start_peak_rss_is_within_45_mb_of_a_bare_tray_script(smoke_runs: SmokeRuns) -> None:
    if not GNU_TIME.exists():
        pytest.skip(f"{GNU_TIME} (GNU time) is needed for a child's own peak RSS")

    def mb(runs: list[Run]) -> list[float]:
        return [(r.maxrss_kb or 0) / 1024 for r in runs]

    def line(label: str, values: list[float]) -> str:
        return (
            f"{label:<38} median {statistics.median(values):8.1f} MB   "
            f"min {min(values):8.1f}   max {max(values):8.1f}"
        )

    bare, ebb = mb(smoke_runs.bare), mb(smoke_runs.ebb)
    extra = statistics.median(ebb) - statistics.median(bare)
    print()
    print("peak RSS = GNU time %M (ru_maxrss) of each child, same runs as the wall-time test")
    print(line("bare PySide6 tray (peak RSS)", bare))
    print(line("ebb run --smoke (peak RSS)", ebb))
    print(f"extra (median) {extra:+.1f} MB   target <= +45 MB")
    record(
        "`ebb run --smoke` peak RSS",
        ebb,
        unit="MB",
        scale=1,
        baseline=("bare PySide6 tray script", bare),
        target="<= baseline + 45 MB",
    )
    assert extra <= 45


# ---- imports ----------------------------------------------------------------------------

WRAPPER = (
    "import sys\n"
    "from desktop.cli import main\n"
    "code = main(sys.argv[1:])\n"
    "print('MODULES', *sorted(sys.modules))\n"
    "raise SystemExit(code)\n"
)


def test_smoke_start_imports_neither_matplotlib_nor_the_pain_model(tmp_path: Path) -> None:
    env = child_env(tmp_path)
    data = tmp_path / "data"
    checked(run_once(ebb_cmd(data, "run", "--smoke"), env), "first ebb run")  # the journal exists
    cmd = [sys.executable, "-X", "importtime", "-c", WRAPPER, "--data-dir", str(data), "run", "--smoke"]
    run = checked(run_once(cmd, env), "ebb run --smoke under -X importtime")
    listing = next(line for line in run.stdout.splitlines() if line.startswith("MODULES "))
    modules = listing.split()[1:]
    heavy = sorted(m for m in modules if m.split(".")[0] in HEAVY or m in HEAVY)
    rows = [line.split("|") for line in run.stderr.splitlines() if line.startswith("import time:")][1:]
    top = sorted(rows, key=lambda r: -int(r[1].strip()))[:10]
    print()
    print(f"{len(modules)} modules loaded by the end of 'run --smoke'; heavy: {heavy or 'none'}")
    print("largest cumulative imports (us):")
    for row in top:
        print(f"  {row[1].strip():>8}  {row[2].rstrip()}")
    assert heavy == []


# ---- idle -------------------------------------------------------------------------------


@dataclass
class Sample:
    at: float
    ticks: int  # utime + stime of the whole process (all threads, live and dead)
    threads: dict[int, tuple[str, int]]  # tid -> (name, voluntary + nonvoluntary switches)


def sample(pid: int) -> Sample:
    stat = Path(f"/proc/{pid}/stat").read_text()
    fields = stat.rpartition(")")[2].split()  # fields 3.. (the name may hold spaces)
    ticks = int(fields[11]) + int(fields[12])  # utime (14) + stime (15)
    threads = {}
    for task in Path(f"/proc/{pid}/task").iterdir():
        try:
            name = (task / "comm").read_text().strip()
            status = dict(
                line.split(":", 1) for line in (task / "status").read_text().splitlines() if ":" in line
            )
        except (FileNotFoundError, ProcessLookupError):
            continue  # the thread ended between listing and reading
        switches = int(status["voluntary_ctxt_switches"]) + int(status["nonvoluntary_ctxt_switches"])
        threads[int(task.name)] = (name, switches)
    return Sample(time.monotonic(), ticks, threads)


@dataclass
class Idle:
    label: str
    cpu_s: float
    wakeups_per_min: float
    per_thread: list[tuple[str, int, float]]  # (name, tid, wake-ups/min)


def idle_figures(label: str, before: Sample, after: Sample) -> Idle:
    minutes = (after.at - before.at) / 60
    per_thread = []
    for tid, (name, switches) in after.threads.items():
        start = before.threads.get(tid, (name, 0))[1]  # a thread born in the window counts from 0
        per_thread.append((name, tid, (switches - start) / minutes))
    per_thread.sort(key=lambda t: -t[2])
    return Idle(
        label,
        (after.ticks - before.ticks) / CLK_TCK,
        sum(t[2] for t in per_thread),
        per_thread,
    )


@pytest.fixture
def idle_journal(tmp_path: Path) -> Iterator[tuple[Path, dict[str, str]]]:
    """A journal with no reminder near: no substances, no check-ins, no follow-ups, no
    dose times, and the wake time (the morning sleep-diary reminder) 12 hours away."""
    env = child_env(tmp_path)
    data = tmp_path / "data"
    wake = (datetime.now(UTC) + timedelta(hours=12)).strftime("%H:%M")
    settings = {
        "checkin_times": "",
        "followups_min": "",
        "dose_times": "",
        "wake_time": wake,
        "wake_time_weekend": wake,
    }
    for key, value in settings.items():
        subprocess.run(ebb_cmd(data, "settings", "set", key, value), env=env, check=True, capture_output=True)
    plan = subprocess.run(
        ebb_cmd(data, "plan"), env=env, check=True, capture_output=True, text=True
    ).stdout.strip()
    print()
    print(f"plan for today: {plan or '(nothing)'}")
    yield data, env


def test_idle_cpu_and_wakeups_against_a_bare_tray_script(idle_journal: tuple[Path, dict[str, str]]) -> None:
    """Both programs start together and idle in parallel over the same 60 s window."""
    data, env = idle_journal
    with tempfile.TemporaryFile() as ebb_err, tempfile.TemporaryFile() as bare_err:
        ebb = subprocess.Popen(
            ebb_cmd(data, "run", "--minimized"), env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=ebb_err
        )
        bare = subprocess.Popen(
            bare_cmd("--idle"), env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=bare_err
        )
        try:
            time.sleep(IDLE_WARMUP_S)
            assert ebb.poll() is None and bare.poll() is None, "a program quit during start-up"
            before = {"ebb": sample(ebb.pid), "bare": sample(bare.pid)}
            time.sleep(IDLE_WINDOW_S)
            after = {"ebb": sample(ebb.pid), "bare": sample(bare.pid)}
            assert ebb.poll() is None and bare.poll() is None, "a program quit while idle"
        finally:
            for proc in (ebb, bare):
                if proc.poll() is None:
                    proc.send_signal(signal.SIGTERM)
            try:
                ebb_code = ebb.wait(10)
            finally:
                for proc in (ebb, bare):
                    if proc.poll() is None:
                        proc.kill()
                    proc.wait()
        ebb_err.seek(0)
        ebb_stderr = ebb_err.read().decode(errors="replace")

    figures = [
        idle_figures("bare PySide6 tray", before["bare"], after["bare"]),
        idle_figures("ebb run --minimized", before["ebb"], after["ebb"]),
    ]
    window = after["ebb"].at - before["ebb"].at
    print(f"idle over {window:.1f} s, after {IDLE_WARMUP_S} s of start-up, both running in parallel")
    print(f"{'':<24}{'CPU s':>8}{'CPU %':>8}{'wake-ups/min':>14}")
    for f in figures:
        print(f"{f.label:<24}{f.cpu_s:8.2f}{100 * f.cpu_s / window:8.2f}{f.wakeups_per_min:14.1f}")
    for f in figures:
        print(f"  {f.label} by thread: " + ", ".join(f"{n}[{tid}] {w:.1f}" for n, tid, w in f.per_thread))
    bare_idle, ebb_idle = figures
    for label, idle in (("`ebb run --minimized`", ebb_idle), ("bare PySide6 tray script", bare_idle)):
        cpu = [100 * idle.cpu_s / window]
        record(f"idle CPU over 60 s: {label}", cpu, unit="%", scale=1, target="about 0")
        record(f"idle timer wake-ups per minute: {label}", [idle.wakeups_per_min], unit="/min", scale=1)
    assert ebb_code == 0, f"SIGTERM exit code {ebb_code}:\n{ebb_stderr[-2000:]}"
    assert ebb_idle.cpu_s < 0.01 * IDLE_WINDOW_S
    assert ebb_idle.wakeups_per_min <= bare_idle.wakeups_per_min + 10
