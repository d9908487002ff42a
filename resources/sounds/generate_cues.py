"""Writes the rest timer's cue sounds (stdlib only): python resources/sounds/generate_cues.py.

READY is a rising triple beep, MAX a longer, lower two-tone alarm, so a runner 3 m from the
laptop tells them apart without looking. Both are 16-bit 44.1 kHz mono WAV peaking at -1 dBFS.
Re-run after changing a tone and commit the WAVs; a test checks they match this script.
"""

from __future__ import annotations

import argparse
import math
import struct
import wave
from pathlib import Path

RATE = 44_100
PEAK = 10 ** (-1 / 20)  # -1 dBFS
FULL_SCALE = 32_767
HARMONICS = (1, 3, 5)  # odd harmonics: a square-ish tone that cuts through gym noise


def tone(
    freq: float, seconds: float, *, attack: float = 0.005, release: float = 0.02
) -> list[float]:
    """One tone with short fades, so the speaker does not click."""
    samples = []
    for i in range(round(seconds * RATE)):
        t = i / RATE
        wave_value = sum(math.sin(2 * math.pi * freq * k * t) / k for k in HARMONICS)
        samples.append(wave_value * min(1.0, t / attack, (seconds - t) / release))
    return samples


def silence(seconds: float) -> list[float]:
    return [0.0] * round(seconds * RATE)


def ready_cue() -> list[float]:
    """Three short beeps rising A5, D6, G6: about one second, bright and hopeful."""
    beeps = [tone(freq, 0.2) for freq in (880.0, 1174.66, 1567.98)]
    return beeps[0] + silence(0.1) + beeps[1] + silence(0.1) + beeps[2] + silence(0.2)


def max_cue() -> list[float]:
    """C5 and G4 alternating without a gap for 1.5 s: lower, longer, an alarm."""
    samples: list[float] = []
    for step in range(6):
        samples += tone(523.25 if step % 2 == 0 else 392.0, 0.25, release=0.01)
    return samples


CUES = {"ready": ready_cue, "max": max_cue}


def write_wav(path: Path, samples: list[float]) -> None:
    """Normalise to the target peak and write 16-bit mono PCM."""
    scale = PEAK * FULL_SCALE / max(abs(value) for value in samples)
    frames = struct.pack(f"<{len(samples)}h", *(round(value * scale) for value in samples))
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(RATE)
        out.writeframes(frames)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path(__file__).resolve().parent)
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    for name, make in CUES.items():
        write_wav(args.out / f"{name}.wav", make())


if __name__ == "__main__":
    main()
