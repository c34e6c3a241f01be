"""Findings in the formats other tools read: SARIF 2.1.0 and GitHub workflow commands.

Both take the reports of one validation run over one or more files, each with the
file name it was read from.

Example:
    >>> import logikmodell as lm
    >>> report = lm.validate(lm.loads("logikmodell: 1\\ntitle: Tom\\n", source="m.yaml"),
    ...                      select=["LM109"])
    >>> github_lines([("m.yaml", report)], lang="en")[0][:48]
    '::error file=m.yaml,line=1,col=1,title=LM109::Th'
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from urllib.parse import quote

from logikmodell.i18n import Lang
from logikmodell.validation.findings import Finding, Report, Severity
from logikmodell.validation.registry import rules

__all__ = ["SARIF_SCHEMA", "github_lines", "to_sarif"]

#: The official JSON Schema of SARIF 2.1.0 that :func:`to_sarif` output follows.
SARIF_SCHEMA = (
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
)

_SARIF_LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
_GITHUB_LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def _tool_version() -> str:
    try:
        return version("logikmodell")
    except PackageNotFoundError:  # pragma: no cover - run from a source tree
        return "0"


def _uri(source: str) -> str:
    """A file name as a URI reference relative to the working directory."""
    path = Path(source)
    if path.is_absolute():
        try:
            path = path.relative_to(Path.cwd())
        except ValueError:
            return path.as_uri()
    return quote(path.as_posix())


def _rule_entries() -> list[dict[str, object]]:
    return [
        {
            "id": rule.code,
            "shortDescription": {"text": rule.title},
            "helpUri": rule.docs,
            "help": {"text": f"{rule.code}: {rule.title}. See {rule.docs}."},
            "defaultConfiguration": {"level": _SARIF_LEVELS[rule.severity]},
        }
        for rule in rules()
    ]


def _result(finding: Finding, source: str, index: dict[str, int], lang: Lang) -> dict[str, object]:
    location: dict[str, object] = {}
    if not source.startswith("<"):
        physical: dict[str, object] = {"artifactLocation": {"uri": _uri(source)}}
        if finding.line is not None:
            physical["region"] = {"startLine": finding.line, "startColumn": finding.column or 1}
        location["physicalLocation"] = physical
    logical: dict[str, object] = {"fullyQualifiedName": finding.path}
    if finding.subject is not None:
        logical["name"] = finding.subject
    location["logicalLocations"] = [logical]
    result: dict[str, object] = {
        "ruleId": finding.code,
        "level": _SARIF_LEVELS[finding.severity],
        "message": {"text": finding.message_in(lang)},
        "locations": [location],
    }
    if finding.code in index:
        result["ruleIndex"] = index[finding.code]
    return result


def to_sarif(reports: Sequence[tuple[str, Report]], *, lang: Lang) -> dict[str, object]:
    """One SARIF 2.1.0 log with one run: every rule, and every finding of the reports.

    Args:
        reports: ``(file name, report)`` per validated file.
        lang: the language of the messages.

    Returns:
        JSON data valid against the official SARIF 2.1.0 schema (:data:`SARIF_SCHEMA`):
        ``tool.driver.rules`` lists every code with its title, its severity as
        ``defaultConfiguration.level`` and its page in the docs; each result has the
        code as ``ruleId``, the file relative to the working directory with the line
        and column where known, and the finding's subject and path as its logical
        location.
    """
    entries = _rule_entries()
    index = {str(entry["id"]): k for k, entry in enumerate(entries)}
    results = [
        _result(finding, source, index, lang)
        for source, report in reports
        for finding in report.findings
    ]
    driver = {
        "name": "logikmodell",
        "version": _tool_version(),
        "rules": entries,
    }
    return {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {"driver": driver},
                "columnKind": "unicodeCodePoints",
                "results": results,
            }
        ],
    }


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def github_lines(reports: Sequence[tuple[str, Report]], *, lang: Lang) -> list[str]:
    """One GitHub Actions workflow command per finding.

    ``::error file=F,line=L,col=C,title=LM201::message`` (``warning`` and ``notice``
    for the other severities); values are escaped as GitHub requires, so a message
    can never start a second command.
    """
    lines = []
    for source, report in reports:
        for finding in report.findings:
            fields = [f"file={_escape_property(os.fspath(source))}"]
            if finding.line is not None:
                fields.append(f"line={finding.line}")
                fields.append(f"col={finding.column or 1}")
            fields.append(f"title={finding.code}")
            level = _GITHUB_LEVELS[finding.severity]
            message = _escape_data(finding.message_in(lang))
            lines.append(f"::{level} {','.join(fields)}::{message}")
    return lines
