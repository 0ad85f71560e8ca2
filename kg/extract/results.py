"""Reported results: each vote-share figure tied to its candidate, source, kind and count.

Per sentence: a figure written as a possessive ("Maduro's 31%") belongs to that name; one
followed by "for X" ("44% for his main rival, Edmundo Gonzales") to the name or rival after it;
any other to the nearest person (or pronoun) before it in the sentence, else the nearest party or
side ("the opposition"). The kind comes from the sentence (:mod:`.kinds`): its cue words (exit
poll, poll, the opposition's tally, the electoral authority), an electoral body it names, or a
source carried over from the sentences before.
A figure with no candidate, or with turnout/margin/threshold words around it, is no result.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from decimal import Decimal  # noqa: F401 (the doctests use it)

from kg.model import Article, Result, Span

from .clauses import RELATIVE
from .figures import Figure, find_figures, is_vote_share
from .languages import ENGLISH, NORWEGIAN, Language  # noqa: F401 (the doctests use them)
from .mentions import NameMention
from .kinds import count_source, is_electoral, list_source, one_block, poll_in_stretch, sentence_source
from .patterns import alternation, derived, share_verb_phrase
from .reference import Reference
from .text import sentence_of, split_sentences

CANDIDATE_KINDS = ("person/", "party/")
#: Words for votes: a name after them is not the one a "for"/"de" phrase gives the figure to.
_VOTE_WORDS = re.compile(r"(?i)\b(?:votes?|ballots?|votos?|stemmene|stemmer|sufragios)\b")


def extract_results(article: Article, mentions: list[NameMention], language: Language, reference: Reference,
                    election: str | None) -> list[Result]:
    """The vote-share results ``article`` reports."""
    text = article.text
    figures = find_figures(text, language)
    sides = _sides(mentions, reference)
    results: list[Result] = []
    source: tuple[str, str | None] | None = None
    counted: Figure | None = None
    age = 0
    source_at: int | None = None
    article_body = next((m.key for m in mentions if is_electoral(m, reference)), None)
    ordered = sorted(mentions, key=lambda m: m.span.begin)
    begins = [m.span.begin for m in ordered]
    for sentence in split_sentences(text):
        inside = [f for f in figures if sentence.begin <= f.span.begin < sentence.end]
        local = ordered[bisect_left(begins, sentence.begin):bisect_left(begins, sentence.end)]
        own = sentence_source(text, sentence, local, article_body, language, reference, sides,
                      inside[0].span.begin if inside else None) or list_source(text, sentence, language, article_body)
        # A source carries over two sentences, or to the end of its own paragraph (a live-blog entry
        # reading out a tally goes on for several); a paragraph ending in a colon runs on into its list.
        same_paragraph = source_at is not None and one_block(text, source_at, sentence.begin)
        # A partial count carries on an earlier count's source, never a poll's.
        carried = source if source and source[0] in ("official", "opposition-tally") and (age < 2 or same_paragraph) else None
        if own is None and any(f.counted for f in inside) and not carried:
            own = count_source(text, sentence, language, article_body)
        source, age = (own, 0) if own else (source if age < 2 or same_paragraph else None, age + 1)
        source_at = sentence.begin if own else source_at
        counted = next((f for f in inside if f.counted), counted if age == 1 or own is None else None)
        given: list[str] = []
        for figure in inside:
            if not is_vote_share(text, figure, language):
                continue
            end = next((f.span.begin for f in inside if f.span.begin > figure.span.begin), sentence.end)
            start = max((f.span.end for f in inside if f.span.end <= figure.span.begin), default=sentence.begin)
            candidate = _candidate(text, figure, Span(sentence.begin, end), sentence, mentions, language, given, sides,
                                   start)
            if candidate is None:
                continue
            given.append(candidate)
            kind, announcer = source or ("unattributed", None)
            if start > sentence.begin:
                kind, announcer = poll_in_stretch(text, Span(start, figure.span.begin), local, language, reference,
                                                   (kind, announcer))
            if candidate == sides.get("coalition") or _side_named(text, sentence, figure, language):
                kind, announcer = "opposition-tally", sides.get("coalition")
            results.append(Result(
                candidate=candidate, share=figure.share, share_text=figure.text, precision=figure.precision,
                bound=figure.bound, kind=kind, span=figure.span, sentence=sentence,  # type: ignore[arg-type]
                counted=counted.share if counted else None, counted_bound=counted.bound if counted else None,  # type: ignore[arg-type]
                announced_by=announcer, election=election,
            ))
    return results


def _sides(mentions: list[NameMention], reference: Reference) -> dict[str, str]:
    """The opposition's coalition and candidate as far as the article names them."""
    sides: dict[str, str] = {}
    coalition = next((m.key for m in mentions if reference.in_category(m.key, "opposition-coalition")), None)
    if coalition:
        sides["coalition"] = coalition
    titled = Counter(m.key for m in mentions if m.title == "candidate" and not reference.in_category(m.key, "incumbent"))
    known = Counter(m.key for m in mentions if reference.in_category(m.key, "candidate")
                    and not reference.in_category(m.key, "incumbent"))
    pick = titled or known
    if pick:
        sides["candidate"] = max(sorted(pick), key=lambda k: pick[k])
    return sides


def _side_named(text: str, sentence: Span, figure: Figure, language: Language) -> bool:
    """Whether the sentence has the opposition as its subject ("The opposition says …", "Opposisjonen viser til")."""
    head = " ".join(text[sentence.begin:figure.span.begin].lower().split()[:3])
    return any(w in head and re.search(r"(?<!\w)%s(?!\w)" % re.escape(w), head) for w in language.opposition)


def _candidate(text, figure: Figure, window: Span, sentence: Span, mentions, language, given, sides,
               segment_begin: int | None = None) -> str | None:
    local = [m for m in mentions if sentence.begin <= m.span.begin < window.end and m.key.startswith(CANDIDATE_KINDS)]
    asides = _relative_clauses(text, Span(sentence.begin, figure.span.begin))
    local = [m for m in local if not any(a.begin <= m.span.begin < a.end for a in asides)]
    before = text[sentence.begin:figure.span.begin]
    segment = [m for m in local if (segment_begin or sentence.begin) <= m.span.begin and m.span.end <= figure.span.begin]
    owner = _segment_owner(text, segment, language)
    if owner is not None and _pronoun_before(text[segment[-1].span.end:figure.span.begin], language) is None:
        return _candidate_of(text, owner, mentions, language, given) or owner.key
    placed = _placed_at(text, figure, local, language) or _subject_of_share_verb(text, figure, local, language)
    if placed is not None:  # "Maduro fra Sosialistpartiet fikk 51,2 prosent": the member before the party
        return _member_before(text, placed, local, language) or placed.key
    possessor = next((m for m in local if m.span.end <= figure.span.begin and re.fullmatch(r"\s*(?:'s|’s|s)?\s*", text[m.span.end:figure.span.begin])), None)
    if possessor:
        return _member_before(text, possessor, local, language) or possessor.key
    after = text[figure.span.end:window.end]
    clause = re.split(r"[;.]|,? (?:and|while|but|og|men|y|e|mientras|mens)\b", after)[0]
    head = re.match(r"\s*(?:of the vote\s*|av stemmene\s*|de los votos\s*)?(%s)\b" % "|".join(map(re.escape, language.share_for)),
                    clause, re.IGNORECASE)
    if head:
        following = [m for m in local if figure.span.end <= m.span.begin < figure.span.end + len(clause)
                     and not _VOTE_WORDS.search(text[figure.span.end + head.end():m.span.begin])]
        lower = clause.lower()
        rival_at = min((lower.find(w) for w in language.rival if w in lower), default=-1)
        if following and (rival_at < 0 or following[0].span.begin - figure.span.end < rival_at + 30):
            return _owned_party(text, following) or following[0].key
        if rival_at >= 0:
            return _rival(mentions, given)
    people = [m for m in local if m.span.end <= figure.span.begin and m.key.startswith("person/")]
    pronoun = _pronoun_before(before, language)
    if people and (pronoun is None or sentence.begin + pronoun < people[-1].span.begin):
        return people[-1].key
    if pronoun is not None:
        earlier = [m for m in mentions if m.span.end <= sentence.begin + pronoun and m.key.startswith("person/")]
        if earlier:
            return _antecedent(earlier, sentence).key
    parties = [m for m in local if m.span.end <= figure.span.begin]
    side_at = max((before.lower().rfind(w) for w in language.opposition if w in before.lower()), default=-1)
    side = sides.get("candidate") or sides.get("coalition")
    if side and side_at >= 0 and (not parties or sentence.begin + side_at > parties[-1].span.begin):
        return side
    if parties:
        return _candidate_of(text, parties[-1], mentions, language, given) or parties[-1].key
    return _previous_subject(text, figure, sentence, mentions)


def _placed_at(text: str, figure: Figure, local, language: Language) -> NameMention | None:
    """The name a verb puts at the figure: "Elections Canada put the Liberals at 43.7%", "had Marcos at 56%".

    >>> m = lambda key, b, e: NameMention("", Span(b, e), Span(0, 60), key=key)
    >>> t = "Elections Canada put the Liberals at 43.7%"
    >>> f = Figure(Decimal("43.7"), "43.7%", Span(37, 42), Decimal("0.1"), "exact")
    >>> _placed_at(t, f, [m("organization/ec", 0, 16), m("party/liberals", 25, 33)], ENGLISH).key
    'party/liberals'
    """
    if not language.share_at:
        return None
    placed = derived(language, "placed-at", lambda: re.compile(
        r"(?:'s|’s|s)?\s+(?:%s)\s+(?:(?:%s)\s+)?" % (alternation(language.share_at), alternation(language.bounds)),
        re.IGNORECASE))
    return _name_joined_to(text, figure, local, placed)


def _subject_of_share_verb(text: str, figure: Figure, local, language: Language) -> NameMention | None:
    """The name right before a verb of scoring and the figure: "…, the CDU/CSU won 28.5%", "Venstre falt til 13,3 prosent".

    >>> m = lambda key, b, e: NameMention("", Span(b, e), Span(0, 60), key=key)
    >>> t = "published by Ruth Brand, the CDU/CSU won 28.5%"
    >>> f = Figure(Decimal("28.5"), "28.5%", Span(41, 46), Decimal("0.1"), "exact")
    >>> _subject_of_share_verb(t, f, [m("person/ruth-brand", 13, 23), m("party/cdu-csu", 29, 36)], ENGLISH).key
    'party/cdu-csu'
    """
    if not language.share_verbs:
        return None
    verb = derived(language, "share-verb", lambda: re.compile(share_verb_phrase(language), re.IGNORECASE))
    return _name_joined_to(text, figure, local, verb)


def _name_joined_to(text: str, figure: Figure, local, link: re.Pattern) -> NameMention | None:
    """The nearest name before ``figure`` whose words up to it are all ``link``."""
    return next((m for m in reversed(local) if m.span.end <= figure.span.begin
                 and link.fullmatch(text, m.span.end, figure.span.begin)), None)


def _segment_owner(text: str, segment: list[NameMention], language: Language) -> NameMention | None:
    """The party a figure's own stretch of the sentence (since the figure before it) is about, if any.

    Within that stretch the head of the last phrase owns the figure: a party with no person named
    after it ("… and the Greens 11.6%"), or a party named for the person after it ("the SPD of
    Chancellor Olaf Scholz 16.4%"). None when a person heads the stretch (the usual reading applies).

    >>> m = lambda key, b, e: NameMention("", Span(b, e), Span(0, 60), key=key)
    >>> t = "the SPD of Chancellor Olaf Scholz 16.4%"
    >>> _segment_owner(t, [m("party/spd", 4, 7), m("person/olaf-scholz", 22, 33)], ENGLISH).key
    'party/spd'
    >>> _segment_owner("Ana Lima of the Sol party 40%", [m("person/ana-lima", 0, 8), m("party/sol", 16, 19)], ENGLISH) is None
    True
    """
    if not segment:
        return None
    people = [m for m in segment if m.key.startswith("person/")]
    if not people:
        return segment[-1] if segment[-1].key.startswith("party/") else None
    person = people[-1]
    following = next((m for m in segment if m.span.begin >= person.span.end), None)
    if segment[-1].key.startswith("party/") and following is not None and following.key.startswith("party/") \
            and _genitive_before(text, person, following):
        return segment[-1]  # "Lars Løkke Rasmussens nye parti Moderaterne fikk 9,3 prosent": the party is the subject
    heads = [m for m in segment if m.key.startswith("party/") and m.span.end <= person.span.begin]
    if not heads or person is not segment[-1] or not language.party_of:
        return None
    # the link, then at most a few lowercase or title words ("of former finance minister", "of Chancellor")
    link = derived(language, "party-of", lambda: re.compile(
        r"\)?\s*,?\s*(?:%s)\s+(?:[^\s,.;%%\d]+\s+){0,4}" % alternation(language.party_of), re.IGNORECASE))
    return heads[-1] if link.fullmatch(text, heads[-1].span.end, person.span.begin) else None


def _genitive_before(text: str, person: NameMention, party: NameMention) -> bool:
    """Whether a person stands as a genitive before the party ("Ana Limas nye parti Sol", "Ana Lima's new party, Sol").

    >>> m = lambda key, b, e: NameMention("", Span(b, e), Span(0, 60), key=key)
    >>> _genitive_before("Ana Limas nye parti Sol", m("person/ana-lima", 0, 9), m("party/sol", 20, 23))
    True
    >>> _genitive_before("Ana Lima of the Sol", m("person/ana-lima", 0, 8), m("party/sol", 16, 19))
    False
    >>> _genitive_before("Ana Lima's Sol party", m("person/ana-lima", 0, 8), m("party/sol", 11, 20))
    True
    """
    between = text[person.span.end:party.span.begin]
    name = text[person.span.begin:person.span.end]
    if between.startswith(("'s ", "’s ")):  # "Jacob Zuma's uMkhonto weSizwe party": no adjective needed
        return re.fullmatch(r"(?:'s|’s)(?:\s+[a-zæøåéíóúñ]+){0,3},?\s+", between) is not None
    genitive = name.endswith("s") and between[:1] == " "
    return genitive and re.fullmatch(r"(?:\s+[a-zæøåéíóúñ]+){1,3},?\s+", between) is not None


def _owned_party(text: str, following: list[NameMention]) -> str | None:
    """For "went to Ana Lind's Sol Party": a person's party named right after the person's genitive is the owner.

    >>> m = lambda key, b, e: NameMention("", Span(b, e), Span(0, 50), key=key)
    >>> t = "went to Ana Lind's Sol Party"
    >>> _owned_party(t, [m("person/ana-lind", 8, 16), m("party/sol-party", 19, 28)])
    'party/sol-party'
    >>> _owned_party("went to Ana Lind and Sol Party", [m("person/ana-lind", 8, 16), m("party/sol-party", 21, 30)]) is None
    True
    """
    if len(following) < 2 or not following[0].key.startswith("person/") or not following[1].key.startswith("party/"):
        return None
    between = text[following[0].span.end:following[1].span.begin]
    return following[1].key if between in ("'s ", "’s ") else None


def _member_before(text: str, party: NameMention, local, language: Language) -> str | None:
    """For "X from the former rebel movement Renamo 5.8%": the person the party right before a figure is named for.

    >>> m = lambda key, b, e: NameMention("", Span(b, e), Span(0, 50), key=key)
    >>> t = "Ana Lima fra partiet Sol 5 prosent"
    >>> _member_before(t, m("party/sol", 21, 24), [m("person/ana-lima", 0, 8), m("party/sol", 21, 24)], NORWEGIAN)
    'person/ana-lima'
    >>> _member_before("Ana Lima og Sol 5 prosent", m("party/sol", 12, 15), [m("person/ana-lima", 0, 8)], NORWEGIAN) is None
    True
    """
    people = [m for m in local if m.key.startswith("person/") and m.span.end <= party.span.begin]
    if not party.key.startswith("party/") or not people or not language.member_of:
        return None
    link = derived(language, "member-of", lambda: re.compile(
        r"\s*,?\s*(?:%s)\b[^,.;%%\d]{0,40}" % alternation(language.member_of), re.IGNORECASE))
    # Only the last person before the party: one further back is not the party's member.
    return people[-1].key if link.fullmatch(text, people[-1].span.end, party.span.begin) else None


def _candidate_of(text: str, party: NameMention, mentions, language, given) -> str | None:
    """For "al candidato del Movimiento Semilla el 58 %": the person standing for that party.

    The person named just before the party elsewhere in the article ("Ana Ruiz, de Semilla"), else
    the person the article names most (the candidate it is about). None when the party is not
    introduced as someone's ("the candidate of").
    """
    before = text[max(0, party.span.begin - 30):party.span.begin].lower()
    if not re.search(r"\b(?:%s)\s+(?:of|for|de|del|de la|for the|of the)?\s*$" % _candidate_words(language), before):
        return None
    people = [m for m in mentions if m.key.startswith("person/") and m.key not in given]
    for m in mentions:
        if m.key == party.key and m is not party:
            near = [p for p in people if p.sentence == m.sentence and 0 <= m.span.begin - p.span.end <= 12]
            if near:
                return near[-1].key
    counts = Counter(m.key for m in people)
    return max(sorted(counts), key=lambda k: counts[k]) if counts else None


def _candidate_words(language) -> str:
    return "|".join(re.escape(w) for w, role in language.titles.items() if role == "candidate" and " " not in w)


def _previous_subject(text: str, figure: Figure, sentence: Span, mentions) -> str | None:
    """For "El economista … se impuso con el 55,7 % de los votos": the person the last sentence was about.

    Only for a figure written as a share of the votes, so that other percentages are not given away.
    """
    if not _VOTE_WORDS.search(text[figure.span.end:figure.span.end + 20]):
        return None
    earlier = [m for m in mentions if m.sentence.end <= sentence.begin and m.key.startswith("person/")]
    if not earlier:
        return None
    last_sentence = earlier[-1].sentence
    return next(m.key for m in earlier if m.sentence == last_sentence)


def _relative_clauses(text: str, stretch: Span) -> list[Span]:
    """The relative clauses set off by commas in ``stretch``: a name inside one does not own a figure after it.

    >>> t = "VVD, som har styrt i 13 år under Mark Rutte, falt til 15,2 prosent"
    >>> [t[s.begin:s.end] for s in _relative_clauses(t, Span(0, 54))]
    [', som har styrt i 13 år under Mark Rutte']
    """
    return [Span(stretch.begin + m.start(), stretch.begin + m.end())
            for m in RELATIVE.finditer(text[stretch.begin:stretch.end])]


def _antecedent(earlier: list[NameMention], sentence: Span) -> NameMention:
    """The person a pronoun opening a clause refers back to: the first person of the last sentence naming one.

    A pronoun in the same sentence takes the last person before it; one in a later sentence takes
    that sentence's subject, not its last name ("… hadde Trump 50,9 prosent og Harris 47,5 prosent.
    Da alle stemmene var talt, hadde han 49,8 prosent": han is Trump).

    >>> m = lambda key, b, s: NameMention("", Span(b, b + 5), Span(s, s + 40), key=key)
    >>> _antecedent([m("person/trump", 10, 0), m("person/harris", 30, 0)], Span(50, 90)).key
    'person/trump'
    >>> _antecedent([m("person/trump", 10, 0), m("person/harris", 60, 50)], Span(50, 90)).key
    'person/harris'
    """
    last = earlier[-1]
    if last.sentence == sentence:
        return last
    return next(m for m in earlier if m.sentence == last.sentence)


def _pronoun_before(before: str, language: Language) -> int | None:
    found = [m.start() for m in re.finditer(r"\b(\w+)\b", before) if m.group(1).lower() in language.pronouns]
    return found[-1] if found else None


def _rival(mentions: list[NameMention], given: list[str]) -> str | None:
    candidates = Counter(m.key for m in mentions if m.title == "candidate" and m.key not in given)
    if not candidates:
        candidates = Counter(m.key for m in mentions if m.key.startswith("person/") and m.key not in given)
    return max(sorted(candidates), key=lambda k: candidates[k]) if candidates else None


__all__ = ["extract_results", "sentence_of"]
