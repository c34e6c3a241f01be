"""The example catalogue in examples/: it loads, says it is illustrative, and moves."""

from __future__ import annotations

from pathlib import Path

import logikmodell as lm
from logikmodell.catalogue import index_factor

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "enhetskostnader-exempel.yaml"


def test_the_example_catalogue_loads_and_every_entry_has_a_source_and_price_year() -> None:
    catalogue = lm.load_catalogue(EXAMPLE)
    assert catalogue.entries
    for entry in catalogue.entries:
        assert entry.source
        assert entry.price_year
        assert "Illustrativt" in entry.source  # never presented as published figures
        assert (
            index_factor(entry, catalogue, 2026)
            == catalogue.index("pkv").values[2026]
            / (catalogue.index("pkv").values[entry.price_year])
        )
    assert "illustrativa" in catalogue.title
