"""Validation: the rule catalogue LM101–LM705 and the report of its findings.

Example:
    >>> import logikmodell as lm
    >>> from logikmodell.examples import load_example
    >>> lm.validate(load_example()).ok
    True
"""

from logikmodell.validation.engine import validate
from logikmodell.validation.findings import Finding, Report, Severity, ValidationFailed
from logikmodell.validation.registry import Hit, Place, Rule, get_rule, rules, select_rules

__all__ = [
    "Finding",
    "Hit",
    "Place",
    "Report",
    "Rule",
    "Severity",
    "ValidationFailed",
    "get_rule",
    "rules",
    "select_rules",
    "validate",
]
