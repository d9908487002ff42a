"""Frozen dataclasses defined without compiling code: the records read before the log is on screen.

`@dataclass(frozen=True)` writes the source of six methods per class and compiles each with
`exec` (Python 3.11): about 0.6 ms a class, 25 ms for the 40 behind the Plan screen at start-up.
`frozen_dataclass` lets `dataclasses` collect the fields (so `fields`, `replace`, `asdict` and
`is_dataclass` work as before) and attaches shared methods that read the field list instead:
the same constructor rules (keyword-only fields, defaults, default factories, `__post_init__`),
equality and hashing over the compared fields, the same repr, and assignment refused with
`FrozenInstanceError`. A constructor call loops over the fields instead of running
straight-line code, a few microseconds a record: nothing builds these by the thousand.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from operator import attrgetter
from typing import Any, TypeVar, dataclass_transform, overload

_T = TypeVar("_T", bound=type)
_MISSING: Any = dataclasses.MISSING


@overload
def frozen_dataclass(cls: _T, /) -> _T: ...


@overload
def frozen_dataclass(*, kw_only: bool = False) -> Callable[[_T], _T]: ...


@dataclass_transform(frozen_default=True, field_specifiers=(dataclasses.field,))
def frozen_dataclass(cls: Any = None, /, *, kw_only: bool = False) -> Any:
    """Like `@dataclass(frozen=True, kw_only=...)`, for classes made on the start-up path."""

    def wrap(target: _T) -> _T:
        return _make(target, kw_only=kw_only)

    return wrap if cls is None else wrap(cls)


def _make(cls: _T, *, kw_only: bool) -> _T:
    own = dict(cls.__dict__)
    if "__slots__" in own:  # the constructor fills the instance's __dict__
        raise TypeError(f"frozen_dataclass does not take __slots__ ({cls.__qualname__})")
    if cls.__doc__ is None:  # dataclass would describe it with inspect.signature: 0.1 ms
        cls.__doc__ = f"{cls.__name__}, a frozen record."
    dataclasses.dataclass(cls, init=False, repr=False, eq=False, kw_only=kw_only)
    fields = dataclasses.fields(cls)
    names = frozenset(field.name for field in fields)
    compared = _getter(tuple(field.name for field in fields if field.compare))
    hashed = _getter(
        tuple(
            field.name for field in fields if (field.compare if field.hash is None else field.hash)
        )
    )
    shown = tuple(field.name for field in fields if field.repr)
    given = tuple(f for f in fields if f.init)
    names_given = tuple(f.name for f in given)
    accepted = frozenset(names_given)
    defaults = {f.name: f.default for f in given if f.default is not _MISSING}
    factories = {f.name: f.default_factory for f in given if f.default_factory is not _MISSING}
    implied = tuple((f.name, f.default, f.default_factory) for f in fields if not f.init)
    positional = tuple(f.name for f in given if not f.kw_only)
    post_init = getattr(cls, "__post_init__", None) is not None
    setter = object.__setattr__
    qualname = cls.__qualname__

    def __init__(self: Any, *args: Any, **values: Any) -> None:
        if args:
            if len(args) > len(positional):
                raise TypeError(
                    f"{qualname}.__init__() takes {len(positional) + 1} positional arguments "
                    f"but {len(args) + 1} were given"
                )
            for name, value in zip(positional, args, strict=False):
                if name in values:
                    raise TypeError(f"{qualname}.__init__() got multiple values for {name!r}")
                values[name] = value
        if values.keys() != accepted:  # a default to fill in, or a wrong name
            for name in values:
                if name not in accepted:
                    raise TypeError(
                        f"{qualname}.__init__() got an unexpected keyword argument {name!r}"
                    )
            for name in names_given:
                if name in values:
                    continue
                if name in defaults:
                    values[name] = defaults[name]
                elif name in factories:
                    values[name] = factories[name]()
                else:
                    raise TypeError(f"{qualname}.__init__() missing 1 required argument: {name!r}")
        # Straight into the instance's dict, as object.__setattr__ would put them: the class
        # refuses assignment, and a record is built with every field at once.
        self.__dict__.update(values)
        for name, default, factory in implied:
            if default is not _MISSING:
                setter(self, name, default)
            elif factory is not _MISSING:
                setter(self, name, factory())
        if post_init:
            self.__post_init__()

    def __repr__(self: Any) -> str:
        shown_fields = ", ".join(f"{name}={getattr(self, name)!r}" for name in shown)
        return f"{self.__class__.__qualname__}({shown_fields})"

    def __eq__(self: Any, other: object) -> bool:
        if other.__class__ is self.__class__:
            return bool(compared(self) == compared(other))
        return NotImplemented

    def __hash__(self: Any) -> int:
        return hash(hashed(self))

    def __setattr__(self: Any, name: str, value: Any) -> None:
        if type(self) is cls or name in names:
            raise dataclasses.FrozenInstanceError(f"cannot assign to field {name!r}")
        super(cls, self).__setattr__(name, value)

    def __delattr__(self: Any, name: str) -> None:
        if type(self) is cls or name in names:
            raise dataclasses.FrozenInstanceError(f"cannot delete field {name!r}")
        super(cls, self).__delattr__(name)

    methods: dict[str, Callable[..., Any]] = {
        "__init__": __init__,
        "__repr__": __repr__,
        "__eq__": __eq__,
        "__setattr__": __setattr__,
        "__delattr__": __delattr__,
    }
    for name, method in methods.items():
        if name not in own:  # a method the class writes itself wins, as with @dataclass
            method.__qualname__ = f"{qualname}.{name}"
            setattr(cls, name, method)
    explicit_hash = "__hash__" in own and not (own["__hash__"] is None and "__eq__" in own)
    if not explicit_hash:
        __hash__.__qualname__ = f"{qualname}.__hash__"
        cls.__hash__ = __hash__  # type: ignore[assignment,method-assign]
    return cls


def _getter(names: tuple[str, ...]) -> Callable[[Any], tuple[Any, ...]]:
    """The values of `names` as one tuple, as the generated __eq__ and __hash__ compare them."""
    if not names:
        return lambda _record: ()
    if len(names) == 1:
        only = attrgetter(names[0])
        return lambda record: (only(record),)
    return attrgetter(*names)
