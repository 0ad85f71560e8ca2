"""The elections synthetic articles report: invented ones from the name pools, and Venezuela 2024.

Shares are kept in hundredths of a percent (5120 is 51.20%) so that rounding stays exact.
"""

from __future__ import annotations

import datetime
import random
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from kg.synth.phrases import load_data, slugify

VENEZUELA_WEIGHT = 0.2  # share of articles about the real election


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
    spokespeople: list[Person] = field(default_factory=list)


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
    for _ in range(10_000):
        gender = rng.choice("mf")
        short = rng.choice(pools["surnames"])
        name = f"{rng.choice(pools['given'][gender])} {short}"
        if name not in used and short not in used:
            used.update((name, short))
            key = "person/" + slugify(name)
            return Person(key=key, name=name, short=short, gender=gender, **fields)
    raise ValueError("the name pools in kg/data/synth/pools.json are too small for the world")


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
    authority_key = f"organization/{slugify(authority['short'])}-{country['key']}"
    date = datetime.date(2024, 1, 14) + datetime.timedelta(days=rng.randrange(0, 700))
    for index, candidate in enumerate(candidates):
        candidate.role = "candidate"
        stance = {winner: "victory", opposition: rng.choice(("fraud", "opposition-victory"))}
        candidate.says = stance_statements(stance.get(index, "fraud"))
    foreign = [p for key, ps in leaders.items() if key != country["key"] for p in ps]
    reactors = rng.sample(foreign, 3)
    for person in reactors:
        person.congratulates = rng.random() < 0.4
    spokespeople = [
        invent_person(rng, used, role="spokesperson", party=candidates[i].party,
                      says=stance_statements(stance))
        for i, stance in ((winner, "victory"), (opposition, "fraud"))
    ]
    decimals = rng.choice((0, 1))
    return Election(
        key=f"election/{country['key']}-{date.year}",
        date=date,
        country=country,
        authority=authority | {"key": authority_key},
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
        spokespeople=spokespeople,
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
