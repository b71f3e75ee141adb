"""The pain model on the 10-year journal (issue 12: < 200 ms cold, only the pattern window).

"Cold" is the first fit in a new process (no cache, nothing warmed), timed inside it;
the imports (numpy above all, a one-time cost of the process, paid after the tray is
shown) are timed and reported separately, beside a process doing only the imports.
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
from datetime import datetime, time, timedelta

import pytest

from tests.perf.bigjournal import ZONE, build_big_journal
from tests.perf.conftest import record, summary, timings

pytestmark = pytest.mark.perf
DAY = datetime(2026, 10, 29, tzinfo=ZONE).date()

COLD = """
import json, sys, time
start = time.perf_counter()
from desktop.core.pain_model import fit_pain_model
from desktop.core.planner import model_doses, relief_substances
imported = time.perf_counter()
if sys.argv[2] != "import-only":
    from datetime import datetime, time as clock, timedelta
    from pathlib import Path
    from zoneinfo import ZoneInfo
    from desktop.storage.database import open_journal
    from desktop.storage.repository import Journal
    zone = ZoneInfo("Europe/Berlin")
    window = int(sys.argv[2])
    day_start = datetime.combine(datetime(2026, 10, 29).date(), clock(), zone)
    view = Journal(open_journal(Path(sys.argv[1]))).planner_view(day_start - timedelta(days=window + 16))
    read = time.perf_counter()
    fit_pain_model(view.pains, model_doses(view), relief_substances(view), day_start=day_start,
                   window_days=window)
    done = time.perf_counter()
    print(json.dumps({"import": imported - start, "read": read - imported, "fit": done - read}))
else:
    print(json.dumps({"import": imported - start}))
"""


def _cold(path: str, window: str) -> dict[str, float]:
    out = subprocess.run(
        [sys.executable, "-c", COLD, path, window], capture_output=True, text=True, check=True
    )
    return json.loads(out.stdout)


def test_the_pain_model_fits_a_ten_year_journal_quickly(tmp_path) -> None:
    from desktop.core.pain_model import fit_pain_model
    from desktop.core.planner import model_doses, relief_substances

    journal, _ = build_big_journal(tmp_path / "journal.db")
    path = str(tmp_path / "journal.db")
    day_start = datetime.combine(DAY, time(), ZONE)
    print()
    for window in (28, 365):
        view = journal.planner_view(day_start - timedelta(days=window + 16))

        def fit(view=view, window=window) -> object:
            return fit_pain_model(
                view.pains,
                model_doses(view),
                relief_substances(view),
                day_start=day_start,
                window_days=window,
            )

        model = fit()
        warm = timings(fit, 5)
        cold = [_cold(path, str(window)) for _ in range(5)]
        imports = [_cold(path, "import-only")["import"] for _ in range(5)]
        cold_fit = [c["fit"] for c in cold]
        cold_import = [c["import"] for c in cold]
        print(f"window {window} days: {model.sufficiency.readings} readings, relief {model.relief[0].reason}")
        print(summary(f"fit, warm ({window} d)", warm))
        print(summary(f"first fit, new process ({window} d)", cold_fit))
        print(summary("imports before it", cold_import))
        print(summary("imports only, new process", imports))
        record(f"10-year journal: pain model fit, warm ({window}-day window)", warm)
        record(
            f"10-year journal: pain model first fit, new process ({window}-day window)",
            cold_fit,
            baseline=("warm fit", warm),
            target="< 200 ms",
        )
        record("pain model imports (numpy), new process", imports)
        assert statistics.median(cold_fit) < 0.200
