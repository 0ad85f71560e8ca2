"""Synthetic election coverage: ``kg synth N -o DIR`` writes N articles and their ground truth.

The articles follow the format ``kg build`` reads (an optional ``key: value`` header, a blank
line, the body) and report elections the way real coverage does: partial counts, rounding,
decimal commas, exit polls, opinion polls, opposition tallies, quotes and reported speech,
misspelt names, distracting numbers. Names, elections and sentences come from the data files in
``kg/data/synth/`` (invented countries and people, plus the 2024 Venezuelan election with its
real actors so that the reference table is exercised). Article ``i`` depends only on ``i`` and
the seed, so ``synth 1000`` is a prefix of ``synth 10000``.
"""

from __future__ import annotations

import argparse
import datetime
import itertools
import json
import random
import string
import sys
import time
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any, NamedTuple

from kg.resources import DATA_DIR

SYNTH_DIR = DATA_DIR / "synth"
LANGUAGES = ("en", "nb", "es")
LANGUAGE_WEIGHTS = (4, 3, 3)
VENEZUELA_WEIGHT = 0.2  # share of articles about the real election
PRECISION = {0: "1", 1: "0.1", 2: "0.01"}
#: Letters NFKD cannot take apart, spelt as an ASCII keyboard would.
ASCII_LETTERS = str.maketrans({"ø": "o", "Ø": "O", "æ": "ae", "Æ": "AE", "đ": "d", "ß": "ss"})


class SyntheticArticle(NamedTuple):
    """One generated article: its file name, its file text and what it states."""

    name: str
    text: str
    truth: dict[str, Any]


@dataclass
class Person:
    """Someone an article can name: candidate, official, spokesperson, foreign leader."""

    key: str
    name: str
    short: str
    gender: str = "m"
    role: str | None = None
    role_text: dict[str, str] = field(default_factory=dict)
    country: dict[str, dict[str, str]] | None = None
    party: dict[str, str] | None = None
    age: int | None = None
    variants: tuple[str, ...] = ()
    says: dict[str, list] = field(default_factory=dict)
    congratulates: bool = False


@dataclass
class Election:
    """One election's ground truth: shares are in hundredths of a percent, per candidate."""

    key: str
    date: datetime.date
    country: dict[str, dict[str, str]]
    authority: dict[str, str]
    head: Person
    candidates: list[Person]
    winner: int
    opposition: int
    stages: list[dict]
    exit_poll: dict | None
    opinion_polls: list[dict]
    opposition_tally: dict | None
    turnout: tuple[int, int]
    registered: int
    stations: int
    observers: int
    people: list[Person]


@cache
def load_data(name: str) -> dict:
    """The parsed JSON data file ``kg/data/synth/{name}.json``."""
    return json.loads((SYNTH_DIR / f"{name}.json").read_text(encoding="utf-8"))


def strip_accents(name: str) -> str:
    """``name`` without accents, as typed on an ASCII keyboard.

    >>> strip_accents("Østgård Núñez")
    'Ostgard Nunez'
    """
    decomposed = unicodedata.normalize("NFKD", name.translate(ASCII_LETTERS))
    return decomposed.encode("ascii", "ignore").decode()


def slugify(name: str) -> str:
    """The ASCII slug of a name, as entity keys use.

    >>> slugify("Edmundo González Urrutia")
    'edmundo-gonzalez-urrutia'
    """
    words = "".join(c if c.isalnum() else " " for c in strip_accents(name).lower()).split()
    return "-".join(words)


def format_number(value: int, decimals: int, lang: str) -> str:
    """Write ``value`` (in hundredths) rounded half-up to ``decimals`` places, as ``lang`` does.

    >>> format_number(5120, 2, "en"), format_number(5120, 1, "nb"), format_number(5150, 0, "es")
    ('51.20', '51,2', '52')
    """
    scale = 10 ** (2 - decimals)
    units = (value + scale // 2) // scale
    if decimals == 0:
        return str(units)
    whole, part = divmod(units, 10**decimals)
    return f"{whole}{load_data('templates')['decimal_mark'][lang]}{part:0{decimals}d}"


@cache
def share_phrases(value: int, max_decimals: int, lang: str) -> tuple[tuple[tuple, int], ...]:
    """Every way ``lang`` may write a share of ``value`` hundredths, with the style weights.

    A phrase is ``(prefix, text, stated, precision, bound)``: ``stated`` is the number as
    written, so "more than 51%" states 51 with the bound "more-than".

    >>> [p[1] for p, _ in share_phrases(5120, 2, "en")][:3]
    ['51.20%', '51.2%', '51.2 percent']
    >>> [p[1:] for p, _ in share_phrases(6500, 0, "nb")]
    [('65 prosent', '65', '1', 'exact'), ('rundt 65 prosent', '65', '1', 'about')]
    """
    phrases = []
    for prefix, pattern, decimals, bound, weight in load_data("templates")["share_styles"][lang]:
        whole, cents = divmod(value, 100)
        if decimals > max_decimals or (bound == "more-than" and cents == 0):
            continue
        if bound == "less-than" and cents < 50:
            continue
        number = {"more-than": str(whole), "less-than": str(whole + 1)}.get(
            bound, format_number(value, decimals, lang)
        )
        stated = number.replace(",", ".")
        phrase = (prefix, pattern.format(n=number), stated, PRECISION[decimals], bound)
        phrases.append((phrase, weight))
    return tuple(phrases)


@cache
def share_table(value: int, max_decimals: int, lang: str) -> tuple[tuple, list[int]]:
    """The phrases for a share and their cumulative weights, ready for ``rng.choices``."""
    phrases = share_phrases(value, max_decimals, lang)
    return tuple(p for p, _ in phrases), list(itertools.accumulate(w for _, w in phrases))


def choose_share(rng: random.Random, value: int, max_decimals: int, lang: str) -> tuple:
    """One phrase for a share, drawn by style weight."""
    phrases, cumulative = share_table(value, max_decimals, lang)
    return rng.choices(phrases, cum_weights=cumulative)[0]


def misspell(name: str, rng: random.Random) -> str:
    """A plausible misspelling of ``name``: accents dropped, or two letters swapped.

    >>> misspell("Nicolás Maduro", random.Random(1))
    'Nicolas Maduro'
    """
    plain = strip_accents(name)
    if plain != name and rng.random() < 0.7:
        return plain
    last = name.rsplit(" ", 1)[-1]
    if len(last) < 4:
        return plain
    i = rng.randrange(1, len(last) - 2)
    swapped = last[:i] + last[i + 1] + last[i] + last[i + 2 :]
    return name[: len(name) - len(last)] + swapped


@cache
def parse_template(template: str) -> tuple[tuple[str, str | None], ...]:
    """The literal text and slot names of a template, parsed once."""
    return tuple((literal, name) for literal, name, _, _ in string.Formatter().parse(template))


def render(template: str, slots: dict[str, Any], lang: str) -> tuple[str, dict[str, tuple]]:
    """Fill a template; return the text and the span of every tracked slot.

    A tracked slot's value is a ``(prefix, text)`` pair (a share with its article, a quote):
    its span covers ``text`` only. Spanish "de el"/"a el" contract, and a role's trailing
    comma is dropped before punctuation.

    >>> render("frente a {b}.", {"b": ("el ", "44,02%")}, "es")
    ('Frente al 44,02%.', {'b': (10, 16)})
    """
    out: list[str] = []
    spans: dict[str, tuple] = {}
    size = 0
    for literal, name in parse_template(template):
        if out and out[-1].endswith(",") and literal[:1] in (".", ",", ":"):
            out[-1] = out[-1][:-1]
            size -= 1
        out.append(literal)
        size += len(literal)
        if name is None:
            continue
        value = slots[name]
        prefix, text = value[:2] if isinstance(value, tuple) else ("", value)
        if lang == "es" and "el " in (prefix[:3], text[:3]) and out[-1].endswith((" de ", " a ")):
            out[-1] = out[-1][:-1] + "l "
            size += 1
            prefix, text = (prefix[3:], text) if prefix else ("", text[3:])
        out.append(prefix)
        size += len(prefix)
        if isinstance(value, tuple):
            spans[name] = (size, size + len(text))
        out.append(text)
        size += len(text)
    text = "".join(out).rstrip(",")
    return text[:1].upper() + text[1:], spans


def make_person(data: dict, prefix: str = "person/") -> Person:
    """A :class:`Person` from its JSON description (venezuela.json's shape)."""
    return Person(
        key=prefix + data.get("key", slugify(data["name"])),
        name=data["name"],
        short=data["short"],
        gender=data.get("gender", "m"),
        role=data.get("role"),
        role_text=data.get("role_text", {}),
        country=data.get("country"),
        party=data.get("party"),
        age=data.get("age"),
        variants=tuple(data.get("variants", ())),
        says=data.get("statements", {}),
        congratulates=data.get("congratulates", False),
    )


def load_venezuela() -> Election:
    """The 2024 Venezuelan presidential election, from venezuela.json."""
    data = load_data("venezuela")
    candidates = [make_person(c) for c in data["candidates"]]
    for index, says in data["candidate_statements"].items():
        candidates[int(index)].says = says
    head = make_person(data["head"] | {"role": "electoral_head"})
    head.says = data["head_statements"]
    return Election(
        key=data["key"],
        date=datetime.date.fromisoformat(data["date"]),
        country=data["country"],
        authority=data["authority"],
        head=head,
        candidates=candidates,
        winner=data["winner"],
        opposition=data["opposition"],
        stages=data["stages"],
        exit_poll=data["exit_poll"],
        opinion_polls=data["opinion_polls"],
        opposition_tally=data["opposition_tally"],
        turnout=tuple(data["turnout"]),
        registered=data["registered"],
        stations=data["stations"],
        observers=data["observers"],
        people=[make_person(p) for p in data["people"]],
    )


def stance_statements(stance: str) -> dict[str, list]:
    """The statements of one stance (victory, fraud, concern...) in every language."""
    return load_data("templates")["statements"][stance]


def invent_person(rng: random.Random, used: set[str], **fields: Any) -> Person:
    """A person with an invented name whose full name and surname are both unused."""
    pools = load_data("pools")
    while True:
        gender = rng.choice("mf")
        short = rng.choice(pools["surnames"])
        name = f"{rng.choice(pools['given'][gender])} {short}"
        if name not in used and short not in used:
            used.update((name, short))
            return Person(key="person/" + slugify(name), name=name, short=short, gender=gender, **fields)


def vary(rng: random.Random, shares: list[int], spread: int, step: int) -> list[int]:
    """Shares moved by up to ``spread`` hundredths and rounded to multiples of ``step``."""
    return [max(step, round((s + rng.randint(-spread, spread)) / step) * step) for s in shares]


def invent_election(rng: random.Random, country: dict, leaders: dict, used: set[str]) -> Election:
    """An invented presidential election in ``country`` with its full ground truth."""
    pools = load_data("pools")
    n = rng.choice((2, 2, 3, 3, 4, 5, 6))
    parties = [p | {"key": "party/" + slugify(p["name"])} for p in rng.sample(pools["parties"], n)]
    head = invent_person(rng, used, role="electoral_head", says=stance_statements("authority"))
    surnames = set(used)  # candidates' surnames stay distinct within one election only
    candidates = [invent_person(rng, surnames, party=p, age=rng.randint(38, 79)) for p in parties]
    used.update(c.name for c in candidates)
    weights = sorted((rng.gammavariate(4.0, 1.0) for _ in candidates), reverse=True)
    valid = 10000 - rng.randint(50, 400)
    # Blend with an even split so that two-way races stay contested.
    final = [max(50, int(valid * (w / sum(weights) + 1 / n) / 2)) for w in weights]
    final[1] = min(final[1], final[0] - rng.randint(30, 900))
    rng.shuffle(order := list(range(n)))
    final = [final[order.index(i)] for i in range(n)]
    winner, opposition = order[0], order[1]
    stages = [
        {"counted": c, "counted_decimals": 0, "decimals": 2, "day": day,
         "shares": vary(rng, final, (10000 - c) // 25, 1)}
        for c, day in ((6000, 0), (8000, 0), (9500, 1))
    ]
    stages.append({"counted": None, "decimals": 2, "day": rng.randint(2, 4), "shares": final})
    tally = [None] * n
    tally[opposition] = final[winner] + rng.randint(100, 800)
    tally[winner] = final[opposition] - rng.randint(0, 400)
    authority = rng.choice(pools["authorities"])
    date = datetime.date(2024, 1, 14) + datetime.timedelta(days=rng.randrange(0, 700))
    for index, candidate in enumerate(candidates):
        candidate.role = "candidate"
        stance = {winner: "victory", opposition: rng.choice(("fraud", "opposition-victory"))}
        candidate.says = stance_statements(stance.get(index, "fraud"))
    foreign = [p for key, ps in leaders.items() if key != country["key"] for p in ps]
    reactors = rng.sample(foreign, 3)
    for person in reactors:
        person.congratulates = rng.random() < 0.4
    decimals = rng.choice((0, 1))
    return Election(
        key=f"election/{country['key']}-{date.year}",
        date=date,
        country=country,
        authority=authority | {"key": f"organization/{slugify(authority['short'])}-{country['key']}"},
        head=head,
        candidates=candidates,
        winner=winner,
        opposition=opposition,
        stages=stages,
        exit_poll={"firm": rng.choice(pools["firms"]), "decimals": 1,
                   "shares": vary(rng, final, 300, 10)},
        opinion_polls=[
            {"firm": firm, "decimals": decimals, "day": -rng.randint(3, 20),
             "shares": vary(rng, final, 500, 10 ** (2 - decimals))}
            for firm in rng.sample(pools["firms"], 2)
        ],
        opposition_tally={"counted": rng.choice((7000, 7500, 8000, 8500, 9000)),
                          "counted_decimals": 0, "decimals": 1, "day": 1,
                          "shares": [None if s is None else s // 10 * 10 for s in tally]},
        turnout=(rng.randint(450, 800) * 10, 1),
        registered=rng.randint(20, 400),
        stations=rng.randint(2000, 40000),
        observers=rng.randint(100, 900),
        people=reactors,
    )


@cache
def build_world(seed: int) -> tuple[tuple[Election, ...], tuple[float, ...]]:
    """Every election articles can report, and the weight of each in the mix."""
    rng = random.Random(f"kg-synth-world:{seed}")
    pools = load_data("pools")
    used: set[str] = set()
    leaders: dict[str, list[Person]] = {}
    for country in pools["countries"]:
        leaders[country["key"]] = [
            invent_person(rng, used, role=role, country=country, says=stance_statements("concern"))
            for role in ("president", "foreign_minister")
        ]
    for bloc in pools["blocs"]:
        chief = invent_person(rng, used, role_text=bloc["role"], says=stance_statements("concern"))
        leaders[bloc["key"]] = [chief]
    invented = [invent_election(rng, c, leaders, used) for c in pools["countries"]]
    share = (1 - VENEZUELA_WEIGHT) / len(invented)
    return (load_venezuela(), *invented), (VENEZUELA_WEIGHT, *[share] * len(invented))


class Writer:
    """Builds one article body sentence by sentence, recording what each sentence states."""

    def __init__(self, rng: random.Random, election: Election, lang: str, day: int):
        self.rng, self.election, self.lang, self.day = rng, election, lang, day
        self.templates = load_data("templates")
        self.parts: list[str] = []
        self.size = 0
        self.seen: set[str] = set()
        self.paragraph_break = rng.choice(("\n", "\n\n"))
        self.truth: dict[str, list] = {"results": [], "claims": [], "variants": []}
        self.backgrounds = rng.sample(self.templates["background"][lang], 4)

    def pick(self, *path: str) -> str:
        """A random template from the table at ``path`` (``"results", "partial"``)."""
        table: Any = self.templates
        for key in path:
            table = table[key]
        return self.rng.choice(table) if isinstance(table, list) else table

    def add(self, text: str, *, paragraph: bool | None = None) -> int:
        """Append a sentence; return the offset where it starts in the body."""
        if self.parts:
            new = self.rng.random() < 0.6 if paragraph is None else paragraph
            sep = self.paragraph_break if new else " "
            self.parts.append(sep)
            self.size += len(sep)
        start = self.size
        self.parts.append(text)
        self.size += len(text)
        return start

    def name(self, person: Person, *, intro: bool = True) -> str:
        """How the article names ``person`` now: with a role the first time, then shorter."""
        first = person.key not in self.seen
        self.seen.add(person.key)
        written = person.name if first else person.short
        if self.rng.random() < 0.05:
            fits = [v for v in person.variants if (" " in v) == (" " in written)]
            variant = self.rng.choice(fits) if fits else misspell(written, self.rng)
            if variant != written:
                self.truth["variants"].append({"key": person.key, "canonical": written, "written": variant})
                written = variant
        self.written = written  # the bare name, for the truth file
        if not (first and intro and (person.role or person.role_text)):
            return written
        pattern = person.role_text.get(self.lang) or self.role_pattern(person)
        if self.lang == "es" and pattern.endswith(", {name}"):
            pattern += ","  # Spanish apposition: render drops it before punctuation
        return pattern.format(name=written, party=(person.party or {}).get("short", ""),
                              **self.country_slots(person.country or self.election.country))

    def role_pattern(self, person: Person) -> str:
        """A role introduction for ``person`` in the article's language."""
        patterns = self.templates["roles"][person.role][self.lang]
        if isinstance(patterns, dict):
            patterns = patterns[person.gender]
        return self.rng.choice(patterns)

    def country_slots(self, country: dict) -> dict[str, str]:
        """The country and authority forms templates may use."""
        forms, authority = country[self.lang], self.election.authority
        return {
            "country": forms["name"], "country_gen": forms.get("gen", ""),
            "adj": forms.get("adj", ""), "adj_pl": forms.get("adj_pl", ""),
            "authority": authority[self.lang],
            "auth": authority["es_short"] if self.lang == "es" else authority["short"],
        }

    def sentence(self, template: str, slots: dict[str, Any], *, paragraph: bool | None = None):
        """Render and append one template; return its start offset and slot spans."""
        text, spans = render(template, slots, self.lang)
        start = self.add(text, paragraph=paragraph)
        return start, spans, text

    def result(self, kind: str, figures: dict, by: str, *, group: str | None = None, **extra: str):
        """One sentence reporting ``figures`` (a stage, poll or tally) announced ``by`` a key."""
        e, rng, lang = self.election, self.rng, self.lang
        ranked = sorted((s, i) for i, s in enumerate(figures["shares"]) if s is not None)[::-1]
        template = self.pick("results", lang, group or kind)
        fields = {n for _, n in parse_template(template) if n}
        slots: dict[str, Any] = dict(self.country_slots(e.country), **extra)
        chosen = dict(zip("abc", ranked))
        for letter, (share, index) in chosen.items():
            if letter in fields:
                slots[letter] = self.name(e.candidates[index], intro=False)
                slots[f"{letter}_share"] = choose_share(rng, share, figures["decimals"], lang)
        counted = figures.get("counted")
        if counted is not None:
            slots["counted"] = choose_share(rng, counted, figures["counted_decimals"], lang)
        if "head" in fields:
            slots["head"] = self.name(e.head)
        start, spans, _ = self.sentence(template, slots)
        for letter in "abc":
            if f"{letter}_share" not in spans:
                continue
            prefix, text, stated, precision, bound = slots[f"{letter}_share"]
            share, index = chosen[letter]
            begin, end = spans[f"{letter}_share"]
            record = {
                "kind": kind, "candidate": e.candidates[index].key, "candidate_text": slots[letter],
                "share": stated, "share_text": text, "precision": precision, "bound": bound,
                "value": format_number(share, 2, "en"), "begin": start + begin, "end": start + end,
                "counted": None, "counted_text": None, "counted_bound": None, "announced_by": by,
            }
            if "counted" in spans:
                record.update(counted=slots["counted"][2], counted_text=slots["counted"][1],
                              counted_bound=slots["counted"][4])
            self.truth["results"].append(record)

    def claim(self, person: Person) -> None:
        """A quote or a reported statement by ``person``, if they have something to say."""
        options = person.says.get(self.lang)
        if not options:
            return
        quote, reported = self.rng.choice(options)
        quoted = quote is not None and (reported is None or self.rng.random() < 0.6)
        content = (quote if quoted else reported).format(country=self.election.country[self.lang]["name"])
        template = self.pick("quoted" if quoted else "reported", self.lang)
        speaker = self.name(person)
        slots = {"speaker": speaker, "q": ("", content), "r": ("", content)}
        said_by = self.written
        start, spans, _ = self.sentence(template, slots, paragraph=template.startswith("–") or None)
        begin, end = spans["q" if quoted else "r"]
        self.truth["claims"].append({"speaker": person.key, "speaker_text": said_by, "text": content,
                                     "quoted": quoted, "begin": start + begin, "end": start + end})

    def react(self, person: Person) -> None:
        """A foreign reaction: a congratulation (no claim) or a statement."""
        if person.congratulates and self.rng.random() < 0.6:
            winner = self.election.candidates[self.election.winner]
            template = self.pick("congratulated", self.lang)
            self.sentence(template, {"speaker": self.name(person), "winner_s": winner.short})
        else:
            self.claim(person)

    def background(self) -> None:
        """A sentence of context full of numbers that are not vote shares."""
        e, lang, pools = self.election, self.lang, load_data("pools")
        a, b = (e.candidates[e.winner], e.candidates[e.opposition])
        month = pools["months"][lang][e.date.month - 1]
        marks = self.templates
        slots = dict(self.country_slots(e.country),
                     turnout=choose_share(self.rng, e.turnout[0], e.turnout[1], lang),
                     registered=marks["million"][lang].format(n=format_number(e.registered * 10, 1, lang)),
                     stations=f"{e.stations:,}".replace(",", marks["thousands_mark"][lang]),
                     observers=str(e.observers), date=marks["date"][lang].format(d=e.date.day, month=month),
                     a_s=a.short, b_s=b.short, a_age=str(a.age), b_age=str(b.age),
                     party_a=a.party["name"], party_b=b.party["name"])
        if self.backgrounds:
            self.sentence(self.backgrounds.pop(), slots)


def firm_key(firm: str) -> str:
    """The entity key of a polling firm.

    >>> firm_key("Edison Research")
    'organization/edison-research'
    """
    return "organization/" + slugify(firm)


def official_stages(election: Election, day: int) -> list[dict]:
    """The official counts published by ``day`` days after the vote (at least the first)."""
    stages = [s for s in election.stages if s["day"] <= day]
    return stages or election.stages[:1]


def write_preview(w: Writer) -> None:
    """An article from the campaign: opinion polls, candidates' promises, context."""
    e = w.election
    polls = [p for p in e.opinion_polls if p["day"] <= w.day]
    for poll in polls or e.opinion_polls[:1]:
        w.result("opinion-poll", poll, firm_key(poll["firm"]), firm=poll["firm"])
    for candidate in w.rng.sample(e.candidates[:3], min(2, len(e.candidates))):
        candidate_says = candidate.says
        candidate.says = stance_statements("campaign")
        w.claim(candidate)
        candidate.says = candidate_says
    for _ in range(w.rng.randint(1, 3)):
        w.background()


def write_report(w: Writer) -> None:
    """An article from election night or after: counts, polls, tallies, reactions."""
    e, rng = w.election, w.rng
    authority = e.authority["key"]
    stages = official_stages(e, w.day)
    if len(stages) > 1 and rng.random() < 0.3:
        w.result("official", rng.choice(stages[:-1]), authority, group="partial")
    latest = stages[-1]
    w.result("official", latest, authority, group="partial" if latest["counted"] else "final")
    if len(e.candidates) > 2 and rng.random() < 0.5:
        w.result("official", latest, authority, group="third")
    sections = [lambda: w.claim(e.candidates[e.winner]), lambda: w.claim(e.candidates[e.opposition])]
    if e.exit_poll and rng.random() < (0.7 if w.day < 1 else 0.3):
        firm = e.exit_poll["firm"]
        sections.append(lambda: w.result("exit-poll", e.exit_poll, firm_key(firm), firm=firm))
    tally = e.opposition_tally
    if tally and w.day >= tally["day"] and rng.random() < 0.6:
        party = e.candidates[e.opposition].party
        sections.append(lambda: w.result("opposition-tally", tally, party["key"], party=party["short"]))
    if rng.random() < 0.4:
        sections.append(lambda: w.claim(e.head))
    if w.day >= 1:
        sections += [lambda p=p: w.react(p) for p in rng.sample(e.people, rng.randint(1, 3))]
    sections += [w.background] * rng.randint(1, 3)
    rng.shuffle(sections)
    for section in sections:
        section()
    if w.lang == "nb" and rng.random() < 0.3:
        photo = load_data("pools")["photo"]
        caption = w.pick("caption", "nb").format(photographer=rng.choice(photo["photographers"]),
                                                 agency=rng.choice(photo["agencies"]))
        w.add(caption, paragraph=True)


def choose_day(rng: random.Random, election: Election) -> tuple[str, int]:
    """The kind of article (preview, night, after) and its day relative to the vote."""
    phases = ("preview", "night", "after") if election.opinion_polls else ("night", "after")
    phase = rng.choices(phases, (1, 3, 6)[-len(phases):])[0]
    if phase == "preview":
        return phase, -rng.randint(1, 14)
    first = election.stages[0]["day"]
    if phase == "night":
        return phase, max(first, rng.randint(0, 1))
    return phase, max(first, round(rng.triangular(1, 21, 2)))


def write_header(rng: random.Random, w: Writer, phase: str, date: datetime.date, index: int) -> str:
    """The ``key: value`` header lines and the blank line after them."""
    e, lang = w.election, w.lang
    publisher, host = rng.choice(load_data("pools")["publishers"][lang])
    a, b = sorted(e.candidates, key=lambda c: c.key == e.candidates[e.winner].key, reverse=True)[:2]
    title = w.pick("titles", lang, phase).format(
        winner_s=a.short, a_s=a.short, b_s=b.short, **w.country_slots(e.country))
    fields = {
        "url": f"https://{host}/{date:%Y/%m/%d}/{slugify(title)}-{index}",
        "title": title if rng.random() < 0.9 else None,
        "publisher": publisher if rng.random() < 0.9 else None,
        "date": date.isoformat(),
        "language": lang if rng.random() < 0.8 else None,
    }
    return "".join(f"{k}: {v}\n" for k, v in fields.items() if v is not None) + "\n"


def make_article(index: int, seed: int = 0) -> SyntheticArticle:
    """Article number ``index`` of the corpus of ``seed``, the same whatever the corpus size."""
    rng = random.Random(f"kg-synth:{seed}:{index}")
    elections, weights = build_world(seed)
    election = rng.choices(elections, weights)[0]
    lang = rng.choices(LANGUAGES, LANGUAGE_WEIGHTS)[0]
    phase, day = choose_day(rng, election)
    w = Writer(rng, election, lang, day)
    (write_preview if phase == "preview" else write_report)(w)
    date = election.date + datetime.timedelta(days=day)
    header = write_header(rng, w, phase, date, index) if rng.random() >= 0.1 else ""
    body = "".join(w.parts)
    name = f"{index:06d}.txt"
    truth = {"name": name, "election": election.key, "language": lang, "phase": phase,
             "date": date.isoformat(), "header": bool(header), "body_offset": len(header),
             **w.truth}
    return SyntheticArticle(name, header + body + "\n", truth)


def synthesize(n: int, *, seed: int = 0) -> Iterator[SyntheticArticle]:
    """The first ``n`` articles of the synthetic corpus of ``seed``.

    >>> [a.name for a in synthesize(2)]
    ['000000.txt', '000001.txt']
    >>> next(synthesize(1, seed=7)) == next(synthesize(5, seed=7))
    True
    """
    if n < 0:
        raise ValueError(f"the number of articles must be 0 or more, not {n}")
    for index in range(n):
        yield make_article(index, seed)


def write_corpus(n: int, out_dir: Path, *, seed: int = 0, truth: Path | None = None,
                 progress: bool = True) -> dict[str, int]:
    """Write ``n`` articles into ``out_dir`` (and their truth as JSON lines); return counts."""
    from tqdm import tqdm

    out_dir.mkdir(parents=True, exist_ok=True)
    counts = {"articles": 0, "bytes": 0, "results": 0, "claims": 0}
    truth_file = truth.open("w", encoding="utf-8") if truth else None
    try:
        articles = synthesize(n, seed=seed)
        for article in tqdm(articles, total=n, unit="article", disable=not progress):
            data = article.text.encode("utf-8")
            (out_dir / article.name).write_bytes(data)
            counts["articles"] += 1
            counts["bytes"] += len(data)
            counts["results"] += len(article.truth["results"])
            counts["claims"] += len(article.truth["claims"])
            if truth_file:
                truth_file.write(json.dumps(article.truth, ensure_ascii=False) + "\n")
    finally:
        if truth_file:
            truth_file.close()
    return counts


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The options of ``kg synth``."""
    parser.add_argument("n", type=int, metavar="N", help="how many articles to write")
    parser.add_argument("-o", "--output", type=Path, required=True, metavar="DIR",
                        help="folder to write the articles into (must be empty or new)")
    parser.add_argument("--seed", type=int, default=0, help="seed of the corpus (default 0)")
    parser.add_argument("--truth", type=Path, metavar="FILE",
                        help="ground-truth JSON lines file (default: DIR.truth.jsonl beside DIR)")
    parser.add_argument("--no-truth", action="store_true", help="do not write the ground truth")
    parser.add_argument("--force", action="store_true", help="write into a non-empty DIR")


def run(args: argparse.Namespace) -> int:
    """Write the synthetic corpus ``kg synth`` was asked for; 2 on bad arguments."""
    out_dir: Path = args.output
    if args.n < 0:
        print(f"kg synth: N must be 0 or more, not {args.n}", file=sys.stderr)
        return 2
    if out_dir.exists() and not out_dir.is_dir():
        print(f"kg synth: {out_dir} exists and is not a folder", file=sys.stderr)
        return 2
    if out_dir.is_dir() and any(out_dir.iterdir()) and not args.force:
        print(f"kg synth: {out_dir} is not empty; choose an empty folder or pass --force",
              file=sys.stderr)
        return 2
    truth = None if args.no_truth else args.truth or out_dir.with_name(out_dir.name + ".truth.jsonl")
    started = time.perf_counter()
    counts = write_corpus(args.n, out_dir, seed=args.seed, truth=truth,
                          progress=sys.stderr.isatty())
    seconds = time.perf_counter() - started
    print(f"wrote {counts['articles']} articles ({counts['bytes'] / 1e6:.1f} MB, "
          f"{counts['results']} results, {counts['claims']} claims) to {out_dir} "
          f"in {seconds:.1f} s" + (f"; truth in {truth}" if truth else ""))
    return 0
