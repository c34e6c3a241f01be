"""Hand-computed cost attributions: every figure below is worked out on paper."""

from __future__ import annotations

from fractions import Fraction

import pytest
from costs_helpers import model, ore

import logikmodell as lm
from logikmodell.costs import UNASSIGNED, CostAttributionError, attribute_costs
from logikmodell.costs.attribution import STAGES_NOTE
from logikmodell.model import NodeKind, allocate


def _ore_map(mapping: object) -> dict[object, int | None]:
    assert hasattr(mapping, "items")
    return {key: ore(value) for key, value in mapping.items()}


def test_equal_split_gives_the_remainder_to_the_first_targets_by_id() -> None:
    # 100.00 SEK over three links: 33.34 + 33.33 + 33.33; the extra öre goes to the
    # first target by id (o1), whatever the order of the links in the file.
    m = model(
        """
        - {id: r, kind: resource, label: R, cost: 100 SEK}
        - {id: a, kind: activity, label: A}
        - {id: o3, kind: output, label: O3}
        - {id: o1, kind: output, label: O1}
        - {id: o2, kind: output, label: O2}
        """,
        """
        - {from: r, to: a}
        - {from: a, to: o3}
        - {from: a, to: o2}
        - {from: a, to: o1}
        """,
    )
    costs = attribute_costs(m)
    assert _ore_map(costs.attributed) == {
        "r": 10000,
        "a": 10000,
        "o3": 3333,
        "o1": 3334,
        "o2": 3333,
    }
    assert costs.terminal == frozenset({"o1", "o2", "o3"})
    assert dict(costs.unallocated) == {}


def test_equal_split_of_a_single_ore_and_of_two() -> None:
    m = model(
        """
        - {id: r, kind: resource, label: R, cost: "0,02 SEK"}
        - {id: a, kind: activity, label: A}
        - {id: x, kind: output, label: X}
        - {id: y, kind: output, label: Y}
        - {id: z, kind: output, label: Z}
        """,
        "- {from: r, to: a}\n- {from: a, to: x}\n- {from: a, to: y}\n- {from: a, to: z}",
    )
    costs = attribute_costs(m)
    assert [ore(costs.attributed[id]) for id in "xyz"] == [1, 1, 0]


def test_explicit_shares_and_the_free_link_takes_the_rest() -> None:
    # 1 000.01 SEK = 100 001 öre: x 1/4, y 1/2, z (no share) the remaining 1/4.
    # Exact: 25 000.25, 50 000.50, 25 000.25; floors sum to 100 000; the one öre left
    # goes to the largest remainder, y.
    m = model(
        """
        - {id: r, kind: resource, label: R, cost: "1 000,01 SEK"}
        - {id: a, kind: activity, label: A}
        - {id: x, kind: output, label: X}
        - {id: y, kind: output, label: Y}
        - {id: z, kind: output, label: Z}
        """,
        """
        - {from: r, to: a}
        - {from: a, to: x, share: 0.25}
        - {from: a, to: y, share: 0.5}
        - {from: a, to: z}
        """,
    )
    costs = attribute_costs(m)
    assert [ore(costs.attributed[id]) for id in "xyz"] == [25000, 50001, 25000]


def test_free_links_share_the_remainder_equally() -> None:
    # 900 SEK: x takes 1/3 (300), y and z split the other 600 equally.
    m = model(
        """
        - {id: r, kind: resource, label: R, cost: 900 SEK}
        - {id: a, kind: activity, label: A}
        - {id: x, kind: output, label: X}
        - {id: y, kind: output, label: Y}
        - {id: z, kind: output, label: Z}
        """,
        """
        - {from: r, to: a, share: 1}
        - {from: a, to: x, share: 0.5}
        - {from: a, to: y}
        - {from: a, to: z}
        """,
    )
    costs = attribute_costs(m)
    assert [ore(costs.attributed[id]) for id in "xyz"] == [45000, 22500, 22500]


def test_shares_below_one_leave_the_rest_unallocated_at_the_node() -> None:
    # 0.07 SEK = 7 öre; weights 0.3, 0.5 and the unallocated 0.2: exact 2.1, 3.5, 1.4;
    # floors 2, 3, 1 (6), the seventh öre to the largest remainder (y, 0.5).
    m = model(
        """
        - {id: r, kind: resource, label: R, cost: "0,07 SEK"}
        - {id: a, kind: activity, label: A}
        - {id: x, kind: output, label: X}
        - {id: y, kind: output, label: Y}
        """,
        """
        - {from: r, to: a}
        - {from: a, to: x, share: 0.3}
        - {from: a, to: y, share: 0.5}
        """,
    )
    costs = attribute_costs(m)
    assert [ore(costs.attributed[id]) for id in "axy"] == [7, 2, 4]
    assert _ore_map(costs.unallocated) == {"a": 1}
    total = ore(costs.total)
    terminal = sum(ore(costs.attributed[id]) or 0 for id in costs.terminal)
    assert terminal + sum(ore(m) or 0 for m in costs.unallocated.values()) == total == 7


def test_unallocated_rest_of_a_resource_and_a_zero_rest_is_still_listed() -> None:
    m = model(
        """
        - {id: r, kind: resource, label: R, cost: 1000 SEK}
        - {id: tom, kind: resource, label: Tom}
        - {id: a, kind: activity, label: A}
        """,
        "- {from: r, to: a, share: 0.6}\n- {from: tom, to: a, share: 0.5}",
    )
    costs = attribute_costs(m)
    assert _ore_map(costs.unallocated) == {"r": 40000, "tom": 0}
    assert ore(costs.attributed["a"]) == 60000
    assert ore(costs.attributed["tom"]) == 0


def test_payers_sum_resource_costs_and_unassigned_collects_the_rest() -> None:
    m = model(
        """
        - {id: r1, kind: resource, label: R1, cost: 100 SEK, payer: soc}
        - {id: r2, kind: resource, label: R2, cost: 250 SEK, payer: utb}
        - {id: r3, kind: resource, label: R3, cost: 50 SEK, payer: utb}
        - {id: r4, kind: resource, label: R4, cost: 7 SEK}
        - {id: r5, kind: resource, label: R5, payer: region}
        """,
        extra="""
        actors:
          - {id: utb, label: Utbildning}
          - {id: soc, label: Social}
          - {id: region, label: Region}
        """,
    )
    costs = attribute_costs(m)
    assert list(costs.payers) == ["utb", "soc", "region", UNASSIGNED]
    assert _ore_map(costs.payers) == {"utb": 30000, "soc": 10000, "region": 0, UNASSIGNED: 700}
    assert ore(costs.total) == 40700


def test_units_are_reduced_exactly() -> None:
    m = model(
        """
        - {id: tid, kind: resource, label: Tid, quantity: 120 hour, unit_cost: 450 kr/hour}
        - {id: bidrag, kind: resource, label: Bidrag, cost: "1,5 MSEK"}
        - {id: lokal, kind: resource, label: Lokal, quantity: 6 month, unit_cost: 120 kSEK/year}
        - {id: tjanst, kind: resource, label: Tjänst, quantity: "0,5 fte", unit_cost: 600 tkr/fte}
        """
    )
    costs = attribute_costs(m)
    assert _ore_map(costs.attributed) == {
        "tid": 5400000,
        "bidrag": 150000000,
        "lokal": 6000000,
        "tjanst": 30000000,
    }
    assert ore(costs.total) == 191400000


def test_schedules_split_each_node_over_the_years_conserving_both_ways() -> None:
    # 0.03 SEK over {0: 0.5, 1: 0.5}: 2 öre in year 0, 1 öre in year 1. The activity
    # splits 3 öre equally: x 2, y 1. x takes its years first, in proportion to
    # (2, 1) of 3: exact 4/3 and 2/3, floors 1 and 0, the öre left to year 1 →
    # (1, 1); y takes what is left: (1, 0).
    m = model(
        """
        - {id: r, kind: resource, label: R, cost: "0,03 SEK", schedule: {0: 0.5, 1: 0.5}}
        - {id: late, kind: resource, label: Late, cost: 10 SEK, year: 3}
        - {id: a, kind: activity, label: A}
        - {id: x, kind: output, label: X}
        - {id: y, kind: output, label: Y}
        """,
        "- {from: r, to: a}\n- {from: a, to: x}\n- {from: a, to: y}\n- {from: late, to: y}",
    )
    costs = attribute_costs(m)
    assert _ore_map(costs.years) == {0: 2, 1: 1, 3: 1000}
    assert _ore_map(costs.by_year["r"]) == {0: 2, 1: 1, 3: 0}
    assert _ore_map(costs.by_year["a"]) == {0: 2, 1: 1, 3: 0}
    assert _ore_map(costs.by_year["x"]) == {0: 1, 1: 1, 3: 0}
    assert _ore_map(costs.by_year["y"]) == {0: 1, 1: 0, 3: 1000}
    assert ore(costs.attributed["y"]) == 1001


def test_single_year_models_report_that_year_for_every_node() -> None:
    m = model(
        """
        - {id: r, kind: resource, label: R, cost: 10 SEK, year: 2}
        - {id: a, kind: activity, label: A}
        """,
        "- {from: r, to: a, share: 0.5}",
    )
    costs = attribute_costs(m)
    assert _ore_map(costs.by_year["a"]) == {2: 500}
    assert _ore_map(costs.unallocated_by_year["r"]) == {2: 500}


def test_upstream_counts_each_resource_once_and_is_not_additive() -> None:
    # Diamond: r → a → (o1, o2) → s. s gets all of r's cost once; the outputs'
    # upstream is r each, so upstream does not add up across nodes.
    m = model(
        """
        - {id: r, kind: resource, label: R, cost: 100 SEK}
        - {id: r2, kind: resource, label: R2, cost: 30 SEK}
        - {id: a, kind: activity, label: A}
        - {id: b, kind: activity, label: B}
        - {id: o1, kind: output, label: O1}
        - {id: o2, kind: output, label: O2}
        - {id: s, kind: short_term_outcome, label: S}
        """,
        """
        - {from: r, to: a}
        - {from: r2, to: b}
        - {from: a, to: o1}
        - {from: a, to: o2}
        - {from: b, to: o2}
        - {from: o1, to: s}
        - {from: o2, to: s}
        """,
    )
    costs = attribute_costs(m)
    assert _ore_map(costs.upstream) == {
        "r": 10000,
        "r2": 3000,
        "a": 10000,
        "b": 3000,
        "o1": 10000,
        "o2": 13000,
        "s": 13000,
    }
    assert _ore_map(costs.attributed) == {
        "r": 10000,
        "r2": 3000,
        "a": 10000,
        "b": 3000,
        "o1": 5000,
        "o2": 8000,
        "s": 13000,
    }


def test_per_unit_is_exact_for_count_quantities_only() -> None:
    m = model(
        """
        - {id: r, kind: resource, label: R, cost: 100 SEK}
        - {id: a, kind: activity, label: A}
        - {id: elever, kind: output, label: Elever, quantity: 3 person}
        - {id: andel, kind: output, label: Andel, quantity: 20 percent}
        - {id: ingen, kind: output, label: Ingen, quantity: 0 person}
        - {id: bar, kind: output, label: Bar, quantity: 4}
        - {id: utan, kind: output, label: Utan}
        """,
        """
        - {from: r, to: a}
        - {from: a, to: elever, share: 0.5}
        - {from: a, to: andel, share: 0.1}
        - {from: a, to: ingen, share: 0.1}
        - {from: a, to: bar, share: 0.2}
        - {from: a, to: utan, share: 0.1}
        """,
    )
    costs = attribute_costs(m)
    elever = costs.per_unit["elever"]
    assert elever is not None
    assert elever.amount == Fraction(50, 3)  # 50 SEK ÷ 3 persons, exact
    assert costs.to_dict()["nodes"]["elever"]["per_unit"] == "16.67"  # type: ignore[index]
    assert costs.per_unit["bar"] == lm.Money(5)
    assert costs.per_unit["andel"] is None
    assert costs.per_unit["ingen"] is None
    assert costs.per_unit["utan"] is None
    assert costs.per_unit["r"] is None
    assert costs.per_unit["a"] is None


def test_links_that_validate_rejects_still_carry_cost() -> None:
    # An output linking back to an activity (LM102) passes its cost on all the same.
    m = model(
        """
        - {id: r, kind: resource, label: R, cost: 10 SEK}
        - {id: a, kind: activity, label: A}
        - {id: o, kind: output, label: O}
        - {id: b, kind: activity, label: B}
        """,
        "- {from: r, to: a}\n- {from: a, to: o}\n- {from: o, to: b}",
    )
    costs = attribute_costs(m)
    assert ore(costs.attributed["b"]) == 1000
    assert costs.terminal == frozenset({"b"})


def test_needs_are_not_part_of_the_attribution() -> None:
    m = model(
        """
        - {id: behov, kind: need, label: Behov}
        - {id: r, kind: resource, label: R, cost: 10 SEK}
        """
    )
    costs = attribute_costs(m)
    assert list(costs.attributed) == ["r"]


def test_stage_totals_and_cost_per_participant() -> None:
    m = model(
        """
        - {id: r, kind: resource, label: R, cost: 1000 SEK}
        - {id: a, kind: activity, label: A}
        - {id: o, kind: output, label: O}
        - {id: s1, kind: short_term_outcome, label: S1}
        - {id: s2, kind: short_term_outcome, label: S2}
        """,
        "- {from: r, to: a}\n- {from: a, to: o}\n- {from: o, to: s1}\n- {from: s1, to: s2}",
        extra="target_group: {label: Elever, size: 3}\n",
    )
    costs = attribute_costs(m)
    assert _ore_map(costs.stages) == {
        NodeKind.RESOURCE: 100000,
        NodeKind.ACTIVITY: 100000,
        NodeKind.OUTPUT: 100000,
        # The cost passes through both short-term outcomes: counted at each.
        NodeKind.SHORT_TERM_OUTCOME: 200000,
        NodeKind.LONG_TERM_OUTCOME: 0,
        NodeKind.IMPACT: 0,
    }
    assert costs.per_participant == lm.Money(Fraction(1000, 3))


def test_no_target_group_size_means_no_cost_per_participant() -> None:
    m = model(
        "- {id: r, kind: resource, label: R, cost: 1000 SEK}", extra="target_group: {label: X}\n"
    )
    assert attribute_costs(m).per_participant is None


def test_to_dict_follows_the_design_exactly() -> None:
    m = model(
        """
        - {id: r, kind: resource, label: R, cost: "1 000,005 SEK", payer: utb}
        - {id: a, kind: activity, label: A}
        - {id: o, kind: output, label: O, quantity: 3 person}
        """,
        "- {from: r, to: a}\n- {from: a, to: o, share: 0.5}",
        extra="currency: SEK\nactors: [{id: utb, label: U}]\n",
    )
    # 1 000.005 SEK rounds once, half away from zero, to 100 001 öre.
    assert attribute_costs(m).to_dict() == {
        "currency": "SEK",
        "total": "1000.01",
        "nodes": {
            "r": {"attributed": "1000.01", "upstream": "1000.01", "per_unit": None},
            "a": {"attributed": "1000.01", "upstream": "1000.01", "per_unit": None},
            "o": {"attributed": "500.01", "upstream": "1000.01", "per_unit": "166.67"},
        },
        "unallocated": {"a": "500.00"},
        "payers": {"utb": "1000.01"},
        "per_participant": None,
        "years": [{"year": 0, "cost": "1000.01"}],
        "stages": {
            "additive": False,
            "note": STAGES_NOTE,
            "totals": {"resource": "1000.01", "activity": "1000.01", "output": "500.01"},
        },
    }


def test_an_empty_model_costs_nothing() -> None:
    costs = attribute_costs(lm.loads("logikmodell: 1\ntitle: Tom\n"))
    assert costs.to_dict() == {
        "currency": "SEK",
        "total": "0.00",
        "nodes": {},
        "unallocated": {},
        "payers": {},
        "per_participant": None,
        "years": [],
        "stages": {"additive": False, "note": STAGES_NOTE, "totals": {}},
    }
    assert dict(costs.years) == {}


def test_other_currencies_are_kept() -> None:
    m = model("- {id: r, kind: resource, label: R, cost: 2 kEUR}", extra="currency: EUR\n")
    costs = attribute_costs(m)
    assert costs.currency == "EUR"
    assert costs.total == lm.Money(2000, "EUR")


# ---------------------------------------------------------------------- refusal
def test_a_cycle_is_refused_with_the_lm101_finding() -> None:
    m = model(
        """
        - {id: r, kind: resource, label: R, cost: 10 SEK}
        - {id: a, kind: activity, label: A}
        - {id: s1, kind: short_term_outcome, label: S1}
        - {id: s2, kind: short_term_outcome, label: S2}
        """,
        "- {from: r, to: a}\n- {from: a, to: s1}\n- {from: s1, to: s2}\n- {from: s2, to: s1}",
    )
    with pytest.raises(CostAttributionError) as caught:
        attribute_costs(m)
    assert [f.code for f in caught.value.findings] == ["LM101"]
    assert set(caught.value.findings[0].nodes) == {"s1", "s2"}
    assert isinstance(caught.value, ValueError)
    assert "LM101" in str(caught.value)


def test_over_allocated_shares_are_refused_with_lm601_findings() -> None:
    m = model(
        """
        - {id: r, kind: resource, label: R, cost: 10 SEK}
        - {id: a, kind: activity, label: A}
        - {id: b, kind: activity, label: B}
        - {id: o, kind: output, label: O}
        """,
        """
        - {from: r, to: a, share: 0.6}
        - {from: r, to: b, share: 0.5}
        - {from: a, to: o}
        - {from: b, to: a}
        - {from: o, to: b}
        """,
    )
    with pytest.raises(CostAttributionError) as caught:
        attribute_costs(m)
    assert sorted(f.code for f in caught.value.findings) == ["LM101", "LM601"]
    assert all(f.severity == "error" for f in caught.value.findings)


def test_shares_summing_to_exactly_one_are_accepted() -> None:
    m = model(
        """
        - {id: r, kind: resource, label: R, cost: 10 SEK}
        - {id: a, kind: activity, label: A}
        - {id: b, kind: activity, label: B}
        - {id: c, kind: activity, label: C}
        """,
        "- {from: r, to: a, share: 0.7}\n- {from: r, to: b, share: 0.3}\n- {from: r, to: c}",
    )
    costs = attribute_costs(m)
    assert [ore(costs.attributed[id]) for id in "abc"] == [700, 300, 0]


# ---------------------------------------------------------------------- splitting
@pytest.mark.parametrize(
    ("total", "weights"),
    [
        (100, [1, 1, 1]),
        (7, [3, 5, 2]),
        (1, [1, 1]),
        (0, [1, 2]),
        (5, [0, 0]),
        (10**17 + 3, [7, 11, 13, 0, 1]),
    ],
)
def test_integer_splitting_is_the_allocate_of_the_model(total: int, weights: list[int]) -> None:
    assert allocate(total, weights, weight_sum=sum(weights)) == allocate(total, weights)


def test_a_part_that_takes_everything_leaves_no_years_for_the_next() -> None:
    # 1 öre over two targets: 1 + 0. The second target gets nothing in any year.
    m = model(
        """
        - {id: r, kind: resource, label: R, cost: "0,01 SEK", schedule: {0: 0.5, 1: 0.5}}
        - {id: a, kind: activity, label: A}
        - {id: b, kind: activity, label: B}
        """,
        "- {from: r, to: a}\n- {from: r, to: b}",
    )
    costs = attribute_costs(m)
    assert _ore_map(costs.by_year["a"]) == {0: 1, 1: 0}
    assert _ore_map(costs.by_year["b"]) == {0: 0, 1: 0}


def test_per_unit_in_json_rounds_half_away_from_zero() -> None:
    # 0.05 SEK over 2 persons is 2.5 öre each: written as 0.03.
    m = model(
        """
        - {id: r, kind: resource, label: R, cost: "0,05 SEK"}
        - {id: o, kind: output, label: O, quantity: 2 person}
        """,
        "- {from: r, to: o}",
    )
    costs = attribute_costs(m)
    assert costs.per_unit["o"] == lm.Money(Fraction(1, 40))
    assert costs.to_dict()["nodes"]["o"]["per_unit"] == "0.03"  # type: ignore[index]
