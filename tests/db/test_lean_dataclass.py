"""`frozen_dataclass` behaves as `@dataclass(frozen=True)` does for everything the records use."""

from __future__ import annotations

import copy
import pickle
from dataclasses import (
    FrozenInstanceError,
    asdict,
    dataclass,
    field,
    fields,
    is_dataclass,
    replace,
)

import pytest

from db.lean_dataclass import frozen_dataclass


@frozen_dataclass(kw_only=True)
class LeanRow:
    id: int
    name: str
    tags: tuple[str, ...] = ()
    options: dict[str, int] = field(default_factory=dict)
    note: str = field(default="", compare=False)


@dataclass(frozen=True, kw_only=True)
class PlainRow:
    id: int
    name: str
    tags: tuple[str, ...] = ()
    options: dict[str, int] = field(default_factory=dict)
    note: str = field(default="", compare=False)


@frozen_dataclass
class LeanPoint:
    x: int
    y: int = 0

    def __post_init__(self) -> None:
        if self.x < 0:
            raise ValueError("x must not be negative")


@dataclass(frozen=True)
class PlainPoint:
    x: int
    y: int = 0


def test_equality_hash_and_repr_match_the_dataclass() -> None:
    lean, plain = LeanRow(id=1, name="Ana"), PlainRow(id=1, name="Ana")
    assert repr(lean).replace("LeanRow", "") == repr(plain).replace("PlainRow", "")
    assert lean == LeanRow(id=1, name="Ana", note="ignored in comparisons")
    assert lean != LeanRow(id=2, name="Ana")
    assert lean != plain and (lean == (1, "Ana")) is False
    for row in (lean, plain):  # a dict field makes both unhashable
        with pytest.raises(TypeError, match="unhashable"):
            hash(row)
    assert len({LeanPoint(1, 2), LeanPoint(x=1, y=2)}) == 1
    assert LeanPoint(1, 2) == LeanPoint(x=1, y=2) and hash(LeanPoint(1)) == hash(LeanPoint(1, 0))


def test_fields_replace_asdict_copy_and_pickle_work() -> None:
    row = LeanRow(id=1, name="Ana", tags=("calf",), options={"sets": 3})
    assert is_dataclass(row)
    assert [f.name for f in fields(row)] == [f.name for f in fields(PlainRow)]
    assert replace(row, id=7) == LeanRow(id=7, name="Ana", tags=("calf",), options={"sets": 3})
    assert asdict(row) == asdict(PlainRow(id=1, name="Ana", tags=("calf",), options={"sets": 3}))
    assert copy.copy(row) == row and pickle.loads(pickle.dumps(row)) == row
    assert LeanRow(id=1, name="a").options is not LeanRow(id=1, name="b").options


def test_assignment_is_refused_as_on_a_frozen_dataclass() -> None:
    row = LeanRow(id=1, name="Ana")
    with pytest.raises(FrozenInstanceError):
        row.name = "Bo"  # type: ignore[misc]
    with pytest.raises(FrozenInstanceError):
        del row.name  # type: ignore[misc]
    with pytest.raises(FrozenInstanceError):
        row.extra = 1  # type: ignore[attr-defined]


def test_constructor_rules_match_the_dataclass() -> None:
    with pytest.raises(TypeError):
        LeanRow(1, "Ana")  # type: ignore[misc]  # keyword-only
    with pytest.raises(TypeError, match="'name'"):
        LeanRow(id=1)  # type: ignore[call-arg]
    with pytest.raises(TypeError, match="'colour'"):
        LeanRow(id=1, name="Ana", colour="red")  # type: ignore[call-arg]
    with pytest.raises(TypeError):
        LeanPoint(1, 2, 3)  # type: ignore[call-arg]
    with pytest.raises(TypeError, match="multiple values"):
        LeanPoint(1, x=2)  # type: ignore[misc]
    with pytest.raises(ValueError, match="negative"):
        LeanPoint(-1)
    assert (PlainPoint(3).y, LeanPoint(3).y) == (0, 0)


def test_a_method_the_class_writes_itself_is_kept() -> None:
    @frozen_dataclass
    class Named:
        name: str

        def __repr__(self) -> str:
            return f"<{self.name}>"

    assert repr(Named("x")) == "<x>"


def test_slots_are_refused_rather_than_broken() -> None:
    with pytest.raises(TypeError, match="__slots__"):

        @frozen_dataclass
        class Slotted:
            __slots__ = ("x",)
            x: int
