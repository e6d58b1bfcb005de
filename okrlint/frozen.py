"""Frozen dataclass objects built at the cost of plain ones.

A frozen dataclass's ``__init__`` sets each field through ``object.__setattr__``, which
looks the field up by name each time. For a class with slots and no ``__post_init__``
(every model class, the scores), the functions here set each slot through its descriptor
instead: the same object of the same class, the same values in the same slots, and still
frozen afterwards, at less than half the cost. A cached re-run rebuilds some 60 000 model
objects from the cache and scores some 15 000 elements, so this is where that cost went.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from functools import cache
from typing import Any


def build_lines(cls: type, values: list[str], scope: dict[str, Any], into: str) -> list[str]:
    """Statements (indented for a function body) that build a ``cls`` from the expressions
    ``values``, its init fields in order, into the variable ``into``, as the dataclass's
    ``__init__`` would; the names they use are put in ``scope``. Fields left out of
    ``__init__`` get their defaults, as ``__init__`` gives them. A class without slots, or
    with a ``__post_init__``, is called as it is."""
    scope[f"{into}_cls"] = cls
    if "__slots__" not in cls.__dict__ or hasattr(cls, "__post_init__"):
        return [f"    {into} = {into}_cls({', '.join(values)})"]
    scope["_new"] = object.__new__
    lines = [f"    {into} = _new({into}_cls)"]
    init = [f for f in dataclasses.fields(cls) if f.init]
    if len(init) != len(values):
        raise TypeError(f"{cls.__name__} takes {len(init)} values, not {len(values)}")
    given = [(f.name, value) for f, value in zip(init, values, strict=True)]
    for f in dataclasses.fields(cls):
        if f.init:
            continue
        if f.default is not dataclasses.MISSING:
            scope[f"{into}_{f.name}"] = f.default
            given.append((f.name, f"{into}_{f.name}"))
        else:  # a default_factory: called for each object, as __init__ does
            scope[f"{into}_{f.name}_factory"] = f.default_factory
            given.append((f.name, f"{into}_{f.name}_factory()"))
    for name, value in given:
        scope[f"{into}_set_{name}"] = cls.__dict__[name].__set__
        lines.append(f"    {into}_set_{name}({into}, {value})")
    return lines


@cache
def constructor(cls: type) -> Callable[..., Any]:
    """A function that takes ``cls``'s init fields by position, all of them, and returns the
    object ``cls(...)`` would (see the module docstring)."""
    names = [f"a{i}" for i, f in enumerate(dataclasses.fields(cls)) if f.init]
    scope: dict[str, Any] = {}
    lines = [
        f"def build({', '.join(names)}):",
        *build_lines(cls, names, scope, "o"),
        "    return o",
    ]
    exec("\n".join(lines), scope)  # our own source, from the class's fields
    return scope["build"]
