"""Athletes (names checked with a clear message), settings (app-wide and per athlete), exercises."""

from __future__ import annotations

import pytest

from db.athletes import create_athlete, get_athlete, list_athletes
from db.exercises import ensure_exercise, exercise_by_key, list_exercises
from db.records import Athlete
from db.settings import all_settings, get_setting, set_setting
from db.store import Store
from tests.db.helpers import NOW


def test_names_are_stripped_and_listed_in_order(store: Store) -> None:
    first = create_athlete(store, "  Ana  ", created_at=NOW)
    second = create_athlete(store, "Bo", created_at=NOW)
    assert first.name == "Ana" and first.created_at == NOW
    assert list_athletes(store) == [first, second]
    assert get_athlete(store, second.id) == second


@pytest.mark.parametrize(
    ("name", "message"),
    [("", "enter a name"), ("   ", "enter a name"), ("x" * 61, "at most 60")],
)
def test_bad_names_are_refused_with_a_reason(store: Store, name: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        create_athlete(store, name, created_at=NOW)
    assert list_athletes(store) == []


def test_sixty_characters_is_fine(store: Store) -> None:
    assert len(create_athlete(store, "x" * 60, created_at=NOW).name) == 60


def test_names_are_unique(store: Store, athlete: Athlete) -> None:
    with pytest.raises(ValueError, match="already an athlete called 'Ana'"):
        create_athlete(store, " Ana", created_at=NOW)
    assert list_athletes(store) == [athlete]


def test_unknown_athlete_is_a_lookup_error(store: Store) -> None:
    with pytest.raises(LookupError):
        get_athlete(store, 42)


def test_app_wide_and_athlete_settings_are_separate(store: Store, athlete: Athlete) -> None:
    assert get_setting(store, "last_athlete_id") is None
    assert get_setting(store, "last_athlete_id", default="1") == "1"
    set_setting(store, "last_athlete_id", str(athlete.id))
    set_setting(store, "units", "lb", athlete_id=athlete.id)
    set_setting(store, "units", "kg")
    assert get_setting(store, "last_athlete_id") == str(athlete.id)
    assert get_setting(store, "units", athlete_id=athlete.id) == "lb"
    assert get_setting(store, "units") == "kg"
    assert all_settings(store) == {"last_athlete_id": str(athlete.id), "units": "kg"}


def test_setting_again_replaces_without_duplicates(store: Store, athlete: Athlete) -> None:
    for value in ("1", "2", "3"):
        set_setting(store, "theme", value)
        set_setting(store, "theme", value, athlete_id=athlete.id)
    assert get_setting(store, "theme") == "3"
    assert store.db.table("settings").count == 2


def test_an_app_wide_key_cannot_be_stored_twice(store: Store) -> None:
    set_setting(store, "k", "v")
    with pytest.raises(Exception, match="UNIQUE"):
        store.db.execute("INSERT INTO settings (athlete_id, key, value) VALUES (NULL, 'k', 'w')")


def test_ensure_exercise_upserts_by_key_and_keeps_the_id(store: Store) -> None:
    first = ensure_exercise(
        store, key="goblet_squat", name="Goblet", movement="squat", barbell=False, bodyweight=False
    )
    again = ensure_exercise(
        store,
        key="goblet_squat",
        name="Goblet squat",
        movement="squat",
        barbell=False,
        bodyweight=False,
    )
    assert first == again
    stored = exercise_by_key(store, "goblet_squat")
    assert stored is not None and stored.name == "Goblet squat" and stored.id == first
    assert [exercise.key for exercise in list_exercises(store)] == ["goblet_squat"]
    assert exercise_by_key(store, "nordic_curl") is None
