"""Runs of capitalised words and how they are cut into names: at title words ("Foreign Ministry
Spokesman Lin Jian"), around quoted nicknames, without leading function words, demonyms or
places, each piece typed by its own words (an organisation word, a political word, two or more
name-like words)."""

from __future__ import annotations

import re

from .languages import ENGLISH, LANGUAGES, Language
from .names import NAME_CONNECTORS, PARTY_CONNECTORS, title_ends, title_words
from .organisations import is_party_name
from .patterns import derived
from .places import PLACES
from .reference import Reference
from .text import Token, fold, is_initial


#: Street and town words of every language: a Spanish street name turns up in English text too.
PLACE_WORDS = frozenset(w for language in LANGUAGES.values() for w in language.place_words)


def long_heads(language: Language) -> tuple[str, ...]:
    """The language's organisation words of six letters or more: those a compound may end in ("samarbeidsorganisasjonen")."""
    return derived(language, "long-heads", lambda: tuple(h for h in language.org_heads if len(h) >= 6))


def extend_name(text: str, tokens: list[Token], at: int, used: set[int]) -> list[Token]:
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
    return strip_connectors(run)


def _connects(tokens: list[Token], i: int) -> bool:
    """Whether the small words from ``i`` on lead to a capitalised word ("por la Patria", "al Socialismo")."""
    for j in range(i + 1, min(i + 3, len(tokens))):
        if tokens[j].capitalised:
            return True
        if tokens[j].text.lower() not in PARTY_CONNECTORS:
            return False
    return False


def capitalised_runs(text: str, tokens: list[Token], used: set[int]) -> list[list[Token]]:
    """The runs of capitalised words not yet used, joined across initials, nicknames and name connectors."""
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
    return [strip_connectors(run) for run in runs if strip_connectors(run)]


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


def without_nickname(name: str) -> str:
    """The name without its quoted nickname, which stays in the mention's span.

    >>> without_nickname('Ana "Nena" Ruiz'), without_nickname("Ana Ruiz")
    ('Ana Ruiz', 'Ana Ruiz')
    """
    return re.sub(r'\s+["“«][^\s"”»]+["”»]\s+', " ", name)


def strip_connectors(run: list[Token]) -> list[Token]:
    """The run without the lowercase link words trailing it ("Unión por la" is "Unión")."""
    while run and not run[-1].capitalised:
        run = run[:-1]
    return run


def split_run(run: list[Token], reference: Reference, language: Language) -> list[tuple[list[Token], str | None]]:
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
    if any(_demonym(t, reference) for t in piece) and org_kind(piece, language) is None:
        return []
    piece = strip_connectors(piece)
    if fold(" ".join(t.text for t in piece)) in PLACES or (
            any(t.text.lower() in PLACE_WORDS for t in piece) and org_kind(piece, language) is None):
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


def org_kind(piece: list[Token], language: Language) -> str | None:
    """The kind the last organisation word of a name gives it ("National Electoral Council": a government body)."""
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
    head = next((h for h in long_heads(language) if word.endswith(h) and len(word) >= len(h) + 3), None)
    return language.org_heads[head] if head else None


def is_acronym_name(piece: list[Token]) -> bool:
    """Whether a one-word piece is an acronym: "ZEC", "ZANU-PF" (a capitals word of seven is a dateline's city)."""
    word = piece[0].text if len(piece) == 1 else ""
    return word.isupper() and 2 <= len(word.replace("-", "")) <= (7 if "-" in word else 6)


#: Generational suffixes that close a person's name.
GENERATIONS = frozenset({"jr.", "jr", "sr.", "sr", "ii", "iii", "iv"})


def _kind_of(piece: list[Token], language: Language) -> str | None:
    if not piece:
        return None
    org = org_kind(piece, language)
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
    if is_acronym_name(piece):
        return "organization"  # "ZEC", "ZANU-PF"
    return None
