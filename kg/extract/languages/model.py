"""The shape of a language's cue tables: what each group of words signals to the extractor.

Every table holds lowercase, accent-bearing words as they are written; the matchers fold case
(and, for names, accents) themselves. A phrase may span several words. Nothing here is specific
to one election or one outlet: these are the words election coverage uses in general.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Language:
    """The cue words of one language, grouped by what they signal."""

    code: str
    #: Verbs that introduce speech, in the forms news prose uses.
    speech_verbs: frozenset[str]
    #: Speech verbs that introduce only quotations, never reported speech ("called it “…”").
    quote_verbs: frozenset[str]
    #: Phrases that attribute a statement to what follows them ("according to X").
    according_to: tuple[str, ...]
    #: Words that make a capitalised name after them a person, with the role they state.
    titles: dict[str, str]
    #: Words that end or open an organisation's name, with the kind they give it.
    org_heads: dict[str, str]
    #: How percentages are written after the number.
    percent_words: tuple[str, ...]
    #: Bound words before a figure and the bound they state.
    bounds: dict[str, str]
    #: Words after a percentage that make it a share of ballots counted, not a vote share.
    counted: tuple[str, ...]
    #: Words near a percentage that make it something other than a vote share.
    not_shares: tuple[str, ...]
    #: Words in a sentence that say which kind of figure it reports, strongest first.
    kinds: tuple[tuple[str, str], ...]
    #: Prepositions between a figure and the candidate it belongs to ("44% for X").
    share_for: tuple[str, ...]
    #: Words that refer to the other main candidate ("his main rival").
    rival: tuple[str, ...]
    #: Words that name the opposition as a side.
    opposition: tuple[str, ...]
    #: Election words and the election type they name.
    elections: dict[str, str]
    #: Capitalised words that never start a name: function words, days, months.
    not_names: frozenset[str]
    #: Words that open a photo credit.
    photo_credit: tuple[str, ...] = ("foto", "photo")
    #: Third-person pronouns that refer back to the last person named.
    pronouns: frozenset[str] = field(default_factory=frozenset)
    #: Words for "that" after a speech verb, dropped from reported speech.
    complementizers: tuple[str, ...] = ()
    #: Forms of "to be" that make a following speech verb passive ("is widely described as").
    passive: frozenset[str] = frozenset()
    #: Content words mapped to a shared English concept, so a statement can be recognised across
    #: languages ("alvorlig bekymret" ~ "serious concerns"); English synonyms map here too.
    concepts: dict[str, str] = field(default_factory=dict)
    #: Lowercase names of a country's government bodies ("Brazil's foreign ministry") and the
    #: English name their key is minted from, together with the country's.
    bodies: dict[str, str] = field(default_factory=dict)
    #: Words that make a capitalised name an organisation's ("National", "Electoral", "Supremo").
    org_words: frozenset[str] = frozenset()
    #: Words in or just before an organisation's name that make it an electoral authority.
    electoral_words: tuple[str, ...] = ()
    #: Words that make a capitalised name a place ("Avenida Paulista"), which is never an entity.
    place_words: frozenset[str] = frozenset()
    #: Whether a verb may go without its subject ("«…», dijo en su búnker"): the speaker is then the
    #: person the text is about.
    pro_drop: bool = False
    #: Whether reported speech always opens with a complementizer ("dijo que …", "sa at …"): a speech
    #: verb followed by anything else has an object ("agradeció a sus votantes"), not a statement.
    complementizer_required: bool = False
    #: Whether a genitive is written by gluing an s to the name ("USAs", "Maduros").
    genitive_s: bool = False
    #: Lowercase words that join two parts of one organisation's name ("Ministry of Justice").
    org_links: frozenset[str] = frozenset()
    #: Political words that make a name of two or more capitalised words a party's ("Fuerza Popular").
    party_words: frozenset[str] = frozenset()
    #: Words just before a one-word name that make it the firm behind a poll ("a survey by Taloustutkimus").
    pollster_before: tuple[str, ...] = ()
    #: Verbs (with their particles) between a name and the share it gets ("fikk", "falt til", "obtuvo"):
    #: a one-word name before one is a party, not a stray capitalised word.
    share_verbs: tuple[str, ...] = ()
    #: Nouns right after a name that make it the firm behind a poll ("a Pulse Asia poll", "Novus-målingen").
    poll_nouns: tuple[str, ...] = ()
    #: Words between a person and their party ("Hou Yu-ih of the Kuomintang", "Camacho, de Creemos").
    member_of: frozenset[str] = frozenset()
    #: Words between a party and the person it is named for ("the SPD of Olaf Scholz", "Arbeiderpartiet
    #: til Støre"): the party is the head of that phrase, so a figure after it is the party's.
    party_of: tuple[str, ...] = ()
    #: Words right after a name that make it the party of a candidate ("Xs kandidat", "'s candidate").
    candidate_of_after: tuple[str, ...] = ()
    #: Prepositions of place: a bare two-word name after one is a place ("in New Taipei"), not a person.
    place_prepositions: frozenset[str] = frozenset()
    #: Endings of a noun's definite form, in languages that glue the article on ("koalisjonen").
    definite_endings: tuple[str, ...] = ()
    #: Cues of ``kinds`` that count only when they open the sentence ("In the first round, X had won 48%").
    opening_cues: frozenset[str] = frozenset()
    #: Speech verbs that report a statement only with their complementizer or a colon
    #: ("reconoció que …"); with a plain object ("reconoció la derrota") they give no claim.
    complement_verbs: frozenset[str] = frozenset()
    #: Words that date a poll before the vote ("the last survey before the vote"): it stays an opinion
    #: poll even in an article about exit polls.
    earlier_poll: tuple[str, ...] = ()
    #: Prepositions between a candidate and its figure when a verb puts one at the other ("put the
    #: Liberals at 43.7%", "hadde Lee på 48 prosent"): the name right before one owns the figure.
    share_at: tuple[str, ...] = ()
    #: Words joining a percentage to the next figure of a tally, which then goes without its unit
    #: ("49,8 prosent mot 48,3 for Harris", "Harris on 49% and Trump on 48").
    tally_links: tuple[str, ...] = ()
    #: How the language writes foreign names that English writes otherwise, in order ("Slutskij" is
    #: Slutsky, "Pezesjkian" Pezeshkian): a person's name gets its English spelling as an alias.
    english_spelling: tuple[tuple[str, str], ...] = ()
    #: Words before a capital city that make it a place or part of a longer name ("mayor of London",
    #: "universitetet i Oslo", "near Moscow"), beyond ``place_prepositions``.
    capital_place_words: frozenset[str] = frozenset()
    #: Capitalised words that may open a sentence before a capital that acts ("From Washington, …").
    capital_openers: frozenset[str] = frozenset()
    #: Conjunctions that coordinate a second verb with the sentence's first ("Ana Lind won and said …").
    conjunctions: tuple[str, ...] = ()
    #: Words that open a reported clause with no subject of its own: an expletive ("there was “…”")
    #: or a preposition ("truet med et «blodbad»").
    no_subject_words: frozenset[str] = frozenset()
    #: Days of the week and clock words that may open a live blog's time stamp ("Kl. 01.10:", "Lunes, 10:30 —").
    stamp_words: tuple[str, ...] = ()
    #: Possessives that, like a pronoun, refer back to the last person named ("Según sus cálculos").
    possessives: frozenset[str] = frozenset()
