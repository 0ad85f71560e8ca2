"""Reported results: each vote-share figure tied to its candidate, source, kind and count.

Per sentence: a figure written as a possessive ("Maduro's 31%") belongs to that name; one
followed by "for X" ("44% for his main rival, Edmundo Gonzales") to the name or rival after it;
any other to the nearest person (or pronoun) before it in the sentence, else the nearest party or
side ("the opposition"). The kind comes from the sentence's cue words (exit poll, poll, the
opposition's tally, the electoral authority), or from an electoral body named in the sentence;
a poll by a named firm in an article that speaks of exit polls is taken as that exit poll.
A figure with no candidate, or with turnout/margin/threshold words around it, is no result.
"""

from __future__ import annotations

import re
from collections import Counter

from kg.model import Article, Result, Span

from .figures import Figure, find_figures, is_vote_share
from .languages import Language
from .mentions import NameMention
from .reference import Reference
from .text import sentence_of, split_sentences

CANDIDATE_KINDS = ("person/", "party/")


def extract_results(article: Article, mentions: list[NameMention], language: Language, reference: Reference,
                    election: str | None, opposition: str | None) -> list[Result]:
    """The vote-share results ``article`` reports."""
    text = article.text
    sentences = split_sentences(text)
    figures = find_figures(text, language)
    results: list[Result] = []
    for sentence in sentences:
        inside = [f for f in figures if sentence.begin <= f.span.begin < sentence.end]
        counted = next((f for f in inside if f.counted), None)
        given: list[str] = []
        for figure in inside:
            if not is_vote_share(text, figure, language):
                continue
            candidate = _candidate(text, figure, sentence, mentions, language, given, opposition)
            if candidate is None:
                continue
            given.append(candidate)
            kind, announcer = _kind(text, sentence, mentions, language, reference, candidate, opposition)
            results.append(Result(
                candidate=candidate, share=figure.share, share_text=figure.text, precision=figure.precision,
                bound=figure.bound, kind=kind, span=figure.span, sentence=sentence,  # type: ignore[arg-type]
                counted=counted.share if counted else None, counted_bound=counted.bound if counted else None,  # type: ignore[arg-type]
                announced_by=announcer, election=election,
            ))
    return results


def _candidate(text, figure: Figure, sentence: Span, mentions, language, given, opposition) -> str | None:
    local = [m for m in mentions if sentence.begin <= m.span.begin < sentence.end and m.key.startswith(CANDIDATE_KINDS)]
    before = text[sentence.begin:figure.span.begin]
    possessor = next((m for m in local if m.span.end <= figure.span.begin and re.fullmatch(r"\s*(?:'s|’s|s)?\s*", text[m.span.end:figure.span.begin])), None)
    if possessor:
        return possessor.key
    after = text[figure.span.end:sentence.end]
    clause = re.split(r"[;.]|, (?:and|while|but|og|men|y|mientras)\b", after)[0]
    head = re.match(r"\s*(?:of the vote\s*|av stemmene\s*|de los votos\s*)?(%s)\b" % "|".join(map(re.escape, language.share_for)),
                    clause, re.IGNORECASE)
    if head:
        following = [m for m in local if figure.span.end <= m.span.begin < figure.span.end + len(clause)]
        lower = clause.lower()
        rival_at = min((lower.find(w) for w in language.rival if w in lower), default=-1)
        if following and (rival_at < 0 or following[0].span.begin - figure.span.end < rival_at + 30):
            return following[0].key
        if rival_at >= 0:
            return _rival(mentions, given)
    people = [m for m in local if m.span.end <= figure.span.begin and m.key.startswith("person/")]
    pronoun = _pronoun_before(before, language)
    if people and (pronoun is None or sentence.begin + pronoun < people[-1].span.begin):
        return people[-1].key
    if pronoun is not None:
        earlier = [m for m in mentions if m.span.end <= sentence.begin + pronoun and m.key.startswith("person/")]
        if earlier:
            return earlier[-1].key
    sides = [m for m in local if m.span.end <= figure.span.begin]
    side_at = max((before.lower().rfind(w) for w in language.opposition if w in before.lower()), default=-1)
    if opposition and side_at >= 0 and (not sides or sentence.begin + side_at > sides[-1].span.begin):
        return opposition
    return sides[-1].key if sides else None


def _pronoun_before(before: str, language: Language) -> int | None:
    found = [m.start() for m in re.finditer(r"\b(\w+)\b", before) if m.group(1).lower() in language.pronouns]
    return found[-1] if found else None


def _rival(mentions: list[NameMention], given: list[str]) -> str | None:
    candidates = Counter(m.key for m in mentions if m.title == "candidate" and m.key not in given)
    if not candidates:
        candidates = Counter(m.key for m in mentions if m.key.startswith("person/") and m.key not in given)
    return max(sorted(candidates), key=lambda k: candidates[k]) if candidates else None


def _kind(text, sentence: Span, mentions, language, reference, candidate, opposition) -> tuple[str, str | None]:
    lower = text[sentence.begin:sentence.end].lower()
    local = [m for m in mentions if sentence.begin <= m.span.begin < sentence.end]
    firm = next((m.key for m in local if reference.in_category(m.key, "polling-firm")), None)
    body = next((m.key for m in local if reference.in_category(m.key, "electoral-body")), None)
    article_body = next((m.key for m in mentions if reference.in_category(m.key, "electoral-body")), None)
    cues = [kind for phrase, kind in language.kinds if re.search(r"(?<!\w)" + re.escape(phrase) + r"(?!\w)", lower)]
    if candidate == opposition and opposition is not None:
        return "opposition-tally", opposition
    if cues and cues[0] == "opinion-poll" and firm and _speaks_of_exit_polls(text, language):
        return "exit-poll", firm
    if cues and cues[0] in ("exit-poll", "opinion-poll"):
        return cues[0], firm
    if cues and cues[0] == "opposition-tally":
        return "opposition-tally", opposition
    if body or (cues and cues[0] == "official"):
        return "official", body or article_body
    return "unattributed", None


def _speaks_of_exit_polls(text: str, language: Language) -> bool:
    lower = text.lower()
    return any(phrase in lower for phrase, kind in language.kinds if kind == "exit-poll")


__all__ = ["extract_results", "sentence_of"]
