"""Reports are safe: user text from a hostile document cannot steer a terminal, inject a
GitHub workflow command, break JSON or XML, or put markup into the HTML page."""

from __future__ import annotations

import json
import re
import sys
import xml.etree.ElementTree as ET

import pytest
from conftest import run_okrlint

# One word each, so rules that quote a shortened objective still quote all of them.
SCRIPT = "<script>alert(1)</script>"
ESCAPES = "\x1b[2J\x1b]0;owned\x07\x9b31m"  # clear screen, set title + BEL, a C1 CSI
XML_BREAK = ']]>&"q"<![CDATA['
COMMAND = "%0A::error::injected"
OBJECTIVE = f"Vokse {SCRIPT} {ESCAPES} {XML_BREAK} {COMMAND}"
DOCUMENT = f"## Objective: {OBJECTIVE}\n\n- Selge flere biler\n"
RAW_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# a file name can carry a newline and a workflow command of its own on POSIX
EVIL_NAME = "evil\n::warning file=x::name-injected\x1b[31m.okr.md"
FORMATS = ["text", "review", "json", "sarif", "gitlab", "github", "junit", "html"]


@pytest.fixture(scope="module")
def reports(tmp_path_factory) -> dict[str, str]:
    """Every format, each written to a file, for one hostile document (two on POSIX)."""
    folder = tmp_path_factory.mktemp("hostile-report")
    (folder / "doc.okr.md").write_text(DOCUMENT, encoding="utf-8")
    names = ["doc.okr.md"]
    if sys.platform != "win32":
        (folder / EVIL_NAME).write_text(DOCUMENT, encoding="utf-8")
        names.append(EVIL_NAME)
    args = [a for name in FORMATS for a in ("--format", f"{name}:{name}.out")]
    result = run_okrlint("check", "--no-cache", *args, *names, cwd=folder)
    assert result.code == 1, result.err
    assert "Traceback" not in result.err
    return {name: (folder / f"{name}.out").read_text(encoding="utf-8") for name in FORMATS}


def test_the_hostile_text_is_quoted_in_findings(reports: dict[str, str]) -> None:
    """Else the other tests prove nothing: the payload must reach the reports."""
    data = json.loads(reports["json"])
    quoted = " ".join(f["message"] + " " + (f.get("suggestion") or "") for f in data["findings"])
    assert SCRIPT in quoted and ESCAPES in quoted and COMMAND in quoted


@pytest.mark.parametrize("name", ["text", "review"])
def test_terminal_output_has_no_control_characters(reports: dict[str, str], name: str) -> None:
    out = reports[name]
    assert not RAW_CONTROL.search(out)
    assert "\\x1b[2J" in out  # shown, made visible, not dropped silently
    if sys.platform != "win32":
        assert not any(line.startswith("::") for line in out.splitlines())


@pytest.mark.parametrize("name", ["json", "sarif"])
def test_json_formats_parse_and_keep_the_text_exactly(reports: dict[str, str], name: str) -> None:
    assert any(OBJECTIVE in text for text in strings(json.loads(reports[name])))


def test_gitlab_descriptions_show_control_characters_as_the_text_output_does(
    reports: dict[str, str],
) -> None:
    """GitLab shows the description in a merge request: escapes, never raw controls."""
    from okrlint.reporters.sanitize import printable

    descriptions = [issue["description"] for issue in json.loads(reports["gitlab"])]
    assert any(printable(OBJECTIVE) in d for d in descriptions)
    assert not any(RAW_CONTROL.search(d) for d in descriptions)


def strings(data: object) -> list[str]:
    if isinstance(data, str):
        return [data]
    if isinstance(data, dict):
        data = list(data.values())
    return [s for item in data for s in strings(item)] if isinstance(data, list) else []


def test_github_annotations_cannot_be_injected(reports: dict[str, str]) -> None:
    lines = reports["github"].splitlines()
    commands = [line for line in lines if line.startswith("::")]
    allowed = re.compile(r"^::(?:group::.*|endgroup::|(?:error|warning|notice) file=[^\n]*::.*)$")
    assert commands and all(allowed.match(line) for line in commands)
    assert not any(line.startswith("::error::injected") for line in lines)
    assert not any(
        "name-injected" in line and line.startswith("::warning file=x") for line in lines
    )
    annotations = [line for line in commands if " file=" in line]
    # a literal "%0A" in user text is sent as %250A, so GitHub shows it and does not break the line
    assert all("%0A::error" not in line for line in annotations)
    assert any("%250A::error::injected" in line for line in annotations)
    assert not RAW_CONTROL.search(reports["github"])  # the log shows ANSI codes as colour


def test_junit_is_well_formed_xml(reports: dict[str, str]) -> None:
    root = ET.fromstring(reports["junit"])
    text = "".join(root.itertext()) + " ".join(
        v for element in root.iter() for v in element.attrib.values()
    )
    assert SCRIPT in text and XML_BREAK in text
    assert not RAW_CONTROL.search(reports["junit"])


def test_html_escapes_user_text(reports: dict[str, str]) -> None:
    page = reports["html"]
    assert SCRIPT not in page and "<script>alert" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "]]&gt;&amp;" in page


def test_every_character_shown_visibly_is_one_python_calls_unprintable() -> None:
    """``printable`` returns a text ``str.isprintable()`` accepts as it is, without looking at
    each character: that is only right while every character it shows is unprintable."""
    from okrlint.reporters.sanitize import _table, printable, raw_in_json

    shown = [chr(code) for code in _table()]
    assert len(shown) > 2000  # C0, C1, DEL, bidi, separators, non-characters, surrogates
    assert [c for c in shown if c.isprintable()] == []
    assert printable("Øke «salget» fra 10 til 20 %") == "Øke «salget» fra 10 til 20 %"
    assert printable("Øke\u202esalget") == "Øke\\u202esalget"
    # and a JSON report is checked for them in its UTF-8 bytes, before it is decoded
    visible = [c for c in shown if ord(c) >= 0x7F and not 0xD800 <= ord(c) < 0xE000]
    assert all(raw_in_json(f"«x» {c}".encode()) for c in visible)
    assert not raw_in_json("Øke «salget» “fra” 10 til 20 % \\u202e".encode())
