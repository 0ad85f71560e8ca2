"""Writing one article body: sentence by sentence, recording the truth of what it states."""

from __future__ import annotations

import datetime
import random
from typing import Any

from kg.synth.phrases import (
    choose_share, format_number, load_data, misspell, parse_template, render, slugify,
)
from kg.synth.world import Election, Person, stance_statements


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
        table = "background_preview" if day < 0 else "background"
        self.backgrounds = rng.sample(self.templates[table][lang], 4)

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
            # A bullet and a dash quote are paragraphs of their own, as in print.
            new = new or self.parts[-1].rsplit("\n", 1)[-1].startswith(("- ", "– "))
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
                self.truth["variants"].append(
                    {"key": person.key, "canonical": written, "written": variant})
                written = variant
        self.written = written  # the bare name, for the truth file
        if not first and self.lang == "en" and self.rng.random() < 0.15:
            return f"{'Ms' if person.gender == 'f' else 'Mr'} {written}"
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
        country = self.election.country[self.lang]["name"]
        content = (quote if quoted else reported).format(country=country)
        template = self.pick("quoted" if quoted else "reported", self.lang)
        speaker = self.name(person)
        slots = {"speaker": speaker, "q": ("", content), "r": ("", content)}
        said_by = self.written
        dash = template.startswith("–") or None  # a dash quote opens a paragraph
        start, spans, _ = self.sentence(template, slots, paragraph=dash)
        begin, end = spans["q" if quoted else "r"]
        self.truth["claims"].append({"speaker": person.key, "speaker_text": said_by,
                                     "text": content, "quoted": quoted,
                                     "begin": start + begin, "end": start + end})

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
                     registered=marks["million"][lang].format(
                         n=format_number(e.registered * 10, 1, lang)),
                     stations=f"{e.stations:,}".replace(",", marks["thousands_mark"][lang]),
                     observers=str(e.observers),
                     date=marks["date"][lang].format(d=e.date.day, month=month),
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
    if w.lang == "en" and rng.random() < 0.1:  # a summary in bullets above the story
        for title in rng.sample(w.templates["titles"]["en"]["after"], 2):
            w.add("- " + title.format(**title_slots(w)), paragraph=True)
    authority = e.authority["key"]
    stages = official_stages(e, w.day)
    if len(stages) > 1 and rng.random() < 0.3:
        w.result("official", rng.choice(stages[:-1]), authority, group="partial")
    latest = stages[-1]
    w.result("official", latest, authority, group="partial" if latest["counted"] else "final")
    if len(e.candidates) > 2 and rng.random() < 0.5:
        w.result("official", latest, authority, group="third")
    winner, runner_up = e.candidates[e.winner], e.candidates[e.opposition]
    sections = [lambda: w.claim(winner), lambda: w.claim(runner_up)]
    if e.exit_poll and rng.random() < (0.7 if w.day < 1 else 0.3):
        firm = e.exit_poll["firm"]
        sections.append(lambda: w.result("exit-poll", e.exit_poll, firm_key(firm), firm=firm))
    tally = e.opposition_tally
    if tally and w.day >= tally["day"] and rng.random() < 0.6:
        party = e.candidates[e.opposition].party
        sections.append(
            lambda: w.result("opposition-tally", tally, party["key"], party=party["short"]))
    if rng.random() < 0.4:
        sections.append(lambda: w.claim(e.head))
    if e.spokespeople and rng.random() < 0.4:
        sections.append(lambda: w.claim(rng.choice(e.spokespeople)))
    if w.day >= 1:
        sections += [lambda p=p: w.react(p) for p in rng.sample(e.people, rng.randint(1, 3))]
    sections += [w.background] * rng.randint(1, 3)
    rng.shuffle(sections)
    for section in sections:
        section()
    if rng.random() < (0.3 if w.lang == "nb" else 0.1):
        photo = load_data("pools")["photo"]
        caption = w.pick("caption", w.lang).format(photographer=rng.choice(photo["photographers"]),
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


def title_slots(w: Writer) -> dict[str, str]:
    """What titles and summary bullets may name: the winner, the runner-up, the country."""
    e = w.election
    winner, runner_up = e.candidates[e.winner].short, e.candidates[e.opposition].short
    return dict(w.country_slots(e.country), winner_s=winner, a_s=winner, b_s=runner_up)


def write_header(rng: random.Random, w: Writer, title: str, date: datetime.date, index: int) -> str:
    """The ``key: value`` header lines and the blank line after them."""
    publisher, host = rng.choice(load_data("pools")["publishers"][w.lang])
    fields = {
        "url": f"https://{host}/{date:%Y/%m/%d}/{slugify(title)}-{index}",
        "title": title if rng.random() < 0.9 else None,
        "publisher": publisher if rng.random() < 0.9 else None,
        "date": date.isoformat(),
        "language": w.lang if rng.random() < 0.8 else None,
    }
    return "".join(f"{k}: {v}\n" for k, v in fields.items() if v is not None) + "\n"
