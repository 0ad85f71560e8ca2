"""Names no table knows: runs of capitalised words, cut at titles and typed by the words in and around them.

An organisation word in a name ("Ministry", "Council", "-universitetet") makes it an
organisation, a political word ("Fuerza Popular") a party, two or more name-like words a person;
a noun just before it ("the coalition X", "la empresa X") gives its kind, and a poll's maker is
found after "a survey by". Datelines, places ("in New Taipei", "Avenida Paulista"), demonyms and
nouns standing before a name are not names.
"""

from __future__ import annotations

import re

from kg.model import Span

from .languages import ENGLISH, LANGUAGES, Language
from .names import NAME_CONNECTORS, PARTY_CONNECTORS, NameMention, place_before, title_ends, title_words
from .patterns import alternation, derived, share_verb_phrase
from .organisations import after_candidate_word, in_the_race, is_party_name, join_org_runs, party_before_candidate
from .places import PLACES
from .reference import Reference
from .text import Token, fold, is_initial, sentence_of

def find_candidates(text, tokens, used, sentences, reference, language, known) -> list[NameMention]:
    mentions: list[NameMention] = []
    position = {t.begin: i for i, t in enumerate(tokens)}
    for run in join_org_runs(text, tokens, _capitalised_runs(text, tokens, used), position, language):
        if _place_of_title(text, run, language):
            run = run[1:]  # "el exintendente de Montevideo Daniel Martínez": the place is the title's, not the name's
        noun = _noun_before(text, tokens, position[run[0].begin], language)
        party_of = not noun and after_candidate_word(text, run[0].begin, language)
        if noun or party_of:
            extended = _extend_name(text, tokens, position[run[0].begin], used)
            run = extended if extended[-1].end >= run[-1].end else run
        for piece, kind in _split_run(run, reference, language):
            if not piece:
                continue
            if noun and piece[0] is run[0]:
                kind = language.org_heads[noun]
            elif party_of and piece[0] is run[0] and kind in (None, "person"):
                kind = "party"
            begin, end = piece[0].begin, piece[-1].end
            glued = _genitive_institution(text, end, language)
            if glued:  # "Göteborgs universitet", "Oslos høgskole": the lowercase word belongs to the name
                end, kind = glued, "organization"
            # "China's Foreign Ministry" and "Venezuela's Foreign Ministry" are two bodies.
            place = place_before(tokens, position[begin], known, reference) if kind == "government-organization" else None
            category = _electoral(text, begin, end, noun, language) if kind in _ORG_KINDS else None
            if kind in (None, "person") and (_pollster_before(text, begin, language) and (len(piece) == 1 or not noun)
                                              or _poll_noun_after(text, end, language)):
                kind, category = "organization", "polling-firm"
            if kind in (None, "person") or (kind == "government-organization" and _org_kind(piece, language) is None):
                kind = _kind_after(text, end, language) or kind
            if kind in (None, "person", "organization") and party_before_candidate(text, end, language):
                kind = "party"
            if not noun and not category and (kind in (None, "person") or kind == "organization" and _org_kind(
                    piece, language) is None) and in_the_race(text, end, language, bracketed_only=not _acronym(piece)):
                kind = "party"  # a name or acronym that wins seats or a share of its own: "AD 79", "(ZTA) won 93 seats"
            if kind is None and len(piece) == 1 and _share_subject(text, end, language) \
                    and not _part_of_longer_name(text, piece[0].text):
                kind = "party"  # a one-word name that gets a vote share: "Socialdemokratiet fikk 27,5 prosent"
            if _not_a_name(text, tokens, position[begin], piece, kind, noun, language):
                continue
            if kind == "person" and len(piece) >= 2 and _genitive_of_known_name(text, piece[-1].text, language):
                end -= 1  # "statsminister Sanna Marins sosialdemokrater … Marin sa": the s is the genitive's
            mentions.append(NameMention(_without_nickname(text[begin:end]), Span(begin, end), sentence_of(begin, sentences),
                                        kind=kind, place=place, category=category))
    return mentions


_ORG_KINDS = ("organization", "government-organization", "party")

#: Roles held over a place, named after the title: "mayor of X", "gobernador de X", "ordfører i X".
_PLACE_ROLES = frozenset({"mayor", "governor"})
_PLACE_LINK = re.compile(r"(?i)(?:^|(?<=\s))(?:ex-?|former\s+|tidligere\s+)?(\w+)\s+(?:of|de|del|i|for)\s+$")


def _place_of_title(text: str, run: list[Token], language: Language) -> bool:
    """Whether a run of three or more capitalised words opens with the place of the title before it
    ("the former mayor of Montevideo Daniel Martínez", "el exgobernador de Antioquia Sergio Fajardo").

    >>> from kg.extract.languages import SPANISH
    >>> from kg.extract.text import tokenize
    >>> t = "el exgobernador de Antioquia Sergio Fajardo y el alcalde de Santa Marta"
    >>> tokens = tokenize(t)
    >>> _place_of_title(t, tokens[3:6], SPANISH), _place_of_title(t, tokens[-2:], SPANISH)
    (True, False)
    """
    if len(run) < 3 or any(t.text.lower() in language.org_heads for t in run):
        return False
    before = _PLACE_LINK.search(text[max(0, run[0].begin - 40):run[0].begin])
    return before is not None and language.titles.get(before.group(1).lower().removeprefix("ex")) in _PLACE_ROLES


def _not_a_name(text: str, tokens: list[Token], at: int, piece: list[Token], kind, noun, language: Language) -> bool:
    """A dateline ("TAIPEI, Jan 13 —"), a place after "in" ("in New Taipei"), or a noun before a name ("TV-kanalen France 2")."""
    begin, end = piece[0].begin, piece[-1].end
    if len(piece) == 1 and piece[0].text.isupper() and (begin == 0 or text[begin - 1] == "\n") \
            and re.match(r"[.,]?\s*[—–-]|,", text[end:end + 4]):
        return True
    before = tokens[at - 1].text.lower() if at > 0 and text[tokens[at - 1].end:begin] == " " else ""
    if kind == "person" and not noun and before in language.place_prepositions and text[end:end + 2] not in ("'s", "’s"):
        return True
    following = at + len(piece)
    return (len(piece) == 1 and "-" in piece[0].text and following < len(tokens) and tokens[following].capitalised
            and text[end:tokens[following].begin] == " ")


_HEAD_AFTER = re.compile(r"\s*(?:\([A-Z][A-Za-z.-]{1,9}\)\s*)?(\w+)(?![\w'’-])")
_APPOSITION = re.compile(r",\s+(?:the|a|an|la|el|una|un)\s+((?:\w+\s+){0,2}\w+)(?=\s+(?:of|de|del|for|para)\b|,|\.)")


def _kind_after(text: str, end: int, language: Language) -> str | None:
    """The kind a lowercase noun after a name gives it: "X (XYZ) alliance", "X party", "X, the research arm of".

    >>> from kg.extract.languages import ENGLISH
    >>> t = "Ana Lima (AL) alliance won; Kiri Tanu, the polling firm, said"
    >>> _kind_after(t, 8, ENGLISH), _kind_after(t, 37, ENGLISH), _kind_after("Ana Lima, the mayor, said", 8, ENGLISH)
    ('party', 'organization', None)
    """
    head = _HEAD_AFTER.match(text, end)
    if head and head.group(1).islower() and head.group(1) in language.org_heads:
        return language.org_heads[head.group(1)]
    phrase = _APPOSITION.match(text, end)
    if phrase:
        words = phrase.group(1).lower().split()
        if not any(w in language.titles for w in words):
            return next((language.org_heads[w] for w in words if w in language.org_heads), None)
    return None


def _pollster_before(text: str, begin: int, language: Language) -> bool:
    """Whether a one-word name follows the words that name a poll's maker ("a survey by Taloustutkimus")."""
    before = " " + text[max(0, begin - 30):begin].lower().replace(",", "")
    return before.endswith(derived(language, "pollster-ends", lambda: tuple(f" {cue} " for cue in language.pollster_before)))
def _share_subject(text: str, end: int, language: Language) -> bool:
    """Whether a name is followed by a verb of scoring and a percentage ("Venstre falt til 13,3 prosent").

    >>> from kg.extract.languages import NORWEGIAN
    >>> t = "Venstre falt til 13,3 prosent, mens Ola sa nei."
    >>> _share_subject(t, 7, NORWEGIAN), _share_subject(t, 39, NORWEGIAN)
    (True, False)
    """
    pattern = derived(language, "share-subject", lambda: re.compile(
        share_verb_phrase(language) + r"\d[\d.,]*\s*(?:%s)" % alternation(language.percent_words), re.IGNORECASE)
        if language.share_verbs else None)
    return bool(pattern and pattern.match(text, end))


def _genitive_of_known_name(text: str, word: str, language: Language) -> bool:
    """Whether ``word`` is a genitive (glued s) of a name the text also writes bare ("Marins" beside "Marin"),
    or of a -sen/-son family name ("Lars Løkke Rasmussens nye parti").

    >>> from kg.extract.languages import NORWEGIAN
    >>> t = "Sanna Marins parti tapte. Marin sa nei."
    >>> _genitive_of_known_name(t, "Marins", NORWEGIAN), _genitive_of_known_name(t, "Marins", ENGLISH)
    (True, False)
    >>> _genitive_of_known_name("Carlos Mesa won.", "Carlos", NORWEGIAN), _genitive_of_known_name("", "Rasmussens", NORWEGIAN)
    (False, True)
    """
    if not language.genitive_s or len(word) < 4 or not word.endswith("s"):
        return False
    if word.endswith(("sens", "sons")):
        return True  # a -sen/-son family name ("Rasmussen", "Andersson") never ends in s of its own
    return re.search(r"(?<![\w-])%s(?![\w-])" % re.escape(word[:-1]), text) is not None


def _part_of_longer_name(text: str, word: str) -> bool:
    """Whether a word also stands in the text as part of a longer name ("Nicolás Maduro" for "Maduro", "Anies Baswedan").

    >>> _part_of_longer_name("Ana Lima won. Lima fikk 40 prosent.", "Lima"), _part_of_longer_name("og Venstre fikk", "Venstre")
    (True, False)
    >>> _part_of_longer_name("Ifølge Statistik. Venstre fikk", "Venstre"), _part_of_longer_name("Ana J. Lima", "Lima")
    (False, True)
    """
    w = re.escape(word)
    return re.search(r"\b(?:[A-ZÀ-Þ][\w'’-]*|[A-ZÀ-Þ]\w?\.)[\"”»]?[ \t]+[\"“«]?%s\b|\b%s[\"”»]?[ \t]+[\"“«]?[A-ZÀ-Þ]" % (w, w), text) is not None


def _poll_noun_after(text: str, end: int, language: Language) -> bool:
    """Whether a poll noun follows a name, which makes the name the poll's maker ("a Pulse Asia poll taken in April").

    >>> from kg.extract.languages import NORWEGIAN
    >>> t = "A Pulse Asia poll had Ana at 56%."
    >>> _poll_noun_after(t, 12, ENGLISH), _poll_noun_after(t, 26, ENGLISH), _poll_noun_after("Novus-målingen for SVT", 5, NORWEGIAN)
    (True, False, True)
    >>> _poll_noun_after("Opinion polls had Ana ahead.", 7, ENGLISH)
    False
    """
    nouns = derived(language, "poll-nouns", lambda: re.compile(
        r"(?:\s+|(?=-))(?:%s)(?!\w)" % alternation(language.poll_nouns))
        if language.poll_nouns else None)
    if not nouns or not nouns.match(text, end):
        return False
    # "Opinion poll", "Exit poll" opening a sentence: the words are the cue itself, not a maker.
    word = re.search(r"[\w-]*$", text[max(0, end - 40):end]).group().lower()
    return not any(phrase.startswith(word + " ") for phrase, _ in language.kinds)


#: Street and town words of every language: a Spanish street name turns up in English text too.
PLACE_WORDS = frozenset(w for language in LANGUAGES.values() for w in language.place_words)


def _long_heads(language: Language) -> tuple[str, ...]:
    return derived(language, "long-heads", lambda: tuple(h for h in language.org_heads if len(h) >= 6))


def _noun_before(text: str, tokens: list[Token], at: int, language: Language) -> str | None:
    """A lowercase organisation word just before a name ("the coalition X", "valgdomstolen TSE")."""
    if at == 0 or text[tokens[at - 1].end:tokens[at].begin] != " ":
        return None
    head = tokens[at - 1].text.rsplit("-", 1)[-1]  # "TV-kanalen France 2": the compound's head counts
    if not head.islower():
        return None
    if head in language.org_heads:
        return head
    # A compound ending in an organisation word: "samarbeidsorganisasjonen Ecowas".
    long_heads = _long_heads(language)
    return next((h for h in long_heads if head.endswith(h)), None) if head.endswith(long_heads) else None


def _extend_name(text: str, tokens: list[Token], at: int, used: set[int]) -> list[Token]:
    """The name starting at ``at``, read on across the small words a party name holds."""
    run = [tokens[at]]
    i = at + 1
    while i < len(tokens) and text[tokens[i - 1].end:tokens[i].begin] == " " and (i not in used or tokens[i].capitalised):
        token = tokens[i]
        if token.capitalised:
            run.append(token)
        elif token.text.lower() in PARTY_CONNECTORS and _connects(tokens, i):
            run.append(token)
        else:
            break
        i += 1
    return _strip_connectors(run)


def _connects(tokens: list[Token], i: int) -> bool:
    """Whether the small words from ``i`` on lead to a capitalised word ("por la Patria", "al Socialismo")."""
    for j in range(i + 1, min(i + 3, len(tokens))):
        if tokens[j].capitalised:
            return True
        if tokens[j].text.lower() not in PARTY_CONNECTORS:
            return False
    return False


def _electoral(text: str, begin: int, end: int, noun: str | None, language: Language) -> str | None:
    # The words just before count too: "the electoral service Servel", "valgdomstolen TSE".
    name = fold(text[max(0, begin - 25):end] if noun else text[begin:end])
    return "electoral-body" if any(w in name for w in language.electoral_words) else None


def _capitalised_runs(text: str, tokens: list[Token], used: set[int]) -> list[list[Token]]:
    runs: list[list[Token]] = []
    current: list[Token] = []
    for i, token in enumerate(tokens):
        gap = text[current[-1].end:token.begin] if current else ""
        # "R.M.A.L. Rathnayake", "Guðni Th. Jóhannesson": an initial's dot stays inside the name.
        joins = current and (gap in (" ", "\u00a0") or (gap == ". " and is_initial(current[-1].text) and token.capitalised)
                             or _nickname_gap(text, tokens, i))
        if i not in used and token.capitalised and token.text[0].isalpha() and (joins or not current):
            current.append(token)
        elif i not in used and current and joins and token.text in NAME_CONNECTORS:
            current.append(token)
        else:
            if current:
                runs.append(current)
            current = [token] if i not in used and token.capitalised and token.text[0].isalpha() else []
    if current:
        runs.append(current)
    return [_strip_connectors(run) for run in runs if _strip_connectors(run)]


_OPEN_NICK, _CLOSE_NICK = (' "', " “", " «"), ('" ', "” ", "» ")


def _nickname_gap(text: str, tokens: list[Token], i: int) -> bool:
    """Whether token ``i`` continues a name across a quoted nickname: 'Ana "Nena" Ruiz', 'José “Pepe” Soto'.

    >>> from kg.extract.text import tokenize
    >>> t = 'Ana "Nena" Ruiz won; "Hope" Party lost'
    >>> tokens = tokenize(t)
    >>> [tok.text for n, tok in enumerate(tokens) if _nickname_gap(t, tokens, n)]
    ['Nena', 'Ruiz']
    """
    if i == 0 or not tokens[i].capitalised:
        return False
    gap = text[tokens[i - 1].end:tokens[i].begin]
    if gap in _OPEN_NICK:  # the nickname itself: one word, closed right after, a name part following
        after = text[tokens[i].end:tokens[i + 1].begin] if i + 1 < len(tokens) else ""
        return tokens[i - 1].capitalised and after in _CLOSE_NICK and tokens[i + 1].capitalised
    if gap in _CLOSE_NICK and i >= 2:  # the name part after the nickname
        return text[tokens[i - 2].end:tokens[i - 1].begin] in _OPEN_NICK and tokens[i - 2].capitalised
    return False


#: Lowercase institution words a genitive place name is written before: "Göteborgs universitet".
_INSTITUTIONS = frozenset({"universitet", "högskola", "høgskole", "høyskole", "universitetssykehus"})


def _genitive_institution(text: str, end: int, language: Language) -> int | None:
    """The end of a name like "Göteborgs universitet", whose head is a lowercase word after a genitive.

    >>> from kg.extract.languages import NORWEGIAN
    >>> t = "ved Lunds universitet i går"
    >>> _genitive_institution(t, 9, NORWEGIAN), _genitive_institution(t, 9, ENGLISH)
    (21, None)
    """
    if not language.genitive_s or text[end - 1:end] != "s":
        return None
    head = re.match(r" (\w+)\b", text[end:end + 25])
    return end + head.end() if head and head.group(1) in _INSTITUTIONS else None


def _without_nickname(name: str) -> str:
    """The name without its quoted nickname, which stays in the mention's span.

    >>> _without_nickname('Ana "Nena" Ruiz'), _without_nickname("Ana Ruiz")
    ('Ana Ruiz', 'Ana Ruiz')
    """
    return re.sub(r'\s+["“«][^\s"”»]+["”»]\s+', " ", name)


def _strip_connectors(run: list[Token]) -> list[Token]:
    while run and not run[-1].capitalised:
        run = run[:-1]
    return run


def _split_run(run: list[Token], reference: Reference, language: Language) -> list[tuple[list[Token], str | None]]:
    """Cut a run at title words ("Foreign Ministry Spokesman Lin Jian") and type each piece."""
    pieces: list[tuple[list[Token], str | None]] = []
    current: list[Token] = []
    i = 0
    while i < len(run):
        width = _title_width(run, i, language)
        if width:
            pieces.append((current, None))
            current = []
            i += width
            continue
        current.append(run[i])
        i += 1
    pieces.append((current, None))
    cleaned = [_clean(p, reference, language) for p, _ in pieces]
    return [(p, _kind_of(p, language)) for p in cleaned]


def _title_width(run: list[Token], i: int, language: Language) -> int:
    word = run[i].text.lower()
    if "-" in word and word.rsplit("-", 1)[1] in language.titles and i + 1 < len(run):
        return 1  # a compound ending in a title before a name: "Reykjavík-ordfører Ana Berg", "ex-President"
    if i + 1 < len(run) and (_definite_descriptor(run[i].text, language) or _noun_compound(run[i].text)):
        return 1  # "SV-politikeren Ana Berg", "USA-kjenner Ola Dahl": a noun describing the name after it
    if word not in title_words(language)[0]:
        # A glued compound ending in a title before a name: "Partileder Ana Berg", "Fylkesordfører Ola Dahl".
        return 1 if i + 1 < len(run) and _compound_title(word, language) else 0
    for width in (3, 2, 1):
        phrase = " ".join(t.text.lower() for t in run[i:i + width])
        if len(run[i:i + width]) == width and phrase in language.titles:
            return width
    return 0


def _definite_descriptor(word: str, language: Language) -> bool:
    """Whether ``word`` is a name glued to a lowercase noun in its definite form ("Ap-lederen", "NRK-journalisten").

    >>> from kg.extract.languages import NORWEGIAN
    >>> _definite_descriptor("SV-politikeren", NORWEGIAN), _definite_descriptor("Jean-Luc", NORWEGIAN)
    (True, False)
    >>> _definite_descriptor("Halla-aho", NORWEGIAN), _definite_descriptor("SV-politikeren", ENGLISH)
    (False, False)
    """
    if "-" not in word or not language.definite_endings:
        return False
    tail = word.rsplit("-", 1)[1]
    return len(tail) >= 7 and tail.islower() and tail.endswith(language.definite_endings)


def _noun_compound(word: str) -> bool:
    """Whether ``word`` is a name glued to a lowercase noun of four letters or more ("Sánchez-vennen",
    "Kremlin-friendly"): a description, never part of a name.

    >>> _noun_compound("USA-kjenner"), _noun_compound("Jean-Luc"), _noun_compound("Halla-aho"), _noun_compound("ex-Minister")
    (True, False, False, False)
    """
    tail = word.rsplit("-", 1)[1] if "-" in word else ""
    return len(tail) >= 4 and tail.isalpha() and tail.islower()


def _compound_title(word: str, language: Language) -> bool:
    """Whether ``word`` is a compound whose head is a title, in languages that glue compounds.

    >>> from kg.extract.languages import NORWEGIAN
    >>> _compound_title("partileder", NORWEGIAN), _compound_title("fylkesordfører", NORWEGIAN), _compound_title("kalender", NORWEGIAN)
    (True, True, False)
    >>> _compound_title("politisjef", NORWEGIAN)
    True
    >>> _compound_title("partileder", ENGLISH)
    False
    """
    if not language.definite_endings:
        return False
    heads = derived(language, "title-heads", lambda: tuple(t for t in language.titles if " " not in t and len(t) >= 4))
    return any(word.endswith(h) and len(word) >= len(h) + 4 for h in heads)


#: Participles glued to a name that make it an adjective ("Church-backed", "Kremlin-allied").
_PARTICIPLE_ENDS = ("-backed", "-led", "-based", "-owned", "-run", "-allied", "-aligned", "-funded", "-controlled")


def _clean(piece: list[Token], reference: Reference, language: Language) -> list[Token]:
    if piece and piece[-1].text.lower().endswith(_PARTICIPLE_ENDS):
        # "the Catholic Church-backed watchdog", "PTI-backed candidates": the name before the participle.
        last = piece[-1]
        cut = last.text.rindex("-")
        piece = piece[:-1] + [Token(last.text[:cut], last.begin, last.begin + cut, last.capitalised)]
    ends = title_ends(language)
    while piece and (piece[0].text.lower() in language.not_names or fold(piece[0].text) in language.not_names
                     or _demonym(piece[0], reference)
                     or piece[0].text.lower() in ends or _definite_noun(piece, language)):
        piece = piece[1:]
    if any(_demonym(t, reference) for t in piece) and _org_kind(piece, language) is None:
        return []
    piece = _strip_connectors(piece)
    if fold(" ".join(t.text for t in piece)) in PLACES or (
            any(t.text.lower() in PLACE_WORDS for t in piece) and _org_kind(piece, language) is None):
        return []
    return piece


#: Adjective endings of the glueing languages: "Reformvennlige Masoud Pezeshkian", "Sosialdemokratiske Ana Berg".
_ADJECTIVE_ENDS = ("lige", "ige", "iske")


def _demonym(token: Token, reference: Reference) -> bool:
    """Whether ``token`` is a demonym as written: "Germán" (a given name) is not "German"."""
    folded = fold(token.text)
    return folded in reference.demonyms and folded == token.text.lower()


def _definite_noun(piece: list[Token], language: Language) -> bool:
    """A long noun in its definite form, or a long adjective, opening a sentence before a name
    ("Venstrepopulisten Jean-Luc Mélenchon", "Reformvennlige Masoud Pezeshkian")."""
    word = piece[0].text.lower()
    ends = language.definite_endings + _ADJECTIVE_ENDS if language.definite_endings else ()
    # "Universitetet i Bergen" is a name: an organisation word linked to the rest opens it.
    return len(piece) >= 3 and len(word) >= 9 and "-" not in word and word.endswith(ends) \
        and not (word in language.org_heads and not piece[1].capitalised)


def _org_kind(piece: list[Token], language: Language) -> str | None:
    for token in reversed(piece):
        word = token.text.lower()
        if word in language.org_heads:
            return language.org_heads[word]
        if token.capitalised and word in ENGLISH.org_heads:  # an English name in other prose: "Human Rights Watch"
            return ENGLISH.org_heads[word]
        # A compound's head after a hyphen: "Diop-universitetet", "TV-kanalen".
        if "-" in word and word.rsplit("-", 1)[1] in language.org_heads:
            return language.org_heads[word.rsplit("-", 1)[1]]
    # The last word a glued compound ending in an organisation word: "Dansk Folkeparti", "Senterpartiet".
    if len(piece) >= 2:
        return _glued_org_kind(piece[-1].text, language)
    return None


def _glued_org_kind(word: str, language: Language) -> str | None:
    """The kind of organisation a glued compound ends in ("Arbeiderpartiet"), in languages that glue."""
    if not language.definite_endings:
        return None
    word = word.lower()
    head = next((h for h in _long_heads(language) if word.endswith(h) and len(word) >= len(h) + 3), None)
    return language.org_heads[head] if head else None


def _acronym(piece: list[Token]) -> bool:
    """Whether a one-word piece is an acronym: "ZEC", "ZANU-PF" (a capitals word of seven is a dateline's city)."""
    word = piece[0].text if len(piece) == 1 else ""
    return word.isupper() and 2 <= len(word.replace("-", "")) <= (7 if "-" in word else 6)


#: Generational suffixes that close a person's name.
GENERATIONS = frozenset({"jr.", "jr", "sr.", "sr", "ii", "iii", "iv"})


def _kind_of(piece: list[Token], language: Language) -> str | None:
    if not piece:
        return None
    org = _org_kind(piece, language)
    if org and (len(piece) >= 2 or "-" in piece[0].text):
        return org
    if len(piece) == 1 and (glued := _glued_org_kind(piece[0].text, language)):
        return glued  # "Borgerplattformen", "Arbeiderpartiet"
    if is_party_name([t.text for t in piece if t.capitalised]):
        return "party"
    if len(piece) == 1 and piece[0].text.lower() in language.party_words and piece[0].text.lower().endswith("s"):
        return "party"  # a plural political word as a name: "the Greens", "the Liberals"
    if len(piece) >= 2 and any(t.text.lower() in language.org_words for t in piece):
        return "government-organization"
    words = [t for t in piece if t.capitalised]
    if len(words) >= 3 and words[-1].text.lower() in GENERATIONS:
        words = words[:-1]  # "Ferdinand Marcos Jr.", "Ana Lima III": the suffix is part of a person's name
    if len(words) >= 2 and all(is_initial(t.text) or t.text.replace("-", "").isalpha() and not t.text.isupper()
                               for t in words) and not is_initial(words[-1].text):
        return "person"
    if _acronym(piece):
        return "organization"  # "ZEC", "ZANU-PF"
    return None


