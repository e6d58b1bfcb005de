"""Fractions of a level ("by a third", "med en tredjedel") are percentages."""

from __future__ import annotations

import pytest

from okrlint.language import analyse_texts
from okrlint.language.analysis import QuantityKind


@pytest.mark.parametrize(
    ("lang", "text", "value"),
    [
        ("en", "Cut fuel cost per stop by a third", 33.3),
        ("en", "Reduce rework by one fifth across both plants", 20),
        ("en", "Grow repeat orders by two thirds", 66.7),
        ("nb", "Kutte kostnadene per stopp med en tredjedel", 33.3),
        ("nb", "Redusere sykefraværet med en femtedel", 20),
        ("nb", "Øke gjenbruket med to tredjedeler", 66.7),
    ],
)
def test_a_fraction_is_a_percentage_amount(lang: str, text: str, value: float) -> None:
    analysis = analyse_texts(lang, [text])[0]
    assert analysis.change is not None and analysis.change.amount is not None
    assert analysis.change.amount.kind is QuantityKind.PERCENT
    assert analysis.change.amount.value == pytest.approx(value)


def test_a_third_agrees_with_from_to() -> None:
    analysis = analyse_texts("en", ["Grow revenue by a third from $3M to $4M"])[0]
    change = analysis.change
    assert change.baseline.value == 3_000_000 and change.target.value == 4_000_000
    assert change.amount.value == pytest.approx(33.3)


def test_a_quarter_is_not_read_as_a_fraction() -> None:
    analysis = analyse_texts("en", ["Hold one customer review a quarter"])[0]
    assert all(q.kind is not QuantityKind.PERCENT for q in analysis.quantities)
