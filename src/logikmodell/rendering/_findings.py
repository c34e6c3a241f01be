"""Findings as the diagram sees them: any object with a code, a severity and places.

The diagram accepts findings structurally, so that it needs nothing from the
validation package: anything with the attributes of :class:`FindingLike` will do.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Protocol, runtime_checkable

import attrs

__all__ = ["SEVERITY_COLORS", "FindingLike", "FindingsLike", "Mark", "Marks", "mark"]

#: Outline colours by severity (red, amber, blue: distinguishable in greyscale too).
SEVERITY_COLORS = {"error": "#C62828", "warning": "#D97B00", "info": "#1E6BB8"}
_ORDER = {"info": 1, "warning": 2, "error": 3}


class FindingLike(Protocol):
    """What the diagram needs of a finding (``logikmodell.validation.Finding`` has it)."""

    @property
    def code(self) -> str:
        """The rule code, e.g. ``LM201``."""

    @property
    def severity(self) -> str:
        """``error``, ``warning`` or ``info`` (a string enum is fine)."""

    @property
    def message(self) -> str:
        """The sentence that explains the finding."""

    @property
    def nodes(self) -> tuple[str, ...]:
        """The ids of the nodes concerned."""

    @property
    def link(self) -> tuple[str, str] | None:
        """The ``(from, to)`` of the link concerned, if any."""


@runtime_checkable
class FindingsLike(Protocol):
    """A report that holds findings (``logikmodell.validation.Report`` has it)."""

    @property
    def findings(self) -> Sequence[FindingLike]:
        """The findings."""


@attrs.frozen(kw_only=True)
class Mark:
    """The findings that fall on one node or one link."""

    severity: str
    codes: tuple[str, ...]
    messages: tuple[str, ...]

    @property
    def color(self) -> str:
        """The outline colour of the most severe finding."""
        return SEVERITY_COLORS.get(self.severity, SEVERITY_COLORS["info"])


@attrs.frozen(kw_only=True)
class Marks:
    """Findings by node id and by link key."""

    nodes: dict[str, Mark]
    links: dict[tuple[str, str], Mark]


def _severity(finding: FindingLike) -> str:
    value = finding.severity
    return str(getattr(value, "value", value))


def _to_mark(found: list[FindingLike]) -> Mark:
    worst = max((_severity(f) for f in found), key=lambda s: _ORDER.get(s, 0))
    codes = tuple(dict.fromkeys(f.code for f in found))
    messages = tuple(f"{f.code}: {f.message}" for f in found)
    return Mark(severity=worst, codes=codes, messages=messages)


def mark(findings: Iterable[FindingLike] | FindingsLike | None) -> Marks:
    """Sort findings onto nodes and links.

    A finding about a link marks the link; any other finding marks its nodes.
    """
    if findings is None:
        return Marks(nodes={}, links={})
    if isinstance(findings, FindingsLike):
        findings = findings.findings
    by_node: dict[str, list[FindingLike]] = {}
    by_link: dict[tuple[str, str], list[FindingLike]] = {}
    for finding in findings:
        if finding.link is not None:
            by_link.setdefault((finding.link[0], finding.link[1]), []).append(finding)
        else:
            for id in finding.nodes:
                by_node.setdefault(id, []).append(finding)
    return Marks(
        nodes={k: _to_mark(v) for k, v in by_node.items()},
        links={k: _to_mark(v) for k, v in by_link.items()},
    )
