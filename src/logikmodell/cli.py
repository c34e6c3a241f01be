"""The ``logikmodell`` command: parse arguments, call the public API, print, exit.

Exit codes (DESIGN §7): 0 success; 1 the model has error findings; 2 the input
cannot be read (one line per problem on stderr, ``FILE: $.path: message``) or the
output cannot be made (``cannot write OUT: reason``, a missing Graphviz among
them); 3 an internal error (a bug), with the traceback only under ``--debug``.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import errno
import json
import os
import sys
import time
import traceback
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import attrs

from logikmodell import __version__
from logikmodell._text import one_line
from logikmodell.errors import (
    GraphvizNotFoundError,
    LoadError,
    LogikmodellError,
    RenderError,
    WriteError,
)
from logikmodell.graph import LogicModel
from logikmodell.i18n import error_text, resolve_lang, translate

if TYPE_CHECKING:
    from logikmodell.numbers import Lang
    from logikmodell.tables import Table
    from logikmodell.validation import Finding, Report

__all__ = [
    "EXIT_ERRORS",
    "EXIT_INPUT",
    "EXIT_INTERNAL",
    "EXIT_OK",
    "build_parser",
    "main",
    "summary",
]

EXIT_OK = 0
EXIT_ERRORS = 1
EXIT_INPUT = 2
EXIT_INTERNAL = 3
EXIT_BROKEN_PIPE = 141  # 128 + SIGPIPE, as shells report it


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        self.exit(EXIT_INPUT, f"{self.prog}: error: {message}\n")


def _catalogue_option(values: Sequence[str] | None) -> dict[str, str] | list[str] | None:
    """``--catalogue FILE`` (allowed wherever it lies) or ``--catalogue ID=FILE``."""
    if not values:
        return None
    by_id: dict[str, str] = {}
    files: list[str] = []
    for value in values:
        id, equals, file = value.partition("=")
        if equals and id and not any(sep in id for sep in ("/", "\\", os.sep)):
            by_id[id] = file
        else:
            files.append(value)
    if by_id and files:
        by_id.update({Path(file).stem: file for file in files})
    return by_id or files


def _load(path: str, args: argparse.Namespace | None = None) -> LogicModel:
    from logikmodell.io import load

    catalogues = _catalogue_option(getattr(args, "catalogue", None))
    return load(path, catalogues=catalogues)


# ---------------------------------------------------------------------- convert
def _cmd_convert(args: argparse.Namespace) -> int:
    from logikmodell.io import dump, format_of

    try:
        format_of(args.output)
    except ValueError as exc:
        print(str(exc), file=sys.stderr)
        return EXIT_INPUT
    model = _load(args.input, args)
    dump(model, args.output)
    return EXIT_OK


# ---------------------------------------------------------------------- validate
def _codes(values: Sequence[str] | None) -> list[str] | None:
    """Codes from repeated, comma-separated options: ``--select LM1,LM201``."""
    if values is None:
        return None
    return [code.strip() for value in values for code in value.split(",") if code.strip()]


_MODEL_SUFFIXES = (".yaml", ".yml", ".json", ".toml")


def _model_files(paths: Sequence[str]) -> list[str]:
    """The files named, a folder standing for the model files in it and below it."""
    files: list[str] = []
    for path in paths:
        if os.path.isdir(path):
            found = sorted(
                str(p) for p in Path(path).rglob("*") if p.suffix.lower() in _MODEL_SUFFIXES
            )
            files.extend(found)
        else:
            files.append(path)
    return files


def _cmd_validate(args: argparse.Namespace) -> int:
    from logikmodell.validation import Severity, validate
    from logikmodell.validation.formats import github_lines, to_sarif

    files = _model_files(args.model)
    failing = {Severity.ERROR, Severity.WARNING} if args.strict else {Severity.ERROR}
    worst = EXIT_OK
    reports = []
    for path in files:
        try:
            model = _load(path, args)
        except LogikmodellError as exc:
            for line in _error_lines(exc, argparse.Namespace(**{**vars(args), "model": path})):
                print(one_line(line), file=sys.stderr)
            worst = max(worst, EXIT_INPUT)
            continue
        report = validate(
            model,
            select=_codes(args.select),
            ignore=_codes(args.ignore),
            lang=args.lang,
            as_of=args.as_of,
        )
        if report.source is None and len(files) > 1:
            report = attrs.evolve(report, source=path)
        reports.append((path, report))
        if any(f.severity in failing for f in report.findings):
            worst = max(worst, EXIT_ERRORS)
    if args.format in ("csv", "xlsx"):
        return max(worst, _validation_tables(args, files, reports))
    if args.format == "sarif":
        print(json.dumps(to_sarif(reports, lang=args.lang), ensure_ascii=False, indent=2))
    elif args.format == "github":
        for line in github_lines(reports, lang=args.lang):
            print(line)
    elif args.format == "json" and len(args.model) == 1 and len(files) == 1:
        for _, report in reports:
            print(json.dumps(report.to_dict(args.lang), ensure_ascii=False, indent=2))
    elif args.format == "json":
        data = [{"file": path, **report.to_dict(args.lang)} for path, report in reports]
        print(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        for _, report in reports:
            print(report.to_text(args.lang))
    return worst


def _validation_tables(
    args: argparse.Namespace, files: Sequence[str], reports: Sequence[tuple[str, Report]]
) -> int:
    """The findings as tables: of the one model, or of every file with a ``file`` column."""
    from logikmodell.tables import stacked

    if len(args.model) == 1 and len(files) == 1:
        tables = reports[0][1].tables(args.lang) if reports else ()
    else:
        tables = stacked([(path, report.tables(args.lang)) for path, report in reports])
    if not tables:
        return EXIT_OK  # the one model could not be read: its errors are on stderr
    return _write_tables(args, tables)


# ---------------------------------------------------------------------- schema
def _cmd_schema(args: argparse.Namespace) -> int:
    from logikmodell.io.schema import catalogue_schema, json_schema

    schema = catalogue_schema() if args.catalogue else json_schema()
    print(json.dumps(schema, ensure_ascii=False, indent=2))
    return EXIT_OK


# ---------------------------------------------------------------------- catalogue
def _cmd_catalogue(args: argparse.Namespace) -> int:
    from logikmodell.catalogue import load_catalogue, search, to_csv, to_dict
    from logikmodell.text.catalogue import catalogue_text

    catalogue = load_catalogue(args.file)
    entries = search(catalogue, args.search)
    if args.format == "json":
        print(json.dumps(to_dict(catalogue, entries), ensure_ascii=False, indent=2))
    elif args.format == "csv":
        sys.stdout.write(to_csv(entries))
    else:
        print(catalogue_text(catalogue, entries, lang=args.lang))
    return EXIT_OK


# ---------------------------------------------------------------------- tables
def _add_table_options(
    command: argparse.ArgumentParser, formats: Sequence[str], help: str = ""
) -> None:
    """``--format`` with ``csv`` and ``xlsx`` among ``formats``, ``-o`` and ``--table``."""
    command.add_argument(
        "--format",
        choices=[*formats, "csv", "xlsx"],
        default=formats[0],
        help=help + "csv: the main table (or --table) on stdout, or with -o every table as "
        "DIR/<table>.csv (a single table when OUT ends in .csv); xlsx: a workbook, "
        "one sheet per table, with -o FILE",
    )
    command.add_argument(
        "-o",
        "--output",
        metavar="OUT",
        help="with --format csv a folder (or a .csv file); with --format xlsx the .xlsx file",
    )
    command.add_argument(
        "--table",
        metavar="NAME",
        help="only this table (names: docs/tables.md); default: all in a workbook or "
        "folder, the main one on stdout",
    )


def _write_tables(args: argparse.Namespace, tables: Sequence[Table]) -> int:
    """Write the tables as ``--format csv`` or ``xlsx`` asks (docs/tables.md)."""
    from logikmodell.errors import ExtraMissingError
    from logikmodell.tables import table_named, to_csv, write_csv, write_xlsx

    command = f"logikmodell {args.command}"
    try:
        chosen = list(tables) if args.table is None else [table_named(tables, args.table)]
    except KeyError:
        message = translate(
            args.lang,
            "there is no table {name}; the tables are: {names}",
            name=repr(args.table),
            names=", ".join(one.name for one in tables),
        )
        print(f"{command}: {message}", file=sys.stderr)
        return EXIT_INPUT
    if args.output is None:
        if args.format == "xlsx":
            message = translate(args.lang, "--format xlsx writes a file: give -o FILE.xlsx")
            print(f"{command}: {message}", file=sys.stderr)
            return EXIT_INPUT
        sys.stdout.write(to_csv(chosen[0]))
        return EXIT_OK
    target = Path(args.output)
    try:
        if args.format == "xlsx":
            written = [write_xlsx(chosen, target, lang=args.lang)]
        elif target.suffix.lower() == ".csv":
            from logikmodell._files import write_atomically

            write_atomically(target, to_csv(chosen[0]).encode("utf-8"))
            written = [target]
        else:
            written = write_csv(chosen, target)
    except (ExtraMissingError, OSError) as exc:
        if isinstance(exc, OSError):
            reason = exc.strerror or str(exc)
        else:
            reason = error_text(args.lang, exc)
        print(
            translate(args.lang, "cannot write {path}: {reason}", path=target, reason=reason),
            file=sys.stderr,
        )
        return EXIT_INPUT
    for path in written:
        print(translate(args.lang, "Wrote {path}", path=path))
    return EXIT_OK


# ---------------------------------------------------------------------- costs
def _cmd_costs(args: argparse.Namespace) -> int:
    from logikmodell.costs import CostAttributionError, attribute_costs
    from logikmodell.text import cost_table

    model = _load(args.model, args)
    try:
        costs = attribute_costs(model)
    except CostAttributionError as exc:
        return _refuse(exc.findings, args.model, args.format, "costs", args.lang)
    if args.format in ("csv", "xlsx"):
        return _write_tables(args, costs.tables(args.lang))
    if args.format == "json":
        print(json.dumps(costs.to_dict(args.lang), ensure_ascii=False, indent=2))
    else:
        print(cost_table(model, costs, lang=args.lang))
    return EXIT_OK


# ---------------------------------------------------------------------- render
def _cmd_render(args: argparse.Namespace) -> int:
    from logikmodell.rendering import render

    if (args.as_of is not None or args.data) and not args.follow_up:
        print(
            translate(args.lang, "{option} goes with --follow-up", option="--as-of/--data"),
            file=sys.stderr,
        )
        return EXIT_INPUT
    model = _with_data(args)
    followed = None
    if args.follow_up:
        from logikmodell.followup import follow_up

        followed = follow_up(model, as_of=args.as_of)
    findings = None
    if args.findings:
        from logikmodell.validation import validate

        findings = validate(model, lang=args.lang)
    written = render(
        model,
        args.output,
        lang=args.lang,
        findings=findings,
        goal=args.goal,
        compact=args.compact,
        page=args.page,
        orientation=args.orientation,
        follow_up=followed,
    )
    print(translate(args.lang, "Wrote {path}", path=written))
    return EXIT_OK


# ---------------------------------------------------------------------- returns
def _refuse(
    findings: Sequence[Finding], path: str, output_format: str, command: str, lang: Lang
) -> int:
    """Print the findings (LM101, LM601) for which a command refuses a model."""
    from logikmodell.validation import Report

    report = Report(findings=findings)
    if output_format == "json":
        print(json.dumps(report.to_dict(lang), ensure_ascii=False, indent=2))
    else:
        for finding in report.findings:
            print(finding.to_text(lang))
    reason = translate(
        lang,
        "{command} refused: the model has a cycle or over-allocated shares",
        command=command,
    )
    print(f"{path}: {reason}", file=sys.stderr)
    return EXIT_ERRORS


def _cmd_returns(args: argparse.Namespace) -> int:
    from logikmodell.returns import AppraisalError, appraise, monte_carlo, one_way
    from logikmodell.text import returns_text
    from logikmodell.validation import validate

    if args.seed is not None and not args.monte_carlo:
        message = translate(
            args.lang, "--seed is the seed of a simulation: give --monte-carlo N too"
        )
        print(f"logikmodell returns: {message}", file=sys.stderr)
        return EXIT_INPUT
    seed = 0 if args.seed is None else args.seed
    model = _load(args.model, args)
    refusing = validate(model, select=["LM101", "LM601"], lang=args.lang)
    if not refusing.ok:
        return _refuse(refusing.findings, args.model, args.format, "returns", args.lang)
    try:
        appraisal = appraise(model)
        sensitivity = one_way(model) if args.sensitivity else None
        simulation = None
        if args.monte_carlo:
            bar = _ProgressBar(args.lang, args.monte_carlo) if sys.stderr.isatty() else None
            simulation = monte_carlo(model, args.monte_carlo, seed, progress=bar)
    except AppraisalError as exc:
        print(f"{args.model}: {error_text(args.lang, exc)}", file=sys.stderr)
        return EXIT_ERRORS
    if args.format in ("csv", "xlsx"):
        tables = list(appraisal.tables(args.lang))
        for extra in (sensitivity, simulation):
            if extra is not None:
                tables += extra.tables(args.lang)
        return _write_tables(args, tables)
    if args.format == "json":
        data = appraisal.to_dict()
        if sensitivity is not None:
            data["sensitivity"] = sensitivity.to_dict()
        if simulation is not None:
            data["monte_carlo"] = simulation.to_dict()
        print(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        print(
            returns_text(
                model, appraisal, sensitivity=sensitivity, monte_carlo=simulation, lang=args.lang
            )
        )
    return EXIT_OK


# ---------------------------------------------------------------------- report
def _cmd_report(args: argparse.Namespace) -> int:
    from logikmodell.rendering.report import report

    if args.seed is not None and not args.monte_carlo:
        print(translate(args.lang, "--seed needs --monte-carlo"), file=sys.stderr)
        return EXIT_INPUT
    model = _with_data(args)
    written = report(
        model,
        args.output,
        lang=args.lang,
        monte_carlo=args.monte_carlo,
        seed=args.seed or 0,
        template_dir=args.template_dir,
    )
    print(translate(args.lang, "Wrote {path}", path=written))
    return EXIT_OK


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(_not_whole(text)) from None
    if value < 1:
        raise argparse.ArgumentTypeError(
            translate(None, "expected at least 1, got {value}", value=value)
        )
    return value


def _draws(text: str) -> int:
    """``--monte-carlo N``: from 1 to the most draws a simulation makes."""
    from logikmodell.returns.montecarlo import MAX_DRAWS

    value = _positive_int(text)
    if value > MAX_DRAWS:
        raise argparse.ArgumentTypeError(
            translate(
                None,
                "expected at most {most} draws (the limit of a simulation), got {value}",
                most=MAX_DRAWS,
                value=value,
            )
        )
    return value


class _ProgressBar:
    """A progress bar on stderr, drawn once a run has taken more than a second."""

    _WIDTH = 30

    def __init__(self, lang: Lang, draws: int) -> None:
        self.label = translate(lang, "Simulating {draws} draws", draws=draws)
        self.start = time.monotonic()
        self.shown = False

    def __call__(self, done: int, total: int) -> None:
        if not self.shown and time.monotonic() - self.start < 1:
            return
        self.shown = True
        filled = self._WIDTH * done // total
        bar = "#" * filled + " " * (self._WIDTH - filled)
        line = f"\r{self.label} [{bar}] {100 * done // total:3d} %"
        if done == total:  # leave the terminal as it was
            line += "\r" + " " * (len(line) - 1) + "\r"
        sys.stderr.write(line)
        sys.stderr.flush()


def _not_whole(text: str) -> str:
    """The complaint about an option that is not a whole number.

    The arguments are still being parsed, so the language is the environment's.
    """
    return translate(None, "expected a whole number, got {text}", text=repr(text))


def _seed(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = -1
    if value < 0:
        raise argparse.ArgumentTypeError(
            translate(None, "expected a whole number ≥ 0, got {text}", text=repr(text))
        )
    return value


# ---------------------------------------------------------------------- demo
def _write_json(path: Path, data: object) -> Path:
    from logikmodell._files import write_atomically

    text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    return write_atomically(path, text.encode("utf-8"))


def _demo_reports(model: LogicModel, out_dir: Path, lang: str | None) -> list[Path]:
    """The demo's report: HTML, and PDF too where WeasyPrint is installed."""
    from logikmodell.rendering.report import ReportToolMissingError, report

    written = [report(model, out_dir / "report.html", lang=lang)]
    # The pdf extra is optional; the HTML prints to PDF in any browser.
    with contextlib.suppress(ReportToolMissingError):
        written.append(report(model, out_dir / "report.pdf", lang=lang))
    return written


# What ``demo`` writes: the model and its diagrams by the example's name, and these.
_DEMO_SUFFIXES = (".yaml", ".json", ".toml", ".mmd", ".svg", ".png")
_DEMO_FILES = (
    "validation.json",
    "costs.json",
    "returns.json",
    "follow-up.json",
    "evaluation.json",
    "report.html",
    "report.pdf",
)


def _demo_folder(out_dir: Path, named: Sequence[Path], args: argparse.Namespace) -> None:
    """Make the demo's folder; refuse one that holds files the demo would replace.

    Raises:
        WriteError: the folder cannot be made (a file is in its place), or it holds
            files of the demo's names and ``--force`` was not given.
    """
    from logikmodell.errors import WriteError

    if out_dir.exists() and not out_dir.is_dir():
        reason = translate(args.lang, "a file is in the place of the folder")
        raise WriteError(str(out_dir), reason)
    if out_dir.is_dir() and not args.force:
        there = [p.name for p in (*named, *(out_dir / n for n in _DEMO_FILES)) if p.exists()]
        if there:
            reason = translate(
                args.lang,
                "the folder holds files the demo would replace ({files}); "
                "give --force to replace them",
                files=", ".join(there[:3]) + (" …" if len(there) > 3 else ""),
            )
            raise WriteError(str(out_dir), reason)
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise WriteError(str(out_dir), exc.strerror or str(exc), exc.errno) from exc


def _cmd_demo(args: argparse.Namespace) -> int:
    from logikmodell._files import write_atomically
    from logikmodell.costs import attribute_costs
    from logikmodell.evaluation import evaluate
    from logikmodell.examples import example_path, load_example
    from logikmodell.followup import follow_up
    from logikmodell.io import dump
    from logikmodell.rendering import render
    from logikmodell.returns import appraise
    from logikmodell.text import cost_summary, follow_up_text, returns_text
    from logikmodell.validation import validate

    out_dir = Path(args.dir)
    stem = out_dir / example_path().stem
    _demo_folder(out_dir, [stem.with_suffix(s) for s in _DEMO_SUFFIXES], args)
    model = load_example()
    written = [write_atomically(stem.with_suffix(".yaml"), example_path().read_bytes())]
    for suffix in (".json", ".toml"):
        dump(model, stem.with_suffix(suffix))
        written.append(stem.with_suffix(suffix))

    report = validate(model, lang=args.lang)
    costs = attribute_costs(model)
    appraisal = appraise(model)
    written.append(_write_json(out_dir / "validation.json", report.to_dict()))
    written.append(_write_json(out_dir / "costs.json", costs.to_dict(args.lang)))
    written.append(_write_json(out_dir / "returns.json", appraisal.to_dict()))
    followed = follow_up(model)
    written.append(_write_json(out_dir / "follow-up.json", followed.to_dict()))
    written.append(_write_json(out_dir / "evaluation.json", evaluate(model).to_dict()))
    written.append(render(model, stem.with_suffix(".mmd"), lang=args.lang))
    diagram_note = ""
    try:
        for suffix in (".svg", ".png"):
            written.append(render(model, stem.with_suffix(suffix), lang=args.lang))
        written += _demo_reports(model, out_dir, args.lang)
    except GraphvizNotFoundError as exc:
        diagram_note = translate(args.lang, "Diagram: {reason}", reason=error_text(args.lang, exc))

    out = sys.stdout
    print(summary(model, lang=args.lang), file=out)
    print("\n" + translate(args.lang, "Validation:"), report.to_text(args.lang), sep="\n", file=out)
    print("\n" + cost_summary(model, costs, lang=args.lang), file=out)
    print("\n" + returns_text(model, appraisal, lang=args.lang), file=out)
    print("\n" + follow_up_text(model, followed, lang=args.lang), file=out)
    print("", file=out)
    for path in written:
        print(translate(args.lang, "Wrote {path}", path=path), file=out)
    if diagram_note:
        print(diagram_note, file=out)
    return EXIT_OK


def summary(model: LogicModel, *, lang: str | None = None) -> str:
    """A few lines that say what a model holds, in ``lang`` (default: the environment's)."""
    from logikmodell.model import NodeKind
    from logikmodell.numbers import format_date
    from logikmodell.rendering.labels import stage_name

    language = resolve_lang(lang)
    lines = [model.title]
    if model.owner:
        lines.append("  " + translate(language, "Owner: {owner}", owner=model.owner))
    if model.period:
        start = format_date(model.period.start, lang=language)
        end = format_date(model.period.end, lang=language)
        lines.append("  " + translate(language, "Period: {start} – {end}", start=start, end=end))
    if model.target_group:
        size = f" ({model.target_group.size})" if model.target_group.size is not None else ""
        group = f"{model.target_group.label}{size}"
        lines.append("  " + translate(language, "Target group: {group}", group=group))
    counts = ", ".join(
        f"{len(model.of_kind(kind))} {stage_name(kind, language).lower()}"
        for kind in NodeKind
        if model.of_kind(kind)
    )
    lines.append("  " + translate(language, "Nodes: {n} ({counts})", n=len(model), counts=counts))
    lines.append(
        "  "
        + translate(
            language,
            "Links: {links}; indicators: {indicators}; risks: {risks}; actors: {actors}",
            links=len(model.links),
            indicators=len(model.indicators),
            risks=len(model.risks),
            actors=len(model.actors),
        )
    )
    return "\n".join(lines)


# ---------------------------------------------------------------------- follow-up
def _with_data(args: argparse.Namespace) -> LogicModel:
    """The model of ``args.model`` with the data files of ``--data`` merged in."""
    model = _load(args.model, args)
    if args.data:
        from logikmodell.io.data import merge_data, read_data

        model = merge_data(model, read_data(args.data))
    return model


def _print_result(
    args: argparse.Namespace, data: dict[str, object], text: Callable[[], str]
) -> int:
    """Print a result as ``--format`` asks: its JSON data, or its text."""
    if args.format == "json":
        print(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        print(text())
    return EXIT_OK


def _cmd_follow_up(args: argparse.Namespace) -> int:
    from logikmodell.followup import follow_up
    from logikmodell.text import follow_up_text

    model = _with_data(args)
    result = follow_up(model, as_of=args.as_of)
    if args.format in ("csv", "xlsx"):
        return _write_tables(args, result.tables(args.lang))
    return _print_result(
        args, result.to_dict(), lambda: follow_up_text(model, result, lang=args.lang)
    )


def _cmd_evaluate(args: argparse.Namespace) -> int:
    from logikmodell.evaluation import evaluate
    from logikmodell.text import evaluation_text

    model = _with_data(args)
    result = evaluate(model, scale_to=args.scale_to)
    if args.format in ("csv", "xlsx"):
        return _write_tables(args, result.tables(args.lang))
    return _print_result(
        args, result.to_dict(), lambda: evaluation_text(model, result, lang=args.lang)
    )


def _cmd_merge(args: argparse.Namespace) -> int:
    from logikmodell.io import dumps, format_of

    try:
        fmt = format_of(args.output)
    except ValueError as exc:
        print(str(exc), file=sys.stderr)
        return EXIT_INPUT
    from logikmodell._files import write_atomically

    text = dumps(_with_data(args), fmt)
    target = write_atomically(args.output, text.encode("utf-8"))
    print(translate(args.lang, "Wrote {path}", path=target))
    return EXIT_OK


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a date (YYYY-MM-DD), got {text!r}") from None


def _add_data_option(command: argparse.ArgumentParser, *, required: bool = False) -> None:
    command.add_argument(
        "--data",
        action="append",
        metavar="CSV",
        required=required,
        help="measurements (indicator,date,value[,note]) or actuals (resource,year,amount) "
        "to merge into the model; repeatable",
    )


def _add_follow_up(commands: argparse._SubParsersAction[_Parser]) -> None:
    """The ``follow-up`` command and its arguments."""
    command = commands.add_parser(
        "follow-up", help="follow up: indicators against targets, spending against plan"
    )
    command.add_argument("model", metavar="MODEL", help="model file (.yaml, .yml, .json, .toml)")
    _add_data_option(command)
    command.add_argument(
        "--as-of",
        type=_date,
        metavar="DATE",
        help="follow up to this date (default: the latest measurement)",
    )
    _add_table_options(command, ["text", "json"])
    command.set_defaults(func=_cmd_follow_up)


def _add_evaluate(commands: argparse._SubParsersAction[_Parser]) -> None:
    """The ``evaluate`` command and its arguments."""
    command = commands.add_parser(
        "evaluate",
        help="evaluate against the comparison alternative: effects, fidelity, realised returns",
    )
    command.add_argument("model", metavar="MODEL", help="model file (.yaml, .yml, .json, .toml)")
    _add_data_option(command)
    command.add_argument(
        "--scale-to",
        type=_positive_int,
        metavar="N",
        help="project the realised investment to a target group of N participants",
    )
    _add_table_options(command, ["text", "json"])
    command.set_defaults(func=_cmd_evaluate)


def _add_merge(commands: argparse._SubParsersAction[_Parser]) -> None:
    """The ``merge`` command and its arguments."""
    command = commands.add_parser(
        "merge", help="write measurements and actuals from CSV files into a model file"
    )
    command.add_argument("model", metavar="MODEL", help="model file (.yaml, .yml, .json, .toml)")
    _add_data_option(command, required=True)
    command.add_argument(
        "-o", "--output", required=True, metavar="OUT", help="model file to write (may be MODEL)"
    )
    command.set_defaults(func=_cmd_merge)


# ---------------------------------------------------------------------- main
def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the ``logikmodell`` command."""
    parser = _Parser(
        prog="logikmodell",
        description="Logic models for social investments: validate, cost, appraise, draw.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument(
        "--debug", action="store_true", help="show the traceback of an internal error"
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for add in (
        _add_convert,
        _add_validate,
        _add_schema,
        _add_costs,
        _add_render,
        _add_returns,
        _add_report,
        _add_demo,
        _add_follow_up,
        _add_evaluate,
        _add_merge,
        _add_catalogue,
    ):
        add(commands)
    for name in ("convert", "validate", "costs", "render", "returns", "report"):
        commands.choices[name].add_argument(
            "--catalogue",
            action="append",
            metavar="FILE",
            help="a unit-cost catalogue the model refers to, allowed wherever it lies "
            "(ID=FILE names its id; repeatable)",
        )
    for command in commands.choices.values():
        command.add_argument(
            "--lang",
            choices=("sv", "en"),
            default=None,
            help="language of what is printed (default: LOGIKMODELL_LANG, else sv when "
            "the locale is Swedish, else en)",
        )
    return parser


def _add_convert(commands: argparse._SubParsersAction[_Parser]) -> None:
    """The ``convert`` command and its arguments."""
    convert = commands.add_parser("convert", help="convert between YAML, JSON and TOML")
    convert.add_argument("input", metavar="IN", help="model file (.yaml, .yml, .json, .toml)")
    convert.add_argument("output", metavar="OUT", help="file to write; format from the suffix")
    convert.set_defaults(func=_cmd_convert)


def _add_validate(commands: argparse._SubParsersAction[_Parser]) -> None:
    """The ``validate`` command and its arguments."""
    check = commands.add_parser("validate", help="check a model against the rules LM101–LM803")
    check.add_argument(
        "model",
        metavar="MODEL",
        nargs="+",
        help="model files (.yaml, .yml, .json, .toml), or folders of them",
    )
    _add_table_options(
        check,
        ["text", "json", "sarif", "github"],
        "text (FILE:LINE:COL: CODE severity: message), json, sarif (SARIF 2.1.0), "
        "github (workflow commands); ",
    )
    check.add_argument(
        "--select",
        action="append",
        metavar="CODES",
        help="only these rules: codes or prefixes, comma-separated (LM2,LM601)",
    )
    check.add_argument(
        "--ignore", action="append", metavar="CODES", help="skip these rules (codes or prefixes)"
    )
    check.add_argument(
        "--strict", action="store_true", help="exit 1 on warnings too, not only on errors"
    )
    check.add_argument(
        "--as-of",
        type=_date,
        metavar="DATE",
        help="judge overdue measurements (LM308) at this date (default: each model's "
        "latest measurement)",
    )
    check.set_defaults(func=_cmd_validate)


def _add_schema(commands: argparse._SubParsersAction[_Parser]) -> None:
    """The ``schema`` command and its arguments."""
    schema = commands.add_parser("schema", help="print the JSON Schema of the file format")
    schema.add_argument(
        "--catalogue", action="store_true", help="the schema of a unit-cost catalogue instead"
    )
    schema.set_defaults(func=_cmd_schema)


def _add_catalogue(commands: argparse._SubParsersAction[_Parser]) -> None:
    """The ``catalogue`` command and its arguments."""
    command = commands.add_parser(
        "catalogue", help="list and search the entries of a unit-cost catalogue"
    )
    command.add_argument(
        "file", metavar="FILE", help="catalogue file (.yaml, .yml, .json, .toml, .csv)"
    )
    command.add_argument("--search", metavar="TEXT", help="only entries holding every word")
    command.add_argument("--format", choices=["text", "json", "csv"], default="text")
    command.set_defaults(func=_cmd_catalogue)


def _add_costs(commands: argparse._SubParsersAction[_Parser]) -> None:
    """The ``costs`` command and its arguments."""
    costs = commands.add_parser("costs", help="attribute resource costs along the chain")
    costs.add_argument("model", metavar="MODEL", help="model file (.yaml, .yml, .json, .toml)")
    _add_table_options(costs, ["text", "json"])
    costs.set_defaults(func=_cmd_costs)


def _add_render(commands: argparse._SubParsersAction[_Parser]) -> None:
    """The ``render`` command and its arguments."""
    draw = commands.add_parser("render", help="draw the logic-model diagram")
    draw.add_argument("model", metavar="MODEL", help="model file (.yaml, .yml, .json, .toml)")
    draw.add_argument(
        "-o",
        "--output",
        required=True,
        metavar="OUT",
        help="file to write; format from the suffix: .svg .png .pdf (need Graphviz), .dot .mmd",
    )
    draw.add_argument("--findings", action="store_true", help="highlight what validation finds")
    draw.add_argument(
        "--follow-up",
        action="store_true",
        help="colour each indicator by its follow-up status (with a symbol and a word)",
    )
    draw.add_argument(
        "--as-of",
        type=_date,
        metavar="DATE",
        help="with --follow-up: follow up to this date (default: the latest measurement)",
    )
    _add_data_option(draw)
    draw.add_argument("--goal", metavar="ID", help="draw only the paths to this node")
    draw.add_argument(
        "--compact",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="fold outputs into activities and count indicators and risks "
        "(default: only for models over 80 nodes)",
    )
    draw.add_argument(
        "--page",
        choices=("a4", "a3"),
        help="scale the drawing down to fit this sheet, its text never below 7 pt",
    )
    draw.add_argument(
        "--orientation",
        choices=("landscape", "portrait"),
        default="landscape",
        help="of the sheet, with --page (default landscape)",
    )
    draw.set_defaults(func=_cmd_render)


def _add_returns(commands: argparse._SubParsersAction[_Parser]) -> None:
    """The ``returns`` command and its arguments."""
    returns = commands.add_parser(
        "returns", help="appraise the returns: NPV, SROI ratio, payback, who pays and who gains"
    )
    returns.add_argument("model", metavar="MODEL", help="model file (.yaml, .yml, .json, .toml)")
    _add_table_options(returns, ["text", "json"])
    returns.add_argument(
        "--sensitivity",
        action="store_true",
        help="add the one-way table and switching values of the parameters with ranges",
    )
    returns.add_argument(
        "--monte-carlo",
        type=_draws,
        metavar="N",
        help="add a Monte Carlo simulation of N draws (at most 1 000 000)",
    )
    returns.add_argument(
        "--seed",
        type=_seed,
        default=None,
        metavar="S",
        help="seed of the simulation, a whole number ≥ 0 (default 0); needs --monte-carlo",
    )
    returns.set_defaults(func=_cmd_returns)


def _add_report(commands: argparse._SubParsersAction[_Parser]) -> None:
    """The ``report`` command and its arguments."""
    command = commands.add_parser(
        "report", help="write the application report (beslutsunderlag) as HTML or PDF"
    )
    command.add_argument("model", metavar="MODEL", help="model file (.yaml, .yml, .json, .toml)")
    command.add_argument(
        "-o", "--output", required=True, metavar="OUT", help="file to write: .html or .pdf"
    )
    command.add_argument(
        "--monte-carlo",
        type=_draws,
        metavar="N",
        help="simulate N draws of the returns (at most 1 000 000)",
    )
    command.add_argument(
        "--seed",
        type=_seed,
        metavar="S",
        help="seed of the simulation, a whole number ≥ 0 (default 0); needs --monte-carlo",
    )
    command.add_argument(
        "--template-dir",
        metavar="DIR",
        help="templates that replace the package's own, file by file",
    )
    _add_data_option(command)
    command.set_defaults(func=_cmd_report)


def _add_demo(commands: argparse._SubParsersAction[_Parser]) -> None:
    """The ``demo`` command and its arguments."""
    demo = commands.add_parser("demo", help="write the embedded example and its outputs")
    demo.add_argument("dir", metavar="DIR", nargs="?", default="logikmodell-demo")
    demo.add_argument(
        "--force", action="store_true", help="replace the demo's files in DIR if they are there"
    )
    demo.set_defaults(func=_cmd_demo)


def _error_lines(exc: LogikmodellError, args: argparse.Namespace) -> list[str]:
    """What stderr says about an error, by its kind (all of them exit 2).

    A load error lists its problems, each located; Graphviz missing or failing is
    about the output, which cannot be made (``cannot write OUT: …``, naming the OS
    package to install); any other error is about the input, named first.
    """
    if isinstance(exc, LoadError):
        return exc.lines()
    if isinstance(exc, WriteError):
        return [error_text(args.lang, exc)]
    if isinstance(exc, GraphvizNotFoundError | RenderError):
        output = getattr(args, "output", None) or getattr(args, "dir", None)
        reason = error_text(args.lang, exc)
        if output:
            return [
                translate(args.lang, "cannot write {path}: {reason}", path=output, reason=reason)
            ]
        return [f"logikmodell: {reason}"]
    source = (
        getattr(args, "model", None)
        or getattr(args, "input", None)
        or getattr(args, "file", None)
        or "logikmodell"
    )
    if isinstance(source, list):  # validate takes several files
        source = source[0] if len(source) == 1 else "logikmodell"
    return [f"{source}: {error_text(args.lang, exc)}"]


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        args.lang = resolve_lang(getattr(args, "lang", None))
    except LogikmodellError as exc:
        print(f"logikmodell: {exc}", file=sys.stderr)
        return EXIT_INPUT
    try:
        code: int = args.func(args)
        sys.stdout.flush()
    except LogikmodellError as exc:
        for line in _error_lines(exc, args):
            print(one_line(line), file=sys.stderr)
        return EXIT_INPUT
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader went away (``logikmodell ... | head``): nothing is wrong with
        # the model.
        _quiet_stdout()
        return EXIT_BROKEN_PIPE
    except OSError as exc:
        # Standard output cannot be written (``> /dev/full``): an output problem,
        # exit 2; any other OSError that reaches here is a bug.
        if not _stdout_failed(args.lang, exc):
            return _internal_error(args)
        return EXIT_INPUT
    except Exception:
        return _internal_error(args)
    return code


def _quiet_stdout() -> None:
    """Point stdout at devnull, so that the interpreter's final flush is quiet."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())


# What a write to a full disk, past a file-size limit or to a broken device fails
# with. Files the library writes raise WriteError; an OSError with one of these
# that reaches main came from printing to standard output.
_WRITE_ERRNOS = frozenset({errno.ENOSPC, errno.EFBIG, errno.EDQUOT, errno.EIO, errno.EROFS})


def _stdout_failed(lang: Lang, error: OSError) -> bool:
    """Whether standard output cannot be written (``> /dev/full``); says so if so."""
    try:
        sys.stdout.flush()
    except OSError as exc:
        error = exc
    else:
        if error.errno not in _WRITE_ERRNOS:
            return False
    reason = error.strerror or str(error)
    with contextlib.suppress(OSError):
        print(
            translate(lang, "cannot write {path}: {reason}", path="<stdout>", reason=reason),
            file=sys.stderr,
        )
    with contextlib.suppress(OSError, ValueError):
        _quiet_stdout()
    return True


def _internal_error(args: argparse.Namespace) -> int:
    """Say that a bug happened: the traceback under ``--debug``, else a short message."""
    if args.debug:
        traceback.print_exc()
    else:
        message = translate(
            args.lang,
            "internal error (a bug). Please report it with the command "
            "and input that caused it; run with --debug to see the traceback.",
        )
        print(f"logikmodell: {message}", file=sys.stderr)
    return EXIT_INTERNAL


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
