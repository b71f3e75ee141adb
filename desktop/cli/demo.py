"""Realistic synthetic journals for trying Ebb out and for demos (``ebb demo``).

The data are invented, but drawn from a stated truth so that ``ebb pattern`` can be
compared with it (a newcomer sees the model recover what went in):

- ``DEMO_BASELINE``: the demo user's untreated pain by time of day: 3.15 at night (2.85
  at weekends), a morning rise peaking at 11:00 at 6.45/10 on weekdays (6.15 at weekends),
  back to about 3.5 by 14:00 and 3.2 at 16:00, and a smaller evening rise to about 4.45
  at 19:30 (4.15 at weekends).
- ``DEMO_RELIEF``: the change in pain after a kratom dose, whatever its amount: a
  gamma-shaped drop that builds to 3 points at 2 h and fades, nothing after 8 h. As
  ``ebb pattern`` counts them (``demo_relief_span()``): onset 0:35 (the drop first reaches
  1 point), peak -3.0 at 2:00, duration 4:50 (after which the drop stays under 1 point).

Every pain score (check-ins at 09:00, 14:00 and 20:00 give or take, on most days one or
two unprompted ones at other times, follow-ups an hour and two after a dose, and the
"pain before" of each dose) is ``demo_pain``: the baseline plus the relief of every earlier
dose within 8 h (the previous evening's too), plus Gaussian noise (SD ``DEMO_NOISE``),
rounded and clipped to 0-10. Dose times vary: a morning dose on most days somewhere
between 07:30 and 11:30, an afternoon dose on some days, now and then an evening one, and
some days none in the morning, so that the untreated pain at the usual dose time is seen
too. Doses keep to the demo user's own limits (counted over 24 h) but on one day in each
30, which has a dose 90 min after another, logged with the warnings it raises.

Besides: melatonin on some evenings with sleep diaries in which falling asleep tends to
be quicker on those nights, some side effects and notes. Deterministic per seed. Nothing
here is advice or a claim.
"""

from __future__ import annotations

import math
import random
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, tzinfo

from desktop.core import validation
from desktop.core.model import Substance
from desktop.core.safety import PastDose, check_dose
from desktop.core.times import localize
from desktop.storage.records import Entry

NOTES = (
    "long walk in the afternoon",
    "rainy and cold",
    "busy day at work",
    "physio session",
    "slept in the afternoon",
    "stressful phone call",
    "gentle yoga",
)


@dataclass(frozen=True)
class Baseline:
    """Untreated pain by time of day: ``floor`` plus Gaussian rises (centre minute, width
    minutes, height in points), ``weekday_shift`` added on Monday-Friday and taken off at
    weekends."""

    floor: float
    rises: tuple[tuple[float, float, float], ...]
    weekday_shift: float = 0.0

    def __call__(self, minute: float, weekday: int = 0) -> float:
        """The untreated pain at ``minute`` of the day (0-1439) on ``weekday`` (0 = Monday)."""
        shift = self.weekday_shift if weekday < 5 else -self.weekday_shift
        return (
            self.floor
            + shift
            + sum(
                height * math.exp(-(((minute - centre) / width) ** 2)) for centre, width, height in self.rises
            )
        )


@dataclass(frozen=True)
class GammaRelief:
    """The change in pain after a dose (negative = relief), the same for every amount:
    ``peak_change`` * x^shape * e^(shape (1 - x)) with x = minutes after / ``peak_min``;
    nought before the dose and after ``span_min``."""

    peak_change: float
    peak_min: float
    shape: float = 2.0
    span_min: float = 480.0

    def __call__(self, after_min: float) -> float:
        """The change in pain ``after_min`` minutes after a dose."""
        if not 0 < after_min <= self.span_min:
            return 0.0
        x = after_min / self.peak_min
        return self.peak_change * math.pow(x, self.shape) * math.exp(self.shape * (1 - x))


DEMO_BASELINE = Baseline(
    floor=3.0, rises=((11 * 60, 120.0, 3.3), (19 * 60 + 30, 100.0, 1.3)), weekday_shift=0.15
)
"""The demo user's untreated pain: a floor of 3.0 (+0.15 on weekdays, -0.15 at weekends),
a morning rise of 3.3 points centred on 11:00 (6.45 there on weekdays; 4.4 at 09:00 and
13:00, 3.5 at 08:00 and 14:00) and an evening one of 1.3 points centred on 19:30."""

DEMO_RELIEF = GammaRelief(peak_change=-3.0, peak_min=120, shape=2.0)
"""The change in the demo user's pain after a kratom dose: -1 point at 35 min, -2 at
1 h, -3 at 2 h, -2.5 at 3 h, back under 1 point after 4 h 50 min, nothing after 8 h."""

DEMO_NOISE = 0.7
"""SD of a pain score around the truth, in points (before rounding)."""

# When the demo user doses: (earliest minute, latest minute, chance a day).
MORNING_DOSE = (7 * 60 + 30, 11 * 60 + 30, 0.8)
AFTERNOON_DOSE = (13 * 60, 17 * 60 + 30, 0.4)
EVENING_DOSE = (19 * 60, 21 * 60, 0.12)
CHECKINS = (9 * 60, 14 * 60, 20 * 60)  # the default check-in times
FOLLOW_UPS = (60, 120)


def demo_relief_span(drop: float = 1.0) -> tuple[int, int, float, int]:
    """(onset, peak minute, peak change, duration) of ``DEMO_RELIEF`` on a 5-min grid, as
    ``ebb pattern`` defines them: onset is the first minute the drop reaches ``drop``
    points, duration the last."""
    grid = [(m, DEMO_RELIEF(m)) for m in range(0, int(DEMO_RELIEF.span_min) + 1, 5)]
    helping = [m for m, change in grid if change <= -drop]
    peak_min, peak = min(grid, key=lambda pair: pair[1])
    return helping[0], peak_min, round(peak, 2), helping[-1]


def demo_pain(moment: datetime, zone: tzinfo, doses: Sequence[datetime]) -> float:
    """The demo user's true pain at ``moment`` (before noise): ``DEMO_BASELINE`` at its
    local time plus ``DEMO_RELIEF`` of every dose in ``doses`` before it."""
    local = moment.astimezone(zone)
    minute = local.hour * 60 + local.minute + local.second / 60
    relief = sum(DEMO_RELIEF((moment - d).total_seconds() / 60) for d in doses if d < moment)
    return DEMO_BASELINE(minute, local.weekday()) + relief


def demo_substances() -> list[Substance]:
    """The demo user's substances, with limits that the demo user chose."""
    return [
        validation.validate_substance(
            "Kratom",
            "kratom",
            "g",
            usual_amount=2,
            min_interval_h=4,
            max_per_day=3,
            daily_cap=8,
            onset_min=30,
            duration_h=4,
        ),
        validation.validate_substance(
            "Melatonin", "melatonin", "mg", usual_amount=1, onset_min=30, duration_h=8
        ),
    ]


def _at(day: date, minute: float, zone: tzinfo) -> datetime:
    minute = max(0, min(24 * 60 - 1, int(minute)))
    return localize(datetime.combine(day, time(minute // 60, minute % 60)), zone)


def _score(value: float) -> int:
    return max(0, min(10, round(value)))


def _dose_minutes(rng: random.Random) -> list[float]:
    """A day's planned kratom dose times: varied, and 4 h apart or more (the demo user's
    minimum interval)."""
    minutes: list[float] = []
    for first, last, chance in (MORNING_DOSE, AFTERNOON_DOSE, EVENING_DOSE):
        if rng.random() < chance:
            earliest = max(first, minutes[-1] + 4 * 60) if minutes else first
            if earliest <= last:
                minutes.append(rng.uniform(earliest, last))
    return minutes


def demo_entries(days: int, seed: int, last_day: date, zone: tzinfo, now: datetime) -> Iterator[Entry]:
    """Entries for the ``days`` days ending with ``last_day`` (deterministic per seed)."""
    rng = random.Random(seed)
    kratom, melatonin = demo_substances()
    history: list[PastDose] = []
    taken: list[datetime] = []  # kratom dose moments, for the truth
    # One day in each 30 (counted back from ``last_day``) with a dose too soon after another.
    odd_days = {rng.randrange(start, min(start + 30, days)) for start in range(0, days, 30)}

    def pain(moment: datetime) -> int:
        recent = [d for d in taken if moment - d <= timedelta(minutes=DEMO_RELIEF.span_min)]
        return _score(demo_pain(moment, zone, recent) + rng.gauss(0, DEMO_NOISE))

    # Every draw from ``rng`` stays in the order it always had: the same seed makes the
    # same journal, and the tests compare ``ebb pattern`` with what went in.
    for offset in range(days - 1, -1, -1):
        day = last_day - timedelta(days=offset)
        # The day's doses first, so that every pain score below sees all doses before it.
        doses = _kratom_doses(rng, day, zone, kratom, history, taken, odd=offset in odd_days)
        yield from _dose_entries(rng, doses, kratom, f"B{1 + offset // 30}", day, zone, now, pain)
        yield from _checkins(rng, day, zone, now, pain)
        took_melatonin = rng.random() < 0.55
        if took_melatonin and offset > 0:
            yield validation.validate_dose(melatonin, 1, _at(day, 22 * 60 + rng.gauss(0, 15), zone), now)
        if offset > 0 and rng.random() < 0.9:
            yield _night(rng, day, zone, now, took_melatonin)
        if rng.random() < 0.08:
            yield validation.validate_note(rng.choice(NOTES), _at(day, 21 * 60 + 30, zone), now)


# A kratom dose of the day: (minute of the day, moment, amount, warnings it raised).
_DayDose = tuple[float, datetime, float, tuple[str, ...]]


def _kratom_doses(
    rng: random.Random,
    day: date,
    zone: tzinfo,
    kratom: Substance,
    history: list[PastDose],
    taken: list[datetime],
    *,
    odd: bool,
) -> list[_DayDose]:
    """The day's kratom doses within the demo user's limits, or on an ``odd`` day with
    one 90 min after another; each is added to ``history`` and ``taken``."""
    planned = _dose_minutes(rng)
    if odd and not planned:
        planned = [rng.uniform(*MORNING_DOSE[:2])]
    queue = [(minute, False) for minute in planned]
    doses: list[_DayDose] = []
    while queue:
        minute, regardless = queue.pop(0)
        at = _at(day, minute, zone)
        amount = rng.choice((1.5, 2.0, 2.0, 2.5))
        reasons = check_dose(kratom.limits, history, at, amount).reasons
        if reasons and not regardless:
            continue  # the demo user keeps to their own limits (over 24 h) ...
        history.append(PastDose(at, amount))
        taken.append(at)
        doses.append((minute, at, amount, tuple(str(r) for r in reasons)))
        if odd:  # ... but for the odd dose 90 min after another
            queue.insert(0, (minute + 90, True))
            odd = False
    return doses


def _dose_entries(
    rng: random.Random,
    doses: Sequence[_DayDose],
    kratom: Substance,
    batch: str,
    day: date,
    zone: tzinfo,
    now: datetime,
    pain: Callable[[datetime], int],
) -> Iterator[Entry]:
    """Each dose, the follow-up check-ins after it and now and then a side effect."""
    for minute, at, amount, warnings in doses:
        yield validation.validate_dose(
            kratom, amount, at, now, pain_before=pain(at), batch=batch, warnings=warnings
        )
        for follow in FOLLOW_UPS:
            later_min = minute + follow + rng.uniform(0, 10)
            if rng.random() < 0.8 and later_min < 24 * 60:
                later = _at(day, later_min, zone)
                yield validation.validate_pain(pain(later), later, now, source="follow-up")
        if rng.random() < 0.06:
            name, severity = rng.choice(
                (("nausea", 1), ("constipation", 1), ("drowsiness", 1), ("itching", 1))
            )
            yield validation.validate_effect(name, severity, _at(day, minute + 90, zone), now)


def _checkins(
    rng: random.Random, day: date, zone: tzinfo, now: datetime, pain: Callable[[datetime], int]
) -> Iterator[Entry]:
    """The day's check-ins: most of the scheduled ones, give or take, and a few unprompted."""
    moments = [(c + rng.gauss(0, 20), "scheduled") for c in CHECKINS if rng.random() < 0.9]
    moments += [(rng.uniform(7 * 60, 22 * 60), "manual") for _ in range(rng.choice((0, 1, 1, 2)))]
    for minute, source in moments:
        at = _at(day, minute, zone)
        yield validation.validate_pain(pain(at), at, now, source=source)


def _night(rng: random.Random, day: date, zone: tzinfo, now: datetime, melatonin: bool) -> Entry:
    in_bed = _at(day, 22 * 60 + 50 + rng.gauss(0, 20), zone)
    tried = in_bed + timedelta(minutes=max(0, rng.gauss(12, 6)))
    sol = max(2, round(rng.gauss(17 if melatonin else 33, 9)))
    awakenings = rng.choice((0, 1, 1, 2, 2, 3))
    waso = 0 if awakenings == 0 else max(5, round(rng.gauss(15 * awakenings, 8)))
    final = tried + timedelta(minutes=rng.gauss(7.6 * 60, 30))
    out = final + timedelta(minutes=max(0, rng.gauss(12, 6)))
    tst = (final - tried).total_seconds() / 60 - sol - waso
    quality = max(1, min(5, round(1 + (tst - 270) / 60 + rng.gauss(0, 0.6))))
    return validation.validate_sleep(day, in_bed, tried, sol, awakenings, waso, final, out, quality, now)
