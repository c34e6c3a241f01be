"""The exceptions logikmodell raises.

Every exception is a :class:`LogikmodellError` and also subclasses the builtin that
fits it, so ``except ValueError`` keeps working for callers who do not know us.
They fall in two kinds that callers (and the command line) treat differently:

* a problem with the input or the model (:class:`LoadError`, :class:`UnitError`,
  :class:`CostAttributionError`, :class:`ValidationFailed` …): a ``ValueError`` or
  ``KeyError``, fixed by changing the model;
* a problem with the machine (:class:`GraphvizNotFoundError`, :class:`RenderError`):
  a ``RuntimeError``, fixed by installing or repairing a tool.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

import attrs

from logikmodell._text import N_, one_line, plural, with_article

if TYPE_CHECKING:
    from logikmodell.validation.findings import Finding, Report

__all__ = [
    "AppraisalError",
    "CostAttributionError",
    "DataError",
    "DataProblem",
    "DiagramDoesNotFitError",
    "DumpError",
    "DuplicateIdError",
    "ExtraMissingError",
    "GraphvizNotFoundError",
    "InvalidValueError",
    "LoadError",
    "LogikmodellError",
    "Problem",
    "RenderError",
    "UnitError",
    "UnknownIdError",
    "ValidationFailed",
    "WriteError",
]


class LogikmodellError(Exception):
    """Base class of every error logikmodell raises on purpose."""

    def message_template(self) -> tuple[str, dict[str, object]] | None:
        """The message as a catalogue entry and its values, or ``None`` when it has none.

        The entry is the English text with ``{name}`` placeholders;
        :func:`logikmodell.i18n.error_text` translates it.
        """
        return None


class InvalidValueError(LogikmodellError, ValueError):
    """A value breaks a local invariant of the model (a range, a syntax, a sum).

    Attributes:
        field: the name of the offending field, e.g. ``"share"``.
        message: what was expected, as a sentence fragment.
    """

    def __init__(self, field: str, message: str) -> None:
        super().__init__(field, message)
        self.field = field
        self.message = message

    def __str__(self) -> str:
        return f"{self.field}: {self.message}"


class UnknownIdError(LogikmodellError, KeyError):
    """A reference names an id that the model does not hold."""

    def __init__(self, id: str, what: str = "node", field: str | None = None) -> None:
        super().__init__(id)
        self.id = id
        self.what = what
        self.field = field

    def __str__(self) -> str:
        where = f"{self.field}: " if self.field else ""
        return f"{where}unknown {self.what} id {self.id!r}"


class DuplicateIdError(LogikmodellError, ValueError):
    """An id is used twice (ids are unique across nodes, indicators, risks, actors)."""

    def __init__(self, id: str, first: str, second: str) -> None:
        super().__init__(id)
        self.id = id
        self.first = first
        self.second = second

    def __str__(self) -> str:
        first, second = with_article(self.first), with_article(self.second)
        return f"duplicate id {self.id!r}: already used by {first}, again by {second}"


class UnitError(LogikmodellError, ValueError):
    """A quantity has an unknown unit, or a dimension other than the one required."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(field, message)
        self.field = field
        self.message = message

    def __str__(self) -> str:
        return f"{self.field}: {self.message}"


@attrs.frozen(kw_only=True)
class Problem:
    """One problem found in an input, located by a JSONPath-like path.

    Attributes:
        path: where in the document, e.g. ``$.nodes[3].unit_cost``.
        message: what is wrong and what was expected.
        line: the 1-based line of the path in the text, where known.
        column: the 1-based column there, where known.
    """

    path: str
    message: str
    line: int | None = None
    column: int | None = None

    def __str__(self) -> str:
        """``$.path: message``, control characters escaped (one problem, one line)."""
        return one_line(f"{self.path}: {self.message}")


class DiagramDoesNotFitError(InvalidValueError):
    """A diagram does not fit the page asked for with its text at the smallest size allowed.

    Attributes:
        scale: the factor the drawing would need to fit.
        smallest: the size, in points, its smallest text would then have.
    """

    def __init__(self, message: str, *, scale: float, smallest: float) -> None:
        super().__init__("page", message)
        self.scale = scale
        self.smallest = smallest


class LoadError(LogikmodellError, ValueError):
    """An input document cannot be read as a logic model.

    Carries every problem found, each with its path, so that a user can fix them all
    in one pass.

    Attributes:
        problems: the problems, in document order.
        source: the file name or ``"<string>"``.
    """

    def __init__(self, problems: Iterable[Problem], source: str = "<string>") -> None:
        self.problems: Sequence[Problem] = tuple(problems)
        self.source = source
        super().__init__(self.__str__())

    def lines(self) -> list[str]:
        """One line per problem: ``FILE:LINE:COL: $.path: message``, or
        ``FILE: $.path: message`` where the position is not known; control
        characters are escaped, so that each problem is one line."""
        source = one_line(self.source)
        return [
            f"{source}:{p.line}:{p.column}: {p}" if p.line is not None else f"{source}: {p}"
            for p in self.problems
        ]

    def __str__(self) -> str:
        return "\n".join(self.lines())


@attrs.frozen
class DataProblem:
    """One problem in a data file (CSV), located by file, line and column.

    Attributes:
        source: the file name.
        line: the line number (the header is line 1).
        column: the column's name, or ``-`` for the whole line.
        message: what is wrong and what was expected.
    """

    source: str
    line: int
    column: str
    message: str

    def __str__(self) -> str:
        """``FILE:LINE: column: message``, control characters escaped."""
        return one_line(f"{self.source}:{self.line}: {self.column}: {self.message}")


class DataError(LoadError):
    """Data files (measurements, actuals) cannot be read or do not fit the model.

    Carries every problem of every file, each as ``FILE:LINE: column: message``.

    Attributes:
        data_problems: the problems, file by file, in line order.
    """

    def __init__(self, problems: Iterable[DataProblem]) -> None:
        self.data_problems: tuple[DataProblem, ...] = tuple(problems)
        source = self.data_problems[0].source if self.data_problems else "<data>"
        super().__init__(
            [Problem(path=f"{p.line}: {p.column}", message=p.message) for p in self.data_problems],
            source,
        )

    def lines(self) -> list[str]:
        """One line per problem: ``FILE:LINE: column: message``."""
        return [str(problem) for problem in self.data_problems]


class ValidationFailed(LogikmodellError, ValueError):  # noqa: N818 - the public name reads as a sentence: "validation failed"
    """A model has error findings; raised by :meth:`Report.raise_for_errors`.

    Attributes:
        report: the whole report (warnings and infos included).
    """

    def __init__(self, report: Report) -> None:
        self.report = report
        super().__init__(self.__str__())

    def __str__(self) -> str:
        errors = self.report.errors
        head = f"the model has {plural(len(errors), 'error finding')}"
        return "\n".join([head + ":", *(f"  {f}" for f in errors)])


class CostAttributionError(LogikmodellError, ValueError):
    """The model cannot be costed: it has a cycle (LM101) or over-allocated shares (LM601).

    Attributes:
        findings: the error findings that stop the attribution, in report order.
    """

    def __init__(self, findings: Iterable[Finding]) -> None:
        self.findings: tuple[Finding, ...] = tuple(findings)
        super().__init__(self.__str__())

    def message_template(self) -> tuple[str, dict[str, object]]:
        """The first line of the message (the findings follow it in ``str()``)."""
        return N_("cannot attribute costs: the model has a cycle or over-allocated shares"), {}

    def __str__(self) -> str:
        head = self.message_template()[0]
        return "\n".join([head, *(f"  {finding}" for finding in self.findings)])


class GraphvizNotFoundError(LogikmodellError, RuntimeError):
    """The Graphviz ``dot`` executable is not on the PATH.

    SVG, PNG and PDF need it; ``.dot`` and ``.mmd`` output does not.
    """

    def __init__(self) -> None:
        super().__init__(str(self))

    def message_template(self) -> tuple[str, dict[str, object]]:
        """What to install, or which output needs no Graphviz."""
        message = N_(
            "the Graphviz 'dot' program was not found on the PATH; install the OS package "
            "'graphviz' (apt install graphviz, dnf install graphviz, brew install graphviz), "
            "or write .dot or .mmd output, which needs no Graphviz"
        )
        return message, {}

    def __str__(self) -> str:
        return self.message_template()[0]


class RenderError(LogikmodellError, RuntimeError):
    """``dot`` ran but failed; carries its exit code and what it said.

    Attributes:
        returncode: the exit code of ``dot`` (-1 when it did not finish).
        stderr: what ``dot`` wrote on its error stream.
    """

    def __init__(self, returncode: int, stderr: str) -> None:
        self.returncode = returncode
        self.stderr = stderr
        super().__init__(str(self))

    def message_template(self) -> tuple[str, dict[str, object]]:
        """The exit code and what ``dot`` said, if anything."""
        said = self.stderr.strip()
        if not said:
            return N_("Graphviz 'dot' failed (exit code {code}) without a message"), {
                "code": self.returncode
            }
        return N_("Graphviz 'dot' failed (exit code {code}): {said}"), {
            "code": self.returncode,
            "said": said,
        }

    def __str__(self) -> str:
        message, values = self.message_template()
        return message.format(**values)


class ExtraMissingError(LogikmodellError, ImportError):
    """An optional package is not installed; the message names the extra that brings it.

    Attributes:
        package: the package missing (``openpyxl``, ``pandas``).
        extra: the extra of logikmodell that installs it (``xlsx``, ``pandas``).
    """

    def __init__(self, package: str, extra: str) -> None:
        self.package = package
        self.extra = extra
        super().__init__(str(self))

    def message_template(self) -> tuple[str, dict[str, object]]:
        """The package and the command that installs it."""
        message = N_("{package} is not installed; install the extra: pip install '{target}'")
        return message, {"package": self.package, "target": f"logikmodell[{self.extra}]"}

    def __str__(self) -> str:
        message, values = self.message_template()
        return message.format(**values)


class DumpError(LogikmodellError, ValueError):
    """A model holds something the chosen format cannot write (e.g. null in TOML)."""


class AppraisalError(LogikmodellError, ValueError):
    """A model whose returns cannot be appraised (no costs, or no valued outcome).

    The message is a catalogue entry (marked with ``N_``), translated by
    :func:`logikmodell.i18n.error_text`.
    """

    def message_template(self) -> tuple[str, dict[str, object]]:
        """The message itself, with no placeholders."""
        return str(self), {}


class WriteError(LogikmodellError, OSError):
    """A file cannot be written: a folder, a missing parent folder, no space left,
    a file-size limit, no permission. The file is left as it was.

    Attributes:
        path: the file, as the caller named it.
        reason: why, in the operating system's words (``No space left on device``).
    """

    def __init__(self, path: str, reason: str, code: int | None = None) -> None:
        super().__init__(code, reason, path)
        self.path = path
        self.reason = reason

    def message_template(self) -> tuple[str, dict[str, object]]:
        """``cannot write FILE: reason``."""
        return N_("cannot write {path}: {reason}"), {"path": self.path, "reason": self.reason}

    def __str__(self) -> str:
        return f"cannot write {self.path}: {self.reason}"
