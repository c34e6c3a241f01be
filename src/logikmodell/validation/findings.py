"""Findings and the report that collects them.

A :class:`Finding` is one problem a rule found, with a stable code, a severity, a
sentence that says what to change, the nodes (and link) it concerns, and where it
is: the element it is about (its *subject*), that element's path in the file
format (``$.indicators[2].target``) and, for a model loaded from text, the line and
column there. A
:class:`Report` holds the findings of one validation run in a deterministic order:
severity (errors first), then code, then nodes.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable

import attrs

from logikmodell._text import one_line
from logikmodell.errors import ValidationFailed
from logikmodell.i18n import N_, Lang, Message, resolve_lang, translate, translate_plural
from logikmodell.tables import Kind, Table, Tabular, table

__all__ = ["Finding", "Report", "Severity", "ValidationFailed"]


class Severity(enum.StrEnum):
    """How bad a finding is; ordered ``info < warning < error``."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        """2 for error, 1 for warning, 0 for info."""
        return _RANKS[self]

    def __lt__(self, other: str) -> bool:
        if isinstance(other, Severity):
            return self.rank < other.rank
        return NotImplemented

    def __le__(self, other: str) -> bool:
        if isinstance(other, Severity):
            return self.rank <= other.rank
        return NotImplemented

    def __gt__(self, other: str) -> bool:
        if isinstance(other, Severity):
            return self.rank > other.rank
        return NotImplemented

    def __ge__(self, other: str) -> bool:
        if isinstance(other, Severity):
            return self.rank >= other.rank
        return NotImplemented


_RANKS = {Severity.ERROR: 2, Severity.WARNING: 1, Severity.INFO: 0}

#: The severities as words of a text line (the codes stay ``error``, ``warning``, ``info``).
_SEVERITY_WORDS = {
    Severity.ERROR: N_("error"),
    Severity.WARNING: N_("warning"),
    Severity.INFO: N_("info"),
}


def _ids(value: Iterable[str]) -> tuple[str, ...]:
    return tuple(value)


def _link(value: Iterable[str] | None) -> tuple[str, str] | None:
    if value is None:
        return None
    from_id, to_id = value
    return (from_id, to_id)


@attrs.frozen(kw_only=True)
class Finding:
    """One problem found in a model.

    Attributes:
        code: the rule's stable code, e.g. ``"LM201"``.
        severity: error, warning or info.
        message: a full sentence naming the nodes and saying what to change.
        nodes: ids of the nodes concerned, most relevant first (empty for a
            finding about the model as a whole).
        link: ``(from_id, to_id)`` of the link concerned, if any.
        subject: the id of the element the finding is about: a node, a link as
            ``"from->to"``, an indicator, a risk or an actor; None for the model.
        path: where that element (or its field) is in the file format, e.g.
            ``$.indicators[2].target``; ``$`` for the model as a whole.
        line: the 1-based line of the path in the text the model was loaded
            from; None for a model built in code.
        column: the 1-based column there; None with ``line``.
        text: the message as a catalogue sentence and its values, from which
            :meth:`message_in` writes it in any language; None for a finding made
            with a plain ``message``.
    """

    code: str
    severity: Severity = attrs.field(converter=Severity)
    message: str
    nodes: tuple[str, ...] = attrs.field(default=(), converter=_ids)
    link: tuple[str, str] | None = attrs.field(default=None, converter=_link)
    subject: str | None = None
    path: str = "$"
    line: int | None = None
    column: int | None = None
    text: Message | None = attrs.field(default=None, eq=False, repr=False)

    @property
    def location(self) -> str:
        """Where the finding points: ``a → b`` for a link, the node ids, or ``model``."""
        return self.location_in("en")

    def location_in(self, lang: Lang | None) -> str:
        """:attr:`location` in ``lang``: only ``model`` has a translation (``modellen``)."""
        if self.link is not None:
            return f"{self.link[0]} → {self.link[1]}"
        if self.nodes:
            return ", ".join(self.nodes)
        return translate(lang, "model")

    def message_in(self, lang: Lang | None) -> str:
        """The message in ``lang`` (``None``: the environment's language).

        A finding of a rule carries its sentence (:attr:`text`) and is written anew;
        a finding made with a plain ``message`` keeps it.

        Example:
            >>> import logikmodell as lm
            >>> report = lm.validate(lm.loads("logikmodell: 1\\ntitle: Tom\\n"), select=["LM109"])
            >>> report.findings[0].message_in("sv")[:38]
            "Modellen 'Tom' har ingen aktivitet och"
        """
        if self.text is None:
            return self.message
        return self.text.sentence(lang)

    def to_text(self, lang: Lang | None = None, *, source: str | None = None) -> str:
        """One line, ``CODE severity location: message``, in ``lang``.

        ``lang=None`` keeps the message as validated and writes the severity and
        location in the environment's language. With the ``source`` file the model
        was loaded from, the line reads ``FILE:LINE:COL: CODE severity: message``
        where the finding's position is known, else ``FILE: CODE severity location:
        message``.
        """
        message = one_line(self.message if lang is None else self.message_in(lang))
        if source is not None:
            source = one_line(source)
            if self.line is None:
                return f"{source}: {self.to_text(lang)}"
            severity = translate(lang, _SEVERITY_WORDS[self.severity])
            return f"{source}:{self.line}:{self.column}: {self.code} {severity}: {message}"
        return translate(
            lang,
            "{code} {severity} {location}: {message}",
            code=self.code,
            severity=translate(lang, _SEVERITY_WORDS[self.severity]),
            location=self.location_in(lang),
            message=message,
        )

    def sort_key(self) -> tuple[int, str, tuple[str, ...], tuple[str, ...], str]:
        """The report order: severity (errors first), code, nodes, link, message."""
        return (-self.severity.rank, self.code, self.nodes, self.link or (), self.message)

    def to_dict(self, lang: Lang | None = None) -> dict[str, object]:
        """The finding as JSON data (DESIGN §7); ``message`` in ``lang`` when given."""
        return {
            "code": self.code,
            "severity": self.severity.value,
            "message": self.message if lang is None else self.message_in(lang),
            "nodes": list(self.nodes),
            "link": list(self.link) if self.link is not None else None,
            "subject": self.subject,
            "path": self.path,
            "line": self.line,
            "column": self.column,
        }

    def __str__(self) -> str:
        return f"{self.code} {self.severity} {self.location}: {self.message}"


def _sorted(findings: Iterable[Finding]) -> tuple[Finding, ...]:
    return tuple(sorted(findings, key=Finding.sort_key))


@attrs.frozen(kw_only=True)
class Report(Tabular):
    """The findings of one validation run, sorted: severity desc, code, nodes.

    Tables (:meth:`tables`, :meth:`~logikmodell.tables.Tabular.to_rows`):

    * ``findings`` (the main table), one row per finding in report order:
      ``code``, ``severity``, ``message`` (in the language asked for),
      ``subject``, ``path``, ``line``, ``column`` (None when not known),
      ``nodes`` (the node ids, separated by spaces), ``link`` (``from->to``, or
      None).
    * ``summary`` (one row): ``ok``, ``error``, ``warning``, ``info`` (the counts).

    Example:
        >>> report = Report(findings=[])
        >>> report.ok, report.counts
        (True, {'error': 0, 'warning': 0, 'info': 0})
    """

    findings: tuple[Finding, ...] = attrs.field(default=(), converter=_sorted)
    #: The file the model was loaded from, when its positions are known.
    source: str | None = None

    @property
    def ok(self) -> bool:
        """True when there is no error finding (warnings and infos do not count)."""
        return not any(f.severity is Severity.ERROR for f in self.findings)

    def of_severity(self, severity: Severity | str) -> tuple[Finding, ...]:
        """The findings of one severity, in report order."""
        wanted = Severity(severity)
        return tuple(f for f in self.findings if f.severity is wanted)

    @property
    def errors(self) -> tuple[Finding, ...]:
        """The error findings."""
        return self.of_severity(Severity.ERROR)

    @property
    def warnings(self) -> tuple[Finding, ...]:
        """The warning findings."""
        return self.of_severity(Severity.WARNING)

    @property
    def infos(self) -> tuple[Finding, ...]:
        """The info findings."""
        return self.of_severity(Severity.INFO)

    @property
    def counts(self) -> dict[str, int]:
        """Findings per severity: ``{"error": n, "warning": n, "info": n}``."""
        counts = {severity.value: 0 for severity in Severity}
        for finding in self.findings:
            counts[finding.severity.value] += 1
        return counts

    @property
    def codes(self) -> tuple[str, ...]:
        """The distinct codes found, sorted."""
        return tuple(sorted({f.code for f in self.findings}))

    def by_code(self, code: str) -> tuple[Finding, ...]:
        """The findings of one rule, in report order."""
        return tuple(f for f in self.findings if f.code == code)

    def raise_for_errors(self) -> None:
        """Raise :class:`ValidationFailed` if there is any error finding.

        Raises:
            ValidationFailed: carrying this report.
        """
        if not self.ok:
            raise ValidationFailed(self)

    def to_dict(self, lang: Lang | None = None) -> dict[str, object]:
        """The report as JSON data: ``{"ok", "counts", "findings"}`` (DESIGN §7).

        With ``lang`` the messages are written in that language; keys, codes and
        severities never change with it.
        """
        return {
            "ok": self.ok,
            "counts": self.counts,
            "findings": [f.to_dict(lang) for f in self.findings],
        }

    def tables(self, lang: str | None = None) -> tuple[Table, ...]:
        """The tables ``findings`` and ``summary`` (the class's docstring lists their
        columns); the messages are written in ``lang`` (None: as validated)."""
        language = None if lang is None else resolve_lang(lang)
        findings = table(
            "findings",
            N_("Findings"),
            [
                ("code", Kind.TEXT, N_("Code")),
                ("severity", Kind.TEXT, N_("Severity")),
                ("message", Kind.TEXT, N_("Message")),
                ("subject", Kind.TEXT, N_("Subject")),
                ("path", Kind.TEXT, N_("Path")),
                ("line", Kind.INTEGER, N_("Line")),
                ("column", Kind.INTEGER, N_("Column")),
                ("nodes", Kind.TEXT, N_("Nodes")),
                ("link", Kind.TEXT, N_("Link")),
            ],
            [
                (
                    f.code,
                    f.severity.value,
                    f.message if language is None else f.message_in(language),
                    f.subject,
                    f.path,
                    f.line,
                    f.column,
                    " ".join(f.nodes),
                    None if f.link is None else f"{f.link[0]}->{f.link[1]}",
                )
                for f in self.findings
            ],
        )
        counts = self.counts
        summary = table(
            "summary",
            N_("Summary"),
            [
                ("ok", Kind.BOOLEAN, N_("OK")),
                ("error", Kind.INTEGER, N_("Errors")),
                ("warning", Kind.INTEGER, N_("Warnings")),
                ("info", Kind.INTEGER, N_("Infos")),
            ],
            [(self.ok, counts["error"], counts["warning"], counts["info"])],
        )
        return (findings, summary)

    def summary(self, lang: Lang | None = None) -> str:
        """One line: ``2 errors, 1 warning, 0 infos`` or ``no findings`` (``2 fel, …``)."""
        language = resolve_lang(lang)
        if not self.findings:
            return translate(language, "no findings")
        counts = self.counts
        return ", ".join(
            [
                translate_plural(language, "{n} error", "{n} errors", counts["error"]),
                translate_plural(language, "{n} warning", "{n} warnings", counts["warning"]),
                translate_plural(language, "{n} info", "{n} infos", counts["info"]),
            ]
        )

    def lines(self, lang: Lang | None = None) -> list[str]:
        """One line per finding, as :meth:`to_text` prints them, without the summary."""
        return [f.to_text(lang, source=self.source) for f in self.findings]

    def to_text(self, lang: Lang | None = None) -> str:
        """Linter-style text: one line per finding, the summary line last.

        With ``lang`` every message is written in that language; ``lang=None`` keeps
        the messages as validated, with the other words in the environment's language.
        A finding whose place in the loaded file is known reads
        ``FILE:LINE:COL: CODE severity: message``.
        """
        lines = self.lines(lang)
        lines.append(self.summary(lang))
        return "\n".join(lines)
