"""Catalogue rules LM801–LM803."""

from __future__ import annotations

import shutil
from pathlib import Path

import logikmodell as lm

DATA = Path(__file__).resolve().parents[1] / "data" / "references"


def test_each_rule_names_the_node_and_the_reference() -> None:
    report = lm.validate(lm.load(DATA / "model.yaml"), select=["LM8"])
    found = {(f.code, f.subject, f.path) for f in report.findings}
    assert found == {
        ("LM801", "placering", "$.nodes[0].unit_cost.ref"),
        ("LM802", "stod", "$.nodes[1].cost.ref"),
        ("LM803", "effekt", "$.nodes[3].values[0].amount.ref"),
    }
    (old,) = [f for f in report.findings if f.code == "LM801"]
    assert "6 price years before the model's 2026" in old.message
    swedish = lm.validate(lm.load(DATA / "model.yaml"), select=["LM801"], lang="sv")
    assert "6 prisår före modellens 2026" in swedish.findings[0].message


def test_five_price_years_are_not_too_old(tmp_path: Path) -> None:
    shutil.copy(DATA / "kommun.yaml", tmp_path / "kommun.yaml")
    text = (DATA / "model.yaml").read_text(encoding="utf-8")
    (tmp_path / "model.yaml").write_text(text.replace("price_year: 2026", "price_year: 2025"))
    catalogue = (tmp_path / "kommun.yaml").read_text(encoding="utf-8")
    catalogue = catalogue.replace("2026: 121.5", "2025: 121.5")
    (tmp_path / "kommun.yaml").write_text(
        catalogue.replace("price_year: 2026}", "price_year: 2025}")
    )
    model = lm.load(tmp_path / "model.yaml")
    codes = [f.code for f in lm.validate(model, select=["LM801"]).findings]
    assert codes == []  # 2025 − 2020 = 5


def test_a_model_without_references_gets_none_of_them() -> None:
    model = lm.loads("logikmodell: 1\ntitle: T\n")
    assert lm.validate(model, select=["LM8"]).findings == ()
