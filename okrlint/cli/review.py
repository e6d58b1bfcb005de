"""'okrlint review': the same run as 'check' (the same options), with the review format, a
mark per element, its findings and hints, the scores and the most useful fixes, first."""

from __future__ import annotations

from okrlint.cli.app import cli
from okrlint.cli.check import CheckOptions, check, check_files


@cli.command(params=list(check.params))
def review(**params) -> int:
    """Review a draft: each objective and key result with a mark, the findings and hints
    under it, the scores, and the three most useful fixes.

    Takes the same options as 'check'; --format adds outputs to files, e.g.
    'okrlint review draft.md --format html:review.html'.
    """
    params["formats"] = ("review", *params["formats"])
    return check_files(CheckOptions(**params))
