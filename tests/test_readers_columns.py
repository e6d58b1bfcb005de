"""The header map every table reader shares: what a column header means, in both languages,
decided by the whole header row."""

from __future__ import annotations

import pytest

from okrlint.readers.columns import Field, parse_trend, read_header, row_kind, suggest


def fields(*cells: str) -> list[Field | None]:
    return [c.field if c is not None else None for c in read_header(list(cells)).columns]


B, T, C = Field.BASELINE, Field.TARGET, Field.CURRENT
OBJ, KR = Field.OBJECTIVE, Field.KEY_RESULT


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        # "Mål" is the target after a key-result and a start column ...
        (("Nøkkelresultat", "Startverdi", "Mål"), [KR, B, T]),
        # ... and the objective in front of the key results
        (("Mål", "Nøkkelresultat", "Ansvarlig"), [OBJ, KR, Field.OWNER]),
        (("Mål", "Nøkkelresultat", "Startverdi", "Mål"), [OBJ, KR, B, T]),
        (("Målsetting", "Nøkkelresultat", "Mål"), [OBJ, KR, T]),
        (("Goal", "Key result", "Baseline", "Target"), [OBJ, KR, B, T]),
        (("Key result", "Goal"), [KR, T]),
        (("Objective", "KR", "Start", "Goal"), [OBJ, KR, B, T]),
        # "Current" / "Nå" is the start unless the row has a start column of its own
        (("Key result", "Current", "Target"), [KR, B, T]),
        (("Key result", "Start value", "Current value", "Target value"), [KR, B, C, T]),
        (("Nøkkelresultat", "Nå", "Ønsket"), [KR, B, T]),
        (("Nøkkelresultat", "Startverdi", "I dag", "Målverdi"), [KR, B, C, T]),
        (("Nøkkelresultat", "Fra", "Til"), [KR, B, T]),
        (("Key result", "From", "To"), [KR, B, T]),
    ],
)
def test_two_way_words_are_decided_by_the_whole_row(header, expected) -> None:
    assert fields(*header) == expected


def test_case_markup_numbers_and_units_do_not_hide_a_header() -> None:
    header = read_header(["**OBJECTIVE**", "key_result 1", "KR 2:", "Target (%)", "Mål (kr)"])
    assert [c.field for c in header.columns] == [OBJ, KR, KR, T, T]
    assert [c.unit for c in header.columns] == [None, None, None, "%", "kr"]


def test_a_field_of_one_element_is_scoped_to_it() -> None:
    header = read_header(["Objective name", "Objective owner", "Key result", "KR owner", "KR ID"])
    meant = [(c.field, c.scope) for c in header.columns]
    assert meant == [
        (OBJ, None),
        (Field.OWNER, OBJ),
        (KR, None),
        (Field.NOTE, KR),  # the model keeps owners on objectives
        (Field.ID, KR),
    ]


@pytest.mark.parametrize(
    ("header", "okr"),
    [
        (("Objective", "Owner"), True),
        (("Nøkkelresultat", "Startverdi", "Mål"), True),
        (("Type", "Title", "Owner"), True),  # exports with one row per element
        (("Name", "Role", "Team"), False),
        (("Owner", "Status"), False),
    ],
)
def test_an_okr_table_names_an_objective_or_key_result_column(header, okr: bool) -> None:
    assert read_header(list(header)).is_okr_table is okr


def test_unknown_cells_are_listed_with_a_suggestion() -> None:
    header = read_header(["Objective", "Key result", "Targte", "Created by", ""])
    assert header.unknown == (2, 3)
    assert suggest("Targte") == "target"
    assert suggest("Created by") is None


@pytest.mark.parametrize(
    ("value", "kind"),
    [
        ("Objective", OBJ),
        ("Key Result", KR),
        ("Mål", OBJ),
        ("Nøkkelresultat", KR),
        ("Initiative", Field.ACTION),
        ("Tiltak", Field.ACTION),
        ("Department", None),
    ],
)
def test_row_kinds_in_typed_exports(value: str, kind: Field | None) -> None:
    assert row_kind(value) is kind


@pytest.mark.parametrize(
    ("value", "trend"),
    [("Increase", "increase"), ("↓", "decrease"), ("Ønsket: opp", None), ("lavere", "decrease")],
)
def test_trend_words(value: str, trend: str | None) -> None:
    assert parse_trend(value) == trend
