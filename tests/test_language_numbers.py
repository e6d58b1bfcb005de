"""Numbers in both languages: separators, units, scales, and what is *not* a quantity."""

from __future__ import annotations

import pytest

from okrlint.errors import OkrlintError
from okrlint.language import analyse_texts, detect_language, get_nlp, load_lexicon
from okrlint.language.analysis import QuantityKind

A, P, C, M, D = (
    QuantityKind.ABSOLUTE,
    QuantityKind.PERCENT,
    QuantityKind.CURRENCY,
    QuantityKind.MULTIPLIER,
    QuantityKind.DURATION,
)

# (lang, text, [(value, kind, unit), ...]) — every real quantity, in order.
QUANTITIES = [
    ("nb", "Nå 100 000 brukere", [(100_000, A, None)]),
    ("nb", "Nå 1 000 000 nedlastinger", [(1_000_000, A, None)]),
    ("nb", "Nå 1\u00a0000 betalende kunder", [(1000, A, None)]),
    ("nb", "Omsetning på 1.000 kr per kunde", [(1000, C, "kr")]),
    ("nb", "Snittkarakter 1,5 høyere", [(1.5, A, None)]),
    ("nb", "Snittkarakter 1.5 høyere", [(1.5, A, None)]),
    ("nb", "Øke marginen med 30 %", [(30, P, "%")]),
    ("nb", "Øke marginen med 30%", [(30, P, "%")]),
    ("nb", "Øke marginen med 15 prosent", [(15, P, "%")]),
    ("nb", "Øke andelen med 4 pst.", [(4, P, "%")]),
    ("nb", "Spare 1 500 kr per ansatt", [(1500, C, "kr")]),
    ("nb", "Hente NOK 2 mill. i investeringer", [(2_000_000, C, "kr")]),
    ("nb", "Omsetning på 5 millioner kroner", [(5_000_000, C, "kr")]),
    ("nb", "Budsjett på 2,5 MNOK", [(2_500_000, C, "kr")]),
    ("nb", "Eksportinntekter på 3 mrd. kroner", [(3_000_000_000, C, "kr")]),
    ("nb", "Nå 250 tusen lyttere", [(250_000, A, None)]),
    ("nb", "Ventetid på 5 minutter", [(5, D, "min")]),
    ("nb", "Leveringstid under 24 timer", [(24, D, "h")]),
    ("nb", "Tidoble antall betalende brukere", [(10, M, "x")]),
    ("nb", "2x flere demoer", [(2, M, "x")]),
    ("nb", "Halvering av feilraten", [(0.5, M, "x")]),
    ("nb", "Sju nye butikker og tolv nye franchisetakere", [(7, A, None), (12, A, None)]),
    ("nb", "Fra ti til to minutter i kø", [(10, D, "min"), (2, D, "min")]),
    ("nb", "Hundre nye medlemmer", [(100, A, None)]),
    ("nb", "Fem millioner i nytt salg", [(5_000_000, A, None)]),
    ("nb", "Et nytt kontor i Trondheim", [(1, A, None)]),
    ("nb", "En kunde har klaget", []),
    ("nb", "Prisen er 1 500,- per måned", [(1500, C, "kr")]),
    # a duration in two units is one, in the smaller unit
    ("nb", "Ventetid fra 3 min 45 s til 2 min", [(225, D, "s"), (2, D, "min")]),
    ("nb", "Saksbehandling på 1 t 20 min", [(80, D, "min")]),
    ("en", "Average call length 6 min 10 s", [(370, D, "s")]),
    ("en", "Turnaround of 2 hours 15 minutes", [(135, D, "min")]),
    ("en", "Reach 1,000 paying users", [(1000, A, None)]),
    ("en", "Reach 1.5 million listeners", [(1_500_000, A, None)]),
    ("en", "Raise $2M in seed funding", [(2_000_000, C, "usd")]),
    ("en", "Close USD 1.2m in new ARR", [(1_200_000, C, "usd")]),
    ("en", "Grow to 10k MAU", [(10_000, A, None)]),
    ("en", "Cut cloud spend by €500 per month", [(500, C, "eur")]),
    ("en", "Handle 3 days of peak load", [(3, D, "day")]),
    ("en", "Ship every 2 weeks", [(2, D, "week")]),
    ("en", "Respond in 5min or less", [(5, D, "min")]),
    ("en", "Improve throughput tenfold", [(10, M, "x")]),
    ("en", "Twenty new reseller agreements", [(20, A, None)]),
    ("en", "A dozen customer references", [(12, A, None)]),
    ("en", "Three hundred new sign-ups", [(300, A, None)]),
    ("en", "Increase retention by 20 percent", [(20, P, "%")]),
    ("en", "Raise NPS by 12 pct", [(12, P, "%")]),
    ("en", "Send reminders 3 times per week", [(3, A, "times")]),
    ("en", "Sell 2 billion impressions", [(2_000_000_000, A, None)]),
    # unusual units and "at least" suffixes are still quantities
    ("en", "Back up 1TB++ of research data", [(1, A, "tb")]),
    ("en", "Win 50+ new partners", [(50, A, None)]),
    ("nb", "Verve 40+ nye frivillige", [(40, A, None)]),
    ("nb", "Lagre 2TB+ med bilder", [(2, A, "tb")]),
    (
        "en",
        "Cut changeover time from 50 to 30 minutes (−40%)",
        [(50, D, "min"), (30, D, "min"), (40, P, "%")],
    ),
]

# Numbers that are not quantities: years, quarters, dates, versions, names, deadlines.
NOT_QUANTITIES = [
    ("nb", "Lansere ny nettbutikk i 2025"),
    ("nb", "Ferdig innen Q4 2025"),
    ("nb", "Levert i 3. kvartal"),
    ("nb", "Klar til lansering 1. mars"),
    ("nb", "Go-live 15.03.2025"),
    ("nb", "Oppgradere til versjon 2"),
    ("nb", "Rangere på side én i Google"),
    ("nb", "Ferdig innen to måneder"),
    ("nb", "Ny løsning på plass innen utgangen av Q2"),
    ("nb", "Møte kl. 14 hver fredag"),
    ("nb", "Kampanje i uke 12"),
    ("nb", "Budsjett for 2026 godkjent før 1. desember"),
    ("en", "Launch the 2.0 release"),
    ("en", "Support iOS 17 and Android 14"),
    ("en", "Migrate all servers to Windows 11"),
    ("en", "Fix all P1 bugs"),
    ("en", "Run K8s in production"),
    ("en", "Complete the audit by end of March"),
    ("en", "Ship the redesign before Q4"),
    ("en", "Go live within 6 weeks"),
    ("en", "Go live by March 1st"),
    ("en", "Ready for the FY25 budget round"),
    ("en", "Close the books for 2024"),
    ("en", "Stand-up at 9am every day"),
    ("en", "Migrate the data to the new warehouse"),
    ("en", "Deliver our first enterprise pilot"),
    ("en", "Pass the ISO 27001 audit"),
    ("en", "Publish v2 of the API guidelines"),
]


@pytest.mark.parametrize(("lang", "text", "expected"), QUANTITIES, ids=[q[1] for q in QUANTITIES])
def test_quantities(lang: str, text: str, expected: list) -> None:
    a = analyse_texts(lang, [text])[0]
    found = [(q.value, q.kind, q.unit) for q in a.quantities if not q.placeholder]
    assert found == expected
    for q in a.quantities:
        assert text[q.start : q.end] == q.text


@pytest.mark.parametrize(("lang", "text"), NOT_QUANTITIES, ids=[t for _, t in NOT_QUANTITIES])
def test_not_quantities(lang: str, text: str) -> None:
    a = analyse_texts(lang, [text])[0]
    assert a.quantities == (), [q.text for q in a.quantities]


def test_norwegian_to_is_a_number_only_in_norwegian() -> None:
    nb = analyse_texts("nb", ["Ansette to nye utviklere"])[0]
    en = analyse_texts("en", ["Move to 200 stores and to new markets"])[0]
    assert [q.value for q in nb.quantities] == [2]
    assert [q.value for q in en.quantities] == [200]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Økt omsetning i bedriften", "nb"),
        ("Redusere ventetid fra ti til fem minutter", "nb"),
        ("Ti nye publiserte blogginnlegg", "nb"),
        ("Få flere kunder fordi vi vil vokse", "nb"),
        ("Increase revenue by 20% because we need to grow", "en"),
        ("Hire 2 engineers for the platform team", "en"),
        ("Launch in Germany to prove the model works", "en"),
        ("NPS 50", "en"),
        ("", "en"),
    ],
)
def test_detect_language(text: str, lang: str) -> None:
    assert detect_language(text) == lang


def test_pipeline_is_built_once_and_blank() -> None:
    nlp = get_nlp("nb")
    assert nlp is get_nlp("nb")
    assert nlp.pipe_names == ["okrlint_markers", "okrlint_quantities", "okrlint_meaning"]


def test_unsupported_language_is_a_clean_error() -> None:
    with pytest.raises(OkrlintError):
        load_lexicon("de")
    with pytest.raises(OkrlintError):
        analyse_texts("de", ["Umsatz steigern"])


def test_every_lexicon_has_the_same_sections() -> None:
    en, nb = load_lexicon("en"), load_lexicon("nb")
    assert set(en.markers) == set(nb.markers)
    assert set(en.verbs) == set(nb.verbs)
    for lex in (en, nb):
        assert all(forms for forms in lex.verbs.values()), lex.lang


def test_empty_and_odd_texts_do_not_break() -> None:
    texts = ["", "   ", "???", "→", "1", "fra til", "x", "100 000 000 000 000", "--", "«»"]
    assert len(analyse_texts("nb", texts)) == len(texts)
    assert len(analyse_texts("en", texts)) == len(texts)


def test_a_large_batch_keeps_every_result_in_place() -> None:
    texts = [
        f"Øke salget fra {i} 000 kr til {i + 1} 500 kr innen Q{i % 4 + 1}" for i in range(1, 400)
    ]
    out = analyse_texts("nb", texts)
    assert [a.change.baseline.value for a in out] == [i * 1000 for i in range(1, 400)]
    assert all(a.deadlines[0].text.startswith("innen Q") for a in out)


@pytest.mark.parametrize("lang", ["en", "nb"])
def test_every_lexicon_word_is_text(lang: str) -> None:
    """YAML reads a bare on/off/yes/no as a boolean: a word list must quote them."""
    from importlib import resources

    import yaml

    source = resources.files("okrlint.rules.lexicons").joinpath(f"{lang}.yaml").read_text("utf-8")
    found: list[str] = []

    def walk(node, path: str) -> None:
        if isinstance(node, list):
            found.extend(f"{path}[{i}]" for i, v in enumerate(node) if isinstance(v, bool))
            for i, v in enumerate(node):
                walk(v, f"{path}[{i}]")
        elif isinstance(node, dict):
            for key, value in node.items():
                walk(value, f"{path}/{key}")

    walk(yaml.safe_load(source), "")
    assert found == []
