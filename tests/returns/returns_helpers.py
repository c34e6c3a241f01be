"""Small models for the returns tests."""

from __future__ import annotations

from logikmodell.graph import LogicModel
from logikmodell.io import loads

HEADER = """logikmodell: 1
title: Test
currency: SEK
"""


def model(
    body: str, economics: str = "economics: {discount_rate: 0, horizon_years: 10}\n"
) -> LogicModel:
    """A model from YAML below a fixed header."""
    return loads(HEADER + economics + body)


SIMPLE = """actors:
  - {id: kommun, label: Kommunen}
  - {id: stat, label: Staten}
nodes:
  - {id: r, kind: resource, label: R, cost: 1000 SEK, payer: kommun}
  - {id: a, kind: activity, label: A}
  - id: o
    kind: long_term_outcome
    label: O
    quantity: 2 person
    start_year: 1
    duration_years: 3
    values:
      - {actor: kommun, amount: 100 SEK/person/year}
      - {actor: stat, amount: 200 SEK/person/year}
links:
  - {from: r, to: a}
  - {from: a, to: o}
"""


RANGED = """actors:
  - {id: kommun, label: Kommunen}
  - {id: stat, label: Staten}
nodes:
  - {id: r, kind: resource, label: R, quantity: 2 year, quantity_low: 1 year,
     quantity_high: 3 year, unit_cost: 500 SEK/year, unit_cost_low: 400 SEK/year,
     unit_cost_high: 700 SEK/year, payer: kommun}
  - {id: r2, kind: resource, label: R2, cost: 100 SEK, cost_low: 50 SEK, cost_high: 300 SEK,
     payer: stat, schedule: {0: 0.5, 1: 0.5}}
  - {id: a, kind: activity, label: A}
  - id: o
    kind: long_term_outcome
    label: O
    quantity: 2 person
    quantity_low: 1 person
    quantity_high: 4 person
    deadweight: 0.2
    deadweight_low: 0.1
    deadweight_high: 0.5
    attribution: 0.1
    attribution_high: 0.3
    displacement: 0
    displacement_high: 0.2
    drop_off: 0.2
    drop_off_low: 0
    drop_off_high: 0.6
    start_year: 1
    duration_years: 4
    values:
      - {actor: kommun, amount: 100 SEK/person/year, amount_low: 80 SEK/person/year,
         amount_high: 150 SEK/person/year}
      - {actor: stat, amount: 200 SEK/person/year}
links:
  - {from: r, to: a}
  - {from: r2, to: a}
  - {from: a, to: o}
"""

RANGED_ECONOMICS = (
    "economics: {discount_rate: 0.035, discount_rate_low: 0.01, discount_rate_high: 0.08, "
    "horizon_years: 10}\n"
)
