"""Claims: quotes and reported speech in each language, with their speaker, and one key per statement."""

import hashlib
from pathlib import Path

import pytest

from kg.extract import extract_corpus
from kg.model import Article


def make_article(name: str, text: str, language: str) -> Article:
    return Article(Path(f"{name}.txt"), text, hashlib.sha256(text.encode()).hexdigest(), language)


def claims_of(text: str, language: str) -> list[tuple[str, str, bool]]:
    extraction = extract_corpus([make_article("a", text, language)]).extractions[0]
    for claim in extraction.claims:
        assert text[claim.span.begin:claim.span.end] == claim.text
    return [(c.speaker, c.text, c.quoted) for c in extraction.claims]


MADURO, BLINKEN = "person/nicolas-maduro", "person/antony-blinken"

CASES = [
    ("en", "Speaking in Caracas, Mr Maduro said his re-election was a “triumph of peace and stability”.",
     [(MADURO, "his re-election was a “triumph of peace and stability”", False)]),
    ("en", '"We won and the whole world knows it," said María Corina Machado.',
     [("person/maria-corina-machado", "We won and the whole world knows it", True)]),
    ("en", "Meanwhile, Cuba, a close ally of Mr Maduro’s government, said that “the people spoke”.",
     [("country/cuba", "the people spoke", True)]),
    ("en", "The head of the electoral council, Elvis Amoroso, who is an ally of Mr Maduro, said that Maduro had won the vote.",
     [("person/elvis-amoroso", "Maduro had won the vote", False)]),
    ("en", "Chile, Peru and Uruguay called for “full transparency”.",
     [("country/chile", "full transparency", True), ("country/peru", "full transparency", True),
      ("country/uruguay", "full transparency", True)]),
    ("en", "According to the CNE, Maduro won with 52 percent of the votes. Venezuela's CNE counted.",
     [("organization/cne-venezuela", "Maduro won with 52 percent of the votes", False)]),
    ("en", "Nicolás Maduro spoke. He is widely described as a “dictator”.", []),
    ("en", "A spokeswoman for the coalition led by Mr González said that witnesses had been “forced to leave”.", []),
    ("nb", "USAs utenriksminister Antony Blinken uttalte seg. Han sier de er alvorlig bekymret for resultatet.",
     [(BLINKEN, "de er alvorlig bekymret for resultatet", False)]),
    ("nb", "Nicolás Maduro talte.\n\n– Om dere ikke ønsker et blodbad, så stem på oss, sa Maduro til sine støttespillere.",
     [(MADURO, "Om dere ikke ønsker et blodbad, så stem på oss", True)]),
    ("nb", "Søndag sa Nicolás Maduro at han ville respektere valgresultatet.",
     [(MADURO, "han ville respektere valgresultatet", False)]),
    ("nb", "Maduro fikk 51 prosent, ifølge valgmyndighetene i Venezuela.",
     [("organization/cne-venezuela", "Maduro fikk 51 prosent", False)]),
    ("es", "«Este es el triunfo de la paz», afirmó Nicolás Maduro ante sus seguidores.",
     [(MADURO, "Este es el triunfo de la paz", True)]),
    ("es", "El canciller venezolano, Yván Gil, anunció la retirada de diplomáticos de Chile y Perú, y dijo que "
           "Venezuela no aceptará injerencias.",
     [("person/yvan-gil", "Venezuela no aceptará injerencias", False)]),  # "anunció la retirada": an object, no claim
    ("es", "El presidente Nicolás Maduro habló. El mandatario, de 61 años, aseguró que el sistema es «uno de los más "
           "transparentes del mundo».", [(MADURO, "el sistema es «uno de los más transparentes del mundo»", False)]),
    ("nb", "González har fått asyl i Spania, bekrefter Spanias utenriksminister José Manuel Albares.",
     [("person/jose-manuel-albares", "González har fått asyl i Spania", False)]),
    ("en", 'María Corina Machado spoke. "We have the proof. The actas cannot be hidden," she said.',
     [("person/maria-corina-machado", "We have the proof. The actas cannot be hidden", True)]),
    ("es", "Sergio Massa admitió la derrota. «Los resultados no son los que esperábamos», dijo en su búnker, y afirmó "
           "que ya había llamado a Milei.",
     [("person/sergio-massa", "Los resultados no son los que esperábamos", True),
      ("person/sergio-massa", "ya había llamado a Milei", False)]),
    ("en", '"They tried to bury me alive," Lula, 77, told a crowd.',
     [("person/luiz-inacio-lula-da-silva", "They tried to bury me alive", True)]),
    ("nb", "Statsminister Jonas Gahr Støre gratulerte Lula og skrev at han ser fram til samarbeidet.",
     [("person/jonas-gahr-store", "han ser fram til samarbeidet", False)]),
    ("es", "“Tenemos serias preocupaciones”, dijo el secretario de Estado de Estados Unidos, Antony Blinken.",
     [(BLINKEN, "Tenemos serias preocupaciones", True)]),
    ("es", "Según Machado, las actas daban a González el 70 % de los votos.",
     [("person/maria-corina-machado", "las actas daban a González el 70 % de los votos", False)]),
]


@pytest.mark.parametrize("lang, text, expected", CASES, ids=[f"{l}:{t[:30]}" for l, t, _ in CASES])
def test_claims_name_their_speaker(lang, text, expected):
    assert sorted(claims_of(text, lang)) == sorted(expected)


def test_a_statement_carried_by_articles_in_two_languages_is_one_claim():
    corpus = extract_corpus([
        make_article("en", "Antony Blinken said the United States had “serious concerns that the declared outcome "
                           "does not reflect the will or the votes of the Venezuelan people”.", "en"),
        make_article("en2", "US Secretary of State Antony Blinken voiced “serious concerns” about the result.", "en"),
        make_article("nb", "USAs utenriksminister Anthony Blinken uttalte seg. Han sier de er alvorlig bekymret "
                           "for at valgresultatet ikke er riktig.", "nb"),
        make_article("other", "Antony Blinken said that the embassy in Caracas would stay closed for now.", "en"),
    ])
    keys = {e.article.stem: {c.claim_key for c in e.claims} for e in corpus.extractions}
    assert len(keys["en"]) == len(keys["en2"]) == len(keys["nb"]) == 1
    assert keys["en"] == keys["en2"] == keys["nb"]
    assert keys["other"].isdisjoint(keys["en"])


def test_a_spokesman_speaks_for_his_ministry():
    extraction = extract_corpus([make_article(
        "a", "Beijing lauded the vote as “smooth and orderly,” China's Foreign Ministry Spokesman Lin Jian said.", "en",
    )]).extractions[0]
    assert [(c.speaker, c.on_behalf_of) for c in extraction.claims] == [
        ("person/lin-jian", "organization/china-foreign-ministry")]


#: Sentences and the statements read from them, exactly and in order.
SPEECH = [
    # Speakers behind asides, titles and pronouns.
    pytest.param("en", "“It is a tie,” Ana Ruiz, who runs Pollco in Lima, told viewers.",
                 [("person/ana-ruiz", "It is a tie", True)],
                 id="en-relative-clause-after-speaker"),
    pytest.param("es", "«Ganó la esperanza», escribió el presidente chileno, Tomás Vidal.",
                 [("person/tomas-vidal", "Ganó la esperanza", True)],
                 id="es-title-phrase-after-verb"),
    pytest.param("es", "Tomás Vidal habló en Sucre. Según el candidato, su gobierno no cederá ante nadie.",
                 [("person/tomas-vidal", "su gobierno no cederá ante nadie", False)],
                 id="es-segun-a-title"),
    pytest.param("nb", "Ola Berg tapte. Han gratulerte Kari Lie og sa at han ønsket henne lykke til.",
                 [("person/ola-berg", "han ønsket henne lykke til", False)],
                 id="nb-coordinated-after-pronoun"),
    pytest.param("es", "Tomás Vidal reconoció la derrota poco después.", [],
                 id="es-acknowledged-an-object"),
    pytest.param("es", "Tomás Vidal reconoció en un mensaje que la derrota era clara.",
                 [("person/tomas-vidal", "la derrota era clara", False)],
                 id="es-acknowledged-a-statement"),
    # Dash quotes that go on after their speaker; compound titles.
    pytest.param("nb", "Ola Berg vant valget.\n\n– Dette er en seier for hele landet, sa Kari Dahl fra scenen i Bergen. Senere reiste hun hjem.",
                 [("person/kari-dahl", "Dette er en seier for hele landet", True)],
                 id="nb-dash-quote-goes-on-after-its-speaker"),
    pytest.param("nb", "Ola Berg vant valget.\n\n– Valget var fritt, men ikke rettferdig, uttalte lederen av delegasjonen, Kari Dahl, i Oslo.",
                 [("person/kari-dahl", "Valget var fritt, men ikke rettferdig", True)],
                 id="nb-description-before-the-speaker"),
    pytest.param("nb", "Partileder Kari Dahl sa at partiet må bygge seg opp igjen.",
                 [("person/kari-dahl", "partiet må bygge seg opp igjen", False)],
                 id="nb-compound-title"),
    # A role named in an apposition gives the speaker.
    pytest.param("es", "El jefe de la misión de la Unión Europea, el exministro belga Pablo Soto, declaró que el recuento fue ordenado.",
                 [("person/pablo-soto", "el recuento fue ordenado", False)],
                 id="es-role-then-named-person-speaks"),
    pytest.param("es", "Según la jefa de los observadores europeos, la eurodiputada croata Željka Horvat, la votación fue tranquila.",
                 [("person/zeljka-horvat", "la votación fue tranquila", False)],
                 id="es-segun-a-role-named-after-a-comma"),
    pytest.param("en", "Ana Ruiz, the ally of Pablo Soto, said the count would take a week.",
                 [("person/ana-ruiz", "the count would take a week", False)],
                 id="en-ally-of-is-no-apposition"),
    # The commission alone is the country's electoral body.
    pytest.param("en", "Kenya waits for its count. The commission insists that only its own tally is binding.",
                 [("organization/iebc-kenya", "only its own tally is binding", False)],
                 id="en-the-commission-is-the-electoral-body"),
    pytest.param("nb", "Kenya venter på tallene. Kommisjonen opplyste at tellingen går etter planen.",
                 [("organization/iebc-kenya", "tellingen går etter planen", False)],
                 id="nb-kommisjonen-is-the-electoral-body"),
    # Inverted subjects; attributions closing a clause.
    pytest.param("nb", "Sent i går bekreftet lederen av valgrådet, Ola Berg, at Ana Ruiz hadde vunnet.",
                 [("person/ola-berg", "Ana Ruiz hadde vunnet", False)],
                 id="nb-subject-after-its-verb"),
    pytest.param("nb", "Med nesten alle stemmer talt lå Ana Ruiz an til seier, skrev Dagbladet, og jubelen brøt løs.",
                 [("organization/dagbladet", "Med nesten alle stemmer talt lå Ana Ruiz an til seier", False)],
                 id="nb-attribution-closing-a-clause"),
    # Possessive titles, spokesman appositions and time clauses.
    pytest.param("en", "“The count was clean,” the council's chairperson, Ana Ruiz, said as she left the hall.",
                 [("person/ana-ruiz", "The count was clean", True)],
                 id="en-possessive-title-before-the-name-and-said-as"),
    pytest.param("en", "Ola Berg, spokesman for President Ana Ruiz, told reporters that the result stood.",
                 [("person/ola-berg", "the result stood", False)],
                 id="en-spokesman-apposition"),
    # A court confirming a result is a claim.
    pytest.param("nb", "Det konstitusjonelle rådet i Mosambik stadfestet mandag at Ola Berg vant valget.",
                 [("organization/mozambique-constitutional-council", "Ola Berg vant valget", False)],
                 id="nb-a-court-confirming-a-result"),
    # A quote verb with its complementizer reports speech.
    pytest.param("en", "Ana Ruiz demanded that the election be cancelled.", [("person/ana-ruiz", "the election be cancelled", False)],
                 id="en-demanded-that"),
    pytest.param("es", "Ana Ruiz exigió que el nuevo gobierno cumpla los acuerdos.",
                 [("person/ana-ruiz", "el nuevo gobierno cumpla los acuerdos", False)],
                 id="es-exigio-que"),
    pytest.param("nb", "Ola Berg krevde at partiet får plass i regjeringen.", [("person/ola-berg", "partiet får plass i regjeringen", False)],
                 id="nb-krevde-at"),
    pytest.param("en", "Ana Ruiz called it a “stolen election”.", [("person/ana-ruiz", "stolen election", True)],
                 id="en-called-it-quotes-only"),
    # Reported clauses, definite titles and spokespeople.
    pytest.param("en", 'Ola Berg said Ana Ruiz wanted to be judged "by her actions, not her name."',
                 [("person/ola-berg", 'Ana Ruiz wanted to be judged "by her actions, not her name."', False)],
                 id="en-reported-clause-closed-by-a-quote"),
    pytest.param("en", 'Ola Berg said there was "nothing abnormal" about a dispute over the count.',
                 [("person/ola-berg", "nothing abnormal", True)],
                 id="en-short-quote-inside-a-clause-stays-the-claim"),
    pytest.param("en", 'Ola Berg said: "We won."', [("person/ola-berg", "We won", True)],
                 id="en-colon-quote"),
    pytest.param("en", "Ana Ruiz won. The president-elect said she would govern for everyone.",
                 [("person/ana-ruiz", "she would govern for everyone", False)],
                 id="en-definite-title-is-the-last-person-named"),
    pytest.param("en", "Ana Ruiz won. A spokeswoman for the Sol Party said the count was clean and complete.",
                 [("party/sol-party", "the count was clean and complete", False)],
                 id="en-unnamed-spokeswoman-speaks-for-the-body"),
    # Time phrases, conditions and genitives around the verb.
    pytest.param("en", "Ana Ruiz won. She said on election night that she wanted a government by Easter.",
                 [("person/ana-ruiz", "she wanted a government by Easter", False)],
                 id="en-said-on-a-time-then-that"),
    pytest.param("en", "If confirmed, Ana Ruiz would be the first woman to win an outright majority.", [],
                 id="en-if-confirmed-is-no-statement"),
    pytest.param("nb", "Fra Oslo sa Norges nye statsminister Ola Berg at han vil ringe kollegaen snart.",
                 [("person/ola-berg", "han vil ringe kollegaen snart", False)],
                 id="nb-inverted-subject-after-a-genitive-country"),
    # A long apposition after a bracketed acronym leaves the body as speaker.
    pytest.param("en", "The Civic Vote Watch (CVW), the church-funded watchdog that checks printed returns against the count, "
                       "said it had found no major discrepancies so far.",
                 [("organization/civic-vote-watch", "it had found no major discrepancies so far", False)],
                 id="en-long-apposition-after-a-bracketed-acronym"),
]


@pytest.mark.parametrize("lang, text, expected", SPEECH)
def test_each_sentence_gives_its_statements_in_order(lang, text, expected):
    assert claims_of(text, lang) == expected
