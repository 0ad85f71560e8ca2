"""Claims: direct quotes and reported speech, each given to the entity that speaks.

Three shapes, in every language through its cue table:

- a quotation with a speech verb beside it: ``“…,” said X`` / ``X said “…”`` / ``X, an ally, said
  that “…”`` / ``…, saying “…”`` (a participle takes the sentence's subject). Each quotation is
  one claim;
- a paragraph opened by a dash (``– …``, the Norwegian and Spanish way of quoting), spoken by the
  name in its closing ``, sa X`` or else by the last person named before it;
- reported speech: ``X said (that) …``, ``sa X at …``, ``according to X, …`` / ``ifølge X`` /
  ``según X``; every speech verb of a sentence gives its own claim (``X wrote that …, and Y said …``).

Who speaks is :mod:`.speakers`' part: the nearest entity before the verb, skipping an appositive
between commas and a possessor ("Cuba's president"); a coordinated verb ("… and said") keeps the
subject of the one before; a pronoun is the subject of the sentence, or of the last sentence naming
a person; a list ("Chile, Peru and Uruguay called for …") gives the claim to each. Passives ("is described as"),
quotes with no speech verb and unnamed spokespeople are skipped rather than guessed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from kg.model import Article, Span

from .clauses import only_names
from .languages import LANGUAGES, Language
from .mentions import NameMention
from .patterns import alternation, cue_pattern
from .speakers import (SPEAKER_KINDS, Context, apposed_person, complementizers, inverted_subject, last_subject,
                       pronoun_holder, pronoun_subject, speakers_of_quote, title_holder, verb_subjects)
from .text import split_sentences

_QUOTES = re.compile(r"“([^”]+)”|\"([^\"]+)\"|«([^»]+)»|„([^“”]+)[“”]")
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


def extract_statements(article: Article, mentions: list[NameMention], language: Language) -> list[Statement]:
    """Every quoted or reported statement in ``article`` whose speaker is an entity."""
    text = article.text
    quotes = [Span(q.start(), q.end()) for q in _QUOTES.finditer(text)]
    speakers = [m for m in mentions if m.key.startswith(SPEAKER_KINDS)
                and not any(q.begin < m.span.begin < q.end for q in quotes)]
    verbs = cue_pattern(language, "speech_verbs")
    ctx = Context(text, language, speakers, split_sentences(text), verbs)
    found: list[Statement] = []
    taken: list[Span] = []
    questions, answers, interviewee = _interview(ctx)
    taken += questions
    for line, body in _dash_paragraphs(text):
        if not any(line.begin <= a.begin < line.end for a in questions + answers):
            taken.append(line)
            found += _dash_quote(ctx, line, body)
    for sentence in ctx.sentences:
        if not any(t.begin <= sentence.begin < t.end for t in taken):
            own = _sentence_statements(ctx, sentence)
            if not own and interviewee and any(a.begin <= sentence.begin < a.end for a in answers) \
                    and not re.search(r"\d", text[sentence.begin:sentence.end]):
                # An answer's own words are the interviewee's; its figures are results, not claims.
                own = [_statement(text, interviewee, _after_dash(text, sentence), sentence.end, sentence, quoted=True)]
            found += own
    # A statement with no words left after trimming ("Según el secretario de Estado de EE. UU., …") is none.
    return sorted({s for s in found if s.span.end > s.span.begin}, key=lambda s: (s.span, s.speaker))


def _interview(ctx: Context) -> tuple[list[Span], list[Span], str | None]:
    r"""The turns of an interview written as dash paragraphs opening with a question ("—¿Esperaba …?"),
    and who answers them: the interviewer's turns (every other one, from the first) say nothing
    to claim; the answers are the person's named last before the first question.

    >>> from kg.extract.languages import SPANISH
    >>> t = "La politóloga Ana Ruiz habla.\n\n—¿Qué pasó?\n\n—Ganó. Nadie lo esperaba.\n\n—Sorprende.\n\n—Sí."
    >>> ana = NameMention("Ana Ruiz", Span(14, 22), Span(0, 29), key="person/ana-ruiz")
    >>> ctx = Context(t, SPANISH, [ana], split_sentences(t), cue_pattern(SPANISH, "speech_verbs"))
    >>> questions, answers, who = _interview(ctx)
    >>> [t[q.begin:q.end] for q in questions], [t[a.begin:a.end] for a in answers], who
    (['—¿Qué pasó?', '—Sorprende.'], ['—Ganó. Nadie lo esperaba.', '—Sí.'], 'person/ana-ruiz')
    """
    turns = [Span(m.start(), m.end()) for m in re.finditer(r"(?m)^[–—][^\n]*$", ctx.text)]
    runs: list[list[Span]] = []
    for turn in turns:
        if runs and not ctx.text[runs[-1][-1].end:turn.begin].strip():
            runs[-1].append(turn)
        else:
            runs.append([turn])
    dialogue = next((run for run in runs if len(run) >= 2 and ctx.text[run[0].begin:run[0].end].rstrip().endswith("?")), None)
    if dialogue is None:
        return [], [], None
    return dialogue[0::2], dialogue[1::2], last_subject(ctx, dialogue[0].begin)


def _after_dash(text: str, sentence: Span) -> int:
    return sentence.begin + len(text[sentence.begin:sentence.end]) - len(text[sentence.begin:sentence.end].lstrip("–— "))


def _dash_paragraphs(text: str) -> list[tuple[Span, Span]]:
    return [(Span(m.start(), m.end()), Span(m.start(1), m.end(1)))
            for m in re.finditer(r"(?m)^[–—]\s*(.+)$", text) if len(m.group(1).split()) >= 4]


def _dash_quote(ctx: Context, line: Span, body: Span) -> list[Statement]:
    end, speaker = body.end, None
    tail = _dash_tail(ctx, body)
    if tail:
        end, speaker = tail
    if speaker is None:
        speaker = last_subject(ctx, line.begin)
    if speaker is None:
        return []
    end = len(ctx.text[:end].rstrip().rstrip(".!?"))
    sentence = next((s for s in ctx.sentences if s.begin <= body.begin < s.end), line)
    return [Statement(speaker, ctx.text[body.begin:end], True, Span(body.begin, end), sentence)]


#: How far after the closing speech verb of a dash quote its speaker may stand ("sa lederen av X, Ana Berg").
_TAIL_REACH = 60


def _dash_tail(ctx: Context, body: Span) -> tuple[int, str] | None:
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


def _sentence_statements(ctx: Context, sentence: Span) -> list[Statement]:
    text = ctx.text
    quotes = list(_QUOTES.finditer(text, sentence.begin, sentence.end))
    used_verbs: set[int] = set()
    found: list[Statement] = []
    embedded: list[tuple[int, re.Match[str], list[Statement]]] = []
    for quote in quotes:
        speakers, verb_at = speakers_of_quote(ctx, sentence, quote, quotes)
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


def _according(ctx: Context, sentence: Span) -> list[Statement]:
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
            holder = pronoun_holder(ctx, sentence, pronoun.group(1))
            if holder is not None and not re.search(r"\w", _after_stamp(body[:match.start()])):
                begin = after + pronoun.end()
                return [_statement(text, holder.key, begin, sentence.end, sentence, quoted=False)]
        next_comma = body.find(",", clause_end - sentence.begin + 1)
        apposed = apposed_person(ctx, clause_end + 1, sentence.begin + next_comma) if next_comma >= 0 and not named else None
        if apposed:
            # "Según el jefe de los observadores, el eurodiputado Ana Ruiz, …": the person the role is given to.
            named, clause_end = [apposed], sentence.begin + next_comma
        if not named:
            # "Según el candidato, …": the person last named with that title, else the last one named;
            # "Según ella, …", "Según sus cálculos, …": the person the pronoun stands for.
            holder = title_holder(ctx, sentence, text[after:clause_end]) \
                or pronoun_holder(ctx, sentence, text[after:clause_end])
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


def _reported(ctx: Context, sentence: Span, quotes, used_verbs: set[int]) -> list[Statement]:
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
                previous = [s for s in [pronoun_subject(ctx, sentence, sentence.begin)] if s]
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
        subjects = previous if coordinated and previous else verb_subjects(ctx, sentence, verb, quotes)
        start = verb.end()
        if not subjects:
            after = [m for m in ctx.speakers if verb.end() < m.span.begin <= verb.end() + 2
                     and not re.match(r"(?:s|'s|’s)\s", text[m.span.end:m.span.end + 3])]  # "sa Sveriges statsminister X"
            subjects, start = ([after[0].key], after[0].span.end) if after else inverted_subject(ctx, sentence, verb)
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
            r"\s+(?:%s)\s" % complementizers(language), text[verb.end():]) if language.complementizers else True
        # "If confirmed, Marcos would be …": a condition, not a statement.
        conditional = re.search(r"(?i)(?<!\w)(?:if|unless|si|hvis|dersom)\s+$", text[max(sentence.begin, verb.start() - 8):verb.start()])
        if verb.start() in used_verbs or (word in language.quote_verbs and quote_only) or conditional \
                or re.match(r"\s+(?:of|about|on|by|as|while|when|mientras|cuando|mens|da)\b", text[verb.end():]) \
                and not re.match(r"\s+on\s+(?:[\w-]+\s+){1,3}?(?:%s)\s" % (complementizers(language) or "that"),
                                 text[verb.end():]):  # "said on election night that …" is speech
            continue
        end = spoken[i + 1][0].start() if i + 1 < len(spoken) else sentence.end
        if i + 1 < len(spoken):
            stop = re.search(r"(?:,\s*|\s+)(?:and|y|og|e|but|pero|men)\s+(?=[^,]*$)", text[start:end])
            names = [m for m in ctx.speakers if start <= m.span.begin and m.span.end <= end]
            if stop or not names:
                end = start + stop.start() if stop else end
        clause = re.match(r"[\s,:]*(?:(?:%s)[\s,]+)?" % complementizers(language), text[start:end])
        begin = start + (clause.end() if clause else 0)
        # "told reporters that …", "dijo este viernes que …": a short lowercase object or time before the complementizer.
        later = re.match(r"\s+(?:(?!(?:and|or|og|eller|y|o|but|men|pero)\s)[a-zà-ÿ'’-]+\s+){1,3}?(?:%s)\s+"
                         % complementizers(language), text[start:end])
        if later and not text[start:begin].strip(" ,:"):
            begin = start + later.end()
        if (word in language.complement_verbs or language.complementizer_required) \
                and not re.search(r"[:]|\b(?:%s)[\s,]+$" % complementizers(language), text[start:begin]):
            # "reconoció en un mensaje que …": the clause opens a few words on; with no complementizer
            # at all ("reconoció la derrota") the verb has an object, not a statement.
            later = re.match(r"[^,;:.]{0,50}?\b(?:%s)[\s,]+" % complementizers(language), text[start:end])
            if not later:
                continue
            begin = start + later.end()
        opening_quote = _QUOTES.match(text, begin + len(text[begin:end]) - len(text[begin:end].lstrip(" :")))
        if len(text[begin:end].split()) >= 3 and not opening_quote \
                and all(_embedded(ctx, verb.start(), q.start())
                        for q in _QUOTES.finditer(text, begin, end)):
            found += [_statement(text, s, begin, end, sentence, quoted=False) for s in subjects]
    return found


def _embedded(ctx: Context, verb_at: int, quote_at: int) -> bool:
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


def _has_own_subject(ctx: Context, verb_at: int, quote_at: int) -> bool:
    """Whether the reported clause before a quotation opens with a subject of its own ("said the result was
    “very severe”") rather than an expletive or a preposition ("said there was “nothing abnormal”").

    >>> from kg.extract.languages import ENGLISH
    >>> from kg.extract.patterns import cue_pattern
    >>> ctx = Context("", ENGLISH, [], [], cue_pattern(ENGLISH, "speech_verbs"))
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


def _trailing_attribution(ctx: Context, sentence: Span, verbs) -> list[Statement]:
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


#: A live blog's time stamp before a sentence: "Kl. 01.10:", "21:30 —", "Lunes, 10:30 —".
_STAMP = re.compile(r"^\s*(?:(?:%s),?\s*)?\d{1,2}[.:]\d{2}\s*[:—–-]?\s*" % alternation(
    sorted({w for language in LANGUAGES.values() for w in language.stamp_words}, key=lambda w: (-len(w), w))), re.IGNORECASE)


def _after_stamp(head: str) -> str:
    """``head`` without a leading time stamp.

    >>> _after_stamp("Kl. 01.10: "), _after_stamp("21:30 — Lasso "), _after_stamp("Lunes, 10:30 — ")
    ('', 'Lasso ', '')
    """
    return _STAMP.sub("", head, count=1)


