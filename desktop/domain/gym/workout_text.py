"""The words and numbers the gym screen shows: loads, targets, set titles, plates, results."""

from __future__ import annotations

from desktop.domain.buildup.model import Units
from desktop.domain.gym.plates import kg_to_lb, plates_per_side


def counted(number: int, noun: str) -> str:
    """ "1 set", "2 sets", "0 sets": a count with its noun in the right number."""
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"


def out_of(done: int, planned: int, noun: str, *, sep: str = " of ") -> str:
    """ "1 of 1 work set", "2 of 9 work sets", "1/3 sets": the noun agrees with the total."""
    return f"{done}{sep}{counted(planned, noun)}"


def load_text(load_kg: float, units: Units) -> str:
    """A stored load as the athlete reads it: 102.5, 225; never more than two decimals."""
    value = load_kg if units == "kg" else kg_to_lb(load_kg)
    return f"{round(value, 2):g}"


def target_text(target: tuple[int, int], *, hold: bool) -> str:
    """ "4–5 reps", "20 reps", "30–60 s"."""
    low, high = target
    amount = f"{low}" if low == high else f"{low}–{high}"
    return f"{amount} s" if hold else f"{amount} rep" if high == 1 else f"{amount} reps"


def set_title(name: str, *, warmup: bool, number: int, of: int) -> str:
    kind = "Warm-up" if warmup else "Set"
    return f"{name} · {kind} {number} of {of}"


def plate_line(
    load_kg: float, *, units: Units, bar: float, plates: tuple[float, ...]
) -> str | None:
    """What goes on each side of the bar, heaviest first; None when the load is not a bar load."""
    total = round(load_kg if units == "kg" else kg_to_lb(load_kg), 2)
    if total < bar:
        return None
    breakdown = plates_per_side(total, bar=bar, plates=plates)
    if not breakdown.per_side:
        text = f"Empty bar ({bar:g} {units})"
    else:
        side = " + ".join(_grouped(breakdown.per_side))
        text = f"Each side: {side}  ·  bar {bar:g} {units}"
    if not breakdown.exact:
        text += f"  ·  {breakdown.remainder:g} {units} cannot be built"
    return text


def _grouped(per_side: tuple[float, ...]) -> list[str]:
    """Plates in order, a run of three or more of one size as "19 × 25": a slip like 1000 kg
    must not write a line of plates wider than the screen."""
    groups: list[tuple[float, int]] = []
    for plate in per_side:
        if groups and groups[-1][0] == plate:
            groups[-1] = (plate, groups[-1][1] + 1)
        else:
            groups.append((plate, 1))
    words: list[str] = []
    for plate, count in groups:
        words += [f"{count} × {plate:g}"] if count >= 3 else [f"{plate:g}"] * count
    return words


def result_text(
    *, reps: int, load_kg: float, hold_s: float | None, form_held: bool, units: Units
) -> str:
    """One set as the athlete says it: "5 × 100 kg", "18 reps", "45 s", "(form broke)"."""
    if hold_s is not None:
        text = f"{hold_s:g} s"
    elif load_kg > 0:
        text = f"{reps} × {load_text(load_kg, units)} {units}"
    else:
        text = counted(reps, "rep")
    return text if form_held else f"{text} (form broke)"


def clock_text(seconds: float) -> str:
    """Whole seconds as m:ss, for the lifting stopwatch."""
    minutes, rest = divmod(max(0, int(seconds)), 60)
    return f"{minutes}:{rest:02d}"
