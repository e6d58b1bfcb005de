"""Hostile spreadsheets and CSV files: each gives findings or one clear OKR000 line within
the size limits, never a traceback, never a formula or a macro run."""

from __future__ import annotations

import io
import json
import re
import zipfile
from pathlib import Path

import openpyxl
import pytest
from conftest import run_okrlint, run_okrlint_process

from okrlint.readers.spreadsheet import MAX_UNPACKED

HEADER = ["Objective", "Key result", "Baseline", "Target"]
WHY = "Happier customers, because they stay"


def workbook_bytes(rows: list[list[object]], merged: tuple[str, ...] = ()) -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "OKRs"
    for row in rows:
        sheet.append(row)
    for cells in merged:
        sheet.merge_cells(cells)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def rewrite(data: bytes, name: str, change) -> bytes:
    """The workbook with one archive entry changed (or added, when ``name`` is new)."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        names = source.namelist()
        for entry in names:
            content = source.read(entry)
            target.writestr(entry, change(content) if entry == name else content)
        if name not in names:
            target.writestr(name, change(b""))
    return out.getvalue()


def one_error(result, path: Path) -> str:
    """The message of the one OKR000 line the run printed (and nothing went wrong besides)."""
    assert result.code == 2, result.out + result.err
    assert "Traceback" not in result.err
    errors = [line for line in result.out.splitlines() if " OKR000 " in line]
    assert len(errors) == 1, result.out
    assert errors[0].startswith(f"{path}:")
    return errors[0].split(" OKR000 ", 1)[1]


def test_a_formula_gives_the_value_the_file_stored_and_is_never_evaluated(tmp_path: Path) -> None:
    rows = [HEADER, [WHY, "Raise NPS", 20, "=C2*100"], [None, "Cut churn", 5, "=1/0"]]
    data = workbook_bytes(rows)
    # the file says the formula's last value was 40: that is the target, not 20 * 100
    data = rewrite(
        data,
        "xl/worksheets/sheet1.xml",
        lambda xml: re.sub(
            rb"(<f>C2\*100</f>)<v\s*/>|(<f>C2\*100</f>)<v></v>", rb"\1\2<v>40</v>", xml
        ),
    )
    path = tmp_path / "okrs.xlsx"
    path.write_bytes(data)
    result = run_okrlint("check", "--no-cache", "-f", "json", str(path))
    documents = json.loads(result.out)["files"][0]
    assert documents["key_results"] == 2
    from okrlint.readers import read_document

    [doc] = read_document(str(path), data)
    nps, churn = doc.objectives[0].key_results
    assert (nps.baseline, nps.target) == (20, 40)
    assert (churn.baseline, churn.target) == (5, None)  # no stored value: no target
    codes = [f["code"] for f in json.loads(result.out)["findings"]]
    assert codes.count("OKR204") == 1  # "Cut churn" has a baseline and no target


def test_a_macro_workbook_is_read_and_its_macros_are_not(tmp_path: Path) -> None:
    data = workbook_bytes([HEADER, [WHY, "Sell more", None, None]])
    data = rewrite(
        data, "xl/vbaProject.bin", lambda _: b'\xd0\xcf\x11\xe0 Sub AutoOpen() Shell("x")'
    )
    data = rewrite(
        data,
        "[Content_Types].xml",
        lambda xml: xml.replace(
            b"</Types>",
            b'<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/></Types>',
        ),
    )
    path = tmp_path / "okrs.xlsm"
    path.write_bytes(data)
    result = run_okrlint("check", "--no-cache", str(path))
    assert result.code == 1, result.out + result.err
    assert f"{path}:2:2: OKR201" in result.out
    assert "Traceback" not in result.err


def test_a_zip_bomb_disguised_as_a_workbook_is_refused(tmp_path: Path) -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        with archive.open("xl/worksheets/sheet1.xml", "w") as sheet:
            chunk = b" " * 1_000_000
            for _ in range(MAX_UNPACKED // len(chunk) + 10):
                sheet.write(chunk)
    path = tmp_path / "report.xlsx"
    path.write_bytes(out.getvalue())
    assert path.stat().st_size < 1_000_000  # small on disk, 200 MB unpacked
    message = one_error(run_okrlint("check", "--no-cache", str(path)), path)
    assert message.startswith("refusing spreadsheet: it would unpack to ")
    assert message.endswith("(a zip bomb?)")


def test_an_xml_entity_bomb_inside_a_workbook_is_refused(tmp_path: Path) -> None:
    laughs = (
        b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
        b'<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">'
        b'<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>'
    )
    data = workbook_bytes([HEADER, [WHY, "Sell more", None, None]])
    data = rewrite(
        data,
        "xl/workbook.xml",
        lambda xml: (
            laughs + re.sub(rb"^<\?xml[^>]*\?>", b"", xml).replace(b'name="OKRs"', b'name="&lol3;"')
        ),
    )
    path = tmp_path / "okrs.xlsx"
    path.write_bytes(data)
    message = one_error(run_okrlint("check", "--no-cache", str(path)), path)
    assert message.startswith("could not read the spreadsheet: ")


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        (
            "old.xls",
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",
            "the old Excel format .xls cannot be read",
        ),
        ("plan.ods", b"PK\x03\x04", "an OpenDocument spreadsheet (.ods) cannot be read"),
        (
            "renamed.xlsx",
            b"Objective,Key result\n",
            "not an .xlsx workbook (an .xlsx file is a zip",
        ),
        ("cut.xlsx", None, "not an .xlsx workbook: a broken zip archive"),
    ],
)
def test_what_is_no_workbook_is_one_clear_error(
    tmp_path: Path, name: str, content: bytes | None, expected: str
) -> None:
    if content is None:  # a download cut off halfway
        whole = workbook_bytes([HEADER, [WHY, "Sell more", None, None]])
        content = whole[: len(whole) // 2]
    path = tmp_path / name
    path.write_bytes(content)
    assert one_error(run_okrlint("check", "--no-cache", str(path)), path).startswith(expected)


def test_merged_cells_continue_the_objective_and_keep_the_first_value(tmp_path: Path) -> None:
    rows = [
        [*HEADER, "Owner"],
        [WHY, "Raise NPS from 20 to 40", None, None, "Ana"],
        [None, "Cut churn", 5, 3, None],
        [None, "Answer within one hour", 7, None, None],
        ["Win the mid-market, because margins", "Sign 10 new logos", None, None, "Ben"],
    ]
    path = tmp_path / "okrs.xlsx"
    path.write_bytes(workbook_bytes(rows, merged=("A2:A4", "C4:D4", "E2:E3")))
    from okrlint.readers import read_document

    [doc] = read_document(str(path), path.read_bytes())
    first, second = doc.objectives
    assert (first.text, first.owner, first.span.line) == (WHY, "Ana", 2)
    assert [(k.text, k.baseline, k.target, k.span.line) for k in first.key_results] == [
        ("Raise NPS from 20 to 40", None, None, 2),
        ("Cut churn", 5, 3, 3),
        ("Answer within one hour", 7, None, 4),  # C4:D4 merged: the value is in C4
    ]
    assert (second.text, second.owner, len(second.key_results)) == (rows[4][0], "Ben", 1)


def _rows(count: int) -> list[list[object]]:
    rows: list[list[object]] = [HEADER]
    texts = ["Raise NPS from 20 to 40", "Cut churn", "Sell more cars", "Answer within one hour"]
    for n in range(count):
        objective = f"Grow region {n // 4 % 50}, because the region pays" if n % 4 == 0 else None
        rows.append([objective, texts[n % 4], 5 if n % 4 == 1 else None, 3 if n % 4 == 1 else None])
    return rows


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_100_000_rows_are_read_to_the_end(tmp_path: Path, kind: str) -> None:
    rows = _rows(100_000)
    path = tmp_path / f"big.{kind}"
    if kind == "csv":
        path.write_text("\n".join(",".join("" if c is None else str(c) for c in r) for r in rows))
    else:
        book = openpyxl.Workbook(write_only=True)
        sheet = book.create_sheet("Big")
        for row in rows:
            sheet.append(row)
        book.save(path)
    result = run_okrlint_process("check", "--no-cache", "-f", "json", str(path), timeout=600)
    assert result.code == 1, result.err
    data = json.loads(result.out)
    assert (data["summary"]["objectives"], data["summary"]["key_results"]) == (25_000, 100_000)
    by_code = data["summary"]["by_code"]
    assert by_code["OKR201"] == 25_000  # "Sell more cars" on every fourth row
    assert by_code["OKR302"] == 1  # 25 000 objectives for one owner


def test_a_csv_cell_of_10_mb_is_one_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "huge.csv"
    path.write_text("Objective,Key result\n" + f"{WHY},{'more ' * 2_000_000}\n", encoding="utf-8")
    over = one_error(run_okrlint("check", "--no-cache", str(path)), path)
    assert over.startswith("file is 10000059 bytes, over the limit of 5000000")
    (tmp_path / ".okrlint.yaml").write_text("max-file-size: 20000000\n", encoding="utf-8")
    inside = run_okrlint("check", "--no-cache", str(path), cwd=tmp_path)
    assert one_error(inside, path) == "could not parse CSV: a cell is longer than 131072 characters"


def test_a_csv_file_with_nul_bytes_is_one_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "okrs.csv"
    path.write_bytes(b"Objective,Key result\nGrow,Sell\x00more\n")
    message = one_error(run_okrlint("check", "--no-cache", str(path)), path)
    assert message == "binary file (contains NUL bytes); okrlint reads text"


def test_a_number_no_okr_could_mean_stays_text(tmp_path: Path) -> None:
    digits = "9" * 5000  # more digits than Python turns into an int by default
    data = f"Key result,Baseline,Target\nRaise NPS,{digits},1e400\nCut churn,5,3\n".encode()
    from okrlint.readers import read_document

    [doc] = read_document("okrs.csv", data)
    nps, churn = doc.objectives[0].key_results
    assert (nps.baseline, nps.target) == (digits, "1e400")
    assert (churn.baseline, churn.target) == (5, 3)
    path = tmp_path / "okrs.csv"
    path.write_bytes(data)
    result = run_okrlint("check", "--no-cache", str(path))
    assert result.code == 0 and "Traceback" not in result.err
    assert result.out.startswith("No problems found in 1 file (0 objectives, 2 key results)")
