"""Values that used to crash or exhaust a run: each is one clear line or a usable result now.

Huge numbers in a document, hostile values in a config file, a baseline or a custom rule,
cache entries of the wrong shape, a 1 500-level cascade in the HTML report, a custom-rules
folder holding a named pipe or /dev/zero, standard output on a full disk, and more
``--jobs`` than cores. Run as a user runs okrlint, through its command.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from conftest import Result, run_okrlint

from okrlint import numeric
from okrlint.parallel import choose_jobs, cpu_count
from okrlint.readers import read_document

GOOD = (
    "period: Q3 2025\n"
    "objectives:\n"
    "  - title: Win the Oslo market, because we want to lead in the region\n"
    "    key_results:\n"
    "      - Increase revenue from 10 to 20 MNOK\n"
    "      - Grow active customers from 100 to 250\n"
)


def check(tmp_path: Path, *args: str) -> Result:
    result = run_okrlint("check", *args, cwd=tmp_path)
    assert "internal error" not in result.err and "Traceback" not in result.err, result.err
    return result


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


# ---------------------------------------------------------------------------- numbers


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (5, 5),
        (1.5, 1.5),
        (0, 0),
        (float("inf"), None),
        (float("-inf"), None),
        (float("nan"), None),
        (10**400, None),
        (1e300, None),
        (1e-300, None),
        (True, None),
        ("5", None),
        (-2_000_000, -2_000_000),
    ],
)
def test_usable_numbers(value: object, expected: object) -> None:
    assert numeric.usable(value) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1500", 1500.0),
        ("1.5", 1.5),
        ("inf", None),
        ("nan", None),
        ("1e400", None),
        ("1" * 400, None),
        ("x", None),
    ],
)
def test_parsed_numbers(text: str, expected: float | None) -> None:
    assert numeric.parse(text) == expected


def test_a_number_of_308_digits_is_no_crash(tmp_path: Path) -> None:
    """ "Double revenue from 1 to 1" and 307 zeros: OverflowError in 514 of 6 000 fuzz runs."""
    text = (
        "Objective: Grow revenue, because we want to survive\nKey results:\n"
        f"- Double revenue from 1 to 1{'0' * 307}\n- Grow customers from 10 to 1{'0' * 400}\n"
    )
    write(tmp_path, "big.okr.txt", text)
    result = check(tmp_path, "--no-cache", "big.okr.txt")
    assert result.code == 1
    assert "2 key results" in result.out


def test_a_huge_yaml_number_stays_text(tmp_path: Path) -> None:
    """``target: 0x`` and 4 000 hex digits crashed the rules and the cache write."""
    hexa = "0x" + "f" * 4000
    text = GOOD.replace(
        "      - Grow active customers from 100 to 250\n",
        f"      - title: Grow active customers\n        baseline: 1e400\n        target: {hexa}\n",
    )
    [doc] = read_document("big.okr.yaml", text.encode())
    kr = doc.objectives[0].key_results[1]
    assert (kr.baseline, kr.target) == ("1e400", hexa)
    write(tmp_path, "big.okr.yaml", text)
    assert check(tmp_path, "big.okr.yaml").code == 0  # cached run: the write was the crash
    assert (
        check(tmp_path, "big.okr.yaml").code == check(tmp_path, "--no-cache", "big.okr.yaml").code
    )


# ---------------------------------------------------------------------------- config


@pytest.mark.parametrize(
    ("toml", "message"),
    [
        ('cache-dir = "a\\u0000b"', "'cache-dir' holds a NUL character"),
        ('custom-rules = "r\\u0000"', "'custom-rules' holds a NUL character"),
        ('exclude = ["a\\u0000"]', "'exclude' holds a NUL character"),
        (
            "[tool.okrlint.rules.objective-key-result-count]\nmax = inf",
            "rules.objective-key-result-count.max must be a number from 0 to 1 000 000, got inf",
        ),
        (
            "[tool.okrlint.rules.objective-key-result-count]\nmax = nan",
            "rules.objective-key-result-count.max must be a number from 0 to 1 000 000, got nan",
        ),
        (
            "[tool.okrlint.rules.kr-inconsistent-change]\ntolerance = 1e400",
            "rules.kr-inconsistent-change.tolerance must be a number from 0 to 1 000 000, got inf",
        ),
        (
            "[tool.okrlint.rules.too-many-objectives]\nmax = 4.5",
            "rules.too-many-objectives.max must be a whole number, got 4.5",
        ),
        (
            "[tool.okrlint.rules.too-many-objectives]\nmax = -1",
            "rules.too-many-objectives.max must be a number from 0 to 1 000 000, got -1",
        ),
        (
            "[tool.okrlint.rules.too-many-objectives]\nmax = " + "[" * 3000 + "]" * 3000,
            "nesting deeper than 20 levels",
        ),
        (
            "[tool.okrlint.rules.too-many-objectives]\nmax = " + "[" * 300 + "]" * 300,
            "'rules.too-many-objectives.max' is nested deeper than 20 levels",
        ),
        ("max-file-size = " + "9" * 5000, "invalid TOML: a number of thousands of digits"),
    ],
)
def test_hostile_config_values_are_one_line(tmp_path: Path, toml: str, message: str) -> None:
    section = "" if toml.startswith("[") else "[tool.okrlint]\n"
    write(tmp_path, "pyproject.toml", section + toml + "\n")
    write(tmp_path, "good.okr.yaml", GOOD)
    result = check(tmp_path, "good.okr.yaml")
    assert result.code == 2
    assert message in result.err


def _bomb(top: str) -> str:
    """A few alias uses of a big list: 400 uses of 2 000 items, 800 000 nodes expanded."""
    items = ", ".join(f"i{n}" for n in range(2000))
    uses = ", ".join(["*big"] * 400)
    return f"x-big: &big [{items}]\n{top}: [{uses}]\n"


def test_an_alias_bomb_in_the_config_is_refused(tmp_path: Path) -> None:
    """2.5 GB and a MemoryError, through the cache fingerprint's repr of the config."""
    write(tmp_path, ".okrlint.yaml", _bomb("ignore"))
    write(tmp_path, "good.okr.yaml", GOOD)
    result = check(tmp_path, "good.okr.yaml")
    assert result.code == 2
    assert "refusing YAML: aliases expand to more than 500 nodes" in result.err


def test_alias_expansion_in_a_document_is_counted_in_nodes(tmp_path: Path) -> None:
    """213 KB once became 1.96 M key results: the limit counted alias uses, not nodes."""
    text = _bomb("unused").replace("x-big", "period: Q3\nx-big")
    write(tmp_path, "bomb.okr.yaml", text)
    result = check(tmp_path, "--no-cache", "bomb.okr.yaml")
    assert result.code == 2
    assert "bomb.okr.yaml:3: OKR000 refusing YAML: aliases expand to more than 500 nodes" in (
        result.out + result.err
    )


def test_deep_yaml_config_is_refused(tmp_path: Path) -> None:
    write(tmp_path, ".okrlint.yaml", "select: " + "[" * 3000 + "]" * 3000 + "\n")
    write(tmp_path, "good.okr.yaml", GOOD)
    result = check(tmp_path, "good.okr.yaml")
    assert result.code == 2
    assert "refusing YAML: nesting deeper than 50 levels" in result.err


# ---------------------------------------------------------------------------- baseline


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (
            '{"okrlint-baseline": 1, "files": ' + "[" * 5000 + "]" * 5000 + "}",
            "not an okrlint baseline (nested too deep)",
        ),
        (
            '{"okrlint-baseline": 1, "files": {"a": [{"code": "X", "text": "t", "count": 1'
            + "0" * 5000
            + "}]}}",
            "not an okrlint baseline (a number of thousands of digits)",
        ),
        (
            '{"okrlint-baseline": 1, "files": {"a": [{"code": "X", "text": "t", "count": 1'
            + "0" * 30
            + "}]}}",
            "need code, text and a count from 1 to 1 000 000",
        ),
    ],
)
def test_a_hostile_baseline_is_one_line(tmp_path: Path, content: str, message: str) -> None:
    write(tmp_path, "base.json", content)
    write(tmp_path, "good.okr.yaml", GOOD)
    result = check(tmp_path, "--baseline", "base.json", "good.okr.yaml")
    assert result.code == 2
    assert message in result.err


def _special(tmp_path: Path, name: str, kind: str) -> str:
    """A named pipe or a link to /dev/zero at ``name``; the words okrlint should use for it."""
    if kind == "pipe":
        os.mkfifo(tmp_path / name)
        return "not a regular file (a named pipe)"
    (tmp_path / name).symlink_to("/dev/zero")
    return "not a regular file (a device)"


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="no /dev/zero here")
@pytest.mark.parametrize("kind", ["pipe", "zero"])
@pytest.mark.parametrize(
    "how",
    [("--baseline", "base.json"), ("--write-baseline", "base.json"), ("config", "base.json")],
    ids=["baseline", "write-baseline", "config-baseline"],
)
def test_a_baseline_that_is_a_pipe_or_dev_zero_is_refused_unread(
    tmp_path: Path, kind: str, how: tuple[str, str]
) -> None:
    """A FIFO stalled the run and a link to /dev/zero (which a pull request can add) was read
    until memory ran out; --write-baseline read it too, to see whether it was a baseline."""
    write(tmp_path, "good.okr.yaml", GOOD)
    says = _special(tmp_path, "base.json", kind)
    if how[0] == "config":
        write(tmp_path, "pyproject.toml", '[tool.okrlint]\nbaseline = "base.json"\n')
        args: tuple[str, ...] = ()
    else:
        args = how
    result = check(tmp_path, "--no-cache", *args, "good.okr.yaml")  # the timeout catches a hang
    assert result.code == 2
    assert f"base.json:1: cannot read baseline: {says}" in result.err
    assert result.out == ""


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="no /dev/zero here")
@pytest.mark.parametrize("kind", ["pipe", "zero"])
def test_a_config_file_that_is_a_pipe_or_dev_zero_is_refused_unread(
    tmp_path: Path, kind: str
) -> None:
    write(tmp_path, "good.okr.yaml", GOOD)
    says = _special(tmp_path, "okr.toml", kind)
    result = check(tmp_path, "--no-cache", "--config", "okr.toml", "good.okr.yaml")
    assert result.code == 2
    assert result.err == f"okrlint: error: okr.toml:1: cannot read config: {says}\n"


def test_a_baseline_over_its_size_limit_is_refused_unread(tmp_path: Path) -> None:
    from okrlint.baseline import BASELINE_SIZE_LIMIT

    write(tmp_path, "good.okr.yaml", GOOD)
    with open(tmp_path / "base.json", "wb") as sparse:  # a hole: no disk space used
        sparse.truncate(BASELINE_SIZE_LIMIT + 1)
    result = check(tmp_path, "--no-cache", "--baseline", "base.json", "good.okr.yaml")
    assert result.code == 2
    assert (
        f"base.json:1: cannot read baseline: it is {BASELINE_SIZE_LIMIT + 1} bytes, "
        f"over {BASELINE_SIZE_LIMIT}" in result.err
    )


# ---------------------------------------------------------------------------- custom rules

RULE = "extends: existence\ncode: ACME001\nmessage: avoid '%s'\ntokens: [synergy]\n"


def _rules(tmp_path: Path) -> Path:
    folder = tmp_path / "okr-rules"
    folder.mkdir()
    write(tmp_path, ".okrlint.yaml", "custom-rules: okr-rules\n")
    write(tmp_path, "good.okr.yaml", GOOD)
    return folder


def test_a_named_pipe_in_the_rules_folder_is_refused_unread(tmp_path: Path) -> None:
    folder = _rules(tmp_path)
    os.mkfifo(folder / "pipe.yaml")
    result = check(tmp_path, "good.okr.yaml")  # the run's timeout catches a hang
    assert result.code == 2
    assert "pipe.yaml:1: cannot read custom rule: not a regular file (a named pipe)" in result.err


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="no /dev/zero here")
def test_a_symlink_to_dev_zero_in_the_rules_folder_is_refused_unread(tmp_path: Path) -> None:
    folder = _rules(tmp_path)
    (folder / "zero.yaml").symlink_to("/dev/zero")
    result = check(tmp_path, "good.okr.yaml")
    assert result.code == 2
    assert "zero.yaml:1: cannot read custom rule: not a regular file (a device)" in result.err


def test_a_rule_file_over_the_size_limit_is_refused(tmp_path: Path) -> None:
    folder = _rules(tmp_path)
    write(tmp_path, ".okrlint.yaml", "custom-rules: okr-rules\nmax-file-size: 1000\n")
    write(folder, "big.yaml", RULE + "#" * 2000 + "\n")
    result = check(tmp_path, "good.okr.yaml")
    assert result.code == 2
    assert "big.yaml:1: cannot read custom rule: file is 2072 bytes, over the limit of 1000" in (
        result.err
    )


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("tokens: " + "[" * 3000 + "]" * 3000 + "\n", "nesting deeper than 50 levels"),
        (_bomb("tokens"), "aliases expand to more than 500 nodes"),
    ],
)
def test_a_hostile_rule_file_is_one_line(tmp_path: Path, content: str, message: str) -> None:
    folder = _rules(tmp_path)
    write(folder, "bad.yaml", content)
    result = check(tmp_path, "good.okr.yaml")
    assert result.code == 2
    assert message in result.err and "bad.yaml" in result.err


def test_a_good_rule_beside_the_hostile_ones_still_works(tmp_path: Path) -> None:
    folder = _rules(tmp_path)
    write(folder, "buzz.yaml", RULE)
    (folder / "notes.txt").write_text("not a rule", encoding="utf-8")
    os.mkfifo(folder / "pipe.txt")  # not a *.yaml: never opened
    text = GOOD.replace("Increase revenue", "Increase synergy revenue")
    write(tmp_path, "good.okr.yaml", text)
    result = check(tmp_path, "-f", "json", "good.okr.yaml")
    assert [f["code"] for f in json.loads(result.out)["findings"]] == ["ACME001"]


# ---------------------------------------------------------------------------- the cache

SHAPES = [
    "[]",
    '{"format": 1}',
    '{"findings": [{"@": "Finding"}]}',
    '{"format": "yaml", "language": 5, "language_source": null, "errors": 0, '
    '"documents": [], "findings": []}',
    '{"format": "yaml", "language": "en", "language_source": "x", "errors": 0, "documents": '
    '[{"@": "Document", "path": 5, "format": "yaml", "objectives": []}], "findings": []}',
    '{"format": "yaml", "language": "en", "language_source": "x", "errors": 0, "documents": [],'
    ' "findings": [{"@": "Finding", "path": "a", "span": "abc", "code": "OKR1", "rule": "x",'
    ' "severity": "error", "message": "m"}]}',
    '{"format": "yaml", "language": "en", "language_source": "x", "errors": 0, "documents": [],'
    ' "findings": [{"@": "Finding", "path": "a", "span": [1, 1, 1, 1], "code": 5, "rule": "x",'
    ' "severity": "error", "message": ["m"]}]}',
    '{"findings": [{"@": "Finding", "path": "a", "span": [1, 1, 1], "code": "X", "rule": "x",'
    ' "severity": "error", "message": "m"}]}',
    "[" * 100_000 + "]" * 100_000,
]


@pytest.mark.parametrize("shape", SHAPES, ids=range(len(SHAPES)))
def test_cache_entries_of_the_wrong_shape_are_misses(tmp_path: Path, shape: str) -> None:
    write(tmp_path, "good.okr.yaml", GOOD.replace("10 to 20 MNOK", "more"))
    fresh = check(tmp_path, "-f", "json", "good.okr.yaml")
    entries = list((tmp_path / ".okrlint_cache").rglob("*.json"))
    assert len(entries) == 2  # the file's entry and the set's
    for entry in entries:
        entry.write_text(shape, encoding="utf-8")
    again = check(tmp_path, "-f", "json", "good.okr.yaml")
    assert (again.code, again.out) == (fresh.code, fresh.out)


# ---------------------------------------------------------------------------- reports


def test_a_1500_level_cascade_renders_in_html(tmp_path: Path) -> None:
    """A chain of 300 parents or more was a RecursionError in the HTML report."""
    lines = ["period: Q3 2025", "objectives:"]
    for i in range(1500):
        lines += [f"  - title: Objective {i} for the team, because we grow", f"    id: o{i}"]
        lines += [f"    parent: o{i - 1}"] if i else []
        lines += ["    key_results:", f"      - Grow sales from {i} to {i + 10}"]
    write(tmp_path, "chain.okr.yaml", "\n".join(lines) + "\n")
    result = check(tmp_path, "--no-cache", "-f", "html", "chain.okr.yaml")
    assert result.code == 1
    cascade = result.out[result.out.index('<section class="cascade') :]
    cascade = cascade[: cascade.index("</section>")]
    assert cascade.count('<li class="tree-node">') == 1500
    assert cascade.count("continues under") == 1500 // 24 - (1500 % 24 == 0)
    assert "continues under “o23”" in cascade


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="no /dev/full here")
def test_standard_output_on_a_full_disk_is_one_line(tmp_path: Path) -> None:
    write(tmp_path, "good.okr.yaml", GOOD)
    script = Path(run_okrlint.__globals__["okrlint_executable"]())
    with open("/dev/full", "w") as full:
        import subprocess

        proc = subprocess.run(
            [str(script), "check", "--no-cache", "good.okr.yaml"],
            cwd=tmp_path,
            stdout=full,
            stderr=subprocess.PIPE,
            timeout=120,
        )
    assert proc.returncode == 2
    assert (
        proc.stderr.decode() == "okrlint: error: cannot write the output: No space left on device\n"
    )


def test_a_closed_standard_output_is_one_line_not_a_silent_pass(tmp_path: Path) -> None:
    """`okrlint check … >&-`: Python starts without a standard output and every line of the
    report would be dropped without a word; exit 0 or 1 would claim a report was given."""
    write(tmp_path, "good.okr.yaml", GOOD)
    script = run_okrlint.__globals__["okrlint_executable"]()
    import subprocess

    proc = subprocess.run(
        [script, "check", "--no-cache", "good.okr.yaml"],
        cwd=tmp_path,
        stderr=subprocess.PIPE,
        preexec_fn=lambda: os.close(1),
        timeout=120,
    )
    assert proc.returncode == 2
    assert proc.stderr.decode() == (
        "okrlint: error: cannot write the output: standard output is closed\n"
    )


# ---------------------------------------------------------------------------- --jobs


def test_jobs_never_exceed_the_cores() -> None:
    inputs = [("a", b"x" * 1000)] * 4
    assert choose_jobs(16, inputs) == cpu_count()
    assert choose_jobs(10_000, inputs) == cpu_count()
    assert choose_jobs(1, inputs) == 1
    assert choose_jobs(0, inputs) == cpu_count()
