"""Risk rules LM401–LM403: serious risks are mitigated, every risk has a target and an owner."""

from __future__ import annotations

from collections.abc import Iterator

from logikmodell.i18n import Message
from logikmodell.model.elements import Risk
from logikmodell.validation._context import Context
from logikmodell.validation.findings import Severity
from logikmodell.validation.registry import Hit, rule

__all__ = ["SERIOUS_RISK_SCORE"]

#: A risk with likelihood × consequence at least this high needs a mitigation (LM401).
SERIOUS_RISK_SCORE = 12


def _name(risk: Risk) -> str:
    return f"'{risk.label}' ({risk.id})"


@rule("LM401", Severity.WARNING, "serious risk without mitigation")
def _unmitigated(ctx: Context) -> Iterator[Hit]:
    for j, risk in enumerate(ctx.risks):
        if risk.score >= SERIOUS_RISK_SCORE and not risk.mitigation:
            yield Hit(
                message=Message(
                    "The risk {risk} scores {likelihood} × {consequence} = {score} "
                    "(likelihood × consequence, {serious} or more is serious) but has no "
                    "mitigation: say how it will be reduced or handled.",
                    risk=_name(risk),
                    likelihood=risk.likelihood,
                    consequence=risk.consequence,
                    score=risk.score,
                    serious=SERIOUS_RISK_SCORE,
                ),
                nodes=risk.threatens,
                place=ctx.risk_place(j),
            )


@rule("LM402", Severity.WARNING, "risk that threatens nothing")
def _threatens_nothing(ctx: Context) -> Iterator[Hit]:
    for j, risk in enumerate(ctx.risks):
        if not risk.threatens:
            yield Hit(
                message=Message(
                    "The risk {risk} threatens nothing: name the activities or outcomes it "
                    "puts at risk (threatens).",
                    risk=_name(risk),
                ),
                place=ctx.risk_place(j),
            )


@rule("LM403", Severity.INFO, "risk without owner")
def _no_owner(ctx: Context) -> Iterator[Hit]:
    for j, risk in enumerate(ctx.risks):
        if risk.owner is None:
            yield Hit(
                message=Message(
                    "The risk {risk} has no owner: name the actor responsible for watching "
                    "and handling it (owner).",
                    risk=_name(risk),
                ),
                nodes=risk.threatens,
                place=ctx.risk_place(j),
            )
