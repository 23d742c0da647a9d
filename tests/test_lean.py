"""The model's frozen elements built by their faster constructor: the same objects, still frozen."""

from __future__ import annotations

import dataclasses
import pickle

import pytest

from linter.lean import pickled_as_values, pickled_by_values
from linter.model import elements
from linter.parse import positions, tags


def _values_class() -> type:
    """A new frozen slotted dataclass of four fields, two with defaults, each time."""

    @dataclasses.dataclass(frozen=True, slots=True)
    class Fast:
        name: str
        line: int
        note: str | None = None
        count: int = 0

    return Fast


Stock = _values_class()  # dataclasses' own constructor
Fast = pickled_by_values(_values_class())
Fast.__qualname__ = "Fast"  # picklable by name, as a class of a module is


def _values(obj: object) -> tuple[object, ...]:
    return tuple(getattr(obj, field.name) for field in dataclasses.fields(obj))  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "args, kwargs",
    [
        (("a", 1), {}),
        (("a", 1, "n"), {}),
        (("a", 1, "n", 3), {}),
        ((), {"line": 2, "name": "b", "count": 5}),
        (("c",), {"line": 4, "note": None}),
    ],
)
def test_the_constructor_takes_what_the_dataclass_one_takes(args: tuple[object, ...], kwargs: dict[str, object]) -> None:
    assert _values(Fast(*args, **kwargs)) == _values(Stock(*args, **kwargs))  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "args, kwargs", [(("a",), {}), (("a", 1, None, 0, 9), {}), (("a", 1), {"name": "b"}), (("a", 1), {"other": 2})]
)
def test_the_constructor_refuses_what_the_dataclass_one_refuses(args: tuple[object, ...], kwargs: dict[str, object]) -> None:
    with pytest.raises(TypeError):
        Stock(*args, **kwargs)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        Fast(*args, **kwargs)  # type: ignore[arg-type]


def test_the_objects_stay_frozen_equal_hashable_replaceable_and_picklable() -> None:
    fast = Fast("a", 1, count=2)
    with pytest.raises(dataclasses.FrozenInstanceError):
        fast.name = "b"  # type: ignore[misc]
    assert fast == Fast("a", 1, None, 2) and hash(fast) == hash(Fast("a", 1, None, 2))
    assert dataclasses.replace(fast, note="x") == Fast("a", 1, "x", 2)
    assert pickle.loads(pickle.dumps(fast)) == fast
    assert repr(fast) == "Fast(name='a', line=1, note=None, count=2)"


def test_a_field_with_a_factory_is_refused() -> None:
    @dataclasses.dataclass(frozen=True, slots=True)
    class Listed:
        items: list[int] = dataclasses.field(default_factory=list)

    with pytest.raises(TypeError):
        pickled_by_values(Listed)


MODEL_CLASSES = [
    elements.Anchor,
    elements.Expandable,
    elements.Link,
    elements.TextRun,
    elements.Strike,
    elements.TagRef,
    elements.Comment,
    elements.SourceProblem,
    positions.Position,
    tags.BlockKind,
    tags.Attribute,
    tags.Unclosed,
    tags.TagLine,
]


@pytest.mark.parametrize("cls", MODEL_CLASSES, ids=lambda cls: cls.__name__)
def test_every_model_element_keeps_its_signature_and_defaults(cls: type) -> None:
    fields = dataclasses.fields(cls)
    required = [field.name for field in fields if field.default is dataclasses.MISSING]
    made = cls(*range(len(required)))
    for field in fields:
        expected = required.index(field.name) if field.name in required else field.default
        assert getattr(made, field.name) == expected
    assert pickle.loads(pickle.dumps(made)) == made


@pickled_by_values
@dataclasses.dataclass(frozen=True, slots=True)
class One:
    value: tuple[int, ...]


def test_a_single_field_class_pickles_its_value() -> None:
    assert pickle.loads(pickle.dumps(One((1, 2)))) == One((1, 2))


def test_the_mutable_elements_pickle_as_their_values_and_stay_shared() -> None:
    anchor = elements.Anchor("x", 1, 20, "heading", "x", "#x", 1, 12)
    heading = elements.Heading(2, "Title", 1, 1, anchor, True, ("title",))
    block = elements.TextBlock("list-item", "text", 3, 4, True, False, 2, "hint")
    copied_heading, copied_anchor, copied_block = pickle.loads(pickle.dumps((heading, anchor, block)))
    assert (copied_heading, copied_anchor, copied_block) == (heading, anchor, block)
    assert copied_heading.anchor is copied_anchor  # one object, as in the page's lists
    copied_block.text = "changed"  # still mutable
    assert copied_block.text == "changed"


def test_a_mutable_class_with_a_field_out_of_the_constructor_is_refused() -> None:
    @dataclasses.dataclass(slots=True)
    class Partly:
        made: int = dataclasses.field(init=False, default=0)

    with pytest.raises(TypeError):
        pickled_as_values(Partly)
