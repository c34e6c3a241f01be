"""The closed vocabularies of the file format."""

from __future__ import annotations

import enum

__all__ = ["Aggregation", "Direction", "Effect", "Evidence", "NodeKind", "ValueType"]


class NodeKind(enum.StrEnum):
    """The kinds of node, in chain order (``need`` stands beside the chain)."""

    NEED = "need"
    RESOURCE = "resource"
    ACTIVITY = "activity"
    OUTPUT = "output"
    SHORT_TERM_OUTCOME = "short_term_outcome"
    LONG_TERM_OUTCOME = "long_term_outcome"
    IMPACT = "impact"

    @property
    def stage(self) -> int:
        """Position in the chain: resource 0 … impact 5; need is -1 (beside it)."""
        return _STAGES[self]

    @property
    def is_goal(self) -> bool:
        """Goals are long-term outcomes and impacts."""
        return self in (NodeKind.LONG_TERM_OUTCOME, NodeKind.IMPACT)

    @property
    def is_outcome(self) -> bool:
        """Short- and long-term outcomes and impacts: the kinds with a direction."""
        return self.stage >= 3


_STAGES = {kind: index - 1 for index, kind in enumerate(NodeKind)}


class Direction(enum.StrEnum):
    """Which way an outcome should move."""

    INCREASE = "increase"
    DECREASE = "decrease"

    @property
    def sign(self) -> int:
        """+1 for increase, -1 for decrease."""
        return 1 if self is Direction.INCREASE else -1


class Effect(enum.StrEnum):
    """What more of a link's source does to its target."""

    INCREASES = "increases"
    DECREASES = "decreases"

    @property
    def sign(self) -> int:
        """+1 for increases, -1 for decreases."""
        return 1 if self is Effect.INCREASES else -1


class Evidence(enum.StrEnum):
    """How well a causal link is supported, strongest first."""

    RESEARCH = "research"
    PROVEN_EXPERIENCE = "proven_experience"
    ASSUMPTION = "assumption"


class ValueType(enum.StrEnum):
    """What kind of value a valuation is (the fiscal, economic and social value of GMCA).

    ``fiscal`` is a saving in a public budget, ``economic`` a wider economic benefit
    such as earnings, ``social`` a gain in wellbeing. An actor's financial case counts
    fiscal value alone.
    """

    FISCAL = "fiscal"
    ECONOMIC = "economic"
    SOCIAL = "social"


class Aggregation(enum.StrEnum):
    """How an indicator's measurements add up over time.

    ``period`` (the default): each measurement describes its own period (a share of
    attendance this term, participants this month). ``cumulative``: each measurement
    is the running total so far, so the latest value is the total. Follow-up compares
    the latest measurement with the target in both cases; the field says what that
    latest value means.
    """

    PERIOD = "period"
    CUMULATIVE = "cumulative"
