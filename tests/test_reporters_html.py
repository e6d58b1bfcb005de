"""The HTML page without a browser: escaping, self-containment, structure."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from reports_factory import sample

from okrlint.reporters import render


def page() -> str:
    return render("html", sample())


def test_user_markup_is_escaped() -> None:
    html = page()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    # the page's own script is the only one, and the CSP allows only it (by hash)
    assert html.count("<script>") == 1
    assert re.search(r"script-src 'sha256-[A-Za-z0-9+/=]+'", html)


def test_page_is_self_contained() -> None:
    html = page()
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", html)
    assert "@import" not in html and "url(http" not in html
    assert "<style>" in html and "<svg" in html


def test_cards_scores_highlights_and_docs() -> None:
    html = page()
    assert 'lang="en"' in html
    assert "Increase revenue by <mark" in html and ">30%</mark>" in html
    assert re.search(r'class="hl error" data-codes="OKR201"[^>]*>more</mark>', html)
    assert '<details class="docs">' in html and "A key result you cannot measure" in html
    assert "move &#39;30%&#39; into a key result" in html  # the hint, escaped
    assert 'class="card objective clean"' in html  # the clean objective is shown, as clean
    assert "could not parse: bad indent" in html
    assert 'data-rule="OKR102"' in html and 'data-severity="warning"' in html


def test_cascade_tree_follows_parent_links() -> None:
    html = page()
    tree = html[
        html.index('<section class="cascade') : html.index(
            "</section>", html.index('<section class="cascade')
        )
    ]
    assert tree.index("Increase revenue") < tree.index("o1.kr2") < tree.index("Be the coffee shop")


def test_html_output_is_deterministic() -> None:
    assert page() == page()


def test_jinja2_is_imported_only_when_html_is_rendered() -> None:
    code = (
        "import sys\n"
        "from reports_factory import sample\n"
        "from okrlint.reporters import render\n"
        "for name in ('text', 'json', 'sarif', 'github', 'gitlab', 'junit', 'review'):\n"
        "    render(name, sample())\n"
        "assert 'jinja2' not in sys.modules, 'jinja2 imported'\n"
        "render('html', sample())\n"
        "assert 'jinja2' in sys.modules\n"
    )
    here = Path(__file__).parent
    result = subprocess.run([sys.executable, "-c", code], cwd=here, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
