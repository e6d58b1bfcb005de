"""The configuration a command runs with: the config file named with ``--config`` or found
by walking up from the first path, with the command line's choices on top. 'check',
'review' and 'config show' apply those choices through one ``Overrides``, so they can never
disagree about what ``--select`` or ``--ignore`` mean."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from okrlint.errors import OkrlintError

SEVERITIES = ("info", "warning", "error")
MESSAGE_CHOICES = ("en", "nb", "auto")


def split(values: tuple[str, ...]) -> tuple[str, ...]:
    """``--select A,B --select C`` -> (A, B, C)."""
    return tuple(p.strip() for v in values for p in v.split(",") if p.strip())


@dataclass(frozen=True)
class Overrides:
    """The config settings given on the command line, as click parsed them.

    ``--select`` replaces the configured selection; ``--extend-select`` and ``--ignore`` add
    to what the config lists; the rest replace the configured value when given.
    """

    select: tuple[str, ...] = ()
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    fail_level: str | None = None
    language: str | None = None
    messages: str | None = None

    def apply(self, config):
        from okrlint.model import Severity

        extend_select, ignore = self.extend_select, self.ignore
        return config.with_overrides(
            select=split(self.select) or None,
            extend_select=(config.extend_select + split(extend_select)) if extend_select else None,
            ignore=(config.ignore + split(ignore)) if ignore else None,
            fail_level=Severity.parse(self.fail_level) if self.fail_level else None,
            language=self.language,
            messages=self.messages,
        )


def load_config(config_path: str | None, paths: tuple[str, ...]):
    """The config named with ``--config``, else the one found from the first path (or the
    current folder when no path is given or the first does not exist)."""
    from okrlint.config import find_config, load_config_file
    from okrlint.i18n import _

    if config_path:
        found = load_config_file(Path(config_path))
        if found is None:
            message = _("{path} has no [tool.okrlint] section", path=config_path)
            raise OkrlintError(message, config_path)
        return found
    start = next((Path(p) for p in paths if p != "-"), Path.cwd())
    return find_config(start if start.exists() else Path.cwd())


def reading_language(messages: str | None, config) -> str:
    """The language of 'explain' and 'rules', which read no document: --messages, else
    'messages' or 'language' in config, else the user's locale, else English."""
    from okrlint.i18n import LANGUAGES, language_of_locale

    for choice in (messages, config.messages, config.language):
        if choice in LANGUAGES:
            return choice
    return language_of_locale(os.environ) or "en"
