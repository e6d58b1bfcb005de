"""The result of one run, as every reporter sees it."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property

from okrlint import __version__
from okrlint.model import Document, Finding, Severity
from okrlint.rule import Rule


@dataclass(frozen=True)
class FileResult:
    path: str
    format: str | None = None
    language: str | None = None
    language_source: str | None = None
    documents: tuple[Document, ...] = ()
    errors: int = 0

    @property
    def objectives(self) -> int:
        """Objectives with a text (key results read under none are not counted)."""
        return sum(1 for d in self.documents for o in d.objectives if not o.unnamed)

    @property
    def key_results(self) -> int:
        return sum(d.key_result_count for d in self.documents)

    @property
    def actions(self) -> int:
        return sum(d.action_count for d in self.documents)


@dataclass(frozen=True)
class Report:
    files: tuple[FileResult, ...]
    findings: tuple[Finding, ...]
    rules: tuple[Rule, ...] = ()  # the rules that ran
    fail_level: Severity = Severity.WARNING
    version: str = __version__
    extra: dict = field(default_factory=dict)  # data other features attach (scores, tree, …)
    # the language the report speaks: "en" or "nb" for every word of it (--messages, or
    # `messages` in config); None to say each file's findings in the file's language
    messages: str | None = None
    # the language when no file decides it (a tie, nothing readable): the user's locale
    fallback_language: str = "en"

    @cached_property
    def language(self) -> str:
        """The language of the summary and of everything that belongs to no one file:
        ``messages`` when set, else the language most files are written in."""
        if self.messages:
            return self.messages
        counts = Counter(f.language for f in self.files if f.language and not f.errors)
        ranked = counts.most_common(2)
        if not ranked or (len(ranked) == 2 and ranked[0][1] == ranked[1][1]):
            return self.fallback_language
        return ranked[0][0]

    def language_of(self, finding: Finding) -> str:
        """The language a finding is said in: its element's, unless the report speaks one."""
        return self.messages or finding.language or self.language

    def file_language(self, result: FileResult) -> str:
        """The language of a file's part of the report (its headings and labels)."""
        return self.messages or (result.language if not result.errors else None) or self.language

    @property
    def has_errors(self) -> bool:
        """A file could not be read or parsed (OKR000)."""
        return any(f.errors for f in self.files)

    @property
    def failing(self) -> tuple[Finding, ...]:
        failing = {s._value_ for s in Severity if s.rank >= self.fail_level.rank}
        return tuple(
            f for f in self.findings if f.code != "OKR000" and f.severity._value_ in failing
        )

    def counts(self) -> dict[str, int]:
        # ``_value_``: a plain attribute, where ``.value`` is an enum property (every finding)
        by = Counter(f.severity._value_ for f in self.findings if f.code != "OKR000")
        return {s.value: by.get(s.value, 0) for s in reversed(Severity)}

    def by_code(self) -> dict[str, int]:
        return dict(sorted(Counter(f.code for f in self.findings).items()))

    def summary(self) -> dict:
        by_severity = self.counts()
        return {
            "files": len(self.files),
            "objectives": sum([f.objectives for f in self.files]),
            "key_results": sum([f.key_results for f in self.files]),
            "actions": sum([f.actions for f in self.files]),
            "findings": sum(by_severity.values()),  # every finding but OKR000, as counted
            "errors": sum([f.errors for f in self.files]),
            "by_severity": by_severity,
            "by_code": self.by_code(),
            "fail_level": self.fail_level.value,
            "failed": any(by_severity[s.value] for s in Severity if s.rank >= self.fail_level.rank),
        }

    def findings_in(self, path: str) -> tuple[Finding, ...]:
        """The findings of one file, in report order (indexed once: a reporter asking for
        each of 20 000 files no longer scans every finding each time)."""
        return self._by_path.get(path, ())

    @cached_property
    def _by_path(self) -> dict[str, tuple[Finding, ...]]:
        grouped: dict[str, list[Finding]] = {}
        for f in self.findings:
            grouped.setdefault(f.path, []).append(f)
        return {path: tuple(found) for path, found in grouped.items()}

    @cached_property
    def scores(self):  # -> okrlint.score.Scores; imported lazily
        """The quality scores of this run (see okrlint.score for the formula)."""
        from okrlint.score import compute_scores

        return compute_scores(self)

    @cached_property
    def overall_score(self) -> int | None:
        """``scores.overall``, computed alone unless the scores are already there."""
        if "scores" in self.__dict__:  # cached_property keeps its value there
            return self.scores.overall
        from okrlint.score import overall_score

        return overall_score(self)

    @property
    def exit_code(self) -> int:
        if self.has_errors:
            return 2
        return 1 if self.failing else 0
