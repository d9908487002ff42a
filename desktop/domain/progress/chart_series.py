"""The numbers behind the strength, rest, quality and cramp charts, ready to draw.

Dates become Unix seconds at local noon (a day's mark sits in the middle of its day on a date
axis) and loads are shown in the athlete's units; everything else is counting.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, tzinfo

from desktop.domain.buildup.model import SessionKind, Units
from desktop.domain.gym.plates import kg_to_lb
from desktop.domain.progress.adherence import WeekSpan

NOON = time(12)


def noon_seconds(day: date, tz: tzinfo | None = None) -> float:
    """Unix seconds of local noon on `day` (the local zone when `tz` is None)."""
    moment = datetime.combine(day, NOON)
    # A naive moment's timestamp() is its local time's, the same as astimezone() gives, and
    # five times quicker: five years of sessions are a few hundred of these per drawing.
    return (moment.replace(tzinfo=tz) if tz else moment).timestamp()


def week_middle_seconds(week: WeekSpan, tz: tzinfo | None = None) -> float:
    """Where a week's bar is centred: noon of its fourth day."""
    return noon_seconds(date.fromordinal(week.start.toordinal() + 3), tz)


def epley(load: float, reps: int) -> float | None:
    """Estimated one-rep max, load × (1 + reps / 30); a single is its own max, no reps no max."""
    if reps <= 0:
        return None
    return load if reps == 1 else load * (1 + reps / 30)


def shown_load(load_kg: float, units: Units) -> float:
    return load_kg if units == "kg" else kg_to_lb(load_kg)


@dataclass(frozen=True, kw_only=True)
class TopSetDay:
    day: date
    load_kg: float
    reps: int


@dataclass(frozen=True, kw_only=True)
class StrengthPoint:
    day: date
    x: float
    load: float
    reps: int
    e1rm: float


def strength_series(
    tops: Sequence[TopSetDay], *, units: Units, tz: tzinfo | None = None
) -> tuple[StrengthPoint, ...]:
    """Top-set load and its Epley estimate per session, in the athlete's units, oldest first."""
    points = []
    for top in sorted(tops, key=lambda t: t.day):
        estimate = epley(top.load_kg, top.reps)
        if estimate is None:
            continue
        points.append(
            StrengthPoint(
                day=top.day,
                x=noon_seconds(top.day, tz),
                load=shown_load(top.load_kg, units),
                reps=top.reps,
                e1rm=shown_load(estimate, units),
            )
        )
    return tuple(points)


@dataclass(frozen=True, kw_only=True)
class RestPoint:
    x: float
    minutes: float
    inside: bool


@dataclass(frozen=True)
class RestSeries:
    """Heavy rests as columns ready to draw (a build-up holds a thousand of them): when each
    set began, in Unix seconds, the rest before it in minutes, and whether that was inside
    the window. Indexing gives one rest as a RestPoint."""

    xs: tuple[float, ...] = ()
    minutes: tuple[float, ...] = ()
    inside: tuple[bool, ...] = ()

    def __len__(self) -> int:
        return len(self.xs)

    def __getitem__(self, index: int) -> RestPoint:
        return RestPoint(x=self.xs[index], minutes=self.minutes[index], inside=self.inside[index])

    def __iter__(self) -> Iterator[RestPoint]:
        return (self[index] for index in range(len(self)))


def rest_series(
    rests: Sequence[tuple[datetime, float]], *, window_s: tuple[float, float] = (180.0, 300.0)
) -> RestSeries:
    """Each heavy rest in minutes at the moment its set began, flagged inside the window or not."""
    low, high = window_s
    return RestSeries(
        xs=tuple(at.timestamp() for at, _ in rests),
        minutes=tuple(seconds / 60 for _, seconds in rests),
        inside=tuple(low <= seconds <= high for _, seconds in rests),
    )


@dataclass(frozen=True, kw_only=True)
class SessionQuality:
    """What one session contributes to the quality shares."""

    day: date
    kind: SessionKind
    work_sets: int
    in_target: int
    timed_rests: int
    rests_in_window: int


@dataclass(frozen=True, kw_only=True)
class WeekQuality:
    """Shares in 0..1 (None without sets to judge): heavy and light sets with reps in their
    target range, heavy rests inside the rest window."""

    week: WeekSpan
    x: float
    heavy_in_range: float | None
    light_in_range: float | None
    rests_in_window: float | None
    heavy_sets: int
    light_sets: int
    heavy_rests: int


def _share(part: int, whole: int) -> float | None:
    return part / whole if whole else None


def quality_by_week(
    weeks: Sequence[WeekSpan], sessions: Sequence[SessionQuality], *, tz: tzinfo | None = None
) -> tuple[WeekQuality, ...]:
    """Per build-up week: how many sets landed in their rep range, how many rests in the window."""
    result = []
    for week in weeks:
        own = [s for s in sessions if week.start <= s.day <= week.end]
        heavy = [s for s in own if s.kind == "heavy"]
        light = [s for s in own if s.kind == "light"]
        heavy_sets = sum(s.work_sets for s in heavy)
        light_sets = sum(s.work_sets for s in light)
        heavy_rests = sum(s.timed_rests for s in heavy)
        result.append(
            WeekQuality(
                week=week,
                x=week_middle_seconds(week, tz),
                heavy_in_range=_share(sum(s.in_target for s in heavy), heavy_sets),
                light_in_range=_share(sum(s.in_target for s in light), light_sets),
                rests_in_window=_share(sum(s.rests_in_window for s in heavy), heavy_rests),
                heavy_sets=heavy_sets,
                light_sets=light_sets,
                heavy_rests=heavy_rests,
            )
        )
    return tuple(result)


@dataclass(frozen=True, kw_only=True)
class CrampReportDay:
    day: date
    cramped: bool
    sites: tuple[str, ...]
    distance_km: float | None
    severity: int


@dataclass(frozen=True, kw_only=True)
class CrampMark:
    """One report on the week axis: `week` is the build-up week number (None outside it)."""

    x: float
    day: date
    week: int | None
    severity: int
    cramped: bool
    label: str
    short: str


def cramp_series(
    weeks: Sequence[WeekSpan], reports: Sequence[CrampReportDay], *, tz: tzinfo | None = None
) -> tuple[CrampMark, ...]:
    """Cramp reports where the adherence bars are, each with a one-line description."""
    marks = []
    for report in sorted(reports, key=lambda r: r.day):
        week = next((w.number for w in weeks if w.start <= report.day <= w.end), None)
        marks.append(
            CrampMark(
                x=noon_seconds(report.day, tz),
                day=report.day,
                week=week,
                severity=report.severity if report.cramped else 0,
                cramped=report.cramped,
                label=cramp_label(report),
                short=_short_label(report),
            )
        )
    return tuple(marks)


def _short_label(report: CrampReportDay) -> str:
    """What the chart writes under a cramp: at what distance ('28 km'); the site is in the
    read-out, since marks a week apart leave room for a few characters only."""
    if not report.cramped or report.distance_km is None:
        return ""
    return f"{report.distance_km:.0f} km"


def cramp_label(report: CrampReportDay) -> str:
    """'Cramp: calf at 32 km, severity 2/3' or 'No cramp (30 km)'."""
    distance = f"{report.distance_km:g} km" if report.distance_km is not None else None
    if not report.cramped:
        return f"No cramp ({distance})" if distance else "No cramp"
    where = ", ".join(report.sites) or "unspecified"
    at = f" at {distance}" if distance else ""
    return f"Cramp: {where}{at}, severity {report.severity}/3"
