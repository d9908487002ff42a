"""The late-run headline in a runner's words: "Last-quarter cadence drop: 6 spm in October,
2 spm now".

One long run is a snapshot; a hot day or a bad night moves any figure. So the trend compares
the mean of the first two long runs with the mean of the last two, and needs four runs with the
figure; with fewer the line gives the runs as they are and says it is too early. Hilly runs are
left out when flat ones have figures: on a hilly course the figures say more about the course.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from statistics import fmean
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from desktop.progress.late_runs import LongRunMark

PAIR = 2  # long runs averaged at each end of the comparison
# "now" only when the last long run is this recent; otherwise the line names its month.
RECENT_DAYS = 14


@dataclass(frozen=True)
class Figure:
    """One late-run figure: the mark's field, its name in the headline, and its unit."""

    field: str
    name: str
    unit: str
    decimals: int


# In this order when two figures have as many runs: cadence is the legs themselves, pace is
# the legs and the course, decoupling the heart as much as the legs.
FIGURES = (
    Figure("cadence_drop_spm", "last-quarter cadence drop", "spm", 0),
    Figure("pace_fade_pct", "last-quarter pace fade", "%", 1),
    Figure("decoupling_pct", "aerobic decoupling", "%", 1),
)
NO_FIGURES = "Your long runs' files hold no pace, cadence or heart rate to compare late with early."


def headline(marks: Sequence[LongRunMark], *, today: date) -> str:
    """One line on how the legs hold late, or "" without any long run (the panel says why)."""
    if not marks:
        return ""
    flat = [m for m in marks if not m.hilly]
    pool = flat if any(_values(flat, f) for f in FIGURES) else list(marks)
    figure = max(FIGURES, key=lambda f: len(_values(pool, f)))
    values = _values(pool, figure)
    if not values:
        return NO_FIGURES
    left_out = " (hilly runs left out)" if len(pool) < len(marks) else ""
    line = f"{figure.name}: {_trend(values, figure, today)}{left_out}"
    return line[0].upper() + line[1:]


def _values(marks: Sequence[LongRunMark], figure: Figure) -> list[tuple[date, float]]:
    found = [(m.day, getattr(m, figure.field)) for m in marks]
    return [(day, value) for day, value in found if value is not None]


def _trend(values: list[tuple[date, float]], figure: Figure, today: date) -> str:
    if len(values) == 1:
        day, value = values[0]
        return (
            f"{_amount(value, figure)} on {_day(day)}; one long run so far, "
            "the next one starts the comparison"
        )
    if len(values) < 2 * PAIR:
        (first_day, first), (last_day, last) = values[0], values[-1]
        return (
            f"{_amount(first, figure)} on {_day(first_day)}, {_amount(last, figure)} on "
            f"{_day(last_day)}; too few long runs yet to call it a trend"
        )
    early, late = values[:PAIR], values[-PAIR:]
    early_when, late_when = _when(early, today), _when(late, today)
    if (today - late[-1][0]).days <= RECENT_DAYS:
        late_when = "now"
    elif early_when == late_when:
        early_when, late_when = _on(early), _on(late)
    return (
        f"{_amount(fmean(v for _, v in early), figure)} {early_when}, "
        f"{_amount(fmean(v for _, v in late), figure)} {late_when}"
    )


def _amount(value: float, figure: Figure) -> str:
    shown = round(value, figure.decimals) + 0.0  # + 0.0: never "-0"
    return f"{shown:.{figure.decimals}f} {figure.unit}"


def _when(values: list[tuple[date, float]], today: date) -> str:
    """'in October', 'in Sep–Oct', with the year when it is not this year's."""
    first, last = values[0][0], values[-1][0]
    year = f" {last.year}" if last.year != today.year else ""
    if (first.year, first.month) == (last.year, last.month):
        return f"in {last:%B}{year}"
    return f"in {first:%b}–{last:%b}{year}"


def _on(values: list[tuple[date, float]]) -> str:
    """'on 4 and 11 Oct', or 'on 27 Sep and 4 Oct' across a month's end."""
    (first, _), (last, _) = values[0], values[-1]
    start = f"{first.day}" if first.month == last.month else f"{first.day} {first:%b}"
    return f"on {start} and {last.day} {last:%b}"


def _day(day: date) -> str:
    return f"{day:%a} {day.day} {day:%b}"
