"""``okrlint init``: a commented starter OKR file, in English or Norwegian Bokmål.

The starters are shipped as package data (``okrlint/templates/starter_<lang>.okr.yaml``)
and are themselves checked by the test suite, so they stay exemplary as rules evolve.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Mapping
from importlib.resources import files
from pathlib import Path

from okrlint import linear
from okrlint.errors import OkrlintError

LANGUAGES = ("en", "nb")
DEFAULT_NAME = "okrs.okr.yaml"
OKR_SUFFIXES = (".okr.yaml", ".okr.yml")
_PERIOD_LINE = linear.compile(r"^period: .*$", re.MULTILINE)


def template(language: str) -> str:
    if language not in LANGUAGES:
        raise OkrlintError(f"no starter for language {language!r} (choose from en, nb)")
    resource = files("okrlint.templates") / f"starter_{language}.okr.yaml"
    return resource.read_text(encoding="utf-8")


def current_period(today: dt.date | None = None) -> str:
    today = today or dt.date.today()
    return f"{today.year}-Q{(today.month - 1) // 3 + 1}"


def render(language: str, today: dt.date | None = None) -> str:
    """The starter for ``language``, set to the current quarter."""
    return _PERIOD_LINE.sub(f"period: {current_period(today)}", template(language), count=1)


def file_name(name: str | None) -> str:
    """A plain ``*.okr.yaml`` file name: ``sales`` and ``sales.yaml`` become ``sales.okr.yaml``."""
    name = (name or DEFAULT_NAME).strip()
    if not name or "/" in name or "\\" in name or name in (".", ".."):
        raise OkrlintError(f"--name must be a file name in the current folder, got {name!r}")
    if name.endswith(OKR_SUFFIXES):
        return name
    for suffix in (".yaml", ".yml"):
        name = name.removesuffix(suffix)
    return name + ".okr.yaml"


def default_language(configured: str | None, env: Mapping[str, str] | None = None) -> str:
    """The config's language, else Norwegian for a Norwegian locale, else English."""
    if configured in LANGUAGES:
        return configured
    env = os.environ if env is None else env
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(var, "").lower()
        if value:
            return "nb" if value.startswith(("nb", "no", "nn")) else "en"
    return "en"


def write_starter(folder: Path, name: str | None, language: str) -> Path:
    """Create the starter file; never overwrite one that exists."""
    target = folder / file_name(name)
    text = render(language)
    try:
        with target.open("x", encoding="utf-8") as out:  # "x": fail if it exists
            out.write(text)
    except FileExistsError:
        raise OkrlintError(
            f"{target.name} already exists; okrlint init never overwrites a file "
            "(choose another name with --name)"
        ) from None
    except OSError as exc:
        raise OkrlintError(f"cannot write {target.name}: {exc.strerror or exc}") from None
    return target
