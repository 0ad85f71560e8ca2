"""Claims: direct quotes and reported speech, each given to the entity that speaks.

Three shapes, in every language through its cue table:

- a quotation with a speech verb beside it: ``“…,” said X`` / ``X said “…”`` / ``X, an ally, said
  that “…”`` / ``…, saying “…”`` (a participle takes the sentence's subject). Each quotation is
  one claim;
- a paragraph opened by a dash (``– …``, the Norwegian and Spanish way of quoting), spoken by the
  name in its closing ``, sa X`` or else by the last person named before it;
- reported speech: ``X said (that) …``, ``sa X at …``, ``according to X, …`` / ``ifølge X`` /
  ``según X``; every speech verb of a sentence gives its own claim (``X wrote that …, and Y said …``).

The speaker is the nearest entity before the verb, skipping an appositive between commas and a
possessor ("Cuba's president"); a coordinated verb ("… and said") keeps the subject of the one
before; a pronoun is the subject of the sentence, or of the last sentence naming a person; a list
("Chile, Peru and Uruguay called for …") gives the claim to each. Passives ("is described as"),
quotes with no speech verb and unnamed spokespeople are skipped rather than guessed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from kg.model import Article, Span

from .clauses import RELATIVE, in_aside, only_names, place_complement, possessor, title_phrase, word_set
from .languages import LANGUAGES, Language
from .mentions import NameMention
from .patterns import alternation, cue_pattern, derived
from .text import split_sentences

_QUOTES = re.compile(r"“([^”]+)”|\"([^\"]+)\"|«([^»]+)»|„([^“”]+)[“”]")
SPEAKER_KINDS = ("person/", "organization/", "country/", "party/")
_LIST_JOINS = (", ", " and ", ", and ", " y ", ", y ", " og ", ", og ", " e ")
#: A conjunction of any language before a verb: its sentence's subject is the earlier verb's.
_CONJUNCTION = re.compile(r"(?:,\s*|\s+)(?:%s)\s+$" % alternation(
    sorted({w for language in LANGUAGES.values() for w in language.conjunctions})), re.IGNORECASE)


@dataclass(frozen=True)
class Statement:
    """A claim before clustering: who, what, where."""

    speaker: str
    text: str
    quoted: bool
    span: Span
    sentence: Span


@dataclass(frozen=True)
class _Context:
    text: str
    language: Language
    speakers: list[NameMention]
    sentences: list[Span]
    verbs: re.Pattern[str]


def extract_statements(article: Article, mentions: list[NameMention], language: Language) -> list[Statement]:
    """Every quoted or reported statement in ``article`` whose speaker is an entity."""
    text = article.text
    quotes = [Span(q.start(), q.end()) for q in _QUOTES.finditer(text)]
    speakers = [m for m in mentions if m.key.startswith(SPEAKER_KINDS)
                and not any(q.begin < m.span.begin < q.end for q in quotes)]
    verbs = cue_pattern(language, "speech_verbs")
    ctx = _Context(text, language, speakers, split_sentences(text), verbs)
    found: list[Statement] = []
    taken: list[Span] = []
    for line, body in _dash_paragraphs(text):
        taken.append(line)
        found += _dash_quote(ctx, line, body)
    for sentence in ctx.sentences:
        if not any(t.begin <= sentence.begin < t.end for t in taken):
            found += _sentence_statements(ctx, sentence)
    # A statement with no words left after trimming ("Según el secretario de Estado de EE. UU., …") is none.
    return sorted({s for s in found if s.span.end > s.span.begin}, key=lambda s: (s.span, s.speaker))


def _dash_paragraphs(text: str) -> list[tuple[Span, Span]]:
    return [(Span(m.start(), m.end()), Span(m.start(1), m.end(1)))
            for m in re.finditer(r"(?m)^[–—]\s*(.+)$", text) if len(m.group(1).split()) >= 4]


def _dash_quote(ctx: _Context, line: Span, body: Span) -> list[Statement]:
    end, speaker = body.end, None
    tail = _dash_tail(ctx, body)
    if tail:
        end, speaker = tail
    if speaker is None:
        speaker = _last_subject(ctx, line.begin)
    if speaker is None:
        return []
    end = len(ctx.text[:end].rstrip().rstrip(".!?"))
    sentence = next((s for s in ctx.sentences if s.begin <= body.begin < s.end), line)
    return [Statement(speaker, ctx.text[body.begin:end], True, Span(body.begin, end), sentence)]


#: How far after the closing speech verb of a dash quote its speaker may stand ("sa lederen av X, Ana Berg").
_TAIL_REACH = 60


def _dash_tail(ctx: _Context, body: Span) -> tuple[int, str] | None:
    """The end of a dash quote and its speaker, from the first ``, sa X`` that names one.

    The quote may go on after it ("– …, sa Ana Berg fra taket. Senere talte hun …"), and a
    description may stand between verb and name ("uttalte lederen av delegasjonen, Ana Berg").
    """
    text = ctx.text
    for verb in re.finditer(r",\s*(?:%s)\s+" % ctx.verbs.pattern, text[body.begin:body.end], re.IGNORECASE):
        after = body.begin + verb.end()
        named = [m for m in ctx.speakers if after <= m.span.begin <= after + _TAIL_REACH
                 and not re.search(r"[.!?:;«»“”\"]", text[after:m.span.begin])]
        if named:
            return body.begin + verb.start(), named[0].key
    return None


def _sentence_statements(ctx: _Context, sentence: Span) -> list[Statement]:
    text = ctx.text
    quotes = list(_QUOTES.finditer(text, sentence.begin, sentence.end))
    used_verbs: set[int] = set()
    found: list[Statement] = []
    embedded: list[tuple[int, re.Match[str], list[Statement]]] = []
    for quote in quotes:
        speakers, verb_at = _speakers_of_quote(ctx, sentence, quote, quotes)
        group = next(i for i in range(1, 5) if quote.group(i) is not None)
        begin, end = quote.start(group), quote.end(group)
        while end - 1 > begin and text[end - 1] in " ,.;:":
            end -= 1
        said = [Statement(s, text[begin:end], True, Span(begin, end), sentence) for s in speakers]
        if verb_at is not None and verb_at < quote.start() and _embedded(ctx, verb_at, quote.start()) \
                and not any(verb_at < q.start() < quote.start() for q in quotes):
            if _closes_clause(text, quote.end(), sentence.end) or _has_own_subject(ctx, verb_at, quote.start()):
                # "said Marcos wanted to be judged “not by …”", "said the count had been “hastily assembled”
                # and was not verified": the reported clause, if one is read, is the claim.
                embedded.append((verb_at, quote, said))
                continue
        if verb_at is not None:
            used_verbs.add(verb_at)
        found += said
    found += _according(ctx, sentence)
    reported = _reported(ctx, sentence, quotes, used_verbs)
    for verb_at, quote, said in embedded:
        if not any(r.span.begin <= quote.start() and quote.end() <= r.span.end + 1 for r in reported):
            # No clause holds the quote ("said on Tuesday that …" is read as a time phrase): the quote stands.
            reported = [r for r in reported if not verb_at < r.span.begin < quote.start()]
            found += said
    return found + reported


def _speakers_of_quote(ctx: _Context, sentence: Span, quote, quotes) -> tuple[list[str], int | None]:
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
            return _with_list(ctx, named[-1]), verb.start()
        if word_set(text[quote.end():verb.start()]) & ctx.language.pronouns:
            subject = _last_subject(ctx, quote.start())
            return ([subject] if subject else []), verb.start()
        after = [m for m in ctx.speakers if verb.end() < m.span.begin < stop
                 and only_names(text[verb.end():m.span.begin], ctx.language)]
        pronoun = re.match(r"\s*(\w+)", text[verb.end():])
        if pronoun and pronoun.group(1).lower() in ctx.language.pronouns:
            subject = _last_subject(ctx, quote.start())
            return ([subject] if subject else []), verb.start()
        if after:
            people = [m for m in after if m.key.startswith("person/")]
            return [(people or after)[0].key], verb.start()
        titled = [m for m in ctx.speakers if verb.end() < m.span.begin < stop and m.key.startswith("person/")
                  and title_phrase(text[verb.end():m.span.begin], ctx.language)]
        if titled:  # "«…», escribió el presidente colombiano, Gustavo Petro."
            return [titled[0].key], verb.start()
        subject = _last_subject(ctx, quote.start()) if ctx.language.pro_drop else None
        return ([subject] if subject else []), verb.start()
    earlier = [v for v in ctx.verbs.finditer(text, sentence.begin, quote.start())
               if not any(q.start() <= v.start() < q.end() for q in quotes)]
    if not earlier:
        return [], None
    verb = earlier[-1]
    return _subjects(ctx, sentence, verb, quotes), verb.start()


def _according(ctx: _Context, sentence: Span) -> list[Statement]:
    text = ctx.text
    body = text[sentence.begin:sentence.end]
    for cue in ctx.language.according_to:
        match = re.search(r"(?i)(?<!\w)%s\s+" % re.escape(cue), body)
        if not match:
            continue
        after = sentence.begin + match.end()
        clause_end = sentence.begin + (body.find(",", match.end()) if body.find(",", match.end()) >= 0 else len(body))
        named = [m for m in ctx.speakers if after <= m.span.begin < min(after + 60, clause_end)]
        pronoun = re.match(r"(\w+)\s+", body[match.end():])
        if not named and pronoun and pronoun.group(1).lower() in ctx.language.pronouns \
                and not re.match(r"[^,]{0,25},", body[match.end():]):
            # "Ifølge ham er det …": the pronoun is the whole source; the statement follows it.
            holder = _pronoun_holder(ctx, sentence, pronoun.group(1))
            if holder is not None and not re.search(r"\w", _after_stamp(body[:match.start()])):
                begin = after + pronoun.end()
                return [_statement(text, holder.key, begin, sentence.end, sentence, quoted=False)]
        next_comma = body.find(",", clause_end - sentence.begin + 1)
        apposed = _apposed_person(ctx, clause_end + 1, sentence.begin + next_comma) if next_comma >= 0 and not named else None
        if apposed:
            # "Según el jefe de los observadores, el eurodiputado Ana Ruiz, …": the person the role is given to.
            named, clause_end = [apposed], sentence.begin + next_comma
        if not named:
            # "Según el candidato, …": the person last named with that title, else the last one named;
            # "Según ella, …", "Según sus cálculos, …": the person the pronoun stands for.
            holder = _title_holder(ctx, sentence, text[after:clause_end]) \
                or _pronoun_holder(ctx, sentence, text[after:clause_end])
            if holder is None:
                return []
            named = [replace(holder, span=Span(clause_end, clause_end))]
        if not re.search(r"\w", _after_stamp(body[:match.start()])):
            # "According to X, …" / "Ifølge X fikk …": the statement follows the source.
            begin = clause_end + 1 if text[named[0].span.end:named[0].span.end + 1] == "," else named[0].span.end
            end = sentence.end
        else:
            begin, end = sentence.begin, sentence.begin + match.start()
        return [_statement(text, named[0].key, begin, end, sentence, quoted=False)]
    return []


def _reported(ctx: _Context, sentence: Span, quotes, used_verbs: set[int]) -> list[Statement]:
    text, language = ctx.text, ctx.language
    verbs = [v for v in ctx.verbs.finditer(text, sentence.begin, sentence.end)
             if not any(q.start() <= v.start() < q.end() for q in quotes)]
    spoken: list[tuple[re.Match[str], list[str], int]] = []
    previous: list[str] = []
    trailing = [] if quotes else _trailing_attribution(ctx, sentence, verbs)
    if trailing:
        return trailing
    for verb in verbs:
        coordinated = bool(_CONJUNCTION.search(text[sentence.begin:verb.start()][-12:]))
        if coordinated and not previous:
            # "Støre gratulerte Lula og skrev at …": the subject of the sentence's first verb;
            # "Han gratulerte Faye og sa at …": the person the opening pronoun stands for.
            opening = text[sentence.begin:verb.start()].split()[:1]
            if opening and opening[0].lower() in language.pronouns:
                previous = [s for s in [_pronoun_subject(ctx, sentence, sentence.begin)] if s]
            else:
                # "Moskva har gratulert Vucic og hevder at …": the name opening the sentence, of any kind,
                # unless it only qualifies a person right after it ("NATO-sjef Jens Stoltenberg", "IEC chair X").
                people = [m for m in ctx.speakers if sentence.begin <= m.span.begin < verb.start()
                          and m.key.startswith("person/")]
                opener = [m for m in ctx.speakers if sentence.begin <= m.span.begin < verb.start()
                          and not re.search(r"\w", _after_stamp(text[sentence.begin:m.span.begin]))][:1]
                if opener and any(p.span.begin >= opener[0].span.end
                                  and len(re.findall(r"\w+", text[opener[0].span.end:p.span.begin])) <= 2
                                  and not re.search(r"[,;:]", text[opener[0].span.end:p.span.begin]) for p in people):
                    opener = []
                previous = [m.key for m in opener] or [m.key for m in people][:1]
        subjects = previous if coordinated and previous else _subjects(ctx, sentence, verb, quotes)
        start = verb.end()
        if not subjects:
            after = [m for m in ctx.speakers if verb.end() < m.span.begin <= verb.end() + 2
                     and not re.match(r"(?:s|'s|’s)\s", text[m.span.end:m.span.end + 3])]  # "sa Sveriges statsminister X"
            subjects, start = ([after[0].key], after[0].span.end) if after else _inverted_subject(ctx, sentence, verb)
        if subjects:
            # A verb without a speaker of its own ("det erklærte resultatet") is part of the statement.
            spoken.append((verb, subjects, start))
            previous = subjects
    found: list[Statement] = []
    for i, (verb, subjects, start) in enumerate(spoken):
        word = verb.group().lower()
        # "said as she read out …", "sa mens …": a clause of time, not what was said.
        # "demanded “…”" gives only the quotation; "demanded that …" ("exigió que", "krevde at") reports speech.
        quote_only = word in language.quote_verbs and not re.match(
            r"\s+(?:%s)\s" % _complementizers(language), text[verb.end():]) if language.complementizers else True
        # "If confirmed, Marcos would be …": a condition, not a statement.
        conditional = re.search(r"(?i)(?<!\w)(?:if|unless|si|hvis|dersom)\s+$", text[max(sentence.begin, verb.start() - 8):verb.start()])
        if verb.start() in used_verbs or (word in language.quote_verbs and quote_only) or conditional \
                or re.match(r"\s+(?:of|about|on|by|as|while|when|mientras|cuando|mens|da)\b", text[verb.end():]) \
                and not re.match(r"\s+on\s+(?:[\w-]+\s+){1,3}?(?:%s)\s" % (_complementizers(language) or "that"),
                                 text[verb.end():]):  # "said on election night that …" is speech
            continue
        end = spoken[i + 1][0].start() if i + 1 < len(spoken) else sentence.end
        if i + 1 < len(spoken):
            stop = re.search(r"(?:,\s*|\s+)(?:and|y|og|e|but|pero|men)\s+(?=[^,]*$)", text[start:end])
            names = [m for m in ctx.speakers if start <= m.span.begin and m.span.end <= end]
            if stop or not names:
                end = start + stop.start() if stop else end
        clause = re.match(r"[\s,:]*(?:(?:%s)[\s,]+)?" % _complementizers(language), text[start:end])
        begin = start + (clause.end() if clause else 0)
        # "told reporters that …", "dijo este viernes que …": a short lowercase object or time before the complementizer.
        later = re.match(r"\s+(?:(?!(?:and|or|og|eller|y|o|but|men|pero)\s)[a-zà-ÿ'’-]+\s+){1,3}?(?:%s)\s+"
                         % _complementizers(language), text[start:end])
        if later and not text[start:begin].strip(" ,:"):
            begin = start + later.end()
        if (word in language.complement_verbs or language.complementizer_required) \
                and not re.search(r"[:]|\b(?:%s)[\s,]+$" % _complementizers(language), text[start:begin]):
            # "reconoció en un mensaje que …": the clause opens a few words on; with no complementizer
            # at all ("reconoció la derrota") the verb has an object, not a statement.
            later = re.match(r"[^,;:.]{0,50}?\b(?:%s)[\s,]+" % _complementizers(language), text[start:end])
            if not later:
                continue
            begin = start + later.end()
        opening_quote = _QUOTES.match(text, begin + len(text[begin:end]) - len(text[begin:end].lstrip(" :")))
        if len(text[begin:end].split()) >= 3 and not opening_quote \
                and all(_embedded(ctx, verb.start(), q.start())
                        for q in _QUOTES.finditer(text, begin, end)):
            found += [_statement(text, s, begin, end, sentence, quoted=False) for s in subjects]
    return found


def _complementizers(language: Language) -> str:
    """The language's complementizers as a regex alternation ("that", "at", "que"), built once per language.

    >>> from kg.extract.languages import SPANISH
    >>> _complementizers(SPANISH)
    'que'
    """
    return derived(language, "complementizers", lambda: alternation(language.complementizers))


#: How far after its verb an inverted subject may reach before the complementizer.
_INVERTED_REACH = 90


def _embedded(ctx: _Context, verb_at: int, quote_at: int) -> bool:
    """Whether a quotation stands inside the reported clause of the speech verb at ``verb_at``.

    It does when words of the clause come between the verb (and its complementizer) and the quote,
    with no colon before it: "said Marcos wanted to be judged “…”", "aseguró que el sistema es «…»".
    A quote-only verb ("called it “…”") never reports a clause.
    """
    text, language = ctx.text, ctx.language
    verb = ctx.verbs.match(text, verb_at)
    if verb is None or verb.group().lower() in language.quote_verbs:
        return False
    between = text[verb.end():quote_at]
    if between.rstrip().endswith((":", ",")):
        return False
    words = [w for w in re.findall(r"[\w'’-]+", between) if w.lower() not in language.complementizers]
    return len(words) >= 2


#: Words that open a reported clause with no subject of its own: an expletive ("there was “…”") or
#: a preposition ("truet med et «blodbad»"): the words quoted are then the claim, not the clause.
_NO_SUBJECT = frozenset(w for language in LANGUAGES.values() for w in language.no_subject_words)


def _has_own_subject(ctx: _Context, verb_at: int, quote_at: int) -> bool:
    """Whether the reported clause before a quotation opens with a subject of its own ("said the result was
    “very severe”") rather than an expletive or a preposition ("said there was “nothing abnormal”").

    >>> from kg.extract.languages import ENGLISH
    >>> from kg.extract.patterns import cue_pattern
    >>> ctx = _Context("", ENGLISH, [], [], cue_pattern(ENGLISH, "speech_verbs"))
    >>> t = 'He said the result was "very severe". He said there was "nothing abnormal".'
    >>> _has_own_subject(replace(ctx, text=t), 3, 23), _has_own_subject(replace(ctx, text=t), 41, 57)
    (True, False)
    """
    text, language = ctx.text, ctx.language
    verb = ctx.verbs.match(text, verb_at)
    if verb is None:
        return False
    words = [w.lower() for w in re.findall(r"[\w'’-]+", text[verb.end():quote_at])]
    words = [w for w in words if w not in language.complementizers]
    return bool(words) and words[0] not in _NO_SUBJECT


def _closes_clause(text: str, at: int, end: int) -> bool:
    """Whether only punctuation follows ``at`` up to the clause's end or its next comma or semicolon.

    A quote closing a reported clause ("said Marcos wanted to be judged “…”.") makes the clause the
    claim; a short quote inside one ("said there was “nothing abnormal” about a dispute") stays the
    claim itself.

    >>> _closes_clause('judged "not by my actions."', 27, 27), _closes_clause('"nothing abnormal" about it', 18, 27)
    (True, False)
    """
    return re.match(r"[\s.,;:!?…)\]]*(?:[,;]|$)", text[at:end]) is not None


def _inverted_subject(ctx: _Context, sentence: Span, verb) -> tuple[list[str], int]:
    """The subject standing after its verb, before "that": "I går bekreftet lederen av rådet, Ana Berg, at …".

    The last person named between verb and complementizer speaks; the statement starts after it.
    """
    text = ctx.text
    stop = min(sentence.end, verb.end() + _INVERTED_REACH)
    clause = re.search(r"[,\s]\s*(?:%s)\s" % _complementizers(ctx.language), text[verb.end():stop])
    if not clause or re.search(r"[.;:!?«»“”\"]", text[verb.end():verb.end() + clause.start()]):
        return [], verb.end()
    at = verb.end() + clause.start()
    people = [m for m in ctx.speakers if verb.end() < m.span.begin and m.span.end <= at and m.key.startswith("person/")]
    return ([people[-1].key], at) if people else ([], verb.end())


def _trailing_attribution(ctx: _Context, sentence: Span, verbs) -> list[Statement]:
    """``…, confirms Spain's foreign minister X.`` / ``…, bekrefter Spanias utenriksminister X.``"""
    if not verbs:
        return []
    verb = verbs[-1]
    before, tail = ctx.text[sentence.begin:verb.start()], ctx.text[verb.end():sentence.end]
    # "…, skrev Aftonbladet, og høyresiden …": the attribution may close a clause, not the sentence.
    joined = re.search(r",\s*(?:and|og|y|but|men|pero)\s", tail)
    tail = tail[:joined.start()] if joined else tail
    named = [m for m in ctx.speakers if verb.end() < m.span.begin < verb.end() + len(tail)]
    if not re.search(r",\s*$", before) or not named or not only_names(tail, ctx.language) or len(verbs) > 1:
        return []
    people = [m for m in named if m.key.startswith("person/")] or named
    end = sentence.begin + len(before.rstrip().rstrip(","))
    return [_statement(ctx.text, people[-1].key, sentence.begin, end, sentence, quoted=False)]


def _statement(text: str, speaker: str, begin: int, end: int, sentence: Span, *, quoted: bool) -> Statement:
    while begin < end and text[begin] in " ,:":
        begin += 1
    while end > begin and text[end - 1] in " ,.;:!?":
        end -= 1
    return Statement(speaker, text[begin:end], quoted, Span(begin, end), sentence)


def _subjects(ctx: _Context, sentence: Span, verb, quotes) -> list[str]:
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
        subject = people[0].key if people else _pronoun_subject(ctx, sentence, at) if opens_with_pronoun else None
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
        subject = _pronoun_subject(ctx, sentence, at)
        return [subject] if subject else []
    commas = [i for i, c in enumerate(clause) if c == ","]
    if len(commas) >= 2 and not clause[commas[-1] + 1:].strip():
        inner = [m for m in local if m.span.end == sentence.begin + commas[-1]
                 and re.fullmatch(r"\s*(?:the|la|el|los|las|den|det)?\s*",
                                  text[sentence.begin + commas[-2] + 1:m.span.begin], re.IGNORECASE)]
        if inner:
            return [inner[0].key]
        apposed = _apposed_person(ctx, sentence.begin + commas[-2] + 1, sentence.begin + commas[-1])
        head = [m for m in local if m.span.end <= sentence.begin + commas[-2]]
        if apposed and not (head and head[-1].key.startswith("person/")):
            # "El jefe de la misión de la OEA, el excanciller chileno Ana Ruiz, declaró": the person named.
            return [apposed.key]
        # "X (ACR), the watchdog that …, said": the name (or its bracketed acronym) before the apposition.
        named = [m for m in local if m.span.end <= sentence.begin + commas[-2]
                 and re.fullmatch(r"\s?(?:\s*\([^()]{1,12}\))?", text[m.span.end:sentence.begin + commas[-2]])]
        if named:
            return _with_list(ctx, named[-1])
    if local and not re.search(r"[,;:]", text[local[-1].span.end:at]) or local and len(commas) < 2:
        return _with_list(ctx, local[-1])
    titled = _title_subject(ctx, sentence, clause)
    if titled:
        return [titled]
    if language.pro_drop and not local and not re.search(r"[,;:]\s*$", clause.strip()[-1:] or ""):
        subject = _last_subject(ctx, sentence.begin)
        return [subject] if subject else []
    return []


#: The word for a spokesperson in each language: one named by it speaks for the body or person it serves.
_SPOKESPERSON = r"spokes(?:man|woman|person)|talsperson|portavoz|vocer[oa]"

#: Words that tie a name to the noun before it ("the ally of X"): that name is not the apposition's own.
_LINKS = frozenset("of for to with de del a con av fra for til med".split())
_ARTICLES = frozenset("the a an el la los las un una den det en et".split())
_INDEFINITE = frozenset("a an un una en et".split())


def _apposed_person(ctx: _Context, begin: int, end: int) -> NameMention | None:
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


def _title_subject(ctx: _Context, sentence: Span, clause: str) -> str | None:
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


def _title_holder(ctx: _Context, sentence: Span, phrase: str) -> NameMention | None:
    words = re.findall(r"\w+", phrase.lower())
    if not (1 <= len(words) <= 3 and any(ctx.language.titles.get(w) for w in words)):
        return None
    role = next(ctx.language.titles[w] for w in words if ctx.language.titles.get(w))
    before = [m for m in ctx.speakers if m.span.end <= sentence.begin and m.key.startswith("person/")]
    holders = [m for m in before if m.title == role]
    return (holders or before or [None])[-1]


def _with_list(ctx: _Context, mention: NameMention) -> list[str]:
    """The speaker and any names listed with it ("Chile, Peru and Costa Rica")."""
    chain = [mention]
    for m in reversed([m for m in ctx.speakers if m.span.end <= mention.span.begin]):
        if ctx.text[m.span.end:chain[-1].span.begin] in _LIST_JOINS and m.key.split("/")[0] == mention.key.split("/")[0]:
            chain.append(m)
        else:
            break
    return sorted({m.key for m in chain})


#: A live blog's time stamp before a sentence: "Kl. 01.10:", "21:30 —", "Lunes, 10:30 —".
_STAMP = re.compile(r"^\s*(?:(?:%s),?\s*)?\d{1,2}[.:]\d{2}\s*[:—–-]?\s*" % alternation(
    sorted({w for language in LANGUAGES.values() for w in language.stamp_words}, key=lambda w: (-len(w), w))), re.IGNORECASE)


def _after_stamp(head: str) -> str:
    """``head`` without a leading time stamp.

    >>> _after_stamp("Kl. 01.10: "), _after_stamp("21:30 — Lasso "), _after_stamp("Lunes, 10:30 — ")
    ('', 'Lasso ', '')
    """
    return _STAMP.sub("", head, count=1)


#: Possessives that, like a pronoun, refer back to the last person named ("Según sus cálculos").
_POSSESSIVES = frozenset(w for language in LANGUAGES.values() for w in language.possessives)


def _pronoun_holder(ctx: _Context, sentence: Span, phrase: str) -> NameMention | None:
    """The mention of the person a pronoun or possessive phrase stands for ("ella", "sus cálculos")."""
    words = phrase.lower().split()
    if not words or len(words) > 3 or not (words[0] in ctx.language.pronouns or words[0] in _POSSESSIVES):
        return None
    key = _last_subject(ctx, sentence.begin)
    return next((m for m in ctx.speakers if m.key == key), None) if key else None


def _pronoun_subject(ctx: _Context, sentence: Span, at: int) -> str | None:
    opening = [m for m in ctx.speakers if sentence.begin <= m.span.begin < at and m.key.startswith("person/")
               and len(ctx.text[sentence.begin:m.span.begin].split()) <= 2]
    return opening[0].key if opening else _last_subject(ctx, sentence.begin)


def _last_subject(ctx: _Context, position: int) -> str | None:
    """The first person named in the nearest sentence before ``position`` that names one."""
    for sentence in reversed([s for s in ctx.sentences if s.begin < position]):
        people = [m for m in ctx.speakers if sentence.begin <= m.span.begin < min(sentence.end, position)
                  and m.key.startswith("person/")]
        if people:
            return people[0].key
    return None
