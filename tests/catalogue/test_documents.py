"""Reading catalogue documents: formats, every problem with its path, limits, schema."""

from __future__ import annotations

import json
from fractions import Fraction
from pathlib import Path

import jsonschema
import pytest

import logikmodell as lm
from logikmodell.catalogue import (
    INDICES_SUFFIX,
    Catalogue,
    dumps_catalogue,
    indices_path,
    indices_to_csv,
    load_catalogue,
    loads_catalogue,
    search,
    to_csv,
    to_dict,
)
from logikmodell.io.schema import catalogue_schema

DATA = Path(__file__).resolve().parents[1] / "data"
CATALOGUE = DATA / "references" / "kommun.yaml"
BAD = DATA / "catalogues" / "bad"

EXPECTED_BAD = {
    "amount_not_money.yaml": ["$.entries[0].amount: expected an amount in SEK (per unit)"],
    "bad_year_key.json": ["$.indices[0].values.tjugo: expected a year"],
    "csv_price_year.csv": ["$.entries[0].price_year: expected a whole number"],
    "duplicate_entry.yaml": ["$.entries[1].id: duplicate entry id 'a'"],
    "many_problems.yaml": [
        "$.extra: unknown key",
        "$.indices[0].values: the value for 2022 must be above 0",
        "$.entries[0].price_year: expected a whole number from 1000 to 9999",
        "$.entries[1].confidence: expected one of high, medium, low",
        "$.entries[2].includes_overhead: expected true or false",
    ],
    "no_version.yaml": ["$.logikmodell-catalogue: required key missing"],
    "other_currency.yaml": ["$.entries[0].amount: expected an amount in SEK"],
    "unknown_column.csv": ["$.entries[0].färg: unknown key"],
    "unknown_index.yaml": ["$.entries[0].index: unknown price index 'kpi' (known: pkv)"],
    "csv_empty.csv": ["$: the document is empty"],
    # A CSV catalogue's indices come from its companion file, and so do their errors.
    "index_duplicate.csv": ["$.indices[1].id: duplicate index id 'pkv'"],
    "index_not_in_companion.csv": ["$.entries[0].index: unknown price index 'kpi' (known: pkv)"],
    "index_unknown_column.csv": ["$.år: unknown column: expected id, label, source or a year"],
    "index_value_text.csv": ["$.indices[0].values.2021: expected a number, got the text 'hundra'"],
}
# Where each problem is: the file (the catalogue, or its indices beside it), line, column.
EXPECTED_PLACES = {
    "csv_price_year.csv": ("csv_price_year.csv", 2, 4),
    "index_duplicate.csv": ("index_duplicate.indices.csv", 3, 1),
    "index_not_in_companion.csv": ("index_not_in_companion.csv", 2, 5),
    "index_unknown_column.csv": ("index_unknown_column.indices.csv", 1, 3),
    "index_value_text.csv": ("index_value_text.indices.csv", 2, 4),
    "many_problems.yaml": ("many_problems.yaml", 3, 1),
}


def test_the_bad_corpus_is_complete() -> None:
    names = {path.name for path in BAD.iterdir() if not path.name.endswith(INDICES_SUFFIX)}
    assert names == set(EXPECTED_BAD)
    assert set(EXPECTED_PLACES) <= names


@pytest.mark.parametrize("name", sorted(EXPECTED_BAD))
def test_a_bad_catalogue_reports_every_problem_with_its_path(name: str) -> None:
    with pytest.raises(lm.LoadError) as caught:
        load_catalogue(BAD / name)
    lines = [str(problem) for problem in caught.value.problems]
    assert len(lines) == len(EXPECTED_BAD[name]), lines
    for line, expected in zip(lines, EXPECTED_BAD[name], strict=True):
        assert line.startswith(expected), line
    file, line_number, column = EXPECTED_PLACES.get(name, (name, None, None))
    assert caught.value.source == str(BAD / file)
    first = caught.value.problems[0]
    if line_number is not None:
        assert (first.line, first.column) == (line_number, column)


def test_the_same_catalogue_reads_alike_from_yaml_json_toml_and_csv(tmp_path: Path) -> None:
    catalogue = load_catalogue(CATALOGUE)
    for format in ("json", "toml", "yaml"):
        path = tmp_path / f"kommun.{format}"
        path.write_text(dumps_catalogue(catalogue, format), encoding="utf-8")
        assert load_catalogue(path) == catalogue
    # CSV holds entries alone: those that need no index read back equal.
    plain = tuple(entry for entry in catalogue.entries if entry.index is None)
    csv_path = tmp_path / "Testkatalog.csv"
    csv_path.write_text(to_csv(plain), encoding="utf-8")
    from_csv = load_catalogue(csv_path)
    assert from_csv.title == "Testkatalog"
    assert from_csv.entries == plain
    csv_path.write_text(to_csv(catalogue.entries), encoding="utf-8")
    with pytest.raises(lm.LoadError, match=r"entries\[0\]\.index: unknown price index 'pkv'"):
        load_catalogue(csv_path)


def test_an_entry_reads_exactly() -> None:
    entry = load_catalogue(CATALOGUE).entry("stod-manad")
    assert entry.amount == lm.Quantity(value=1000, unit="SEK/month")
    assert entry.price_year == 2023
    assert entry.index == "pkv"
    assert entry.confidence == "low"
    index = load_catalogue(CATALOGUE).index("pkv")
    assert index.values == {2020: 100, 2023: 110, 2026: Fraction(243, 2)}


def test_csv_entries_read_their_types() -> None:
    text = (
        "id,label,amount,price_year,includes_overhead,source\n"
        'hvb,"Placering, HVB",4 200 SEK/day,2024,false,KPB 2024\n'
        "\n"
    )
    catalogue = loads_catalogue(text, "csv", source="region.csv")
    assert catalogue.title == "region"
    (entry,) = catalogue.entries
    assert entry.label == "Placering, HVB"
    assert entry.includes_overhead is False
    assert entry.amount.value == 4200


def test_a_catalogue_over_the_limits_is_refused() -> None:
    text = "id,label,amount,price_year\n" + "".join(f"e{n},E,1 SEK,2024\n" for n in range(11))
    with pytest.raises(lm.LoadError, match="more than 10 entries"):
        loads_catalogue(text, "csv", limits=lm.Limits(max_nodes=10))
    with pytest.raises(lm.LoadError, match="larger than the limit"):
        loads_catalogue(text, "csv", limits=lm.Limits(max_bytes=20))
    with pytest.raises(lm.LoadError, match="larger than the limit"):
        loads_catalogue(CATALOGUE.read_text(encoding="utf-8"), limits=lm.Limits(max_bytes=20))


def test_search_needs_every_word_and_ignores_case() -> None:
    catalogue = load_catalogue(CATALOGUE)
    assert [e.id for e in search(catalogue, "PLACERING dygn")] == ["placering-dygn"]
    assert [e.id for e in search(catalogue, "test stöd")] == ["stod-manad"]
    assert search(catalogue, "ingenting") == ()
    assert search(catalogue, "  ") == catalogue.entries


def test_the_json_listing_keeps_amounts_exact() -> None:
    data = to_dict(load_catalogue(CATALOGUE))
    assert data["currency"] == "SEK"
    entries = data["entries"]
    assert isinstance(entries, list)
    assert entries[0]["amount"] == "1000"
    assert entries[0]["unit"] == "SEK/day"
    assert json.loads(json.dumps(data)) == data


def test_a_catalogue_built_in_code_checks_its_references() -> None:
    entry = lm.CatalogueEntry(id="a", label="A", amount="1 SEK", price_year=2024, index="kpi")
    with pytest.raises(lm.InvalidValueError, match="unknown price index 'kpi'"):
        Catalogue(title="T", entries=(entry,))


def test_the_schema_accepts_a_catalogue_and_rejects_a_bad_one() -> None:
    schema = catalogue_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    document = json.loads(dumps_catalogue(load_catalogue(CATALOGUE), "json"))
    assert list(validator.iter_errors(document)) == []
    document["entries"][0]["confidence"] = "säker"
    assert list(validator.iter_errors(document))
    del document["entries"][0]["confidence"]
    document["entries"][0]["färg"] = "röd"
    assert list(validator.iter_errors(document))


CSV = DATA / "catalogues" / "csv"


def test_a_csv_catalogue_takes_its_indices_from_the_file_beside_it() -> None:
    catalogue = load_catalogue(CSV / "kommun.csv")
    assert indices_path(CSV / "kommun.csv") == CSV / "kommun.indices.csv"
    assert [index.id for index in catalogue.indices] == ["pkv", "kpi"]
    pkv = catalogue.index("pkv")
    assert pkv.label == "Testindex för kommunal verksamhet"
    assert pkv.source == "Test"
    assert dict(pkv.values) == {2020: 100, 2023: 110, 2026: Fraction(243, 2)}
    # An empty cell is a year without a value.
    assert dict(catalogue.index("kpi").values) == {2020: 300, 2026: 330}


def test_a_model_moves_a_csv_entry_with_the_companion_index() -> None:
    model = lm.load(CSV / "model.yaml")
    placering = model.node("placering")
    assert isinstance(placering, lm.Resource)
    assert placering.unit_cost is not None
    # 1 000 SEK/day in 2020 prices × 30 day/placement × 121.5 / 100 = 36 450 SEK/placement.
    assert placering.unit_cost.value == 36450
    assert lm.attribute_costs(model).total == lm.Money(2 * 36450)


def test_indices_for_csv_text_are_passed_as_text() -> None:
    entries = (CSV / "kommun.csv").read_text(encoding="utf-8")
    indices = (CSV / "kommun.indices.csv").read_text(encoding="utf-8")
    from_text = loads_catalogue(entries, "csv", source="kommun.csv", indices=indices)
    assert from_text == load_catalogue(CSV / "kommun.csv")
    with pytest.raises(lm.LoadError, match="unknown price index 'pkv'"):
        loads_catalogue(entries, "csv", source="kommun.csv")
    # A decimal comma in a quoted cell reads as a decimal comma.
    comma = loads_catalogue(
        entries, "csv", indices='id,label,2020,2026\npkv,P,100,"121,5"\nkpi,K,300,330\n'
    )
    assert comma.index("pkv").values[2026] == Fraction(243, 2)
    with pytest.raises(ValueError, match="indices go with a CSV catalogue"):
        loads_catalogue("logikmodell-catalogue: 1\ntitle: T\n", "yaml", indices="id,label\n")


def test_a_catalogue_with_indices_round_trips_through_two_csv_files(tmp_path: Path) -> None:
    catalogue = load_catalogue(CATALOGUE)  # YAML, with an index
    (tmp_path / "Testkatalog.csv").write_text(to_csv(catalogue.entries), encoding="utf-8")
    indices = indices_path(tmp_path / "Testkatalog.csv")
    indices.write_text(indices_to_csv(catalogue.indices), encoding="utf-8")
    assert load_catalogue(tmp_path / "Testkatalog.csv") == catalogue
