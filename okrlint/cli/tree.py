"""'okrlint tree': the company -> team cascade as indented text, each objective with its
finding count and score, and the files that joined only as context marked 'not checked'."""

from __future__ import annotations

import click

from okrlint.cli.app import EXIT_ERROR, EXIT_OK, cli
from okrlint.cli.settings import load_config
from okrlint.cli.terminal import echo_input_error


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=str))
@click.option(
    "--language",
    type=click.Choice(["en", "nb"]),
    help="Language of the input (default: from the file, config, or detected).",
)
@click.option(
    "--config", "config_path", metavar="FILE", help="Use this config file instead of searching."
)
def tree(paths, language, config_path):
    """Show the cascade: company objectives, the key results teams build on, and the team
    objectives under them, with each objective's finding count and score.

    Files matched by 'alignment.include' in config join the tree (marked 'not checked').
    """
    from okrlint.alignment import OkrSet, context_files, read_context
    from okrlint.runner import RunOptions
    from okrlint.runner import check as run_check

    paths = paths or (".",)
    config = load_config(config_path, paths).with_overrides(language=language)
    report = run_check(paths, config, RunOptions(language=language))
    documents = [d for f in report.files for d in f.documents]
    context = read_context(context_files(config, [f.path for f in report.files]), config)
    for line in tree_lines(OkrSet([*documents, *context]), report):
        click.echo(line)
    for f in report.findings:
        if f.code == "OKR000":
            echo_input_error(f)
    return EXIT_ERROR if report.has_errors else EXIT_OK


def tree_lines(the_set, report) -> list[str]:
    """The tree as indented text, two spaces per level."""
    from okrlint.alignment import tree_rows
    from okrlint.score import element_key, locate

    checked = {f.path for f in report.files}
    # findings per element (kind, line and column): two objectives on one line are two
    placed = locate([d for f in report.files for d in f.documents], report.findings)
    scores = getattr(report, "scores", None) if _has_scores() else None
    lines = []
    for row in tree_rows(the_set):
        node, pad = row.node, "  " * row.depth
        if node.element is not node.objective:
            lines.append(f"{pad}↳ key result {node.element.id or ''}: {node.element.text}")
            continue
        objective, doc = node.objective, node.document
        about = ", ".join(x for x in (objective.level, objective.owner or doc.owner) if x)
        text = "(key results under no objective)" if objective.unnamed else objective.text
        head = f"{pad}{objective.id + ': ' if objective.id else ''}{text}"
        where = f"{doc.path}:{objective.span.line}"
        if objective.span.sheet is not None:
            where += f" (sheet '{objective.span.sheet}')"
        if doc.path not in checked:
            tail = "not checked"
        else:
            elements = (objective, *objective.key_results, *objective.actions)
            count = sum(len(placed.get(element_key(doc.path, e), ())) for e in elements)
            tail = f"{count} finding{'' if count == 1 else 's'}"
            found = scores.objective(doc.path, objective) if scores else None
            if found is not None:
                tail += f", score {found.score}"
        lines.append(f"{head}  ({about + '; ' if about else ''}{where}; {tail})")
        if row.note:
            lines.append(f"{pad}  ! {row.note}")
    return lines


def _has_scores() -> bool:
    from importlib.util import find_spec

    return find_spec("okrlint.score") is not None
