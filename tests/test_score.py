"""The quality score: the documented formula, its reasons, and the --fail-under gate."""

from __future__ import annotations

import re
from pathlib import Path

from conftest import run_okrlint
from reports_factory import finding, kr, objective, report, sample

from okrlint.model import Document, Severity


def one_objective(krs, findings_for):
    o = objective("Be the place Oslo talks about, because word of mouth is cheap", 3, krs, id="o1")
    doc = Document("a.okr.yaml", "yaml", (o,), language="en")
    return report([doc], findings_for(doc, o))


def test_clean_document_scores_100_everywhere() -> None:
    scores = one_objective([kr("Grow from 1 to 2", 4)], lambda d, o: []).scores
    assert scores.overall == 100
    objective_score = scores.files[0].objectives[0]
    assert objective_score.score == 100 and objective_score.key_results[0].score == 100
    assert objective_score.own.reasons == ()


def test_an_error_on_a_key_result_costs_25_there_and_half_that_on_the_objective() -> None:
    bad, good = kr("Sell more", 4), kr("Grow from 1 to 2", 5)
    scores = one_objective([bad, good], lambda d, o: [finding(d.path, bad)]).scores
    o = scores.files[0].objectives[0]
    assert [k.score for k in o.key_results] == [75, 100]
    # (own 100 + mean of key results 87.5) / 2 = 93.75 -> 94
    assert o.score == 94
    assert scores.overall == 94
    (reason,) = o.key_results[0].reasons
    assert (reason.code, reason.points) == ("OKR201", 25)
    assert "OKR201" in str(reason) and "-25" in str(reason)


def test_severity_weights_and_floor_at_zero() -> None:
    target = kr("Sell more", 4)

    def many(d, o):
        return [finding(d.path, target, severity=Severity.ERROR) for _ in range(5)] + [
            finding(d.path, o, "OKR102", Severity.WARNING),
            finding(d.path, o, "OKR101", Severity.INFO),
        ]

    o = one_objective([target], many).scores.files[0].objectives[0]
    assert o.key_results[0].score == 0  # 100 - 5 * 25, never below 0
    assert o.own.score == 100 - 10 - 3
    assert o.score == 44  # (87 + 0) / 2 = 43.5 rounds half up


def test_document_findings_lower_the_file_and_unreadable_files_are_not_scored() -> None:
    o = objective("Be loved, because it pays", 3, [kr("Grow from 1 to 2", 4)])
    doc = Document("a.okr.yaml", "yaml", (o,), language="en")
    doc_finding = finding(doc.path, None, "OKR101", Severity.WARNING, "document has no period")
    scores = report([doc], [doc_finding], errors={"b.okr.yaml": "bad"}).scores
    assert scores.file("a.okr.yaml").score == 90
    assert [r.message for r in scores.file("a.okr.yaml").reasons] == ["document has no period"]
    assert scores.file("b.okr.yaml").score is None
    assert scores.overall == 90  # the unreadable file does not count


def test_overall_weighs_files_by_objectives() -> None:
    def doc(path: str, n: int) -> Document:
        objs = tuple(
            objective(f"Objective {i}, because", i * 3 + 1, [kr(f"KR {i} from 1 to 2", i * 3 + 2)])
            for i in range(n)
        )
        return Document(path, "yaml", objs, language="en")

    big, small = doc("big.okr.yaml", 3), doc("small.okr.yaml", 1)
    bad = small.objectives[0].key_results[0]
    scores = report([big, small], [finding(small.path, bad)]).scores
    assert scores.file("small.okr.yaml").score == 88  # (100 + 75) / 2 = 87.5 -> 88
    assert scores.overall == 97  # (3 * 100 + 1 * 88) / 4 = 97


def test_scores_serialise_with_reasons_and_formula() -> None:
    data = sample().scores.to_dict()
    assert data["weights"] == {"error": 25, "warning": 10, "info": 3}
    assert "penalties" in data["formula"]
    growth = next(f for f in data["files"] if f["path"] == "okrs/growth.okr.yaml")
    first = growth["objectives"][0]
    assert [r["code"] for r in first["reasons"]] == ["OKR101", "OKR102"]
    assert first["own_score"] == 65


DRAFT = """\
language: en
period: Q3 2025
objectives:
  - title: Increase revenue by 30%
    key_results:
      - Get more followers
      - Grow the loyalty club from 1,000 to 2,000 members
"""


def test_fail_under_gates_the_exit_status(tmp_path: Path) -> None:
    (tmp_path / "draft.okr.yaml").write_text(DRAFT, encoding="utf-8")
    shown = run_okrlint("check", "--exit-zero", "draft.okr.yaml", cwd=tmp_path)
    match = re.search(r"Quality score (\d+)/100\.", shown.out)
    assert match, shown.out
    score = int(match[1])
    assert 0 < score < 100  # the draft has findings
    at = run_okrlint(
        "check", "--exit-zero", "--fail-under", str(score), "draft.okr.yaml", cwd=tmp_path
    )
    assert at.code == 0, at.err
    above = run_okrlint(
        "check", "--exit-zero", "--fail-under", str(score + 1), "draft.okr.yaml", cwd=tmp_path
    )
    assert above.code == 1
    assert f"quality score {score} is below --fail-under {score + 1}" in above.err
    wrong = run_okrlint("check", "--fail-under", "101", "draft.okr.yaml", cwd=tmp_path)
    assert wrong.code == 2 and "Traceback" not in wrong.err


def test_the_overall_score_alone_is_the_overall_of_the_whole_scoring() -> None:
    """The text report computes the overall score without every element's score and
    reasons; over every fixture file, one by one and all together, it is the same number."""
    from dataclasses import replace

    from okrlint.config import Config
    from okrlint.runner import RunOptions, check
    from okrlint.score import compute_scores, overall_score

    fixtures = Path(__file__).resolve().parents[1] / "fixtures"
    whole = check([str(fixtures)], Config(), RunOptions(use_cache=False, jobs=1))
    singles = [replace(whole, files=(f,), findings=whole.findings_in(f.path)) for f in whole.files]
    values = [compute_scores(r).overall for r in (whole, *singles)]
    assert [overall_score(r) for r in (whole, *singles)] == values
    assert len(set(values)) > 10  # many different scores
    assert whole.overall_score == values[0] == whole.scores.overall
