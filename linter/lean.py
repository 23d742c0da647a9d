"""Small, fast-to-load values: how the model's immutable elements are made and pickled."""

from __future__ import annotations

import dataclasses
import operator
from typing import Any, Callable, TypeVar

T = TypeVar("T")


def pickled_by_values(cls: type[T]) -> type[T]:
    """Pickle a frozen slotted dataclass as its field values, rebuilt by its constructor. The
    dataclasses module's own way for such classes looks the fields up again for every object,
    which cost seconds when the facts of 10,000 pages are read back. Only for classes that can
    hold no cycle (a value is made before the object that holds it). The constructor is the
    faster one of `slot_setting_init`."""
    fields = dataclasses.fields(cls)  # type: ignore[arg-type]
    cls.__reduce__ = reduced_to_values(cls, fields)  # type: ignore[assignment,method-assign]
    cls.__init__ = slot_setting_init(cls, fields)  # type: ignore[misc]
    return cls


def pickled_as_values(cls: type[T]) -> type[T]:
    """Pickle a mutable slotted dataclass as its field values, rebuilt by its constructor (every
    field an init field): half the size and a third of the time to load of the slots' name-value
    dictionary pickle makes for each object otherwise. Only for classes that can hold no cycle."""
    fields = dataclasses.fields(cls)  # type: ignore[arg-type]
    if not all(field.init for field in fields):
        raise TypeError(f"{cls.__name__}: every field must be a parameter of the constructor")
    cls.__reduce__ = reduced_to_values(cls, fields)  # type: ignore[assignment,method-assign]
    return cls


def reduced_to_values(
    cls: type[T], fields: tuple[dataclasses.Field[Any], ...]
) -> Callable[[Any], tuple[type[T], tuple[Any, ...]]]:
    """A `__reduce__` giving the class and the field values in order, read by one `attrgetter` (a
    loop over the names in Python cost twice as much: pickling the facts makes one call per element)."""
    names = [field.name for field in fields]
    values = operator.attrgetter(*names)
    if len(names) == 1:  # attrgetter gives one name's value alone, not in a tuple

        def __reduce__(self: Any) -> tuple[type[T], tuple[Any, ...]]:
            return cls, (values(self),)

    else:

        def __reduce__(self: Any) -> tuple[type[T], tuple[Any, ...]]:
            return cls, values(self)

    return __reduce__


def slot_setting_init(cls: type, fields: tuple[dataclasses.Field[Any], ...]) -> Callable[..., None]:
    """The constructor of a frozen slotted dataclass, same parameters and defaults, that sets each
    field through its slot's own setter. The one dataclasses writes calls `object.__setattr__` by
    name for each field (frozen classes refuse plain assignment), twice the cost: the page builder
    makes one object per run of text, link and tag, and unpickling the facts one per element."""
    params, body, scope = [], [], {}
    for field in fields:
        if field.default_factory is not dataclasses.MISSING or not field.init:
            raise TypeError(f"{cls.__name__}.{field.name}: only plain fields and defaults are supported")
        scope[f"_set_{field.name}"] = cls.__dict__[field.name].__set__  # the slot's member descriptor
        if field.default is dataclasses.MISSING:
            params.append(field.name)
        else:
            scope[f"_default_{field.name}"] = field.default
            params.append(f"{field.name}=_default_{field.name}")
        body.append(f"    _set_{field.name}(self, {field.name})")
    if hasattr(cls, "__post_init__"):
        raise TypeError(f"{cls.__name__}: __post_init__ is not supported")
    source = f"def __init__(self, {', '.join(params)}) -> None:\n" + "\n".join(body or ["    pass"])
    exec(source, scope)  # noqa: S102 - generated from the class's own field names, as dataclasses does
    init = scope["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    return init
