"""Unit-cost catalogues (enhetskostnader, schablonkostnader) and their price indices.

A catalogue lists money per unit with a price year, a source and the index that
moves it between price years; a model refers to its entries instead of typing the
figures (``{ref: kommun/hvb-dygn, times: 180 day/placement/year}``), and each
reference resolves exactly to the model's price year. This package reads
catalogues (through :mod:`logikmodell.io`, with the limits and error collection of
models), searches them and lists their entries.

Example:
    >>> from logikmodell.catalogue import loads_catalogue, search
    >>> cat = loads_catalogue('''
    ... logikmodell-catalogue: 1
    ... title: Exempel
    ... entries:
    ...   - {id: hvb-dygn, label: Placering på HVB, amount: 4200 SEK/day, price_year: 2024}
    ...   - {id: fs, label: Försörjningsstöd, amount: 10000 SEK/month, price_year: 2024}
    ... ''')
    >>> [entry.id for entry in search(cat, "hvb")]
    ['hvb-dygn']
"""

from logikmodell.catalogue.listing import entry_rows, indices_to_csv, search, to_csv, to_dict
from logikmodell.io.catalogues import (
    CATALOGUE_FORMATS,
    INDICES_SUFFIX,
    dumps_catalogue,
    indices_path,
    load_catalogue,
    loads_catalogue,
)
from logikmodell.model.catalogue import (
    Catalogue,
    CatalogueEntry,
    CatalogueLink,
    PriceIndex,
    Reference,
    ReferencedQuantity,
    index_factor,
    resolve_reference,
)

__all__ = [
    "CATALOGUE_FORMATS",
    "INDICES_SUFFIX",
    "Catalogue",
    "CatalogueEntry",
    "CatalogueLink",
    "PriceIndex",
    "Reference",
    "ReferencedQuantity",
    "dumps_catalogue",
    "entry_rows",
    "index_factor",
    "indices_path",
    "indices_to_csv",
    "load_catalogue",
    "loads_catalogue",
    "resolve_reference",
    "search",
    "to_csv",
    "to_dict",
]
