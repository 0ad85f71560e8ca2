"""Places that election coverage names often: never entities, however name-like they look.

The issue is explicit that "Caracas is a place, not a person"; a two-word city ("São Paulo",
"Buenos Aires") would otherwise pass for a person's name. Capitals and large cities of the
Americas and Europe, folded (lowercase, no accents). Place words in a name ("Avenida Paulista",
"Karl Johans gate") are in each language's ``place_words``.
"""

from __future__ import annotations

PLACES: frozenset[str] = frozenset(name.strip() for name in """
    caracas, maracaibo, valencia, barquisimeto, bogota, medellin, cali, barranquilla, cartagena, quito,
    guayaquil, lima, arequipa, santiago, santiago de chile, valparaiso, la paz, santa cruz, sucre, asuncion,
    montevideo, buenos aires, cordoba, rosario, mendoza, brasilia, sao paulo, rio de janeiro, belo horizonte,
    salvador, recife, porto alegre, manaus, mexico city, ciudad de mexico, guadalajara, monterrey, puebla,
    tijuana, havana, la habana, managua, tegucigalpa, san pedro sula, san salvador, guatemala city,
    ciudad de guatemala, san jose, panama city, ciudad de panama, santo domingo, port-au-prince, kingston,
    washington, new york, miami, los angeles, houston, chicago, boston, ottawa, toronto, montreal, madrid,
    barcelona, sevilla, lisbon, lisboa, porto, paris, london, berlin, rome, roma, brussels, bruxelles, geneva,
    ginebra, the hague, oslo, bergen, trondheim, stockholm, copenhagen, kobenhavn, helsinki, reykjavik, warsaw,
    moscow, moskva, kyiv, kiev, beijing, peking, hong kong, tokyo, new delhi, tehran,
    latin america, america latina, latinoamerica, latin-amerika, south america, sudamerica, suramerica,
    central america, centroamerica, mellom-amerika, north america, norteamerica, east africa, west africa,
    southern africa, africa oriental, africa occidental, ost-afrika, vest-afrika, middle east, oriente medio,
    midtosten, sub-saharan africa, ankara, istanbul, nairobi, accra, kumasi, maputo, beira, tbilisi,
    bucharest, bucuresti, chisinau, goteborg, gothenburg, malmo, uppsala, stavanger, tromso, san juan
""".split(",") if name.strip())
