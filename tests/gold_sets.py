"""The sets of articles the project holds with gold annotations: where each set's articles are,
and what holds for it. test_gold checks the sets; test_eval scores the extractor on them;
test_build_sets builds each into a dataset."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "tests" / "gold"


@dataclass(frozen=True)
class GoldSet:
    """One set of articles with its gold annotations, and the rules that hold for it."""

    name: str
    articles: Path
    #: Written for kg: a complete header with an ``.example.`` URL (unless listed as header-less)
    #: and a file stem that starts with the article's language.
    own: bool
    #: Articles written without a header on purpose: the reader must cope with them.
    headerless: frozenset[str] = frozenset()
    #: Articles whose header leaves out the date (and perhaps the language) on purpose: the reader
    #: takes the year from the text and detects the language.
    dateless: frozenset[str] = frozenset()
    #: Exactly this many articles in each language, as the reader gives it (None: not fixed).
    language_counts: dict[str, int] | None = None
    #: Exactly these languages (None: not fixed) and at least this many articles.
    languages: frozenset[str] | None = None
    min_articles: int = 1
    #: Inclusive bounds on the number of words in an article's body (None: any length).
    words: tuple[int, int] | None = None
    #: Each gold file names exactly one election and every speaker among its own entities.
    self_contained: bool = True
    #: About elections that no other set's gold names, so it measures unseen text.
    held_out: bool = False

    @property
    def gold(self) -> Path:
        return GOLD / self.name


GOLD_SETS = [
    GoldSet(
        "shared", ROOT.parent / "shared" / "corpus", own=False,
        language_counts={"en": 4, "nb": 1},
        # One real claim is by a coalition the article never names, and the Norwegian
        # article names no election: the annotations follow the text.
        self_contained=False,
    ),
    GoldSet(
        "examples", ROOT / "kg" / "data" / "articles", own=True,
        headerless=frozenset({"es_01_cne_boletin_sin_cabecera"}),
        languages=frozenset({"en", "nb", "es"}), min_articles=8, words=(150, 450),
    ),
    GoldSet(
        "heldout", ROOT / "tests" / "heldout" / "articles", own=True,
        language_counts={"en": 2, "es": 3, "nb": 1}, words=(150, 450), held_out=True,
    ),
    GoldSet(
        "heldout2-dev", ROOT / "tests" / "heldout2" / "dev" / "articles", own=True,
        headerless=frozenset({"es_22_bolivia_2020_arce"}),
        language_counts={"en": 3, "es": 3, "nb": 2}, words=(150, 400), held_out=True,
    ),
    GoldSet(
        "heldout2-test", ROOT / "tests" / "heldout2" / "test" / "articles", own=True,
        headerless=frozenset({"en_33_sri_lanka_2024_dissanayake"}),
        language_counts={"en": 3, "es": 3, "nb": 2}, words=(150, 400), held_out=True,
    ),
    GoldSet(
        "heldout3", ROOT / "tests" / "heldout3" / "articles", own=True,
        headerless=frozenset({"en_43_ghana_2024_mahama", "es_42_republica_dominicana_2024_abinader",
                              "nb_43_tyrkia_2023_erdogan"}),
        language_counts={"en": 4, "es": 4, "nb": 4}, words=(300, 700), held_out=True,
    ),
    GoldSet(
        "heldout4", ROOT / "tests" / "heldout4" / "articles", own=True,
        headerless=frozenset({"en_52_philippines_2022_marcos", "es_53_chile_2017_pinera", "nb_53_moldova_2024_sandu"}),
        language_counts={"en": 3, "es": 3, "nb": 3}, words=(300, 700), held_out=True,
    ),
    GoldSet(
        "heldout5", ROOT / "tests" / "heldout5" / "articles", own=True,
        headerless=frozenset({"en_62_india_2024_modi_analysis", "es_64_argentina_2019_fernandez",
                              "nb_63_ukraina_2019_zelenskyj"}),
        language_counts={"en": 4, "es": 4, "nb": 4}, words=(300, 700), held_out=True,
    ),
    GoldSet(
        "heldout6", ROOT / "tests" / "heldout6" / "articles", own=True,
        headerless=frozenset({"en_73_pakistan_2024_khan_analysis", "es_73_mexico_2000_fox_reacciones",
                              "nb_72_iran_2024_pezeshkian"}),
        language_counts={"en": 4, "es": 3, "nb": 3}, words=(300, 700), held_out=True,
    ),
    GoldSet(
        "heldout7", ROOT / "tests" / "heldout7" / "articles", own=True,
        headerless=frozenset({"en_83_australia_2022_albanese_analysis", "es_82_uruguay_2019_lacalle_pou",
                              "nb_83_algerie_2024_tebboune"}),
        language_counts={"en": 4, "es": 4, "nb": 4}, words=(300, 700), held_out=True,
    ),
    GoldSet(
        "heldout8", ROOT / "tests" / "heldout8" / "articles", own=True,
        headerless=frozenset({"en_93_ireland_2020_sinn_fein_analysis", "es_94_argentina_2015_macri_opinion",
                              "nb_93_tanzania_2020_magufuli"}),
        dateless=frozenset({"en_94_new_zealand_2023_luxon_explainer", "nb_94_taiwan_2020_tsai_intervju"}),
        language_counts={"en": 4, "es": 4, "nb": 4}, words=(300, 700), held_out=True,
    ),
]

GOLD_SET_BY_NAME = {gold_set.name: gold_set for gold_set in GOLD_SETS}
