"""Properties of catalogues and references over everything the strategies generate."""

from __future__ import annotations

from fractions import Fraction
from typing import Any

import attrs
from hypothesis import given
from hypothesis import strategies as st

import logikmodell as lm
from logikmodell.catalogue import dumps_catalogue, index_factor, loads_catalogue, to_csv
from logikmodell.numbers import format_decimal
from logikmodell.testing import strategies as lst

YEARS = (2020, 2021, 2022, 2023, 2024, 2025, 2026)
# Index values of the form 2^a·5^b, so that every ratio has a decimal form and a
# resolved amount can be written as a literal in a twin model.
DECIMAL_RATIOS = st.sampled_from([Fraction(v) for v in (40, 50, 80, 100, 125, 160, 200, 250)])


@given(lst.catalogues(), st.sampled_from(("yaml", "json", "toml")))
def test_a_catalogue_round_trips(catalogue: lm.Catalogue, format: str) -> None:
    assert loads_catalogue(dumps_catalogue(catalogue, format), format) == catalogue


@given(lst.catalogues())
def test_entries_without_index_round_trip_through_csv(catalogue: lm.Catalogue) -> None:
    plain = tuple(entry for entry in catalogue.entries if entry.index is None)
    again = loads_catalogue(to_csv(plain), "csv", source="c.csv")
    assert again.entries == tuple(_as_read_from_csv(entry) for entry in plain)


def _as_read_from_csv(entry: lm.CatalogueEntry) -> lm.CatalogueEntry:
    """The entry as a CSV file gives it back: cells are read without surrounding blanks."""
    texts: dict[str, Any] = {
        field.name: value.strip()
        for field in attrs.fields(type(entry))
        if isinstance(value := getattr(entry, field.name), str)
    }
    return attrs.evolve(entry, **texts)


@given(lst.catalogues(min_entries=1, years=YEARS), st.sampled_from(YEARS), st.data())
def test_indexing_is_the_exact_ratio_and_one_in_the_same_year(
    catalogue: lm.Catalogue, year: int, data: st.DataObject
) -> None:
    entry = data.draw(st.sampled_from(catalogue.entries))
    assert index_factor(entry, catalogue, entry.price_year) == 1
    if entry.index is None:
        return
    index = catalogue.index(entry.index)
    if year in index.values and entry.price_year in index.values:
        factor = index_factor(entry, catalogue, year)
        assert factor == index.values[year] / index.values[entry.price_year]
        assert isinstance(factor, Fraction)
        back = index_factor(attrs.evolve(entry, price_year=year), catalogue, entry.price_year)
        assert factor * back == 1


@given(
    st.sampled_from(YEARS),
    st.sampled_from(YEARS),
    st.sampled_from(YEARS),
    st.dictionaries(st.sampled_from(YEARS), DECIMAL_RATIOS, min_size=len(YEARS)),
    lst.decimals(min_value=1, max_value=10**5),
    lst.decimals(max_value=10**4),
    lst.decimals(min_value=1, max_value=500),
)
def test_a_model_with_references_appraises_like_its_literal_twin(
    model_year: int,
    cost_year: int,
    value_year: int,
    values: dict[int, Fraction],
    cost: Fraction,
    value: Fraction,
    count: Fraction,
) -> None:
    index = lm.PriceIndex(id="pkv", label="PKV", values=values)
    catalogue = lm.Catalogue(
        title="C",
        indices=(index,),
        entries=(
            lm.CatalogueEntry(
                id="kostnad",
                label="K",
                amount=lm.Quantity(value=cost, unit="SEK/day"),
                price_year=cost_year,
                index="pkv",
            ),
            lm.CatalogueEntry(
                id="varde",
                label="V",
                amount=lm.Quantity(value=value, unit="SEK/person/year"),
                price_year=value_year,
                index="pkv",
            ),
        ),
    )
    template = (
        "logikmodell: 1\ntitle: T\nprice_year: {year}\n{catalogues}"
        "actors: [{{id: k, label: K}}]\n"
        "nodes:\n"
        "  - {{id: r, kind: resource, label: R, quantity: {count} placement, "
        "unit_cost: {cost}, payer: k}}\n"
        "  - {{id: a, kind: activity, label: A}}\n"
        "  - {{id: o, kind: long_term_outcome, label: O, quantity: {count} person, "
        "duration_years: 3, drop_off: 0.1, values: [{{actor: k, amount: {value}}}]}}\n"
        "links: [{{from: r, to: a}}, {{from: a, to: o}}]\n"
    )
    with_refs = lm.loads(
        template.format(
            year=model_year,
            catalogues="catalogues: [{id: c, path: c.yaml}]\n",
            count=format_decimal(count),
            cost="{ref: c/kostnad, times: 30 day/placement}",
            value="{ref: c/varde}",
        ),
        catalogues={"c": catalogue},
    )
    cost_by_hand = cost * 30 * values[model_year] / values[cost_year]
    value_by_hand = value * values[model_year] / values[value_year]
    twin = lm.loads(
        template.format(
            year=model_year,
            catalogues="",
            count=format_decimal(count),
            cost=f"{format_decimal(cost_by_hand)} SEK/placement",
            value=f"{format_decimal(value_by_hand)} SEK/person/year",
        )
    )
    figures = lm.appraise(with_refs).to_dict()
    references = figures.pop("references")
    assert isinstance(references, dict)
    assert set(references) == {"r.unit_cost", "o.values[k].amount"}
    assert figures == lm.appraise(twin).to_dict()
    assert lm.attribute_costs(with_refs).total == lm.attribute_costs(twin).total
