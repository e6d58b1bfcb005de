"""Metric polarity: for "improve"/"forbedre"/"better", which way is better depends on the
metric. The language layer reads it from the metric's words (lexicon data per language) and
says which word decided."""

from __future__ import annotations

import pytest

from okrlint.language import analyse_texts

CASES = [
    # --- higher is better: keeping to a plan, what a customer spends at a time
    ("en", "Improve route-plan adherence from 88 % to 95 %", 1, "adherence"),
    ("en", "Improve average basket at the farm shop from £18 to £22", 1, "basket"),
    ("nb", "Forbedre snittkvitteringen i kafeen fra 140 kr til 165 kr", 1, "snittkvitteringen"),
    ("nb", "Forbedre ordreverdien i nettbutikken fra 620 kr til 700 kr", 1, "ordreverdien"),
    # requests met in time
    ("en", "Improve callouts attended within 2 hours from 81 % to 90 %", 1, "attended"),
    ("nb", "Forbedre andelen serviceoppdrag utført innen fristen fra 88 % til 95 %", 1, "utført"),
    # --- lower is better: times, durations, costs, errors, complaints, churn, waiting, backlog
    ("en", "Improve average call handling time from 9 to 7 minutes", -1, "time"),
    ("en", "Improve the cost per hire from $4,000 to $3,200", -1, "cost"),
    ("en", "Improve escaped defects per release from 12 to 5", -1, "defects"),
    ("en", "Improve the backlog of planning appeals from 300 to 120", -1, "backlog"),
    ("en", "Improve the number of customer complaints from 80 to 50", -1, "complaints"),
    ("en", "Improve monthly churn from 3 % to 2 %", -1, "churn"),
    ("en", "Improve first-contact waiting time at the front desk from 12 to 8 minutes", -1, "time"),
    ("en", "Waiting time at the pharmacy improved from 20 to 15 minutes", -1, "time"),
    ("en", "Improve median delivery from 5 days to 3 days", -1, "3 days"),
    (
        "nb",
        "Forbedre saksbehandlingstiden for parkeringstillatelser fra 30 til 20 dager",
        -1,
        "saksbehandlingstiden",
    ),
    ("nb", "Forbedre kostnaden per faktura fra 80 kr til 55 kr", -1, "kostnaden"),
    ("nb", "Forbedre andelen feilplukkede ordre fra 2 % til 1 %", -1, "feilplukkede"),
    ("nb", "Forbedre sykefraværet i avdelingen fra 8 % til 6 %", -1, "sykefraværet"),
    ("nb", "Forbedre antall skadesaker fra 40 til 25 i året", -1, "skadesaker"),
    ("nb", "Forbedre avviksprosenten fra 4 til 2", -1, "avviksprosenten"),
    # --- higher is better: rates, shares, revenue, satisfaction, counts of good things
    ("en", "Improve customer satisfaction with the app from 3.9 to 4.4", 1, "satisfaction"),
    ("en", "Improve the share of invoices paid on time from 70% to 85%", 1, "share"),
    ("en", "Improve delivery time accuracy from 80 % to 95 %", 1, "accuracy"),
    ("en", "Improve on-time departures from 86 % to 92 %", 1, "on-time"),
    ("en", "Improve resolution rate from 60% to 75%", 1, "resolution"),
    ("nb", "Forbedre kundetilfredsheten fra 4,1 til 4,5", 1, "kundetilfredsheten"),
    (
        "nb",
        "Forbedre svarprosenten i medarbeiderundersøkelsen fra 60 % til 80 %",
        1,
        "svarprosenten",
    ),
    ("nb", "Forbedre oppetiden på kassasystemet fra 99,0 % til 99,7 %", 1, "oppetiden"),
    ("nb", "Forbedre andelen elever som fullfører fra 78 % til 85 %", 1, "andelen"),
    ("en", "Improve days sales outstanding from 45 to 38", -1, "outstanding"),
    ("en", "Improve the share of parcels with damage from 2 % to 1 %", -1, "damage"),
    ("en", "Improve first-time fix rate from 64 % to 70 %", 1, "first-time"),
    ("en", "Better on-time arrivals from 79 % to 84 %", 1, "on-time"),
    ("en", "Improve average speed of answer from 55 to 40 seconds", -1, "speed"),
    ("nb", "Forbedre andelen fakturaer med feil fra 5 % til 3 %", -1, "feil"),
    ("nb", "Forbedre leveringspresisjonen fra 92 % til 96 %", 1, "leveringspresisjonen"),
    ("nb", "Bedre punktlighet på bybanen fra 85 % til 88 %", 1, "punktlighet"),
    ("nb", "Forbedre ventelisten fra 420 til 300 personer", -1, "ventelisten"),
    # --- leaving, lapsing and not paying are lower-better
    ("en", "Improve the card default rate from 1.4 % to 1.1 %", -1, "default"),
    ("en", "Student drop-out: improve from 12 % to 9 %", -1, "drop-out"),
    ("en", "Improve newsletter unsubscribes from 300 to 180 a month", -1, "unsubscribes"),
    ("nb", "Forbedre misligholdet på billån fra 2,2 % til 1,6 %", -1, "misligholdet"),
    ("nb", "Utmeldinger fra korpset: forbedre fra 15 til 8 i året", -1, "Utmeldinger"),
    # --- the words cannot say
    ("en", "Improve the pick rate of promoted items", 1, "rate"),
    ("en", "Improve onboarding from 3 steps to 5 steps", 0, None),
    ("nb", "Forbedre tidsplanen for prosjektet fra 4 til 6 faser", 0, None),
]


@pytest.mark.parametrize(("lang", "text", "polarity", "word"), CASES, ids=[c[1] for c in CASES])
def test_metric_polarity(lang: str, text: str, polarity: int, word: str | None) -> None:
    a = analyse_texts(lang, [text])[0]
    assert a.direction_better is True
    assert a.polarity == polarity
    assert (a.polarity_span.text if a.polarity_span else None) == word


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Reduce waiting time from 12 to 8 minutes"),
        ("nb", "Øke omsetningen fra 2 til 3 MNOK"),
    ],
)
def test_polarity_is_read_only_for_words_that_mean_better(lang: str, text: str) -> None:
    """An explicit direction ("reduce", "øke") needs no polarity: the verb says which way."""
    a = analyse_texts(lang, [text])[0]
    assert (a.direction_better, a.polarity, a.polarity_span) == (False, 0, None)
