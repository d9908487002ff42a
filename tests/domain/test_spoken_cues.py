"""The words of each spoken cue: the set on screen in the runner's units, shorter when light."""

from __future__ import annotations

import pytest

from desktop.domain.buildup.model import SessionKind
from desktop.domain.rest.spoken_cues import (
    SpokenSet,
    duration_words,
    max_words,
    ready_words,
    resumed_words,
)

SQUAT = SpokenSet("Back squat", warmup=False, number=2, of=4, load_kg=102.5, units="kg")
SQUAT_LB = SpokenSet("Back squat", warmup=False, number=2, of=4, load_kg=102.0583, units="lb")
WARMUP = SpokenSet("Back squat", warmup=True, number=1, of=3, load_kg=20.0, units="kg")
PULL_UP = SpokenSet("Pull-up", warmup=False, number=1, of=3, load_kg=0.0, units="kg")
BW_SQUAT = SpokenSet("Bodyweight squat", warmup=False, number=2, of=3, load_kg=0.0, units="kg")
VESTED = SpokenSet("Step-up", warmup=False, number=3, of=3, load_kg=10.0, units="kg")
ONE_KILO = SpokenSet("Calf raise", warmup=False, number=1, of=2, load_kg=1.0, units="kg")


@pytest.mark.parametrize(
    ("upcoming", "kind", "words"),
    [
        (SQUAT, "heavy", "Ready. Next: Back squat, set 2 of 4, 102.5 kilos."),
        (SQUAT_LB, "heavy", "Ready. Next: Back squat, set 2 of 4, 225 pounds."),
        (WARMUP, "heavy", "Ready. Next: Back squat, warm-up 1 of 3, 20 kilos."),
        (PULL_UP, "heavy", "Ready. Next: Pull-up, set 1 of 3, bodyweight."),
        (ONE_KILO, "heavy", "Ready. Next: Calf raise, set 1 of 2, 1 kilo."),
        (None, "heavy", "Ready."),
        (BW_SQUAT, "light", "Ready. Bodyweight squat, set 2 of 3."),
        (VESTED, "light", "Ready. Step-up, set 3 of 3, 10 kilos."),
        (None, "light", "Ready."),
    ],
)
def test_ready_says_the_set_on_screen_in_the_runners_units(
    upcoming: SpokenSet | None, kind: SessionKind, words: str
) -> None:
    assert ready_words(upcoming, kind=kind) == words


@pytest.mark.parametrize(
    ("max_s", "kind", "words"),
    [
        (300.0, "heavy", "Five minutes. Start when ready."),
        (330.0, "heavy", "Five minutes thirty seconds. Start when ready."),
        (60.0, "heavy", "One minute. Start when ready."),
        (90.0, "light", "Ninety seconds."),
        (120.0, "light", "Two minutes."),
    ],
)
def test_max_says_how_long_the_rest_has_been(max_s: float, kind: SessionKind, words: str) -> None:
    assert max_words(max_s, kind=kind) == words


@pytest.mark.parametrize(
    ("upcoming", "kind", "words"),
    [
        (SQUAT, "heavy", "Resumed: Back squat, set 2 of 4."),
        (None, "heavy", "Resumed: heavy session."),
        (BW_SQUAT, "light", "Resumed: Bodyweight squat, set 2 of 3."),
        (None, "light", "Resumed: light session."),
    ],
)
def test_a_resumed_session_says_what_was_resumed(
    upcoming: SpokenSet | None, kind: SessionKind, words: str
) -> None:
    assert resumed_words(upcoming, kind=kind) == words


@pytest.mark.parametrize(
    ("seconds", "words"),
    [
        (1, "One second"),
        (45, "Forty-five seconds"),
        (180, "Three minutes"),
        (150, "Two minutes thirty seconds"),
        (6000, "100 minutes"),
    ],
)
def test_durations_are_words_a_voice_reads_naturally(seconds: float, words: str) -> None:
    assert duration_words(seconds) == words


def test_light_cues_are_shorter_than_heavy_ones() -> None:
    heavy = ready_words(BW_SQUAT, kind="heavy") + max_words(90, kind="heavy")
    light = ready_words(BW_SQUAT, kind="light") + max_words(90, kind="light")
    assert len(light) < len(heavy)
