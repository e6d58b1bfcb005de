"""The review layout: marks, indented findings, scores and the top fixes."""

from __future__ import annotations

from reports_factory import sample

from okrlint.reporters import render


def test_review_piped_is_plain_ascii_grouped_by_objective() -> None:
    out = render("review", sample(), color=False)
    assert "\x1b[" not in out
    assert not any(ch in out for ch in "✔⚠✖")
    lines = out.splitlines()
    head = next(i for i, line in enumerate(lines) if "Increase revenue by 30%" in line)
    assert lines[head].startswith("ERR  Objective o1:")
    assert lines[head].endswith("[76/100]")  # (own 65 + key results 87.5) / 2
    # the objective's findings and hints sit indented under it, before its key results
    below = lines[head + 1 : head + 6]
    assert any("OKR101" in line and line.startswith("       ERR ") for line in below)
    assert any(line.strip().startswith("hint: move '30%' into a key result") for line in below)
    kr_line = next(line for line in lines if "Get more followers" in line)
    assert kr_line.startswith("    ERR  KR o1.kr1:") and kr_line.endswith("[75/100]")
    assert any(line.startswith("    ok   KR o2.kr1:") for line in lines)


def test_review_on_a_tty_uses_colour_and_unicode_marks() -> None:
    out = render("review", sample(), color=True)
    assert "\x1b[" in out and "✖" in out and "✔" in out


def test_review_ends_with_top_fixes_and_the_score() -> None:
    out = render("review", sample(), color=False)
    top = out[out.index("Top 3 fixes") :].splitlines()
    numbered = [line for line in top if line.lstrip()[:2] in ("1.", "2.", "3.")]
    assert len(numbered) == 3
    assert "OKR101" in numbered[0] or "OKR201" in numbered[0]  # errors first
    assert "OKR102" in numbered[2]
    assert any("fix: add a number" in line for line in top)
    assert out.rstrip().splitlines()[-1].startswith("Quality score ")
    assert "could not parse: bad indent" in out
