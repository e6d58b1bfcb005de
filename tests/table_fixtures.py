"""The spreadsheet fixtures, as data: the source of the committed ``fixtures/tables/*/*.xlsx``.

A workbook is binary, so its content is kept here in readable form; ``test_tables.py`` checks
that every committed workbook holds exactly these cells, and ``python tests/table_fixtures.py``
writes them again. Each sheet is (name, rows, merged ranges, percent cells); a cell of None is
empty; a string starting with "=" is a formula (openpyxl stores no value for it, as a file
whose formulas were never calculated).
"""

from __future__ import annotations

from pathlib import Path

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "tables"

Sheet = tuple[str, list[list[object]], list[str], list[str]]

WORKBOOKS: dict[str, list[Sheet]] = {
    # Quantive Results' Excel export: one row per key result, the objective on every row
    "en/quantive-export.okr.xlsx": [
        (
            "OKRs",
            [
                [
                    "Session",
                    "Objective",
                    "Objective owner",
                    "Key result",
                    "Key result owner",
                    "Start value",
                    "Target value",
                    "Current value",
                    "Attainment",
                    "Unit",
                ],
                [
                    "Q3 2025",
                    "Make our platform the one partners build on, because integrations sell",
                    "Platform",
                    "Grow active API partners",
                    "Ida",
                    14,
                    30,
                    19,
                    0.31,
                    "partners",
                ],
                [
                    "Q3 2025",
                    "Make our platform the one partners build on, because integrations sell",
                    "Platform",
                    "Cut p95 API latency",
                    "Tom",
                    480,
                    "=F3/2",
                    350,
                    0.5,
                    "ms",
                ],
                [
                    "Q3 2025",
                    "Make our platform the one partners build on, because integrations sell",
                    "Platform",
                    "Improve developer docs",
                    "Ida",
                    None,
                    None,
                    None,
                    0,
                    None,
                ],
            ],
            [],
            ["I2", "I3", "I4"],
        )
    ],
    # A hand-made Google Sheet downloaded as .xlsx: a title row, merged objective cells,
    # percent-formatted values, an instructions sheet and a second team's sheet
    "en/google-sheet.okr.xlsx": [
        (
            "Growth Q3 2025",
            [
                ["Growth team OKRs", None, None, None, None],
                [None, None, None, None, None],
                ["Objective", "Key result", "Baseline", "Target", "Owner"],
                [
                    "Turn trials into customers, because trials cost us the most",
                    "Raise trial-to-paid conversion",
                    0.08,
                    0.12,
                    "Eva",
                ],
                [None, "Increase trials started per week", 300, 450, "Eva"],
                [None, "Better onboarding emails", None, None, "Jon"],
            ],
            ["A4:A6"],
            ["C4", "D4"],
        ),
        (
            "Read me",
            [["One row per key result; leave the objective empty below its first row."]],
            [],
            [],
        ),
        (
            "Support Q3 2025",
            [
                ["Objective", "Key result", "Baseline", "Target"],
                ["Answer faster", "Reduce median first reply time in hours", 6, 2],
                [None, "Shrink the ticket backlog", None, 50],
            ],
            [],
            [],
        ),
    ],
    # A hand-made regneark (Excel, Norwegian): title row, merged cells, percent values
    "nb/regneark.okr.xlsx": [
        (
            "Salg 3. kvartal 2025",
            [
                ["OKR for salgsavdelingen", None, None, None, None],
                ["Mål", "Nøkkelresultat", "Startverdi", "Målverdi", "Ansvarlig"],
                [
                    "Flere bedriftskunder, fordi de gir stabile inntekter",
                    "Øke antall bedriftsavtaler",
                    40,
                    60,
                    "Siri",
                ],
                [None, "Øke andelen tilbud som vinnes", 0.22, 0.3, "Siri"],
                [None, "Få mange flere møter", None, None, "Arne"],
                [
                    "Doble omsetningen i Trondheim",
                    "Selge for 2 mill. kr",
                    None,
                    "=2*1000000",
                    "Arne",
                ],
            ],
            ["A3:A5"],
            ["C4", "D4"],
        ),
        ("Instruksjoner", [["Én rad per nøkkelresultat."], ["Ikke endre overskriftene."]], [], []),
    ],
    # Quantive's export in a Norwegian account
    "nb/quantive-eksport.okr.xlsx": [
        (
            "OKR-er",
            [
                [
                    "Periode",
                    "Målsetting",
                    "Eier",
                    "Nøkkelresultat",
                    "Startverdi",
                    "Målverdi",
                    "Nåverdi",
                    "Enhet",
                    "Ønsket trend",
                ],
                [
                    "K3 2025",
                    "Tryggere sykkelveier, slik at flere barn sykler til skolen",
                    "Samferdsel",
                    "Redusere antall trafikkulykker med syklister",
                    24,
                    12,
                    20,
                    "ulykker",
                    "ned",
                ],
                [
                    "K3 2025",
                    "Tryggere sykkelveier, slik at flere barn sykler til skolen",
                    "Samferdsel",
                    "Øke andelen elever som sykler til skolen",
                    18,
                    30,
                    21,
                    "%",
                    "opp",
                ],
                [
                    "K3 2025",
                    "Tryggere sykkelveier, slik at flere barn sykler til skolen",
                    "Samferdsel",
                    "Bygge flere sykkelfelt",
                    None,
                    None,
                    None,
                    None,
                    None,
                ],
            ],
            [],
            [],
        )
    ],
}


def build(name: str, sheets: list[Sheet]):
    """The workbook of one fixture, built with openpyxl."""
    import openpyxl

    workbook = openpyxl.Workbook()
    workbook.remove(workbook.active)
    for title, rows, merged, percent in sheets:
        sheet = workbook.create_sheet(title)
        for row in rows:
            sheet.append(row)
        for cell in percent:
            sheet[cell].number_format = "0%"
        for cells in merged:
            sheet.merge_cells(cells)
    return workbook


def write_all() -> None:
    for name, sheets in WORKBOOKS.items():
        build(name, sheets).save(FIXTURES / name)


if __name__ == "__main__":
    write_all()
