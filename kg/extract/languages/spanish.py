"""The cue words of Spanish election coverage (see :class:`~kg.extract.languages.model.Language`)."""

from .model import Language

_DAYS_MONTHS_ES = (
    "lunes martes miércoles jueves viernes sábado domingo enero febrero marzo abril mayo junio "
    "julio agosto septiembre setiembre octubre noviembre diciembre"
)

SPANISH = Language(
    code="es",
    speech_verbs=frozenset(
        "dijo dice afirmó afirma aseguró asegura declaró declara señaló señala indicó indica añadió "
        "agregó sostuvo sostiene denunció denuncia advirtió advierte manifestó expresó escribió "
        "calificó califica explicó anunció anuncia reclamó reclama exigió exige subrayó amenazó sugirió "
        "prometió confirmó confirma proclamó admitió reconoció cree elogió destacó destaca resumió repitió "
        "insistió recalcó apuntó precisó estimó consideró opinó criticó dicho "
        # the present of live blogs: "promete", "recuerda que", "admite en Twitter que", "escribe que"
        "promete recuerda admite reconoce escribe opina analiza explica insiste subraya critica habló habla".split()
    ),
    quote_verbs=frozenset("calificó califica exigió exige reclamó reclama elogió".split()),
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
        "embajador": "ambassador", "senador": "senator", "senadora": "senator", "alcalde": "mayor", "alcaldesa": "mayor",
        "intendente": "mayor", "intendenta": "mayor", "gobernador": "governor", "gobernadora": "governor",
        "diputado": "legislator", "diputada": "legislator", "fiscal general": "attorney-general",
        "vicepresidente": "vice-president", "vicepresidenta": "vice-president", "analista": "analyst",
        "sociólogo": "analyst", "socióloga": "analyst", "politólogo": "analyst", "politóloga": "analyst",
        "economista": "analyst", "historiador": "analyst", "historiadora": "analyst",
        "dictador": "",
    },
    org_heads={
        "consejo": "government-organization", "comisión": "government-organization", "comité": "government-organization",
        "ministerio": "government-organization", "tribunal": "government-organization",
        "corte": "government-organization", "cancillería": "government-organization",
        "asamblea": "government-organization", "congreso": "government-organization",
        "registraduría": "government-organization", "dirección": "government-organization",
        "servicio": "government-organization", "instituto nacional": "government-organization",
        "instituto": "organization", "agencia": "organization", "fundación": "organization",
        "centro": "organization", "observatorio": "organization", "encuestadora": "organization",
        "partido": "party", "alianza": "party", "coalición": "party", "plataforma": "party",
        "frente": "party", "movimiento": "party", "unidad": "party", "foro": "organization", "red": "organization",
        "universidad": "organization", "canal": "organization", "diario": "organization", "periódico": "organization",
        "cadena": "organization", "televisora": "organization", "jurado": "government-organization",
        "oficina": "government-organization", "organización": "organization", "empresa": "organization",
        "firma": "organization", "consultora": "organization", "consultores": "organization",
        "cámara": "government-organization", "departamento": "government-organization",
        "sala": "government-organization", "procuraduría": "government-organization",
        "fiscalía": "government-organization", "defensoría": "government-organization",
        # "Casa Blanca", "Banco Central", "Noticias Caracol", "América Televisión".
        "casa": "government-organization", "banco": "organization", "noticias": "organization",
        "televisión": "organization", "radio": "organization", "iglesia": "organization",
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
             "procesados", "procesadas", "procesado", "procesada", "de las actas", "de las mesas", "de los centros", "informadas", "informados", "de las urnas"),
    not_shares=("participación", "abstención", "puntos", "punto porcentual", "umbral", "inflación",
                "ventaja de", "ventaja del",
                "de la población", "aprobación", "desempleo", "pib", "economía", "crecerá", "creció", "crece", "crecimiento", "necesario para", "necesarios para",
                "presupuesto", "de los escaños", "necesita", "necesitaba", "de ellos", "de ellas"),
    kinds=(
        ("boca de urna", "exit-poll"), ("a pie de urna", "exit-poll"), ("conteo rápido", "exit-poll"),
        ("exit poll", "exit-poll"), ("encuesta de salida", "exit-poll"), ("encuestas de salida", "exit-poll"),
        ("sondeo de salida", "exit-poll"), ("resultados electorales preliminares", "official"),
        ("encuesta", "opinion-poll"), ("encuestas", "opinion-poll"),
        ("sondeo", "opinion-poll"), ("sondeos", "opinion-poll"), ("encuestadora", "opinion-poll"),
        ("según la oposición", "opposition-tally"), ("la oposición asegura", "opposition-tally"),
        ("la oposición afirma", "opposition-tally"), ("la oposición dice", "opposition-tally"), ("boletín", "official"), ("resultados oficiales", "official"),
        ("consejo nacional electoral", "official"), ("cne", "official"), ("autoridad electoral", "official"),
        ("órgano electoral", "official"), ("tribunal electoral", "official"), ("proclamó", "official"),
        ("oficial", "official"), ("oficiales", "official"), ("escrutinio oficial", "official"),
        ("primera vuelta", "official"), ("primera ronda", "official"), ("ministerio del interior", "official"), ("cómputo", "official"), ("escrutinio", "official"),
        ("resultados finales", "official"), ("resultados preliminares", "official"),
        ("conteo preliminar", "official"), ("resultado final", "official"), ("conteo final", "official"),
        ("escrutinio final", "official"), ("mesas informadas", "official"), ("actas procesadas", "official"),
        ("proyección", "exit-poll"), ("proyecciones", "exit-poll"), ("conteos rápidos", "exit-poll"),
        ("transmisión preliminar", "official"), ("propio conteo", "opposition-tally"), ("propio recuento", "opposition-tally"), ("propio cómputo", "opposition-tally"),
    ),
    complement_verbs=frozenset("reconoció reconoce admitió admite aceptó acepta".split()),
    opening_cues=frozenset({"primera vuelta", "primera ronda"}),
    earlier_poll=("última", "últimas", "último", "últimos", "semana pasada", "semana anterior", "días antes", "antes de la votación", "antes de las elecciones", "previa", "previas"),
    tally_links=("y", "frente a", "frente al", "contra", "ante"),
    capital_place_words=frozenset("de del a".split()),
    capital_openers=frozenset("desde también".split()),
    conjunctions=("y", "e", "pero", "aunque"),
    no_subject_words=frozenset("hay con de".split()),
    stamp_words=("lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo"),
    possessives=frozenset("su sus".split()),
    share_for=("para", "a favor de", "de", "del", "de la", "al", "a"),
    share_at=("en",),
    rival=("rival", "contrincante", "adversario", "contendiente"),
    opposition=("la oposición", "oposición"),
    elections={
        "elección presidencial": "presidential", "elecciones presidenciales": "presidential",
        "presidenciales": "presidential", "elecciones legislativas": "parliamentary",
        "elecciones parlamentarias": "parliamentary", "elecciones generales": "general", "elecciones federales": "general",
        "elección": "", "elecciones": "", "comicios": "", "votación": "",
    },
    not_names=frozenset(
        ("el la los las un una unos unas en de del al por para con sin y o pero sin embargo "
         "mientras tras antes después este esta estos estas ese esa su sus lo le les se que "
         "cuando donde como si también aunque según fuentes fuente foto oposición pib "
         + _DAYS_MONTHS_ES).split()
    ),
    photo_credit=("foto", "fotografía", "imagen"),
    pronouns=frozenset("él ella le lo".split()),
    complementizers=("que",),
    org_words=frozenset("nacional electoral federal supremo suprema superior internacional registraduría "
                        "república".split()),
    electoral_words=("electoral", "registraduría", "elecciones"),
    place_words=frozenset("avenida calle plaza paseo ciudad provincia barrio palacio estadio hotel".split()),
    pro_drop=True,
    complementizer_required=True,
    bodies={"cancillería": "Foreign Ministry", "ministerio de exteriores": "Foreign Ministry",
            "ministerio de relaciones exteriores": "Foreign Ministry", "ministerio de asuntos exteriores": "Foreign Ministry",
            "consejo electoral": "Electoral Council", "autoridad electoral": "Electoral Council",
            "tribunal supremo": "Supreme Court", "corte suprema": "Supreme Court",
            "tribunal electoral": "Electoral Tribunal", "jurado electoral": "Electoral Tribunal",
            "comisión electoral": "Electoral Council", "órgano electoral": "Electoral Council",
            "ministerio del interior": "Ministry of the Interior", "ministerio de gobernación": "Ministry of the Interior",
            "ministerio de justicia": "Ministry of Justice", "tribunal constitucional": "Constitutional Court",
            "corte constitucional": "Constitutional Court", "consejo constitucional": "Constitutional Council"},
    org_links=frozenset({"de", "del", "de la", "de los", "de las", "para", "para la", "para el", "al", "por", "por la", "por el", "y"}),
    party_words=frozenset(
        "fuerza libre popular frente movimiento partido alianza unidad revolución renovación cambio nueva "
        "nuevo democrático democrática socialista liberal conservador republicano republicana ciudadana "
        "ciudadano ciudadanos comunidad acción poder compromiso unión solidaridad patria "
        "progreso podemos juntos colorado socialismo bloque".split()
    ),
    member_of=frozenset({"de", "del", "de la", "de los"}),
    party_of=("de", "del", "liderado por", "liderada por", "encabezado por", "encabezada por"),
    place_prepositions=frozenset({"en"}),
    share_verbs=("obtuvo", "obtiene", "logró", "consiguió", "sacó", "alcanzó", "sumó", "cayó al", "cayó a", "subió al",
                 "subió a", "quedó con", "se quedó con", "se hizo con", "recibió", "bajó al", "bajó a"),
    poll_nouns=(),
    pollster_before=("sondeo de", "encuesta de", "encuesta de salida de", "sondeo de salida de", "encuestadora", "la encuestadora", "la firma", "conteo rápido de",
                     "boca de urna de", "realizada por", "realizado por", "elaborado por", "elaborada por"),
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
