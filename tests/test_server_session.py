"""The language server's checks without the protocol (``okrlint.server.session``): where each
finding is shown in the buffer, which edits the code actions make, which config applies and
which files are checked. Ranges are 0-based (line, column) in code points; the protocol turns
them into the editor's encoding (``test_server.py`` checks that end to end).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from okrlint.server import edits
from okrlint.server.places import Buffer
from okrlint.server.session import Session


def checked(tmp_path: Path, name: str, text: str, root: Path | None = None):
    path = (tmp_path / name).resolve()
    path.parent.mkdir(parents=True, exist_ok=True)
    session = Session([root or tmp_path])
    session.open(path, text, 1)
    return session, path, session.check(path)


def shown(result) -> list[tuple[str, tuple[int, int], tuple[int, int]]]:
    return sorted((f.code, *r) for f, r in zip(result.findings, result.ranges, strict=True))


def at(text: str, line: int, word: str) -> tuple[tuple[int, int], tuple[int, int]]:
    """The range of the first ``word`` on a 0-based line."""
    column = text.split("\n")[line].index(word)
    return (line, column), (line, column + len(word))


YAML = """\
language: nb
period: 2025-Q3
objectives:
  - title: "Bli «best» på kaffe i Oslo, fordi vi vil vokse"
    key_results:
      - >-
        Selge flere
        poser kaffe
      - "Få \\"mange\\" følgere på Instagram"
      - 'Redusere ventetiden fra 4 til 6 minutter'
"""


def test_highlights_land_on_the_words_in_quoted_and_folded_yaml(tmp_path: Path) -> None:
    _, _, result = checked(tmp_path, "okrs/kaffe.yaml", YAML)
    assert shown(result) == [
        ("OKR201", *at(YAML, 6, "flere")),
        ("OKR201", *at(YAML, 8, "mange")),
        ("OKR202", *at(YAML, 6, "flere")),
        ("OKR202", *at(YAML, 8, "mange")),
        ("OKR206", *at(YAML, 9, "Redusere")),
    ]


MARKDOWN = """\
---
language: nb
period: 2025-Q3
---

# Mål: Bli kundenes førstevalg, fordi vi vil vokse

Forelder: selskap-kr9

- Få **mange** følgere på Instagram
- Øke NPS fra 20 til 40
"""


def test_markdown_emphasis_and_the_parent_value(tmp_path: Path) -> None:
    _, _, result = checked(tmp_path, "plan.okr.md", MARKDOWN)
    assert shown(result) == [
        ("OKR201", *at(MARKDOWN, 9, "mange")),
        ("OKR202", *at(MARKDOWN, 9, "mange")),
        ("OKR401", *at(MARKDOWN, 7, "selskap-kr9")),
    ]


def test_a_byte_order_mark_and_crlf_lines(tmp_path: Path) -> None:
    text = "\ufeff" + YAML.replace("\n", "\r\n")
    _, _, result = checked(tmp_path, "okrs/kaffe.yaml", text)
    # okrlint's lines: the mark is not a column of line 0 (the protocol adds it back)
    assert [
        r for f, r in zip(result.findings, result.ranges, strict=True) if f.code == "OKR206"
    ] == [at(YAML, 9, "Redusere")]
    assert result.buffer.editor_point((0, 3)) == (0, 4)


def test_only_files_a_folder_check_reads(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[tool.okrlint]\nexclude = ["okrs/archive/**"]\n', encoding="utf-8"
    )
    assert checked(tmp_path, "ci.yaml", "on: push\n")[2] is None
    assert checked(tmp_path, "okrs/archive/old.yaml", YAML)[2] is None
    assert checked(tmp_path, "notes/plan.okr.yaml", YAML)[2] is not None
    assert checked(tmp_path, "okrs/q3/kaffe.yaml", YAML)[2] is not None


def test_config_is_found_from_the_document_folder_and_read_again_when_it_changes(
    tmp_path: Path,
) -> None:
    team = tmp_path / "okrs" / "team"
    team.mkdir(parents=True)
    (team / ".okrlint.yaml").write_text("ignore: [OKR202]\n", encoding="utf-8")
    session = Session([tmp_path])
    inner, outer = team / "kaffe.okr.yaml", tmp_path / "okrs" / "kaffe.okr.yaml"
    for path in (inner, outer):
        session.open(path, YAML, 1)
    assert "OKR202" not in {f.code for f in session.check(inner).findings}
    assert "OKR202" in {f.code for f in session.check(outer).findings}
    (team / ".okrlint.yaml").write_text("ignore: [OKR201]\n", encoding="utf-8")
    codes = {f.code for f in session.check(inner).findings}
    assert "OKR202" in codes and "OKR201" not in codes


def test_hover_shows_the_message_hint_and_the_rules_documentation(tmp_path: Path) -> None:
    session, _, result = checked(tmp_path, "okrs/kaffe.yaml", YAML)
    (start, end) = at(YAML, 9, "Redusere")
    text, where = session.hover(result, (start[0], start[1] + 2))
    assert where == (start, end)
    assert text.startswith(
        "**OKR206** `kr-direction-mismatch` (error): «Redusere» but 4 → 6 minutter is an increase"
    )
    assert "**Hint:** swap the numbers (6 minutter → 4) or change the verb «Redusere»" in text
    assert "**What it does**\n\nFlags a key result whose change word contradicts" in text
    assert "**Why it matters**" in text and "**How to fix**" in text
    assert session.hover(result, (0, 0)) is None


def test_user_text_in_a_hover_is_not_markup(tmp_path: Path) -> None:
    text = YAML.replace('Få \\"mange\\" følgere', "Få mange <b>følgere</b>")
    session, _, result = checked(tmp_path, "okrs/kaffe.yaml", text)
    (start, _) = at(text, 8, "mange")
    hover, _ = session.hover(result, start)
    assert "«mange»" in hover and "<b>" not in hover


# ---------------------------------------------------------------------- code actions


def actions(session: Session, result, code: str, about: str = "") -> dict[str, str]:
    """Title -> the text with that action's edits made, for the finding of ``code`` on the
    element whose text holds ``about``."""
    wanted = [f for f in result.findings if f.code == code and about in f.text][:1]
    return {
        a.title: edits.apply(result.buffer, list(a.edits)) for a in session.actions(result, wanted)
    }


def test_yaml_suppressions_and_the_fix(tmp_path: Path) -> None:
    session, _, result = checked(tmp_path, "okrs/kaffe.yaml", YAML)
    made = actions(session, result, "OKR206")
    assert list(made) == [
        "OKR206: Swap the numbers: 6 minutter → 4",
        "Disable OKR206 (kr-direction-mismatch) for this line",
        "Disable OKR206 (kr-direction-mismatch) for this file",
    ]
    fixed = made["OKR206: Swap the numbers: 6 minutter → 4"]
    assert fixed == YAML.replace("fra 4 til 6 minutter", "fra 6 til 4 minutter")
    line = made["Disable OKR206 (kr-direction-mismatch) for this line"]
    assert line == YAML.replace(
        "      - 'Redusere", "      # okrlint: disable=OKR206\n      - 'Redusere"
    )
    whole = made["Disable OKR206 (kr-direction-mismatch) for this file"]
    assert whole == "# okrlint: disable-file=OKR206\n" + YAML


def test_a_suppression_joins_the_comment_already_above(tmp_path: Path) -> None:
    text = YAML.replace("      - >-\n", "      # okrlint: disable=OKR201\n      - >-\n").replace(
        "language: nb\n", "# okrlint: disable-file=OKR206\nlanguage: nb\n"
    )
    session, _, result = checked(tmp_path, "okrs/kaffe.yaml", text)
    made = actions(session, result, "OKR202", about="flere")
    joined = made["Disable OKR202 (kr-vague-quantifier) for this line"]
    assert joined == text.replace("disable=OKR201\n", "disable=OKR201,OKR202\n")
    whole = made["Disable OKR202 (kr-vague-quantifier) for this file"]
    assert whole == text.replace("disable-file=OKR206\n", "disable-file=OKR206,OKR202\n")


def test_markdown_and_plain_text_use_their_own_comments(tmp_path: Path) -> None:
    session, _, result = checked(tmp_path, "plan.okr.md", MARKDOWN)
    made = actions(session, result, "OKR202")
    assert made["Disable OKR202 (kr-vague-quantifier) for this line"] == MARKDOWN.replace(
        "- Få **mange**", "<!-- okrlint-disable OKR202 -->\n- Få **mange**"
    )
    # after the front matter, which must stay the first lines
    assert made["Disable OKR202 (kr-vague-quantifier) for this file"] == MARKDOWN.replace(
        "---\n\n# Mål", "---\n<!-- okrlint-disable-file OKR202 -->\n\n# Mål"
    )
    text = "Objective: Bli kundenes førstevalg, fordi vi vil vokse\n\nKey results:\n  • Selge flere biler\n  • Øke NPS fra 20 til 40\n"
    session, _, result = checked(tmp_path, "plan.okr.txt", text)
    made = actions(session, result, "OKR202")
    assert made["Disable OKR202 (kr-vague-quantifier) for this line"] == text.replace(
        "  • Selge", "  # okrlint: disable=OKR202\n  • Selge"
    )


def test_no_fix_where_the_edit_cannot_be_placed_exactly(tmp_path: Path) -> None:
    # the numbers are written as YAML escapes: the fix would not know which characters to change
    text = YAML.replace(
        "'Redusere ventetiden fra 4 til 6 minutter'",
        '"Redusere ventetiden fra \\u0034 til 6 minutter"',
    )
    session, _, result = checked(tmp_path, "okrs/kaffe.yaml", text)
    assert "fra 4 til 6 minutter" in next(f.text for f in result.findings if f.code == "OKR206")
    assert list(actions(session, result, "OKR206")) == [
        "Disable OKR206 (kr-direction-mismatch) for this line",
        "Disable OKR206 (kr-direction-mismatch) for this file",
    ]


def test_no_actions_for_a_buffer_changed_since_its_check(tmp_path: Path) -> None:
    session, path, result = checked(tmp_path, "okrs/kaffe.yaml", YAML)
    session.change(path, YAML + "\n", 2)
    assert actions(session, result, "OKR206") == {}


def test_a_line_suppression_goes_above_the_line_that_holds_the_element(tmp_path: Path) -> None:
    text = """\
language: nb
period: 2025-Q3
objectives:
  - title: |
      Bli kundenes førstevalg, fordi vi vil vokse
    key_results: [Selge flere biler, Øke NPS fra 20 til 40]
"""
    session, _, result = checked(tmp_path, "okrs/liste.yaml", text)
    made = actions(session, result, "OKR202")
    assert made["Disable OKR202 (kr-vague-quantifier) for this line"] == text.replace(
        "    key_results:", "    # okrlint: disable=OKR202\n    key_results:"
    )


def test_an_edit_that_loses_an_element_does_not_count_as_a_suppression(tmp_path: Path) -> None:
    session, _, result = checked(tmp_path, "okrs/kaffe.yaml", YAML)
    finding = next(f for f in result.findings if f.code == "OKR206")
    line = 9  # the key result's line, deleted: the finding goes, and so does the element
    deleted = edits.TextEdit(((line, 0), (line + 1, 0)), "")
    assert not session._resolves(result, finding, [deleted], keep_elements=True)
    comment = edits.suppress_line(result.buffer, "yaml", finding)
    assert session._resolves(result, finding, [comment], keep_elements=True)


@pytest.mark.parametrize("fmt", ["csv", "xlsx", ""])
def test_formats_without_comments_get_no_suppression(fmt: str) -> None:
    assert edits.comment(fmt, "OKR201", file_wide=False) is None


def test_the_buffer_reads_lines_as_okrlint_does() -> None:
    buffer = Buffer.of("a\r\nb\rc\n")
    assert buffer.lines == ("a", "b", "c", "")
    assert buffer.point(buffer.offset((2, 1))) == (2, 1)


def test_the_server_lets_go_of_each_notification() -> None:
    """pygls 2.1 keeps a future per notification its own handlers run (one per keystroke);
    okrlint's protocol drops the finished ones, so a long session of typing holds none."""
    import io
    import json

    from pygls.io_ import StdoutWriter

    from okrlint.server.protocol import build

    server = build()
    protocol = server.protocol
    protocol.set_writer(StdoutWriter(io.BytesIO()))

    def send(message: dict) -> None:
        raw = json.dumps({"jsonrpc": "2.0", **message})
        protocol.handle_message(json.loads(raw, object_hook=protocol.structure_message))

    send({"id": 1, "method": "initialize", "params": {"capabilities": {}}})
    uri = "untitled:Untitled-1"  # no file: the server keeps the text, checks nothing
    item = {"uri": uri, "languageId": "yaml", "version": 1, "text": "objectives: []\n"}
    send({"method": "textDocument/didOpen", "params": {"textDocument": item}})
    for version in range(2, 202):
        change = {
            "textDocument": {"uri": uri, "version": version},
            "contentChanges": [{"text": f"# {version}\n"}],
        }
        send({"method": "textDocument/didChange", "params": change})
    assert protocol._request_futures == {}
    assert server.workspace.get_text_document(uri).source == "# 201\n"


def test_a_buffer_over_the_size_limit_is_refused_as_the_command_line_refuses_it(
    tmp_path: Path,
) -> None:
    (tmp_path / ".okrlint.yaml").write_text("max-file-size: 100\n", encoding="utf-8")
    _, _, result = checked(tmp_path, "okrs/kaffe.yaml", YAML)
    size = len(YAML.encode("utf-8"))
    assert [(f.code, f.message) for f in result.findings] == [
        ("OKR000", f"file is {size} bytes, over the limit of 100 (max-file-size in config)")
    ]


def test_the_cascade_reads_alignment_include(tmp_path: Path) -> None:
    """A company file outside the workspace folder, named in config: no OKR401."""
    company = tmp_path / "shared" / "selskap.yaml"
    company.parent.mkdir()
    company.write_text(
        "objectives:\n  - title: Økt omsetning, fordi vi vil investere\n    level: company\n"
        "    key_results:\n      - id: selskap-kr1\n        title: Øke omsetningen fra 10 til 12 mill. kr\n",
        encoding="utf-8",
    )
    team = (
        "language: nb\nperiod: 2025-Q3\nobjectives:\n  - title: Bli kundenes førstevalg, fordi vi vil vokse\n"
        "    parent: selskap-kr1\n    key_results:\n      - Øke salgsavtaler fra 100 til 200\n"
        "      - Øke NPS fra 20 til 40\n"
    )
    workspace = tmp_path / "team"
    _, _, alone = checked(workspace, "okrs/salg.yaml", team)
    assert [f.code for f in alone.findings] == ["OKR401"]
    (workspace / ".okrlint.yaml").write_text(
        "alignment:\n  include: ['../shared/*.yaml']\n", encoding="utf-8"
    )
    _, _, joined = checked(workspace, "okrs/salg.yaml", team)
    assert joined.findings == ()


def test_an_unknown_key_is_shown_at_the_key_and_renamed(tmp_path: Path) -> None:
    text = YAML.replace("    key_results:\n", "    keyresults:\n")
    session, _, result = checked(tmp_path, "okrs/kaffe.yaml", text)
    # the objective has lost its key results (OKR103), and the key is shown where it is
    title = at(text, 3, '"Bli «best» på kaffe i Oslo, fordi vi vil vokse"')
    assert shown(result) == [("OKR103", *title), ("OKR303", *at(text, 4, "keyresults"))]
    made = actions(session, result, "OKR303")
    assert list(made) == [
        "OKR303: Rename «keyresults» to «key_results»",
        "Disable OKR303 (unknown-field) for this line",
        "Disable OKR303 (unknown-field) for this file",
    ]
    assert made["OKR303: Rename «keyresults» to «key_results»"] == YAML


def test_tables_are_marked_in_their_cells_and_suppressed_only_file_wide(tmp_path: Path) -> None:
    markdown = (
        "# OKR Q3\n\n## Mål: Bli kundenes førstevalg, fordi vi vil vokse\n\n"
        "| Nøkkelresultat | Startverdi | Mål |\n|---|---|---|\n"
        "| Selge flere biler | | |\n| Redusere svartid på chat | 12 min | 4 min |\n"
    )
    session, _, result = checked(tmp_path, "okrs/salg.md", markdown)
    assert shown(result) == [
        ("OKR201", *at(markdown, 6, "flere")),
        ("OKR202", *at(markdown, 6, "flere")),
    ]
    # a comment line inside the table would split it: only the file-wide comment is offered
    assert list(actions(session, result, "OKR202")) == [
        "Disable OKR202 (kr-vague-quantifier) for this file"
    ]
    csv = "Objective;Key result;Baseline;Target\nBli best, fordi vi vil vokse;Selge flere biler;;\n"
    session, _, result = checked(tmp_path, "okrs/salg.csv", csv)
    assert ("OKR202", *at(csv, 1, "flere")) in shown(result)
    assert actions(session, result, "OKR202") == {}  # CSV has no comments
