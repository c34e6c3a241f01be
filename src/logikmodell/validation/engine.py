"""``validate``: run the rules on a model and collect a report."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from logikmodell._arguments import check_type
from logikmodell.graph import LogicModel
from logikmodell.i18n import Lang, resolve_lang
from logikmodell.validation._context import Context
from logikmodell.validation.findings import Finding, Report
from logikmodell.validation.registry import select_rules

__all__ = ["validate"]


def validate(
    model: LogicModel,
    *,
    select: Iterable[str] | None = None,
    ignore: Iterable[str] | None = None,
    lang: Lang | None = None,
    as_of: dt.date | None = None,
) -> Report:
    """Check a model against the rule catalogue and report every finding.

    Never raises on a loaded model: every problem is a finding. On a model with a
    cycle (LM101) the other rules still run; those that follow the chain's order
    (the direction and evidence rules) run on the nodes that lie on no cycle.

    Args:
        model: the model to check.
        select: rule codes or prefixes to run (``["LM2", "LM601"]``); all by default.
        ignore: rule codes or prefixes not to run.
        lang: the language of the findings' messages, ``"sv"`` or ``"en"``; ``None``
            for the environment's (:func:`~logikmodell.i18n.resolve_lang`). Each
            finding keeps its sentence, so :meth:`~logikmodell.validation.Finding.message_in` and
            ``Report.to_text(lang=)`` can write it in the other language later.
        as_of: the date at which LM308 asks whether a measurement is overdue; by
            default the date of the model's latest measurement (the date
            :func:`~logikmodell.followup.follow_up` follows up to), so that a model
            without measurements (a plan) gets no LM308.

    Returns:
        The findings, sorted: errors first, then by code and nodes.

    Raises:
        InvalidValueError: ``select`` or ``ignore`` names no known rule, or ``lang``
            is neither ``sv`` nor ``en``.

    Example:
        >>> import logikmodell as lm
        >>> report = lm.validate(lm.loads("logikmodell: 1\\ntitle: Tom\\n"), select=["LM109"])
        >>> [f.code for f in report.findings]
        ['LM109']
    """
    check_type("validate()", "model", model, LogicModel)
    if as_of is not None:
        check_type("validate()", "as_of", as_of, dt.date)
    chosen = select_rules(select, ignore)
    language = resolve_lang(lang)
    context = Context(model, as_of=as_of)
    findings: list[Finding] = []
    for rule in chosen:
        findings.extend(rule.findings(context, lang=language))
    positions = model.positions
    return Report(findings=findings, source=None if positions is None else positions.source)
