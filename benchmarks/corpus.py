"""A deterministic generator of realistic OKR corpora for the benchmark.

``generate(folder, key_results, seed)`` writes about ``key_results`` key results spread over
files of ten or so each, the way organisations keep them: one file per team and quarter,
half in Norwegian Bokmål and half in English, half YAML, a third Markdown and the rest plain
text in the article's own style. About two thirds of the OKRs are well written ("fra 100 til
200", a reason clause); the rest carry the article's anti-patterns in realistic proportions:
measurable objectives, objectives without a why, key results without a number, vague words,
activities posing as results, placeholders. YAML files hang their objectives under the key
results of a company file, so the alignment rules have a real cascade to resolve.

The same seed always gives the same bytes. Run it alone to look at a corpus::

    python benchmarks/corpus.py --key-results 200 --out okr-corpus
"""

from __future__ import annotations

import argparse
import json
import random
from dataclasses import dataclass, field
from pathlib import Path

# ------------------------------------------------------------------ the words people write

WORDS = {
    "nb": {
        "areas": [
            "kaffebransjen i Oslo",
            "netthandelen i Norden",
            "kundeservice",
            "produktkvaliteten",
            "leveransene våre",
            "markedet for sportsutstyr",
            "hjemmetjenesten",
            "rekrutteringen",
            "salget i Bergen",
            "merkevaren vår",
            "plattformen",
            "onboarding av nye kunder",
        ],
        "lead": [
            "Dominere",
            "Bli best på",
            "Ta en ledende posisjon i",
            "Forenkle",
            "Styrke",
            "Løfte",
            "Fornye",
            "Vinne",
        ],
        "why": [
            "fordi vi ønsker å slå den største konkurrenten vår",
            "fordi fornøyde kunder kommer tilbake",
            "slik at teamet kan bruke tiden på det som skaper verdi",
            "for å sikre lønnsom vekst neste år",
            "fordi vi vil være førstevalget for kundene",
        ],
        "metrics": [
            ("omsetningen av kaffe", "kr"),
            ("antall medlemmer i kaffeklubben", ""),
            ("andelen fornøyde kunder", "%"),
            ("antall aktive brukere", ""),
            ("gjennomsnittlig ordreverdi", "kr"),
            ("antall leads per måned", ""),
            ("konverteringsraten i nettbutikken", "%"),
            ("eNPS", ""),
        ],
        "down": [
            ("ventetiden på telefon", "minutter"),
            ("responstiden i saksbehandlingen", "timer"),
            ("andelen produktfeil", "%"),
            ("kostnaden per konvertering", "kr"),
            ("antall klager", ""),
        ],
        "more": [
            "Selge flere biler",
            "Få flere medlemmer i kundeklubben",
            "Øke besøk på nettsiden",
            "Få mange følgere på Facebook",
            "Selge flere abonnementer",
            "Bedre svar på e-post",
        ],
        "activities": [
            "Gjennomføre ukentlig coaching av medarbeiderne",
            "Lage en plan for lansering av nye produktfunksjoner",
            "Arrangere et afterwork-event per kvartal",
            "Ta frem nytt markedsføringsmateriale",
            "Lansere to nye produktfunksjonaliteter",
        ],
        "grow": "Øke",
        "reduce": "Redusere",
        "from": "fra",
        "to": "til",
        "by": "med",
        "measurable_objective": [
            "Øke salget med {p} %",
            "Doble brukerbasen",
            "Øke inntektene med over {n} millioner",
        ],
        "labels": ("Objective for {team}", "Key results", "Tiltak"),
        "teams": [
            "salgsavdelingen",
            "kundeservice-teamet",
            "markedsføringsavdelingen",
            "HR-avdelingen",
            "produktavdelingen",
            "økonomi",
        ],
    },
    "en": {
        "areas": [
            "the coffee market in Oslo",
            "online retail in the Nordics",
            "customer support",
            "product quality",
            "our delivery pipeline",
            "the outdoor gear market",
            "home care",
            "hiring",
            "sales in Bergen",
            "our brand",
            "the platform",
            "customer onboarding",
        ],
        "lead": [
            "Dominate",
            "Become the best at",
            "Lead",
            "Simplify",
            "Strengthen",
            "Win",
            "Raise the bar for",
            "Reinvent",
        ],
        "why": [
            "because we want to beat our biggest rival",
            "because happy customers come back",
            "so that the team can spend its time on what creates value",
            "to secure profitable growth next year",
            "because we want to be our customers' first choice",
        ],
        "metrics": [
            ("monthly coffee revenue", "$"),
            ("loyalty club members", ""),
            ("the share of satisfied customers", "%"),
            ("weekly active users", ""),
            ("average order value", "$"),
            ("qualified leads per month", ""),
            ("the web shop conversion rate", "%"),
            ("employee NPS", ""),
        ],
        "down": [
            ("phone waiting time", "minutes"),
            ("ticket response time", "hours"),
            ("the defect rate", "%"),
            ("cost per conversion", "$"),
            ("customer complaints", ""),
        ],
        "more": [
            "Sell more cars",
            "Get more loyalty club members",
            "Increase website visits",
            "Get many Facebook followers",
            "Sell more subscriptions",
            "Answer more emails",
        ],
        "activities": [
            "Run weekly coaching sessions for the team",
            "Write a launch plan for the new product features",
            "Hold an all-hands event every quarter",
            "Produce new marketing material",
            "Ship two new product features",
        ],
        "grow": "Increase",
        "reduce": "Reduce",
        "from": "from",
        "to": "to",
        "by": "by",
        "measurable_objective": [
            "Increase sales by {p}%",
            "Double the user base",
            "Grow revenue by over {n} million",
        ],
        "labels": ("Objective for {team}", "Key results", "Actions"),
        "teams": ["sales", "customer service", "marketing", "HR", "product", "finance"],
    },
}

GOOD_SHARE = 0.68  # the share of well-written elements, as in real repositories
FORMATS = (("yaml", 0.5), ("md", 0.3), ("txt", 0.2))


def _number(rng: random.Random, lang: str, low: int, high: int) -> str:
    value = rng.randrange(low, high)
    if value >= 1000:
        sep = " " if lang == "nb" else ","
        return f"{value:,}".replace(",", sep)
    return str(value)


def _amount(rng: random.Random, lang: str, unit: str, low: int, high: int) -> str:
    number = _number(rng, lang, low, high)
    if unit == "$":
        return f"${number}" if lang == "en" else f"{number} kr"
    if unit == "%":  # a share: the low range stays below the high one
        share = rng.randrange(2, 48) if high <= 5000 else rng.randrange(50, 98)
        return f"{share} %" if lang == "nb" else f"{share}%"
    return f"{number} {unit}".strip()


def key_result(rng: random.Random, lang: str, good_share: float = GOOD_SHARE) -> str:
    w = WORDS[lang]
    if rng.random() < good_share:
        if rng.random() < 0.6:
            metric, unit = rng.choice(w["metrics"])
            a = _amount(rng, lang, unit, 50, 5000)
            b = _amount(rng, lang, unit, 5000, 20000)
            return f"{w['grow']} {metric} {w['from']} {a} {w['to']} {b}"
        metric, unit = rng.choice(w["down"])
        high, low = rng.randrange(20, 60), rng.randrange(2, 19)
        tail = f" {unit}" if unit and unit not in ("%", "$") else (" %" if unit == "%" else "")
        return f"{w['reduce']} {metric} {w['from']} {high} {w['to']} {low}{tail}"
    kind = rng.random()
    if kind < 0.45:
        return rng.choice(w["more"])
    if kind < 0.8:
        return rng.choice(w["activities"])
    if kind < 0.9:
        metric, _ = rng.choice(w["metrics"])
        return f"{w['grow']} {metric} {w['from']} x {w['to']} y"
    metric, _ = rng.choice(w["metrics"])
    return f"{w['grow']} {metric}"


def objective(rng: random.Random, lang: str) -> tuple[str, str | None]:
    """(title, why or None); the why is sometimes in the title, as the article writes it."""
    w = WORDS[lang]
    if rng.random() < 0.12:
        template = rng.choice(w["measurable_objective"])
        return template.format(p=rng.randrange(10, 60), n=rng.choice(["fem", "five", "10"])), None
    title = f"{rng.choice(w['lead'])} {rng.choice(w['areas'])}"
    roll = rng.random()
    if roll < 0.55:
        return f"{title}, {rng.choice(w['why'])}", None
    if roll < 0.8:
        reason = rng.choice(w["why"])
        return title, reason[0].upper() + reason[1:]
    return title, None  # no why: OKR102


@dataclass
class Objective:
    title: str
    why: str | None
    key_results: list[str]
    actions: list[str] = field(default_factory=list)
    parent: str | None = None


def _yaml_quote(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def render_yaml(lang: str, team: str, period: str, objectives: list[Objective], n: int) -> str:
    lines = [f"period: {period}", f"language: {lang}", f"owner: {_yaml_quote(team)}", "objectives:"]
    for i, o in enumerate(objectives, 1):
        lines.append(f"  - id: {_slug(team)}-{n}-o{i}")
        lines.append(f"    title: {_yaml_quote(o.title)}")
        if o.why:
            lines.append(f"    why: {_yaml_quote(o.why)}")
        if o.parent:
            lines.append(f"    parent: {o.parent}")
        lines.append("    key_results:")
        lines.extend(f"      - {_yaml_quote(kr)}" for kr in o.key_results)
        if o.actions:
            lines.append("    actions:")
            lines.extend(f"      - {_yaml_quote(a)}" for a in o.actions)
    return "\n".join(lines) + "\n"


def render_markdown(lang: str, team: str, period: str, objectives: list[Objective]) -> str:
    _, label_kr, label_act = WORDS[lang]["labels"]
    heading = "Mål" if lang == "nb" else "Objective"
    lines = [
        "---",
        f"language: {lang}",
        f"period: {period}",
        "---",
        "",
        f"# OKR – {team} ({period})",
        "",
    ]
    for o in objectives:
        lines += [f"## {heading}: {o.title}", ""]
        if o.why:
            lines += [f"{'Hvorfor' if lang == 'nb' else 'Why'}: {o.why}", ""]
        lines += [f"### {label_kr}", ""]
        lines += [f"- {kr}" for kr in o.key_results] + [""]
        if o.actions:
            lines += [f"### {label_act}", ""] + [f"- {a}" for a in o.actions] + [""]
    return "\n".join(lines)


def render_text(lang: str, team: str, objectives: list[Objective]) -> str:
    label_o, label_kr, label_act = WORDS[lang]["labels"]
    lines = [f"language: {lang}", ""]
    for o in objectives:
        title = o.title if not o.why else f"{o.title}, {o.why[0].lower()}{o.why[1:]}"
        lines += [f"{label_o.format(team=team)}: {title}", "", f"{label_kr}:", ""]
        lines += [f"  • {kr}" for kr in o.key_results] + [""]
        if o.actions:
            lines += [f"{label_act}:", ""] + [f"  • {a}" for a in o.actions] + [""]
    return "\n".join(lines)


def _slug(text: str) -> str:
    return "".join(c if c.isalnum() else "-" for c in text.lower()).strip("-")


def _company(lang: str, rng: random.Random) -> tuple[str, list[str]]:
    """The company file of one language and the ids of its key results."""
    w = WORDS[lang]
    ids, lines = [], ["period: 2026-Q1", f"language: {lang}", "owner: Ledelsen", "objectives:"]
    for i in range(1, 4):
        title, why = objective(random.Random(i), lang)
        lines += [
            f"  - id: company-{lang}-o{i}",
            "    level: company",
            f"    title: {_yaml_quote(title)}",
            f"    why: {_yaml_quote(why or rng.choice(w['why']))}",
            "    key_results:",
        ]
        for k in range(1, 5):
            kr_id = f"company-{lang}-o{i}-kr{k}"
            ids.append(kr_id)
            lines += [
                f"      - id: {kr_id}",
                f"        title: {_yaml_quote(key_result(rng, lang))}",
            ]
    return "\n".join(lines) + "\n", ids


def generate(
    folder: Path, key_results: int, seed: int = 20260101, good_share: float = GOOD_SHARE
) -> dict:
    """Write a corpus of about ``key_results`` key results, ``good_share`` of them well
    written; returns a summary with every element text per language (for the spaCy-only
    floor)."""
    rng = random.Random(seed)
    okrs = folder / "okrs"
    okrs.mkdir(parents=True, exist_ok=True)
    texts: dict[str, list[str]] = {"nb": [], "en": []}
    counts = {"files": 0, "objectives": 0, "key_results": 0, "actions": 0}
    parents: dict[str, list[str]] = {}
    if key_results >= 100:
        for lang in ("nb", "en"):
            text, parents[lang] = _company(lang, random.Random(seed + len(lang)))
            (okrs / f"company-{lang}.yaml").write_text(text, encoding="utf-8")
            counts["files"] += 1
            counts["key_results"] += len(parents[lang])
            counts["objectives"] += 3
    n = 0
    while counts["key_results"] < key_results:
        n += 1
        lang = "nb" if rng.random() < 0.5 else "en"
        fmt = rng.choices([f for f, _ in FORMATS], [p for _, p in FORMATS])[0]
        team = rng.choice(WORDS[lang]["teams"])
        period = "2026-Q1" if rng.random() < 0.85 else f"2025-Q{rng.randrange(1, 5)}"
        objectives = []
        for _ in range(rng.choice((1, 2, 3, 3, 4))):
            title, why = objective(rng, lang)
            krs = [key_result(rng, lang, good_share) for _ in range(rng.choice((2, 3, 3, 4, 5)))]
            actions = [rng.choice(WORDS[lang]["activities"])] if rng.random() < 0.15 else []
            parent = rng.choice(parents[lang]) if parents and rng.random() < 0.9 else None
            objectives.append(Objective(title, why, krs, actions, parent))
            texts[lang] += [title, *krs, *actions] + ([why] if why else [])
            counts["objectives"] += 1
            counts["key_results"] += len(krs)
            counts["actions"] += len(actions)
        name = f"{_slug(team)}-{n:05d}"
        if fmt == "yaml":
            content, suffix = render_yaml(lang, team, period, objectives, n), "yaml"
        elif fmt == "md":
            content, suffix = render_markdown(lang, team, period, objectives), "md"
        else:
            content, suffix = render_text(lang, team, objectives), "txt"
        sub = okrs / f"{n // 500:03d}"
        sub.mkdir(exist_ok=True)
        (sub / f"{name}.{suffix}").write_text(content, encoding="utf-8")
        counts["files"] += 1
    return {**counts, "texts": texts}


def generate_big(folder: Path, objectives: int, files: int = 1, seed: int = 20260101) -> dict:
    """The same ``objectives`` (Norwegian, two to five key results each) in one YAML file, or
    split evenly over ``files`` files: one large file against the same OKRs in many."""
    rng = random.Random(seed)
    made = []
    for _ in range(objectives):
        title, why = objective(rng, "nb")
        krs = [key_result(rng, "nb") for _ in range(rng.choice((3, 4, 4, 5)))]
        made.append(Objective(title, why, krs))
    folder.mkdir(parents=True, exist_ok=True)
    per_file = -(-objectives // files)
    names = []
    for n, start in enumerate(range(0, objectives, per_file), 1):
        name = "big.okr.yaml" if files == 1 else f"part-{n:03d}.okr.yaml"
        content = render_yaml("nb", "Salg", "2026-Q1", made[start : start + per_file], n)
        (folder / name).write_text(content, encoding="utf-8")
        names.append(name)
    size = sum((folder / name).stat().st_size for name in names)
    key_results = sum(len(o.key_results) for o in made)
    return {"files": names, "objectives": objectives, "key_results": key_results, "bytes": size}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--key-results", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=20260101)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    summary = generate(args.out, args.key_results, args.seed)
    summary.pop("texts")
    print(json.dumps(summary))


if __name__ == "__main__":
    main()
