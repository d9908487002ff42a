"""The climb of a run: ascent without the altimeter's wobble, per km, and the hilly mark."""

from __future__ import annotations

import pytest

from desktop.domain.runs.climb import (
    HILLY_M_PER_KM,
    NOISE_M,
    Climb,
    climb,
    climb_columns,
    total_ascent,
)


def _hill(base: float, top: float, step: float = 1.0) -> list[float]:
    """Up from base to top and back down, in steps of `step` metres."""
    count = round((top - base) / step)
    up = [base + step * i for i in range(count + 1)]
    return up + up[-2::-1]


def test_each_climb_counts_from_its_foot_to_its_top() -> None:
    # Three laps of a 20 m hill: 60 m, none of the top shaved off by the dead band.
    assert total_ascent(_hill(100, 120) * 3) == pytest.approx(60.0)


def test_a_climb_that_ends_the_run_counts_whole() -> None:
    assert total_ascent([100.0, 101.0, 102.0, 105.5, 112.0]) == pytest.approx(12.0)


def test_wobbles_under_the_noise_band_add_nothing() -> None:
    wobble = [200.0, 200.0 + NOISE_M - 0.2] * 500
    assert total_ascent(wobble) == 0.0


def test_a_wobble_on_a_climb_is_not_counted_twice() -> None:
    # 100 -> 110, back to 108 (under the band), on to 120: one climb of 20 m.
    assert total_ascent([100.0, 105.0, 110.0, 108.0, 114.0, 120.0]) == pytest.approx(20.0)


def test_a_descent_first_then_a_climb() -> None:
    assert total_ascent([150.0, 140.0, 130.0, 135.0, 145.0]) == pytest.approx(15.0)


def test_no_altitude_is_no_ascent_rather_than_zero() -> None:
    assert total_ascent([None, None]) is None
    assert total_ascent([]) is None
    assert total_ascent([None, 100.0, None, 110.0]) == pytest.approx(10.0)


def test_hilly_from_the_threshold_per_km() -> None:
    # 20 km: 199 m is 9.95 m/km (not hilly), 200 m is exactly the threshold (hilly).
    assert HILLY_M_PER_KM == 10.0
    assert climb(199.0, 20_000.0) == Climb(199.0, 9.95, False)
    assert climb(200.0, 20_000.0) == Climb(200.0, 10.0, True)
    assert climb(None, 20_000.0) is None and climb(50.0, 0.0) is None


def test_columns_for_the_list_and_the_exports() -> None:
    assert climb_columns(312.44, 30_000.0) == {
        "ascent_m": 312.4,
        "climb_m_per_km": 10.41,
        "hilly": True,
    }
    assert climb_columns(None, 30_000.0) == {
        "ascent_m": None,
        "climb_m_per_km": None,
        "hilly": None,
    }
