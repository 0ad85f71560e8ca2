"""Claims: direct quotes and reported speech, each given to the entity that speaks.

Three shapes, in every language through its cue table:

- a quotation with a speech verb beside it: ``“…,” said X`` / ``X said “…”`` / ``X, an ally, said
  that “…”`` / ``…, saying “…”`` (a participle takes the sentence's subject); quotes of one speaker
  in one sentence make one claim;
- a paragraph opened by a dash (``– …``, the Norwegian and Spanish way of quoting), spoken by the
  name in its closing ``, sa X`` or else by the last person named before it;
- reported speech: ``X said (that) …``, ``sa X at …``, ``according to X, …`` / ``ifølge X`` / ``según X``.

The speaker is the nearest entity before the verb, skipping an appositive between commas; a
pronoun ("he", "han") is the last person named before it. Passives ("is described as") and
unnamed spokespeople are skipped rather than guessed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kg.model import Article, Span

from .languages import Language
from .mentions import NameMention
from .text import split_sentences

_QUOTES = re.compile(r"“([^”]+)”|\"([^\"]+)\"|«([^»]+)»|„([^“”]+)[“”]")
SPEAKER_KINDS = ("person/", "organization/", "country/", "party/")


@dataclass(frozen=True)
class Statement:
    """A claim before clustering: who, what, where."""

    speaker: str
    text: str
    quoted: bool
    span: Span
    sentence: Span


def extract_statements(article: Article, mentions: list[NameMention], language: Language) -> list[Statement]:
    """Every quoted or reported statement in ``article`` whose speaker is an entity."""
    text = article.text
    speakers = [m for m in mentions if m.key.startswith(SPEAKER_KINDS)]
    found: list[Statement] = []
    taken: list[Span] = []
    for paragraph, sentence in _dash_paragraphs(text):
        statement = _dash_quote(text, paragraph, sentence, speakers, language)
        taken.append(Span(sentence.begin, paragraph.end))
        if statement:
            found.append(statement)
    for sentence in split_sentences(text):
        if any(p.begin <= sentence.begin < p.end for p in taken):
            continue
        quoted = _quoted(text, sentence, speakers, language)
        found += quoted or _reported(text, sentence, speakers, language)
    return sorted(found, key=lambda s: s.span)


def _dash_paragraphs(text: str) -> list[tuple[Span, Span]]:
    spans = []
    for match in re.finditer(r"(?m)^[–—]\s*(.+)$", text):
        body = Span(match.start(1), match.end(1))
        if len(match.group(1).split()) >= 4:
            first_end = re.search(r"[.!?](\s|$)", match.group(1))
            end = match.start(1) + first_end.end() if first_end else match.end(1)
            spans.append((body, Span(match.start(), min(end, match.end(1)))))
    return spans


def _dash_quote(text, paragraph: Span, sentence: Span, speakers, language) -> Statement | None:
    body = text[paragraph.begin:paragraph.end]
    verbs = "|".join(map(re.escape, sorted(language.speech_verbs, key=len, reverse=True)))
    tail = re.search(r",\s*(?:%s)\s+([^.!?]+)[.!?]?$" % verbs, body)
    speaker = None
    end = paragraph.end
    if tail:
        named = [m for m in speakers if m.span.begin == paragraph.begin + tail.start(1)]
        speaker = named[0].key if named else None
        end = paragraph.begin + tail.start()
    if speaker is None:
        before = [m for m in speakers if m.span.end <= paragraph.begin and m.key.startswith("person/")]
        speaker = before[-1].key if before else None
    if speaker is None:
        return None
    end = len(text[:end].rstrip())
    return Statement(speaker, text[paragraph.begin:end], True, Span(paragraph.begin, end), sentence)


def _quoted(text, sentence: Span, speakers, language) -> list[Statement]:
    quotes = [m for m in _QUOTES.finditer(text, sentence.begin, sentence.end)]
    if not quotes:
        return []
    by_speaker: dict[str, list[re.Match[str]]] = {}
    for quote in quotes:
        speaker = _speaker_of_quote(text, sentence, quote, speakers, language)
        if speaker:
            by_speaker.setdefault(speaker, []).append(quote)
    statements = []
    for speaker, group in by_speaker.items():
        inner = [next(i for i in range(1, 5) if q.group(i) is not None) for q in group]
        begin, end = group[0].start(inner[0]), group[-1].end(inner[-1])
        while text[end - 1] in " ,.;:" and end - 1 > begin:
            end -= 1
        words = " … ".join(q.group(i).strip().rstrip(",.;: ") for q, i in zip(group, inner))
        statements.append(Statement(speaker, words, True, Span(begin, end), sentence))
    return statements


def _speaker_of_quote(text, sentence, quote, speakers, language) -> str | None:
    after = text[quote.end():sentence.end]
    verb_after = _first_verb(after, language)
    if verb_after is not None and _only_names(after[:verb_after[0]], language):
        at = quote.end() + verb_after[0]
        named = _nearest_before(at, speakers, quote.end())
        if named:
            return named
        if any(w.lower() in language.pronouns for w in re.findall(r"\w+", after[:verb_after[0]])):
            return _last_person(quote.start(), speakers)
        pronoun = _pronoun_at(text, quote.end() + verb_after[1], language, speakers)
        following = [m for m in speakers if quote.end() + verb_after[1] < m.span.begin < sentence.end
                     and _only_names(text[quote.end() + verb_after[1]:m.span.begin], language)]
        return pronoun or (following[0].key if following else None)
    before = text[sentence.begin:quote.start()]
    verb = _last_verb(before, language)
    if verb is None:
        return None
    return _subject(text, sentence, sentence.begin + verb[0], verb[2], speakers, language)


def _only_names(between: str, language: Language) -> bool:
    """Whether ``between`` holds nothing but punctuation, names, titles and pronouns."""
    words = re.findall(r"[\w'’]+", between)
    return len(words) <= 8 and all(w[:1].isupper() or w.lower() in language.pronouns or w.lower() in language.titles
                                   or w in ("'s", "’s") for w in words)


def _reported(text, sentence: Span, speakers, language) -> list[Statement]:
    body = text[sentence.begin:sentence.end]
    for cue in language.according_to:
        match = re.search(r"(?i)(?<!\w)%s\s+" % re.escape(cue), body)
        if match:
            named = [m for m in speakers if sentence.begin + match.end() <= m.span.begin < sentence.begin + match.end() + 5]
            if named:
                return [_according(text, sentence, match, named[0])]
    verb = _first_verb(body, language)
    if verb is None:
        return []
    at, end, word = sentence.begin + verb[0], sentence.begin + verb[1], verb[2]
    if word in language.quote_verbs or re.match(r"\s+(?:of|about|on)\b", text[end:]):
        return []
    speaker = _subject(text, sentence, at, word, speakers, language)
    start = end
    if speaker is None:
        following = [m for m in speakers if end < m.span.begin <= end + 2]
        if not following:
            return []
        speaker, start = following[0].key, following[0].span.end
    rest = text[start:sentence.end]
    clause = re.match(r"[\s,]*(?:(?:%s)\s+)?(.*?)[.!?]?$" % "|".join(language.complementizers), rest, re.S)
    words = clause.group(1) if clause else ""
    if len(words.split()) < 3:
        return []
    begin = start + clause.start(1)
    return [Statement(speaker, words, False, Span(begin, begin + len(words)), sentence)]


def _according(text, sentence: Span, match, named: NameMention) -> Statement:
    body = text[sentence.begin:sentence.end]
    if match.start() <= 2:
        comma = body.find(",", named.span.end - sentence.begin)
        begin = sentence.begin + (comma + 1 if comma >= 0 else named.span.end - sentence.begin)
        while text[begin].isspace():
            begin += 1
        end = sentence.end - (1 if body.endswith(".") else 0)
    else:
        begin = sentence.begin
        end = sentence.begin + len(body[:match.start()].rstrip(" ,"))
    return Statement(named.key, text[begin:end], False, Span(begin, end), sentence)


def _verb_pattern(language: Language) -> re.Pattern[str]:
    return re.compile(r"(?<!\w)(%s)(?!\w)" % "|".join(map(re.escape, sorted(language.speech_verbs, key=len, reverse=True))),
                      re.IGNORECASE)


def _first_verb(segment: str, language: Language) -> tuple[int, int, str] | None:
    match = _verb_pattern(language).search(segment)
    return (match.start(), match.end(), match.group().lower()) if match else None


def _last_verb(segment: str, language: Language) -> tuple[int, int, str] | None:
    matches = list(_verb_pattern(language).finditer(segment))
    return (matches[-1].start(), matches[-1].end(), matches[-1].group().lower()) if matches else None


def _subject(text, sentence: Span, at: int, verb: str, speakers, language) -> str | None:
    """The entity that speaks through the verb at ``at``, or None when unsure."""
    words_before = text[max(sentence.begin, at - 25):at].lower().split()
    if any(w in language.passive for w in words_before[-2:]):
        return None
    if verb.endswith("ing"):
        if not re.search(r",\s*$", text[sentence.begin:at]):
            return None
        in_sentence = [m for m in speakers if sentence.begin <= m.span.begin < at]
        people = [m for m in in_sentence if m.key.startswith("person/")]
        return (people or in_sentence)[0].key if (people or in_sentence) else None
    clause = text[sentence.begin:at]
    if re.search(r"(?i)\bspokes(?:man|woman|person)\b|\btalsperson\b|\bportavoz\b", clause):
        named = _nearest_before(at, speakers, sentence.begin)
        return named if named and _titled_spokesperson(named, speakers) else None
    pronoun = _pronoun_before(text, sentence, at, language, speakers)
    if pronoun:
        return pronoun
    commas = [i for i, c in enumerate(clause) if c == ","]
    if len(commas) >= 2 and not clause[commas[-1] + 1:].strip():
        inner = [m for m in speakers if m.span.begin >= sentence.begin + commas[-2]
                 and text[sentence.begin + commas[-2] + 1:m.span.begin].strip() == ""
                 and m.span.end == sentence.begin + commas[-1]]
        if inner:
            return inner[0].key
        appositive_start = sentence.begin + commas[-2]
        named = [m for m in speakers if 0 <= appositive_start - m.span.end <= 1]
        if named:
            return named[-1].key
    return _nearest_before(at, speakers, sentence.begin)


def _titled_spokesperson(key: str, speakers) -> bool:
    return any(m.key == key and m.title == "spokesperson" for m in speakers)


def _nearest_before(at: int, speakers, floor: int) -> str | None:
    before = [m for m in speakers if floor <= m.span.begin and m.span.end <= at]
    return before[-1].key if before else None


def _pronoun_before(text, sentence: Span, at: int, language, speakers) -> str | None:
    words = list(re.finditer(r"\w+", text[sentence.begin:at]))
    if not words or words[-1].group().lower() not in language.pronouns:
        return None
    return _last_person(sentence.begin + words[-1].start(), speakers)


def _pronoun_at(text, position: int, language, speakers) -> str | None:
    word = re.match(r"\s*(\w+)", text[position:])
    if word and word.group(1).lower() in language.pronouns:
        return _last_person(position, speakers)
    return None


def _last_person(position: int, speakers) -> str | None:
    people = [m for m in speakers if m.span.end <= position and m.key.startswith("person/")]
    return people[-1].key if people else None


def concepts_of(text: str, language: Language) -> frozenset[str]:
    """The content words of ``text`` as shared concepts, for recognising one statement across articles.

    >>> from kg.extract.languages import ENGLISH, NORWEGIAN
    >>> sorted(concepts_of("serious concerns that the outcome does not reflect", ENGLISH))
    ['concern', 'reflect', 'result', 'serious']
    >>> sorted(concepts_of("de er alvorlig bekymret for at valgresultatet ikke er riktig", NORWEGIAN))
    ['concern', 'reflect', 'result', 'serious']
    """
    words = re.findall(r"\w+", text.lower())
    concepts = set()
    for word in words:
        if len(word) < 4 or word in _FUNCTION_WORDS:
            continue
        concept = language.concepts.get(word)
        if concept is None and language.code == "en" and word.endswith("s") and not word.endswith(("ss", "us", "is")):
            concept = language.concepts.get(word[:-1], word[:-1])
        concepts.add(concept or word)
    return frozenset(concepts)


#: Long function words of the three languages, which say nothing about what a statement is about.
_FUNCTION_WORDS = frozenset(
    "that this with from have has had does were will would been there their they them what which "
    "when where into about also than then some such ikke også dette disse som skal vil være eller "
    "etter hadde over under mellom blir ble andre alle noen mange para como pero esta este estos "
    "estas sobre entre desde hasta todo todos tiene han sido muy".split()
)
