"""The cue words of Norwegian bokmål election coverage (see :class:`~kg.extract.languages.model.Language`)."""

from .model import Language

_DAYS_MONTHS_NB = (
    "mandag tirsdag onsdag torsdag fredag lørdag søndag januar februar mars april mai juni juli "
    "august september oktober november desember"
)

NORWEGIAN = Language(
    code="nb",
    speech_verbs=frozenset(
        "sa sier hevdet hevder uttalte uttaler skrev skriver advarte advarer mener mente understreket "
        "understreker kalte kaller opplyser opplyste påsto påstår erklærte erklærer "
        "krever krevde svarte svarer gjentok truet antydet lovet bekrefter bekreftet meldte melder tror "
        "roste roser hyllet hyller varslet varsler advart sagt anslår anslo fastslo fastslår påpekte påpeker "
        "konkluderte konkluderer stadfestet stadfester kunngjør kunngjorde erkjente erkjenner".split()
    ),
    quote_verbs=frozenset("kalte kaller krever krevde roste roser hyllet hyller".split()),
    according_to=("ifølge", "i følge"),
    titles={
        "president": "president", "presidenten": "president", "statsminister": "prime-minister",
        "utenriksminister": "foreign-minister", "utenriksministeren": "foreign-minister",
        "minister": "minister", "statsråd": "minister", "talsperson": "spokesperson",
        "talsmann": "spokesperson", "talskvinne": "spokesperson", "pressetalsperson": "spokesperson",
        "leder": "head", "lederen": "head", "sjef": "head", "opposisjonsleder": "opposition-leader",
        "opposisjonslederen": "opposition-leader", "kandidat": "candidate", "presidentkandidat": "candidate",
        "presidentkandidaten": "candidate", "opposisjonskandidat": "candidate", "ambassadør": "ambassador",
        "generalsekretær": "secretary-general", "ordfører": "mayor", "guvernør": "governor", "senator": "senator",
        "visepresident": "vice-president", "forsker": "analyst", "professor": "professor",
        "statsviter": "analyst", "statsviteren": "analyst", "valgforsker": "analyst", "sosiolog": "analyst",
        "samfunnsforsker": "analyst", "økonom": "analyst", "historiker": "analyst",
    },
    org_heads={
        "rådet": "government-organization", "råd": "government-organization",
        "kommisjon": "government-organization", "kommisjonen": "government-organization", "komité": "government-organization", "komiteen": "government-organization",
        "departement": "government-organization", "departementet": "government-organization",
        "domstol": "government-organization", "domstolen": "government-organization",
        "høyesterett": "government-organization", "nasjonalforsamlingen": "government-organization",
        "valgdomstolen": "government-organization", "valgmyndigheten": "government-organization",
        "institutt": "organization", "instituttet": "organization", "byrå": "organization",
        "byrået": "organization", "stiftelse": "organization", "senteret": "organization",
        "parti": "party", "partiet": "party", "plattformen": "party", "koalisjonen": "party",
        "alliansen": "party", "fronten": "party", "bevegelsen": "party", "universitetet": "organization",
        "universitet": "organization", "kanalen": "organization", "avisen": "organization",
        "kringkasteren": "organization", "organisasjonen": "organization", "selskapet": "organization",
        "firmaet": "organization",
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
             "av stemmelokalene", "av valgkretsene", "av protokollene", "av valgurnene", "av urnene", "av valgdistriktene", "av distriktene"),
    not_shares=("valgdeltakelse", "valgdeltagelse", "deltakelse", "prosentpoeng", "poeng", "sperregrense",
                "ledet med", "ledelse på", "forsprang",
                "inflasjon", "av befolkningen", "oppslutning om regjeringen", "ledighet", "rente",
                "bnp", "økonomien", "vekst", "vokste", "som trengs", "som kreves", "budsjett", "trenger", "av dem", "av disse"),
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
        ("prognose", "exit-poll"), ("prognosen", "exit-poll"), ("prognoser", "exit-poll"),
        ("hurtigtelling", "exit-poll"), ("hurtigtellingen", "exit-poll"), ("foreløpig opptelling", "official"),
        ("endelige resultatet", "official"),
        ("endelig resultat", "official"), ("opptellingen", "official"), ("endelige tall", "official"),
        ("alle stemmer talt", "unattributed"), ("alle stemmene talt", "unattributed"),
        ("alle stemmer var talt", "unattributed"), ("alle stemmene var talt", "unattributed"),
        ("alle stemmer er talt", "unattributed"), ("alle stemmene er talt", "unattributed"),
        ("valgstyret", "official"), ("innenriksdepartementet", "official"),
        ("landsvalgstyret", "official"), ("valgnemnda", "official"), ("egen opptelling", "opposition-tally"), ("egne opptelling", "opposition-tally"),
        ("egne opptelling", "opposition-tally"), ("egen parallelle opptelling", "opposition-tally"),
    ),
    complement_verbs=frozenset("erkjente erkjenner innrømmet innrømmer aksepterte".split()),
    opening_cues=frozenset({"første runde", "første valgomgang"}),
    earlier_poll=("siste", "forrige uke", "uken før", "uka før", "dagene før", "før valget", "i forkant av valget", "forut for valget"),
    tally_links=("og", "mot", "mens"),
    capital_place_words=frozenset("av ved til utenfor rundt på".split()),
    capital_openers=frozenset("fra også".split()),
    conjunctions=("og", "men"),
    no_subject_words=frozenset("det der med om til for".split()),
    stamp_words=("kl.", "kl", "mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag"),
    possessives=frozenset("hans hennes deres".split()),
    share_for=("for", "til", "gikk til", "gikk til fordel for"),
    share_at=("på",),
    # Norwegian transcribes Slavic and Persian names by its own sounds: skj/sj for sh, tsj for ch, zj for zh,
    # a final j for y ("Nikolaj", "Zelenskyj"), -skij for -sky.
    english_spelling=(("skij$", "sky"), ("tsj", "ch"), ("sj", "sh"), ("zj", "zh"), ("(?<=[aeiouy])j$", "y")),
    rival=("rival", "rivalen", "motkandidat", "motkandidaten", "utfordrer", "utfordreren"),
    opposition=("opposisjonen",),
    elections={
        "presidentvalget": "presidential", "presidentvalg": "presidential", "stortingsvalget": "parliamentary",
        "parlamentsvalget": "parliamentary", "parlamentsvalg": "parliamentary", "stortingsvalg": "parliamentary",
        "riksdagsvalget": "parliamentary", "riksdagsvalg": "parliamentary", "folketingsvalget": "parliamentary",
        "folketingsvalg": "parliamentary", "valget": "", "valg": "",
    },
    not_names=frozenset(
        ("den det de en et ei i på av fra for til og men som når etter før under over med uten mens "
         "han hun hans hennes deres vi dette disse her der så også likevel imidlertid ifølge da hvis siden ved bare dermed samtidig "
         "les kilder kilde foto opposisjonen nå om bnp " + _DAYS_MONTHS_NB).split()
    ),
    photo_credit=("foto", "bilde", "fotograf"),
    pronouns=frozenset("han hun ham henne".split()),
    complementizers=("at",),
    genitive_s=True,
    org_words=frozenset("nasjonale nasjonal føderale høyeste internasjonale".split()),
    electoral_words=("valg",),
    place_words=frozenset("gate gata gaten plass plassen torg torget stadion hotell".split()),
    bodies={"utenriksdepartement": "Foreign Ministry", "utenriksdepartementet": "Foreign Ministry",
            "utenriksministeriet": "Foreign Ministry", "valgråd": "Electoral Council", "valgrådet": "Electoral Council",
            "valgkommisjon": "Electoral Council", "valgmyndigheter": "Electoral Council",
            "valgmyndighetene": "Electoral Council", "høyesterett": "Supreme Court", "valgkommisjonen": "Electoral Council",
            "valgdomstolen": "Electoral Tribunal", "innenriksdepartementet": "Ministry of the Interior",
            "innenriksdepartement": "Ministry of the Interior", "justisdepartementet": "Ministry of Justice",
            "forfatningsrådet": "Constitutional Council", "konstitusjonsrådet": "Constitutional Council",
            "forfatningsdomstolen": "Constitutional Court", "grunnlovsdomstolen": "Constitutional Court",
            "valgstyret": "Electoral Council", "landsvalgstyret": "Electoral Council",
            "riksvalgstyret": "Electoral Council", "valgnemnda": "Electoral Council",
            # In an election article "the commission" alone is the electoral one.
            "kommisjonen": "Electoral Council", "kommisjonens": "Electoral Council", "valgkommisjonens": "Electoral Council",
            "det konstitusjonelle rådet": "Constitutional Council", "konstitusjonelle råd": "Constitutional Council"},
    org_links=frozenset({"for", "i"}),
    party_words=frozenset(
        "arbeiderparti arbeiderpartiet høyre venstre fremskrittspartiet sosialistisk sosialistiske demokratene "
        "samling fronten folkeparti folkepartiet nasjonal nasjonale republikanerne demokratiske grønne".split()
    ),
    member_of=frozenset({"fra"}),
    party_of=("til", "ledet av", "under"),
    candidate_of_after=(" kandidat", "s kandidat", " presidentkandidat", "s presidentkandidat"),
    place_prepositions=frozenset({"i"}),
    definite_endings=("en", "et", "ene"),
    share_verbs=("fikk", "får", "falt til", "endte på", "endte med", "gikk fram til", "gikk tilbake til", "økte til",
                 "sank til", "havnet på", "oppnådde", "stupte til", "klatret til", "landet på"),
    poll_nouns=("måling", "målingen", "-måling", "-målingen", "-målinger", "valgdagsmåling", "valgdagsmålingen"),
    pollster_before=("måling fra", "målingen fra", "måling utført av", "utført av", "prognose fra",
                     "prognosen fra", "valgdagsmåling fra", "gjennomført av", "byrået", "meningsmåling fra",
                     "meningsmålingen fra", "målingen til", "meningsmålingen til", "valgdagsmålingen fra",
                     "valgdagsmålingen til"),
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
