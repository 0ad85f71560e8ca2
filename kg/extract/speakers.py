"""Who speaks: the entity a speech verb or a quotation belongs to.

The speaker is the nearest entity before the verb, skipping an appositive between commas and a
possessor ("Cuba's president"); a title or an unnamed spokesperson names the person holding it
("the interior minister said"); a pronoun or possessive is the subject of the sentence, or of the
last sentence naming a person; a list ("Chile, Peru and Uruguay called for …") speaks as each of
its members; a verb before its subject ("said the minister") takes the name after it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kg.model import Span

from .clauses import RELATIVE, in_aside, only_names, place_complement, possessor, title_phrase, word_set
from .languages import LANGUAGES, Language
from .mentions import NameMention
from .patterns import alternation, derived


#: The kinds of entity that may speak.
SPEAKER_KINDS = ("person/", "organization/", "country/", "party/")
#: What joins the members of a list of speakers ("Chile, Peru and Uruguay").
_LIST_JOINS = (", ", " and ", ", and ", " y ", ", y ", " og ", ", og ", " e ")


@dataclass(frozen=True)
class Context:
    """What every speaker finder reads: the article's text and language, the names that may speak,
    its sentences and its speech verbs."""

    text: str
    language: Language
    speakers: list[NameMention]
    sentences: list[Span]
    verbs: re.Pattern[str]


def speakers_of_quote(ctx: Context, sentence: Span, quote, quotes) -> tuple[list[str], int | None]:
    """Who speaks a quotation, and where its speech verb starts: the names between the quote and the
    verb, a pronoun's antecedent, or the name right after the verb ("“…,” said the minister")."""
    text = ctx.text
    following = [q for q in quotes if q.start() >= quote.end()]
    stop = following[0].start() if following else sentence.end
    verb = ctx.verbs.search(text, quote.end(), stop)
    aside = RELATIVE.search(text, quote.end(), verb.start()) if verb else None
    between = text[quote.end():aside.start()] + text[aside.end():verb.start()] if aside else \
        text[quote.end():verb.start()] if verb else ""
    if verb and only_names(between, ctx.language):
        # "“…,” Alfredo Torres, who runs Ipsos in Peru, told viewers": the relative clause is no speaker.
        named = [m for m in ctx.speakers if quote.end() <= m.span.begin and m.span.end <= verb.start()
                 and not (aside and aside.start() <= m.span.begin < aside.end())]
        if named:
            return with_list(ctx, named[-1]), verb.start()
        if word_set(text[quote.end():verb.start()]) & ctx.language.pronouns:
            subject = last_subject(ctx, quote.start())
            return ([subject] if subject else []), verb.start()
        after = [m for m in ctx.speakers if verb.end() < m.span.begin < stop
                 and only_names(text[verb.end():m.span.begin], ctx.language)]
        pronoun = re.match(r"\s*(\w+)", text[verb.end():])
        if pronoun and pronoun.group(1).lower() in ctx.language.pronouns:
            subject = last_subject(ctx, quote.start())
            return ([subject] if subject else []), verb.start()
        if after:
            people = [m for m in after if m.key.startswith("person/")]
            return [(people or after)[0].key], verb.start()
        titled = [m for m in ctx.speakers if verb.end() < m.span.begin < stop and m.key.startswith("person/")
                  and title_phrase(text[verb.end():m.span.begin], ctx.language)]
        if titled:  # "«…», escribió el presidente colombiano, Gustavo Petro."
            return [titled[0].key], verb.start()
        subject = last_subject(ctx, quote.start()) if ctx.language.pro_drop else None
        return ([subject] if subject else []), verb.start()
    earlier = [v for v in ctx.verbs.finditer(text, sentence.begin, quote.start())
               if not any(q.start() <= v.start() < q.end() for q in quotes)]
    if not earlier:
        return [], None
    verb = earlier[-1]
    return verb_subjects(ctx, sentence, verb, quotes), verb.start()


def complementizers(language: Language) -> str:
    """The language's complementizers as a regex alternation ("that", "at", "que"), built once per language.

    >>> from kg.extract.languages import SPANISH
    >>> complementizers(SPANISH)
    'que'
    """
    return derived(language, "complementizers", lambda: alternation(language.complementizers))


#: How far after its verb an inverted subject may reach before the complementizer.
_INVERTED_REACH = 90


def inverted_subject(ctx: Context, sentence: Span, verb) -> tuple[list[str], int]:
    """The subject standing after its verb, before "that": "I går bekreftet lederen av rådet, Ana Berg, at …".

    The last person named between verb and complementizer speaks; the statement starts after it.
    """
    text = ctx.text
    stop = min(sentence.end, verb.end() + _INVERTED_REACH)
    clause = re.search(r"[,\s]\s*(?:%s)\s" % complementizers(ctx.language), text[verb.end():stop])
    if not clause or re.search(r"[.;:!?«»“”\"]", text[verb.end():verb.end() + clause.start()]):
        return [], verb.end()
    at = verb.end() + clause.start()
    people = [m for m in ctx.speakers if verb.end() < m.span.begin and m.span.end <= at and m.key.startswith("person/")]
    return ([people[-1].key], at) if people else ([], verb.end())


def verb_subjects(ctx: Context, sentence: Span, verb, quotes) -> list[str]:
    """The entities that speak through ``verb``, or none when unsure."""
    text, language = ctx.text, ctx.language
    at, word = verb.start(), verb.group().lower()
    if any(w in language.passive for w in text[max(sentence.begin, at - 25):at].lower().split()[-2:]):
        return []
    clause = text[sentence.begin:at]
    local = [m for m in ctx.speakers if sentence.begin <= m.span.begin and m.span.end <= at
             and not in_aside(text, sentence.begin, m.span.begin, at) and not possessor(text, m)
             and not place_complement(text, m, language)]
    if word.endswith(("ing", "ndo")):
        if not re.search(r",\s*$", clause):
            return []
        people = [m for m in local if m.key.startswith("person/")] or local
        opens_with_pronoun = clause.split()[:1] and clause.split()[0].lower() in language.pronouns
        subject = people[0].key if people else pronoun_subject(ctx, sentence, at) if opens_with_pronoun else None
        return [subject] if subject else []
    if re.search(r"(?i)\b(?:%s)\b" % _SPOKESPERSON, clause):
        if local and local[-1].title == "spokesperson":
            return [local[-1].key]
        # "Dmitry Peskov, spokesman for President Putin, told …": the name the apposition describes.
        described = [m for m in local if re.match(r",\s*(?:the\s+|el\s+|la\s+)?(?:\w+\s+)?(?:%s)\b" % _SPOKESPERSON,
                                                 text[m.span.end:at], re.IGNORECASE)]
        if described:
            return [described[-1].key]
        # "A spokeswoman for the Unitary Platform said …": an unnamed spokesperson speaks for the body.
        body = [m for m in local if not m.key.startswith("person/") and re.search(
            r"(?i)(?:%s)\s+(?:for|of|de|del|de la)\s+(?:the\s+)?$" % _SPOKESPERSON,
            text[max(sentence.begin, m.span.begin - 40):m.span.begin])]
        return [body[-1].key] if body and not re.search(r"[,;]", text[body[-1].span.end:at]) else []
    last = re.findall(r"\w+", clause)
    if last and last[-1].lower() in language.pronouns:
        subject = pronoun_subject(ctx, sentence, at)
        return [subject] if subject else []
    commas = [i for i, c in enumerate(clause) if c == ","]
    if len(commas) >= 2 and not clause[commas[-1] + 1:].strip():
        inner = [m for m in local if m.span.end == sentence.begin + commas[-1]
                 and re.fullmatch(r"\s*(?:the|la|el|los|las|den|det)?\s*",
                                  text[sentence.begin + commas[-2] + 1:m.span.begin], re.IGNORECASE)]
        if inner:
            return [inner[0].key]
        apposed = apposed_person(ctx, sentence.begin + commas[-2] + 1, sentence.begin + commas[-1])
        head = [m for m in local if m.span.end <= sentence.begin + commas[-2]]
        if apposed and not (head and head[-1].key.startswith("person/")):
            # "El jefe de la misión de la OEA, el excanciller chileno Ana Ruiz, declaró": the person named.
            return [apposed.key]
        # "X (ACR), the watchdog that …, said": the name (or its bracketed acronym) before the apposition.
        named = [m for m in local if m.span.end <= sentence.begin + commas[-2]
                 and re.fullmatch(r"\s?(?:\s*\([^()]{1,12}\))?", text[m.span.end:sentence.begin + commas[-2]])]
        if named:
            return with_list(ctx, named[-1])
    if local and not re.search(r"[,;:]", text[local[-1].span.end:at]) or local and len(commas) < 2:
        return with_list(ctx, local[-1])
    titled = _title_subject(ctx, sentence, clause)
    if titled:
        return [titled]
    if language.pro_drop and not local and not re.search(r"[,;:]\s*$", clause.strip()[-1:] or ""):
        subject = last_subject(ctx, sentence.begin)
        return [subject] if subject else []
    return []


#: The word for a spokesperson in each language: one named by it speaks for the body or person it serves.
_SPOKESPERSON = r"spokes(?:man|woman|person)|talsperson|portavoz|vocer[oa]"


#: Words that tie a name to the noun before it ("the ally of X"): that name is not the apposition's own.
_LINKS = frozenset("of for to with de del a con av fra for til med".split())


_ARTICLES = frozenset("the a an el la los las un una den det en et".split())


_INDEFINITE = frozenset("a an un una en et".split())


def apposed_person(ctx: Context, begin: int, end: int) -> NameMention | None:
    """The person an apposition between commas names after a role: ", the former minister Ana Ruiz,".

    Only lowercase words (role, demonym) may stand before the name, the last of them no linking word.
    """
    for m in ctx.speakers:
        if m.span.end == end and begin <= m.span.begin and m.key.startswith("person/"):
            words = ctx.text[begin:m.span.begin].split()
            words = words[1:] if words and words[0].lower() in _ARTICLES else words
            if 1 <= len(words) <= 4 and all(w.islower() for w in words) and words[-1] not in _LINKS:
                return m
    return None


def _title_subject(ctx: Context, sentence: Span, clause: str) -> str | None:
    """A subject named only by a title ("El mandatario, de 61 años, aseguró"): the last person holding it."""
    words = [w.lower() for w in re.findall(r"\w+", clause)[:3]]
    role = next((ctx.language.titles[w] for w in words if ctx.language.titles.get(w)), None)
    if not role:
        return None
    before = [m for m in ctx.speakers if m.span.end <= sentence.begin and m.key.startswith("person/")]
    holders = [m for m in before if m.title == role]
    if holders:
        return holders[-1].key
    # "The president-elect said …", "La mandataria aseguró …": a definite title with no holder named
    # as such stands for the person the text last named.
    definite = words and words[0] in _ARTICLES and words[0] not in _INDEFINITE
    named_here = any(sentence.begin <= m.span.begin < sentence.begin + len(clause) and m.key.startswith("person/")
                     for m in ctx.speakers)
    return before[-1].key if definite and before and not named_here else None


def title_holder(ctx: Context, sentence: Span, phrase: str) -> NameMention | None:
    """The person a title phrase names ("the interior minister"): the last one named with that title before
    the sentence, else the last person named before it."""
    words = re.findall(r"\w+", phrase.lower())
    if not (1 <= len(words) <= 3 and any(ctx.language.titles.get(w) for w in words)):
        return None
    role = next(ctx.language.titles[w] for w in words if ctx.language.titles.get(w))
    before = [m for m in ctx.speakers if m.span.end <= sentence.begin and m.key.startswith("person/")]
    holders = [m for m in before if m.title == role]
    return (holders or before or [None])[-1]


def with_list(ctx: Context, mention: NameMention) -> list[str]:
    """The speaker and any names listed with it ("Chile, Peru and Costa Rica")."""
    chain = [mention]
    for m in reversed([m for m in ctx.speakers if m.span.end <= mention.span.begin]):
        if ctx.text[m.span.end:chain[-1].span.begin] in _LIST_JOINS and m.key.split("/")[0] == mention.key.split("/")[0]:
            chain.append(m)
        else:
            break
    return sorted({m.key for m in chain})


#: Possessives that, like a pronoun, refer back to the last person named ("Según sus cálculos").
_POSSESSIVES = frozenset(w for language in LANGUAGES.values() for w in language.possessives)


def pronoun_holder(ctx: Context, sentence: Span, phrase: str) -> NameMention | None:
    """The mention of the person a pronoun or possessive phrase stands for ("ella", "sus cálculos")."""
    words = phrase.lower().split()
    if not words or len(words) > 3 or not (words[0] in ctx.language.pronouns or words[0] in _POSSESSIVES):
        return None
    key = last_subject(ctx, sentence.begin)
    return next((m for m in ctx.speakers if m.key == key), None) if key else None


def pronoun_subject(ctx: Context, sentence: Span, at: int) -> str | None:
    """Who a pronoun before ``at`` stands for: a person opening the sentence, else the last sentence's subject."""
    opening = [m for m in ctx.speakers if sentence.begin <= m.span.begin < at and m.key.startswith("person/")
               and len(ctx.text[sentence.begin:m.span.begin].split()) <= 2]
    return opening[0].key if opening else last_subject(ctx, sentence.begin)


def last_subject(ctx: Context, position: int) -> str | None:
    """The first person named in the nearest sentence before ``position`` that names one."""
    for sentence in reversed([s for s in ctx.sentences if s.begin < position]):
        people = [m for m in ctx.speakers if sentence.begin <= m.span.begin < min(sentence.end, position)
                  and m.key.startswith("person/")]
        if people:
            return people[0].key
    return None
