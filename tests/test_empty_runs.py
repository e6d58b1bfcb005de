"""Nothing to check is not a pass: folders that expand to no OKR file exit 2 and say what
was looked for and what would find the OKRs that are there. `--allow-empty` opts out; files
named one by one (as pre-commit names them) keep their quiet behaviour."""

from __future__ import annotations

from pathlib import Path

from conftest import FIXTURES, run_okrlint

OKRS = (FIXTURES / "readers" / "en" / "okrs.yaml").read_text(encoding="utf-8")
DEFAULT_INCLUDE_WORDS = (
    "  looked for *.okr.yaml, *.okr.yml, *.okr.md, *.okr.txt, *.okr.csv, *.okr.tsv and "
    "*.okr.xlsx files, and .yaml, .yml, .md, .txt, .csv, .tsv and .xlsx files under a folder "
    "named okrs/ or OKR/ (the default 'include')\n"
)
TAIL = "  (name files to check them; --allow-empty lets a run on no files pass)\n"


def write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def goals_repository(root: Path) -> Path:
    """The issue's repository: its OKRs live in goals/q1.yaml, which no default pattern finds."""
    write(root / "goals" / "q1.yaml", OKRS)
    write(root / "README.md", "# Our goals\n\nSee goals/.\n")
    write(root / ".github" / "workflows" / "ci.yml", "on: push\njobs: {}\n")
    return root


def test_a_repository_whose_okrs_no_pattern_finds_exits_2_and_says_what_would(
    tmp_path: Path,
) -> None:
    root = goals_repository(tmp_path / "repo")
    result = run_okrlint("check", ".", cwd=root)
    assert result.code == 2
    assert result.out == "No OKR files found, so nothing was checked.\n"
    assert result.err == (
        "okrlint: error: no OKR files found in '.', so nothing was checked\n"
        + DEFAULT_INCLUDE_WORDS
        + "  these hold OKRs but are not included: goals/q1.yaml\n"
        "  to check them, add to pyproject.toml:\n"
        "      [tool.okrlint]\n"
        '      extend-include = ["goals/**/*.yaml"]\n' + TAIL
    )


def test_the_suggested_setting_finds_the_okrs(tmp_path: Path) -> None:
    root = goals_repository(tmp_path / "repo")
    write(root / "pyproject.toml", '[tool.okrlint]\nextend-include = ["goals/**/*.yaml"]\n')
    result = run_okrlint("check", "--format", "json", ".", cwd=root)
    assert result.err == ""
    assert '"path": "goals/q1.yaml"' in result.out
    assert result.code == 1  # its findings; the default patterns still hold beside it
    write(root / "okrs" / "q2.okr.md", "## Objective: Grow, because we must\n\n- Sell more\n")
    both = run_okrlint("check", "--format", "json", ".", cwd=root)
    assert '"path": "goals/q1.yaml"' in both.out and '"path": "okrs/q2.okr.md"' in both.out


def test_no_command_line_and_ci_make_no_difference(tmp_path: Path) -> None:
    root = goals_repository(tmp_path / "repo")
    bare = run_okrlint("check", cwd=root)  # no paths: the current folder
    in_ci = run_okrlint("check", ".", cwd=root, env={"CI": "true"})
    assert bare.code == in_ci.code == 2
    assert bare.err == in_ci.err and "goals/q1.yaml" in bare.err


def test_allow_empty_opts_out(tmp_path: Path) -> None:
    root = goals_repository(tmp_path / "repo")
    result = run_okrlint("check", "--allow-empty", ".", cwd=root)
    assert result.code == 0
    assert result.out == "No OKR files found, so nothing was checked.\n"
    assert result.err == ""


def test_a_folder_of_formats_okrlint_does_not_read_names_them(tmp_path: Path) -> None:
    root = tmp_path / "repo"
    write(root / "okrs" / "q1.docx", b"PK\x03\x04\x14\x00\x06\x00word/document.xml")
    write(root / "okrs" / "board.pdf", b"%PDF-1.7\n")
    result = run_okrlint("check", "okrs", cwd=root)
    assert result.code == 2
    assert result.err == (
        "okrlint: error: no OKR files found in 'okrs', so nothing was checked\n"
        + DEFAULT_INCLUDE_WORDS
        + "  okrs/board.pdf: a PDF, not text: copy its text into a .md or .txt file\n"
        "  okrs/q1.docx: a Word document, not text: save it as .md or .txt and check that\n" + TAIL
    )


def test_an_empty_folder_says_it_holds_nothing_to_check(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    result = run_okrlint("check", "empty", cwd=tmp_path)
    assert result.code == 2
    assert result.err == (
        "okrlint: error: no OKR files found in 'empty', so nothing was checked\n"
        + DEFAULT_INCLUDE_WORDS
        + "  the folders hold no file okrlint reads with objectives in it\n"
        + TAIL
    )


def test_a_yaml_config_gets_the_setting_in_yaml_and_its_own_include_is_named(
    tmp_path: Path,
) -> None:
    root = tmp_path / "repo"
    write(root / ".okrlint.yaml", "include: ['plans/*.okr.yaml']\nexclude: ['okrs/old/**']\n")
    write(root / "goals" / "q1.md", "## Objective: Grow, because we must\n\n- Sell more\n")
    write(root / "plans" / "draft.okr.yaml", OKRS)
    write(root / "plans" / "old.txt", "nothing here\n")
    result = run_okrlint("check", "goals", cwd=root)
    assert result.code == 2
    assert result.err == (
        "okrlint: error: no OKR files found in 'goals', so nothing was checked\n"
        "  looked for plans/*.okr.yaml ('include' in .okrlint.yaml)\n"
        "  these hold OKRs but are not included: goals/q1.md\n"
        "  to check them, add to .okrlint.yaml:\n"
        '      extend-include: ["goals/**/*.md"]\n' + TAIL
    )


def test_files_left_out_by_exclude_are_named(tmp_path: Path) -> None:
    root = tmp_path / "repo"
    write(root / "pyproject.toml", '[tool.okrlint]\nexclude = ["okrs/archive/**"]\n')
    write(root / "okrs" / "archive" / "q1.yaml", OKRS)
    result = run_okrlint("check", "okrs", cwd=root)
    assert result.code == 2
    assert "  left out by 'exclude': okrs/archive/q1.yaml\n" in result.err


def test_named_files_that_exclude_drops_stay_quiet_as_pre_commit_needs(tmp_path: Path) -> None:
    root = tmp_path / "repo"
    write(root / "pyproject.toml", '[tool.okrlint]\nexclude = ["okrs/archive/**"]\n')
    write(root / "okrs" / "archive" / "q1.yaml", OKRS)
    result = run_okrlint("check", "--force-exclude", "okrs/archive/q1.yaml", cwd=root)
    assert (result.code, result.err) == (0, "")


def test_a_folder_that_finds_nothing_beside_one_that_does_is_fine(tmp_path: Path) -> None:
    root = tmp_path / "repo"
    write(root / "okrs" / "q1.yaml", OKRS)
    (root / "empty").mkdir()
    result = run_okrlint("check", "okrs", "empty", cwd=root)
    assert result.code == 1 and "no OKR files found" not in result.err
