"""Bar and plates as typed: accepted in range or refused in one line; what is saved reads back.

parse_equipment reads two free-text fields of View → Bar and plates; whatever it accepts is saved
and later read by the gym screen's warm-ups and plate breakdown, so it must read back usable.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from db.athletes import create_athlete
from db.store import Store, open_store
from desktop.domain.gym.workout_input import InputError
from desktop.gym.opening.equipment import (
    MAX_BAR_KG,
    MAX_PLATE_KG,
    MAX_PLATE_SIZES,
    EquipmentOwner,
    _limit,
    current_equipment,
    parse_equipment,
    save_equipment,
)

FUZZ = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
NOW = datetime(2027, 1, 4, 12, tzinfo=UTC)

number_text = st.one_of(
    st.floats(allow_nan=True, allow_infinity=True).map(str),
    st.integers(-(10**6), 10**6).map(str),
    st.sampled_from(["20", "2,5", "1e400", "nan", "-0", "0", "1_0", " 15 ", "٣", "0x10", ""]),
    st.text(max_size=12),
)
plates_text = st.one_of(
    st.lists(number_text, max_size=15).flatmap(
        lambda parts: st.sampled_from([", ", " ", ";", ",,"]).map(lambda sep: sep.join(parts))
    ),
    st.text(max_size=60),
)


@pytest.fixture(scope="module")
def owners(
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[tuple[Store, dict[str, EquipmentOwner]]]:
    folder: Path = tmp_path_factory.mktemp("equipment-log")
    store = open_store(folder / "cramproof.db", backups_dir=folder / "backups", now=NOW)
    made = {
        units: EquipmentOwner(
            create_athlete(store, f"Ana {units}", created_at=NOW).id, "Ana", units
        )
        for units in ("kg", "lb")
    }
    yield store, made  # type: ignore[misc]
    store.close()


@FUZZ
@given(number_text, plates_text, st.sampled_from(["kg", "lb"]))
@example("20", "25, 20, 10, 5, 2.5, 1.25", "kg")
@example("45", "45 35 25 10 5 2.5", "lb")
@example("20", ", ".join(["1"] * 13), "kg")
@example("1e400", "20", "kg")
@example("20", "20, nan", "kg")
def test_equipment_is_accepted_in_range_or_refused_in_one_line(
    owners: tuple[Store, dict[str, EquipmentOwner]], bar_text: str, plates: str, units: str
) -> None:
    store, by_units = owners
    owner = by_units[units]
    before = current_equipment(store, owner)
    try:
        bar, sizes = parse_equipment(bar_text, plates, units)  # type: ignore[arg-type]
    except InputError as error:
        assert len(str(error).splitlines()) == 1, str(error)
        with pytest.raises(InputError):
            save_equipment(store, owner, bar_text=bar_text, plates_text=plates)
        assert current_equipment(store, owner) == before, "a refused entry changes nothing"
        return
    max_bar, max_plate = _limit(MAX_BAR_KG, units), _limit(MAX_PLATE_KG, units)  # type: ignore[arg-type]
    assert math.isfinite(bar) and 0 <= bar <= max_bar
    assert 1 <= len(sizes) <= MAX_PLATE_SIZES
    assert all(math.isfinite(p) and 0 < p <= max_plate for p in sizes)
    assert list(sizes) == sorted(set(sizes), reverse=True)
    saved = save_equipment(store, owner, bar_text=bar_text, plates_text=plates)
    assert saved.units == units and len(saved.plates) == len(sizes)
    assert math.isclose(saved.bar, bar, rel_tol=1e-5, abs_tol=1e-9)
    assert all(math.isclose(a, b, rel_tol=1e-5) for a, b in zip(saved.plates, sizes, strict=True))
