"""What a person can run, so that a forged or broken file is not stored as a run.

A file with a running sport but a week of points or a car's speed would stand in the log as
the runner's longest run and pull the long-run picks, the plan and Progress with it. The
bounds are beyond the longest and fastest runs people do, not averages.
"""

from __future__ import annotations

from desktop.runs.reading.run import Run

# The longest one-stage races: The Spine 431 km, Tor des Géants 330 km within 150 hours.
LONGEST_M = 500_000.0
LONGEST_S = 7 * 86_400.0
# Faster than the 1500 m world record (7.3 m/s) over a kilometre or more: no one runs it.
FASTEST_MPS = 7.5
FASTEST_OVER_M = 1000.0


def implausible(run: Run) -> str | None:
    """Why no person ran `run`, in one line; None when they could have."""
    hours = (run.end - run.start).total_seconds() / 3600
    what = f"{run.distance_m / 1000:.0f} km in {hours:.0f} h"
    if run.distance_m > LONGEST_M:
        return f"{what} is longer than any run (at most {LONGEST_M / 1000:.0f} km)"
    if hours * 3600 > LONGEST_S:
        return f"{what} lasts longer than any run (at most {LONGEST_S / 86_400:.0f} days)"
    if run.distance_m >= FASTEST_OVER_M and run.moving_s > 0:
        speed = run.distance_m / run.moving_s
        if speed > FASTEST_MPS:
            return f"{speed:.1f} m/s over {run.distance_m / 1000:.1f} km is faster than any runner"
    return None
