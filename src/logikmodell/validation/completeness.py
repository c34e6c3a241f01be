"""Completeness rules LM701–LM705: needs, target group, comparison, valuations."""

from __future__ import annotations

from collections.abc import Iterator

from logikmodell.i18n import Message
from logikmodell.model.enums import NodeKind
from logikmodell.model.nodes import Outcome
from logikmodell.validation._context import Context, the_kind
from logikmodell.validation.findings import Severity
from logikmodell.validation.registry import Hit, rule

__all__: list[str] = []


@rule("LM701", Severity.WARNING, "goal that addresses no need")
def _goal_without_need(ctx: Context) -> Iterator[Hit]:
    for node in ctx.nodes.values():
        if isinstance(node, Outcome) and node.kind.is_goal and not node.addresses:
            yield Hit(
                message=Message(
                    "{the_kind} {node} addresses no need: name the needs it answers "
                    "(addresses), so that the goal is tied to the needs analysis.",
                    the_kind=the_kind(node.kind),
                    node=ctx.name(node.id),
                ),
                nodes=(node.id,),
                place=ctx.node_place(node.id),
            )


@rule("LM702", Severity.WARNING, "need addressed by no goal")
def _unanswered_need(ctx: Context) -> Iterator[Hit]:
    answered = {
        need
        for node in ctx.nodes.values()
        if isinstance(node, Outcome) and node.kind.is_goal
        for need in node.addresses
    }
    for node in ctx.nodes.values():
        if node.kind is NodeKind.NEED and node.id not in answered:
            yield Hit(
                message=Message(
                    "The need {node} is addressed by no goal: name it in the addresses of the "
                    "long-term outcome or impact that answers it, or remove it.",
                    node=ctx.name(node.id),
                ),
                nodes=(node.id,),
                place=ctx.node_place(node.id),
            )


@rule("LM703", Severity.WARNING, "no target group, or target group without size")
def _target_group(ctx: Context) -> Iterator[Hit]:
    group = ctx.model.target_group
    if group is None:
        yield Hit(
            message=Message(
                "The model '{title}' has no target group: describe who the investment is "
                "for (target_group with label, size and definition).",
                title=ctx.model.title,
            ),
            place=ctx.model_place(),
        )
    elif group.size is None:
        yield Hit(
            message=Message(
                "The target group '{group}' has no size: give the number of people it "
                "covers (target_group.size), so that reach and unit costs can be judged.",
                group=group.label,
            ),
            place=ctx.model_place("target_group"),
        )


@rule("LM704", Severity.WARNING, "no comparison alternative")
def _comparison(ctx: Context) -> Iterator[Hit]:
    if not ctx.model.comparison:
        yield Hit(
            message=Message(
                "The model '{title}' has no comparison alternative: say what the effects "
                "will be compared with (comparison), e.g. a control group or a historical "
                "cohort.",
                title=ctx.model.title,
            ),
            place=ctx.model_place(),
        )


@rule("LM705", Severity.WARNING, "outcome with values but no quantity, or the reverse")
def _values_and_quantity(ctx: Context) -> Iterator[Hit]:
    for node in ctx.nodes.values():
        if not isinstance(node, Outcome):
            continue
        named = {"the_kind": the_kind(node.kind), "node": ctx.name(node.id)}
        if node.values and node.quantity is None:
            field = "values"
            message = Message(
                "{the_kind} {node} has values but no quantity, so they count for nothing: "
                "give the quantity of units reaching the outcome because of the investment.",
                **named,
            )
        elif node.quantity is not None and not node.values:
            field = "quantity"
            message = Message(
                "{the_kind} {node} has a quantity but no values, so it adds nothing to the "
                "returns: give its values per actor (financial proxies), or drop the quantity.",
                **named,
            )
        else:
            continue
        yield Hit(
            message=message,
            nodes=(node.id,),
            place=ctx.node_place(node.id, field),
        )
