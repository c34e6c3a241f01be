"""The domain model: frozen value types, no I/O, no graph library."""

from logikmodell.model.catalogue import (
    Catalogue,
    CatalogueEntry,
    CatalogueLink,
    PriceIndex,
    Reference,
    ReferencedQuantity,
    resolve_reference,
)
from logikmodell.model.elements import (
    Actor,
    Economics,
    Indicator,
    Link,
    Observation,
    Period,
    RateBand,
    Risk,
    TargetGroup,
)
from logikmodell.model.enums import Aggregation, Direction, Effect, Evidence, NodeKind, ValueType
from logikmodell.model.frozen import FrozenDict, FrozenList
from logikmodell.model.header import FORMAT_VERSION, ModelInfo
from logikmodell.model.money import Money, allocate
from logikmodell.model.nodes import (
    Activity,
    Actual,
    Impact,
    LongTermOutcome,
    Need,
    Node,
    Outcome,
    Output,
    Resource,
    ShortTermOutcome,
    Valuation,
    node_class,
)
from logikmodell.model.quantity import Quantity
from logikmodell.model.transfers import Transfer

__all__ = [
    "FORMAT_VERSION",
    "Activity",
    "Actor",
    "Actual",
    "Aggregation",
    "Catalogue",
    "CatalogueEntry",
    "CatalogueLink",
    "Direction",
    "Economics",
    "Effect",
    "Evidence",
    "FrozenDict",
    "FrozenList",
    "Impact",
    "Indicator",
    "Link",
    "LongTermOutcome",
    "ModelInfo",
    "Money",
    "Need",
    "Node",
    "NodeKind",
    "Observation",
    "Outcome",
    "Output",
    "Period",
    "PriceIndex",
    "Quantity",
    "RateBand",
    "Reference",
    "ReferencedQuantity",
    "Resource",
    "Risk",
    "ShortTermOutcome",
    "TargetGroup",
    "Transfer",
    "Valuation",
    "ValueType",
    "allocate",
    "node_class",
    "resolve_reference",
]
