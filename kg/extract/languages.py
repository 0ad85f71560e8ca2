"""The cue words of each language the extractor reads, as data: adding a language is adding a row.

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
    #: Whether a genitive is written by gluing an s to the name ("USAs", "Maduros").
    genitive_s: bool = False


_DAYS_MONTHS_EN = (
    "monday tuesday wednesday thursday friday saturday sunday january february march april may "
    "june july august september october november december"
)
_DAYS_MONTHS_NB = (
    "mandag tirsdag onsdag torsdag fredag lørdag søndag januar februar mars april mai juni juli "
    "august september oktober november desember"
)
_DAYS_MONTHS_ES = (
    "lunes martes miércoles jueves viernes sábado domingo enero febrero marzo abril mayo junio "
    "julio agosto septiembre setiembre octubre noviembre diciembre"
)

ENGLISH = Language(
    code="en",
    speech_verbs=frozenset(
        "said says say claimed claims added stated told announced argued insisted warned wrote "
        "declared alleged tweeted posted asserted asserts noted stressed maintained maintains "
        "called calls described describes demanded urged affirmed expressed adds suggested predicted voiced "
        "promised vowed confirmed confirms "
        "saying claiming calling describing adding arguing insisting warning voicing".split()
    ),
    quote_verbs=frozenset("called calls described describes demanded urged expressed voiced voicing calling".split()),
    according_to=("according to",),
    titles={
        "president": "president", "vice president": "vice-president", "prime minister": "prime-minister",
        "foreign minister": "foreign-minister", "minister": "minister", "secretary of state": "secretary-of-state",
        "secretary-general": "secretary-general", "secretary general": "secretary-general",
        "spokesman": "spokesperson", "spokeswoman": "spokesperson", "spokesperson": "spokesperson",
        "head": "head", "chairman": "head", "chairwoman": "head", "chair": "head", "director": "head",
        "leader": "leader", "opposition leader": "opposition-leader", "candidate": "candidate",
        "presidential candidate": "candidate", "opposition candidate": "candidate", "rival": "candidate",
        "senator": "senator", "governor": "governor", "mayor": "mayor", "ambassador": "ambassador",
        "attorney general": "attorney-general", "chancellor": "chancellor", "king": "head-of-state",
        "mr": "", "mrs": "", "ms": "", "dr": "", "sen.": "senator", "gen.": "general", "general": "general",
        "analyst": "analyst", "professor": "professor", "lawmaker": "legislator", "deputy": "legislator",
        "dictator": "",
    },
    org_heads={
        "council": "government-organization", "commission": "government-organization",
        "ministry": "government-organization", "court": "government-organization",
        "tribunal": "government-organization", "department": "government-organization",
        "office": "government-organization", "assembly": "government-organization",
        "service": "government-organization", "directorate": "government-organization",
        "parliament": "government-organization", "congress": "government-organization",
        "senate": "government-organization", "agency": "organization", "institute": "organization",
        "research": "organization", "foundation": "organization", "center": "organization",
        "centre": "organization", "bank": "organization", "union": "organization",
        "organization": "organization", "organisation": "organization", "association": "organization",
        "group": "organization", "network": "organization", "press": "organization", "news": "organization",
        "times": "organization", "post": "organization", "polling": "organization", "consulting": "organization",
        "party": "party", "alliance": "party", "coalition": "party", "platform": "party", "front": "party",
        "movement": "party",
    },
    percent_words=("%", "per cent", "percent", "pct"),
    bounds={
        "more than": "more-than", "over": "more-than", "above": "more-than", "upwards of": "more-than",
        "less than": "less-than", "under": "less-than", "below": "less-than", "fewer than": "less-than",
        "at least": "at-least", "at most": "at-most", "up to": "at-most", "no more than": "at-most",
        "about": "about", "around": "about", "almost": "about", "nearly": "about", "roughly": "about",
        "approximately": "about", "some": "about", "close to": "about", "just over": "more-than",
        "just under": "less-than",
    },
    counted=("counted", "tallied", "processed", "reported", "of polling stations", "of the polling stations",
             "of precincts", "of voting stations", "of the tally sheets", "of tally sheets", "of the vote counted",
             "of the votes counted", "of ballots counted", "of returns"),
    not_shares=("turnout", "participation", "percentage point", "points", "threshold", "inflation", "led by",
                "lead of", "lead by",
                "approval", "of the population", "of venezuelans", "of the electorate", "margin",
                "growth", "interest", "unemployment", "abstention", "of voters turned out"),
    kinds=(
        ("exit poll", "exit-poll"), ("exit-poll", "exit-poll"), ("quick count", "exit-poll"),
        ("opinion poll", "opinion-poll"), ("poll", "opinion-poll"), ("polls", "opinion-poll"),
        ("survey", "opinion-poll"), ("surveys", "opinion-poll"),
        ("opposition's tally", "opposition-tally"), ("opposition's count", "opposition-tally"),
        ("according to the opposition", "opposition-tally"), ("opposition says", "opposition-tally"),
        ("opposition said", "opposition-tally"), ("opposition claims", "opposition-tally"),
        ("official results", "official"), ("official result", "official"), ("electoral council", "official"),
        ("electoral authority", "official"), ("electoral commission", "official"), ("election commission", "official"),
        ("electoral body", "official"), ("partial results", "official"), ("declared", "official"),
        ("bulletin", "official"), ("proclaimed", "official"), ("official", "official"), ("officially", "official"),
        ("first round", "official"), ("first-round", "official"), ("official count", "official"),
    ),
    share_for=("for",),
    rival=("rival", "challenger", "opponent"),
    opposition=("the opposition", "opposition"),
    elections={
        "presidential election": "presidential", "presidential elections": "presidential",
        "presidential vote": "presidential", "presidential race": "presidential",
        "parliamentary election": "parliamentary", "parliamentary elections": "parliamentary",
        "legislative election": "parliamentary", "legislative elections": "parliamentary",
        "general election": "general", "election": "", "elections": "", "vote": "", "poll": "",
    },
    not_names=frozenset(
        ("the a an in on at of for to and but however meanwhile while after before following "
         "this that these those it its he she they we his her their our there here when where "
         "as if by from with without under over despite since during then also even many some "
         "most more several both all no not yet so mr mrs ms opposition sources source read "
         "president secretary " + _DAYS_MONTHS_EN).split()
    ),
    photo_credit=("photo", "picture", "image", "credit", "photograph"),
    pronouns=frozenset("he she".split()),
    complementizers=("that",),
    org_words=frozenset("national electoral federal supreme superior international republic".split()),
    electoral_words=("electoral", "election commission", "elections commission"),
    place_words=frozenset("street avenue square road boulevard plaza city province district".split()),
    bodies={"foreign ministry": "Foreign Ministry", "ministry of foreign affairs": "Foreign Ministry",
            "foreign office": "Foreign Ministry", "state department": "Foreign Ministry",
            "electoral council": "Electoral Council", "electoral commission": "Electoral Council",
            "electoral authority": "Electoral Council", "supreme court": "Supreme Court", "highest court": "Supreme Court"},
    passive=frozenset("is was were been be being are".split()),
    concepts={
        "concerns": "concern", "concerned": "concern", "worried": "concern", "outcome": "result",
        "results": "result", "triumph": "victory", "win": "victory", "won": "victory", "votes": "vote",
        "ballots": "vote", "transparent": "transparency", "recognize": "recognise", "recognition": "recognise",
        "believe": "believe", "hard": "difficult", "difficult": "difficult", "peace": "peace",
        "stability": "stability", "fraud": "fraud", "people": "people", "reflect": "reflect",
    },
)

NORWEGIAN = Language(
    code="nb",
    speech_verbs=frozenset(
        "sa sier hevdet hevder uttalte uttaler skrev skriver advarte advarer mener mente understreket "
        "understreker kalte kaller opplyser opplyste påsto påstår erklærte erklærer "
        "krever krevde svarte svarer gjentok truet antydet lovet bekrefter bekreftet".split()
    ),
    quote_verbs=frozenset("kalte kaller krever krevde".split()),
    according_to=("ifølge", "i følge"),
    titles={
        "president": "president", "presidenten": "president", "statsminister": "prime-minister",
        "utenriksminister": "foreign-minister", "utenriksministeren": "foreign-minister",
        "minister": "minister", "statsråd": "minister", "talsperson": "spokesperson",
        "talsmann": "spokesperson", "talskvinne": "spokesperson", "pressetalsperson": "spokesperson",
        "leder": "head", "lederen": "head", "sjef": "head", "opposisjonsleder": "opposition-leader",
        "opposisjonslederen": "opposition-leader", "kandidat": "candidate", "presidentkandidat": "candidate",
        "presidentkandidaten": "candidate", "opposisjonskandidat": "candidate", "ambassadør": "ambassador",
        "generalsekretær": "secretary-general", "ordfører": "mayor", "senator": "senator",
        "visepresident": "vice-president", "forsker": "analyst", "professor": "professor",
    },
    org_heads={
        "rådet": "government-organization", "råd": "government-organization",
        "kommisjon": "government-organization", "kommisjonen": "government-organization",
        "departement": "government-organization", "departementet": "government-organization",
        "domstol": "government-organization", "domstolen": "government-organization",
        "høyesterett": "government-organization", "nasjonalforsamlingen": "government-organization",
        "valgdomstolen": "government-organization", "valgmyndigheten": "government-organization",
        "institutt": "organization", "instituttet": "organization", "byrå": "organization",
        "byrået": "organization", "stiftelse": "organization", "senteret": "organization",
        "parti": "party", "partiet": "party", "plattformen": "party", "koalisjonen": "party",
        "alliansen": "party", "fronten": "party", "bevegelsen": "party",
    },
    percent_words=("%", "prosent", "pst.", "pst"),
    bounds={
        "mer enn": "more-than", "over": "more-than", "drøyt": "more-than", "i overkant av": "more-than",
        "mindre enn": "less-than", "under": "less-than", "i underkant av": "less-than",
        "minst": "at-least", "maksimalt": "at-most", "opptil": "at-most", "inntil": "at-most",
        "nesten": "about", "omtrent": "about", "cirka": "about", "ca.": "about", "rundt": "about",
        "om lag": "about", "snaut": "about",
    },
    counted=("opptalt", "talt opp", "telt", "opptelt", "av stemmene talt", "av valglokalene", "var talt",
             "er talt", "ble talt",
             "av stemmelokalene", "av valgkretsene", "av protokollene"),
    not_shares=("valgdeltakelse", "valgdeltagelse", "deltakelse", "prosentpoeng", "poeng", "sperregrense",
                "ledet med", "ledelse på", "forsprang",
                "inflasjon", "av befolkningen", "oppslutning om regjeringen", "ledighet", "rente"),
    kinds=(
        ("valgdagsmåling", "exit-poll"), ("valgdagsmålinger", "exit-poll"), ("exit poll", "exit-poll"),
        ("meningsmåling", "opinion-poll"), ("meningsmålinger", "opinion-poll"), ("meningsmålingene", "opinion-poll"),
        ("valgmåling", "opinion-poll"), ("valgmålinger", "opinion-poll"), ("måling", "opinion-poll"),
        ("målinger", "opinion-poll"), ("undersøkelse", "opinion-poll"),
        ("opposisjonens opptelling", "opposition-tally"), ("ifølge opposisjonen", "opposition-tally"),
        ("opposisjonen sier", "opposition-tally"), ("opposisjonen hevder", "opposition-tally"),
        ("valgmyndighetene", "official"), ("valgrådet", "official"), ("valgkommisjonen", "official"),
        ("offisielle", "official"), ("offisielt", "official"), ("valgresultatet", "official"),
        ("foreløpige resultater", "official"), ("første runde", "official"), ("første valgomgang", "official"),
    ),
    share_for=("for", "til"),
    rival=("rival", "rivalen", "motkandidat", "motkandidaten", "utfordrer", "utfordreren"),
    opposition=("opposisjonen",),
    elections={
        "presidentvalget": "presidential", "presidentvalg": "presidential", "stortingsvalget": "parliamentary",
        "parlamentsvalget": "parliamentary", "parlamentsvalg": "parliamentary", "valget": "", "valg": "",
    },
    not_names=frozenset(
        ("den det de en et ei i på av for til og men som når etter før under over med uten mens "
         "han hun hans hennes deres vi dette disse her der så også likevel imidlertid ifølge "
         "les kilder kilde foto opposisjonen nå om " + _DAYS_MONTHS_NB).split()
    ),
    photo_credit=("foto", "bilde", "fotograf"),
    pronouns=frozenset("han hun".split()),
    complementizers=("at",),
    genitive_s=True,
    org_words=frozenset("nasjonale nasjonal føderale høyeste internasjonale".split()),
    electoral_words=("valg",),
    place_words=frozenset("gate gata gaten plass plassen torg torget".split()),
    bodies={"utenriksdepartement": "Foreign Ministry", "utenriksdepartementet": "Foreign Ministry",
            "utenriksministeriet": "Foreign Ministry", "valgråd": "Electoral Council", "valgrådet": "Electoral Council",
            "valgkommisjon": "Electoral Council", "valgmyndigheter": "Electoral Council",
            "valgmyndighetene": "Electoral Council", "høyesterett": "Supreme Court"},
    passive=frozenset("blir ble er var vært".split()),
    concepts={
        "alvorlig": "serious", "alvorlige": "serious", "bekymret": "concern", "bekymring": "concern",
        "valgresultatet": "result", "resultatet": "result", "resultat": "result", "utfallet": "result",
        "seier": "victory", "seieren": "victory", "vant": "victory", "vunnet": "victory", "fred": "peace",
        "stabilitet": "stability", "åpenhet": "transparency", "transparent": "transparency",
        "anerkjenne": "recognise", "vanskelig": "difficult", "tro": "believe", "folket": "people",
        "stemmene": "vote", "stemme": "vote", "stemmer": "vote", "viljen": "will", "vilje": "will",
        "juks": "fraud", "valgfusk": "fraud", "gjenspeiler": "reflect", "riktig": "reflect",
    },
)

SPANISH = Language(
    code="es",
    speech_verbs=frozenset(
        "dijo dice afirmó afirma aseguró asegura declaró declara señaló señala indicó indica añadió "
        "agregó sostuvo sostiene denunció denuncia advirtió advierte manifestó expresó escribió "
        "calificó califica explicó anunció anuncia reclamó reclama exigió exige subrayó amenazó sugirió "
        "prometió confirmó confirma proclamó admitió reconoció".split()
    ),
    quote_verbs=frozenset("calificó califica exigió exige reclamó reclama".split()),
    according_to=("según", "de acuerdo con", "de acuerdo a"),
    titles={
        "presidente": "president", "presidenta": "president", "mandatario": "president", "mandataria": "president",
        "canciller": "foreign-minister", "ministro": "minister", "ministra": "minister",
        "ministro de exteriores": "foreign-minister", "secretario de estado": "secretary-of-state",
        "portavoz": "spokesperson", "vocero": "spokesperson", "vocera": "spokesperson",
        "jefe": "head", "jefa": "head", "director": "head", "directora": "head", "titular": "head",
        "líder": "leader", "dirigente": "leader", "líder opositora": "opposition-leader",
        "líder opositor": "opposition-leader", "candidato": "candidate", "candidata": "candidate",
        "aspirante": "candidate", "rival": "candidate", "secretario general": "secretary-general",
        "embajador": "ambassador", "senador": "senator", "senadora": "senator", "alcalde": "mayor",
        "diputado": "legislator", "diputada": "legislator", "fiscal general": "attorney-general",
        "vicepresidente": "vice-president", "vicepresidenta": "vice-president", "analista": "analyst",
        "dictador": "",
    },
    org_heads={
        "consejo": "government-organization", "comisión": "government-organization",
        "ministerio": "government-organization", "tribunal": "government-organization",
        "corte": "government-organization", "cancillería": "government-organization",
        "asamblea": "government-organization", "congreso": "government-organization",
        "registraduría": "government-organization", "dirección": "government-organization",
        "servicio": "government-organization", "instituto nacional": "government-organization",
        "instituto": "organization", "agencia": "organization", "fundación": "organization",
        "centro": "organization", "observatorio": "organization", "encuestadora": "organization",
        "partido": "party", "alianza": "party", "coalición": "party", "plataforma": "party",
        "frente": "party", "movimiento": "party", "unidad": "party", "foro": "organization", "red": "organization",
    },
    percent_words=("%", "por ciento"),
    bounds={
        "más de": "more-than", "más del": "more-than", "por encima de": "more-than", "por encima del": "more-than",
        "menos de": "less-than", "menos del": "less-than", "por debajo de": "less-than", "por debajo del": "less-than",
        "al menos": "at-least", "por lo menos": "at-least", "como mínimo": "at-least",
        "hasta": "at-most", "como máximo": "at-most",
        "casi": "about", "cerca de": "about", "cerca del": "about", "alrededor de": "about",
        "alrededor del": "about", "aproximadamente": "about", "unos": "about", "en torno al": "about",
    },
    counted=("escrutados", "escrutadas", "escrutado", "contabilizados", "contabilizadas", "computados",
             "transmitidas", "transmitidos", "contadas", "contados",
             "procesados", "procesadas", "de las actas", "de las mesas", "de los centros"),
    not_shares=("participación", "abstención", "puntos", "punto porcentual", "umbral", "inflación",
                "ventaja de", "ventaja del",
                "de la población", "aprobación", "desempleo"),
    kinds=(
        ("boca de urna", "exit-poll"), ("a pie de urna", "exit-poll"), ("conteo rápido", "exit-poll"),
        ("exit poll", "exit-poll"), ("encuesta", "opinion-poll"), ("encuestas", "opinion-poll"),
        ("sondeo", "opinion-poll"), ("sondeos", "opinion-poll"), ("encuestadora", "opinion-poll"),
        ("según la oposición", "opposition-tally"), ("la oposición asegura", "opposition-tally"),
        ("la oposición afirma", "opposition-tally"), ("la oposición dice", "opposition-tally"), ("boletín", "official"), ("resultados oficiales", "official"),
        ("consejo nacional electoral", "official"), ("cne", "official"), ("autoridad electoral", "official"),
        ("órgano electoral", "official"), ("tribunal electoral", "official"), ("proclamó", "official"),
        ("oficial", "official"), ("oficiales", "official"), ("escrutinio oficial", "official"),
        ("primera vuelta", "official"), ("cómputo", "official"), ("escrutinio", "official"),
    ),
    share_for=("para", "a favor de", "de", "del", "de la"),
    rival=("rival", "contrincante", "adversario", "contendiente"),
    opposition=("la oposición", "oposición"),
    elections={
        "elección presidencial": "presidential", "elecciones presidenciales": "presidential",
        "presidenciales": "presidential", "elecciones legislativas": "parliamentary",
        "elecciones parlamentarias": "parliamentary", "elecciones generales": "general",
        "elección": "", "elecciones": "", "comicios": "", "votación": "",
    },
    not_names=frozenset(
        ("el la los las un una unos unas en de del al por para con sin y o pero sin embargo "
         "mientras tras antes después este esta estos estas ese esa su sus lo le les se que "
         "cuando donde como si también aunque según fuentes fuente foto oposición "
         + _DAYS_MONTHS_ES).split()
    ),
    photo_credit=("foto", "fotografía", "imagen"),
    pronouns=frozenset("él ella".split()),
    complementizers=("que",),
    org_words=frozenset("nacional electoral federal supremo suprema superior internacional registraduría "
                        "república".split()),
    electoral_words=("electoral", "registraduría", "elecciones"),
    place_words=frozenset("avenida calle plaza paseo ciudad provincia barrio".split()),
    pro_drop=True,
    bodies={"cancillería": "Foreign Ministry", "ministerio de exteriores": "Foreign Ministry",
            "ministerio de relaciones exteriores": "Foreign Ministry", "ministerio de asuntos exteriores": "Foreign Ministry",
            "consejo electoral": "Electoral Council", "autoridad electoral": "Electoral Council",
            "tribunal supremo": "Supreme Court", "corte suprema": "Supreme Court"},
    passive=frozenset("es fue son fueron sido era".split()),
    concepts={
        "graves": "serious", "serias": "serious", "preocupación": "concern", "preocupaciones": "concern",
        "resultado": "result", "resultados": "result", "triunfo": "victory", "victoria": "victory",
        "ganamos": "victory", "paz": "peace", "estabilidad": "stability", "transparencia": "transparency",
        "reconocer": "recognise", "difícil": "difficult", "creer": "believe", "pueblo": "people",
        "votos": "vote", "voto": "vote", "voluntad": "will", "fraude": "fraud", "refleja": "reflect",
        "reflejan": "reflect", "venezolano": "venezuelan",
    },
)

LANGUAGES: dict[str, Language] = {lang.code: lang for lang in (ENGLISH, NORWEGIAN, SPANISH)}


def language_for(code: str) -> Language:
    """The cue table of ``code``, English when kg has no table for it yet.

    >>> language_for("nb").according_to
    ('ifølge', 'i følge')
    >>> language_for("de").code
    'en'
    """
    return LANGUAGES.get(code.split("-")[0].lower(), ENGLISH)
