"""Broken and hostile files, through the command line as a user runs it.

Each bad input gives one clear line, ``path:line: OKR000 …``, exit status 2, no traceback,
and the other files of the run are still checked. Small readable inputs live in
fixtures/hostile/; binary, oversized and oddly encoded ones are generated here.
"""

from __future__ import annotations

import codecs
import json
import re
import time
from pathlib import Path

import pytest
from conftest import FIXTURES, Result
from conftest import run_okrlint_process as run_okrlint

HOSTILE = FIXTURES / "hostile"
GOOD = (
    "period: Q3 2025\n"
    "objectives:\n"
    "  - title: Win the Oslo market, because we want to lead in the region\n"
    "    key_results:\n"
    "      - Increase revenue from 10 to 20 MNOK\n"
    "      - Grow active customers from 100 to 250\n"
)
ERROR_LINE = re.compile(r"^(?P<path>[^\n]+?):(?P<line>\d+): OKR000 (?P<message>.+)$", re.MULTILINE)


def check(*args: str, cwd: Path, timeout: float = 120) -> Result:
    return run_okrlint("check", "--no-cache", "--format", "json", *args, cwd=cwd, timeout=timeout)


def one_error(result: Result, path: str) -> tuple[int, str]:
    """The single OKR000 line about ``path`` on stderr: (line, message). No traceback."""
    assert "Traceback" not in result.err and "internal error" not in result.err, result.err
    found = [m for m in ERROR_LINE.finditer(result.err) if m["path"] == path]
    assert len(found) == 1, result.err
    return int(found[0]["line"]), found[0]["message"]


def checked_paths(result: Result) -> list[str]:

    data = json.loads(result.out)
    return [f["path"] for f in data["files"] if f.get("objectives", 0) > 0]


def check_beside_a_good_file(tmp_path: Path, name: str, content: bytes) -> tuple[Result, int, str]:
    """Check the bad file and a good one in one run; the good one must still be checked."""
    (tmp_path / name).write_bytes(content)
    (tmp_path / "good.okr.yaml").write_text(GOOD, encoding="utf-8")
    result = check(name, "good.okr.yaml", cwd=tmp_path)
    assert result.code == 2, result.err
    assert checked_paths(result) == ["good.okr.yaml"]
    line, message = one_error(result, name)
    return result, line, message


# ---------------------------------------------------------------------------- YAML

COMMITTED = [
    ("billion-laughs.yaml", "refusing YAML: aliases expand to more than 500 nodes", 4),
    (
        "python-object.yaml",
        "refusing YAML: unsupported tag '!!python/object/apply:os.system'",
        5,
    ),
    (
        "kubernetes.yaml",
        "not an OKR document: no 'objectives' key (found 'apiVersion', 'kind', 'metadata'",
        2,
    ),
    ("numbers.yaml", "an objective must be a title or a mapping with 'title', got a number", 2),
    ("objectives-mapping.yaml", "objectives must be a list, got a mapping", 3),
    ("key-result-number.yaml", "a key result must be a text or a mapping", 4),
    (
        "key-result-null.yaml",
        "a key result must be a text or a mapping with 'title', got nothing",
        5,
    ),
]


def test_hostile_and_non_okr_yaml_is_one_clear_error_each(tmp_path: Path) -> None:
    for name, _, _ in COMMITTED:
        (tmp_path / name).write_bytes((HOSTILE / name).read_bytes())
    (tmp_path / "good.okr.yaml").write_text(GOOD, encoding="utf-8")
    started = time.monotonic()
    result = check(*(name for name, _, _ in COMMITTED), "good.okr.yaml", cwd=tmp_path)
    assert time.monotonic() - started < 60
    assert result.code == 2
    assert checked_paths(result) == ["good.okr.yaml"]
    for name, message, line in COMMITTED:
        got_line, got = one_error(result, name)
        assert got.startswith(message), (name, got)
        assert got_line == line, (name, got)


def test_a_python_tag_runs_nothing(tmp_path: Path) -> None:
    (tmp_path / "x.yaml").write_bytes((HOSTILE / "python-object.yaml").read_bytes())
    result = check("x.yaml", cwd=tmp_path)
    assert result.code == 2
    assert not (tmp_path / "pwned.txt").exists()
    assert "OKRLINT-PWNED" not in result.out + result.err


TAGS = [
    "!!python/object:os.system",
    "!!python/name:os.system",
    "!!python/module:os",
    "!!python/object/new:subprocess.Popen [[ls]]",
    "!!binary aGVsbG8=",
    "!Ref Grow",
]


def test_every_unsafe_or_unknown_tag_is_refused_by_name(tmp_path: Path) -> None:
    names = []
    for number, tag in enumerate(TAGS):
        names.append(f"tag{number}.yaml")
        content = f"objectives:\n  - title: Grow\n    key_results:\n      - {tag}\n"
        (tmp_path / names[-1]).write_text(content, encoding="utf-8")
    result = check(*names, cwd=tmp_path)
    assert result.code == 2
    for name, tag in zip(names, TAGS, strict=True):
        line, message = one_error(result, name)
        assert line == 4
        assert message.startswith(f"refusing YAML: unsupported tag '{tag.split()[0]}'")


def test_deep_nesting_is_refused_quickly(tmp_path: Path) -> None:
    content = "objectives: " + "[" * 5000 + "]" * 5000 + "\n"
    started = time.monotonic()
    _, line, message = check_beside_a_good_file(tmp_path, "deep.yaml", content.encode())
    assert time.monotonic() - started < 60
    assert (line, message) == (1, "refusing YAML: nesting deeper than 50 levels")


def test_deep_block_nesting_is_refused(tmp_path: Path) -> None:
    content = "objectives:\n" + "".join("  " * i + "- \n" for i in range(1, 200))
    _, _, message = check_beside_a_good_file(tmp_path, "deep.yaml", content.encode())
    assert message == "refusing YAML: nesting deeper than 50 levels"


def test_a_recursive_alias_is_refused(tmp_path: Path) -> None:
    content = "objectives: &loop\n  - *loop\n"
    _, line, message = check_beside_a_good_file(tmp_path, "loop.yaml", content.encode())
    assert message.startswith("refusing YAML:")
    assert line in (1, 2)


def test_broken_yaml_syntax_names_its_line(tmp_path: Path) -> None:
    content = b"objectives:\n  - title: Grow\n    key_results: [a, b\n"
    _, line, message = check_beside_a_good_file(tmp_path, "broken.yaml", content)
    assert message.startswith("could not parse YAML")
    assert line == 4  # the end of the file, where the flow list is still open


# ---------------------------------------------------------------------------- bytes


def test_invalid_utf8_names_the_byte_offset(tmp_path: Path) -> None:
    content = b"objectives:\n  - title: Grow\n    key_results:\n      - \xf8ke salget\n"
    _, line, message = check_beside_a_good_file(tmp_path, "latin.yaml", content)
    assert line == 4
    offset = content.index(b"\xf8")  # counted from 0, as Python and iconv do
    assert message == f"invalid UTF-8 at byte {offset} (0xf8); save the file as UTF-8"


BINARY = {
    "logo.okr.yaml": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", 3),
    "nul.okr.txt": (b"Objective: Grow\n\x00Key results:\n", 2),
}


def test_binary_files_are_refused_with_the_line_of_the_first_nul(tmp_path: Path) -> None:
    for name, (content, _) in BINARY.items():
        (tmp_path / name).write_bytes(content)
    (tmp_path / "zip.okr.md").write_bytes(b"PK\x03\x04\x14\x00\x00\x00\x08\x00")
    result = check(*BINARY, "zip.okr.md", cwd=tmp_path)
    assert result.code == 2
    for name, (_, line) in BINARY.items():
        assert one_error(result, name) == (
            line,
            "binary file (contains NUL bytes); okrlint reads text",
        )
    # a binary file okrlint knows is named, whatever its name says
    assert one_error(result, "zip.okr.md") == (
        1,
        "a ZIP archive, not text: unpack it and check the OKR files inside",
    )


WITH_FINDINGS = (
    "period: Q3 2025\n"
    "objectives:\n"
    "  - title: Øke kundelojaliteten, fordi vi vil vokse i Oslo\n"
    "    key_results:\n"
    "      - Selge flere biler\n"
    "      - Øke antall medlemmer fra 1 000 til 2 000\n"
)
BOMS = {
    "utf8.okr.yaml": codecs.BOM_UTF8 + WITH_FINDINGS.encode("utf-8"),
    "le.okr.yaml": codecs.BOM_UTF16_LE + WITH_FINDINGS.encode("utf-16-le"),
    "be.okr.yaml": codecs.BOM_UTF16_BE + WITH_FINDINGS.encode("utf-16-be"),
}


def test_byte_order_marks_are_read_like_plain_utf8(tmp_path: Path) -> None:

    for name, content in BOMS.items():
        (tmp_path / name).write_bytes(content)
    (tmp_path / "plain.okr.yaml").write_text(WITH_FINDINGS, encoding="utf-8")
    result = check("plain.okr.yaml", *BOMS, cwd=tmp_path)
    assert result.code == 1, result.err
    findings = json.loads(result.out)["findings"]
    where = {}
    for f in findings:
        where.setdefault(f["path"], []).append((f["line"], f["column"], f["code"]))
    assert (5, 9, "OKR201") in where["plain.okr.yaml"]  # "Selge flere biler": no number
    for name in BOMS:
        # the same findings at the same lines and columns as the file without a BOM
        assert where.get(name) == where["plain.okr.yaml"], name


@pytest.mark.parametrize("newline", ["\r\n", "\r"], ids=["crlf", "lone-cr"])
def test_line_endings_keep_line_numbers(tmp_path: Path, newline: str) -> None:
    bad = "Objective: Selge flere biler\nKey results:\n  • Selge flere biler\n  • Bli best\n"
    (tmp_path / "lf.okr.txt").write_text(bad, encoding="utf-8", newline="\n")
    (tmp_path / "odd.okr.txt").write_bytes(bad.replace("\n", newline).encode("utf-8"))
    lf = run_okrlint("check", "--no-cache", "lf.okr.txt", cwd=tmp_path)
    odd = run_okrlint("check", "--no-cache", "odd.okr.txt", cwd=tmp_path)
    assert lf.code == odd.code == 1
    assert ":4:" in lf.out  # a finding on the last key result
    assert odd.out.replace("odd.okr.txt", "lf.okr.txt") == lf.out


def test_tabs_are_read_not_refused(tmp_path: Path) -> None:
    text = "Objective:\tGrow in Oslo\nKey results:\n\t•\tSell more cars\n"
    (tmp_path / "tabs.okr.txt").write_text(text, encoding="utf-8")
    result = run_okrlint("check", "--no-cache", "tabs.okr.txt", cwd=tmp_path)
    assert result.code == 1
    assert "tabs.okr.txt:3:" in result.out and "OKR201" in result.out


def test_a_tab_indent_in_yaml_is_a_parse_error_on_its_line(tmp_path: Path) -> None:
    content = b"objectives:\n\t- title: Grow\n"
    _, line, message = check_beside_a_good_file(tmp_path, "tab.yaml", content)
    assert line == 2 and message.startswith("could not parse YAML")


def test_control_characters_in_yaml_are_refused_with_their_code(tmp_path: Path) -> None:
    content = b"objectives:\n  - title: Grow \x1b[2J\n"
    _, line, message = check_beside_a_good_file(tmp_path, "esc.yaml", content)
    assert line == 2
    assert "#x001b" in message and "\x1b" not in message


# ---------------------------------------------------------------------------- size


def test_files_over_the_configured_size_are_refused_without_reading(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text("[tool.okrlint]\nmax-file-size = 2000\n")
    big = GOOD + "# padding\n" * 300
    _, line, message = check_beside_a_good_file(tmp_path, "big.okr.yaml", big.encode())
    assert line == 1
    assert message == f"file is {len(big)} bytes, over the limit of 2000 (max-file-size in config)"


def test_stdin_over_the_size_limit_is_refused(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text("[tool.okrlint]\nmax-file-size = 100\n")
    result = run_okrlint("check", "-", cwd=tmp_path, stdin=GOOD)
    assert result.code == 2
    assert result.out.startswith(
        "<stdin>:1: OKR000 file is more than 100 bytes, over the limit of 100"
    )


@pytest.mark.parametrize(
    "value", ["0", "-5", '"big"', "true", "1_000_000_001", "9223372036854775808", "1e9", "inf"]
)
def test_a_bad_size_limit_is_a_config_error(tmp_path: Path, value: str) -> None:
    (tmp_path / "pyproject.toml").write_text(f"[tool.okrlint]\nmax-file-size = {value}\n")
    (tmp_path / "good.okr.yaml").write_text(GOOD, encoding="utf-8")
    result = run_okrlint("check", "good.okr.yaml", cwd=tmp_path)
    assert result.code == 2
    assert "'max-file-size' must be a whole number of bytes from 1 to 1 000 000 000" in result.err
    assert "Traceback" not in result.err


def test_a_one_megabyte_key_result_is_checked_in_bounded_time(tmp_path: Path) -> None:
    sentence = "Increase the number of active customers in the northern region "
    kr = (sentence * (1_000_000 // len(sentence) + 1))[:1_000_000]
    (tmp_path / "huge.okr.yaml").write_text(
        f"objectives:\n  - title: Grow, because we want to\n    key_results:\n      - '{kr}'\n",
        encoding="utf-8",
    )
    started = time.monotonic()
    result = run_okrlint("check", "--no-cache", "-q", "huge.okr.yaml", cwd=tmp_path, timeout=120)
    assert time.monotonic() - started < 90
    assert result.code == 1 and "Traceback" not in result.err
    assert "huge.okr.yaml:4:9: OKR201" in result.out  # no number: it is still analysed


@pytest.mark.parametrize("name", ["line.okr.txt", "line.okr.md"])
def test_a_100_000_character_line_is_checked_in_bounded_time(tmp_path: Path, name: str) -> None:
    line = " ".join(["growth"] * 14_300)[:100_000]
    (tmp_path / name).write_text(f"Objective: {line}\n", encoding="utf-8")
    started = time.monotonic()
    result = run_okrlint("check", "--no-cache", "-q", name, cwd=tmp_path, timeout=120)
    assert time.monotonic() - started < 90
    assert result.code == 1 and "Traceback" not in result.err
    assert "OKR104" in result.out  # far too long an objective, said once


# ---------------------------------------------------------------------------- nothing to check


NOTHING_TO_CHECK = {
    "empty.okr.yaml": "",
    "comments.okr.yaml": "# period: Q3\n# objectives come later\n",
    "empty-list.okr.yaml": "period: Q3\nobjectives: []\n",
    "empty.okr.md": "",
    "notes.okr.md": "# Meeting notes\n\nWe talked about the weather.\n",
    "blank.okr.txt": "\n\n   \n",
    "header-only.okr.csv": "Objective,Key result,Baseline,Target\n",
}


def test_a_named_file_without_objectives_is_a_no_okrs_found_warning(tmp_path: Path) -> None:
    for name, content in NOTHING_TO_CHECK.items():
        (tmp_path / name).write_text(content, encoding="utf-8")
    result = run_okrlint("check", "--no-cache", *NOTHING_TO_CHECK, cwd=tmp_path)
    assert result.code == 1, result.out + result.err
    found = [line.split(" [")[0] for line in result.out.splitlines() if " OKR" in line]
    assert found == [f"{name}:1:1: OKR305" for name in sorted(NOTHING_TO_CHECK)]
    assert result.err == ""  # the finding says it; no second notice


def test_a_file_found_in_a_folder_without_objectives_gives_a_notice_and_exit_0(
    tmp_path: Path,
) -> None:
    for name, content in NOTHING_TO_CHECK.items():
        (tmp_path / name).write_text(content, encoding="utf-8")
    result = run_okrlint("check", "--no-cache", ".", cwd=tmp_path)
    assert result.code == 0, result.out + result.err
    assert result.err == "".join(
        f"{name}: no objectives found\n" for name in sorted(NOTHING_TO_CHECK)
    )
    assert "OKR000" not in result.out and "OKR305" not in result.out


def test_no_notice_for_a_file_with_objectives(tmp_path: Path) -> None:
    (tmp_path / "good.okr.yaml").write_text(GOOD, encoding="utf-8")
    result = run_okrlint("check", "--no-cache", "good.okr.yaml", cwd=tmp_path)
    assert "no objectives found" not in result.err


def test_every_bad_file_is_reported_and_the_good_ones_checked(tmp_path: Path) -> None:
    """One run over many kinds of bad input: one OKR000 line each, exit 2."""
    bad = {
        "bomb.yaml": (HOSTILE / "billion-laughs.yaml").read_bytes(),
        "k8s.yaml": (HOSTILE / "kubernetes.yaml").read_bytes(),
        "bin.okr.md": b"\x00\x01\x02",
        "latin.okr.txt": "Objective: Øke salget\n".encode("latin-1"),
    }
    for name, content in bad.items():
        (tmp_path / name).write_bytes(content)
    (tmp_path / "good.okr.yaml").write_text(GOOD, encoding="utf-8")
    result = check(*bad, "good.okr.yaml", "missing.okr.yaml", cwd=tmp_path)
    assert result.code == 2
    assert checked_paths(result) == ["good.okr.yaml"]
    for name in [*bad, "missing.okr.yaml"]:
        one_error(result, name)


def test_a_key_result_of_one_activity_verb_is_a_finding_not_a_crash(tmp_path: Path) -> None:
    path = tmp_path / "one-word.okr.yaml"
    path.write_text(GOOD + "      - Run\n      - Gjennomføre\n", encoding="utf-8")
    result = run_okrlint("check", "--no-cache", str(path))
    assert result.code == 1, result.err
    assert "internal error" not in result.err
    assert re.search(r":7:9: OKR208 .*'Run'", result.out), result.out


ESCAPES = {
    # a lone surrogate is valid YAML but no output can write it
    "surrogate.okr.yaml": (
        'objectives:\n  - title: "Grow \\uD800 sales"\n',
        2,
        "refusing YAML: an escape names half of a UTF-16 pair",
    ),
    # past U+10FFFF: PyYAML's scanner raised ValueError
    "beyond.okr.yaml": (
        'period: Q3\nobjectives:\n  - "\\U0011FFFF"\n',
        3,
        "could not parse YAML: an escape names no Unicode character",
    ),
    # a merged mapping with a list as key: the merge raised TypeError
    "merge-list-key.okr.yaml": (
        "objectives:\n  - <<: {[a]: b}\n    title: Grow\n",
        2,
        "a key in the objective must be text, got a list",
    ),
}


def test_escapes_and_merge_keys_no_output_can_hold_are_one_clear_error(tmp_path: Path) -> None:
    """Found by fuzzing: each of these used to end the whole run with 'internal error'."""
    for name, (text, _, _) in ESCAPES.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    (tmp_path / "good.okr.yaml").write_text(GOOD, encoding="utf-8")
    result = check(*ESCAPES, "good.okr.yaml", cwd=tmp_path)
    assert result.code == 2
    assert checked_paths(result) == ["good.okr.yaml"]
    for name, (_, line, message) in ESCAPES.items():
        got_line, got = one_error(result, name)
        assert got.startswith(message), (name, got)
        assert got_line == line, (name, got)
