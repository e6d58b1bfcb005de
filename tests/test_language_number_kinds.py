"""What a number is, in context: every number-like token gets one decision with a reason.

Each case lists every number-like token of a sentence with its kind, in text order. Only
quantities measure anything; the rest explain why a key result with "ISO 9001" or "Microsoft
365" in it still has no number.
"""

from __future__ import annotations

import pytest

from okrlint.language import analyse_texts
from okrlint.language.analysis import NumberKind

Q, DATE, ID, ORD, PH, WORD = (
    NumberKind.QUANTITY,
    NumberKind.DATE,
    NumberKind.IDENTIFIER,
    NumberKind.ORDINAL,
    NumberKind.PLACEHOLDER,
    NumberKind.WORD,
)

CASES = [
    # --- identifiers: standards, versions, references, names, tiers and levels
    ("en", "Achieve ISO 9001 certification for the Leeds depot", [("9001", ID)]),
    ("en", "Roll out TLS 1.3 on every public endpoint", [("1.3", ID)]),
    ("en", "Move the booking flow to OAuth 2.0", [("2.0", ID)]),
    ("en", "Pass the SOC 2 audit without findings", [("2", ID)]),
    ("en", "Meet the duties in section 7 of the tenancy act", [("7", ID)]),
    ("en", "Comply with § 4 of the procurement rules", [("4", ID)]),
    ("en", "Every grade 7–9 pupil has a reading buddy", [("7–9", ID)]),
    ("en", "Train band 5 nurses in sepsis screening", [("5", ID)]),
    ("en", "Open a pop-up shop inside 7-Eleven stations", [("7-Eleven", ID)]),
    ("en", "Bring Quicklink 3 to Android users", [("3", ID)]),
    ("en", "Install firmware 4.2.1 on all scanners", [("4.2.1", ID)]),
    ("en", "Resolve every tier 2 ticket in the helpdesk", [("2", ID)]),
    ("nb", "Oppnå sertifisering etter NS 3420 i alle prosjekter", [("3420", ID)]),
    ("nb", "Følge kravene i arbeidsmiljøloven § 14", [("14", ID)]),
    ("nb", "Oppfylle personvernforordningen artikkel 32 for alle systemer", [("32", ID)]),
    ("nb", "Innføre Visma 7 i regnskapsavdelingen", [("7", ID)]),
    ("nb", "Nå sikkerhetsnivå 3 på alle tjenester", [("3", ID)]),
    ("nb", "Oppgradere til Windows 11 på alle kontorer", [("11", ID)]),
    # --- numbered parts of a series, routes and names with a number
    ("en", "Win back lapsed viewers before Season 4 premieres", [("4", ID)]),
    ("en", "Sponsor the Formula 2 junior team in Monza", [("2", ID)]),
    ("en", "Publish episode 40 with a guest from the council", [("40", ID)]),
    ("nb", "Få flere passasjerer på samband 7 over fjorden", [("7", ID)]),
    ("nb", "Lansere sesong 2 av podkasten for lærlinger", [("2", ID)]),
    ("nb", "Kjøre busslinje 31 hvert tiende minutt", [("31", ID)]),
    ("en", "Put bus 12 on battery power", [("12", ID)]),
    ("en", "Promote the women's team out of Division 3", [("3", ID)]),
    ("nb", "Ny gang- og sykkelvei langs fylkesvei 24", [("24", ID)]),
    ("nb", "Rykke opp fra divisjon 4 med juniorlaget", [("4", ID)]),
    # --- ages and age groups say who is counted
    ("en", "Grow weekly swims by 8–12 year-olds", [("8–12 year-olds", ID)]),
    (
        "en",
        "Free flu jabs for residents aged 70 from 40 % to 60 %",
        [("70", ID), ("40 %", Q), ("60 %", Q)],
    ),
    ("nb", "Flere 16–19-åringer på kveldsåpent", [("16–19-åringer", ID)]),
    (
        "nb",
        "Svømmedyktige barn i alderen 6–9 fra 55 % til 75 %",
        [("6–9", ID), ("55 %", Q), ("75 %", Q)],
    ),
    # --- a word that labels or states a target: "goal 3 of the plan" or "goal 90 %"
    ("en", "Deliver goal 4 of the county plan", [("4", ID)]),
    ("en", "Repeat donors, today 310, goal 400", [("310", Q), ("400", Q)]),
    ("nb", "Støtte mål 2.1 i kommuneplanen", [("2.1", ID)]),
    ("nb", "Andel digitale søknader: nå 44 %, mål 70 %", [("44 %", Q), ("70 %", Q)]),
    # --- dates, deadlines, periods, years and clock times
    ("en", "Go live in all stores by 1 March", [("1", DATE)]),
    ("en", "Launch the loyalty app in Q2 2027", [("Q2", DATE), ("2027", DATE)]),
    ("nb", "Klar innen 15.09.2026", [("15.09.2026", DATE)]),
    ("nb", "Åpningstid fra kl. 07:00", [("07:00", DATE)]),
    # --- ordinals and ranks
    ("en", "Be the #1 bakery on the review site", [("1", ORD)]),
    ("nb", "Bli nr. 1 på kundetilfredshet i bransjen", [("1", ORD)]),
    ("nb", "Levere alt i 2. tertial", [("2.", DATE)]),
    ("nb", "Rykke opp til 3. divisjon i serien", [("3.", ORD)]),
    ("nb", "Komme blant topp 5 i bransjekåringen", [("5", ORD)]),
    # --- quantities beside identifiers
    ("en", "Cut TLS 1.2 traffic from 40 % to 5 %", [("1.2", ID), ("40 %", Q), ("5 %", Q)]),
    ("en", "NPS 45 in the autumn survey", [("45", Q)]),
    ("nb", "Redusere feil i Visma 7 fra 30 til 10 per uke", [("7", ID), ("30", Q), ("10", Q)]),
    # --- zero as a target level, and articles that mean one per period
    ("en", "No unplanned outages during the peak season", [("No", Q)]),
    ("en", "Finish the migration with no lost orders", [("no", Q)]),
    ("en", "Publish a customer story every month", [("a", Q)]),
    ("en", "Test the backups twice a month", [("twice", Q)]),
    ("en", "Reply no later than the next working day", []),
    ("nb", "Ingen alvorlige avvik ved neste tilsyn", [("Ingen", Q)]),
    ("en", "No P2 incidents during the stocktake", [("No", Q), ("P2", ID)]),
    ("nb", "Ingen A1-avvik på byggeplassen", [("Ingen", Q), ("A1-avvik", ID)]),
    ("nb", "Holde et frokostseminar for kunder hvert kvartal", [("et", Q)]),
    ("en", "Run a reading challenge every school holiday", [("a", Q)]),
    ("en", "Open a pop-up stall in every market town", []),
    ("nb", "Holde et åpent møte hver torsdag", [("et", Q)]),
    ("nb", "Sende nyhetsbrev hver måned", []),
    ("nb", "Lage en ny turistbrosjyre", [("en", WORD)]),
    # --- idioms with a number word in them
    ("en", "Double down on repeat customers", [("Double", WORD)]),
    ("nb", "Satse dobbelt på turistmarkedet", [("dobbelt", WORD)]),
    ("en", "Double repeat orders", [("Double", Q)]),
    # --- placeholders in every common form
    ("en", "Grow partner revenue to $X", [("$X", PH)]),
    ("en", "Raise £Q from the winter appeal", [("£Q", PH)]),
    ("en", "Cut returns to [target] by Q3", [("[target]", PH), ("Q3", DATE)]),
    ("en", "Reduce churn by <N>%", [("<N>%", PH)]),
    ("en", "Lift repeat orders by ??%", [("??%", PH)]),
    ("en", "Move the on-time rate to TBD", [("TBD", PH)]),
    ("en", "Onboard x new clinics", [("x", PH)]),
    ("en", "Key result 3", [("3", PH)]),
    ("nb", "Øke omsetningen med NOK X mill.", [("NOK X", PH)]),
    ("nb", "Verve [antall] nye medlemmer til korpset", [("[antall]", PH)]),
    ("nb", "Øke svarprosenten til ?? %", [("?? %", PH)]),
    ("nb", "Nøkkelresultat n", [("n", PH)]),
    ("en", "Move pick-and-pack into DC 4 and warehouse 7", [("4", ID), ("7", ID)]),
    ("en", "Upgrade every till to Retail Suite 2025.2", [("2025.2", ID)]),
    ("nb", "Flytte plukk til pakkestasjon 3–6 og høylager 2", [("3–6", ID), ("2", ID)]),
    ("nb", "Ta i bruk Helse-appen 3.0 på alle avdelinger", [("3.0", ID)]),
    ("nb", "Innføre nytt kassasystem | – | Q2 2027", [("Q2", DATE), ("2027", DATE)]),
    ("en", "Bring 4DX screenings to the Leeds site", [("4DX", ID)]),
    # names with numbers: four digits that are no year, "+" after, a definite word before,
    # a version after a capitalised common word, a method written in capitals
    ("en", "Get shelf space at Coop 365", [("365", ID)]),
    ("en", "Stock the Active 50+ range in every store", [("50", ID)]),
    ("en", "Redesign the Nova 3 stroller for flat packing", [("3", ID)]),
    ("en", "Launch Atlas 2 to 400 users", [("2", ID), ("400", Q)]),
    ("nb", "Få hyllerom hos Kiwi 1000 i Trøndelag", [("1000", ID)]),
    ("nb", "Ta i bruk journalsystemet Kontakt 3.0 på alle avdelinger", [("3.0", ID)]),
    ("nb", "Innføre 5S på lageret i Moss", [("5S", ID)]),
    ("nb", "Redusere ventetiden fra 30 s til 10 s", [("30 s", Q), ("10 s", Q)]),
    ("en", "Turn on 2FA for every admin account", [("2FA", ID)]),
    ("nb", "Flytte kundene over på 5G SA", [("5G", ID)]),
    ("en", "Deliver hull 214 before the sea trials", [("214", ID)]),
    ("en", "Hold churn below <target>%", [("<target>%", PH)]),
    ("en", "Lift repeat visits to XX.X %", [("XX.X %", PH)]),
    ("en", "Sell ___ season tickets", [("___", PH)]),
    ("en", "Key Result #6", [("6", PH)]),
    ("nb", "Selge ___ sesongkort", [("___", PH)]),
    ("nb", "Nøkkelresultat #4", [("#4", PH)]),
]


@pytest.mark.parametrize(("lang", "text", "expected"), CASES, ids=[c[1] for c in CASES])
def test_every_number_like_token_is_decided(lang: str, text: str, expected: list) -> None:
    a = analyse_texts(lang, [text])[0]
    assert [(r.text, r.kind) for r in a.numbers] == expected
    for r in a.numbers:
        assert text[r.start : r.end] == r.text
        assert r.reason


@pytest.mark.parametrize(
    ("lang", "text", "token", "reason"),
    [
        ("en", "Achieve ISO 9001 certification", "9001", "a standard or specification («ISO»)"),
        ("en", "Move to OAuth 2.0", "2.0", "a standard or specification («OAuth»)"),
        ("en", "Bring Quicklink 3 to Android", "3", "part of the name «Quicklink 3»"),
        ("en", "Go live by Q3", "Q3", "part of the deadline «by Q3»"),
        ("en", "Publish a customer story every month", "a", "one per period"),
        ("en", "Test the backups twice a month", "twice", "2 times per period"),
        ("nb", "Nå sikkerhetsnivå 3", "3", "a class or level after «sikkerhetsnivå»"),
        ("nb", "Ingen alvorlige avvik", "Ingen", "zero as the target level"),
        ("nb", "Bli nr. 1 i regionen", "1", "a rank after «nr.»"),
    ],
)
def test_each_decision_says_why(lang: str, text: str, token: str, reason: str) -> None:
    a = analyse_texts(lang, [text])[0]
    assert {r.text: r.reason for r in a.numbers}[token] == reason


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Upgrade the intranet to WCAG 2.2 level AA"),
        ("en", "Get the lab accredited to ISO 15189"),
        ("en", "Reach tier 3 support in the partner programme"),
        ("nb", "Ta i bruk Visma 7 i hele økonomiavdelingen"),
        ("nb", "Bli godkjent etter EN 1090 i utførelsesklasse 3"),
        ("nb", "Oppfylle kravene i § 9A i opplæringsloven"),
    ],
)
def test_a_key_result_with_only_identifiers_has_no_number(lang: str, text: str) -> None:
    assert analyse_texts(lang, [text])[0].has_number is False


def test_a_zero_in_the_reason_clause_sets_no_level() -> None:
    """ "ingen"/"no" + noun is zero as a target only in the statement, not in its reason."""
    a = analyse_texts("nb", ["Lage en plan for vinteren slik at ingen eldre blir isolert"])[0]
    assert a.has_number is False
    assert [(r.text, r.kind) for r in a.numbers] == [("en", WORD), ("ingen", WORD)]
