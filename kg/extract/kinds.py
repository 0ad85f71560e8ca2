"""The kind and source of a sentence's figures: who produced them, as far as the sentence says.

Cue words name a kind (exit poll, poll, the opposition's tally, the electoral authority); an
electoral body named in the sentence makes its figures official; a poll by a named firm in an
article that speaks of exit polls is that exit poll; a time of counting or an earlier round is
official only when someone's ("according to …"); a paragraph ending in a colon hands its source to
the list below it.
"""

from __future__ import annotations

import re

from kg.model import Span

from .languages import ENGLISH, NORWEGIAN, Language  # noqa: F401 (the doctests use them)
from .mentions import NameMention
from .patterns import cue_pattern
from .reference import Reference


#: How far into a sentence an opening cue ("In the first round, …") may stand.
_OPENING = 12


def _cues_in_order(lower: str, language: Language, figure_at: int) -> list[str]:
    """The kinds the sentence's cue words name: the nearest before its first figure first, then those after."""
    found = []
    for phrase, kind in language.kinds:
        if phrase not in lower:  # most sentences hold few cues: skip the regex for the rest
            continue
        for match in re.finditer(r"(?<!\w)" + re.escape(phrase) + _inflection(language) + r"(?!\w)", lower):
            # "In the first round, X had 48%", "came third in the first round with 19%": an earlier
            # count the sentence attributes to no one, whatever the cue word's own kind.
            earlier = phrase in language.opening_cues
            found.append((match.start() > figure_at, -match.end() if match.start() <= figure_at else match.start(),
                          "unattributed" if earlier else kind))
    return [kind for _, _, kind in sorted(found)]


def _inflection(language: Language) -> str:
    """What may follow a cue word in the language: a plural s ("quick counts"), a glued article ("målingen").

    >>> _inflection(ENGLISH), _inflection(NORWEGIAN)
    ('(?:s)?', '(?:en|et|ene|s)?')
    """
    return "(?:%s)?" % "|".join(language.definite_endings + ("s",))


def sentence_source(text, sentence: Span, local, article_body, language, reference, sides, first_figure=None
            ) -> tuple[str, str | None] | None:
    """Who produced the figures of a sentence (``local`` are its names), when the sentence itself says so."""
    lower = text[sentence.begin:sentence.end].lower()
    firm = next((m.key for m in local if m.category == "polling-firm" or reference.in_category(m.key, "polling-firm")), None)
    body = next((m.key for m in local if is_electoral(m, reference)), None)
    cues = _cues_in_order(lower, language, first_figure - sentence.begin if first_figure is not None else len(lower))
    if cues and cues[0] == "opinion-poll" and firm and _speaks_of_exit_polls(text, language) \
            and not _dated_before_the_vote(lower, language):
        return "exit-poll", firm
    if cues and cues[0] == "unattributed":  # an earlier round, a time of counting: official only if someone's
        relayed = cue_pattern(language, "according_to").search(lower) is not None  # "ifølge valgtjenesten, med alle stemmer talt"
        return ("official", body or article_body) if body or relayed or "official" in cues else ("unattributed", None)
    if cues and cues[0] in ("exit-poll", "opinion-poll"):
        return cues[0], firm
    if cues and cues[0] == "opposition-tally":  # "its own collation … showed Obi ahead, a figure INEC has not …"
        return "opposition-tally", sides.get("coalition")
    if body:
        return "official", body
    if _opposition_speaks(text, sentence, local, language, reference) or (cues and cues[0] == "opposition-tally"):
        return "opposition-tally", sides.get("coalition")
    if cues and cues[0] == "official":
        return "official", article_body
    return None


def one_block(text: str, begin: int, end: int) -> bool:
    r"""Whether no paragraph break stands between ``begin`` and ``end``, a break after a colon aside:
    a line ending in a colon introduces the list or table below it, which belongs to it.

    >>> t = "The shares were:\n\n- Sol: 40%\n- Mar: 30%\n\nLater, more."
    >>> one_block(t, 0, t.index("- Mar")), one_block(t, 0, t.index("Later"))
    (True, False)
    """
    breaks = re.finditer(r"\n[ \t]*\n", text[begin:end])
    return all(text[begin:begin + b.start()].rstrip().endswith(":") for b in breaks)


def list_source(text: str, sentence: Span, language: Language, article_body: str | None) -> tuple[str, str | None] | None:
    """The kind of a list a sentence introduces while relaying it from someone ("According to the
    commission, the shares were:"): the official count, as a relayed partial count is.

    >>> list_source("According to the count office, the shares were:", Span(0, 48), ENGLISH, None)
    ('official', None)
    >>> list_source("The shares were:", Span(0, 16), ENGLISH, None) is None
    True
    """
    own = text[sentence.begin:sentence.end].rstrip()
    if not own.endswith(":") or cue_pattern(language, "according_to").search(own) is None:
        return None
    return "official", article_body


def count_source(text: str, sentence: Span, language: Language, article_body: str | None) -> tuple[str, str | None]:
    """The kind of a partial count no earlier sentence attributed: the official count when the sentence
    relays it from someone ("with 90% counted, X had 50%, according to AP"), else no one's in particular.

    >>> count_source("With 90% counted, Lind had 50%, according to AP.", Span(0, 48), ENGLISH, None)
    ('official', None)
    >>> count_source("With 90% counted, Lind had 50%.", Span(0, 31), ENGLISH, "organization/cne")
    ('unattributed', None)
    """
    relayed = cue_pattern(language, "according_to").search(text[sentence.begin:sentence.end]) is not None
    return ("official", article_body) if relayed else ("unattributed", None)


def poll_in_stretch(text: str, stretch: Span, local, language: Language, reference: Reference,
                     kind: tuple[str, str | None]) -> tuple[str, str | None]:
    """The kind of a figure whose own stretch of the sentence names a poll ("…, while the last CEP survey gave her 44%").

    A later figure of a sentence that opened with another kind (an official count, an earlier
    round) takes the poll named right before it, and its maker if the stretch names one.
    """
    lower = text[stretch.begin:stretch.end].lower()
    cues = _cues_in_order(lower, language, len(lower))
    if not cues or cues[0] not in ("opinion-poll", "exit-poll"):
        return kind
    inside = [m for m in local if stretch.begin <= m.span.begin < stretch.end]
    firm = next((m.key for m in inside if m.category == "polling-firm" or reference.in_category(m.key, "polling-firm")),
                None)
    if kind[0] in ("opinion-poll", "exit-poll"):
        # A second poll in a sentence about polls ("…, mens JTBCs måling, utført av Realmeter, hadde …"): same kind, its own maker.
        return kind[0], firm or kind[1]
    return cues[0], firm


def _dated_before_the_vote(lower: str, language: Language) -> bool:
    """Whether a sentence dates its poll before the vote ("the last survey before the vote", "la última encuesta").

    >>> _dated_before_the_vote("the latest survey by quantix had lind on 40%", ENGLISH)
    True
    >>> _dated_before_the_vote("a survey by quantix for tv2 had lind on 40%", ENGLISH)
    False
    """
    return bool(language.earlier_poll) and cue_pattern(language, "earlier_poll").search(lower) is not None


def is_electoral(mention: NameMention, reference: Reference) -> bool:
    """Whether a name is an electoral body's, by its own category or the table's."""
    return mention.category == "electoral-body" or reference.in_category(mention.key, "electoral-body")


def _opposition_speaks(text, sentence: Span, local, language, reference) -> bool:
    """Whether the opposition opens the sentence or is the one it is attributed to."""
    words = text[sentence.begin:sentence.end].lower().split()
    head = " ".join(words[:4])
    if any(w in head and re.search(r"(?<!\w)%s(?!\w)" % re.escape(w), head) for w in language.opposition):
        return True
    actors = [m for m in local if reference.in_category(m.key, "opposition-coalition")
              or reference.in_category(m.key, "opposition-leader") or m.title == "opposition-leader"]
    return any(m.span.begin - sentence.begin < 40 for m in actors)


def _speaks_of_exit_polls(text: str, language: Language) -> bool:
    lower = text.lower()
    return any(phrase in lower for phrase, kind in language.kinds if kind == "exit-poll")
