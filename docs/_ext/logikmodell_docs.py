"""Sphinx glue for the logikmodell docs: API pages from ``__all__``, the JSON Schema.

* At ``builder-inited`` one page per public module is written to ``docs/api/`` (a
  generated folder, not kept in git): every name of its ``__all__``, once. A class or
  function that ``logikmodell`` itself exports is documented there and linked from the
  subpackage's page, so no object is described twice.
* ``{logikmodell-schema}`` renders the JSON Schema of the file format as it is now.
"""

from __future__ import annotations

import enum
import importlib
import inspect
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import apinames
from docutils import nodes
from sphinx.addnodes import pending_xref
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.ext import intersphinx
from sphinx.util.docutils import SphinxDirective

__all__ = ["SchemaDirective", "setup", "write_api_pages"]

_GROUPS = {
    "graph": "The model",
    "model": "Nodes and elements",
    "io": "Reading and writing",
    "validation": "Validation",
    "costs": "Costs",
    "returns": "Returns",
    "rendering": "Diagrams",
    "errors": "Errors",
}


def _directive(full_name: str, obj: object) -> list[str]:
    """The autodoc directive for one object, as reStructuredText lines."""
    if inspect.isclass(obj):
        kind = "autoexception" if issubclass(obj, BaseException) else "autoclass"
        lines = [f".. {kind}:: {full_name}", "   :members:", "   :show-inheritance:"]
        if issubclass(obj, enum.Enum):
            lines.append("   :undoc-members:")
        return [*lines, ""]
    if inspect.isfunction(obj):
        return [f".. autofunction:: {full_name}", ""]
    return [f".. autodata:: {full_name}", "   :no-value:", ""]


def _title(text: str, underline: str) -> list[str]:
    return [text, underline * len(text), ""]


def _group_of(obj: object) -> str:
    module = getattr(obj, "__module__", None) or ""
    parts = module.split(".")
    return _GROUPS.get(parts[1], "Other") if len(parts) > 1 else "Other"


def _root_page() -> list[str]:
    """``logikmodell`` itself: every exported name, grouped by where it lives."""
    root = importlib.import_module(apinames.ROOT)
    lines = [*_title("logikmodell", "="), ".. automodule:: logikmodell", "   :no-members:", ""]
    groups: dict[str, list[str]] = {title: [] for title in [*_GROUPS.values(), "Other"]}
    for name in apinames.public_names(apinames.ROOT):
        obj = getattr(root, name)
        groups[_group_of(obj)].extend(_directive(f"{apinames.ROOT}.{name}", obj))
    for title, body in groups.items():
        if body:
            lines += [*_title(title, "-"), *body]
    return lines


def _module_page(module_name: str, owners: dict[int, str]) -> list[str]:
    """One public subpackage: its own names, and links to those documented elsewhere."""
    module = importlib.import_module(module_name)
    own: list[str] = []
    elsewhere: list[str] = []
    for name in apinames.public_names(module_name):
        obj = getattr(module, name)
        if apinames.documented_object(obj) and id(obj) in owners:
            role = "func" if inspect.isfunction(obj) else "class"
            elsewhere.append(f"* ``{name}``: :py:{role}:`{owners[id(obj)]}`")
            continue
        if apinames.documented_object(obj):
            owners[id(obj)] = f"{module_name}.{name}"
        own.extend(_directive(f"{module_name}.{name}", obj))
    lines = [*_title(module_name, "="), f".. automodule:: {module_name}", "   :no-members:", ""]
    if elsewhere:
        lines += ["Documented with the names they have elsewhere:", "", *elsewhere, ""]
    return lines + own


def write_api_pages(app: Sphinx) -> None:
    """Write ``api/<module>.rst`` for every public module; drop pages of old modules."""
    folder = Path(app.srcdir) / "api"
    folder.mkdir(exist_ok=True)
    root = importlib.import_module(apinames.ROOT)
    owners = {
        id(getattr(root, name)): f"{apinames.ROOT}.{name}"
        for name in apinames.public_names(apinames.ROOT)
        if apinames.documented_object(getattr(root, name))
    }
    wanted: dict[str, str] = {}
    for module_name in apinames.public_modules():
        lines = _root_page() if module_name == apinames.ROOT else _module_page(module_name, owners)
        wanted[f"{module_name}.rst"] = "\n".join(lines) + "\n"
    for old in folder.glob("*.rst"):
        if old.name not in wanted:
            old.unlink()
    for file_name, text in wanted.items():
        path = folder / file_name
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")


class SchemaDirective(SphinxDirective):
    """``{logikmodell-schema}``: the JSON Schema of the file format, as built now."""

    has_content = False

    def run(self) -> list[nodes.Node]:
        # The `schema` command is the contract; ask it rather than a module that may move.
        done = subprocess.run(
            [sys.executable, "-m", "logikmodell", "schema"],
            capture_output=True,
            check=True,
            encoding="utf-8",
        )
        text = json.dumps(json.loads(done.stdout), indent=2, ensure_ascii=False)
        block = nodes.literal_block(text, text)
        block["language"] = "json"
        return [block]


#: Names that annotations spell differently from the inventories that list them.
_ALIASES = {
    "graphviz.graphs.Digraph": "graphviz.Digraph",
    "nx.DiGraph": "networkx.DiGraph",
}


def _resolve_alias(
    app: Sphinx, env: BuildEnvironment, node: pending_xref, contnode: nodes.TextElement
) -> nodes.reference | None:
    """Link a third-party class under the name its documentation uses."""
    target = _ALIASES.get(node.get("reftarget", ""))
    if target is None:
        return None
    node["reftarget"] = target
    return intersphinx.missing_reference(app, env, node, contnode)


def setup(app: Sphinx) -> dict[str, Any]:
    """Register the page writer, the schema directive and the aliases."""
    app.connect("builder-inited", write_api_pages)
    app.connect("missing-reference", _resolve_alias)
    app.add_directive("logikmodell-schema", SchemaDirective)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
