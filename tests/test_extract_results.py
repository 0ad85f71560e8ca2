"""Results: each vote share tied to its candidate, with its kind, source and how much was counted."""

import hashlib
from decimal import Decimal
from pathlib import Path

import pytest

from kg.extract import extract_corpus
from kg.model import Article


def results_of(text: str, language: str) -> list[tuple]:
    article = Article(Path("a.txt"), text, hashlib.sha256(text.encode()).hexdigest(), language)
    extraction = extract_corpus([article]).extractions[0]
    return [(r.candidate, r.share_text, r.share, r.bound, r.kind, r.counted, r.announced_by) for r in extraction.results]


MADURO, GONZALEZ = "person/nicolas-maduro", "person/edmundo-gonzalez-urrutia"
CNE, EDISON = "organization/cne-venezuela", "organization/edison-research"

CASES = [
    ("en", "The head of Venezuela's National Electoral Council said that with 80% of votes counted, President Maduro had "
           "51.20% of the vote, compared to 44.02% for his main rival, candidate Edmundo González.",
     [(MADURO, "51.20%", Decimal("51.20"), "exact", "official", Decimal("80"), CNE),
      (GONZALEZ, "44.02%", Decimal("44.02"), "exact", "official", Decimal("80"), CNE)]),
    ("en", "A poll from Edison Research predicted that Edmundo González would win with 65% of the vote to "
           "Maduro's 31%. Exit polls had been banned in Venezuela.",
     [(GONZALEZ, "65%", Decimal("65"), "exact", "exit-poll", None, EDISON),
      (MADURO, "31%", Decimal("31"), "exact", "exit-poll", None, EDISON)]),
    ("nb", "Nicolás Maduro fikk 51,2 prosent av stemmene, ifølge valgmyndighetene i Venezuela. "
           "Opposisjonen sier at presidentkandidat Edmundo González fikk 70 prosent.",
     [(MADURO, "51,2 prosent", Decimal("51.2"), "exact", "official", None, CNE),
      (GONZALEZ, "70 prosent", Decimal("70"), "exact", "opposition-tally", None, None)]),
    ("es", "El Consejo Nacional Electoral de Venezuela informó que, con casi el 98% de los votos escrutados, "
           "Nicolás Maduro obtuvo más del 51 % de los votos, frente al 44,2 % de Edmundo González.",
     [(MADURO, "51 %", Decimal("51"), "more-than", "official", Decimal("98"), CNE),
      (GONZALEZ, "44,2 %", Decimal("44.2"), "exact", "official", Decimal("98"), CNE)]),
    ("en", "Turnout in Venezuela was 59%, and Edmundo González said the margin was 30 percentage points.", []),
]


@pytest.mark.parametrize("lang, text, expected", CASES, ids=["en-cne", "en-exit-poll", "nb-official-and-opposition",
                                                            "es-escrutados", "en-not-results"])
def test_results_carry_candidate_kind_counted_and_source(lang, text, expected):
    assert results_of(text, lang) == expected


def test_a_kind_carries_over_to_the_next_sentence():
    text = ("Venezuela's National Electoral Council published a second bulletin. With 96.87% of tally sheets counted, "
            "it gave Nicolás Maduro 51.95% and Edmundo Gonzales 43.18%.")
    assert [(r[0], r[2], r[4], r[5]) for r in results_of(text, "en")] == [
        (MADURO, Decimal("51.95"), "official", Decimal("96.87")),
        (GONZALEZ, Decimal("43.18"), "official", Decimal("96.87")),
    ]


def test_results_name_the_election_minted_from_country_year_and_type():
    text = "date-less. Ecuador's presidential election in 2025: candidate Luisa Andrade Mena won 52% of the vote."
    article = Article(Path("a.txt"), text, hashlib.sha256(text.encode()).hexdigest(), "en")
    corpus = extract_corpus([article])
    (result,) = corpus.extractions[0].results
    assert (result.candidate, result.election) == ("person/luisa-andrade-mena", "election/ecuador-2025-presidential")
    assert corpus.entities["election/ecuador-2025-presidential"].kind == "election"


ANA, OLA = "person/ana-ruiz", "person/ola-berg"


#: Sentences and the results read from them, exactly and in order.
FIGURES = [
    # The kind of a figure comes from general cues.
    pytest.param("en", "The ministry's final count, with all votes counted, gave Ana Ruiz 51.6% and Ola Berg 48.4%.",
                 [(ANA, "51.6%", Decimal("51.6"), "exact", "official", None, None),
                  (OLA, "48.4%", Decimal("48.4"), "exact", "official", None, None)],
                 id="en-final-count-is-official"),
    pytest.param("nb", "Klokken 20 viste en prognose fra Ipsos at Ola Berg fikk 58,2 prosent.",
                 [(OLA, "58,2 prosent", Decimal("58.2"), "exact", "exit-poll", None, "organization/ipsos")],
                 id="nb-prognose-is-exit-poll"),
    pytest.param("en", "In the first round, Ana Ruiz had won 48.4%.",
                 [(ANA, "48.4%", Decimal("48.4"), "exact", "unattributed", None, None)],
                 id="en-opening-first-round-names-no-source"),
    pytest.param("en", "Ola Berg, who came third in the first round with 19%, backed nobody.",
                 [(OLA, "19%", Decimal("19"), "exact", "unattributed", None, None)],
                 id="en-earlier-round-in-a-clause-is-background"),
    pytest.param("es", "Ana Ruiz gobernará un país cuyo PIB podría caer un 8 % este año.", [],
                 id="es-economy-is-no-vote-share"),
    pytest.param("es", "Ana Ruiz celebró en Lima. Con el 100 % de las actas procesadas, el tribunal electoral atribuyó al "
                       "candidato del Frente Verde el 58 % de los votos. Ruiz habló después.",
                 [(ANA, "58 %", Decimal("58"), "exact", "official", Decimal("100"), None)],
                 id="es-candidate-of-a-party"),
    pytest.param("en", "The first quick counts came in at dusk. A research group had Ana Ruiz on 55.1% and Ola Berg on 44.9%.",
                 [(ANA, "55.1%", Decimal("55.1"), "exact", "exit-poll", None, None),
                  (OLA, "44.9%", Decimal("44.9"), "exact", "exit-poll", None, None)],
                 id="en-plural-cue-carries-to-the-next-sentence"),
    pytest.param("nb", "Valgdagsmålingen ga Ola Berg 50,4 prosent.",
                 [(OLA, "50,4 prosent", Decimal("50.4"), "exact", "exit-poll", None, None)],
                 id="nb-definite-form-of-a-cue"),
    pytest.param("es", "Llegan las proyecciones. Una consultora da a Ana Ruiz el 49,5 %.",
                 [(ANA, "49,5 %", Decimal("49.5"), "exact", "exit-poll", None, None)],
                 id="es-projections-are-exit-polls"),
    pytest.param("es", "Cuando se había procesado el 70 % de las actas, Ana Ruiz sumaba el 83 %.",
                 [(ANA, "83 %", Decimal("83"), "exact", "unattributed", Decimal("70"), None)],
                 id="es-a-share-of-a-count-nobody-is-named-for-is-unattributed"),
    pytest.param("nb", "Da alle stemmer var talt, hadde Ola Berg 34,1 prosent.",
                 [(OLA, "34,1 prosent", Decimal("34.1"), "exact", "unattributed", None, None)],
                 id="nb-all-votes-counted-says-when-not-whose"),
    # Parties, members and poll dates follow general rules.
    pytest.param("nb", "Ifølge valgkommisjonen fikk Ola Berg fra det gamle bondepartiet Framtida 6,2 prosent.",
                 [(OLA, "6,2 prosent", Decimal("6.2"), "exact", "official", None, None)],
                 id="nb-party-after-fra-is-the-persons"),
    pytest.param("en", "Observers released a parallel vote tabulation from a sample of stations. It puts Ana Ruiz at 52.3%.",
                 [(ANA, "52.3%", Decimal("52.3"), "exact", "exit-poll", None, None)],
                 id="en-parallel-vote-tabulation-is-exit-poll"),
    pytest.param("en", "The exit poll by Ipsos came at eight. The last Ipsos survey before the vote had Ana Ruiz on 47%.",
                 [(ANA, "47%", Decimal("47"), "exact", "opinion-poll", None, "organization/ipsos")],
                 id="en-last-survey-before-the-vote-stays-opinion-poll"),
    pytest.param("es", "El sondeo a boca de urna de Ipsos llegó tarde. Ana Ruiz celebró. La última encuesta de Ipsos le daba el 58 %.",
                 [(ANA, "58 %", Decimal("58"), "exact", "opinion-poll", None, "organization/ipsos")],
                 id="es-clitic-le-and-ultima-encuesta"),
    pytest.param("nb", "Med 97 prosent av valgurnene åpnet hadde Ola Berg 51,3 prosent.",
                 [(OLA, "51,3 prosent", Decimal("51.3"), "exact", "unattributed", Decimal("97"), None)],
                 id="nb-ballot-boxes-opened-are-counted"),
    pytest.param("es", "Ana Ruiz habló de la economía, que creció un 3,1 % el año pasado.", [],
                 id="es-growth-is-no-vote-share"),
    pytest.param("nb", "I Norge fikk Arbeiderpartiet 27,4 prosent, mens Høyre falt til 15,2 prosent.",
                 [("party/labour-party-norway", "27,4 prosent", Decimal("27.4"), "exact", "unattributed", None, None),
                  ("party/conservative-party-norway", "15,2 prosent", Decimal("15.2"), "exact", "unattributed", None, None)],
                 id="nb-parties-from-the-table"),
    # Counted districts; party names with a spaced dash.
    pytest.param("nb", "Med 90 prosent av valgdistriktene talt lå Ola Berg an til 44,0 prosent.",
                 [(OLA, "44,0 prosent", Decimal("44.0"), "exact", "unattributed", Decimal("90"), None)],
                 id="nb-districts-counted-is-a-count"),
    pytest.param("en", "In Georgia the official count gave Strong Georgia 8.8% and Unity – National Movement 10.2%.",
                 [("party/strong-georgia", "8.8%", Decimal("8.8"), "exact", "official", None, None),
                  ("party/united-national-movement-georgia", "10.2%", Decimal("10.2"), "exact", "official", None, None)],
                 id="en-party-name-with-a-spaced-dash"),
    # Changed figures ('from A to B percent'); thresholds are no results.
    pytest.param("nb", "Ifølge valgkommisjonen ble Ola Berg justert opp fra 20,1 til 23,4 prosent.",
                 [(OLA, "20,1", Decimal("20.1"), "exact", "official", None, None),
                  (OLA, "23,4 prosent", Decimal("23.4"), "exact", "official", None, None)],
                 id="nb-from-a-to-b-percent"),
    pytest.param("nb", "Ola Berg fikk 48,2 prosent, rett under de 50 prosentene som trengs for å vinne.",
                 [(OLA, "48,2 prosent", Decimal("48.2"), "exact", "unattributed", None, None)],
                 id="nb-share-needed-to-win-is-no-result"),
    pytest.param("en", "Ana Ruiz won 48.2%, short of the 50% needed to win outright.",
                 [(ANA, "48.2%", Decimal("48.2"), "exact", "unattributed", None, None)],
                 id="en-share-needed-to-win-is-no-result"),
    # A candidate's own tally is an opposition tally.
    pytest.param("nb", "Ola Berg godtar ikke tallene. Hans egen opptelling ga ham 51 prosent mot 40 prosent for Ana Ruiz.",
                 [(OLA, "51 prosent", Decimal("51"), "exact", "opposition-tally", None, None),
                  (ANA, "40 prosent", Decimal("40"), "exact", "opposition-tally", None, None)],
                 id="nb-a-candidates-own-count-and-object-pronoun"),
    pytest.param("en", "Ola Berg rejected the count. His campaign's own tally gave him 45% and Ana Ruiz 39%.",
                 [(OLA, "45%", Decimal("45"), "exact", "opposition-tally", None, None),
                  (ANA, "39%", Decimal("39"), "exact", "opposition-tally", None, None)],
                 id="en-own-tally"),
    # The head of a figure's own phrase owns it.
    pytest.param("en", "The Sol Party took 20.8%, the Labour Party of Prime Minister Ana Ruiz 16.4% and the Greens 11.6%.",
                 [("party/sol-party", "20.8%", Decimal("20.8"), "exact", "unattributed", None, None),
                  ("party/labour-party", "16.4%", Decimal("16.4"), "exact", "unattributed", None, None),
                  ("party/greens", "11.6%", Decimal("11.6"), "exact", "unattributed", None, None)],
                 id="en-a-party-heads-the-phrase-named-for-its-leader"),
    pytest.param("en", "Ana Ruiz of the Sol Party won 40.2% and Ola Berg 31%.",
                 [(ANA, "40.2%", Decimal("40.2"), "exact", "unattributed", None, None),
                  (OLA, "31%", Decimal("31"), "exact", "unattributed", None, None)],
                 id="en-a-person-heads-the-phrase-naming-her-party"),
    pytest.param("en", "A Kantar Lima poll taken in April had Ana Ruiz at 56%.",
                 [(ANA, "56%", Decimal("56"), "exact", "opinion-poll", None, "organization/kantar-lima")],
                 id="en-a-name-before-poll-is-the-pollster"),
    # Parties are read from how the text treats them.
    pytest.param("en", "The liberal VVD of Dilan Yesilgoz won 15.2%.",
                 [("party/vvd", "15.2%", Decimal("15.2"), "exact", "unattributed", None, None)],
                 id="en-acronym-after-a-political-word"),
    pytest.param("en", "The New Social Contract of Pieter Omtzigt, founded only in August, finished on 12.8%.",
                 [("party/new-social-contract", "12.8%", Decimal("12.8"), "exact", "unattributed", None, None)],
                 id="en-the-name-before-the-person-it-is-named-for"),
    pytest.param("en", "In Germany the CDU/CSU won 28.5%.",
                 [("party/cdu-csu", "28.5%", Decimal("28.5"), "exact", "unattributed", None, None)],
                 id="en-joint-list-with-a-slash"),
    pytest.param("nb", "Venstre falt til 13,3 prosent, partiets dårligste valg.",
                 [("party/venstre", "13,3 prosent", Decimal("13.3"), "exact", "unattributed", None, None)],
                 id="nb-one-word-name-that-gets-a-share"),
]


@pytest.mark.parametrize("lang, text, expected", FIGURES)
def test_each_figure_gets_its_candidate_kind_and_source(lang, text, expected):
    assert results_of(text, lang) == expected


def test_an_earlier_round_inside_a_sentence_is_background_and_stops_an_inherited_kind():
    text = ("The electoral commission published the count: Ana Ruiz had 53.2%. "
            "That was more than in the first round, when Ana Ruiz led with 38%.")
    assert [(r[0], r[2], r[4]) for r in results_of(text, "en")] == [
        (ANA, Decimal("53.2"), "official"), (ANA, Decimal("38"), "unattributed")]


@pytest.mark.parametrize("text, election", [
    ("Ved riksdagsvalg i Sverige i 2022 fikk Ola Berg 30 prosent av stemmene.", "election/sweden-2022-parliamentary"),
    ("Etter stortingsvalg i Norge i 2025 hadde Ola Berg 28 prosent av stemmene.", "election/norway-2025-parliamentary"),
], ids=["nb-riksdagsvalg", "nb-stortingsvalg"])
def test_nordic_parliament_election_words_type_the_election(text, election):
    article = Article(Path("a.txt"), text, hashlib.sha256(text.encode()).hexdigest(), "nb")
    (result,) = extract_corpus([article]).extractions[0].results
    assert (result.candidate, result.election) == (OLA, election)


def test_a_source_carries_to_the_end_of_its_paragraph_and_no_further():
    text = ("The electoral council declared the final result. Reading it out, its chairman said Ana Ruiz had 36.6%. "
            "Ola Berg came second with 29.1%. Kari Lunde of the Sol Party won 6.2%.\n\n"
            "Analysts said Ola Berg had 29.1%. Turnout was low. Kari Lunde had 6.2%.")
    assert [(r[0], r[2], r[4]) for r in results_of(text, "en")] == [
        (ANA, Decimal("36.6"), "official"), (OLA, Decimal("29.1"), "official"),
        ("person/kari-lunde", Decimal("6.2"), "official"), (OLA, Decimal("29.1"), "unattributed"),
        ("person/kari-lunde", Decimal("6.2"), "unattributed"),
    ]
