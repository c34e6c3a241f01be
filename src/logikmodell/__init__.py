"""logikmodell: logic models for social investments.

Model a social investment's logic model as a typed graph, read and write it as
YAML, JSON or TOML, and check it, cost it, appraise it and draw it.

Example:
    >>> import logikmodell as lm
    >>> model = lm.loads("logikmodell: 1\\ntitle: Fullföljda studier\\n")
    >>> model.title
    'Fullföljda studier'
"""

from logikmodell.costs import CostAttribution, CostAttributionError, attribute_costs
from logikmodell.errors import (
    AppraisalError,
    DuplicateIdError,
    InvalidValueError,
    LoadError,
    LogikmodellError,
    Problem,
    UnitError,
    UnknownIdError,
    WriteError,
)
from logikmodell.followup import Flag, FollowUp, Status, follow_up
from logikmodell.graph import LogicModel
from logikmodell.io import (
    DumpError,
    Limits,
    dump,
    dumps,
    load,
    load_catalogue,
    loads,
    loads_catalogue,
)
from logikmodell.model import (
    Activity,
    Actor,
    Actual,
    Aggregation,
    Catalogue,
    CatalogueEntry,
    Direction,
    Economics,
    Effect,
    Evidence,
    Impact,
    Indicator,
    Link,
    LongTermOutcome,
    ModelInfo,
    Money,
    Need,
    Node,
    NodeKind,
    Observation,
    Outcome,
    Output,
    Period,
    PriceIndex,
    Quantity,
    RateBand,
    Resource,
    Risk,
    ShortTermOutcome,
    TargetGroup,
    Transfer,
    Valuation,
    ValueType,
)
from logikmodell.rendering import GraphvizNotFoundError, render, to_dot
from logikmodell.rendering.report import report
from logikmodell.returns import Appraisal, appraise
from logikmodell.validation import Finding, Report, Severity, ValidationFailed, validate

#: The version of this release of logikmodell.
__version__ = "0.1.0.dev0"

__all__ = [
    "Activity",
    "Actor",
    "Actual",
    "Aggregation",
    "Appraisal",
    "AppraisalError",
    "Catalogue",
    "CatalogueEntry",
    "CostAttribution",
    "CostAttributionError",
    "Direction",
    "DumpError",
    "DuplicateIdError",
    "Economics",
    "Effect",
    "Evidence",
    "Finding",
    "Flag",
    "FollowUp",
    "GraphvizNotFoundError",
    "Impact",
    "Indicator",
    "InvalidValueError",
    "Limits",
    "Link",
    "LoadError",
    "LogicModel",
    "LogikmodellError",
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
    "Problem",
    "Quantity",
    "RateBand",
    "Report",
    "Resource",
    "Risk",
    "Severity",
    "ShortTermOutcome",
    "Status",
    "TargetGroup",
    "Transfer",
    "UnitError",
    "UnknownIdError",
    "ValidationFailed",
    "Valuation",
    "ValueType",
    "WriteError",
    "__version__",
    "appraise",
    "attribute_costs",
    "dump",
    "dumps",
    "follow_up",
    "load",
    "load_catalogue",
    "loads",
    "loads_catalogue",
    "render",
    "report",
    "to_dot",
    "validate",
]
