"""The rule registry: every rule with its stable code, severity, title and check.

A rule is a function of a prepared model (:class:`~logikmodell.validation._context.Context`)
that yields :class:`Hit` records; the registry turns them into findings carrying the
rule's code and severity. Rules register themselves with :func:`rule` when their
module is imported; :func:`rules` imports every rule module first.
"""

from __future__ import annotations

import datetime as dt
import importlib
from collections.abc import Callable, Iterable

import attrs

from logikmodell.errors import InvalidValueError
from logikmodell.graph import LogicModel
from logikmodell.i18n import Lang, Message, resolve_lang
from logikmodell.validation._context import MODEL_PLACE, Context, Place
from logikmodell.validation.findings import Finding, Report, Severity

__all__ = [
    "DOCS_PAGE",
    "MODEL_PLACE",
    "Hit",
    "Place",
    "Rule",
    "RuleCheck",
    "get_rule",
    "rule",
    "rules",
    "select_rules",
]

#: Where every rule is documented; each code has an anchor there (``#lm101``).
DOCS_PAGE = "docs/rules.md"

_RULE_MODULES = (
    "structure",
    "direction",
    "indicators",
    "risks",
    "evidence",
    "costs",
    "completeness",
    "catalogue",
)


@attrs.frozen(kw_only=True)
class Hit:
    """What a rule found, before the registry adds the code and severity.

    ``message`` is a :class:`~logikmodell.i18n.Message` (a catalogue sentence and
    its values, so that the finding can be written in any language) or plain text.

    ``place`` says which element the hit is about and where it is in the file
    format (see :class:`~logikmodell.validation.findings.Finding`); the default is
    the model as a whole. ``Context.node_place`` and its siblings make one.
    """

    message: str | Message
    nodes: tuple[str, ...] = ()
    link: tuple[str, str] | None = None
    place: Place = MODEL_PLACE


RuleCheck = Callable[[Context], Iterable[Hit]]


@attrs.frozen(kw_only=True)
class Rule:
    """A validation rule.

    Attributes:
        code: the stable code, ``LM`` and three digits; never reused.
        severity: the severity of every finding of this rule.
        title: what the rule checks, in a few words.
        check: the function that finds the problems.
    """

    code: str
    severity: Severity
    title: str
    check: RuleCheck = attrs.field(eq=False, repr=False)

    @property
    def docs(self) -> str:
        """The rule's place in the documentation, e.g. ``docs/rules.md#lm101``."""
        return f"{DOCS_PAGE}#{self.code.lower()}"

    def run(
        self, model: LogicModel, *, lang: Lang | None = None, as_of: dt.date | None = None
    ) -> tuple[Finding, ...]:
        """Run this rule alone on a model; its findings in report order, in ``lang``.

        ``as_of`` is the date the follow-up rules judge at, as in
        :func:`~logikmodell.validation.validate`.
        """
        context = Context(model, as_of=as_of)
        return Report(findings=self.findings(context, lang=lang)).findings

    def findings(self, context: Context, *, lang: Lang | None = None) -> list[Finding]:
        """Run the rule on a prepared model; its messages in ``lang`` (None: the environment's)."""
        language = resolve_lang(lang)
        positions = context.model.positions
        found = []
        for hit in self.check(context):
            place = hit.place
            where = None if positions is None else positions.locate(place.path, place.subject)
            text = hit.message if isinstance(hit.message, Message) else None
            message = text.sentence(language) if text is not None else str(hit.message)
            found.append(
                Finding(
                    code=self.code,
                    severity=self.severity,
                    message=message,
                    text=text,
                    nodes=hit.nodes,
                    link=hit.link,
                    subject=place.subject,
                    path=place.path,
                    line=None if where is None else where[0],
                    column=None if where is None else where[1],
                )
            )
        return found


_RULES: dict[str, Rule] = {}
_loaded = False


def rule(code: str, severity: Severity, title: str) -> Callable[[RuleCheck], RuleCheck]:
    """Register a check function as the rule ``code``.

    Raises:
        ValueError: the code is already registered.
    """

    def register(check: RuleCheck) -> RuleCheck:
        if code in _RULES:
            raise ValueError(f"rule {code} is registered twice")
        _RULES[code] = Rule(code=code, severity=severity, title=title, check=check)
        return check

    return register


def _load() -> None:
    global _loaded
    if not _loaded:
        for name in _RULE_MODULES:
            importlib.import_module(f"logikmodell.validation.{name}")
        _loaded = True


def rules() -> tuple[Rule, ...]:
    """Every registered rule, sorted by code."""
    _load()
    return tuple(_RULES[code] for code in sorted(_RULES))


def get_rule(code: str) -> Rule:
    """The rule with this code.

    Raises:
        InvalidValueError: no rule has this code.
    """
    _load()
    try:
        return _RULES[code.upper()]
    except KeyError:
        raise InvalidValueError("code", f"unknown rule code {code!r}") from None


def _matches(codes: Iterable[str], field: str) -> set[str]:
    """The codes named by a list of codes or code prefixes (``LM2`` names LM2xx)."""
    known = [r.code for r in rules()]
    chosen: set[str] = set()
    for raw in codes:
        prefix = raw.strip().upper()
        if not prefix:
            continue
        found = {code for code in known if code.startswith(prefix)}
        if not found:
            raise InvalidValueError(
                field,
                f"unknown rule code {raw.strip()!r}: expected codes such as LM101 or "
                "prefixes such as LM2",
            )
        chosen |= found
    return chosen


def select_rules(
    select: Iterable[str] | None = None, ignore: Iterable[str] | None = None
) -> tuple[Rule, ...]:
    """The rules to run: those selected (all by default) minus those ignored.

    Codes may be given whole (``LM201``) or as prefixes (``LM2`` for every LM2xx
    rule, ``LM`` for all).

    Raises:
        InvalidValueError: a code or prefix matches no rule, or ``select`` names none.
    """
    if select is not None:
        select = list(select)
        if not any(code.strip() for code in select):
            raise InvalidValueError("select", "name at least one rule code or prefix")
    selected = _matches(select, "select") if select is not None else {r.code for r in rules()}
    if ignore is not None:
        selected -= _matches(ignore, "ignore")
    return tuple(r for r in rules() if r.code in selected)
