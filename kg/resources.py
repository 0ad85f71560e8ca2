"""Where kg finds its model files: ontology/, shapes/, sparql/ and the bundled data.

In a checkout they sit beside the package; in an installed wheel they travel inside it as
``kg/_resources`` (see pyproject.toml).
"""

from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
DATA_DIR = PACKAGE_DIR / "data"
BUNDLED_ARTICLES = DATA_DIR / "articles"
REFERENCE_ENTITIES = DATA_DIR / "entities.ttl"


def resource_dir(name: str) -> Path:
    """The folder ``name`` (``"ontology"``, ``"shapes"`` or ``"sparql"``) of this kg."""
    for candidate in (PACKAGE_DIR.parent / name, PACKAGE_DIR / "_resources" / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"kg's {name}/ folder is missing from {PACKAGE_DIR.parent}")
