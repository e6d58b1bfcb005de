"""Objects built by okrlint.frozen are the objects the dataclass would build: the same class,
equal field by field, defaults filled in, and still frozen."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field

import pytest

from okrlint.frozen import constructor
from okrlint.model import Action, Finding, KeyResult, Objective, Severity, Span
from okrlint.score import ElementScore, Reason


def _init_values(obj) -> list:
    return [getattr(obj, f.name) for f in dataclasses.fields(obj) if f.init]


SPAN = Span(3, 5, 3, 30)
EXAMPLES = [
    SPAN,
    Span(2, 1, 2, 9, "Q1"),
    Action("Run a workshop", SPAN, "a1", "nb"),
    KeyResult("Raise NPS from 30 to 45", SPAN, "kr1", 30, 45, "points", 33, "up", "en"),
    Objective("Delight customers", SPAN, key_results=(KeyResult("Sell more", SPAN),)),
    Finding("a.okr.yaml", SPAN, "OKR201", "kr-not-measurable", Severity.ERROR, "no number"),
    ElementScore(
        "key_result", None, "Sell more", 3, 75, (Reason("OKR201", "r", Severity.ERROR, 25, "m"),)
    ),
]


@pytest.mark.parametrize("original", EXAMPLES, ids=lambda o: type(o).__name__)
def test_a_built_object_equals_the_dataclass_own(original) -> None:
    built = constructor(type(original))(*_init_values(original))
    assert type(built) is type(original)
    assert built == original and hash(built) == hash(original)
    # every field, those left out of __init__ too (an element's kind), in its slot
    for f in dataclasses.fields(original):
        assert getattr(built, f.name) == getattr(original, f.name)
    name = dataclasses.fields(original)[0].name
    for obj in (original, built):  # refused alike (Python 3.11 says so with a TypeError)
        with pytest.raises((dataclasses.FrozenInstanceError, TypeError)):
            setattr(obj, name, getattr(obj, name))


def test_a_default_factory_gives_each_object_its_own_value() -> None:
    @dataclass(frozen=True, slots=True)
    class Tagged:
        name: str
        seen: list = field(default_factory=list, init=False)

    build = constructor(Tagged)
    first, second = build("a"), build("b")
    assert first == Tagged("a") and first.seen == [] and first.seen is not second.seen


def test_a_class_without_slots_is_called_as_it_is() -> None:
    calls = []

    @dataclass(frozen=True)
    class Checked:
        value: int

        def __post_init__(self) -> None:
            calls.append(self.value)

    assert constructor(Checked)(7) == Checked(7)
    assert calls == [7, 7]  # its own __post_init__ ran for the built one too


def test_the_wrong_number_of_values_is_refused() -> None:
    from okrlint.frozen import build_lines

    with pytest.raises(TypeError, match="takes 5 values"):
        build_lines(Span, ["a", "b"], {}, "o")
