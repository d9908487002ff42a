"""The late-run figures against the values each test run was built with."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from desktop.domain.runs.late_run import LateRun, late_run


@dataclass(frozen=True)
class Rec:
    elapsed_s: float
    distance_m: float | None
    cadence_spm: float | None = None
    heart_rate: int | None = None


def _run(
    seconds: int,
    speed: float | list[float],
    cadence: float | list[float] | None = 180.0,
    heart: int | list[int] | None = 140,
    stop: tuple[int, int] | None = None,
) -> list[Rec]:
    """1 Hz records; second s (from 1) runs at speed[s-1]; a stop adds standing seconds."""

    def at(value: object, second: int) -> object:
        return value[second - 1] if isinstance(value, list) else value

    records = [Rec(0.0, 0.0, at(cadence, 1), at(heart, 1))]  # type: ignore[arg-type]
    distance, clock = 0.0, 0
    for second in range(1, seconds + 1):
        if stop and second == stop[0] + 1:
            for _ in range(stop[1]):
                clock += 1
                records.append(Rec(clock, distance, 0.0, at(heart, second)))  # type: ignore[arg-type]
        clock += 1
        distance += at(speed, second)  # type: ignore[operator]
        records.append(Rec(clock, distance, at(cadence, second), at(heart, second)))  # type: ignore[arg-type]
    return records


def test_a_run_under_an_hour_has_no_figures() -> None:
    assert late_run(_run(3599, 3.0)) == LateRun(None, None, None)


def test_an_even_run_holds() -> None:
    figures = late_run(_run(4000, 3.0))
    assert figures.pace_fade_pct == pytest.approx(0.0)
    assert figures.cadence_drop_spm == pytest.approx(0.0)
    assert figures.decoupling_pct == pytest.approx(0.0)


def test_a_slow_last_quarter_is_its_pace_fade() -> None:
    # 3.0 m/s for 3000 s, then 2.7 m/s over the whole last quarter: pace 10/9 of the first half's.
    speeds = [3.0] * 3000 + [2.7] * 1000
    assert late_run(_run(4000, speeds)).pace_fade_pct == pytest.approx(100 / 9)


def test_a_steady_cadence_fade_is_its_drop() -> None:
    # 180 spm falling 1 spm every 400 s: the first half averages 178 (180 to 176, 400 s each),
    # the last quarter 171.8 (173 for 200 s, 172 and 171 for 400 s each): a drop of 6.2 spm.
    cadence = [180.0 - (s - 1) // 400 for s in range(1, 4001)]
    first = sum(cadence[:2000]) / 2000
    last = sum(cadence[3000:]) / 1000
    assert (first, last) == pytest.approx((178.0, 171.8))
    assert late_run(_run(4000, 3.0, cadence=cadence)).cadence_drop_spm == pytest.approx(6.2)


def test_heart_rate_drift_is_its_decoupling() -> None:
    # Same speed, heart 140 then 150 bpm: EF falls by 1 - 140/150.
    heart = [140] * 2000 + [150] * 2000
    figures = late_run(_run(4000, 3.0, heart=heart))
    assert figures.decoupling_pct == pytest.approx((1 - 140 / 150) * 100)


def test_decoupling_counts_speed_too() -> None:
    speeds = [3.0] * 3000 + [2.7] * 1000
    heart = [140] * 2000 + [150] * 2000
    expected = (1 - (2.85 / 150) / (3.0 / 140)) * 100
    assert late_run(_run(4000, speeds, heart=heart)).decoupling_pct == pytest.approx(expected)


def test_a_stop_is_left_out() -> None:
    speeds = [3.0] * 3000 + [2.7] * 1000
    stopped = late_run(_run(4000, speeds, stop=(1000, 600)))
    assert stopped == late_run(_run(4000, speeds))
    assert stopped.pace_fade_pct == pytest.approx(100 / 9)


def test_no_heart_rate_no_decoupling_and_no_cadence_no_drop() -> None:
    figures = late_run(_run(4000, 3.0, cadence=None, heart=None))
    assert figures.decoupling_pct is None and figures.cadence_drop_spm is None
    assert figures.pace_fade_pct == pytest.approx(0.0)
