"""Transfers between actors: what a model takes, refuses, and keeps on round trip."""

from __future__ import annotations

import pytest

import logikmodell as lm
from logikmodell.model import Actor, Impact, Need, Transfer

_ACTORS = [Actor(id="fond", label="Fonden"), Actor(id="soc", label="Socialnämnden")]


def _model(*transfers: Transfer) -> lm.LogicModel:
    return lm.LogicModel(
        title="T",
        actors=_ACTORS,
        nodes=[
            Impact(id="o", label="O", quantity="10 person"),
            Impact(id="bare", label="Bare"),
            Need(id="need", label="Need"),
        ],
        transfers=transfers,
    )


def test_a_fixed_amount_falls_in_its_year_or_by_its_schedule() -> None:
    loan = Transfer(id="lan", label="Lån", from_actor="fond", to_actor="soc", amount="1 MSEK")
    back = Transfer(
        id="ater",
        label="Återföring",
        from_actor="soc",
        to_actor="fond",
        amount="600 kSEK",
        schedule={1: "0.5", 2: "0.5"},
    )
    model = _model(loan, back)
    assert model.transfers == (loan, back)
    assert loan.years == {0: 1}
    assert back.years == {1: lm.Quantity(value="0.5").value, 2: lm.Quantity(value="0.5").value}


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({"to_actor": "fond"}, "to", "not from 'fond' to itself"),
        ({"rate": "5 SEK/person"}, "rate", "either amount or rate"),
        ({"amount": None}, "amount", "give an amount, or a rate"),
        ({"amount": None, "rate": "5 SEK/person"}, "outcome", "name the outcome"),
        ({"outcome": "o"}, "outcome", "goes with a rate"),
        ({"year": 1, "schedule": {1: 1}}, "schedule", "either year or schedule"),
        ({"amount_low": "2 SEK"}, "amount_low", "at most amount"),
    ],
)
def test_a_transfer_refuses_what_makes_no_sense(
    fields: dict[str, object], field: str, message: str
) -> None:
    base: dict[str, object] = {
        "id": "t",
        "label": "T",
        "from_actor": "soc",
        "to_actor": fields.get("to_actor", "fond"),
        "amount": "1 SEK",
    }
    base.update(fields)
    if "to_actor" in fields:
        base["from_actor"] = "fond"
    with pytest.raises(lm.InvalidValueError, match=message) as info:
        Transfer(**base)  # type: ignore[arg-type]
    assert info.value.field == field


def test_a_rate_on_a_benefit_year_takes_no_year() -> None:
    with pytest.raises(lm.InvalidValueError, match="benefit years"):
        Transfer(
            id="t",
            label="T",
            from_actor="soc",
            to_actor="fond",
            rate="1 SEK/person",
            outcome="o",
            year=2,
        )


@pytest.mark.parametrize(
    ("transfer", "error", "message"),
    [
        (
            Transfer(id="t", label="T", from_actor="ghost", to_actor="soc", amount="1 SEK"),
            lm.UnknownIdError,
            "ghost",
        ),
        (
            Transfer(id="t", label="T", from_actor="soc", to_actor="fond", amount="1 EUR"),
            lm.UnitError,
            "expected an amount in SEK",
        ),
        (
            Transfer(
                id="t",
                label="T",
                from_actor="soc",
                to_actor="fond",
                rate="1 SEK/visit",
                outcome="o",
            ),
            lm.UnitError,
            "rate × the quantity of 'o'",
        ),
        (
            Transfer(
                id="t",
                label="T",
                from_actor="soc",
                to_actor="fond",
                rate="1 SEK/person",
                outcome="bare",
            ),
            lm.InvalidValueError,
            "no quantity",
        ),
        (
            Transfer(
                id="t",
                label="T",
                from_actor="soc",
                to_actor="fond",
                rate="1 SEK/person",
                outcome="need",
            ),
            lm.InvalidValueError,
            "not an outcome",
        ),
        (
            Transfer(
                id="o",
                label="T",
                from_actor="soc",
                to_actor="fond",
                amount="1 SEK",
            ),
            lm.DuplicateIdError,
            "'o'",
        ),
    ],
)
def test_a_model_checks_a_transfer_s_references_and_units(
    transfer: Transfer, error: type[Exception], message: str
) -> None:
    model = _model()
    with pytest.raises(error, match=message):
        model.add_transfer(transfer)
    assert model.transfers == ()


def test_removing_an_outcome_removes_the_transfers_paid_on_it() -> None:
    paid = Transfer(
        id="t", label="T", from_actor="soc", to_actor="fond", rate="1 SEK/person", outcome="o"
    )
    fixed = Transfer(id="f", label="F", from_actor="soc", to_actor="fond", amount="1 SEK")
    model = _model(paid, fixed)
    copy = model.copy()
    model.remove_node("o")
    assert model.transfers == (fixed,)
    assert copy.transfers == (paid, fixed)
    assert model.remove_transfer("f") == fixed
    with pytest.raises(lm.UnknownIdError):
        model.remove_transfer("f")


def test_an_outcome_that_a_rate_is_paid_on_keeps_its_quantity() -> None:
    model = _model(
        Transfer(
            id="t", label="T", from_actor="soc", to_actor="fond", rate="1 SEK/person", outcome="o"
        )
    )
    with pytest.raises(lm.InvalidValueError, match="no quantity"):
        model.replace_node(Impact(id="o", label="O"))


@pytest.mark.parametrize("fmt", ["yaml", "json", "toml"])
def test_transfers_round_trip_in_every_format(fmt: str) -> None:
    model = _model(
        Transfer(
            id="t",
            label="Utfall",
            from_actor="soc",
            to_actor="fond",
            rate="1 SEK/person",
            rate_low="0,5 SEK/person",
            rate_high="2 SEK/person",
            outcome="o",
            source="Avtalet",
            metadata={"paragraf": "4.2"},
        ),
        Transfer(
            id="f",
            label="Återföring",
            from_actor="soc",
            to_actor="fond",
            amount="600 000 SEK",
            schedule={1: "0.25", 2: "0.75"},
        ),
    )
    text = lm.dumps(model, fmt)
    again = lm.loads(text, fmt)
    assert again == model
    assert lm.dumps(again, fmt) == text
    assert lm.loads(text, fmt).transfers[0].from_actor == "soc"
