"""References from a model to catalogue entries: exact indexing, errors, round trips."""

from __future__ import annotations

import json
import shutil
from fractions import Fraction
from pathlib import Path

import pytest

import logikmodell as lm
from logikmodell.catalogue import ReferencedQuantity
from logikmodell.io.schema import json_schema

DATA = Path(__file__).resolve().parents[1] / "data" / "references"
MODEL = DATA / "model.yaml"
BAD = DATA / "bad"

# The test catalogue's index: 2020 = 100, 2023 = 110, 2026 = 121.5.
EXPECTED_BAD = {
    "catalogue_missing.yaml": "$.catalogues[0].path: no catalogue file 'saknas.yaml'",
    "entry_without_index.yaml": "$.nodes[0].cost.ref: entry 'utan-index' is in prices of "
    "2024 and has no index to move it to the model's price year 2026",
    "malformed_ref.yaml": "$.nodes[0].cost.ref: expected '<catalogue>/<entry>', "
    "got 'placering-dygn'",
    "missing_index_year.yaml": "$.nodes[0].cost.ref: index 'pkv' has no value for 2019: it "
    "is needed to move entry 'placering-dygn' from 2020 to 2019",
    "no_price_year.yaml": "$.nodes[0].cost.ref: the model has no price_year",
    "path_absolute.yaml": "$.catalogues[0].path: refused: the path is absolute",
    "path_leaves_folder.yaml": "$.catalogues[0].path: refused: the path leaves the model's folder",
    "ref_quantity_range.yaml": "$.nodes[0].unit_cost_low: expected at most unit_cost",
    "ref_unit_wrong.yaml": "$.nodes[0].cost: expected an amount in SEK, got 1 215 SEK/day",
    "ref_unknown_key.yaml": "$.nodes[0].cost.gånger: unknown key",
    "ref_where_not_allowed.yaml": "$.nodes[0].quantity: expected '<number> <unit>', got a mapping",
    "ref_without_ref.yaml": "$.nodes[0].cost.ref: required key missing",
    "unknown_catalogue.yaml": "$.nodes[0].cost.ref: unknown catalogue 'region' "
    "(the model's catalogues: kommun)",
    "unknown_entry.yaml": "$.nodes[0].cost.ref: unknown entry 'placering-dgyn' in catalogue "
    "'kommun' (did you mean 'placering-dygn'?)",
    "transfer_amount_unit.yaml": "$.transfers[0].amount: expected an amount in SEK, "
    "got 7 000 SEK/person/year",
    "transfer_missing_index_year.yaml": "$.transfers[0].rate.ref: index 'pkv' has no value "
    "for 2019: it is needed to move entry 'placering-dygn' from 2020 to 2019",
    "transfer_unknown_entry.yaml": "$.transfers[0].amount.ref: unknown entry 'placering-dgyn' "
    "in catalogue 'kommun' (did you mean 'placering-dygn'?)",
}


def test_the_bad_corpus_is_complete() -> None:
    names = {path.name for path in BAD.iterdir()} - {"kommun.yaml"}
    assert names == set(EXPECTED_BAD)


@pytest.mark.parametrize("name", sorted(EXPECTED_BAD))
def test_a_bad_reference_is_one_located_load_error(name: str) -> None:
    with pytest.raises(lm.LoadError) as caught:
        lm.load(BAD / name)
    (problem,) = caught.value.problems
    assert str(problem).startswith(EXPECTED_BAD[name]), str(problem)
    assert caught.value.source == str(BAD / name)


def test_indexing_is_exact_to_the_model_price_year() -> None:
    model = lm.load(MODEL)
    placering = model.node("placering")
    assert isinstance(placering, lm.Resource)
    # 1 000 SEK/day in 2020 prices × 30 day/placement × 121.5 / 100.
    assert isinstance(placering.unit_cost, ReferencedQuantity)
    assert placering.unit_cost == ReferencedQuantity(
        value=36450, unit="SEK/placement", reference=placering.unit_cost.reference
    )
    assert placering.unit_cost.reference.index_factor == Fraction(243, 200)
    stod = model.node("stod")
    assert isinstance(stod, lm.Resource)
    assert stod.cost is not None
    # 1 000 SEK/month in 2023 prices × 11 month × 121.5 / 110 = 12 150, exactly.
    assert stod.cost.value == Fraction(12150)
    assert stod.cost.unit == "SEK"
    assert isinstance(stod.cost, ReferencedQuantity)
    assert stod.cost.reference.index_factor == Fraction(243, 220)
    costs = lm.attribute_costs(model)
    assert costs.total == lm.Money(2 * 36450 + 12150)
    effekt = model.node("effekt")
    assert isinstance(effekt, lm.Outcome)
    amount = effekt.values[0].amount
    assert isinstance(amount, ReferencedQuantity)
    assert amount.reference.index_factor == 1  # same price year
    assert amount.value == 7000


def test_a_factor_without_a_decimal_form_stays_exact(tmp_path: Path) -> None:
    shutil.copy(DATA / "kommun.yaml", tmp_path / "kommun.yaml")
    text = MODEL.read_text(encoding="utf-8").replace("times: 11 month", "times: 1 month")
    (tmp_path / "model.yaml").write_text(text, encoding="utf-8")
    stod = lm.load(tmp_path / "model.yaml").node("stod")
    assert isinstance(stod, lm.Resource)
    assert stod.cost is not None
    assert stod.cost.value == Fraction(1000 * 243, 220)  # 1 104.5454…
    assert str(stod.cost) == "1 104.55 SEK"


def test_references_round_trip_in_every_format(tmp_path: Path) -> None:
    model = lm.load(MODEL)
    shutil.copy(DATA / "kommun.yaml", tmp_path / "kommun.yaml")
    for format in ("yaml", "json", "toml"):
        text = lm.dumps(model, format)
        path = tmp_path / f"model.{format}"
        path.write_text(text, encoding="utf-8")
        again = lm.load(path)
        assert again == model
        assert lm.dumps(again, format) == text
    data = json.loads(lm.dumps(model, "json"))
    assert data["catalogues"] == [{"id": "kommun", "path": "kommun.yaml"}]
    assert data["nodes"][0]["unit_cost"] == {
        "ref": "kommun/placering-dygn",
        "times": "30 day/placement",
    }
    assert data["nodes"][3]["values"][0]["amount"] == {"ref": "kommun/samma-ar"}


def test_the_caller_may_pass_a_catalogue_from_elsewhere(tmp_path: Path) -> None:
    model = lm.load(MODEL)
    text = lm.dumps(model)
    with pytest.raises(lm.LoadError, match="a model read from text names no file by itself"):
        lm.loads(text)
    by_id = lm.loads(text, catalogues={"kommun": DATA / "kommun.yaml"})
    assert by_id == model
    catalogue = lm.load_catalogue(DATA / "kommun.yaml")
    assert lm.loads(text, catalogues={"kommun": catalogue}) == model
    assert lm.loads(text, catalogues=[DATA / "kommun.yaml"]) == model  # named by its stem
    outside = tmp_path / "sub"
    outside.mkdir()
    path = outside / "model.yaml"
    path.write_text(text.replace("path: kommun.yaml", f"path: ../{DATA.name}/kommun.yaml"))
    shutil.copytree(DATA, tmp_path / DATA.name)
    with pytest.raises(lm.LoadError, match="leaves the model's folder"):
        lm.load(path)
    allowed = lm.load(path, catalogues=[tmp_path / DATA.name / "kommun.yaml"])
    assert allowed.nodes == model.nodes  # only the catalogue's path differs


def test_a_refused_catalogue_adds_no_second_error(tmp_path: Path) -> None:
    with pytest.raises(lm.LoadError) as caught:
        lm.loads(MODEL.read_text(encoding="utf-8"))
    assert [p.path for p in caught.value.problems] == ["$.catalogues[0].path"]


def test_a_resolved_model_appraises_like_its_literal_twin() -> None:
    literal = MODEL.read_text(encoding="utf-8")
    literal = literal.replace(
        "{ref: kommun/placering-dygn, times: 30 day/placement}", "36 450 SEK/placement"
    )
    literal = literal.replace("{ref: kommun/stod-manad, times: 11 month}", "12 150 SEK")
    literal = literal.replace("{ref: kommun/samma-ar}", "7 000 SEK/person/year")
    twin = lm.loads(literal.replace("catalogues: [{id: kommun, path: kommun.yaml}]\n", ""))
    model = lm.load(MODEL)
    returns, costs = lm.appraise(model).to_dict(), lm.attribute_costs(model).to_dict()
    returns.pop("references")
    costs.pop("references")
    assert returns == lm.appraise(twin).to_dict()
    assert costs == lm.attribute_costs(twin).to_dict()


def test_costs_and_returns_name_each_reference() -> None:
    model = lm.load(MODEL)
    placering = {
        "ref": "kommun/placering-dygn",
        "price_year": 2020,
        "index_factor": 1.215,
        "to_price_year": 2026,
    }
    costs = json.loads(json.dumps(lm.attribute_costs(model).to_dict()))
    assert costs["references"]["placering.unit_cost"] == placering
    assert costs["references"]["stod.cost"]["index_factor"] == 243 / 220
    assert set(costs["references"]) == {"placering.unit_cost", "stod.cost"}
    returns = json.loads(json.dumps(lm.appraise(model).to_dict()))
    assert returns["references"]["placering.unit_cost"] == placering
    assert returns["references"]["effekt.values[soc].amount"] == {
        "ref": "kommun/samma-ar",
        "price_year": 2026,
        "index_factor": 1.0,
        "to_price_year": 2026,
    }


def test_a_model_without_references_says_nothing_of_them() -> None:
    literal = lm.loads(
        "logikmodell: 1\ntitle: T\nnodes:\n  - {id: r, kind: resource, label: R, cost: 1 SEK}\n"
    )
    assert "references" not in lm.attribute_costs(literal).to_dict()


def test_the_schema_allows_a_reference_where_the_format_does() -> None:
    import jsonschema

    validator = jsonschema.Draft202012Validator(json_schema())
    document = json.loads(lm.dumps(lm.load(MODEL), "json"))
    assert list(validator.iter_errors(document)) == []
    document["nodes"][0]["quantity"] = {"ref": "kommun/placering-dygn"}
    assert list(validator.iter_errors(document))


TRANSFERS = DATA / "transfers.yaml"


def test_a_transfer_takes_its_amount_and_rate_from_a_catalogue() -> None:
    model = lm.load(TRANSFERS)
    lan, aterforing = model.transfers
    # 1 000 SEK/day in 2020 prices × 100 day × 121.5 / 100 = 121 500 SEK.
    assert isinstance(lan.amount, ReferencedQuantity)
    assert (lan.amount.value, lan.amount.unit) == (Fraction(121500), "SEK")
    assert lan.amount.reference.index_factor == Fraction(243, 200)
    # 7 000 SEK/person/year in the model's own price year × 2 year = 14 000 SEK/person.
    assert isinstance(aterforing.rate, ReferencedQuantity)
    assert (aterforing.rate.value, aterforing.rate.unit) == (Fraction(14000), "SEK/person")
    ledger = json.loads(json.dumps(lm.appraise(model).to_dict()))["actors"]
    # The rate is paid on 3 people in each of the outcome's 2 benefit years, undiscounted.
    assert ledger["soc"]["transfers_out"] == "84000.00"
    assert ledger["fond"]["transfers_out"] == "121500.00"


def test_the_returns_name_the_references_of_transfers() -> None:
    returns = json.loads(json.dumps(lm.appraise(lm.load(TRANSFERS)).to_dict()))
    assert returns["references"] == {
        "lan.amount": {
            "ref": "kommun/placering-dygn",
            "price_year": 2020,
            "index_factor": 1.215,
            "to_price_year": 2026,
        },
        "aterforing.rate": {
            "ref": "kommun/samma-ar",
            "price_year": 2026,
            "index_factor": 1.0,
            "to_price_year": 2026,
        },
    }
    # Transfers are no costs: the costs JSON names no reference for them.
    assert "references" not in lm.attribute_costs(lm.load(TRANSFERS)).to_dict()


def test_a_transfer_with_references_appraises_like_its_literal_twin() -> None:
    literal = TRANSFERS.read_text(encoding="utf-8")
    literal = literal.replace("{ref: kommun/placering-dygn, times: 100 day}", "121 500 SEK")
    literal = literal.replace("{ref: kommun/samma-ar, times: 2 year}", "14 000 SEK/person")
    literal = literal.replace("catalogues: [{id: kommun, path: kommun.yaml}]\n", "")
    assert "ref:" not in literal
    returns = lm.appraise(lm.load(TRANSFERS)).to_dict()
    returns.pop("references")
    assert returns == lm.appraise(lm.loads(literal)).to_dict()


def test_references_in_transfers_round_trip(tmp_path: Path) -> None:
    model = lm.load(TRANSFERS)
    shutil.copy(DATA / "kommun.yaml", tmp_path / "kommun.yaml")
    for format in ("yaml", "json", "toml"):
        path = tmp_path / f"model.{format}"
        path.write_text(lm.dumps(model, format), encoding="utf-8")
        assert lm.load(path) == model
    data = json.loads(lm.dumps(model, "json"))
    assert data["transfers"][0]["amount"] == {"ref": "kommun/placering-dygn", "times": "100 day"}
    assert data["transfers"][1]["rate"] == {"ref": "kommun/samma-ar", "times": "2 year"}


def test_the_catalogue_rules_find_references_in_transfers() -> None:
    report = lm.validate(lm.load(TRANSFERS), select=["LM8"])
    found = {(f.code, f.path) for f in report.findings}
    # The loan's entry is 6 price years old; the repayment's entry names no source.
    assert found == {("LM801", "$.transfers[0].amount.ref"), ("LM803", "$.transfers[1].rate.ref")}
    (old,) = [f for f in report.findings if f.code == "LM801"]
    assert "'Lån från fonden' (lan)" in old.message
    assert old.line == 22
