"""The committed cue sounds: loud, distinct, in the agreed format, and made by the script."""

from __future__ import annotations

import itertools
import subprocess
import sys
import wave
from array import array
from pathlib import Path

import pytest

from desktop.runtime.resources import resource_path

SOUNDS = resource_path("sounds")
TARGET_PEAK = round(32_767 * 10 ** (-1 / 20))  # -1 dBFS


def samples(path: Path) -> array:
    with wave.open(str(path)) as cue:
        assert (cue.getnchannels(), cue.getsampwidth(), cue.getframerate()) == (1, 2, 44_100)
        return array("h", cue.readframes(cue.getnframes()))


def loud_stretches(values: array, *, threshold: int = 1000, gap: int = 2205) -> int:
    """How many separate sounds there are, split by at least 50 ms of quiet."""
    loud = [i for i, value in enumerate(values) if abs(value) > threshold]
    return 1 + sum(1 for before, after in itertools.pairwise(loud) if after - before > gap)


@pytest.mark.parametrize(
    ("name", "shortest_s", "longest_s", "sounds"), [("ready", 0.8, 1.2, 3), ("max", 1.3, 1.7, 1)]
)
def test_cue_files_are_loud_and_distinct(
    name: str, shortest_s: float, longest_s: float, sounds: int
) -> None:
    values = samples(SOUNDS / f"{name}.wav")
    assert shortest_s <= len(values) / 44_100 <= longest_s
    assert abs(max(map(abs, values)) - TARGET_PEAK) <= 2
    assert loud_stretches(values) == sounds


def test_ready_is_higher_pitched_than_max() -> None:
    def crossings(name: str) -> float:
        values = [v for v in samples(SOUNDS / f"{name}.wav") if abs(v) > 1000]
        signs = [v > 0 for v in values]
        return sum(a != b for a, b in itertools.pairwise(signs)) / len(values)

    assert crossings("ready") > 1.5 * crossings("max")


def test_committed_cues_match_the_generator(tmp_path: Path) -> None:
    subprocess.run(
        [sys.executable, str(SOUNDS / "generate_cues.py"), "--out", str(tmp_path)],
        check=True,
        timeout=60,
    )
    for name in ("ready", "max"):
        fresh, committed = samples(tmp_path / f"{name}.wav"), samples(SOUNDS / f"{name}.wav")
        assert len(fresh) == len(committed)
        assert max(abs(a - b) for a, b in zip(fresh, committed, strict=True)) <= 1


def test_resource_path_in_a_checkout() -> None:
    root = Path(__file__).resolve().parents[2]
    assert resource_path("sounds", "ready.wav") == root / "resources" / "sounds" / "ready.wav"


def test_resource_path_in_a_frozen_bundle(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert resource_path("sounds", "max.wav") == tmp_path / "resources" / "sounds" / "max.wav"
