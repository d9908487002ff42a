"""The session layout and cursor: next set, warm-ups, extra sets, skips and variant swaps."""

from __future__ import annotations

import pytest

from desktop.domain.gym.workout import (
    DoneSet,
    Slot,
    WarmupSet,
    WorkoutPlan,
    counts,
    last_slot,
    next_set,
    shown_name,
    swap_choices,
    swapped,
    target_of,
    wants_warmups,
    warmup_ramp,
    with_extra_set,
    with_skipped,
    without_warmups,
)
from desktop.domain.rest.rest_timer import HEAVY_WINDOW, LIGHT_WINDOW

RAMP = (WarmupSet(20.0, 5), WarmupSet(50.0, 5), WarmupSet(75.0, 3))


def heavy(*slots: Slot) -> WorkoutPlan:
    return WorkoutPlan("heavy", (4, 5), HEAVY_WINDOW, "tired legs: form first", slots)


def three_by_three(warmups: tuple[WarmupSet, ...] = ()) -> WorkoutPlan:
    return heavy(
        Slot("back_squat", 3, warmups=warmups),
        Slot("conventional_deadlift", 3),
        Slot("reverse_lunge", 3),
    )


def work(key: str, times: int = 1) -> list[DoneSet]:
    return [DoneSet(key, False)] * times


def warm(key: str, times: int = 1) -> list[DoneSet]:
    return [DoneSet(key, True)] * times


def test_walks_exercise_by_exercise_and_set_by_set() -> None:
    plan, done = three_by_three(), []
    seen = []
    while (upcoming := next_set(plan, done)) is not None:
        seen.append((upcoming.key, upcoming.number, upcoming.of))
        done.append(DoneSet(upcoming.key, upcoming.warmup))
    assert seen == [
        (key, number, 3)
        for key in ("back_squat", "conventional_deadlift", "reverse_lunge")
        for number in (1, 2, 3)
    ]
    assert counts(plan, done) == [(0, 3), (0, 3), (0, 3)]


def test_warmups_come_first_with_their_own_load_and_do_not_count_as_work() -> None:
    plan = three_by_three(RAMP)
    first = next_set(plan, [])
    assert first is not None
    assert (first.warmup, first.number, first.of, first.load_kg, first.target) == (
        True,
        1,
        3,
        20.0,
        (5, 5),
    )
    third = next_set(plan, warm("back_squat", 2))
    assert third is not None and (third.load_kg, third.target) == (75.0, (3, 3))
    work_set = next_set(plan, warm("back_squat", 3))
    assert work_set is not None
    assert (work_set.warmup, work_set.number, work_set.load_kg) == (False, 1, None)
    assert counts(plan, warm("back_squat", 3)) == [(3, 0), (0, 0), (0, 0)]


def test_once_work_has_begun_no_warmup_is_offered_again() -> None:
    plan = three_by_three(RAMP)
    upcoming = next_set(plan, [*warm("back_squat"), *work("back_squat")])
    assert upcoming is not None and not upcoming.warmup and upcoming.number == 2


def test_skipping_warmups_goes_straight_to_work() -> None:
    plan = without_warmups(three_by_three(RAMP), 0)
    upcoming = next_set(plan, [])
    assert upcoming is not None and not upcoming.warmup


def test_an_extra_set_extends_its_exercise_even_after_moving_on() -> None:
    plan = with_extra_set(three_by_three(), 0)
    done = work("back_squat", 3)
    upcoming = next_set(plan, done)
    assert upcoming is not None and (upcoming.key, upcoming.number, upcoming.of) == (
        "back_squat",
        4,
        4,
    )
    assert last_slot(plan, [*done, *work("conventional_deadlift")]) == 1


def test_skipping_an_exercise_moves_on_and_the_last_skip_ends_the_session() -> None:
    plan = with_skipped(three_by_three(), 0)
    upcoming = next_set(plan, work("back_squat"))
    assert upcoming is not None and upcoming.key == "conventional_deadlift"
    plan = with_skipped(with_skipped(plan, 1), 2)
    assert next_set(plan, []) is None


def test_an_extra_set_unskips_its_exercise() -> None:
    plan = with_extra_set(with_skipped(three_by_three(), 2), 2)
    assert not plan.slots[2].skipped
    assert plan.slots[2].sets == 4


def test_swap_offers_other_variants_of_the_movement_not_in_the_session() -> None:
    plan = three_by_three()
    keys = [choice.key for choice in swap_choices(plan, 0)]
    assert keys == ["front_squat", "goblet_squat", "trap_bar_squat"]
    assert "back_squat" not in keys


def test_swap_after_sets_keeps_them_counting_for_the_slot() -> None:
    plan = three_by_three(RAMP)
    done = [*warm("back_squat", 3), *work("back_squat")]
    plan = swapped(plan, 0, "front_squat", done=done, warmups=RAMP)
    slot = plan.slots[0]
    assert (slot.key, slot.earlier_keys, slot.warmups) == ("front_squat", ("back_squat",), ())
    upcoming = next_set(plan, done)
    assert upcoming is not None and (upcoming.key, upcoming.number) == ("front_squat", 2)


def test_swap_before_any_set_takes_the_new_warmups_only() -> None:
    new_ramp = (WarmupSet(20.0, 5),)
    plan = swapped(three_by_three(RAMP), 0, "front_squat", done=[], warmups=new_ramp)
    assert plan.slots[0] == Slot("front_squat", 3, warmups=new_ramp)


def test_swap_to_a_variant_of_another_movement_is_refused() -> None:
    with pytest.raises(ValueError):
        swapped(three_by_three(), 0, "romanian_deadlift", done=[])


def test_light_session_names_bodyweight_forms_and_finisher_doses() -> None:
    plan = WorkoutPlan("light", (10, 20), LIGHT_WINDOW, "reinforce the movement", ())
    assert shown_name("light", "back_squat") == "Bodyweight squat"
    assert shown_name("heavy", "back_squat") == "Back squat"
    assert target_of(plan, "back_squat") == (10, 20)
    assert target_of(plan, "plank") == (30, 60)
    assert target_of(plan, "dead_bug") == (8, 12)
    hold = next_set(
        WorkoutPlan("light", (10, 20), LIGHT_WINDOW, "", (Slot("plank", 2),)), work("plank")
    )
    assert hold is not None and hold.hold and hold.target == (30, 60)


@pytest.mark.parametrize(
    ("kind", "key", "expected"),
    [
        ("heavy", "back_squat", True),
        ("heavy", "conventional_deadlift", True),
        ("heavy", "goblet_squat", False),
        ("heavy", "reverse_lunge", False),
        ("light", "back_squat", False),
    ],
)
def test_warmups_only_for_heavy_barbell_lifts(kind: str, key: str, expected: bool) -> None:
    assert wants_warmups(kind, key) is expected  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("work_load", "bar", "step", "ramp"),
    [
        (100.0, 20.0, 2.5, ((20.0, 5), (50.0, 5), (75.0, 3))),
        (85.0, 20.0, 2.5, ((20.0, 5), (42.5, 5), (65.0, 3))),
        (40.0, 20.0, 2.5, ((20.0, 5), (30.0, 3))),
        (25.0, 20.0, 2.5, ((20.0, 5),)),
        (20.0, 20.0, 2.5, ()),
        (15.0, 20.0, 2.5, ()),
        (225.0, 45.0, 5.0, ((45.0, 5), (115.0, 5), (170.0, 3))),
    ],
)
def test_warmup_ramp_table(
    work_load: float, bar: float, step: float, ramp: tuple[tuple[float, int], ...]
) -> None:
    assert warmup_ramp(work_load, bar=bar, step=step) == ramp
